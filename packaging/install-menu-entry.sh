#!/bin/sh
# Adds fashiondesk to this user's desktop menu (Linux): run it from the unpacked bundle.
# Run it again after moving the bundle; remove the entry with --remove.
set -eu
HERE="$(cd "$(dirname "$0")" && pwd)"
ENTRY="${XDG_DATA_HOME:-$HOME/.local/share}/applications/fashiondesk.desktop"
if [ "${1:-}" = "--remove" ]; then
    rm -f "$ENTRY" && echo "removed $ENTRY"
    exit 0
fi
mkdir -p "$(dirname "$ENTRY")"
cat > "$ENTRY" <<DESKTOP
[Desktop Entry]
Type=Application
Name=fashiondesk
GenericName=Clothing photo catalogue
Comment=Tag, search and export a boutique's product photos
Exec="$HERE/fashiondesk"
Icon=$HERE/fashiondesk.png
Terminal=false
Categories=Graphics;Photography;Office;
DESKTOP
echo "added $ENTRY"
