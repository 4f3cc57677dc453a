"""Small widgets shared by several pages: passphrase fields and the strength meter."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mentorpair.domain.passphrase import Strength, assess

__all__ = ["PassphraseField", "StrengthMeter", "buddy_label", "warning_box"]


class PassphraseField(QWidget):
    """A hidden-text field with a Show/Hide button.

    Signals:
        textChanged(str): the passphrase changed.
        returnPressed(): Enter was pressed in the field.
    """

    textChanged = Signal(str)  # noqa: N815 - mirrors QLineEdit's signal
    returnPressed = Signal()  # noqa: N815

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.setAccessibleName(accessible_name)
        # No autocompletion or input-method prediction may learn a passphrase.
        self.edit.setInputMethodHints(
            Qt.InputMethodHint.ImhSensitiveData
            | Qt.InputMethodHint.ImhNoPredictiveText
            | Qt.InputMethodHint.ImhNoAutoUppercase
        )
        self.toggle = QToolButton(self)
        self.toggle.setText(self.tr("Show"))
        self.toggle.setCheckable(True)
        self.toggle.setAccessibleName(self.tr("Show {0}").format(accessible_name.lower()))
        self.toggle.toggled.connect(self._on_toggled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.toggle)
        self.setFocusProxy(self.edit)
        self.edit.textChanged.connect(self.textChanged)
        self.edit.returnPressed.connect(self.returnPressed)

    def text(self) -> str:
        """The passphrase as typed."""
        return self.edit.text()

    def clear(self) -> None:
        """Forget the typed passphrase (after use, on lock) and hide it again."""
        self.edit.clear()
        self.toggle.setChecked(False)

    def _on_toggled(self, shown: bool) -> None:
        self.edit.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
        self.toggle.setText(self.tr("Hide") if shown else self.tr("Show"))


#: Red to green; readable on light and dark backgrounds, with the label saying it in words.
_METER_COLOURS = ("#c62828", "#e65100", "#f9a825", "#2e7d32", "#1b5e20")


class StrengthMeter(QWidget):
    """A bar and a sentence that judge a new passphrase as it is typed."""

    def __init__(self, personal: Callable[[], list[str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._personal = personal
        self.bar = QProgressBar(self)
        # Five steps with score 0 as the first, so even "very weak" shows a chunk.
        self.bar.setRange(0, 5)
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(8)
        self.bar.setAccessibleName(self.tr("Passphrase strength"))
        self.label = QLabel(self)
        self.label.setObjectName("hint")
        self.label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.bar)
        layout.addWidget(self.label)
        self.strength = assess("")
        self.update_for("")

    def update_for(self, passphrase: str) -> Strength:
        """Judge ``passphrase`` and show the verdict; return it."""
        self.strength = assess(passphrase, self._personal())
        self.bar.setValue(self.strength.score + 1 if passphrase else 0)
        colour = _METER_COLOURS[self.strength.score]
        self.bar.setStyleSheet(f"QProgressBar::chunk {{ background: {colour}; }}")
        if not passphrase:
            text = self.tr("Use four or five unrelated words: easy to remember, hard to guess.")
        elif self.strength.acceptable:
            text = self.tr("Strength: {0}.").format(self.strength.label)
        else:
            text = self.tr("Strength: {0}. {1}").format(self.strength.label, self.strength.advice)
        self.label.setText(text)
        self.bar.setAccessibleDescription(text)
        return self.strength


def warning_box(text: str, parent: QWidget | None = None) -> QFrame:
    """A framed, wrapped notice for things a person must not miss."""
    box = QFrame(parent)
    box.setObjectName("warningBox")
    label = QLabel(text, box)
    label.setWordWrap(True)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(12, 10, 12, 10)
    layout.addWidget(label)
    return box


def buddy_label(text: str, buddy: QWidget) -> QLabel:
    """A form label whose ``&`` shortcut (Alt+letter) focuses ``buddy``."""
    label = QLabel(text)
    label.setBuddy(buddy)
    return label
