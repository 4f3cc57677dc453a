"""Collector: make your keys, take feedback files in, release batches to the coordinator.

For the person a scheme names as its collector (a Freedom to Speak Up
Guardian, an L&D officer). They never see an answer: the files they receive
open only far enough to say which period and person-and-pair they belong to.
Opening the key (Argon2id) runs off the UI thread, and the passphrase field
is cleared after every action, as on the Report page.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mentorpair.errors import KnownError
from mentorpair.feedback.batches import Batch, Received, receive, release
from mentorpair.feedback.collector import (
    KEY_EXTENSION,
    CreatedCollector,
    init_collector,
    open_collector_key,
)
from mentorpair.feedback.folder import list_candidates
from mentorpair.feedback.scheme import EXTENSION, Scheme, load_scheme

from mentorpair.ui.widgets import PassphraseField, StrengthMeter, buddy_label
from mentorpair.ui.workers import run_in_background

__all__ = ["CollectorPage"]


class CollectorPage(QScrollArea):
    """Two parts: make the collector's keys; receive files and release batches.

    Signals:
        done(str): the status text after an action finished, for tests and screen readers.

    Attributes:
        status: what the last action did, in plain words.
        problem: what went wrong, in plain words (nothing was changed).
    """

    done = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        inner = QWidget(self)
        inner.setMaximumWidth(820)
        self.setWidget(inner)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter)

        heading = QLabel(self.tr("Collector: pass feedback on in batches"), inner)
        heading.setObjectName("heading")
        intro = QLabel(
            self.tr(
                "For the person a scheme names as its collector. People send you their "
                "feedback files any way they like. You cannot read any answer: you keep the "
                "newest file of each person and pair, and pass files to the coordinator only "
                "in batches of at least the scheme's smallest group, renamed and mixed."
            ),
            inner,
        )
        intro.setWordWrap(True)

        keys_heading = QLabel(self.tr("Make your keys (once)"), inner)
        keys_heading.setObjectName("subheading")
        self.name_edit = QLineEdit(inner)
        self.name_edit.setAccessibleName(self.tr("Your name or role as people will see it"))
        self.name_edit.setPlaceholderText(self.tr("e.g. Freedom to Speak Up Guardian"))
        self.new_passphrase = PassphraseField(self.tr("New passphrase"), inner)
        self.meter = StrengthMeter(lambda: [self.name_edit.text()], inner)
        self.confirm = PassphraseField(self.tr("Confirm new passphrase"), inner)
        self.keys_folder = QLineEdit(inner)
        self.keys_folder.setAccessibleName(self.tr("Folder to save your keys in"))
        keys_folder_button = self._chooser(inner, self.keys_folder, folder=True)
        self.make_button = QPushButton(self.tr("Make my &keys"), inner)
        self.make_button.setAccessibleName(self.tr("Make my collector keys"))
        keys_form = QFormLayout()
        keys_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        keys_form.addRow(buddy_label(self.tr("&Name"), self.name_edit), self.name_edit)
        keys_form.addRow(
            buddy_label(self.tr("New &passphrase"), self.new_passphrase.edit), self.new_passphrase
        )
        keys_form.addRow("", self.meter)
        keys_form.addRow(buddy_label(self.tr("Con&firm"), self.confirm.edit), self.confirm)
        keys_form.addRow(
            buddy_label(self.tr("Save &in"), self.keys_folder),
            _row(self.keys_folder, keys_folder_button),
        )

        work_heading = QLabel(self.tr("Receive files and release batches"), inner)
        work_heading.setObjectName("subheading")
        self.key_edit = QLineEdit(inner)
        self.key_edit.setAccessibleName(self.tr("Your collector key file"))
        self.key_edit.setPlaceholderText(self.tr("The {0} file").format(KEY_EXTENSION))
        self.scheme_edit = QLineEdit(inner)
        self.scheme_edit.setAccessibleName(self.tr("The scheme file"))
        self.scheme_edit.setPlaceholderText(self.tr("The {0} file").format(EXTENSION))
        self.store_edit = QLineEdit(inner)
        self.store_edit.setAccessibleName(self.tr("Your store folder for this scheme"))
        self.passphrase = PassphraseField(self.tr("Passphrase"), inner)
        self.inbox_edit = QLineEdit(inner)
        self.inbox_edit.setAccessibleName(self.tr("Folder of feedback files you received"))
        self.out_edit = QLineEdit(inner)
        self.out_edit.setAccessibleName(self.tr("Folder to give the coordinator"))
        self.receive_button = QPushButton(self.tr("Recei&ve files"), inner)
        self.receive_button.setAccessibleName(self.tr("Receive the feedback files"))
        self.release_button = QPushButton(self.tr("Re&lease batches"), inner)
        self.release_button.setObjectName("primary")
        self.release_button.setAccessibleName(self.tr("Release batches to the coordinator"))
        work_form = QFormLayout()
        work_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for text, edit, folder in (
            (self.tr("Collector ke&y"), self.key_edit, False),
            (self.tr("Sc&heme file"), self.scheme_edit, False),
            (self.tr("St&ore folder"), self.store_edit, True),
        ):
            work_form.addRow(
                buddy_label(text, edit), _row(edit, self._chooser(inner, edit, folder))
            )
        work_form.addRow(buddy_label(self.tr("P&assphrase"), self.passphrase.edit), self.passphrase)
        work_form.addRow(
            buddy_label(self.tr("Fil&es received"), self.inbox_edit),
            _row(self.inbox_edit, self._chooser(inner, self.inbox_edit, True), self.receive_button),
        )
        work_form.addRow(
            buddy_label(self.tr("For the coor&dinator"), self.out_edit),
            _row(self.out_edit, self._chooser(inner, self.out_edit, True), self.release_button),
        )

        self.problem = QLabel(inner)
        self.problem.setObjectName("error")
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName(self.tr("Problem"))
        self.status = QLabel(inner)
        self.status.setObjectName("ok")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setAccessibleName(self.tr("What the collector did"))

        layout = QVBoxLayout(inner)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(work_heading)
        layout.addLayout(work_form)
        layout.addWidget(self.problem)
        layout.addWidget(self.status)
        layout.addWidget(keys_heading)
        layout.addLayout(keys_form)
        layout.addWidget(self.make_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addStretch(1)

        self.make_button.clicked.connect(self.make_keys)
        self.receive_button.clicked.connect(self.receive_files)
        self.release_button.clicked.connect(self.release_batches)
        for field in (self.name_edit, self.keys_folder):
            field.textChanged.connect(self._revalidate)
        for secret in (self.new_passphrase, self.confirm):
            secret.textChanged.connect(self._revalidate)
        self._revalidate()

    def _chooser(self, parent: QWidget, edit: QLineEdit, folder: bool) -> QPushButton:
        button = QPushButton(self.tr("Choose…"), parent)
        button.setAccessibleName(self.tr("Choose: {0}").format(edit.accessibleName()))

        def choose() -> None:
            if folder:
                path = QFileDialog.getExistingDirectory(self, edit.accessibleName())
            else:
                path, _ = QFileDialog.getOpenFileName(self, edit.accessibleName())
            if path:
                edit.setText(path)

        button.clicked.connect(choose)
        return button

    def _revalidate(self) -> None:
        strength = self.meter.update_for(self.new_passphrase.text())
        same = self.confirm.text() == self.new_passphrase.text()
        self.make_button.setEnabled(
            strength.acceptable
            and same
            and bool(self.name_edit.text().strip())
            and bool(self.keys_folder.text().strip())
        )

    # ----------------------------------------------------------------- actions
    def make_keys(self) -> None:
        """Make the key file and the card to give the coordinator (off the UI thread)."""
        self._revalidate()
        if not self.make_button.isEnabled():
            return
        folder, name = Path(self.keys_folder.text().strip()), self.name_edit.text().strip()
        passphrase = self.new_passphrase.text()
        self._start()
        run_in_background(
            lambda: init_collector(folder, name, passphrase), self._made, self._failed
        )

    def _made(self, made: CreatedCollector) -> None:
        self.new_passphrase.clear()
        self.confirm.clear()
        self.key_edit.setText(str(made.key_path))
        self._finish(
            self.tr(
                "Made your keys. Give {0} to the coordinator: they name you in the scheme "
                "with it. Keep {1} safe: with your passphrase it signs your batches."
            ).format(made.card_path.name, made.key_path.name)
        )

    def _inputs(self) -> tuple[Path, Path, Path, str] | None:
        values = (self.key_edit.text(), self.scheme_edit.text(), self.store_edit.text())
        if not all(v.strip() for v in values) or not self.passphrase.text():
            self.problem.setText(
                self.tr(
                    "Choose your key file, the scheme file and a store folder, and type "
                    "your passphrase."
                )
            )
            return None
        key, scheme, store = (Path(v.strip()) for v in values)
        return key, scheme, store, self.passphrase.text()

    def receive_files(self) -> None:
        """Take every feedback file in the chosen folder into the store."""
        inputs = self._inputs()
        if inputs is None:
            return
        if not self.inbox_edit.text().strip():
            self.problem.setText(self.tr("Choose the folder with the files you received."))
            return
        key, scheme_path, store, passphrase = inputs
        inbox = Path(self.inbox_edit.text().strip())

        def work() -> tuple[Scheme, Received]:
            scheme = load_scheme(scheme_path)
            keys = open_collector_key(key, passphrase)
            paths = list_candidates(inbox)
            store.mkdir(mode=0o700, parents=True, exist_ok=True)
            return scheme, receive(store, scheme, keys, paths)

        self._start()
        run_in_background(work, self._received, self._failed)

    def _received(self, result: tuple[Scheme, Received]) -> None:
        _, got = result
        text = self.tr(
            "Received. New people: {0}; newer answers of people already here: {1}; "
            "older copies left out: {2}; not feedback for this scheme: {3}."
        ).format(got.new, got.replaced, got.older, len(got.skipped))
        self._finish(text)

    def release_batches(self) -> None:
        """Write a signed batch for every period with enough new people."""
        inputs = self._inputs()
        if inputs is None:
            return
        if not self.out_edit.text().strip():
            self.problem.setText(self.tr("Choose the folder to give the coordinator."))
            return
        key, scheme_path, store, passphrase = inputs
        out = Path(self.out_edit.text().strip())

        def work() -> tuple[Scheme, list[Batch]]:
            scheme = load_scheme(scheme_path)
            keys = open_collector_key(key, passphrase)
            return scheme, release(store, scheme, keys, out)

        self._start()
        run_in_background(work, self._released, self._failed)

    def _released(self, result: tuple[Scheme, list[Batch]]) -> None:
        scheme, batches = result
        if not batches:
            self._finish(
                self.tr(
                    "Nothing to release yet: a batch needs at least {0} people the coordinator "
                    "has not had. Nothing was written."
                ).format(scheme.min_group)
            )
            return
        lines = [
            self.tr("Released {0}: {1} people.").format(batch.folder.name, batch.respondents)
            for batch in batches
        ]
        lines.append(
            self.tr("Give the coordinator the folder {0}.").format(batches[0].folder.parent)
        )
        self._finish("\n".join(lines))

    # ----------------------------------------------------------------- state
    def _start(self) -> None:
        self.problem.clear()
        self.status.clear()
        for button in (self.make_button, self.receive_button, self.release_button):
            button.setEnabled(False)

    def _finish(self, text: str) -> None:
        self.passphrase.clear()
        self.status.setText(text)
        self.receive_button.setEnabled(True)
        self.release_button.setEnabled(True)
        self._revalidate()
        self.done.emit(text)

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, KnownError):
            raise exc
        self.passphrase.clear()
        self.problem.setText(exc.message)
        self.receive_button.setEnabled(True)
        self.release_button.setEnabled(True)
        self._revalidate()
        self.done.emit(exc.message)


def _row(*widgets: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    for index, widget in enumerate(widgets):
        row.addWidget(widget, 1 if index == 0 else 0)
    return row
