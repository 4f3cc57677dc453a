"""Every theme's text is readable (WCAG contrast) and keyboard focus shows in each."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from mentorpair.ui.settings import Settings, ThemeChoice
from mentorpair.ui.theme import apply_theme, colours_for

#: WCAG 2.x minimum contrast for body text: AA, and AAA for the high-contrast theme.
REQUIRED = {ThemeChoice.LIGHT: 4.5, ThemeChoice.DARK: 4.5, ThemeChoice.HIGH_CONTRAST: 7.0}

#: Every text colour the palette or style sheet puts on a background.
BACKGROUNDS = ("window", "base", "alt", "button", "sidebar", "warn_bg")
TEXT_PAIRS = [
    *((ink, ground) for ink in ("text", "muted", "error", "ok", "link") for ground in BACKGROUNDS),
    ("hl_text", "highlight"),  # selected rows, primary buttons
    ("text", "button_hover"),
]


def relative_luminance(colour: str) -> float:
    """WCAG 2.x relative luminance of an sRGB colour such as ``"#1d232b"``."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    q = QColor(colour)
    return 0.2126 * linear(q.red()) + 0.7152 * linear(q.green()) + 0.0722 * linear(q.blue())


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio, from 1 (same) to 21 (black on white)."""
    high, low = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_formula_matches_known_values():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast("#123456", "#123456") == pytest.approx(1.0)


@pytest.mark.parametrize("choice", list(REQUIRED), ids=lambda c: c.value)
@pytest.mark.parametrize(("ink", "ground"), TEXT_PAIRS, ids=lambda v: v)
def test_text_meets_the_contrast_bar(choice: ThemeChoice, ink: str, ground: str):
    colours = colours_for(choice)
    ratio = contrast(colours[ink], colours[ground])
    assert ratio >= REQUIRED[choice], f"{choice.value}: {ink} on {ground} is {ratio:.2f}:1"


@pytest.mark.parametrize("choice", list(REQUIRED), ids=lambda c: c.value)
def test_focus_ring_and_borders_stand_out(choice: ThemeChoice):
    """Non-text contrast (WCAG 1.4.11): 3:1 for outlines people rely on to see controls."""
    colours = colours_for(choice)
    for ground in ("window", "base", "button"):
        assert contrast(colours["focus"], colours[ground]) >= 3.0, ground
        assert contrast(colours["control_border"], colours[ground]) >= 3.0, ground
    # A primary button's edge is the highlight until focused (WCAG 2.4.13: the
    # focused and unfocused pixels differ by 3:1).
    assert contrast(colours["primary_focus"], colours["highlight"]) >= 3.0


def test_high_contrast_is_black_and_white_with_a_distinct_focus_colour():
    colours = colours_for(ThemeChoice.HIGH_CONTRAST)
    assert (colours["window"], colours["text"]) == ("#000000", "#ffffff")
    assert colours["border"] == colours["control_border"] == "#ffffff"
    assert colours["focus"] != colours["highlight"]
    assert int(colours["focus_width"].removesuffix("px")) >= 3


def test_high_contrast_keeps_disabled_text_readable(qapp: QApplication):
    apply_theme(qapp, ThemeChoice.HIGH_CONTRAST)
    try:
        palette = qapp.palette()
        disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text).name()
        window = palette.color(QPalette.ColorRole.Window).name()
        enabled = palette.color(QPalette.ColorRole.Text).name()
        assert contrast(disabled, window) >= 7.0
        assert disabled != enabled  # still tells a disabled control apart
    finally:
        apply_theme(qapp, ThemeChoice.LIGHT)


def test_high_contrast_is_a_saved_choice(settings: Settings):
    settings.theme = ThemeChoice.HIGH_CONTRAST
    settings.sync()
    assert Settings().theme is ThemeChoice.HIGH_CONTRAST


@pytest.mark.parametrize("choice", list(REQUIRED), ids=lambda c: c.value)
def test_keyboard_focus_is_drawn_in_the_focus_colour(qtbot: QtBot, qapp, choice: ThemeChoice):
    apply_theme(qapp, choice)
    try:
        window = QWidget()
        qtbot.addWidget(window)
        edit = QLineEdit(window)
        edit.setAccessibleName("Name")
        button = QPushButton("Save", window)
        button.setAccessibleName("Save")
        layout = QVBoxLayout(window)
        layout.addWidget(edit)
        layout.addWidget(button)
        window.show()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        focus = QColor(colours_for(choice)["focus"])
        for widget in (edit, button):
            widget.clearFocus()
            before = widget.grab().toImage()
            widget.setFocus()
            qtbot.waitUntil(widget.hasFocus)
            after = widget.grab().toImage()
            # The left edge, half-way down: where the outline is drawn.
            y = after.height() // 2
            assert after.pixelColor(1, y) == focus, type(widget).__name__
            assert before.pixelColor(1, y) != focus, type(widget).__name__
    finally:
        apply_theme(qapp, ThemeChoice.LIGHT)


@pytest.mark.parametrize("choice", list(REQUIRED), ids=lambda c: c.value)
def test_an_unticked_check_box_is_outlined(qtbot: QtBot, qapp, choice: ThemeChoice):
    """Fusion's own outline vanishes on a black window; ours is the border colour."""
    apply_theme(qapp, choice)
    try:
        box = QCheckBox("Hide done")
        box.setAccessibleName("Hide done")
        qtbot.addWidget(box)
        box.show()
        image = box.grab().toImage()
        border = QColor(colours_for(choice)["control_border"])
        outline = [
            (x, y)
            for x in range(min(20, image.width()))
            for y in range(image.height())
            if image.pixelColor(x, y) == border
        ]
        assert len(outline) >= 20, f"{choice.value}: no visible outline"
    finally:
        apply_theme(qapp, ThemeChoice.LIGHT)
