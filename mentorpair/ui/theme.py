"""Light, dark and high-contrast palettes on the Fusion style.

Fusion draws the same on every platform, so one palette and one small style
sheet give consistent colours and spacing everywhere; widgets pick roles by
``objectName`` ("heading", "hint", "warningBox", …) rather than colours.

Every text colour is checked against the backgrounds it is drawn on by
``tests/ui/test_theme.py``: WCAG AA (4.5:1) for light and dark, AAA (7:1) for
high contrast. Keyboard focus is drawn by the style sheet as a thick outline in
a colour of its own, so it shows in every theme, not only where Fusion's thin
focus frame happens to be visible.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from mentorpair.resources import resource_path

from mentorpair.ui.settings import ThemeChoice

__all__ = ["apply_theme", "colours_for", "is_dark", "style_sheet"]

_LIGHT = {
    "window": "#f6f7f9",
    "base": "#ffffff",
    "alt": "#eef0f3",
    "text": "#1d232b",
    "muted": "#5b6572",
    "button": "#e9ecf0",
    "button_hover": "#dde2e8",
    "highlight": "#2f6db5",
    "hl_text": "#ffffff",
    "link": "#1f5fa8",
    "warn_bg": "#fff4d6",
    "warn_border": "#d9a400",
    "error": "#b3261e",
    "ok": "#1f7a3a",
    "border": "#c9ced6",
    "control_border": "#7d8794",
    "focus": "#2f6db5",
    "primary_focus": "#000000",
    "tick": "white",
    "focus_width": "2px",
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
    "button_hover": "#363d45",
    "highlight": "#4f8fd8",
    "hl_text": "#0c0f12",
    "link": "#8ab8f0",
    "warn_bg": "#3a3220",
    "warn_border": "#c99a2e",
    "error": "#f2b8b5",
    "ok": "#8fd19e",
    "border": "#3b424a",
    "control_border": "#7d8794",
    "focus": "#8ab8f0",
    "primary_focus": "#ffffff",
    "tick": "black",
    "focus_width": "2px",
    "sidebar": "#191c20",
    "light": "#4a525c",
    "mid": "#7d8794",
    "dark": "#a3acb7",
    "shadow": "#0c0f12",
}
# Black and white with a yellow selection and a cyan focus ring (the two must
# differ, or a focused, selected row loses its outline); every border white.
_HIGH_CONTRAST = {
    "window": "#000000",
    "base": "#000000",
    "alt": "#1a1a1a",
    "text": "#ffffff",
    "muted": "#cccccc",
    "button": "#000000",
    "button_hover": "#262626",
    "highlight": "#ffff00",
    "hl_text": "#000000",
    "link": "#00ffff",
    "warn_bg": "#000000",
    "warn_border": "#ffff00",
    "error": "#ff9e9e",
    "ok": "#7dff7d",
    "border": "#ffffff",
    "control_border": "#ffffff",
    "focus": "#00ffff",
    # Yellow to black: the primary button's edge changes by far more than 3:1.
    "primary_focus": "#000000",
    "tick": "black",
    "focus_width": "3px",
    "sidebar": "#000000",
    "light": "#ffffff",
    "mid": "#ffffff",
    "dark": "#ffffff",
    "shadow": "#000000",
}

# Focused controls swap a 1px border for a thicker one and give the difference
# back from the padding, so nothing moves when focus arrives.
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
QPushButton {{ background: {button}; color: {text}; border: 1px solid {control_border};
    border-radius: 4px; padding: 6px 14px; }}
QPushButton:hover {{ background: {button_hover}; }}
QPushButton:pressed, QPushButton:checked {{ background: {alt}; }}
QPushButton:disabled {{ color: {muted}; border-color: {border}; }}
QPushButton:focus {{ border: {focus_width} solid {focus}; padding: {focus_padding}; }}
QPushButton#primary {{ background: {highlight}; color: {hl_text}; border-color: {highlight};
    padding: 7px 18px; font-weight: 600; }}
QPushButton#primary:focus {{ border: {focus_width} solid {primary_focus}; }}
QPushButton#link {{ background: transparent; color: {link}; text-decoration: underline;
    border: 1px solid transparent; padding: 2px 4px; }}
QPushButton#link:focus {{ border: {focus_width} solid {focus}; padding: {focus_link_padding}; }}
QPushButton#primary:disabled {{ background: {button}; color: {muted}; border-color: {border}; }}
QLineEdit, QComboBox {{ padding: 4px 6px;
    border: 1px solid {control_border}; border-radius: 3px; background: {base}; }}
QLineEdit:focus, QComboBox:focus {{ border: {focus_width} solid {focus};
    padding: {focus_field_padding}; }}
QLineEdit:disabled, QComboBox:disabled {{ border-color: {border}; }}
QPlainTextEdit, QTextEdit, QAbstractItemView {{ border: 1px solid {control_border}; }}
QPlainTextEdit:focus, QTextEdit:focus, QAbstractItemView:focus {{
    border: {focus_width} solid {focus}; }}
/* Fusion outlines a check box in a darker shade of the window colour: nothing
   at all on black. The tick image matches hl_text, drawn on the highlight. */
QCheckBox::indicator {{ width: 14px; height: 14px; border: 1px solid {control_border};
    border-radius: 3px; background: {base}; }}
QCheckBox::indicator:checked {{ background: {highlight}; border-color: {highlight};
    image: url("{tick_image}"); }}
QCheckBox::indicator:disabled {{ border-color: {border}; }}
QCheckBox::indicator:checked:disabled {{ background: {muted}; border-color: {muted}; }}
QCheckBox:focus {{ outline: none; }}
QCheckBox::indicator:focus {{ border: {focus_width} solid {focus}; }}
/* Radio buttons vanish on black for the same reason: a ring, and a dot when chosen. */
QRadioButton::indicator {{ width: 14px; height: 14px; border: 1px solid {control_border};
    border-radius: 8px; background: {base}; }}
QRadioButton::indicator:checked {{ border-color: {highlight}; background: qradialgradient(
    cx:0.5, cy:0.5, radius:0.5, fx:0.5, fy:0.5, stop:0 {highlight}, stop:0.5 {highlight},
    stop:0.6 {base}, stop:1 {base}); }}
QRadioButton:focus {{ outline: none; }}
QRadioButton::indicator:focus {{ border: {focus_width} solid {focus}; }}
/* A style-sheet border on a spin box drops its arrows, so spin boxes keep
   Fusion's own frame, which turns the highlight colour on focus. */
QAbstractSpinBox {{ padding: 4px 6px; }}
"""


def is_dark(choice: ThemeChoice) -> bool:
    """Whether ``choice`` means a dark background right now (SYSTEM asks the platform)."""
    if choice is ThemeChoice.SYSTEM:
        return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark
    return choice in (ThemeChoice.DARK, ThemeChoice.HIGH_CONTRAST)


def colours_for(choice: ThemeChoice) -> Mapping[str, str]:
    """The named colours of ``choice`` (also what the contrast tests check)."""
    if choice is ThemeChoice.HIGH_CONTRAST:
        return _HIGH_CONTRAST
    return _DARK if is_dark(choice) else _LIGHT


def style_sheet(colours: Mapping[str, str]) -> str:
    """The application style sheet for ``colours``."""
    # Qt style sheets have no calc(): a focused button's padding shrinks by
    # what its border grows, worked out here.
    grow = int(colours["focus_width"].removesuffix("px")) - 1
    return _QSS.format(
        **colours,
        focus_padding=f"{6 - grow}px {14 - grow}px",
        focus_link_padding=f"{2 - grow}px {4 - grow}px",
        focus_field_padding=f"{4 - grow}px {6 - grow}px",
        tick_image=resource_path("themes", f"check-{colours['tick']}.svg").as_posix(),
    )


def apply_theme(app: QApplication, choice: ThemeChoice) -> None:
    """Set style, palette and style sheet for ``choice``."""
    colours = colours_for(choice)
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
    app.setStyleSheet(style_sheet(colours))
