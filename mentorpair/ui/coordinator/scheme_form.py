"""New scheme: name, periods, group sizes, questions, passphrase, where to save.

The same as ``mentorpair coordinator init-scheme``: the key pair is made and
sealed under the passphrase off the UI thread (Argon2id takes a moment), and
two files are written, the scheme file to hand out and the key file to keep.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mentorpair.errors import KnownError
from mentorpair.feedback.collector import CARD_EXTENSION, load_card
from mentorpair.feedback.keystore import CreatedScheme, init_scheme
from mentorpair.feedback.scheme import (
    DEFAULT_MIN_COMMENTS,
    DEFAULT_MIN_GROUP,
    MAX_MIN_COMMENTS,
    MAX_NAME,
    MAX_PERIODS,
    MIN_GROUP_RANGE,
    InvalidScheme,
    Period,
    new_scheme,
    parse_period_spec,
)

from mentorpair.ui.coordinator.questions import QuestionEditor
from mentorpair.ui.widgets import PassphraseField, StrengthMeter, buddy_label, warning_box
from mentorpair.ui.workers import run_in_background

__all__ = ["SchemeForm", "period_for"]


def period_for(opens: date, closes: date) -> Period:
    """A period with a short id ("2026-H2" for a half-year) and a label in words."""
    if (opens.month, opens.day, closes.month, closes.day) == (1, 1, 6, 30):
        period_id = f"{opens.year}-H1"
    elif (opens.month, opens.day, closes.month, closes.day) == (7, 1, 12, 31):
        period_id = f"{opens.year}-H2"
    else:
        period_id = f"{opens:%Y%m%d}-{closes:%Y%m%d}"
    return parse_period_spec(f"{period_id}:{opens.isoformat()}:{closes.isoformat()}")


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _half_year(today: date) -> tuple[date, date]:
    if today.month <= 6:
        return date(today.year, 1, 1), date(today.year, 6, 30)
    return date(today.year, 7, 1), date(today.year, 12, 31)


class SchemeForm(QScrollArea):
    """Makes a new scheme's two files.

    Signals:
        created(object): the :class:`CreatedScheme`, after both files are written.
    """

    created = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        inner = QWidget(self)
        inner.setMaximumWidth(760)
        self.setWidget(inner)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter)

        heading = QLabel(self.tr("Make a new feedback scheme"), inner)
        heading.setObjectName("heading")
        intro = QLabel(
            self.tr(
                "This makes two files. Hand the scheme file to every pair: it holds the "
                "questions and a key that locks their answers so only you can open them. "
                "Keep the key file safe: with your passphrase it opens all the feedback."
            ),
            inner,
        )
        intro.setWordWrap(True)

        self.name_edit = QLineEdit(inner)
        self.name_edit.setAccessibleName(self.tr("Scheme name"))
        self.name_edit.setPlaceholderText(self.tr("e.g. North London GP Mentoring Scheme"))
        self.name_edit.setMaxLength(MAX_NAME)

        self.period_rows: list[tuple[QDateEdit, QDateEdit, QPushButton]] = []
        self.periods_box = QGridLayout()
        self.periods_box.setColumnStretch(4, 1)
        self.add_period_button = QPushButton(self.tr("Add &period"), inner)
        self.add_period_button.setAccessibleName(self.tr("Add period"))
        self.add_period_button.clicked.connect(self.add_period)

        self.min_group = QSpinBox(inner)
        self.min_group.setRange(*MIN_GROUP_RANGE)
        self.min_group.setValue(DEFAULT_MIN_GROUP)
        self.min_group.setAccessibleName(self.tr("Smallest group whose scores are shown"))
        self.min_comments = QSpinBox(inner)
        self.min_comments.setRange(MIN_GROUP_RANGE[0], MAX_MIN_COMMENTS)
        self.min_comments.setValue(DEFAULT_MIN_COMMENTS)
        self.min_comments.setAccessibleName(self.tr("Smallest number of comments shown"))
        self.collector_edit = QLineEdit(inner)
        self.collector_edit.setAccessibleName(self.tr("The collector's card (optional)"))
        self.collector_edit.setPlaceholderText(
            self.tr("Their {0} file; leave empty for no collector").format(CARD_EXTENSION)
        )
        # No mnemonic: every letter of "Choose card" is taken on this page.
        self.collector_button = QPushButton(self.tr("Choose card…"), inner)
        self.collector_button.setAccessibleName(self.tr("Choose the collector's card"))
        self.collector_button.clicked.connect(self._choose_card)
        self.collector_note = QLabel(
            self.tr(
                "With a collector, people send their files to them, not to you: you receive "
                "only batches of at least k people and cannot tell who sent what. Without "
                "one, whoever e-mails you a file is known to you."
            ),
            inner,
        )
        self.collector_note.setObjectName("hint")
        self.collector_note.setWordWrap(True)
        self.drop_edit = QLineEdit(inner)
        self.drop_edit.setAccessibleName(self.tr("Shared folder for feedback files (optional)"))
        self.drop_edit.setPlaceholderText(
            self.tr("A folder people can put their files in, as they would type it")
        )
        self.threshold_note = QLabel(inner)
        self.threshold_note.setObjectName("hint")
        self.threshold_note.setWordWrap(True)

        self.questions = QuestionEditor(inner)

        self.passphrase = PassphraseField(self.tr("Passphrase"), inner)
        self.meter = StrengthMeter(lambda: [self.name_edit.text()], inner)
        self.confirm = PassphraseField(self.tr("Confirm passphrase"), inner)
        warning = warning_box(
            self.tr(
                "<b>A lost passphrase cannot be recovered.</b> Without it nobody can read "
                "the feedback sent to this scheme. Write it down and keep it safe."
            ),
            inner,
        )
        self.folder_edit = QLineEdit(inner)
        self.folder_edit.setAccessibleName(self.tr("Folder to save the scheme in"))
        self.folder_button = QPushButton(self.tr("C&hoose…"), inner)
        self.folder_button.setAccessibleName(self.tr("Choose the folder to save in"))
        self.folder_button.clicked.connect(self._choose_folder)

        self.problem = QLabel(inner)
        self.problem.setObjectName("error")
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName(self.tr("Problem"))
        self.result = QLabel(inner)
        self.result.setObjectName("ok")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result.setAccessibleName(self.tr("Result"))
        self.result.hide()
        self.busy = QProgressBar(inner)
        self.busy.setRange(0, 0)
        self.busy.setAccessibleName(self.tr("Making the scheme"))
        self.busy.setFormat(self.tr("Making the scheme…"))
        self.busy.setTextVisible(True)
        self.busy.hide()
        self.create_button = QPushButton(self.tr("&Make scheme"), inner)
        self.create_button.setObjectName("primary")
        self.create_button.setAccessibleName(self.tr("Make scheme"))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(buddy_label(self.tr("Scheme nam&e"), self.name_edit), self.name_edit)
        periods_label = QLabel(self.tr("Periods"), inner)
        form.addRow(periods_label, self._periods_widget(inner))
        form.addRow(
            buddy_label(self.tr("Scores shown from (&k)"), self.min_group),
            self._with_unit(self.min_group, self.tr("people"), inner),
        )
        form.addRow(
            buddy_label(self.tr("Comments shown &from"), self.min_comments),
            self._with_unit(self.min_comments, self.tr("comments"), inner),
        )
        form.addRow("", self.threshold_note)
        collector_row = QHBoxLayout()
        collector_row.addWidget(self.collector_edit, 1)
        collector_row.addWidget(self.collector_button)
        form.addRow(buddy_label(self.tr("Co&llector"), self.collector_edit), collector_row)
        form.addRow("", self.collector_note)
        form.addRow(buddy_label(self.tr("Drop folder"), self.drop_edit), self.drop_edit)
        questions_heading = QLabel(self.tr("Questions"), inner)
        questions_heading.setObjectName("subheading")
        secret = QFormLayout()
        secret.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        secret.addRow(buddy_label(self.tr("Pa&ssphrase"), self.passphrase.edit), self.passphrase)
        secret.addRow("", self.meter)
        secret.addRow(buddy_label(self.tr("C&onfirm"), self.confirm.edit), self.confirm)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.folder_button)
        secret.addRow(buddy_label(self.tr("Save &in"), self.folder_edit), folder_row)

        layout = QVBoxLayout(inner)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(questions_heading)
        layout.addWidget(self.questions)
        layout.addWidget(warning)
        layout.addLayout(secret)
        layout.addWidget(self.problem)
        layout.addWidget(self.result)
        layout.addWidget(self.busy)
        layout.addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addStretch(1)

        opens, closes = _half_year(date.today())
        self.add_period(opens, closes)
        self.name_edit.textChanged.connect(self._revalidate)
        self.passphrase.textChanged.connect(self._revalidate)
        self.confirm.textChanged.connect(self._revalidate)
        self.folder_edit.textChanged.connect(self._revalidate)
        self.min_group.valueChanged.connect(self._thresholds_changed)
        self.min_comments.valueChanged.connect(self._thresholds_changed)
        self.create_button.clicked.connect(self.make_scheme)
        self._thresholds_changed()

    # ----------------------------------------------------------------- periods
    def _periods_widget(self, parent: QWidget) -> QWidget:
        box = QWidget(parent)
        outer = QVBoxLayout(box)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(self.periods_box)
        outer.addWidget(self.add_period_button, 0, Qt.AlignmentFlag.AlignLeft)
        return box

    def _with_unit(self, spin: QSpinBox, unit: str, parent: QWidget) -> QWidget:
        box = QWidget(parent)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(spin)
        row.addWidget(QLabel(unit, box))
        row.addStretch(1)
        return box

    def add_period(self, opens: date | None = None, closes: date | None = None) -> None:
        """Add a period row; by default the half-year after the last one."""
        if len(self.period_rows) >= MAX_PERIODS:
            return
        if opens is None or closes is None:
            last = _day(self.period_rows[-1][1].date()) if self.period_rows else date.today()
            opens, closes = _half_year(date.fromordinal(last.toordinal() + 1))
        number = len(self.period_rows) + 1
        parent = self.add_period_button.parentWidget()
        start, end = QDateEdit(_qdate(opens), parent), QDateEdit(_qdate(closes), parent)
        for edit in (start, end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d MMM yyyy")
            edit.dateChanged.connect(self._revalidate)
        start.setAccessibleName(self.tr("Period {0} opens").format(number))
        end.setAccessibleName(self.tr("Period {0} closes").format(number))
        remove = QPushButton(self.tr("Remove"), parent)
        remove.setAccessibleName(self.tr("Remove period {0}").format(number))
        row_widgets = (start, end, remove)
        remove.clicked.connect(lambda: self._remove_period(row_widgets))
        self.period_rows.append(row_widgets)
        row = len(self.period_rows) - 1
        self.periods_box.addWidget(start, row, 0)
        self.periods_box.addWidget(QLabel(self.tr("to"), parent), row, 1)
        self.periods_box.addWidget(end, row, 2)
        self.periods_box.addWidget(remove, row, 3)
        self._revalidate()

    def _remove_period(self, row_widgets: tuple[QDateEdit, QDateEdit, QPushButton]) -> None:
        if len(self.period_rows) <= 1:
            return
        kept = [r for r in self.period_rows if r is not row_widgets]
        dates = [(_day(s.date()), _day(e.date())) for s, e, _ in kept]
        while self.periods_box.count():
            item = self.periods_box.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.period_rows = []
        for opens, closes in dates:
            self.add_period(opens, closes)

    def periods(self) -> list[Period]:
        """The periods as entered."""
        return [
            period_for(_day(start.date()), _day(end.date())) for start, end, _ in self.period_rows
        ]

    # ----------------------------------------------------------------- checking
    def _thresholds_changed(self) -> None:
        k, c = self.min_group.value(), self.min_comments.value()
        self.min_comments.setMinimum(k)
        self.threshold_note.setText(
            self.tr(
                "Scores are shown to you only for groups of at least {0} people; comments "
                "only when at least {1} people wrote one. Everyone who answers sees these "
                "numbers, and they cannot be changed once the scheme is made."
            ).format(k, max(c, k))
        )
        self._revalidate()

    def _problem(self) -> str:
        strength = self.meter.update_for(self.passphrase.text())
        if self.confirm.text() and self.confirm.text() != self.passphrase.text():
            return self.tr("The two passphrases are not the same.")
        if not self.name_edit.text().strip() or not strength.acceptable:
            return ""
        try:
            new_scheme(
                self.name_edit.text(),
                bytes(1216),  # a stand-in key: only the settings are checked here
                self.periods(),
                self.questions.questions(),
                self.min_group.value(),
                self.min_comments.value(),
            )
        except InvalidScheme as exc:
            return exc.message
        return ""

    def _revalidate(self) -> None:
        problem = self._problem()
        self.problem.setText(problem)
        ready = (
            not problem
            and self.meter.strength.acceptable
            and self.confirm.text() == self.passphrase.text()
            and bool(self.name_edit.text().strip())
            and bool(self.folder_edit.text().strip())
        )
        self.create_button.setEnabled(ready)

    def _choose_card(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the collector's card"),
            "",
            self.tr("Collector card (*{0})").format(CARD_EXTENSION),
        )
        if path:
            self.collector_edit.setText(path)

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Where to save the scheme's two files")
        )
        if folder:
            self.folder_edit.setText(folder)

    # ----------------------------------------------------------------- making
    def make_scheme(self) -> None:
        """Check once more, then make the files off the UI thread."""
        self._revalidate()
        if not self.create_button.isEnabled():
            return
        folder = Path(self.folder_edit.text().strip())
        name, passphrase = self.name_edit.text().strip(), self.passphrase.text()
        periods, questions = self.periods(), self.questions.questions()
        k, c = self.min_group.value(), self.min_comments.value()
        card, drop = self.collector_edit.text().strip(), self.drop_edit.text().strip()

        def work() -> CreatedScheme:
            collector = load_card(Path(card)).collector() if card else None
            return init_scheme(folder, name, passphrase, periods, questions, k, c, collector, drop)

        self._set_busy(True)
        run_in_background(work, self._on_created, self._on_failed)

    def _on_created(self, made: CreatedScheme) -> None:
        self.passphrase.clear()
        self.confirm.clear()
        self._set_busy(False)
        self.result.setText(
            self.tr(
                "Made. Hand out {0}. Keep {1} safe: with your passphrase it opens all the "
                "feedback. Key code: {2}."
            ).format(made.scheme_path.name, made.key_path.name, made.scheme.key_code())
        )
        self.result.show()
        self.created.emit(made)

    def _on_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if not isinstance(exc, KnownError):
            raise exc
        self.problem.setText(exc.message)

    def _set_busy(self, busy: bool) -> None:
        widgets: list[QWidget] = [
            self.name_edit,
            self.add_period_button,
            self.min_group,
            self.min_comments,
            self.questions,
            self.passphrase,
            self.confirm,
            self.folder_edit,
            self.folder_button,
            self.collector_edit,
            self.collector_button,
            self.drop_edit,
            self.create_button,
        ]
        for row in self.period_rows:
            widgets.extend(row)
        for widget in widgets:
            widget.setEnabled(not busy)
        self.busy.setVisible(busy)
        if not busy:
            self._revalidate()
