"""The system libraries Qt's X11 (xcb) platform plugin loads, checked before Qt does.

Qt's wheels (and the bundle) carry Qt itself but not the X11 client libraries; when one is
missing Qt prints a generic "could not load the Qt platform plugin" and aborts the process.
This names the missing ones and the Debian/Ubuntu package of each instead.
"""

from __future__ import annotations

import ctypes
import os
import sys

# Library file -> the Debian/Ubuntu package that ships it (Fedora: xcb-util-*, libxkbcommon-x11).
XCB_LIBRARIES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
}


def uses_xcb(environ=os.environ, platform: str = sys.platform) -> bool:
    """Whether Qt will start on X11 here: Linux, no other platform asked for, no Wayland session."""
    if not platform.startswith("linux"):
        return False
    asked = environ.get("QT_QPA_PLATFORM", "")
    if asked:
        return asked.split(":")[0].split(";")[0] == "xcb"
    wayland = environ.get("WAYLAND_DISPLAY") and environ.get("XDG_SESSION_TYPE") == "wayland"
    return bool(environ.get("DISPLAY")) and not wayland


def missing_libraries(load=ctypes.CDLL) -> list[str]:
    missing = []
    for name in XCB_LIBRARIES:
        try:
            load(name)
        except OSError:
            missing.append(name)
    return missing


def explain(missing: list[str]) -> str:
    packages = " ".join(XCB_LIBRARIES[name] for name in missing)
    return (f"the window needs these system libraries, which are not installed: {', '.join(missing)}. "
            f"On Debian or Ubuntu: sudo apt install {packages}. The commands work without them; "
            "see 'fashiondesk --help'.")
