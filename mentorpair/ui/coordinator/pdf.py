"""The report as a printable PDF: title page, charts, trends, tables, comments, skipped files.

Drawn with :class:`QPdfWriter` and :class:`QPainter` (PySide6-Essentials has
neither QtCharts nor QtPdf), in points on A4, with the same chart code as the
window. The same layout paints onto images for previews and tests.

Like the CSV and JSON, the PDF is an exported file: its words are fixed
English (``domain/wording.py`` does the same for exported notes), and it is
written atomically and readable only by its owner.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from mentorpair.feedback.report import FACTS, SUPPRESSED, Cell, CrossTab, Report, count_words
from mentorpair.storage.atomic import atomic_write

from mentorpair.ui.coordinator.charts import (
    chart_height,
    draw_distribution,
    hidden_text,
    print_style,
)

__all__ = ["ensure_gui_application", "protection_note", "render_pages", "write_pdf"]

PAGE_WIDTH, PAGE_HEIGHT = 595.0, 842.0  # A4 in points
MARGIN = 50.0
RESOLUTION = 300
BODY, SMALL, H1, H2, TITLE = 10, 8, 15, 12, 24
INK, MUTED, RULE, SHADE = QColor("#000000"), QColor("#444444"), QColor("#888888"), QColor("#e4e4e4")

_app: QGuiApplication | None = None


def ensure_gui_application() -> None:
    """Make a QGuiApplication when none exists (the command line), always headless.

    Fonts and painting need one, a window never: Qt's offscreen platform draws
    just as well into a PDF, and a display that is set but unreachable (an SSH
    session with a stale DISPLAY) would make Qt abort.
    """
    global _app
    if QGuiApplication.instance() is not None:
        return
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication(["mentorpair"])


def protection_note(report: Report) -> str:
    """How small groups are protected, in plain words, for the title page."""
    k, c = report.scheme.min_group, report.scheme.min_comments
    return (
        f"How small groups are protected. Answers to a question are shown only when at "
        f"least {k} people answered it in that period; otherwise the chart says so and "
        f"shows nothing. Comments are shown only when at least {c} people wrote one, in a "
        f"random order. In the tables that split answers by role, meetings or months, any "
        f"number of 1 to {k - 1} people is hidden, and so are some other numbers, so that a "
        f"hidden number cannot be worked out by subtracting from the totals. Each person "
        f"counts once per period: when someone sent feedback twice, only the latest counts. "
        f"Nothing in this report says who sent which answer."
    )


def _font(pixels: int, bold: bool = False, italic: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(pixels)
    font.setBold(bold)
    font.setItalic(italic)
    return font


class _Layout:
    """Flows blocks down the page and starts a new one when a block does not fit."""

    def __init__(self, begin: Callable[[], QPainter], turn: Callable[[QPainter], QPainter]) -> None:
        self._turn = turn
        self.painter = begin()
        self.page = 1
        self.y = MARGIN
        self.width = PAGE_WIDTH - 2 * MARGIN
        self.footer = ""
        self._numbers = True

    @property
    def bottom(self) -> float:
        return PAGE_HEIGHT - MARGIN - 14

    def new_page(self) -> None:
        self._draw_footer()
        self.painter = self._turn(self.painter)
        self.page += 1
        self.y = MARGIN

    def room(self, height: float) -> None:
        if self.y + height > self.bottom and self.y > MARGIN:
            self.new_page()

    def finish(self) -> QPainter:
        self._draw_footer()
        return self.painter

    def _draw_footer(self) -> None:
        self.painter.setFont(_font(SMALL))
        self.painter.setPen(MUTED)
        rect = QRectF(MARGIN, PAGE_HEIGHT - MARGIN, self.width, 14)
        self.painter.drawText(rect, Qt.AlignmentFlag.AlignLeft, self.footer)
        self.painter.drawText(rect, Qt.AlignmentFlag.AlignRight, f"Page {self.page}")

    def text_height(self, text: str, font: QFont, width: float) -> float:
        flags = int(Qt.TextFlag.TextWordWrap)
        return QFontMetricsF(font).boundingRect(QRectF(0, 0, width, 1e6), flags, text).height()

    def text(
        self,
        text: str,
        font: QFont,
        colour: QColor = INK,
        after: float = 6.0,
        indent: float = 0.0,
        keep: float = 0.0,
    ) -> None:
        """A wrapped paragraph; ``keep`` asks for room for what must follow it."""
        width = self.width - indent
        height = self.text_height(text, font, width)
        self.room(height + keep)
        self.painter.setFont(font)
        self.painter.setPen(colour)
        self.painter.drawText(
            QRectF(MARGIN + indent, self.y, width, height), int(Qt.TextFlag.TextWordWrap), text
        )
        self.y += height + after

    def chart(self, options: Sequence[str], counts: tuple[int, ...] | object, label: str) -> None:
        style = print_style()
        shown = counts is not SUPPRESSED
        height = chart_height(len(options), shown, style.font)
        self.room(height)
        value = counts if isinstance(counts, tuple) else SUPPRESSED
        rect = QRectF(MARGIN + 8, self.y, self.width - 8, height)
        draw_distribution(self.painter, rect, options, value, style, label)
        self.y += height + 12

    def table(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[str]],
        first_width: float,
        hidden: set[tuple[int, int]] | None = None,
        numbers: bool = True,
    ) -> None:
        """A ruled table; cells in ``hidden`` get a hatched grey ground.

        With ``numbers`` every column but the first is aligned right.
        """
        self._numbers = numbers
        font, bold = _font(SMALL + 1), _font(SMALL + 1, bold=True)
        line = QFontMetricsF(font).height() + 6
        others = (self.width - first_width) / max(1, len(header) - 1)
        widths = [first_width] + [others] * (len(header) - 1)
        head_height = (
            max(self.text_height(h, bold, w - 6) for h, w in zip(header, widths, strict=True)) + 6
        )
        self.room(head_height + line * min(len(rows), 3))
        self._row(header, widths, head_height, bold, set(), shade=True)
        for r, row in enumerate(rows):
            height = (
                max(self.text_height(c, font, w - 6) for c, w in zip(row, widths, strict=True)) + 6
            )
            if self.y + height > self.bottom:
                self.new_page()
                self._row(header, widths, head_height, bold, set(), shade=True)
            marks = {c for (rr, c) in (hidden or set()) if rr == r}
            self._row(row, widths, max(line, height), font, marks, shade=False)
        self.y += 10

    def _row(
        self,
        cells: Sequence[str],
        widths: Sequence[float],
        height: float,
        font: QFont,
        marks: set[int],
        shade: bool,
    ) -> None:
        painter = self.painter
        x = MARGIN
        for index, (cell, width) in enumerate(zip(cells, widths, strict=True)):
            rect = QRectF(x, self.y, width, height)
            painter.setPen(QPen(RULE, 0.5))
            painter.setBrush(QBrush(SHADE) if shade else Qt.BrushStyle.NoBrush)
            painter.drawRect(rect)
            if index in marks:
                painter.setBrush(QBrush(SHADE))
                painter.drawRect(rect)
                painter.setBrush(QBrush(QColor("#b0b0b0"), Qt.BrushStyle.BDiagPattern))
                painter.drawRect(rect)
            painter.setFont(_font(font.pixelSize(), font.bold(), italic=index in marks))
            painter.setPen(INK)
            right = index > 0 and self._numbers
            align = Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft
            painter.drawText(
                rect.adjusted(3, 3, -3, -3),
                int(align | Qt.AlignmentFlag.AlignVCenter) | int(Qt.TextFlag.TextWordWrap),
                cell,
            )
            x += width
        self.y += height


def _cell(value: Cell) -> str:
    return "hidden" if value is SUPPRESSED else f"{value:,}"


def _paint_report(layout: _Layout, report: Report, made_on: date) -> None:
    scheme = report.scheme
    layout.footer = f"{scheme.name} — feedback report"
    layout.y = MARGIN + 60
    layout.text("Feedback report", _font(TITLE, bold=True), after=10)
    layout.text(scheme.name, _font(H1 + 3), after=4)
    layout.text(f"Made on {made_on.isoformat()}", _font(BODY), MUTED, after=24)
    layout.text("Responses per period", _font(H2, bold=True))
    layout.table(
        ["Period", "Responses"],
        [[p.label, _count(p.responses, scheme.min_group)] for p in report.periods],
        first_width=layout.width * 0.6,
    )
    layout.text(report.summary(), _font(BODY), after=4)
    if report.outside_periods:
        layout.text(
            f"{count_words(report.outside_periods, 'response', scheme.min_group).capitalize()} "
            "named a period this scheme does not have and were left out.",
            _font(BODY),
        )
    layout.y += 14
    layout.text(protection_note(report), _font(BODY), after=10)

    hidden = hidden_text(scheme.min_group)
    layout.new_page()
    for question in scheme.questions:
        if question.kind == "text":
            continue
        layout.room(120)
        if layout.y > MARGIN:
            layout.y += 10
        layout.text(question.text, _font(H1, bold=True), keep=60)
        for d in report.distributions:
            if d.question_id != question.id:
                continue
            label = next(p.label for p in report.periods if p.period_id == d.period_id)
            answered = _count(d.answered, scheme.min_group)
            layout.text(f"{label}: {answered} answered", _font(BODY, bold=True), keep=40)
            layout.chart(question.options, d.counts, hidden)

    _trends(layout, report)
    _crosstabs(layout, report)
    _comments(layout, report)
    layout.room(80)
    layout.text("Files left out", _font(H1, bold=True), keep=30)
    if not report.skipped:
        layout.text("No file was left out.", _font(BODY))
    else:
        layout.table(
            ["File", "Why it was left out"],
            [[s.name, s.reason] for s in report.skipped],
            first_width=layout.width * 0.5,
            numbers=False,
        )


def _trends(layout: _Layout, report: Report) -> None:
    if not report.trends:
        return
    layout.new_page()
    layout.text("Trends across periods", _font(H1, bold=True))
    layout.text(
        "Average position on the scale (1 = the first answer) and the share who chose the "
        "upper half of the scale (agree or better), per period. 'hidden': fewer than "
        f"{report.scheme.min_group} answers.",
        _font(BODY),
        MUTED,
        after=8,
    )
    header = ["Question"] + [p.label for p in report.periods]
    rows, marks = [], set()
    for r, trend in enumerate(report.trends):
        row = [report.question(trend.question_id).text]
        for c, point in enumerate(trend.points, start=1):
            if point.mean is SUPPRESSED or point.agree_percent is SUPPRESSED:
                row.append("hidden")
                marks.add((r, c))
            else:
                row.append(f"{point.mean:.1f} · {point.agree_percent:.0f}% agree")
        rows.append(row)
    layout.table(header, rows, first_width=layout.width * 0.4, hidden=marks)


def _crosstabs(layout: _Layout, report: Report) -> None:
    layout.new_page()
    layout.text("Answers by role, meetings and months", _font(H1, bold=True))
    layout.text(
        "Only people who chose to add a fact are counted in its table. 'hidden' marks a "
        f"number of fewer than {report.scheme.min_group} people, or one hidden with it so that "
        "it cannot be worked out from the totals.",
        _font(BODY),
        MUTED,
        after=8,
    )
    not_shown: list[str] = []
    for table in report.crosstabs:
        question = report.question(table.question_id)
        fact_name = FACTS[table.fact][0]
        period = next(p.label for p in report.periods if p.period_id == table.period_id)
        if not table.shown:
            not_shown.append(f"{question.text} — {fact_name.lower()}, {period}")
            continue
        _crosstab(layout, report, table, f"{question.text} — by {fact_name.lower()}, {period}")
    if not_shown:
        layout.text(
            "Not shown, too few people: " + "; ".join(not_shown) + ".",
            _font(SMALL + 1),
            MUTED,
        )


def _crosstab(layout: _Layout, report: Report, table: CrossTab, title: str) -> None:
    question = report.question(table.question_id)
    columns = [label for _, label in FACTS[table.fact][1]]
    rows: list[list[str]] = []
    marks: set[tuple[int, int]] = set()
    body = [*zip(question.options, table.cells, table.row_totals, strict=True)]
    for r, (option, cells, total) in enumerate(body):
        values = [*cells, total]
        rows.append([option] + [_cell(v) for v in values])
        marks |= {(r, c) for c, v in enumerate(values, start=1) if v is SUPPRESSED}
    totals = [*table.column_totals, table.total]
    rows.append(["All"] + [_cell(v) for v in totals])
    marks |= {(len(body), c) for c, v in enumerate(totals, start=1) if v is SUPPRESSED}
    layout.text(title, _font(BODY, bold=True), keep=60, after=4)
    layout.table(["Answer", *columns, "All"], rows, first_width=layout.width * 0.3, hidden=marks)


def _comments(layout: _Layout, report: Report) -> None:
    if not report.comments:
        return
    layout.new_page()
    layout.text("Comments", _font(H1, bold=True))
    layout.text(
        f"Shown when at least {report.scheme.min_comments} people wrote one, in a random "
        "order. Names, contact details, numbers and dates were replaced before sending.",
        _font(BODY),
        MUTED,
        after=8,
    )
    for group in report.comments:
        question = report.question(group.question_id)
        period = next(p.label for p in report.periods if p.period_id == group.period_id)
        layout.text(f"{question.text} — {period}", _font(H2, bold=True), keep=30)
        if group.texts is SUPPRESSED:
            layout.text(
                f"Fewer than {report.scheme.min_comments} comments — not shown.",
                _font(BODY, italic=True),
                MUTED,
                after=12,
            )
            continue
        for text in group.texts:
            layout.text(f"•  {text}", _font(BODY), indent=8, after=5)
        layout.y += 8


def _prepare(painter: QPainter, scale: float) -> QPainter:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.scale(scale, scale)
    return painter


def write_pdf(path: Path, report: Report, made_on: date | None = None) -> None:
    """Render the report to a PDF file, atomically and owner-only.

    Needs a QGuiApplication (:func:`ensure_gui_application` makes one).

    Raises:
        NotFound, PermissionDenied, DiskFull, DiskError: the file could not be written.
    """
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
        )
    )
    writer.setTitle(f"{report.scheme.name} — feedback report")
    writer.setCreator("mentorpair")
    scale = RESOLUTION / 72.0

    def turn(painter: QPainter) -> QPainter:
        writer.newPage()
        return painter

    layout = _Layout(lambda: _prepare(QPainter(writer), scale), turn)
    _paint_report(layout, report, made_on or date.today())
    layout.finish().end()
    buffer.close()
    atomic_write(path, bytes(data.data()), mode=0o600)


def render_pages(report: Report, width: int = 1240, made_on: date | None = None) -> list[QImage]:
    """The same pages as :func:`write_pdf`, as white images ``width`` pixels wide."""
    scale = width / PAGE_WIDTH
    height = round(PAGE_HEIGHT * scale)
    images: list[QImage] = []

    def begin() -> QPainter:
        image = QImage(width, height, QImage.Format.Format_RGB32)
        image.fill(QColor("#ffffff"))
        images.append(image)
        return _prepare(QPainter(image), scale)

    def turn(painter: QPainter) -> QPainter:
        painter.end()
        return begin()

    layout = _Layout(begin, turn)
    _paint_report(layout, report, made_on or date.today())
    layout.finish().end()
    return images


def _count(value: Cell, min_group: int) -> str:
    """A count of people for the PDF: the number, or "fewer than k" when hidden."""
    return f"fewer than {min_group}" if value is SUPPRESSED else f"{value:,}"
