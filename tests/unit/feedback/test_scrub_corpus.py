"""Issue 11's scrubber corpus and properties: what must go, what must stay, what to ask about."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mentorpair.feedback.names import fold, undecided
from mentorpair.feedback.scrub import MARKER, Scrubber
from tests.unit.feedback.scrub_cases import KEEP, KNOWN, REMOVE

SCRUBBER = Scrubber(KNOWN)


def test_the_corpus_has_at_least_a_hundred_cases() -> None:
    assert len(REMOVE) + len(KEEP) >= 100


@pytest.mark.parametrize(("text", "secrets"), REMOVE, ids=[t[:40] for t, _ in REMOVE])
def test_identifying_text_is_removed(text: str, secrets: tuple[str, ...]) -> None:
    out = SCRUBBER.scrub(text)
    folded = fold(out)[0]
    for secret in secrets:
        assert fold(secret)[0] not in folded, (secret, out)


@pytest.mark.parametrize(("text", "kept"), KEEP, ids=[t[:40] for t, _ in KEEP])
def test_innocent_text_stays(text: str, kept: tuple[str, ...]) -> None:
    out = SCRUBBER.scrub(text)
    for piece in kept:
        assert piece in out, (piece, out)
    assert MARKER not in out


# ------------------------------------------------------------ properties
_SEPARATORS = st.sampled_from(["", " ", "-", "_", ".", "\u200b", "\u00ad", "\u2060"])
_LOOKALIKES = {"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "i": "і", "A": "А", "E": "Е"}


@st.composite
def disguised(draw: st.DrawFn, name: str) -> str:
    """A known name, split, accented, swapped for look-alikes and in mixed case."""
    out = []
    for index, char in enumerate(name):
        if draw(st.booleans()):
            char = _LOOKALIKES.get(char, char)
        if draw(st.booleans()):
            char = char.upper() if draw(st.booleans()) else char.lower()
        if char.isalpha() and draw(st.integers(0, 5)) == 0:
            char = unicodedata.normalize("NFC", char + "\u0301")
        out.append(char)
        if index < len(name) - 1:
            out.append(draw(_SEPARATORS) if draw(st.integers(0, 3)) == 0 else "")
    return "".join(out)


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(["Rajesh", "Amelia", "Kumar", "Okafor"]).flatmap(disguised), st.data())
def test_a_disguised_known_name_never_survives(name: str, data: st.DataObject) -> None:
    before = data.draw(st.sampled_from(["", "I think ", "Thanks to ", "(", "#"]))
    after = data.draw(st.sampled_from(["", " was kind.", "'s advice", ")", "!"]))
    out = Scrubber(["Dr Rajesh Kumar", "Amelia Okafor"]).scrub(before + name + after)
    letters = "".join(c for c in fold(out)[0] if c.isalpha())
    target = "".join(c for c in fold(name)[0] if c.isalpha())
    assert target not in letters.replace("removed", "|"), out


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 99), st.integers(13, 99))
def test_scores_and_ratios_are_never_cut(top: int, bottom: int) -> None:
    for text in (f"score {top}/{bottom}", f"ratio 1:{bottom},000", f"{top} in {bottom} may"):
        assert Scrubber(KNOWN).scrub(text) == text


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from("Amelia Rajesh 0123456789/:.-@ at dot Dr"), max_size=60))
def test_scrubbing_is_idempotent(text: str) -> None:
    once = SCRUBBER.scrub(text)
    assert SCRUBBER.scrub(once) == once


# ------------------------------------------------------------ what to ask the person
def test_undecided_offers_unknown_capitalised_words_only() -> None:
    text = (
        "We met at the Trust. Then Jonah and I went to the ARCP panel. "
        "I think Okafor helped, and Zainab too."
    )
    offered = [text[a:b] for a, b in undecided(text)]
    assert offered == ["Jonah", "Okafor", "Zainab"]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["the", "Trust", "Ward", "Zainab", "ARCP", "I", "we"]), max_size=8))
def test_undecided_never_offers_the_first_word_or_acronyms(words: list[str]) -> None:
    text = " ".join(words)
    for start, end in undecided(text):
        word = text[start:end]
        assert start > 0 and not word.isupper() and word[:1].isupper()
