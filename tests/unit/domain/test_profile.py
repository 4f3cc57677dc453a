"""Display names: tidy whitespace, refuse what would hide or reorder text."""

from __future__ import annotations

import pytest

from mentorpair.domain.profile import MAX_DISPLAY_NAME, InvalidDisplayName, clean_display_name


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Ada Lovelace", "Ada Lovelace"),
        ("  Ada   Lovelace  ", "Ada Lovelace"),
        ("Ada\tLovelace\n", "Ada Lovelace"),
        ("Ada\u00a0Lovelace", "Ada Lovelace"),  # no-break space folds too
        ("Zoe\u0308", "Zoë"),  # NFC: one code point, not e + combining diaeresis
        ("Dr. Siobhán Ó Briain", "Dr. Siobhán Ó Briain"),
        ("李小龍", "李小龍"),
        ("x" * MAX_DISPLAY_NAME, "x" * MAX_DISPLAY_NAME),
    ],
)
def test_names_are_cleaned(raw, clean):
    assert clean_display_name(raw) == clean


@pytest.mark.parametrize("raw", ["", " ", "\t\n", "\u3000"])
def test_empty_names_are_refused(raw):
    with pytest.raises(InvalidDisplayName, match="name your partner knows you by"):
        clean_display_name(raw)


def test_long_names_are_refused():
    with pytest.raises(InvalidDisplayName, match=f"under {MAX_DISPLAY_NAME} characters"):
        clean_display_name("x" * (MAX_DISPLAY_NAME + 1))


def test_length_is_counted_after_folding_spaces():
    assert clean_display_name("  " + "x" * MAX_DISPLAY_NAME + "  ") == "x" * MAX_DISPLAY_NAME


@pytest.mark.parametrize(
    "raw",
    [
        "Ada\u202eecalevoL",  # RIGHT-TO-LEFT OVERRIDE: shows another name than stored
        "Ada\u202d Lovelace",  # LEFT-TO-RIGHT OVERRIDE
        "Ada\u2066Lovelace\u2069",  # isolates
        "Ada\u200bLovelace",  # zero-width space
        "Ada\x00Lovelace",
        "Ada\x07Lovelace",
        "Ada\x1b[31mLovelace",  # terminal escape
        "Ada\x7f",
        "Ada\ue000",  # private use
        "Ada\ufeff",  # byte order mark
    ],
)
def test_invisible_or_control_characters_are_refused(raw):
    with pytest.raises(InvalidDisplayName, match="invisible characters"):
        clean_display_name(raw)


def test_refusal_is_a_value_error_for_callers_that_only_know_that():
    with pytest.raises(ValueError, match="name your partner"):
        clean_display_name("")


def test_zero_width_joiners_in_real_names_are_kept():
    # Persian names need ZWNJ (U+200C); emoji and Indic scripts use ZWJ (U+200D).
    name = "Dr Mehr\u200cnaz Karimi"
    assert clean_display_name(name) == name
