"""How strong a new passphrase must be, in words a person understands.

Strength comes from zxcvbn (Dropbox's estimator): it knows common passwords,
names, dates and keyboard patterns, which a length-and-symbols rule does not.
A lost passphrase cannot be recovered, so we also ask for a minimum length
that a memorable phrase of four or five words easily meets.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from zxcvbn import zxcvbn

__all__ = ["MIN_LENGTH", "MIN_SCORE", "Strength", "assess"]

MIN_LENGTH = 12
#: zxcvbn's 3: "safely unguessable: moderate protection from offline attacks".
MIN_SCORE = 3
#: zxcvbn gets slow on very long input, and since 4.5 raises ValueError above
#: 72 characters (its ``max_length``); the first 72 characters decide.
_ASSESS_LIMIT = 72

_LABELS = ("Very weak", "Weak", "Fair", "Strong", "Very strong")


@dataclass(frozen=True, slots=True)
class Strength:
    """The verdict on a candidate passphrase.

    Attributes:
        score: 0 (very weak) to 4 (very strong).
        label: the score in words.
        advice: one sentence on how to improve it, or "" when it is fine.
        acceptable: whether we will let the person use it.
    """

    score: int
    label: str
    advice: str
    acceptable: bool


def assess(passphrase: str, personal: Sequence[str] = ()) -> Strength:
    """Judge ``passphrase``; ``personal`` holds words it should not lean on (the name)."""
    if not passphrase:
        return Strength(0, _LABELS[0], "Choose a passphrase of four or more words.", False)
    # Each word on its own too: zxcvbn matches an input only as a whole, so
    # "Quillon Marrowbeck" alone would not catch "marrowbeckquillon".
    user_inputs = [w for p in personal for w in (p, *p.split()) if w]
    result = zxcvbn(passphrase[:_ASSESS_LIMIT], user_inputs=user_inputs)
    score = int(result["score"])
    feedback = result.get("feedback") or {}
    advice = str(feedback.get("warning") or "")
    suggestions = feedback.get("suggestions") or []
    if not advice and suggestions:
        advice = str(suggestions[0])
    if len(passphrase) < MIN_LENGTH:
        advice = f"Use at least {MIN_LENGTH} characters: four or five unrelated words work well."
        score = min(score, 2)
    acceptable = score >= MIN_SCORE and len(passphrase) >= MIN_LENGTH
    if acceptable:
        advice = ""
    elif not advice:
        advice = "Add another word or two that are not related to each other."
    return Strength(score, _LABELS[score], advice, acceptable)
