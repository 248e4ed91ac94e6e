"""Render the NewsGold SVG icon to the hicolor PNG sizes, a Windows .ico and a macOS .icns.

    python packaging/icons/render_icons.py OUT_DIR

Uses Qt's own SVG renderer (QtSvg is part of PySide6-Essentials), so no rsvg/ImageMagick is
needed. Writes OUT_DIR/hicolor/<N>x<N>/apps/org.newsgold.NewsGold.png, OUT_DIR/hicolor/scalable/
apps/org.newsgold.NewsGold.svg, OUT_DIR/newsgold.ico and (when Qt's icns writer is present)
OUT_DIR/newsgold.icns. A packaging tool, not part of the app (so it may import Qt directly).
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

APP_ID = "org.newsgold.NewsGold"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
SVG = Path(__file__).resolve().parent / f"{APP_ID}.svg"


def main(out: Path) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"render_icons: {SVG} is not a valid SVG", file=sys.stderr)
        return 1
    images = {}
    for n in SIZES:
        img = QImage(n, n, QImage.Format.Format_ARGB32_Premultiplied)
        img.fill(Qt.GlobalColor.transparent)
        painter = QPainter(img)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        target = out / "hicolor" / f"{n}x{n}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not img.save(str(target), "PNG"):
            print(f"render_icons: could not write {target}", file=sys.stderr)
            return 1
        images[n] = img
    scalable = out / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SVG, scalable)
    # Qt's ico writer stores one image per file; 256 px is what Windows scales from
    if not images[256].save(str(out / "newsgold.ico"), "ICO"):
        print("render_icons: could not write newsgold.ico", file=sys.stderr)
        return 1
    images[512].save(str(out / "newsgold.icns"), "ICNS")  # optional: the macOS recipe can use iconutil
    print(f"render_icons: {len(SIZES)} PNG sizes + SVG + ico into {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "build/icons")))
