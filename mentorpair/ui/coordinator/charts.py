"""Horizontal bar charts, drawn by hand, for the printed report and the window alike.

PySide6-Essentials has no QtCharts, and a chart of five bars does not need it.
One function paints a question's answers into a rectangle of any
:class:`QPainter`, so the PDF and the window show the same picture. The bars
are solid dark grey with an outline and every bar is labelled with its count
and share, so the chart reads the same printed in black and white. A group
too small to show is a hatched grey box that says so in words.

Sizes are in points with pixel-sized fonts: the PDF painter is scaled to
points, the window paints at 1 px = 1 pt.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from mentorpair.feedback.report import SUPPRESSED, Hidden

__all__ = [
    "ROW_HEIGHT",
    "ChartStyle",
    "DistributionChart",
    "chart_height",
    "draw_distribution",
    "hidden_text",
    "print_style",
    "row_height",
]

# Smallest height of one bar's row, and the gap between the rows.
ROW_HEIGHT = 17.0
ROW_GAP = 4.0
# The suppressed box's height.
HIDDEN_HEIGHT = 34.0


@dataclass(frozen=True)
class ChartStyle:
    """The colours and font a chart is drawn with."""

    text: QColor
    bar: QColor
    outline: QColor
    track: QColor
    hatch: QColor
    font: QFont


def _font(pixels: int) -> QFont:
    font = QFont()
    font.setPixelSize(pixels)
    return font


def print_style() -> ChartStyle:
    """Black text and grey bars: legible on any printer, in colour or not."""
    return ChartStyle(
        text=QColor("#000000"),
        bar=QColor("#4a4a4a"),
        outline=QColor("#000000"),
        track=QColor("#ededed"),
        hatch=QColor("#9a9a9a"),
        font=_font(9),
    )


def palette_style(palette: QPalette, font: QFont) -> ChartStyle:
    """The window's theme colours, so the chart follows light, dark and high contrast."""
    return ChartStyle(
        text=palette.color(QPalette.ColorRole.WindowText),
        bar=palette.color(QPalette.ColorRole.Highlight),
        outline=palette.color(QPalette.ColorRole.WindowText),
        track=palette.color(QPalette.ColorRole.AlternateBase),
        hatch=palette.color(QPalette.ColorRole.Mid),
        font=font,
    )


def hidden_text(min_group: int) -> str:
    """What a hidden chart says, in the exported (English) wording."""
    return f"Fewer than {min_group} answers — not shown"


def row_height(font: QFont) -> float:
    """One bar's row: the font's line with a little air, never less than ROW_HEIGHT."""
    return max(ROW_HEIGHT, QFontMetricsF(font).height() + 5)


def chart_height(options: int, shown: bool, font: QFont) -> float:
    """The height :func:`draw_distribution` needs."""
    if not shown:
        return max(HIDDEN_HEIGHT, 2 * row_height(font))
    return options * row_height(font) + max(0, options - 1) * ROW_GAP


def draw_distribution(
    painter: QPainter,
    rect: QRectF,
    options: Sequence[str],
    counts: tuple[int, ...] | Hidden,
    style: ChartStyle,
    hidden_label: str,
) -> None:
    """Paint one question's answers in one period into ``rect``.

    Each option gets a row: its words on the left, a bar as long as its share
    of the answers, then "count (share %)". ``counts`` is the report's value:
    the marker draws the hidden box with ``hidden_label`` instead.
    """
    painter.save()
    painter.setFont(style.font)
    metrics = QFontMetricsF(style.font)
    if counts is SUPPRESSED or isinstance(counts, Hidden):
        box = QRectF(rect.left(), rect.top(), rect.width(), chart_height(0, False, style.font))
        painter.setPen(QPen(style.hatch, 1.0))
        painter.setBrush(QBrush(style.track))
        painter.drawRect(box)
        painter.setBrush(QBrush(style.hatch, Qt.BrushStyle.BDiagPattern))
        painter.drawRect(box)
        label = metrics.boundingRect(hidden_label).adjusted(-6, -3, 6, 3)
        label.moveCenter(box.center())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(style.track))
        painter.drawRect(label)
        painter.setPen(style.text)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, hidden_label)
        painter.restore()
        return
    total = sum(counts)
    label_width = min(rect.width() * 0.42, max(metrics.horizontalAdvance(o) for o in options) + 8)
    value_width = metrics.horizontalAdvance("0000 (100%)") + 8
    bar_width = max(20.0, rect.width() - label_width - value_width)
    height = row_height(style.font)
    y = rect.top()
    for option, count in zip(options, counts, strict=True):
        row = QRectF(rect.left(), y, label_width - 8, height)
        painter.setPen(style.text)
        painter.drawText(
            row,
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            metrics.elidedText(option, Qt.TextElideMode.ElideRight, row.width()),
        )
        track = QRectF(rect.left() + label_width, y + 2, bar_width, height - 4)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(style.track))
        painter.drawRect(track)
        share = count / total if total else 0.0
        if count:
            bar = QRectF(track.left(), track.top(), max(1.5, bar_width * share), track.height())
            painter.setBrush(QBrush(style.bar))
            painter.setPen(QPen(style.outline, 0.6))
            painter.drawRect(bar)
        painter.setPen(style.text)
        painter.drawText(
            QRectF(track.right() + 6, y, value_width, height),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            f"{count} ({round(share * 100)}%)",
        )
        y += height + ROW_GAP
    painter.restore()


class DistributionChart(QWidget):
    """The window's copy of a printed chart: the same drawing, the theme's colours."""

    def __init__(
        self,
        options: Sequence[str],
        counts: tuple[int, ...] | Hidden,
        hidden_label: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._options = tuple(options)
        self._counts = counts
        self._hidden_label = hidden_label
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(260)
        self.setFixedHeight(int(chart_height(len(options), self.shown, self.font())) + 4)

    @property
    def shown(self) -> bool:
        """Whether the chart shows numbers (False: the hidden box)."""
        return self._counts is not SUPPRESSED

    def sizeHint(self) -> QSize:  # QWidget.sizeHint
        """Wide enough for labels and values; as tall as the rows."""
        return QSize(480, self.height())

    def paintEvent(self, event: QPaintEvent) -> None:  # QWidget.paintEvent
        """Draw the bars with :func:`draw_distribution`."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(self.font())
        style = palette_style(self.palette(), font)
        draw_distribution(
            painter,
            QRectF(0, 2, self.width(), self.height() - 4),
            self._options,
            self._counts,
            style,
            self._hidden_label,
        )
        painter.end()
