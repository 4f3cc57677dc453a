"""The person using this copy of mentorpair, as their partners will see them."""

from __future__ import annotations

import unicodedata

__all__ = ["MAX_DISPLAY_NAME", "InvalidDisplayName", "clean_display_name"]

MAX_DISPLAY_NAME = 80
#: Zero-width (non-)joiners are format characters that Persian and Indic names
#: need; every other format character (bidi overrides above all) is refused.
_JOINERS = frozenset("\u200c\u200d")


class InvalidDisplayName(ValueError):
    """The display name is empty, too long or contains invisible characters."""


def clean_display_name(raw: str) -> str:
    """Return the display name as it will be stored, or raise with the reason.

    Surrounding and repeated spaces are folded; control and format characters
    (which can hide or reorder text, e.g. right-to-left overrides) are refused.
    """
    name = " ".join(unicodedata.normalize("NFC", raw).split())
    if not name:
        raise InvalidDisplayName("Please enter the name your partner knows you by.")
    if len(name) > MAX_DISPLAY_NAME:
        raise InvalidDisplayName(f"Please keep the name under {MAX_DISPLAY_NAME} characters.")
    if any(
        unicodedata.category(ch) in ("Cc", "Cf", "Co", "Cs") and ch not in _JOINERS for ch in name
    ):
        raise InvalidDisplayName("The name contains invisible characters; please retype it.")
    return name
