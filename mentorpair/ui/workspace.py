"""The unlocked window's body: the pairs sidebar and the content area."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QSplitter, QVBoxLayout, QWidget

__all__ = ["WorkspacePage"]


def _label(text: str, parent: QWidget, role: str = "") -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    if role:
        label.setObjectName(role)
    return label


class PairsSidebar(QFrame):
    """The list of pairs; with none yet, it explains what a pair is and how one starts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.setMinimumWidth(200)
        self.setAccessibleName(self.tr("Pairs"))
        title = _label(self.tr("Pairs"), self, "subheading")
        self.empty_title = _label(self.tr("No pairs yet"), self)
        self.empty_title.setStyleSheet("font-weight: 600;")
        self.empty_text = _label(
            self.tr(
                "A pair is one mentoring relationship: you and your mentor, or you and "
                "your mentee. What you write in it stays between the two of you.\n\n"
                "To start one, one of you creates the pair and sends the other an "
                "invitation. You then read a short safety code to each other, in person "
                "or by phone, so you both know no one is in between."
            ),
            self,
            "hint",
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(self.empty_title)
        layout.addWidget(self.empty_text)
        layout.addStretch(1)


class HomePanel(QWidget):
    """What the person sees before choosing a pair: who they are, how the vault is kept."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.greeting = _label("", self, "heading")
        self.greeting.setAccessibleName(self.tr("Greeting"))
        card = QFrame(self)
        card.setObjectName("card")
        card_title = _label(self.tr("Your vault"), card, "subheading")
        self.vault_text = _label("", card)
        self.lock_text = _label("", card, "hint")
        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(18, 16, 18, 16)
        card_layout.setSpacing(6)
        card_layout.addWidget(card_title)
        card_layout.addWidget(self.vault_text)
        card_layout.addWidget(self.lock_text)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.setSpacing(18)
        layout.addWidget(self.greeting)
        layout.addWidget(card)
        layout.addStretch(1)


class WorkspacePage(QSplitter):
    """Sidebar on the left, content on the right; filled on unlock, emptied on lock."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.sidebar = PairsSidebar(self)
        self.home = HomePanel(self)
        self.addWidget(self.sidebar)
        self.addWidget(self.home)
        self.setStretchFactor(0, 0)
        self.setStretchFactor(1, 1)
        self.setSizes([280, 720])
        self.setChildrenCollapsible(False)

    def show_person(self, display_name: str, idle_minutes: int, demo: bool) -> None:
        """Fill the page for the unlocked vault."""
        self.home.greeting.setText(self.tr("Hello, {0}").format(display_name))
        if demo:
            self.home.vault_text.setText(
                self.tr(
                    "This is a demonstration vault with invented people in it. It is "
                    "encrypted like a real one and deleted when you quit."
                )
            )
        else:
            self.home.vault_text.setText(
                self.tr(
                    "Everything here is encrypted on this computer and opens only with "
                    "your passphrase."
                )
            )
        self.update_idle(idle_minutes)

    def update_idle(self, idle_minutes: int) -> None:
        """Say when the vault locks itself."""
        self.home.lock_text.setText(
            self.tr(
                "It locks after {0} minutes without use, or at once with Ctrl+L. "
                "Change this in Preferences."
            ).format(idle_minutes)
        )

    def clear(self) -> None:
        """Remove everything that came from the vault (on lock)."""
        self.home.greeting.clear()
        self.home.vault_text.clear()
        self.home.lock_text.clear()
