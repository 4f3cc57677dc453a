"""The "Invite partner" dialog: the invitation as text to send, with Copy and Save."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from mentorpair.ui.sync.widgets import SUFFIX, TextBlock, button

__all__ = ["InviteDialog"]


class InviteDialog(QDialog):
    """Shows a fresh invitation for the partner and says how to send it.

    The invitation holds only this person's name, their role and public keys,
    so it may travel by ordinary e-mail; the safety code compared later is
    what proves no one swapped it on the way.

    Attributes:
        block: the invitation text with Copy and Save as file.
    """

    def __init__(self, text: str, partner: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Invite {0}").format(partner))
        self.setMinimumWidth(560)
        intro = QLabel(
            self.tr(
                "<b>Send this invitation to {0}</b> by e-mail, a message, or any way you like. "
                "It holds no notes: only your name, your role and the keys that let your "
                "copies talk privately."
            ).format(html.escape(partner)),
            self,
        )
        intro.setWordWrap(True)
        self.block = TextBlock(self.tr("Invitation text"), "mentorpair-invitation" + SUFFIX, self)
        self.block.set_text(text)
        steps = QLabel(
            self.tr(
                "Next: {0} opens it in their mentorpair (File ▸ Join a pair from an "
                "invitation) and sends you an answer. Import it with <b>Import answer…</b> "
                "in the Partner tab. Then you compare a safety code together. Making a new "
                "invitation replaces this one."
            ).format(html.escape(partner)),
            self,
        )
        steps.setObjectName("hint")
        steps.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        close = button(self.tr("C&lose"), self.tr("Close"), self)
        buttons.addButton(close, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(intro)
        layout.addWidget(self.block, 1)
        layout.addWidget(steps)
        layout.addWidget(buttons)
        self.block.copy_button.setFocus()
