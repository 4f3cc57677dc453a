"""Report: open the scheme key, read a folder of feedback, show the report, export it.

Opening the key (Argon2id) and reading thousands of files both run off the UI
thread; the progress bar follows the files and Stop ends the reading between
two files. The passphrase field is cleared as soon as the key is opened.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from mentorpair.errors import KnownError
from mentorpair.feedback.folder import ReadingStopped, open_scheme_key, report_from_folder
from mentorpair.feedback.keystore import KEY_EXTENSION
from mentorpair.feedback.report import Report
from mentorpair.feedback.report_export import write_csv, write_json

from mentorpair.ui.coordinator.pdf import write_pdf
from mentorpair.ui.coordinator.report_view import ReportView
from mentorpair.ui.widgets import PassphraseField, buddy_label
from mentorpair.ui.workers import run_in_background

__all__ = ["ReportPage"]


class _Progress(QObject):
    """Carries (done, total) from the reading thread to the progress bar.

    Signals:
        advanced(int, int): files done and files in all.
    """

    advanced = Signal(int, int)

    def __init__(self) -> None:
        super().__init__()
        self._last = -1

    def __call__(self, done: int, total: int) -> None:
        # At most about 200 updates, however many thousand files.
        step = done * 200 // total if total else 200
        if step != self._last or done == total:
            self._last = step
            self.advanced.emit(done, total)


class ReportPage(QWidget):
    """Inputs above, the report below.

    Signals:
        report_ready(object): the :class:`Report` now shown.
    """

    report_ready = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: Report | None = None
        self.view: ReportView | None = None
        self._stop = threading.Event()
        self._progress = _Progress()
        self._progress.advanced.connect(self._on_progress)

        heading = QLabel(self.tr("Report on the feedback"), self)
        heading.setObjectName("heading")
        self.key_edit = QLineEdit(self)
        self.key_edit.setAccessibleName(self.tr("Scheme key file"))
        self.key_edit.setPlaceholderText(self.tr("The .mpschemekey file made with the scheme"))
        self.key_button = QPushButton(self.tr("Choose key fi&le…"), self)
        self.key_button.setAccessibleName(self.tr("Choose the scheme key file"))
        self.passphrase = PassphraseField(self.tr("Passphrase"), self)
        self.folder_edit = QLineEdit(self)
        self.folder_edit.setAccessibleName(self.tr("Feedback folder"))
        self.folder_edit.setPlaceholderText(self.tr("The folder where you keep the feedback files"))
        self.folder_button = QPushButton(self.tr("Choose f&older…"), self)
        self.folder_button.setAccessibleName(self.tr("Choose the feedback folder"))
        self.read_button = QPushButton(self.tr("Rea&d feedback"), self)
        self.read_button.setObjectName("primary")
        self.read_button.setAccessibleName(self.tr("Read feedback"))
        self.read_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.stop_button = QPushButton(self.tr("S&top"), self)
        self.stop_button.setAccessibleName(self.tr("Stop reading"))
        self.stop_button.hide()
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(self.tr("Reading the feedback files"))
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.problem = QLabel(self)
        self.problem.setObjectName("error")
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName(self.tr("Problem"))

        self.export_buttons: dict[str, QPushButton] = {}
        exports = QHBoxLayout()
        for kind, text, name in (
            ("pdf", self.tr("Export &PDF…"), self.tr("Export the report as PDF")),
            ("csv", self.tr("Export &CSV…"), self.tr("Export the report as CSV")),
            ("json", self.tr("Export &JSON…"), self.tr("Export the report as JSON")),
        ):
            button = QPushButton(text, self)
            button.setAccessibleName(name)
            button.setEnabled(False)
            button.clicked.connect(lambda _checked=False, k=kind: self.export(k))
            self.export_buttons[kind] = button
            exports.addWidget(button)
        exports.addStretch(1)
        self.status = QLabel(self)
        self.status.setObjectName("ok")
        self.status.setWordWrap(True)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        key_row = QHBoxLayout()
        key_row.addWidget(self.key_edit, 1)
        key_row.addWidget(self.key_button)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.folder_button)
        form.addRow(buddy_label(self.tr("Scheme &key"), self.key_edit), key_row)
        form.addRow(buddy_label(self.tr("Pa&ssphrase"), self.passphrase.edit), self.passphrase)
        form.addRow(buddy_label(self.tr("Feedback &folder"), self.folder_edit), folder_row)
        actions = QHBoxLayout()
        actions.addWidget(self.progress, 1)
        actions.addWidget(self.stop_button)
        actions.addStretch(0)
        actions.addWidget(self.read_button)

        self.empty_hint = QLabel(
            self.tr(
                "Choose the scheme's key file, type its passphrase and choose the folder "
                "with the feedback files. Files that cannot be read are listed; nothing in "
                "the folder is changed."
            ),
            self,
        )
        self.empty_hint.setObjectName("hint")
        self.empty_hint.setWordWrap(True)

        # One scroll area for inputs and report: on a small screen the report
        # gets the whole height once scrolled to.
        self.report_area = QScrollArea(self)
        self.report_area.setWidgetResizable(True)
        self.report_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.report_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inner = QWidget(self.report_area)
        self.report_area.setWidget(inner)
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(8)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addLayout(actions)
        layout.addWidget(self.problem)
        layout.addLayout(exports)
        layout.addWidget(self.status)
        self.report_slot = QVBoxLayout()
        self.report_slot.addWidget(self.empty_hint)
        layout.addLayout(self.report_slot)
        layout.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.report_area)

        self.key_button.clicked.connect(self._choose_key)
        self.folder_button.clicked.connect(self._choose_folder)
        self.read_button.clicked.connect(self.read)
        self.stop_button.clicked.connect(self._stop.set)
        self.passphrase.returnPressed.connect(self.read)
        for edit in (self.key_edit, self.folder_edit):
            edit.textChanged.connect(self._revalidate)
        self.passphrase.textChanged.connect(self._revalidate)
        self._revalidate()

    # ----------------------------------------------------------------- inputs
    def _revalidate(self) -> None:
        ready = all(
            (self.key_edit.text().strip(), self.passphrase.text(), self.folder_edit.text().strip())
        )
        self.read_button.setEnabled(ready)

    def _choose_key(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the scheme key file"),
            "",
            self.tr("Scheme key (*{0})").format(KEY_EXTENSION),
        )
        if path:
            self.key_edit.setText(path)

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the feedback folder"))
        if folder:
            self.folder_edit.setText(folder)

    # ----------------------------------------------------------------- reading
    def read(self) -> None:
        """Open the key and read the folder in the background."""
        if not self.read_button.isEnabled():
            return
        key = Path(self.key_edit.text().strip())
        folder = Path(self.folder_edit.text().strip())
        passphrase = self.passphrase.text()
        self._stop.clear()
        progress, stop = self._progress, self._stop.is_set

        def work() -> Report:
            scheme, keypair = open_scheme_key(key, passphrase)
            return report_from_folder(folder, scheme, keypair, progress, stop)

        self.problem.clear()
        self.status.clear()
        self._set_busy(True)
        run_in_background(work, self._on_read, self._on_failed)

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(
            self.tr("Reading {0} of {1} files…").format(f"{done:,}", f"{total:,}")
        )

    def _on_read(self, report: Report) -> None:
        self.passphrase.clear()
        self._set_busy(False)
        self.show_report(report)

    def show_report(self, report: Report) -> None:
        """Replace what is shown with ``report``."""
        self.report = report
        old = self.view or self.empty_hint
        self.view = ReportView(report, self.report_area.widget())
        self.report_slot.replaceWidget(old, self.view)
        self.view.show()
        old.hide()
        old.deleteLater()
        for button in self.export_buttons.values():
            button.setEnabled(True)
        self.report_ready.emit(report)

    def _on_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if not isinstance(exc, KnownError):
            raise exc
        if isinstance(exc, ReadingStopped):
            self.status.setText(self.tr("Reading was stopped. Nothing was changed."))
            return
        self.problem.setText(exc.message)

    def _set_busy(self, busy: bool) -> None:
        for widget in (
            self.key_edit,
            self.key_button,
            self.passphrase,
            self.folder_edit,
            self.folder_button,
            self.read_button,
            *self.export_buttons.values(),
        ):
            widget.setEnabled(not busy)
        self.progress.setVisible(busy)
        self.stop_button.setVisible(busy)
        if busy:
            self.progress.setRange(0, 0)
            self.progress.setFormat(self.tr("Opening the scheme key…"))
        else:
            for button in self.export_buttons.values():
                button.setEnabled(self.report is not None)
            self._revalidate()

    # ----------------------------------------------------------------- export
    def export(self, kind: str) -> None:
        """Ask where, then write the report as PDF, CSV or JSON."""
        if self.report is None:
            return
        filters = {
            "pdf": self.tr("PDF document (*.pdf)"),
            "csv": self.tr("Spreadsheet, CSV (*.csv)"),
            "json": self.tr("JSON data (*.json)"),
        }
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the report"), f"feedback-report.{kind}", filters[kind]
        )
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != f".{kind}":
            target = target.with_name(target.name + f".{kind}")
        self.write(kind, target)

    def write(self, kind: str, target: Path) -> None:
        """Write the shown report to ``target``; a known error is shown, not raised."""
        if self.report is None:
            return
        writers = {"pdf": write_pdf, "csv": write_csv, "json": write_json}
        try:
            writers[kind](target, self.report)
        except KnownError as exc:
            self.problem.setText(exc.message)
            return
        self.problem.clear()
        self.status.setText(self.tr("Saved {0}.").format(target.name))
