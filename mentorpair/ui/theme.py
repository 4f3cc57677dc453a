"""Light and dark palettes on the Fusion style, following the system by default.

Fusion draws the same on every platform, so one palette and one small style
sheet give consistent colours and spacing everywhere; widgets pick roles by
``objectName`` ("heading", "hint", "warningBox", …) rather than colours.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from mentorpair.ui.settings import ThemeChoice

__all__ = ["apply_theme", "is_dark"]

_LIGHT = {
    "window": "#f6f7f9",
    "base": "#ffffff",
    "alt": "#eef0f3",
    "text": "#1d232b",
    "muted": "#5b6572",
    "button": "#e9ecf0",
    "highlight": "#2f6db5",
    "hl_text": "#ffffff",
    "link": "#1f5fa8",
    "warn_bg": "#fff4d6",
    "warn_border": "#d9a400",
    "error": "#b3261e",
    "ok": "#1f7a3a",
    "border": "#c9ced6",
    "sidebar": "#eceff3",
    "light": "#ffffff",
    "mid": "#a7aeb8",
    "dark": "#6b7480",
    "shadow": "#3d444d",
}
_DARK = {
    "window": "#1e2227",
    "base": "#15181c",
    "alt": "#262b31",
    "text": "#e6e8eb",
    "muted": "#a3acb7",
    "button": "#2c3238",
    "highlight": "#4f8fd8",
    "hl_text": "#0c0f12",
    "link": "#8ab8f0",
    "warn_bg": "#3a3220",
    "warn_border": "#c99a2e",
    "error": "#f2b8b5",
    "ok": "#8fd19e",
    "border": "#3b424a",
    "sidebar": "#191c20",
    "light": "#4a525c",
    "mid": "#7d8794",
    "dark": "#a3acb7",
    "shadow": "#0c0f12",
}

_QSS = """
QLabel#heading {{ font-size: 20pt; font-weight: 600; }}
QLabel#subheading {{ font-size: 13pt; font-weight: 600; }}
QLabel#hint {{ color: {muted}; }}
QLabel#error {{ color: {error}; font-weight: 600; }}
QLabel#ok {{ color: {ok}; font-weight: 600; }}
QFrame#warningBox {{ background: {warn_bg}; border: 1px solid {warn_border};
    border-radius: 6px; }}
QFrame#card {{ background: {base}; border: 1px solid {border}; border-radius: 8px; }}
QFrame#sidebar {{ background: {sidebar}; border-right: 1px solid {border}; }}
QLabel#fingerprint {{ font-family: monospace; font-size: 12pt; }}
QPushButton {{ padding: 6px 14px; }}
QPushButton#primary {{ background: {highlight}; color: {hl_text}; border-radius: 4px;
    padding: 7px 18px; font-weight: 600; }}
QPushButton#primary:disabled {{ background: {button}; color: {muted}; }}
QLineEdit, QSpinBox, QComboBox {{ padding: 4px 6px; }}
"""


def is_dark(choice: ThemeChoice) -> bool:
    """Whether ``choice`` means dark right now (SYSTEM asks the platform)."""
    if choice is ThemeChoice.SYSTEM:
        return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark
    return choice is ThemeChoice.DARK


def apply_theme(app: QApplication, choice: ThemeChoice) -> None:
    """Set style, palette and style sheet for ``choice``."""
    colours = _DARK if is_dark(choice) else _LIGHT
    style = QStyleFactory.create("Fusion")
    if style is not None:
        app.setStyle(style)
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: "window",
        QPalette.ColorRole.WindowText: "text",
        QPalette.ColorRole.Base: "base",
        QPalette.ColorRole.AlternateBase: "alt",
        QPalette.ColorRole.Text: "text",
        QPalette.ColorRole.Button: "button",
        QPalette.ColorRole.ButtonText: "text",
        QPalette.ColorRole.Highlight: "highlight",
        QPalette.ColorRole.HighlightedText: "hl_text",
        QPalette.ColorRole.Link: "link",
        QPalette.ColorRole.ToolTipBase: "base",
        QPalette.ColorRole.ToolTipText: "text",
        QPalette.ColorRole.PlaceholderText: "muted",
        # Fusion draws check-box and frame outlines from these; without them a
        # dark palette leaves check boxes in lists invisible.
        QPalette.ColorRole.Light: "light",
        QPalette.ColorRole.Midlight: "light",
        QPalette.ColorRole.Mid: "mid",
        QPalette.ColorRole.Dark: "dark",
        QPalette.ColorRole.Shadow: "shadow",
    }
    for role, key in roles.items():
        palette.setColor(role, QColor(colours[key]))
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.WindowText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(colours["muted"]))
    app.setPalette(palette)
    app.setStyleSheet(_QSS.format(**colours))
