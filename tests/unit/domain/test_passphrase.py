"""Passphrase strength: refuse guessable ones, explain why, accept word phrases."""

from __future__ import annotations

import pytest

from mentorpair.domain.passphrase import MIN_LENGTH, MIN_SCORE, assess

NAME = "Quillon Marrowbeck"  # made up, so it is in no dictionary


@pytest.mark.parametrize(
    "weak",
    [
        "password123",
        "Password123!",
        "qwertyuiopasdf",
        "aaaaaaaaaaaaaaaa",
        "iloveyou2024",
        "Tr0ub4dor&3",
    ],
)
def test_common_or_patterned_passphrases_are_refused_with_advice(weak):
    verdict = assess(weak)
    assert not verdict.acceptable
    assert verdict.score < MIN_SCORE
    assert verdict.advice
    assert verdict.label in ("Very weak", "Weak", "Fair")


@pytest.mark.parametrize("short", ["x", "short", "Xq7!vR2#pL9", "a" * (MIN_LENGTH - 1)])
def test_short_passphrases_are_refused_however_random(short):
    verdict = assess(short)
    assert not verdict.acceptable
    assert verdict.score <= 2
    assert f"at least {MIN_LENGTH} characters" in verdict.advice


def test_empty_passphrase_is_refused_with_advice():
    verdict = assess("")
    assert (verdict.score, verdict.acceptable) == (0, False)
    assert "four or more words" in verdict.advice


@pytest.mark.parametrize(
    "phrase",
    [
        "copper lantern orbit velvet muffin",
        "glacier pickle sonnet tractor humid",
        "correct horse battery staple",
    ],
)
def test_random_word_phrases_are_acceptable_without_advice(phrase):
    verdict = assess(phrase)
    assert verdict.acceptable
    assert verdict.score >= MIN_SCORE
    assert verdict.advice == ""
    assert verdict.label in ("Strong", "Very strong")


def test_a_phrase_that_is_mostly_the_name_is_weaker_with_the_name_known():
    phrase = "quillon marrowbeck ward"
    alone, with_name = assess(phrase), assess(phrase, personal=[NAME])
    assert alone.acceptable
    assert with_name.score < alone.score
    assert not with_name.acceptable
    assert with_name.advice


def test_the_name_counts_in_any_order_and_case():
    # zxcvbn matches a personal input only whole; each word must count on its own.
    phrase = "MarrowbeckQuillon7"
    assert assess(phrase, personal=[NAME]).score < assess(phrase).score


def test_empty_personal_entries_are_ignored():
    phrase = "copper lantern orbit velvet muffin"
    assert assess(phrase, personal=["", "  "]) == assess(phrase)


@pytest.mark.parametrize("length", [72, 73, 100, 101, 5000])
def test_long_passphrases_never_crash_the_estimator(length):
    # zxcvbn >= 4.5 raises ValueError beyond 72 characters.
    phrase = ("copper lantern orbit velvet muffin " * 200)[:length]
    assert assess(phrase).acceptable
