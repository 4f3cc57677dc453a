"""Pieces the pairing screens share: the safety code, a text block to copy or save."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mentorpair.errors import KnownError
from mentorpair.storage.atomic import atomic_write
from mentorpair.storage.oserrors import translate_os_errors

__all__ = ["SUFFIX", "SafetyCodeView", "TextBlock", "button", "monospace"]

# The extension offered for invitations and answers (the content is plain text).
SUFFIX = ".mpinvite"


def monospace(point_size: int = 0) -> QFont:
    """The system's fixed-width font, optionally at ``point_size``."""
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    if point_size:
        font.setPointSize(point_size)
    return font


def button(text: str, name: str, parent: QWidget, primary: bool = False) -> QPushButton:
    """A push button with its accessible name (the text without the ``&``)."""
    widget = QPushButton(text, parent)
    widget.setAccessibleName(name)
    if primary:
        widget.setObjectName("primary")
    return widget


class SafetyCodeView(QLabel):
    """The 60-digit safety code, large, in three rows of four groups of five.

    The rows make it easy to read aloud and to keep one's place; a screen
    reader gets the same groups through the accessible description.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        font = monospace(17)
        font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 1.5)
        font.setWeight(QFont.Weight.DemiBold)
        self.setFont(font)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setAccessibleName(self.tr("Safety code"))
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.code = ""

    def set_code(self, code: str) -> None:
        """Show ``code`` (twelve space-separated groups of five digits)."""
        self.code = code
        groups = code.split()
        rows = ["   ".join(groups[i : i + 4]) for i in range(0, len(groups), 4)]
        self.setText("\n".join(rows))
        self.setAccessibleDescription(", ".join(groups))


class TextBlock(QWidget):
    """A read-only text block (an invitation or answer) with Copy and Save as file.

    Attributes:
        text: the read-only box.
        copy_button, save_button: the two actions.
        default_name: the file name offered when saving (never a person's name).
    """

    def __init__(self, accessible_name: str, default_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.default_name = default_name
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setFont(monospace())
        self.text.setAccessibleName(accessible_name)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(140)
        self.copy_button = button(self.tr("&Copy"), self.tr("Copy"), self)
        self.copy_button.clicked.connect(self.copy)
        self.save_button = button(self.tr("&Save as file…"), self.tr("Save as file"), self)
        self.save_button.clicked.connect(self.save)
        self.feedback = QLabel(self)
        self.feedback.setObjectName("ok")
        self.feedback.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.feedback, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text, 1)
        layout.addLayout(buttons)

    def set_text(self, text: str) -> None:
        """Show a new block."""
        self.text.setPlainText(text)
        self.feedback.clear()

    def copy(self) -> None:
        """Put the block on the clipboard, ready to paste into an e-mail."""
        QGuiApplication.clipboard().setText(self.text.toPlainText())
        self.feedback.setText(self.tr("Copied. Paste it into an e-mail or message."))

    def save(self) -> None:
        """Ask where, then write the block as a small text file."""
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save as file"),
            self.default_name,
            self.tr("mentorpair invitations (*{0});;All files (*)").format(SUFFIX),
        )
        if not path:
            return
        try:
            with translate_os_errors():
                atomic_write(Path(path), self.text.toPlainText().encode("utf-8"), mode=0o644)
        except KnownError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), exc.message)
            return
        self.feedback.setText(self.tr("Saved. Send the file to your partner."))
