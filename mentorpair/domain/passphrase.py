"""How strong a new passphrase must be, in words a person understands.

Strength comes from zxcvbn (Dropbox's estimator): it knows common passwords,
names, dates and keyboard patterns, which a length-and-symbols rule does not.
We ask for its top score, 4 (about 10^10 guesses or more): a score of 3 can
fall within hours or days of GPU time against a stolen vault, even through
Argon2id. A lost passphrase cannot be recovered, so the advice steers people
towards what is both strong and memorable: several ordinary, unrelated words.

Only choosing or changing a passphrase is judged here; unlocking never is, so
existing vaults keep opening with the passphrase they have.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

__all__ = ["MIN_LENGTH", "MIN_SCORE", "MIN_WORDS", "Hint", "Strength", "assess"]

MIN_LENGTH = 12
#: zxcvbn's 4: "very unguessable: strong protection from offline attacks".
MIN_SCORE = 4
#: The word count the advice aims for; zxcvbn, not this number, decides.
MIN_WORDS = 4
#: zxcvbn gets slow on very long input, and since 4.5 raises ValueError above
#: 72 characters (its ``max_length``); the first 72 characters decide.
_ASSESS_LIMIT = 72
#: A name part this short ("Li", "Ng") counts only as a word of its own, so
#: "Sam" is found in "sam river" but not in "sample".
_SHORT_NAME = 3
_WORD = re.compile(r"[^\W\d_]+")
_NAME_LISTS = frozenset({"surnames", "male_names", "female_names"})

_LABELS = ("Very weak", "Weak", "Fair", "Nearly there", "Strong")


class Hint(Enum):
    """What would help most; the UI shows each in the person's language."""

    NONE = "none"
    START = "start"
    TOO_SHORT = "too_short"
    PERSONAL = "personal"
    COMMON = "common"
    NAMES_DATES = "names_dates"
    MORE_WORDS = "more_words"


#: The English advice for each hint (the coordinator's command line shows it).
ADVICE: Mapping[Hint, str] = {
    Hint.NONE: "",
    Hint.START: (
        "Use four or more ordinary words that have nothing to do with you: "
        "no names, dates or places."
    ),
    Hint.TOO_SHORT: (
        f"Use at least {MIN_LENGTH} characters: four or more ordinary, unrelated words work well."
    ),
    Hint.PERSONAL: (
        "Leave out your own name and your partner's: people who know you would try them first."
    ),
    Hint.COMMON: (
        "Common passwords, keyboard rows and repeated letters are guessed first. "
        "Use ordinary, unrelated words instead."
    ),
    Hint.NAMES_DATES: (
        "Names, dates and years are guessed early. Use ordinary words that have "
        "nothing to do with you instead."
    ),
    Hint.MORE_WORDS: (
        "Add another ordinary word that has nothing to do with the others "
        "(words so far: {words}). Four or more usually make it strong."
    ),
}


@dataclass(frozen=True, slots=True)
class Strength:
    """The verdict on a candidate passphrase.

    Attributes:
        score: 0 (very weak) to 4 (strong); only 4 is accepted.
        label: the score in English words.
        hint: what would help most (``Hint.NONE`` when it is fine).
        advice: the hint as one English sentence, or "" when it is fine.
        acceptable: whether we will let the person use it.
        words: how many words (runs of letters) it has, for the advice.
        guesses: zxcvbn's estimate of the guesses needed, after taking out
            the person's own words.
    """

    score: int
    label: str
    hint: Hint
    advice: str
    acceptable: bool
    words: int
    guesses: float


def assess(passphrase: str, personal: Sequence[str] = ()) -> Strength:
    """Judge ``passphrase`` as a new one.

    Args:
        passphrase: the candidate, as typed.
        personal: names someone who knows the person would try first (their
            own, their partners', the scheme's). A passphrase is judged on
            what is left once they are taken out.
    """
    words = len(_WORD.findall(passphrase))
    if not passphrase:
        return _verdict(0, Hint.START, words, 0.0)
    parts = _name_parts(personal)
    # Lazy: the estimator's word lists take a while to load, and the locked window
    # (which only asks for a passphrase) must not wait for them (issue 12).
    from zxcvbn import zxcvbn

    result = zxcvbn(passphrase[:_ASSESS_LIMIT], user_inputs=parts)
    score, guesses = int(result["score"]), float(result["guesses"])
    found = _names_in(passphrase, parts)
    if found:
        # zxcvbn alone rates "quillon marrowbeck ward" 4: the spaces count as
        # random characters. Against someone who knows the name, only the rest counts.
        rest = _without(passphrase, found)
        rest_result = zxcvbn(rest[:_ASSESS_LIMIT]) if rest.strip() else {"score": 0, "guesses": 1}
        score = min(score, int(rest_result["score"]))
        guesses = min(guesses, float(rest_result["guesses"]))
    if len(passphrase) < MIN_LENGTH:
        return _verdict(min(score, 2), Hint.TOO_SHORT, words, guesses)
    if score >= MIN_SCORE:
        return _verdict(score, Hint.NONE, words, guesses)
    if found:
        return _verdict(score, Hint.PERSONAL, words, guesses)
    return _verdict(score, _weakness(result["sequence"], len(passphrase)), words, guesses)


def _verdict(score: int, hint: Hint, words: int, guesses: float) -> Strength:
    advice = ADVICE[hint].format(words=words)
    return Strength(score, _LABELS[score], hint, advice, hint is Hint.NONE, words, guesses)


def _name_parts(personal: Sequence[str]) -> list[str]:
    """Each name whole and word by word: zxcvbn matches an input only as a whole."""
    return [w for p in personal for w in (p.strip(), *_WORD.findall(p)) if w]


def _names_in(passphrase: str, parts: Sequence[str]) -> list[str]:
    """The name parts that occur in ``passphrase``, longest first, ignoring case."""
    folded = passphrase.casefold()
    tokens = set(_WORD.findall(folded))
    found = {
        part.casefold()
        for part in parts
        if (len(part) > _SHORT_NAME and part.casefold() in folded) or part.casefold() in tokens
    }
    return sorted(found, key=len, reverse=True)


def _without(passphrase: str, names: Sequence[str]) -> str:
    rest = passphrase.casefold()
    for name in names:
        rest = rest.replace(name, " ")
    return " ".join(rest.split())


def _weakness(sequence: Sequence[Mapping[str, Any]], length: int) -> Hint:
    """The kind of weakness zxcvbn found, as one of our hints."""
    patterns = {m.get("pattern") for m in sequence}
    # zxcvbn's password list holds ordinary words too ("copper", "garden"): call a
    # phrase a common password only when one such match is most of it.
    common = any(
        m.get("dictionary_name") == "passwords" and 2 * len(str(m.get("token", ""))) > length
        for m in sequence
    )
    if common or patterns & {"spatial", "repeat", "sequence"}:
        return Hint.COMMON
    # "marble" is in the surname list too; a name typed as a name starts with a capital.
    names = any(
        m.get("dictionary_name") in _NAME_LISTS and str(m.get("token", ""))[:1].isupper()
        for m in sequence
    )
    if names or patterns & {"date", "regex"}:
        return Hint.NAMES_DATES
    return Hint.MORE_WORDS
