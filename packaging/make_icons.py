"""Draw the app icon (a coat hanger on a rounded square) as PNG, ICO and ICNS.

    python packaging/make_icons.py

Writes packaging/fashiondesk.png (512 px), fashiondesk.ico (16-256 px) and fashiondesk.icns;
packaging/build puts them in the bundle, and the spec uses the ICO/ICNS for the executable.
"""

from pathlib import Path

from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent
SIZE = 512


def draw(size: int = SIZE) -> Image.Image:
    scale = 4  # drawn large and reduced: smooth edges
    s = size * scale
    img = Image.new("RGBA", (s, s), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.rounded_rectangle((0.04 * s, 0.04 * s, 0.96 * s, 0.96 * s), radius=0.2 * s, fill=(44, 62, 110, 255))
    white, line = (250, 246, 238, 255), int(0.05 * s)
    # The hook.
    d.arc((0.42 * s, 0.16 * s, 0.58 * s, 0.34 * s), start=180, end=90, fill=white, width=line)
    d.line((0.5 * s, 0.34 * s, 0.5 * s, 0.42 * s), fill=white, width=line)
    # The shoulders and the bar.
    d.line((0.5 * s, 0.42 * s, 0.16 * s, 0.68 * s), fill=white, width=line, joint="curve")
    d.line((0.5 * s, 0.42 * s, 0.84 * s, 0.68 * s), fill=white, width=line, joint="curve")
    d.line((0.16 * s, 0.68 * s, 0.84 * s, 0.68 * s), fill=white, width=line)
    for x in (0.16, 0.84):
        d.ellipse(((x - 0.025) * s, 0.655 * s, (x + 0.025) * s, 0.705 * s), fill=white)
    # A price tag in the shop's accent colour.
    d.rounded_rectangle((0.56 * s, 0.72 * s, 0.74 * s, 0.84 * s), radius=0.02 * s, fill=(230, 120, 60, 255))
    return img.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    icon = draw()
    icon.save(HERE / "fashiondesk.png")
    icon.save(HERE / "fashiondesk.ico", sizes=[(n, n) for n in (16, 24, 32, 48, 64, 128, 256)])
    icon.save(HERE / "fashiondesk.icns")
    print("wrote", ", ".join(p.name for p in sorted(HERE.glob("fashiondesk.*")) if p.suffix in (".png", ".ico", ".icns")))


if __name__ == "__main__":
    main()
