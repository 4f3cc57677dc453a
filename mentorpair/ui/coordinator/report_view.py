"""The report on screen: the same charts as the PDF, tables, comments and skipped files.

Everything comes from a :class:`~mentorpair.feedback.report.Report`, which
holds no hidden number, so nothing here can show one. The scheme's own words
(questions, answers, period labels) are shown as written; our words go
through ``tr()``.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mentorpair.feedback.report import FACTS, SUPPRESSED, Cell, CrossTab, Report

from mentorpair.ui.coordinator.charts import DistributionChart

__all__ = ["ReportView", "bucket_label", "fact_label", "reason_label"]


def fact_label(fact: str) -> str:
    """A fact's name in the window's language."""
    names = {
        "role": QCoreApplication.translate("ReportView", "Role"),
        "meetings": QCoreApplication.translate("ReportView", "Meetings in the period"),
        "months": QCoreApplication.translate("ReportView", "Months in the relationship"),
    }
    return names.get(fact, fact)


def bucket_label(value: str) -> str:
    """A fact's bucket in the window's language."""
    words = {
        "mentee": QCoreApplication.translate("ReportView", "Mentee"),
        "mentor": QCoreApplication.translate("ReportView", "Mentor"),
        "0": QCoreApplication.translate("ReportView", "None"),
        "1-2": QCoreApplication.translate("ReportView", "1 to 2"),
        "3-5": QCoreApplication.translate("ReportView", "3 to 5"),
        "6+": QCoreApplication.translate("ReportView", "6 or more"),
        "0-3": QCoreApplication.translate("ReportView", "Up to 3"),
        "4-6": QCoreApplication.translate("ReportView", "4 to 6"),
        "7-12": QCoreApplication.translate("ReportView", "7 to 12"),
        "13-24": QCoreApplication.translate("ReportView", "13 to 24"),
        "25+": QCoreApplication.translate("ReportView", "25 or more"),
    }
    return words.get(value, value)


def reason_label(reason: str) -> str:
    """Why a file was left out, in the window's language."""
    words = {
        "empty": QCoreApplication.translate("ReportView", "empty"),
        "not a feedback file": QCoreApplication.translate("ReportView", "not a feedback file"),
        "made by a newer version of mentorpair": QCoreApplication.translate(
            "ReportView", "made by a newer version of mentorpair"
        ),
        "for another scheme": QCoreApplication.translate("ReportView", "for another scheme"),
        "damaged or changed after it was sealed": QCoreApplication.translate(
            "ReportView", "damaged or changed after it was sealed"
        ),
        "truncated": QCoreApplication.translate("ReportView", "truncated"),
        "too large": QCoreApplication.translate("ReportView", "too large"),
        "gone before it could be read": QCoreApplication.translate(
            "ReportView", "gone before it could be read"
        ),
        "not allowed to read it": QCoreApplication.translate(
            "ReportView", "not allowed to read it"
        ),
        "the disk could not read it": QCoreApplication.translate(
            "ReportView", "the disk could not read it"
        ),
    }
    return words.get(reason, reason)


def _table(parent: QWidget, name: str, header: Sequence[str], rows: int) -> QTableWidget:
    table = QTableWidget(rows, len(header), parent)
    table.setAccessibleName(name)
    table.horizontalHeader().setAccessibleName(
        QCoreApplication.translate("ReportView", "{0}: column headings").format(name)
    )
    table.verticalHeader().setAccessibleName(
        QCoreApplication.translate("ReportView", "{0}: row numbers").format(name)
    )
    table.setHorizontalHeaderLabels(list(header))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.verticalHeader().hide()
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    _stretch_first(table)
    table.setWordWrap(False)
    return table


def _stretch_first(table: QTableWidget) -> None:
    """The first column takes the room; the number columns fit their contents."""
    header = table.horizontalHeader()
    header.setMinimumSectionSize(40)
    for column in range(table.columnCount()):
        mode = (
            QHeaderView.ResizeMode.Stretch
            if column == 0
            else QHeaderView.ResizeMode.ResizeToContents
        )
        header.setSectionResizeMode(column, mode)


def _fit_height(table: QTableWidget) -> None:
    """Show every row: the page scrolls, not each table."""
    height = table.horizontalHeader().height() + 2 * table.frameWidth()
    height += sum(table.rowHeight(r) for r in range(table.rowCount()))
    table.setFixedHeight(height + 2)


class ReportView(QWidget):
    """Shows one report; made anew for each report read."""

    def __init__(self, report: Report, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.hidden_word = self.tr("hidden")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        self.summary = QLabel(self._summary(), self)
        self.summary.setObjectName("subheading")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        note = QLabel(" ".join(filter(None, (self._protection_note(), self._batches_note()))), self)
        note.setObjectName("hint")
        note.setWordWrap(True)
        layout.addWidget(note)
        self.charts: list[DistributionChart] = []
        for question in report.scheme.questions:
            if question.kind != "text":
                layout.addWidget(self._question_box(question.id))
        if report.trends:
            layout.addWidget(self._trends_box())
        layout.addWidget(self._crosstab_box())
        for group in self._comment_boxes():
            layout.addWidget(group)
        layout.addWidget(self._skipped_box())
        layout.addStretch(1)

    # ----------------------------------------------------------------- parts
    def _summary(self) -> str:
        r = self.report
        k = r.scheme.min_group
        if r.files_read is SUPPRESSED:
            files = self.tr("fewer than {0} files").format(k)
        elif r.files_read == 1:
            files = self.tr("1 file")
        else:
            files = self.tr("{0} files").format(f"{r.files_read:,}")
        if r.responses is SUPPRESSED:
            responses = self.tr("fewer than {0} responses").format(k)
        elif r.responses == 1:
            responses = self.tr("1 response")
        else:
            responses = self.tr("{0} responses").format(f"{r.responses:,}")
        if r.duplicates_dropped is SUPPRESSED:
            duplicates = self.tr("fewer than {0} older copies dropped").format(k)
        else:
            duplicates = self.tr("{0} older copies dropped").format(f"{r.duplicates_dropped:,}")
        if len(r.skipped) == 1:
            left_out = self.tr("1 file left out")
        else:
            left_out = self.tr("{0} files left out").format(f"{len(r.skipped):,}")
        text = self.tr("{0}: read {1} — {2}, {3}, {4}.").format(
            r.scheme.name, files, responses, duplicates, left_out
        )
        return text

    def _batches_note(self) -> str:
        """For a scheme with a collector: what the report covers, so nobody differences it."""
        r = self.report
        if r.batches is None:
            return ""
        return self.tr(
            "This report covers the batches the collector released ({0}). Each batch "
            "adds at least {1} people, so two reports never differ by fewer than {1} people."
        ).format(r.batches, r.scheme.min_group)

    def _protection_note(self) -> str:
        k, c = self.report.scheme.min_group, self.report.scheme.min_comments
        return self.tr(
            "Scores are shown only for groups of at least {0} people and comments only when "
            "at least {1} people wrote one. In the tables by role, meetings and months, "
            "small numbers are hidden, with others that would give them away. Each person "
            "counts once per period."
        ).format(k, c)

    def _period_label(self, period_id: str) -> str:
        return next(p.label for p in self.report.periods if p.period_id == period_id)

    def _question_box(self, question_id: str) -> QGroupBox:
        question = self.report.question(question_id)
        box = QGroupBox(question.text, self)
        inner = QVBoxLayout(box)
        hidden = self.tr("Fewer than {0} answers — not shown").format(self.report.scheme.min_group)
        for d in self.report.distributions:
            if d.question_id != question_id:
                continue
            if d.answered is SUPPRESSED:
                answered = self.tr("fewer than {0}").format(self.report.scheme.min_group)
            else:
                answered = f"{d.answered:,}"
            caption = QLabel(
                self.tr("{0}: {1} answered").format(self._period_label(d.period_id), answered),
                box,
            )
            chart = DistributionChart(question.options, d.counts, hidden, box)
            chart.setMaximumWidth(780)
            chart.setAccessibleName(caption.text())
            if d.counts is SUPPRESSED:
                chart.setAccessibleDescription(hidden)
            else:
                chart.setAccessibleDescription(
                    "; ".join(f"{o}: {n}" for o, n in zip(question.options, d.counts, strict=True))
                )
            self.charts.append(chart)
            inner.addWidget(caption)
            inner.addWidget(chart)
        return box

    def _trends_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Trends across periods"), self)
        inner = QVBoxLayout(box)
        header = [self.tr("Question")] + [p.label for p in self.report.periods]
        self.trends = _table(box, self.tr("Trends across periods"), header, len(self.report.trends))
        for r, trend in enumerate(self.report.trends):
            self.trends.setItem(
                r, 0, QTableWidgetItem(self.report.question(trend.question_id).text)
            )
            for c, point in enumerate(trend.points, start=1):
                if point.mean is SUPPRESSED or point.agree_percent is SUPPRESSED:
                    text = self.hidden_word
                else:
                    text = self.tr("{0} · {1}% agree").format(
                        f"{point.mean:.1f}", f"{point.agree_percent:.0f}"
                    )
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.trends.setItem(r, c, item)
        _fit_height(self.trends)
        hint = QLabel(
            self.tr(
                "Average position on the scale (1 = the first answer) and the share who "
                "agreed or better."
            ),
            box,
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        inner.addWidget(self.trends)
        inner.addWidget(hint)
        return box

    def _crosstab_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Answers by role, meetings and months"), self)
        inner = QVBoxLayout(box)
        self.crosstab_choice = QComboBox(box)
        self.crosstab_choice.setAccessibleName(self.tr("Table to show"))
        # Long question texts must not make the window wider than the screen.
        self.crosstab_choice.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.crosstab_choice.setMinimumContentsLength(24)
        for index, table in enumerate(self.report.crosstabs):
            question = self.report.question(table.question_id).text
            label = self.tr("{0} — by {1}, {2}").format(
                question, fact_label(table.fact).lower(), self._period_label(table.period_id)
            )
            if not table.shown:
                label = self.tr("{0} (too few people)").format(label)
            self.crosstab_choice.addItem(label, index)
        self.crosstab = _table(box, self.tr("Answers by fact"), [""], 0)
        self.crosstab_hint = QLabel(box)
        self.crosstab_hint.setObjectName("hint")
        self.crosstab_hint.setWordWrap(True)
        inner.addWidget(self.crosstab_choice)
        inner.addWidget(self.crosstab)
        inner.addWidget(self.crosstab_hint)
        self.crosstab_choice.currentIndexChanged.connect(self._show_crosstab)
        first_shown = next((i for i, t in enumerate(self.report.crosstabs) if t.shown), 0)
        self.crosstab_choice.setCurrentIndex(first_shown)
        self._show_crosstab(first_shown)
        return box

    def _show_crosstab(self, index: int) -> None:
        if not 0 <= index < len(self.report.crosstabs):
            return
        table: CrossTab = self.report.crosstabs[index]
        question = self.report.question(table.question_id)
        columns = [bucket_label(v) for v, _ in FACTS[table.fact][1]]
        self.crosstab.clear()
        self.crosstab.setColumnCount(len(columns) + 2)
        self.crosstab.setRowCount(len(question.options) + 1)
        self.crosstab.setHorizontalHeaderLabels([self.tr("Answer"), *columns, self.tr("All")])
        _stretch_first(self.crosstab)
        rows = [
            (option, [*cells, total])
            for option, cells, total in zip(
                question.options, table.cells, table.row_totals, strict=True
            )
        ]
        rows.append((self.tr("All"), [*table.column_totals, table.total]))
        for r, (label, values) in enumerate(rows):
            self.crosstab.setItem(r, 0, QTableWidgetItem(label))
            for c, value in enumerate(values, start=1):
                self.crosstab.setItem(r, c, self._cell_item(value))
        _fit_height(self.crosstab)
        self.crosstab_hint.setText(
            self.tr(
                "Only people who chose to add this fact are counted. 'hidden': fewer than {0} "
                "people, or hidden with such a number so it cannot be worked out."
            ).format(self.report.scheme.min_group)
        )

    def _cell_item(self, value: Cell) -> QTableWidgetItem:
        item = QTableWidgetItem(self.hidden_word if value is SUPPRESSED else f"{value:,}")
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if value is SUPPRESSED:
            font = item.font()
            font.setItalic(True)
            item.setFont(font)
        return item

    def _comment_boxes(self) -> list[QGroupBox]:
        boxes = []
        for group in self.report.comments:
            question = self.report.question(group.question_id)
            box = QGroupBox(
                self.tr("{0} — {1}").format(question.text, self._period_label(group.period_id)),
                self,
            )
            inner = QVBoxLayout(box)
            if group.texts is SUPPRESSED:
                text = self.tr("Fewer than {0} comments — not shown.").format(
                    self.report.scheme.min_comments
                )
                label = QLabel(text, box)
                label.setObjectName("hint")
            else:
                label = QLabel("\n\n".join(f"•  {t}" for t in group.texts), box)
                label.setTextFormat(Qt.TextFormat.PlainText)
                label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)
            inner.addWidget(label)
            boxes.append(box)
        return boxes

    def _skipped_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Files left out"), self)
        inner = QVBoxLayout(box)
        if not self.report.skipped:
            inner.addWidget(QLabel(self.tr("No file was left out."), box))
            return box
        header = [self.tr("File"), self.tr("Why it was left out")]
        self.skipped = _table(box, self.tr("Files left out"), header, len(self.report.skipped))
        for r, entry in enumerate(self.report.skipped):
            self.skipped.setItem(r, 0, QTableWidgetItem(entry.name))
            self.skipped.setItem(r, 1, QTableWidgetItem(reason_label(entry.reason)))
        self.skipped.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.skipped.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        _fit_height(self.skipped)
        inner.addWidget(self.skipped)
        return box
