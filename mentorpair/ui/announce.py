"""Status and error lines a screen reader hears, words and changes both.

A QLabel given a fixed accessible name ("Problem", "Save state") is read by
that name: the person hears "Problem", never the problem. A
:class:`StatusLabel` is named by its own words instead, says what it is for
in its accessible description, and tells assistive technology each time the
words change (NameChanged; an Alert as well for problems), so a reader
speaks the new words without the person hunting for them.
"""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleEvent, Qt, QTextDocumentFragment
from PySide6.QtWidgets import QLabel, QWidget

__all__ = ["StatusLabel", "announce", "plain_text"]


def plain_text(text: str) -> str:
    """``text`` as a reader should speak it: rich text without its tags and entities."""
    if Qt.mightBeRichText(text):
        return QTextDocumentFragment.fromHtml(text).toPlainText().strip()
    return text


def announce(widget: QWidget, alert: bool = False) -> None:
    """Tell assistive technology that ``widget``'s words changed (and, for problems, alert)."""
    QAccessible.updateAccessibility(QAccessibleEvent(widget, QAccessible.Event.NameChanged))
    if alert:
        QAccessible.updateAccessibility(QAccessibleEvent(widget, QAccessible.Event.Alert))


class StatusLabel(QLabel):
    """A label whose words change and must be heard: a state, a result, a problem.

    Attributes:
        alert: whether a change is a problem the person must hear at once.
    """

    def __init__(
        self, purpose: str, parent: QWidget | None = None, *, alert: bool = False, text: str = ""
    ) -> None:
        """``purpose`` ("Unlock message") becomes the description; the words are the name."""
        super().__init__(parent)
        self.alert = alert
        self.setAccessibleDescription(purpose)
        self.setText(text)

    def setText(self, text: str) -> None:  # QLabel.setText
        """Show ``text``, name the label by it and announce it if the label is on screen."""
        changed = text != self.text()
        super().setText(text)
        self.setAccessibleName(plain_text(text))
        if changed and text and self.isVisible():
            announce(self, self.alert)

    def setVisible(self, visible: bool) -> None:  # QWidget.setVisible
        """A line that appears with words in it is announced as it appears."""
        appears = visible and self.isHidden()
        super().setVisible(visible)
        if appears and self.text() and self.isVisible():
            announce(self, self.alert)
