"""The scrubber: no name, address, number or date survives into feedback."""

from __future__ import annotations

import string

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from mentorpair.feedback.scrub import MARKER, Scrubber, scrub
from tests.unit.feedback.corpus import CORPUS, NAMES

SCRUBBER = Scrubber(NAMES)


@pytest.mark.parametrize(("text", "identifiers"), CORPUS)
def test_corpus_identifiers_do_not_survive(text, identifiers):
    out = SCRUBBER.scrub(text)
    for identifier in identifiers:
        assert identifier.casefold() not in out.casefold(), (identifier, out)


def test_corpus_keeps_the_useful_words():
    out = SCRUBBER.scrub(CORPUS[0][0])
    assert "helping me prepare for my ARCP" in out
    assert SCRUBBER.scrub(CORPUS[-1][0]) == CORPUS[-1][0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ask Amara's mentor", f"Ask {MARKER} mentor"),
        ("AMARA and amara", f"{MARKER} and {MARKER}"),
        ("Dr Amara Okafor said", f"{MARKER} said"),
        ("Okafor’s notes", f"{MARKER} notes"),
        ("Siobhán O’Neill came", f"{MARKER} came"),
        ("Amaranth is a plant", "Amaranth is a plant"),  # whole words only
        ("I will come in May", "I will come in May"),  # common words need a capital
        ("Will came", f"{MARKER} came"),
        ("Call 07700 900123.", f"Call {MARKER}."),
        ("GMC 7654321", f"GMC {MARKER}"),
        ("NHS no. 485-777-3456", f"NHS no. {MARKER}"),
        ("PIN 99z9999x", f"PIN {MARKER}"),
        ("Post to EC1A 1BB please", f"Post to {MARKER} please"),
        ("postcode m11ae", f"postcode {MARKER}"),
        ("Seen 12/03/2025", f"Seen {MARKER}"),
        ("on the 1st of June 2024,", f"on {MARKER},"),
        ("by Mar 3, 2025.", f"by {MARKER}."),
        ("at 9.30am", f"at {MARKER}"),
        ("mail x@y.co.uk", f"mail {MARKER}"),
        ("see nhs.uk/mentoring", f"see {MARKER}"),
        ("write to jane.smith at nhs dot net", f"write to {MARKER}"),
        ("or j [at] trust [dot] nhs [dot] uk.", f"or {MARKER}."),
        ("We met at noon. Dot the i's.", "We met at noon. Dot the i's."),
        ("We met 3-5 times over 2 years", "We met 3-5 times over 2 years"),
        ("In 2025 I passed MRCP", "In 2025 I passed MRCP"),
        ("Rated 4.5 out of 5", "Rated 4.5 out of 5"),
    ],
)
def test_examples(text, expected):
    assert Scrubber(["Dr Amara Okafor", "Siobhán O'Neill", "Will Price"]).scrub(text) == expected


def test_hidden_characters_do_not_hide_a_name():
    assert "Amara" not in scrub("Am\u200bara helped", ["Amara"]).replace("\u200b", "")
    assert scrub("Amara\x00 helped", ["Amara"]) == f"{MARKER}  helped"


def test_accents_do_not_matter():
    assert scrub("Siobhan and SIOBHÁN", ["Siobhán"]) == f"{MARKER} and {MARKER}"
    assert scrub("Jose came", ["José"]) == f"{MARKER} came"


# ----------------------------------------------------------------- properties
SAFE_TEXT = st.text(alphabet=st.sampled_from(string.ascii_letters + "  ,;!?()\n"), max_size=60).map(
    lambda s: s.strip()
)
SEPARATOR = st.sampled_from([" ", "\n", ", ", " (", ") ", ": ", " - "])

EMAILS = st.builds(
    lambda user, host, tld: f"{user}@{host}.{tld}",
    st.from_regex(r"[a-z][a-z0-9._+-]{0,12}[a-z0-9]", fullmatch=True),
    st.from_regex(r"[a-z][a-z0-9-]{0,10}[a-z0-9]", fullmatch=True),
    st.sampled_from(["com", "nhs.net", "ac.uk", "org", "co.uk"]),
)
UK_MOBILES = st.builds(
    lambda n, fmt: fmt.format(n=f"{n:06d}"),
    st.integers(0, 999_999),
    st.sampled_from(["07700 {n}", "07700{n}", "+44 7700 {n}", "+447700{n}", "(07700) {n}"]),
)
NHS_NUMBERS = (
    st.integers(0, 10**10 - 1)
    .map(lambda n: f"{n:010d}")
    .flatmap(
        lambda d: st.sampled_from([d, f"{d[:3]} {d[3:6]} {d[6:]}", f"{d[:3]}-{d[3:6]}-{d[6:]}"])
    )
)
GMC_NUMBERS = st.integers(1_000_000, 9_999_999).map(str)
NMC_PINS = st.from_regex(r"\d{2}[A-Z]\d{4}[A-Z]", fullmatch=True)
POSTCODES = st.sampled_from(
    ["SW1A 1AA", "N19 5NF", "M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "W1A 0AX", "EC1A 1BB",
     "LS1 4AP", "G2 8DL", "cf10 1aa", "BT7 1NN"]
)  # fmt: skip
MONTHS = ["January", "Feb", "March", "Apr", "May", "June", "Jul", "August", "Sept", "October"]
DATES = st.builds(
    lambda d, m, y, fmt: fmt.format(d=d, m=m, y=y, mn=MONTHS[m - 1], dd=f"{d:02d}", mm=f"{m:02d}"),
    st.integers(1, 28),
    st.integers(1, 10),
    st.integers(1990, 2039),
    st.sampled_from(
        [
            "{dd}/{mm}/{y}",
            "{d}/{m}/{y}",
            "{y}-{mm}-{dd}",
            "{d} {mn} {y}",
            "{d}th {mn}",
            "{mn} {d}th",
            "{mn} {d}, {y}",
            "the {d}th of {mn}",
            "{dd}.{mm}.{y}",
            "{d}-{m}-{y}",
        ]
    ),
)
FIRST = ["Amara", "Priya", "Tom", "Siobhán", "Oluwaseun", "Li", "Mohammed", "Zoë", "Anne-Marie"]
LAST = ["Okafor", "Raman", "Hughes", "O'Neill", "Nowak", "Chen", "Al-Rashid", "Fitzgerald"]
NAMES_ST = st.tuples(st.sampled_from(FIRST), st.sampled_from(LAST))


@settings(max_examples=60, deadline=None)
@given(
    before=SAFE_TEXT,
    after=SAFE_TEXT,
    sep1=SEPARATOR,
    sep2=SEPARATOR,
    secret=st.one_of(EMAILS, UK_MOBILES, NHS_NUMBERS, GMC_NUMBERS, NMC_PINS, POSTCODES, DATES),
)
def test_an_embedded_identifier_never_survives(before, after, sep1, sep2, secret):
    out = scrub(before + sep1 + secret + sep2 + after)
    assert secret not in out
    # Nor any long run of its digits.
    digits = "".join(c for c in secret if c.isdigit())
    if len(digits) >= 7:
        assert digits[-5:] not in "".join(c for c in out if c.isdigit())


@settings(max_examples=60, deadline=None)
@given(
    before=SAFE_TEXT,
    after=SAFE_TEXT,
    sep=SEPARATOR,
    name=NAMES_ST,
    form=st.sampled_from(["{f} {l}", "{f}", "{l}", "Dr {l}", "{f}'s", "{L}", "{fl}"]),
)
def test_an_embedded_known_name_never_survives(before, after, sep, name, form):
    first, last = name
    written = form.format(f=first, l=last, L=last.upper(), fl=first.lower())
    out = scrub(f"{before}{sep}{written}{sep}{after}", [f"{first} {last}"])
    core = written.removesuffix("'s").casefold()
    assume(core not in (before + after).casefold())
    assert core not in out.casefold()


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=200), names=st.lists(st.text(min_size=1, max_size=12), max_size=3))
def test_scrubbing_is_idempotent(text, names):
    scrubber = Scrubber(names)
    once = scrubber.scrub(text)
    assert scrubber.scrub(once) == once


@settings(max_examples=60, deadline=None)
@given(text=st.text(alphabet=string.printable, max_size=300))
def test_scrubbing_never_breaks_on_odd_text(text):
    out = scrub(text, NAMES)
    assert isinstance(out, str)
