"""Join a pair from an invitation, or take the partner's answer to one.

One dialog for both, because people cannot be expected to know which block
of text is which: it reads what was pasted or opened and offers the right
next step. Joining shows the answer to send back and the safety code.
"""

from __future__ import annotations

import html
import os
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mentorpair.domain.model import Role
from mentorpair.errors import InvitationRefused, KnownError
from mentorpair.storage.oserrors import translate_os_errors
from mentorpair.sync.invitation import MAX_DOCUMENT_CHARS, DocumentKind, PairingDocument
from mentorpair.sync.pairing import KeysChanged

from mentorpair.ui.announce import StatusLabel
from mentorpair.ui.sync.controller import SyncController
from mentorpair.ui.sync.widgets import SUFFIX, SafetyCodeView, TextBlock, button, monospace

__all__ = ["JoinDialog", "read_text_file"]


def read_text_file(path: Path) -> str:
    """A small text file's content, its size checked before it is read.

    Raises:
        InvitationRefused: far too large to be an invitation.
        NotFound, PermissionDenied, DiskError: it could not be read.
    """
    with translate_os_errors():
        if os.stat(path).st_size > MAX_DOCUMENT_CHARS * 4:
            raise InvitationRefused("This file is far too large to be a mentorpair invitation.")
        return path.read_bytes().decode("utf-8", errors="replace")


class JoinDialog(QDialog):
    """Paste or open an invitation (join) or an answer (connect), then compare the code.

    Signals:
        pair_ready(str): a pair was joined or connected; the window shows it.

    Attributes:
        document: the invitation or answer read, once one was.
        pair_id: the pair joined or connected, once it was.
    """

    pair_ready = Signal(str)

    def __init__(
        self, sync: SyncController, parent: QWidget | None = None, answer: bool = False
    ) -> None:
        super().__init__(parent)
        self.sync = sync
        self.document: PairingDocument | None = None
        self.pair_id: str | None = None
        self.setWindowTitle(
            self.tr("Import your partner's answer") if answer else self.tr("Join a pair")
        )
        self.setMinimumWidth(600)
        self.pages = QStackedWidget(self)
        self._build_input(answer)
        self._build_invitation()
        self._build_answer()
        self._build_done()
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.paste.setFocus()

    # ------------------------------------------------------------- building
    def _page(self) -> tuple[QWidget, QVBoxLayout]:
        page = QWidget(self.pages)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        self.pages.addWidget(page)
        return page, layout

    def _label(self, parent: QWidget, text: str = "", role: str = "") -> QLabel:
        label = QLabel(text, parent)
        label.setWordWrap(True)
        if role:
            label.setObjectName(role)
        return label

    def _build_input(self, answer: bool) -> None:
        page, layout = self._page()
        intro = self._label(
            page,
            self.tr(
                "Paste the answer your partner sent you, from the BEGIN line to the END "
                "line, or open the file they sent."
            )
            if answer
            else self.tr(
                "Paste the invitation your partner sent you, from the BEGIN line to the END "
                "line, or open the file they sent. An answer to your own invitation works "
                "here too."
            ),
        )
        self.paste = QPlainTextEdit(page)
        self.paste.setFont(monospace())
        self.paste.setAccessibleName(self.tr("Invitation or answer text"))
        self.paste.setTabChangesFocus(True)
        self.paste.setPlaceholderText("-----BEGIN MENTORPAIR INVITATION-----")
        self.input_error = StatusLabel(self.tr("Problem"), page, alert=True)
        self.input_error.setWordWrap(True)
        self.input_error.setObjectName("error")
        self.paste.textChanged.connect(self.input_error.clear)
        self.open_button = button(self.tr("&Open a file…"), self.tr("Open a file"), page)
        self.open_button.clicked.connect(self.open_file)
        self.continue_button = button(self.tr("C&ontinue"), self.tr("Continue"), page, True)
        self.continue_button.setDefault(True)
        self.continue_button.clicked.connect(self.read_pasted)
        cancel = button(self.tr("Cancel"), self.tr("Cancel"), page)
        cancel.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addStretch(1)
        row.addWidget(cancel)
        row.addWidget(self.continue_button)
        layout.addWidget(intro)
        layout.addWidget(self.paste, 1)
        layout.addWidget(self.input_error)
        layout.addLayout(row)

    def _build_invitation(self) -> None:
        page, layout = self._page()
        self.invitation_title = self._label(page, role="subheading")
        self.name_edit = QLineEdit(page)
        self.name_edit.setAccessibleName(self.tr("Your partner's name"))
        self.name_edit.setMaxLength(80)
        name_label = QLabel(self.tr("Their &name in your list of pairs"), page)
        name_label.setBuddy(self.name_edit)
        hint = self._label(
            page,
            self.tr(
                "Join only if you expected this invitation from them. Next you will see a "
                "short safety code to compare with them, so you both know the invitation "
                "was not swapped on the way."
            ),
            "hint",
        )
        self.join_button = button(self.tr("&Join"), self.tr("Join"), page, True)
        self.join_button.clicked.connect(self.join)
        self.name_edit.returnPressed.connect(self.join)
        self.name_edit.textChanged.connect(
            lambda text: self.join_button.setEnabled(bool(text.strip()))
        )
        back = button(self.tr("&Back"), self.tr("Back"), page)
        back.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(back)
        row.addWidget(self.join_button)
        layout.addWidget(self.invitation_title)
        layout.addWidget(name_label)
        layout.addWidget(self.name_edit)
        layout.addWidget(hint)
        layout.addStretch(1)
        layout.addLayout(row)

    def _build_answer(self) -> None:
        page, layout = self._page()
        self.answer_title = self._label(page, role="subheading")
        self.answer_hint = self._label(page, role="hint")
        self.connect_button = button(self.tr("Co&nnect"), self.tr("Connect"), page, True)
        self.connect_button.clicked.connect(self.connect_pair)
        back = button(self.tr("&Back"), self.tr("Back"), page)
        back.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(back)
        row.addWidget(self.connect_button)
        layout.addWidget(self.answer_title)
        layout.addWidget(self.answer_hint)
        layout.addStretch(1)
        layout.addLayout(row)

    def _build_done(self) -> None:
        page, layout = self._page()
        self.done_title = self._label(page, role="subheading")
        self.reply_intro = self._label(page)
        self.reply = TextBlock(self.tr("Answer text"), "mentorpair-answer" + SUFFIX, page)
        code_intro = self._label(
            page,
            self.tr(
                "<b>Safety code.</b> Read it to each other face to face or by phone. If it "
                "matches, click <b>It matches</b> in the pair's Partner tab."
            ),
        )
        self.code = SafetyCodeView(page)
        self.open_pair_button = button(self.tr("&Open the pair"), self.tr("Open the pair"), page)
        self.open_pair_button.setObjectName("primary")
        self.open_pair_button.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.open_pair_button)
        layout.addWidget(self.done_title)
        layout.addWidget(self.reply_intro)
        layout.addWidget(self.reply, 1)
        layout.addWidget(code_intro)
        layout.addWidget(self.code)
        layout.addLayout(row)

    # ------------------------------------------------------------- reading
    def open_file(self) -> None:
        """Open an invitation or answer file and read it."""
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Open an invitation or answer"),
            "",
            self.tr("mentorpair invitations (*{0});;All files (*)").format(SUFFIX),
        )
        if not path:
            return
        try:
            text = read_text_file(Path(path))
        except KnownError as exc:
            self.input_error.setText(exc.message)
            return
        self.paste.setPlainText(text)
        self.read_pasted()

    def read_pasted(self) -> None:
        """Check the pasted text and show the step it calls for."""
        try:
            doc = self.sync.pairing.read(self.paste.toPlainText())
        except KnownError as exc:
            self.input_error.setText(exc.message)
            return
        self.document = doc
        name = html.escape(doc.name)
        if doc.kind is DocumentKind.INVITATION:
            if doc.role is Role.MENTOR:
                title = self.tr("{0} invites you to be their mentee.")
            else:
                title = self.tr("{0} invites you to be their mentor.")
            self.invitation_title.setText(title.format(name))
            self.name_edit.setText(doc.name)
            self.pages.setCurrentIndex(1)
            self.name_edit.setFocus()
            self.name_edit.selectAll()
        else:
            self.answer_title.setText(self.tr("{0} answered your invitation.").format(name))
            self.answer_hint.setText(
                self.tr(
                    "Connect to start sharing with them. Then compare the safety code "
                    "together before you rely on it."
                )
            )
            self.pages.setCurrentIndex(2)
            self.connect_button.setFocus()

    # ------------------------------------------------------------- acting
    def _ask_new_keys(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Your partner's keys changed"),
            self.tr(
                "These keys differ from the ones your partner used before. Only continue if "
                "your partner told you they set up mentorpair again; then compare the new "
                "safety code with them. Continue?"
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def join(self) -> None:
        """Join the invited pair and show the answer to send back."""
        doc, name = self.document, self.name_edit.text().strip()
        if doc is None or not name:
            return
        try:
            try:
                reply = self.sync.pairing.join(doc, name)
            except KeysChanged:
                if not self._ask_new_keys():
                    return
                reply = self.sync.pairing.join(doc, name, accept_new_keys=True)
        except KnownError as exc:
            QMessageBox.warning(self, self.tr("Not joined"), exc.message)
            return
        self.pair_id = doc.pair_id
        self.done_title.setText(self.tr("You joined. Now send your answer back."))
        self.reply_intro.setText(
            self.tr(
                "Send this answer to {0} by e-mail, a message, or any way you like. They "
                "import it in the pair's Partner tab."
            ).format(name)
        )
        self.reply.set_text(reply)
        self._show_done()

    def connect_pair(self) -> None:
        """Take the partner's answer to this vault's invitation."""
        doc = self.document
        if doc is None:
            return
        try:
            try:
                pair_id = self.sync.pairing.accept(doc)
            except KeysChanged:
                if not self._ask_new_keys():
                    return
                pair_id = self.sync.pairing.accept(doc, accept_new_keys=True)
        except KnownError as exc:
            QMessageBox.warning(self, self.tr("Not connected"), exc.message)
            return
        self.pair_id = pair_id
        self.done_title.setText(self.tr("Connected."))
        self.reply_intro.hide()
        self.reply.hide()
        self._show_done()

    def _show_done(self) -> None:
        assert self.pair_id is not None  # set by join or connect just before
        self.code.set_code(self.sync.pairing.link(self.pair_id).safety_code)
        self.pages.setCurrentIndex(3)
        self.open_pair_button.setFocus()
        self.sync.workspace.forget(self.pair_id)
        self.sync.pairs_changed.emit()
        self.sync.link_changed(self.pair_id)
        self.pair_ready.emit(self.pair_id)
