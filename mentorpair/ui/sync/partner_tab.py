"""The Partner tab of a pair: connection state, safety code, files and the shared folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mentorpair.domain.model import Role
from mentorpair.errors import KnownError
from mentorpair.sync.pairing import PairingStatus, PartnerLink

from mentorpair.ui.announce import StatusLabel
from mentorpair.ui.pair.base import PairContext, PairTab, scrolling_column
from mentorpair.ui.sync.controller import SyncController
from mentorpair.ui.sync.invite import InviteDialog
from mentorpair.ui.sync.join import JoinDialog
from mentorpair.ui.sync.transfer import FileTransfer
from mentorpair.ui.sync.widgets import SafetyCodeView, button
from mentorpair.ui.sync.wording import (
    changes_words,
    status_detail,
    status_icon,
    status_title,
)

__all__ = ["PartnerTab"]


def _label(parent: QWidget, role: str = "", text: str = "", purpose: str = "") -> QLabel:
    # A purpose makes it a status line a screen reader hears by its words.
    label = StatusLabel(purpose, parent, text=text) if purpose else QLabel(text, parent)
    label.setWordWrap(True)
    if role:
        label.setObjectName(role)
    return label


def _card(title: str, parent: QWidget) -> tuple[QFrame, QVBoxLayout]:
    card = QFrame(parent)
    card.setObjectName("card")
    layout = QVBoxLayout(card)
    layout.setContentsMargins(18, 14, 18, 14)
    layout.setSpacing(8)
    if title:
        layout.addWidget(_label(card, "subheading", title))
    return card, layout


def _row(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.setSpacing(8)
    for widget in buttons:
        row.addWidget(widget)
    row.addStretch(1)
    return row


class PartnerTab(PairTab):
    """Everything about the partner's copy of this pair, in one place.

    Attributes:
        sync: the vault's sync controller (background jobs, folder sync).
        transfer: export and import by file.
        invite_dialog: the open invitation dialog, if any.
    """

    def __init__(
        self, context: PairContext, sync: SyncController, parent: QWidget | None = None
    ) -> None:
        super().__init__(context, parent)
        self.sync = sync
        self.invite_dialog: InviteDialog | None = None
        content, column = scrolling_column(self)
        self._build_status(content, column)
        self._build_code(content, column)
        self._build_files(content, column)
        self._build_folder(content, column)
        self._build_private(content, column)
        column.addStretch(1)
        self.transfer = FileTransfer(self, self)
        sync.folder_checked.connect(self._on_folder_checked)
        sync.busy_changed.connect(self._on_busy)
        # Filled when first shown (PairTab.showEvent), not while the pair opens.

    # ------------------------------------------------------------- building
    def _build_status(self, parent: QWidget, column: QVBoxLayout) -> None:
        card, layout = _card("", parent)
        self.status_icon = QLabel(card)
        self.status_title = _label(card, "subheading", purpose=self.tr("Connection state"))
        top = QHBoxLayout()
        top.setSpacing(10)
        top.addWidget(self.status_icon)
        top.addWidget(self.status_title, 1)
        self.status_detail = _label(card)
        self.invite_button = button(self.tr("&Invite partner…"), self.tr("Invite partner"), card)
        self.invite_button.clicked.connect(self.invite)
        self.answer_button = button(self.tr("Import &answer…"), self.tr("Import answer"), card)
        self.answer_button.clicked.connect(self.import_answer)
        layout.addLayout(top)
        layout.addWidget(self.status_detail)
        layout.addLayout(_row(self.invite_button, self.answer_button))
        column.addWidget(card)

    def _build_code(self, parent: QWidget, column: QVBoxLayout) -> None:
        self.code_card, layout = _card(self.tr("Safety code"), parent)
        explain = _label(
            self.code_card,
            "hint",
            self.tr(
                "Read it to each other face to face or by phone. If it matches, click "
                "“It matches”. Your partner sees the same code on their computer."
            ),
        )
        self.code = SafetyCodeView(self.code_card)
        self.mine_state = _label(self.code_card, purpose=self.tr("Your confirmation"))
        self.theirs_state = _label(self.code_card, purpose=self.tr("Your partner's confirmation"))
        self.match_button = button(
            self.tr("It matche&s"), self.tr("It matches"), self.code_card, True
        )
        self.match_button.clicked.connect(self.confirm_code)
        self.mismatch_button = button(
            self.tr("It &does not match"), self.tr("It does not match"), self.code_card
        )
        self.mismatch_button.clicked.connect(self.code_does_not_match)
        layout.addWidget(explain)
        layout.addWidget(self.code)
        layout.addWidget(self.mine_state)
        layout.addWidget(self.theirs_state)
        layout.addLayout(_row(self.match_button, self.mismatch_button))
        column.addWidget(self.code_card)

    def _build_files(self, parent: QWidget, column: QVBoxLayout) -> None:
        self.files_card, layout = _card(self.tr("Send and receive by file"), parent)
        self.files_hint = _label(self.files_card, "hint")
        self.pending = _label(self.files_card, purpose=self.tr("Changes not sent yet"))
        self.export_button = button(
            self.tr("E&xport for partner…"), self.tr("Export for partner"), self.files_card
        )
        self.export_button.setToolTip(self.tr("Ctrl+Shift+E"))
        self.export_button.clicked.connect(self.export_update)
        self.import_button = button(
            self.tr("Import from pa&rtner…"), self.tr("Import from partner"), self.files_card
        )
        self.import_button.setToolTip(self.tr("Ctrl+Shift+I"))
        self.import_button.clicked.connect(self.import_update)
        self.result = _label(self.files_card, purpose=self.tr("Result"))
        self.result.hide()
        layout.addWidget(self.files_hint)
        layout.addWidget(self.pending)
        layout.addLayout(_row(self.export_button, self.import_button))
        layout.addWidget(self.result)
        column.addWidget(self.files_card)

    def _build_folder(self, parent: QWidget, column: QVBoxLayout) -> None:
        self.folder_card, layout = _card(self.tr("Shared folder"), parent)
        explain = _label(
            self.folder_card,
            "hint",
            self.tr(
                "Instead of sending files by hand, choose a folder that your sync program "
                "(Syncthing, Nextcloud, OneDrive, Dropbox …) shares only with this partner. "
                "mentorpair then sends and receives updates there by itself. Only encrypted "
                "updates go there; your vault itself is never put in it."
            ),
        )
        self.folder_path = _label(self.folder_card, purpose=self.tr("Shared folder"))
        self.folder_status = _label(self.folder_card, purpose=self.tr("Shared folder state"))
        self.choose_button = button(
            self.tr("Choose a shared fo&lder…"), self.tr("Choose a shared folder"), self.folder_card
        )
        self.choose_button.clicked.connect(self.choose_folder)
        self.check_button = button(self.tr("Check no&w"), self.tr("Check now"), self.folder_card)
        self.check_button.clicked.connect(lambda: self.sync.sync_folder(self.context.pair_id))
        self.stop_button = button(
            self.tr("Stop &using it"), self.tr("Stop using the shared folder"), self.folder_card
        )
        self.stop_button.clicked.connect(self.stop_folder)
        layout.addWidget(explain)
        layout.addWidget(self.folder_path)
        layout.addWidget(self.folder_status)
        layout.addLayout(_row(self.choose_button, self.check_button, self.stop_button))
        column.addWidget(self.folder_card)

    def _build_private(self, parent: QWidget, column: QVBoxLayout) -> None:
        card, layout = _card(self.tr("Never shared"), parent)
        self.private_text = _label(card, purpose=self.tr("Never shared"))
        layout.addWidget(self.private_text)
        column.addWidget(card)

    # ------------------------------------------------------------- showing
    @property
    def link(self) -> PartnerLink:
        """Where the pair stands with the partner right now."""
        return self.sync.pairing.link(self.context.pair_id)

    @property
    def partner(self) -> str:
        """The partner's name as this person wrote it."""
        return self.context.state.partner_name

    def refresh(self) -> None:
        """Re-read the link, the code and the folder, and show them."""
        if self.context.workspace.vault.closed:
            return  # a late signal while the vault locks
        state = self.context.state
        if state.created_at is None:
            return  # destroyed: the view is about to go
        link = self.link
        status = link.status
        partner = self.partner
        self.status_icon.setPixmap(status_icon(status, 28).pixmap(28, 28))
        self.status_icon.setAccessibleName(status_title(status))
        self.status_title.setText(status_title(status))
        self.status_detail.setText(status_detail(status, partner))
        open_pair = not state.read_only
        self.invite_button.setVisible(
            open_pair and status in (PairingStatus.LOCAL, PairingStatus.INVITED)
        )
        self.invite_button.setText(
            self.tr("&Invite again…")
            if status is PairingStatus.INVITED
            else self.tr("&Invite partner…")
        )
        self.answer_button.setVisible(status is PairingStatus.INVITED)
        self._show_code(link, partner)
        self._show_files(link, partner)
        self._show_folder(link)
        if state.my_role is Role.MENTOR:
            private = self.tr(
                "Your private notes and your reflections stay on this computer. Shared "
                "notes, the agenda, goals, suggestions, actions, meetings and the agreement "
                "travel to {0}, encrypted so only the two of you can read them."
            )
        else:
            private = self.tr(
                "Your private notes stay on this computer. Shared notes, the agenda, goals, "
                "suggestions, actions, meetings and the agreement travel to {0}, encrypted "
                "so only the two of you can read them."
            )
        self.private_text.setText(private.format(partner))

    def _show_code(self, link: PartnerLink, partner: str) -> None:
        self.code_card.setVisible(link.keys is not None)
        if link.keys is None:
            return
        self.code.set_code(link.safety_code)
        self.mine_state.setText(
            self.tr("✓ You confirmed this code.")
            if link.confirmed_by_me
            else self.tr("You have not confirmed this code yet.")
        )
        self.theirs_state.setText(
            self.tr("✓ {0} confirmed it too.").format(partner)
            if link.confirmed_by_partner
            else self.tr(
                "{0} has not confirmed it yet (you learn it with their next update)."
            ).format(partner)
        )
        self.match_button.setEnabled(not link.confirmed_by_me)

    def _show_files(self, link: PartnerLink, partner: str) -> None:
        paired = link.keys is not None
        busy = self.sync.busy(self.context.pair_id)
        self.export_button.setEnabled(paired and not busy)
        self.import_button.setEnabled(paired and not busy)
        if not paired:
            self.files_hint.setText(
                self.tr("Available once your copies are connected: invite {0} first.").format(
                    partner
                )
            )
            self.pending.clear()
            self.pending.hide()
            return
        self.files_hint.setText(
            self.tr(
                "Export writes one encrypted file with what {0} does not have yet; send it "
                "any way you like. Import reads a file {0} sent you."
            ).format(partner)
        )
        self.pending.show()
        if not link.confirmed_by_me:
            # Nothing of the pair leaves before the code is compared (sync/pairing.py).
            self.pending.setText(
                self.tr(
                    "Nothing is shared with {0} yet: first read the safety code to each other "
                    "and click “It matches”. Until then, updates carry only what connecting "
                    "needs."
                ).format(partner)
            )
            return
        unsent = self.sync.exchange.unsent(self.context.pair_id)
        self.pending.setText(
            self.tr("Everything you shared has reached {0}.").format(partner)
            if unsent <= 0
            else self.tr("{0} of yours not sent to {1} yet.").format(changes_words(unsent), partner)
        )

    def _show_folder(self, link: PartnerLink) -> None:
        pair_id = self.context.pair_id
        folder = self.sync.shared.folder(pair_id)
        paired = link.keys is not None
        self.folder_card.setVisible(paired)
        self.stop_button.setVisible(folder is not None)
        self.check_button.setVisible(folder is not None)
        self.check_button.setEnabled(not self.sync.busy(pair_id))
        self.choose_button.setText(
            self.tr("Change the fo&lder…") if folder else self.tr("Choose a shared fo&lder…")
        )
        if folder is None:
            self.folder_path.setText(self.tr("No shared folder: updates travel only by file."))
            self.folder_status.hide()
            return
        self.folder_path.setText(self.tr("Folder: {0}").format(folder))
        self.folder_status.show()
        self.folder_status.setText(self._folder_words(pair_id))

    def _folder_words(self, pair_id: str) -> str:
        status = self.sync.status.get(pair_id)
        if status is None:
            # Passes run every minute: only the very first one is worth a word.
            return (
                self.tr("Checking the folder…")
                if self.sync.busy(pair_id)
                else self.tr("Not checked yet.")
            )
        at = f"{status.checked_at.hour:02d}:{status.checked_at.minute:02d}"
        if status.error:
            return self.tr("Checked at {0} · the folder could not be used: {1}").format(
                at, status.error
            )
        unsent = self.sync.exchange.unsent(pair_id)
        if unsent <= 0:
            return self.tr("Checked at {0} · everything sent").format(at)
        return self.tr("Checked at {0} · {1} waiting for {2} to receive them").format(
            at, changes_words(unsent), self.partner
        )

    def _on_folder_checked(self, pair_id: str) -> None:
        if pair_id == self.context.pair_id and not self.sync.stopped:
            self.refresh()

    def _on_busy(self, pair_id: str, _busy: bool) -> None:
        if pair_id == self.context.pair_id and not self.sync.stopped:
            link = self.link
            self._show_files(link, self.partner)
            self._show_folder(link)

    def say(self, text: str, ok: bool) -> None:
        """Show the outcome of the last import or export under its buttons."""
        self.result.setObjectName("ok" if ok else "error")
        self.result.setStyleSheet("")  # re-polish for the new object name
        self.result.setText(text)
        self.result.show()

    # ------------------------------------------------------------- pairing
    def invite(self) -> None:
        """Make an invitation and show it to send."""
        try:
            text = self.sync.pairing.invite(self.context.pair_id)
        except KnownError as exc:
            QMessageBox.warning(self, self.tr("No invitation made"), exc.message)
            return
        dialog = InviteDialog(text, self.partner, self)
        self.invite_dialog = dialog
        dialog.finished.connect(lambda _code: self._forget_invite(dialog))
        self.sync.link_changed(self.context.pair_id)
        dialog.open()

    def _forget_invite(self, dialog: InviteDialog) -> None:
        if self.invite_dialog is dialog:
            self.invite_dialog = None
        dialog.deleteLater()

    def import_answer(self) -> JoinDialog:
        """Paste or open the partner's answer to the invitation."""
        dialog = JoinDialog(self.sync, self, answer=True)
        dialog.finished.connect(lambda _code: dialog.deleteLater())
        dialog.open()
        return dialog

    def confirm_code(self) -> None:
        """The code matched when read aloud: say so (the partner learns it with the next update)."""
        self.sync.pairing.confirm(self.context.pair_id, True)
        self.sync.link_changed(self.context.pair_id)

    def code_does_not_match(self) -> None:
        """Offer to disconnect from keys that may be a stranger's, and say what to do next."""
        answer = QMessageBox.question(
            self,
            self.tr("The codes do not match"),
            self.tr(
                "Someone may have swapped the invitation or the answer on its way. Disconnect "
                "now: nothing more is sent to these keys or taken from them, and everything "
                "they sent you is set aside so it never mixes with your record. Your own "
                "notes stay. Then make a new invitation, send it a different way (or hand it "
                "over in person), and compare the code again.\n\nDisconnect from these keys?"
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.sync.pairing.disconnect(self.context.pair_id)
        self.sync.link_changed(self.context.pair_id)

    # ------------------------------------------------------------- files and folder
    def export_update(self) -> None:
        """Ctrl+Shift+E: write one update file for the partner."""
        self.transfer.export_update()

    def import_update(self) -> None:
        """Ctrl+Shift+I: read an update file from the partner."""
        self.transfer.import_update()

    def choose_folder(self) -> None:
        """Pick the folder the partner's and this person's sync program share."""
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the folder you share only with {0}").format(self.partner)
        )
        if chosen:
            self.use_folder(Path(chosen))

    def use_folder(self, folder: Path | None) -> bool:
        """Use ``folder`` (None: stop); say why not if it cannot be used."""
        try:
            self.sync.choose_folder(self.context.pair_id, folder)
        except KnownError as exc:
            QMessageBox.warning(self, self.tr("Folder not used"), exc.message)
            return False
        self.refresh()
        return True

    def stop_folder(self) -> None:
        """Stop using the shared folder; files already there stay."""
        self.use_folder(None)
        self.sync.notice.emit(
            self.tr("The shared folder is no longer used for {0}.").format(self.partner)
        )
