"""Remove what identifies a person from free-text feedback before anyone sees a preview.

A clinician writing "Dr Okafor helped me prepare for my ARCP on 12 March" must
not send the coordinator a name or a date. The scrubber replaces, with the
neutral marker ``[removed]``:

* names it is given (own, partner's, the "never send" list), after Unicode
  folding, split or spelled with look-alike letters (``feedback/names.py``);
* names after a title ("Dr Patel", "Sister O'Brien") and handles ("@amara_ok");
* e-mail addresses (also spelled out: "john dot smith at nhs dot net") and
  URLs (also bare ``nhs.uk``-style domains);
* phone numbers, found by Google's libphonenumber (the ``phonenumbers`` port)
  for the UK and a few other regions, plus any run of 7 or more digits, which
  also covers GMC (7 digits) and NHS numbers (10, often 3-3-4), also when
  written out in words ("seven one two ...") or split by dots and underscores;
* NMC PINs (``12A3456E``), full UK postcodes;
* dates in the usual written forms, clock times, birth years and ages.

It does not cut scores, ratios, grades, ranges and doses ("4/5", "GCS 14/15",
"FY1", "1 in 4", "1:10,000", "2024-2025"). A name it was not given and that
has no title is beyond it: :func:`~mentorpair.feedback.names.undecided` lists
the words the preview should ask the person about. Scrubbing is idempotent
(a fixpoint), so scrubbing the preview again changes nothing.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator

import phonenumbers

from mentorpair.feedback.names import NameMatcher, handle_spans, titled_name_spans

__all__ = ["MARKER", "Scrubber", "scrub"]

MARKER = "[removed]"
#: libphonenumber accepts short numbers for some regions; a year is not a phone number.
MIN_PHONE_DIGITS = 7
#: Regions whose national number formats are also looked for; international
#: numbers (+XX ...) are found whatever the region.
PHONE_REGIONS = ("GB", "IE", "US", "IN", "AU", "DE", "FR", "ES", "IT", "NG", "PK", "ZA")

_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
#: Month names that are also everyday words: lower case they are a date only with a year.
_AMBIGUOUS_MONTHS = {"may", "march", "mar", "jan", "june", "jun"}
_WEEKDAYS = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday)?\.?"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
_FLAGS = re.IGNORECASE | re.UNICODE
_YEAR_RANGE = re.compile(r"(?:19|20)\d\d\s*[-–/]\s*(?:(?:19|20)\d\d|\d\d)")
_DIGIT_SEPARATORS = r"[\s().·•‧∙_-]"
_NUMBER_WORDS = {
    "zero": 1, "oh": 1, "o": 1, "nought": 1, "nil": 1, "one": 1, "two": 1, "three": 1,
    "four": 1, "five": 1, "six": 1, "seven": 1, "eight": 1, "nine": 1, "double": 1,
    "triple": 2, "treble": 2,
}  # fmt: skip
_NUMBER_ALTERNATIVES = "|".join(_NUMBER_WORDS)
_NUMBER_RUN = re.compile(rf"(?<!\w)(?:(?:{_NUMBER_ALTERNATIVES}|\d+)(?:[\s,.-]+|$))+", _FLAGS)


def _always(_: str) -> bool:
    return True


def _not_mixed_case_tld(found: str) -> bool:
    """Refuse "helped.In": a missing space, not a domain (a real one is in one case)."""
    tld = found.rstrip("/").rsplit(".", 1)[-1].split("/")[0]
    return tld.islower() or tld.isupper()


def _one_case(found: str) -> bool:
    """Refuse "FY1 2nd", a year of training: a postcode is written in one case."""
    return found.isupper() or found.islower()


def _real_date(found: str) -> bool:
    """A lower-case "may" or "march" is a verb unless a year comes with it."""
    words = {w.casefold() for w in re.findall(r"[a-z]+", found, re.IGNORECASE)}
    lower = {w for w in re.findall(r"[a-z]+", found)}
    if words & _AMBIGUOUS_MONTHS and lower & _AMBIGUOUS_MONTHS:
        return re.search(_YEAR, found) is not None
    return True


def _day_month(found: str) -> bool:
    """Accept "on 3/5" as a date only if it could be one ("GCS 14/15" cannot)."""
    day, month = (int(n) for n in re.findall(r"\d+", found)[-2:])
    return 1 <= day <= 31 and 1 <= month <= 12


def _age_words(found: str) -> bool:
    """Accept "35 years old" and "a 35-year-old" as ages, not "for 2 years"."""
    return re.search(r"old|y/?o\b", found, re.IGNORECASE) is not None


def _not_a_year_range(found: str) -> bool:
    return _YEAR_RANGE.fullmatch(found.strip()) is None


_PATTERNS: tuple[tuple[re.Pattern[str], Callable[[str], bool]], ...] = tuple(
    (re.compile(p, _FLAGS), check)
    for p, check in (
        # URLs and e-mail addresses first: they contain digits and dots.
        (r"(?:https?|ftp)://\S+|www\.\S+", _always),
        (r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+", _always),
        # Spelled out against harvesters: "john dot smith at nhs dot net", "j [at] nhs [dot] uk".
        (
            r"[\w+'-]+(?:\s*[(\[]?\s*\bdot\b\s*[)\]]?\s*[\w+'-]+|\.[\w+'-]+)*"
            r"\s*[(\[]?\s*\bat\b\s*[)\]]?\s*[\w-]+"
            r"(?:\s*[(\[]?\s*\bdot\b\s*[)\]]?\s*[\w-]+)+",
            _always,
        ),
        (
            r"(?<![\w.@])[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|edu|gov|uk|ac\.uk|nhs\.uk|io|info"
            r"|co|ie|eu|de|fr|us|ca|au|in|me|ly|app|dev)(?:/\S*)?(?![\w-])",
            _not_mixed_case_tld,
        ),
        # NMC PIN: two digits, a letter, four digits, a letter.
        (r"(?<![\w])\d{2}[a-z]\d{4}[a-z](?!\w)", _always),
        # Full UK postcode (BS 7666 shape), with or without the space.
        (
            r"(?<![\w])(?:gir ?0aa|[a-pr-uwyz]"
            r"(?:\d{1,2}|[a-hk-y]\d{1,2}|\d[a-hjkps-uw]|[a-hk-y]\d[a-z])"
            r" ?\d[abd-hjlnp-uw-z]{2})(?!\w)",
            _one_case,
        ),
        # Dates: 12/03/2025, 12-3-25, 12.03.2025, 2025-03-12; "on 3/5" (not a bare 4/5).
        (r"(?<![\w/.:-])\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})(?![\w/-])", _always),
        (
            r"(?<!\w)(?:on|by|from|until|till|since|before|after|due)\s+\d{1,2}/\d{1,2}"
            r"(?![\w/])",
            _day_month,
        ),
        (r"(?<![\w/.-])\d{4}[/.-]\d{1,2}[/.-]\d{1,2}(?![\w/-])", _always),
        # 12 March 2025, 12th of March, (on) the 3rd of May, Tuesday 12 March.
        (
            rf"(?:(?:{_WEEKDAYS}),?\s+)?(?:the\s+)?(?<!\w){_DAY}(?:\s+of)?\s+(?:{_MONTHS})\.?"
            rf"(?:,?\s+{_YEAR})?(?!\w)",
            _real_date,
        ),
        # March 12th, March 12, 2025, Mar 12.
        (
            rf"(?:(?:{_WEEKDAYS}),?\s+)?(?<!\w)(?:{_MONTHS})\.?\s+(?:the\s+)?{_DAY}(?!\w)"
            rf"(?:,?\s+{_YEAR})?",
            _real_date,
        ),
        # March 2025.
        (rf"(?<!\w)(?:{_MONTHS})\.?,?\s+{_YEAR}(?!\w)", _always),
        # Birth years and ages: "born in 1990", "b. 1990", "aged 35", "35 years old".
        (rf"(?<!\w)(?:born(?:\s+in)?(?:\s+the\s+year)?|b\.)\s*{_YEAR}(?!\w)", _always),
        (r"(?<!\w)(?:aged?|i\s+am|i['’]m)\s+\d{1,3}(?!\w|\.\d|%)", _always),
        (r"(?<!\w)\d{1,3}\s*(?:-\s*)?(?:years?|yrs?|y/?o)(?:\s*-?\s*old)?(?!\w)", _age_words),
        # Clock times: 14:30, 9.30am, 3 pm; not a ratio or dose such as 1:10,000.
        (
            r"(?<![\w:.])\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\b\.?)?(?![\w:]|,\d)"
            r"|(?<![\w.])\d{1,2}\s*[ap]\.?m\b\.?",
            _always,
        ),
        # Any 7+ digits, alone or in groups split by spaces, dashes, dots or underscores.
        (rf"(?<!\w)\+?\(?\d(?:{_DIGIT_SEPARATORS}{{0,2}}\d){{6,}}(?!\w)", _not_a_year_range),
    )
)
# A 10-digit NHS number spaced 3-3-4 is matched by the last pattern as well.


class Scrubber:
    """Scrubs text of the given names and of everything pattern-shaped that identifies.

    Attributes:
        names: the names given, as given (for showing the never-send list).
    """

    def __init__(self, names: Iterable[str] = ()) -> None:
        self.names = tuple(n for n in (n.strip() for n in names) if n)
        self._names = NameMatcher(self.names)

    def scrub(self, text: str) -> str:
        """``text`` with every identifying piece replaced by :data:`MARKER`."""
        text = _normalise(text)
        while True:
            scrubbed = MARKER.join(self._scrub_piece(piece) for piece in text.split(MARKER))
            if scrubbed == text:
                return scrubbed
            text = scrubbed

    def _scrub_piece(self, piece: str) -> str:
        spans = sorted(self._spans(piece))
        if not spans:
            return piece
        out: list[str] = []
        last = 0
        for start, end in _merge(spans):
            out.append(piece[last:start])
            out.append(MARKER)
            last = end
        out.append(piece[last:])
        return "".join(out)

    def _spans(self, piece: str) -> Iterator[tuple[int, int]]:
        if not piece.strip():
            return
        for pattern, check in _PATTERNS:
            for match in pattern.finditer(piece):
                if match.end() > match.start() and check(match.group(0)):
                    yield match.span()
        yield from self._names.spans(piece)
        yield from titled_name_spans(piece)
        yield from handle_spans(piece)
        yield from _spelled_number_spans(piece)
        yield from _phone_spans(piece)


def scrub(text: str, names: Iterable[str] = ()) -> str:
    """Scrub ``text`` of ``names`` and of identifiers (see the module docstring)."""
    return Scrubber(names).scrub(text)


def _normalise(text: str) -> str:
    """NFC; format characters dropped, other control characters made spaces.

    Zero-width and other format characters could hide a name from the
    patterns ("Am\u200bara") or make the preview differ from the bytes.
    """
    text = unicodedata.normalize("NFC", text)
    return "".join(_clean_char(c) for c in text)


def _clean_char(char: str) -> str:
    if char in "\n\t":
        return char
    category = unicodedata.category(char)
    if category == "Cf":
        return ""
    return " " if category[0] == "C" else char


def _merge(spans: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    start, end = spans[0]
    for s, e in spans[1:]:
        if s <= end:
            end = max(end, e)
        else:
            yield start, end
            start, end = s, e
    yield start, end


def _spelled_number_spans(piece: str) -> Iterator[tuple[int, int]]:
    """Numbers of 7 or more digits written out: "oh seven seven double oh nine ..."."""
    for match in _NUMBER_RUN.finditer(piece):
        tokens = re.findall(r"[a-z]+|\d+", match.group(0), re.IGNORECASE)
        if not any(t.isalpha() for t in tokens):
            continue  # digits alone are the digit pattern's
        digits = sum(len(t) if t.isdigit() else _NUMBER_WORDS[t.casefold()] for t in tokens)
        if digits >= MIN_PHONE_DIGITS:
            yield (
                match.start(),
                match.end() - (len(match.group(0)) - len(match.group(0).rstrip(" ,.-"))),
            )


def _phone_spans(piece: str) -> Iterator[tuple[int, int]]:
    if sum(c.isdigit() for c in piece) < MIN_PHONE_DIGITS:
        return
    for region in PHONE_REGIONS:
        for match in phonenumbers.PhoneNumberMatcher(
            piece, region, leniency=phonenumbers.Leniency.POSSIBLE
        ):
            # Short matches are years and counts, not phone numbers.
            digits = sum(c.isdigit() for c in match.raw_string)
            if digits >= MIN_PHONE_DIGITS and _not_a_year_range(match.raw_string):
                yield match.start, match.end
