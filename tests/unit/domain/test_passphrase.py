"""Passphrase strength: refuse guessable ones, explain why, accept word phrases.

Every score here is zxcvbn's own, not a stand-in: if an upgrade of zxcvbn
moves an example across the line, these tests say so.
"""

from __future__ import annotations

import pytest

from mentorpair.domain.passphrase import ADVICE, MIN_LENGTH, MIN_SCORE, Hint, assess

NAME = "Quillon Marrowbeck"  # made up, so it is in no dictionary
PARTNER = "Ottoline Brackenbury"


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


def test_the_threshold_is_zxcvbns_top_score():
    assert MIN_SCORE == 4


#: zxcvbn score 3 (10^8 to 10^10 guesses): accepted before issue 16, refused now.
SCORE_3 = ["bicycle thunder", "marble crayon", "dentist orchard", "weather glacier"]


@pytest.mark.parametrize("phrase", SCORE_3)
def test_score_3_phrases_are_refused_with_a_word_count_hint(phrase):
    verdict = assess(phrase)
    assert len(phrase) >= MIN_LENGTH
    assert verdict.score == 3
    assert 1e8 <= verdict.guesses < 1e10
    assert not verdict.acceptable
    assert verdict.label == "Nearly there"
    assert verdict.hint is Hint.MORE_WORDS
    assert verdict.words == 2
    assert "words so far: 2" in verdict.advice


def test_a_score_3_phrase_of_names_and_years_gets_the_names_and_dates_hint():
    verdict = assess("Jessica2019london")
    assert (verdict.score, verdict.acceptable) == (3, False)
    assert verdict.hint is Hint.NAMES_DATES
    assert "dates" in verdict.advice


@pytest.mark.parametrize("weak", ["Password123!", "qwertyuiopasdf", "aaaaaaaaaaaaaaaa"])
def test_common_passwords_and_keyboard_rows_get_their_own_hint(weak):
    assert assess(weak).hint is Hint.COMMON


@pytest.mark.parametrize("phrase", SCORE_3)
def test_one_more_unrelated_word_reaches_score_4(phrase):
    # What the advice promises: another ordinary word is enough to get there.
    verdict = assess(phrase + " lantern")
    assert verdict.score == 4
    assert verdict.guesses >= 1e10
    assert verdict.acceptable


@pytest.mark.parametrize("short", ["x", "short", "Xq7!vR2#pL9", "a" * (MIN_LENGTH - 1)])
def test_short_passphrases_are_refused_however_random(short):
    verdict = assess(short)
    assert not verdict.acceptable
    assert verdict.score <= 2
    assert f"at least {MIN_LENGTH} characters" in verdict.advice


def test_empty_passphrase_is_refused_with_advice():
    verdict = assess("")
    assert (verdict.score, verdict.acceptable, verdict.hint) == (0, False, Hint.START)
    assert verdict.advice == (
        "Use four or more ordinary words that have nothing to do with you: "
        "no names, dates or places."
    )


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
    assert verdict.score == 4
    assert verdict.guesses >= 1e10
    assert (verdict.hint, verdict.advice, verdict.label) == (Hint.NONE, "", "Strong")


@pytest.mark.parametrize("who", [NAME, PARTNER])
def test_a_phrase_leaning_on_a_known_name_is_refused_with_the_name_hint(who):
    # zxcvbn alone rates this 4 (the spaces look random); without the name, two words remain.
    phrase = f"{who.lower()} garden river"
    assert assess(phrase).acceptable
    with_names = assess(phrase, personal=[NAME, PARTNER])
    assert with_names.score < MIN_SCORE
    assert not with_names.acceptable
    assert with_names.hint is Hint.PERSONAL
    assert "your partner's" in with_names.advice


def test_a_name_plus_enough_unrelated_words_is_still_acceptable():
    verdict = assess("Quillon copper lantern orbit velvet", personal=[NAME])
    assert verdict.acceptable


def test_a_short_name_counts_only_as_a_word_of_its_own():
    assert assess("sam garden river", personal=["Sam Li"]).hint is Hint.PERSONAL
    assert assess("sample river lamp desk", personal=["Sam Li"]).acceptable


def test_a_phrase_that_is_only_the_name_is_very_weak():
    verdict = assess("quillon marrowbeck", personal=[NAME])
    assert verdict.score == 0
    assert verdict.hint is Hint.PERSONAL


def test_every_hint_has_english_advice_and_only_none_is_empty():
    assert set(ADVICE) == set(Hint)
    assert [h for h, text in ADVICE.items() if not text] == [Hint.NONE]


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
