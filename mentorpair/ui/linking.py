"""Linking another computer: the wizard on the old one, the pages on the new one, the list.

The old computer (File ▸ Link another computer…) shows a link to take to the
new computer, takes the new computer's answer, shows the link code and, only
once the person says the codes on both screens match, saves the link file.
The new computer (the welcome page's "I already use mentorpair on another
computer") reads the link, shows the answer and the same code, opens the link
file and makes its vault with a passphrase of its own. File ▸ Your computers
lists the person's computers and removes one.

The steps themselves live in ``sync/linking.py``; this module shows them.
"""

from __future__ import annotations

import html
import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mentorpair.errors import KnownError, LinkRefused, PairsFileRefused
from mentorpair.storage.atomic import atomic_write
from mentorpair.storage.oserrors import translate_os_errors
from mentorpair.sync.devices import MAX_BUNDLE_SIZE, MAX_DOCUMENT_CHARS
from mentorpair.sync.linking import (
    BUNDLE_SUFFIX,
    LINK_SUFFIX,
    LinkAbandoned,
    NewSide,
    OldSide,
    Stage,
)
from mentorpair.sync.roster import Device, Roster

from mentorpair.ui.announce import StatusLabel
from mentorpair.ui.sync.widgets import TextBlock, button, monospace
from mentorpair.ui.widgets import (
    PassphraseField,
    StrengthMeter,
    buddy_label,
    repolish,
    warning_box,
)
from mentorpair.ui.workers import run_in_background

if TYPE_CHECKING:
    from mentorpair.crypto import kdf
    from mentorpair.storage.vault import Vault
    from mentorpair.storage.workspace import Workspace

__all__ = [
    "LinkCodeView",
    "LinkComputerDialog",
    "LinkThisComputerPage",
    "YourComputersDialog",
    "device_label",
    "partner_device_notices",
    "read_bundle_file",
    "read_link_file",
]


# ------------------------------------------------------------------ shared pieces


def read_link_file(path: Path) -> str:
    """A saved link or answer's text, its size checked before it is read.

    Raises:
        LinkRefused: far too large to be a link.
        NotFound, PermissionDenied, DiskError: it could not be read.
    """
    with translate_os_errors():
        if os.stat(path).st_size > MAX_DOCUMENT_CHARS * 4:
            raise LinkRefused("This file is far too large to be a mentorpair link.")
        return path.read_bytes().decode("utf-8", errors="replace")


def read_bundle_file(path: Path) -> bytes:
    """A link file's bytes, its size checked before it is read.

    Raises:
        LinkRefused: far too large to be a link file.
        NotFound, PermissionDenied, DiskError: it could not be read.
    """
    with translate_os_errors():
        if os.stat(path).st_size > MAX_BUNDLE_SIZE:
            raise LinkRefused("This is far too large to be a mentorpair link file.")
        return path.read_bytes()


def _label(parent: QWidget, text: str = "", role: str = "") -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    if role:
        label.setObjectName(role)
    return label


def _page(stack: QStackedWidget) -> tuple[QWidget, QVBoxLayout]:
    page = QWidget(stack)
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(10)
    stack.addWidget(page)
    return page, layout


def _row(*widgets: QWidget, stretch_at: int = 0) -> QHBoxLayout:
    """Buttons in a row, with the stretch before the ``stretch_at``-th one."""
    row = QHBoxLayout()
    for i, widget in enumerate(widgets):
        if i == stretch_at:
            row.addStretch(1)
        row.addWidget(widget)
    if stretch_at >= len(widgets):
        row.addStretch(1)
    return row


def _paste_box(parent: QWidget, name: str, placeholder: str) -> QPlainTextEdit:
    box = QPlainTextEdit(parent)
    box.setFont(monospace())
    box.setAccessibleName(name)
    box.setTabChangesFocus(True)
    box.setPlaceholderText(placeholder)
    box.setMinimumHeight(80)
    return box


def _error_line(parent: QWidget) -> StatusLabel:
    line = StatusLabel(QCoreApplication.translate("Linking", "Problem"), parent, alert=True)
    line.setObjectName("error")
    line.setWordWrap(True)
    return line


def _busy_bar(parent: QWidget, text: str) -> QProgressBar:
    bar = QProgressBar(parent)
    bar.setRange(0, 0)
    bar.setAccessibleName(text)
    bar.setFormat(text)
    bar.setTextVisible(True)
    bar.hide()
    return bar


class LinkCodeView(QLabel):
    """The 20-digit link code, large, in four groups of five on one line.

    It takes keyboard focus so a screen reader reads it as the page opens;
    the accessible description gives the groups one by one.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        font = monospace(22)
        font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 2)
        font.setWeight(QFont.Weight.DemiBold)
        self.setFont(font)
        self.setObjectName("linkCode")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setContentsMargins(0, 8, 0, 8)
        self.setAccessibleName(self.tr("Link code"))
        self.code = ""

    def set_code(self, code: str) -> None:
        """Show ``code`` (four space-separated groups of five digits)."""
        self.code = code
        groups = code.split()
        self.setText("   ".join(groups))
        self.setAccessibleDescription(", ".join(groups))


class LinkTextBlock(TextBlock):
    """A link or answer to copy or save (as a ``.mplink`` file)."""

    def __init__(
        self, accessible_name: str, saved_words: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(accessible_name, "mentorpair-link" + LINK_SUFFIX, parent)
        self._saved_words = saved_words
        self.text.setMinimumHeight(100)

    def copy(self) -> None:
        """Put the block on the clipboard."""
        super().copy()
        self.feedback.setText(self.tr("Copied."))

    def save(self) -> None:
        """Ask where, then write the block as a small text file."""
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save as file"),
            self.default_name,
            self.tr("mentorpair links (*{0});;All files (*)").format(LINK_SUFFIX),
        )
        if not path:
            return
        try:
            with translate_os_errors():
                atomic_write(Path(path), self.text.toPlainText().encode("utf-8"), mode=0o600)
        except KnownError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), exc.message)
            return
        self.feedback.setText(self._saved_words)


def _open_link_text(parent: QWidget, caption: str) -> str | None:
    """Ask for a saved link or answer and read it; None if the person cancelled.

    Raises:
        KnownError: it could not be read or is far too large.
    """
    path, _filter = QFileDialog.getOpenFileName(
        parent,
        caption,
        "",
        QCoreApplication.translate("Linking", "mentorpair links (*{0});;All files (*)").format(
            LINK_SUFFIX
        ),
    )
    return read_link_file(Path(path)) if path else None


# ------------------------------------------------------------------ the old computer


class LinkComputerDialog(QDialog):
    """File ▸ Link another computer: link, answer, code, then the link file.

    Attributes:
        side: the link in progress (a new one after "Start again").
        bundle: the link file's bytes, once the codes were confirmed.
        saved_to: where the link file was saved.
    """

    OFFER, CODE, STOPPED, SAVE, DONE = range(5)

    def __init__(
        self,
        workspace: Workspace,
        parent: QWidget | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self._clock = clock or workspace.now
        self.side = OldSide(workspace)
        self.bundle: bytes | None = None
        self.saved_to: Path | None = None
        self.setWindowTitle(self.tr("Link another computer"))
        self.setMinimumWidth(560)
        self.pages = QStackedWidget(self)
        self._build_offer()
        self._build_code()
        self._build_stopped()
        self._build_save()
        self._build_done()
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.resize(700, 560)
        self._start()

    def _now(self) -> datetime:
        return self._clock()

    # ------------------------------------------------------------- building
    def _build_offer(self) -> None:
        page, layout = _page(self.pages)
        title = _label(page, self.tr("Link another computer"), "subheading")
        intro = _label(
            page,
            self.tr(
                "Your other computer gets your pairs and all your notes, private ones "
                "included, once you have checked that both screens show the same code."
            ),
        )
        step1 = _label(
            page,
            self.tr(
                "<b>1.</b> On the new computer, start mentorpair and choose <b>I already "
                "use mentorpair on another computer</b>. Give it this link: copy it, or save "
                "it as a file. It works for one hour."
            ),
        )
        self.offer_block = LinkTextBlock(
            self.tr("Link text"), self.tr("Saved. Open it on your new computer."), page
        )
        step2 = _label(
            page,
            self.tr(
                "<b>2.</b> The new computer then shows an answer. Paste it here, or open "
                "the file it saved."
            ),
        )
        self.paste = _paste_box(
            page, self.tr("Answer from your new computer"), "-----BEGIN MENTORPAIR LINK ANSWER-----"
        )
        self.answer_error = _error_line(page)
        self.paste.textChanged.connect(self.answer_error.clear)
        self.open_button = button(
            self.tr("&Open the answer file…"), self.tr("Open the answer file"), page
        )
        self.open_button.clicked.connect(self.open_answer)
        cancel = button(self.tr("Cancel"), self.tr("Cancel"), page)
        cancel.clicked.connect(self.reject)
        self.continue_button = button(self.tr("Con&tinue"), self.tr("Continue"), page, True)
        self.continue_button.setDefault(True)
        self.continue_button.clicked.connect(self.take_answer)
        for widget in (title, intro, step1):
            layout.addWidget(widget)
        layout.addWidget(self.offer_block, 2)
        layout.addWidget(step2)
        layout.addWidget(self.paste, 1)
        layout.addWidget(self.answer_error)
        layout.addLayout(_row(self.open_button, cancel, self.continue_button, stretch_at=1))

    def _build_code(self) -> None:
        page, layout = _page(self.pages)
        title = _label(page, self.tr("Compare the codes"), "subheading")
        intro = _label(
            page,
            self.tr(
                "Your new computer shows a code too. Check that all twenty digits are the "
                "same on both screens."
            ),
        )
        self.code = LinkCodeView(page)
        hint = _label(
            page,
            self.tr(
                "If even one digit differs, someone else may have answered your link: choose "
                "<b>They do not match</b> and nothing is sent."
            ),
            "hint",
        )
        self.mismatch_button = button(
            self.tr("They do &not match"), self.tr("They do not match"), page
        )
        self.mismatch_button.clicked.connect(self.codes_differ)
        self.match_button = button(
            self.tr("The codes &match"), self.tr("The codes match"), page, True
        )
        self.match_button.clicked.connect(self.codes_match)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self.code)
        layout.addWidget(hint)
        layout.addStretch(1)
        layout.addLayout(_row(self.mismatch_button, self.match_button))

    def _build_stopped(self) -> None:
        page, layout = _page(self.pages)
        title = _label(page, self.tr("The computers were not linked"), "subheading")
        self.stopped_text = StatusLabel(self.tr("Why linking stopped"), page, alert=True)
        self.stopped_text.setWordWrap(True)
        self.again_button = button(self.tr("Start &again"), self.tr("Start again"), page, True)
        self.again_button.clicked.connect(self._start)
        close = button(self.tr("C&lose"), self.tr("Close"), page)
        close.clicked.connect(self.reject)
        layout.addWidget(title)
        layout.addWidget(self.stopped_text)
        layout.addStretch(1)
        layout.addLayout(_row(close, self.again_button))

    def _build_save(self) -> None:
        page, layout = _page(self.pages)
        title = _label(page, self.tr("Save the link file"), "subheading")
        intro = _label(
            page,
            self.tr(
                "The codes match. Save the link file and take it to your new computer, for "
                "example on a USB stick or through your own cloud storage. It holds your keys "
                "and all your notes, encrypted so that only your new computer can open it."
            ),
        )
        self.save_busy = _busy_bar(page, self.tr("Preparing the link file…"))
        self.save_status = StatusLabel(self.tr("Link file"), page)
        self.save_status.setWordWrap(True)
        self.save_button = button(
            self.tr("Save the link &file…"), self.tr("Save the link file"), page, True
        )
        self.save_button.clicked.connect(self.save_bundle)
        cancel = button(self.tr("Cancel"), self.tr("Cancel"), page)
        cancel.clicked.connect(self.reject)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self.save_busy)
        layout.addWidget(self.save_status)
        layout.addStretch(1)
        layout.addLayout(_row(cancel, self.save_button))

    def _build_done(self) -> None:
        page, layout = _page(self.pages)
        title = _label(page, self.tr("The link file is saved"), "subheading")
        self.done_text = StatusLabel(self.tr("What to do next"), page)
        self.done_text.setWordWrap(True)
        close = button(self.tr("&Done"), self.tr("Done"), page, True)
        close.clicked.connect(self.accept)
        self.done_button = close
        layout.addWidget(title)
        layout.addWidget(self.done_text)
        layout.addStretch(1)
        layout.addLayout(_row(close))

    # ------------------------------------------------------------- steps
    def _start(self) -> None:
        """A fresh link (the first, or after "Start again")."""
        self.side = OldSide(self.workspace)
        self.bundle = None
        try:
            text = self.side.start(self._now())
        except KnownError as exc:
            self._stop(exc.message)
            return
        self.offer_block.set_text(text)
        self.paste.clear()
        self.answer_error.clear()
        self.pages.setCurrentIndex(self.OFFER)
        self.offer_block.copy_button.setFocus()

    def open_answer(self) -> None:
        """Open the answer file the new computer saved, and take it."""
        try:
            text = _open_link_text(self, self.tr("Open the answer file"))
        except KnownError as exc:
            self.answer_error.setText(exc.message)
            return
        if text is not None:
            self.paste.setPlainText(text)
            self.take_answer()

    def take_answer(self) -> None:
        """Check the pasted answer and show the code, or say why not."""
        try:
            code = self.side.take_answer(self.paste.toPlainText(), self._now())
        except LinkAbandoned as exc:
            self._stop(exc.message)
            return
        except KnownError as exc:
            if self.side.stage is Stage.ABANDONED:  # expired: the link is over
                self._stop(exc.message)
            else:
                self.answer_error.setText(exc.message)
            return
        self.code.set_code(code)
        self.pages.setCurrentIndex(self.CODE)
        self.code.setFocus()

    def codes_differ(self) -> None:
        """They do not match: end this link; nothing was or will be sent."""
        self.side.abandon()
        self._stop(
            self.tr(
                "The codes did not match, so nothing was sent. Perhaps someone else answered "
                "your link. Start again, and take the new link to your new computer yourself."
            )
        )

    def codes_match(self) -> None:
        """The person confirmed the code: make the link file in the background."""
        self.pages.setCurrentIndex(self.SAVE)
        self.save_button.setEnabled(False)
        self.save_status.setText("")
        self.save_busy.setFormat(self.tr("Preparing the link file…"))
        self.save_busy.setAccessibleName(self.tr("Preparing the link file…"))
        self.save_busy.show()
        side, now = self.side, self._now()
        run_in_background(lambda: side.confirm_and_bundle(now), self._bundled, self._not_bundled)

    def _bundled(self, bundle: bytes) -> None:
        self.save_busy.hide()
        self.bundle = bundle
        self.save_button.setEnabled(True)
        self.save_status.setText(self.tr("The link file is ready to save."))
        self.save_button.setFocus()
        self.save_bundle()

    def _not_bundled(self, exc: BaseException) -> None:
        self.save_busy.hide()
        if not isinstance(exc, KnownError):
            raise exc
        self._stop(exc.message)

    def save_bundle(self) -> None:
        """Ask where to save the link file, then write it in the background."""
        if self.bundle is None:
            return
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the link file"),
            "mentorpair-link" + BUNDLE_SUFFIX,
            self.tr("mentorpair link files (*{0});;All files (*)").format(BUNDLE_SUFFIX),
        )
        if not path:
            self.save_status.setText(
                self.tr("Not saved yet. Choose Save the link file when you are ready.")
            )
            return
        target, bundle = Path(path), self.bundle
        self.save_button.setEnabled(False)
        self.save_busy.setFormat(self.tr("Saving the link file…"))
        self.save_busy.setAccessibleName(self.tr("Saving the link file…"))
        self.save_busy.show()

        def write() -> Path:
            with translate_os_errors():
                atomic_write(target, bundle, mode=0o600)
            return target

        run_in_background(write, self._saved, self._not_saved)

    def _saved(self, path: Path) -> None:
        self.save_busy.hide()
        self.saved_to = path
        self.bundle = None  # it holds the identity's keys: no longer than needed
        self.done_text.setText(
            self.tr(
                "Saved as {0}.<br><br>On your new computer, choose <b>Open the link "
                "file…</b> and pick this file, then choose a passphrase for that computer. "
                "Delete the file once your new computer has opened it."
            ).format(html.escape(path.name))
        )
        self.pages.setCurrentIndex(self.DONE)
        self.done_button.setFocus()

    def _not_saved(self, exc: BaseException) -> None:
        self.save_busy.hide()
        self.save_button.setEnabled(True)
        if not isinstance(exc, KnownError):
            raise exc
        self.save_status.setText(exc.message)

    def _stop(self, message: str) -> None:
        self.bundle = None
        self.stopped_text.setText(message)
        self.pages.setCurrentIndex(self.STOPPED)
        self.again_button.setFocus()
        self.stopped_text.setVisible(True)

    def done(self, result: int) -> None:  # QDialog.done
        """Closing drops the link file's bytes and ends an unfinished link."""
        self.bundle = None
        if self.side.stage in (Stage.OFFERED, Stage.ANSWERED):
            self.side.abandon()
        super().done(result)


# ------------------------------------------------------------------ the new computer


def _finish(
    side: NewSide,
    bundle: bytes,
    folder: Path,
    passphrase: str,
    params: Callable[[], kdf.KdfParams] | None,
) -> Vault:
    """Open the link file into this computer's vault (runs off the UI thread)."""
    return side.finish(bundle, folder, passphrase, params)


class LinkThisComputerPage(QScrollArea):
    """On the new computer: paste the link, give back the answer, open the link file.

    Signals:
        created(object): the new, open :class:`Vault`.
        back(): the person went back to the welcome page.

    Attributes:
        side: the new computer's side of the link.
        bundle: the link file's bytes, once opened.
        params: the key-derivation parameters (tests make them cheap).
    """

    created = Signal(object)
    back = Signal()

    OFFER, ANSWER, PASSPHRASE = range(3)

    def __init__(self, vault_folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault_folder = vault_folder
        self.side = NewSide()
        self.bundle: bytes | None = None
        self.params: Callable[[], kdf.KdfParams] | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        inner = QWidget(self)
        inner.setMaximumWidth(680)
        self.setWidget(inner)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        heading = QLabel(self.tr("Link this computer"), inner)
        heading.setObjectName("heading")
        self.pages = QStackedWidget(inner)
        self._build_offer()
        self._build_answer()
        self._build_passphrase()
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(32, 20, 32, 20)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(self.pages, 1)

    def _build_offer(self) -> None:
        page, layout = _page(self.pages)
        intro = _label(
            page,
            self.tr(
                "On the computer you already use, choose <b>File ▸ Link another "
                "computer…</b>. It shows a link: paste it here, or open the file you saved "
                "it in."
            ),
        )
        self.paste = _paste_box(
            page, self.tr("Link from your other computer"), "-----BEGIN MENTORPAIR LINK OFFER-----"
        )
        self.offer_error = _error_line(page)
        self.paste.textChanged.connect(self.offer_error.clear)
        # Made in the order they are seen, which is the order Tab visits them.
        self.open_button = button(self.tr("&Open the link…"), self.tr("Open the link"), page)
        self.open_button.clicked.connect(self.open_offer)
        back = button(self.tr("&Back"), self.tr("Back"), page)
        back.clicked.connect(self.back)
        self.continue_button = button(self.tr("Con&tinue"), self.tr("Continue"), page, True)
        self.continue_button.setDefault(True)
        self.continue_button.clicked.connect(self.read_offer)
        layout.addWidget(intro)
        layout.addWidget(self.paste, 1)
        layout.addWidget(self.offer_error)
        layout.addLayout(_row(self.open_button, back, self.continue_button, stretch_at=1))

    def _build_answer(self) -> None:
        page, layout = _page(self.pages)
        self.answer_title = _label(page, role="subheading")
        step1 = _label(
            page,
            self.tr(
                "<b>1.</b> Take this answer back to your other computer: copy it, or save "
                "it as a file, and paste or open it there."
            ),
        )
        self.answer_block = LinkTextBlock(
            self.tr("Answer text"), self.tr("Saved. Open it on your other computer."), page
        )
        step2 = _label(
            page,
            self.tr(
                "<b>2.</b> Your other computer then shows a code. Check that all twenty "
                "digits are the same as here:"
            ),
        )
        self.code = LinkCodeView(page)
        step3 = _label(
            page,
            self.tr(
                "<b>3.</b> Once you confirmed the codes there, your other computer saves a "
                "link file. Bring it here and open it."
            ),
        )
        self.bundle_error = _error_line(page)
        again = button(self.tr("Start &again"), self.tr("Start again"), page)
        again.clicked.connect(self.start_again)
        self.open_bundle_button = button(
            self.tr("Open the link &file…"), self.tr("Open the link file"), page, True
        )
        self.open_bundle_button.clicked.connect(self.open_bundle)
        layout.addWidget(self.answer_title)
        layout.addWidget(step1)
        layout.addWidget(self.answer_block, 1)
        layout.addWidget(step2)
        layout.addWidget(self.code)
        layout.addWidget(step3)
        layout.addWidget(self.bundle_error)
        layout.addLayout(_row(again, self.open_bundle_button))

    def _build_passphrase(self) -> None:
        page, layout = _page(self.pages)
        title = _label(page, self.tr("Choose a passphrase for this computer"), "subheading")
        intro = _label(
            page,
            self.tr(
                "It locks mentorpair on this computer. It may differ from the one on your "
                "other computer."
            ),
        )
        warning = warning_box(
            self.tr(
                "<b>A lost passphrase cannot be recovered.</b> Write it down and keep it "
                "somewhere safe."
            ),
            page,
        )
        self.passphrase = PassphraseField(self.tr("Passphrase"), page)
        self.meter = StrengthMeter(lambda: [self.side.name] if self.side.code else [], page)
        self.confirm = PassphraseField(self.tr("Confirm passphrase"), page)
        self.problem = _error_line(page)
        self.busy = _busy_bar(page, self.tr("Linking this computer…"))
        self.link_button = button(
            self.tr("&Link this computer"), self.tr("Link this computer"), page, True
        )
        self.link_button.setDefault(True)
        self.link_button.clicked.connect(self.link)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(buddy_label(self.tr("&Passphrase"), self.passphrase.edit), self.passphrase)
        form.addRow("", self.meter)
        form.addRow(buddy_label(self.tr("Con&firm"), self.confirm.edit), self.confirm)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(warning)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.busy)
        layout.addStretch(1)
        layout.addLayout(_row(self.link_button))
        self.passphrase.textChanged.connect(self._revalidate)
        self.confirm.textChanged.connect(self._revalidate)
        self.confirm.returnPressed.connect(self.link)
        self._revalidate()

    # ------------------------------------------------------------- steps
    def showEvent(self, event: object) -> None:  # QWidget.showEvent
        """Put the cursor where the person goes next."""
        super().showEvent(event)  # type: ignore[arg-type]
        if self.pages.currentIndex() == self.OFFER:
            self.paste.setFocus()

    def start_again(self) -> None:
        """Forget the link read so far; paste a new one."""
        self.side = NewSide()
        self.bundle = None
        self.paste.clear()
        self.bundle_error.clear()
        self.pages.setCurrentIndex(self.OFFER)
        self.paste.setFocus()

    def open_offer(self) -> None:
        """Open a saved link and read it."""
        try:
            text = _open_link_text(self, self.tr("Open the link"))
        except KnownError as exc:
            self.offer_error.setText(exc.message)
            return
        if text is not None:
            self.paste.setPlainText(text)
            self.read_offer()

    def read_offer(self) -> None:
        """Read the pasted link; show the answer and the code."""
        try:
            answer, code = self.side.read_offer(self.paste.toPlainText(), datetime.now(UTC))
        except KnownError as exc:
            self.offer_error.setText(exc.message)
            return
        self.answer_title.setText(
            self.tr("Linking this computer to {0}’s mentorpair").format(html.escape(self.side.name))
        )
        self.answer_block.set_text(answer)
        self.code.set_code(code)
        self.bundle_error.clear()
        self.pages.setCurrentIndex(self.ANSWER)
        self.answer_block.copy_button.setFocus()

    def open_bundle(self) -> None:
        """Choose the link file the other computer saved."""
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Open the link file"),
            "",
            self.tr("mentorpair link files (*{0});;All files (*)").format(BUNDLE_SUFFIX),
        )
        if not path:
            return
        try:
            self.bundle = read_bundle_file(Path(path))
        except KnownError as exc:
            self.bundle_error.setText(exc.message)
            return
        self.pages.setCurrentIndex(self.PASSPHRASE)
        self._revalidate()
        self.passphrase.setFocus()

    def _revalidate(self) -> None:
        strength = self.meter.update_for(self.passphrase.text())
        mismatch = bool(self.confirm.text()) and self.confirm.text() != self.passphrase.text()
        self.problem.setText(self.tr("The two passphrases are not the same.") if mismatch else "")
        self.link_button.setEnabled(
            strength.acceptable and self.confirm.text() == self.passphrase.text()
        )

    def link(self) -> None:
        """Open the link file into this computer's vault (in the background)."""
        if not self.link_button.isEnabled() or self.bundle is None:
            return
        side, bundle, passphrase = self.side, self.bundle, self.passphrase.text()
        folder, params = self.vault_folder, self.params
        self._set_busy(True)
        run_in_background(
            lambda: _finish(side, bundle, folder, passphrase, params),
            self._linked,
            self._failed,
        )

    def _linked(self, vault: Vault) -> None:
        self.passphrase.clear()
        self.confirm.clear()
        self.bundle = None
        self._set_busy(False)
        self.created.emit(vault)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if not isinstance(exc, KnownError):
            raise exc
        if isinstance(exc, LinkRefused):
            # The file is at fault, not the passphrase: back to choosing it.
            self.bundle = None
            self.pages.setCurrentIndex(self.ANSWER)
            self.bundle_error.setText(exc.message)
            self.open_bundle_button.setFocus()
        else:
            self.problem.setText(exc.message)

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.passphrase, self.confirm, self.link_button):
            widget.setEnabled(not busy)
        self.busy.setVisible(busy)
        if not busy:
            self._revalidate()

    def reset(self) -> None:
        """Forget everything typed and read (a lock, or going back)."""
        self.passphrase.clear()
        self.confirm.clear()
        self.start_again()


# ------------------------------------------------------------------ the list of computers


def device_label(device: Device) -> str:
    """How a computer of the person's is called in the list and in messages."""
    if device.number == 0:
        return QCoreApplication.translate("Linking", "Your first computer")
    return QCoreApplication.translate("Linking", "Computer {0}").format(device.number + 1)


class YourComputersDialog(QDialog):
    """File ▸ Your computers: the person's computers, this one marked, and Remove.

    Also where a pair made after a computer was linked reaches it: "Send
    your pairs…" saves a file for the chosen computer alone
    (``sync/pairsfile.py``), and "Take pairs from a file…" on that computer
    takes the pairs it lacks.

    Signals:
        link_requested(): the person wants to link another computer.
        removed(str): a computer was removed (its device id).
        pairs_taken(list): pairs were taken from a file (their ids).
    """

    link_requested = Signal()
    removed = Signal(str)
    pairs_taken = Signal(list)

    def __init__(
        self,
        workspace: Workspace,
        parent: QWidget | None = None,
        confirm: Callable[[str, str], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.roster = Roster(workspace)
        self._confirm = confirm or self._ask
        self.setWindowTitle(self.tr("Your computers"))
        self.setMinimumWidth(520)
        intro = _label(
            self,
            self.tr("The computers where you use mentorpair. Your partners see them all as you."),
        )
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Your computers"))
        self.list.setWordWrap(True)
        self.list.currentItemChanged.connect(lambda *_: self._selection_changed())
        self.why = _label(self, role="hint")
        self.status = StatusLabel(self.tr("Result"), self)
        self.status.setObjectName("ok")
        self.status.setWordWrap(True)
        self.link_button = button(
            self.tr("Lin&k another computer…"), self.tr("Link another computer"), self
        )
        self.link_button.clicked.connect(self._link)
        self.remove_button = button(self.tr("&Remove…"), self.tr("Remove"), self)
        self.remove_button.clicked.connect(self.remove_selected)
        self.send_button = button(
            self.tr("&Send your pairs…"), self.tr("Send your pairs to this computer"), self
        )
        self.send_button.clicked.connect(self.send_pairs)
        self.take_button = button(
            self.tr("&Take pairs from a file…"), self.tr("Take pairs from a file"), self
        )
        self.take_button.clicked.connect(self.take_pairs)
        pairs_hint = _label(
            self,
            self.tr(
                "A pair you start or join after linking a computer is only on the computer "
                "where you made it. Choose the other computer above and send your pairs to it, "
                "then take them there from the file."
            ),
            role="hint",
        )
        close = button(self.tr("C&lose"), self.tr("Close"), self)
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.why)
        layout.addWidget(pairs_hint)
        layout.addWidget(self.status)
        layout.addLayout(_row(self.send_button, self.take_button, stretch_at=2))
        layout.addLayout(_row(self.link_button, self.remove_button, close, stretch_at=2))
        self._busy = False
        self.refresh()
        self.list.setFocus()

    def refresh(self) -> None:
        """List the computers again (after a removal)."""
        self.list.clear()
        for device in self.roster.own_devices():
            text = device_label(device)
            if device.this:
                text = self.tr("{0} — this computer").format(text)
            if device.removed:
                text = self.tr("{0} — removed").format(text)
            item = QListWidgetItem(text, self.list)
            item.setData(Qt.ItemDataRole.UserRole, device)
            if device.this:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
        self.list.setCurrentRow(0)
        self._selection_changed()

    def _selected(self) -> Device | None:
        item = self.list.currentItem()
        device = None if item is None else item.data(Qt.ItemDataRole.UserRole)
        return device if isinstance(device, Device) else None

    def _selection_changed(self) -> None:
        device = self._selected()
        why = ""
        if device is None:
            pass
        elif device.this:
            why = self.tr("To stop using this computer, remove it from another of your computers.")
        elif device.number == 0:
            why = self.tr("The computer your vault was first made on cannot be removed.")
        elif device.removed:
            why = self.tr("This computer was removed.")
        self.why.setText(why)
        self.remove_button.setEnabled(device is not None and not why and not self._busy)
        self.send_button.setEnabled(
            device is not None and not device.this and not device.removed and not self._busy
        )
        self.take_button.setEnabled(not self._busy)

    def _say(self, text: str, ok: bool) -> None:
        self.status.setObjectName("ok" if ok else "error")
        repolish(self.status)
        self.status.setText(text)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._selection_changed()

    # ------------------------------------------------------------- pairs file
    def send_pairs(self) -> None:
        """Save a file of every pair here for the chosen computer (in the background)."""
        device = self._selected()
        if device is None or not self.send_button.isEnabled():
            return
        label = device_label(device)
        suggested = self.tr("pairs for {0}").format(label).replace(" ", "-").lower() + ".mppairs"
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save your pairs for {0}").format(label),
            suggested,
            self.tr("mentorpair pairs (*.mppairs);;All files (*)"),
        )
        if not path:
            return
        target = Path(path)
        roster = self.roster

        def write() -> None:
            data = roster.pairs_file(device.device_id)
            with translate_os_errors():
                atomic_write(target, data, mode=0o600)

        self._set_busy(True)
        self._say(self.tr("Saving your pairs…"), True)
        run_in_background(write, lambda _none: self._sent(label, target), self._pairs_failed)

    def _sent(self, label: str, target: Path) -> None:
        self._set_busy(False)
        self._say(
            self.tr(
                "Saved {0}. On {1}, open File ▸ Your computers and choose Take pairs from a "
                "file. Only that computer can open it; delete it afterwards."
            ).format(target.name, label),
            True,
        )

    def take_pairs(self) -> None:
        """Take the pairs this computer lacks from a file another of the person's made."""
        if not self.take_button.isEnabled():
            return
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Open the file of pairs from your other computer"),
            "",
            self.tr("mentorpair pairs (*.mppairs);;All files (*)"),
        )
        if not path:
            return
        source = Path(path)
        roster = self.roster

        def take() -> tuple[list[str], int]:
            with translate_os_errors():
                if os.stat(source).st_size > MAX_BUNDLE_SIZE:
                    raise PairsFileRefused(
                        "This is far too large to be a mentorpair file of pairs."
                    )
                data = source.read_bytes()
            return roster.take_pairs_file(data)

        self._set_busy(True)
        self._say(self.tr("Taking the pairs…"), True)
        run_in_background(take, self._taken, self._pairs_failed)

    def _taken(self, result: tuple[list[str], int]) -> None:
        self._set_busy(False)
        taken, _held = result
        names = [self._partner_name(pair_id) for pair_id in taken]
        if not taken:
            text = self.tr(
                "This computer already has all the pairs in that file. Nothing was changed."
            )
        elif len(taken) == 1:
            text = self.tr(
                "Took your pair with {0} from your other computer. To sync it here, choose its "
                "shared folder on its Partner tab."
            ).format(names[0])
        else:
            text = self.tr(
                "Took {0} pairs from your other computer: {1}. To sync them here, choose each "
                "one's shared folder on its Partner tab."
            ).format(len(taken), ", ".join(names))
        self._say(text, True)
        if taken:
            self.pairs_taken.emit(taken)

    def _partner_name(self, pair_id: str) -> str:
        for pair in self.workspace.pairs():
            if pair.pair_id == pair_id:
                return pair.partner_name
        return pair_id[:8]

    def _pairs_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if not isinstance(exc, KnownError):
            raise exc
        self._say(exc.message, False)

    def _ask(self, title: str, text: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=self)
        remove = box.addButton(self.tr("Remove"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.exec()
        return box.clickedButton() is remove

    def remove_selected(self) -> None:
        """Ask, then remove the chosen computer."""
        device = self._selected()
        if device is None or not self.remove_button.isEnabled():
            return
        label = device_label(device)
        text = self.tr(
            "<p>From now on nothing is sent to {0}, and your partners’ mentorpair "
            "refuses any change it makes later.</p>"
            "<p><b>But it still holds your keys.</b> If it was lost or stolen while "
            "unlocked, or someone knows its passphrase, whoever has it can read what "
            "you shared so far and act as you. Then set up mentorpair again on a computer "
            "you trust and pair with your partners again, with new keys.</p>"
        ).format(html.escape(label))
        if not self._confirm(self.tr("Remove {0}?").format(label), text):
            return
        try:
            self.roster.remove_own_device(device.device_id, self.workspace.now())
        except KnownError as exc:
            QMessageBox.warning(self, self.tr("Not removed"), exc.message)
            return
        self.refresh()
        self.status.setText(
            self.tr("{0} was removed. Your partners learn it with your next changes.").format(label)
        )
        self.removed.emit(device.device_id)

    def _link(self) -> None:
        self.accept()
        self.link_requested.emit()


# ------------------------------------------------------------------ the partner's notice


def partner_device_notices(workspace: Workspace) -> list[str]:
    """Sentences about partners' newly linked computers, each said once (then marked)."""
    roster = Roster(workspace)
    found: list[str] = []
    for pair in workspace.pairs():
        for device in roster.unannounced(pair.pair_id):
            if device.number == 1:
                text = QCoreApplication.translate("Linking", "{0} now also uses a second computer.")
            else:
                text = QCoreApplication.translate("Linking", "{0} now also uses another computer.")
            found.append(text.format(pair.partner_name))
            roster.mark_announced(pair.pair_id, device.device_id)
    return found
