"""Render the app icon for desktops and installers: ``python packaging/make_icons.py``.

Writes, from ``resources/icons/mentorpair.svg``:

* ``resources/icons/hicolor/<n>x<n>/apps/mentorpair.png`` for the freedesktop
  icon theme (Linux menus, docks, the AppStream catalogue);
* ``resources/icons/mentorpair.ico`` (Windows) and ``mentorpair.icns`` (macOS),
  which the PyInstaller spec uses on those systems.

The full drawing turns to mush at the smallest sizes, so 16 and 24 px come from
``mentorpair-16.svg``, a simplified drawing on a 16-pixel grid. The outputs are
committed; run this again after changing either SVG.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
FULL = ICONS / "mentorpair.svg"
SMALL = ICONS / "mentorpair-16.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
SMALL_SIZES = (16, 24)
#: macOS icns element types holding PNG data, by pixel size.
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09"}
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(svg: Path, size: int) -> QImage:
    """The SVG drawn on a transparent square of ``size`` pixels."""
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def save_png(image: QImage, target: Path) -> bytes:
    """Write the image as a PNG file; return the file's bytes (for the .ico and .icns)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(target)):
        raise SystemExit(f"cannot write {target}")
    return target.read_bytes()


def ico(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding PNG images (readable since Windows Vista).

    Qt's ico writer stores one size per file; Windows picks the best of many.
    """
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, blobs = b"", b""
    for size in sizes:
        data = pngs[size]
        side = 0 if size >= 256 else size  # 0 means 256 in the directory
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        blobs += data
        offset += len(data)
    return header + entries + blobs


def icns(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns made of PNG elements."""
    body = b"".join(
        ICNS_TYPES[size] + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
        for size in sorted(pngs)
        if size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    """Write every icon file; print what was written."""
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    pngs: dict[int, bytes] = {}
    for size in SIZES:
        source = SMALL if size in SMALL_SIZES and SMALL.exists() else FULL
        target = ICONS / "hicolor" / f"{size}x{size}" / "apps" / "mentorpair.png"
        pngs[size] = save_png(render(source, size), target)
        print(f"{target.relative_to(ICONS.parent.parent)} (from {source.name})")
    (ICONS / "mentorpair.ico").write_bytes(ico({s: pngs[s] for s in ICO_SIZES}))
    (ICONS / "mentorpair.icns").write_bytes(icns(pngs))
    print("resources/icons/mentorpair.ico, resources/icons/mentorpair.icns")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
