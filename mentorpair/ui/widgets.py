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

from mentorpair.domain.passphrase import MIN_LENGTH, Hint, Strength, assess

__all__ = ["PassphraseField", "StrengthMeter", "buddy_label", "repolish", "warning_box"]


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


# Red to green; readable on light and dark backgrounds, with the label saying it in words.
# Only 4 is accepted, so only 4 is green.
_METER_COLOURS = ("#c62828", "#e65100", "#ef6c00", "#f9a825", "#2e7d32")


class StrengthMeter(QWidget):
    """A bar and a sentence that judge a new passphrase as it is typed.

    The sentence is a plain QLabel, so a screen reader reads it as it changes;
    the bar carries the same sentence as its description.
    """

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
            text = self._advice(self.strength)
        elif self.strength.acceptable:
            text = self.tr("Strength: {0}.").format(self._label(self.strength.score))
        else:
            text = self.tr("Strength: {0}. {1}").format(
                self._label(self.strength.score), self._advice(self.strength)
            )
        self.label.setText(text)
        self.bar.setAccessibleDescription(text)
        return self.strength

    def _label(self, score: int) -> str:
        """The score in the person's language (domain/passphrase.py has the English)."""
        return (
            self.tr("Very weak"),
            self.tr("Weak"),
            self.tr("Fair"),
            self.tr("Nearly there"),
            self.tr("Strong"),
        )[score]

    def _advice(self, strength: Strength) -> str:
        """The domain's hint in the person's language."""
        hint = strength.hint
        if hint is Hint.START:
            return self.tr(
                "Use four or more ordinary words that have nothing to do with you: "
                "no names, dates or places."
            )
        if hint is Hint.TOO_SHORT:
            return self.tr(
                "Use at least {0} characters: four or more ordinary, unrelated words work well."
            ).format(MIN_LENGTH)
        if hint is Hint.PERSONAL:
            return self.tr(
                "Leave out your own name and your partner's: people who know you would try "
                "them first."
            )
        if hint is Hint.COMMON:
            return self.tr(
                "Common passwords, keyboard rows and repeated letters are guessed first. "
                "Use ordinary, unrelated words instead."
            )
        if hint is Hint.NAMES_DATES:
            return self.tr(
                "Names, dates and years are guessed early. Use ordinary words that have "
                "nothing to do with you instead."
            )
        if hint is Hint.MORE_WORDS:
            return self.tr(
                "Add another ordinary word that has nothing to do with the others "
                "(words so far: {0}). Four or more usually make it strong."
            ).format(strength.words)
        return ""


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


def repolish(widget: QWidget) -> None:
    """Apply a changed objectName's style-sheet rules ("ok", "error"): Qt does not on its own."""
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
