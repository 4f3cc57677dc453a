"""Remove what identifies a person from free-text feedback before anyone sees a preview.

A clinician writing "Dr Okafor helped me prepare for my ARCP on 12 March" must
not send the coordinator a name or a date. The scrubber replaces, with the
neutral marker ``[removed]``:

* names it is given (own, partner's, the "never send" list), case-insensitively,
  with possessives ("Amara's") and the sensible parts of a longer name;
* e-mail addresses (also spelled out: "jane at nhs dot net") and URLs (also
  bare ``nhs.uk``-style domains);
* phone numbers, found by Google's libphonenumber (the ``phonenumbers`` port)
  for the UK and a few other regions, plus any run of 7 or more digits, which
  also covers GMC (7 digits) and NHS numbers (10, often 3-3-4);
* NMC PINs (``12A3456E``), full UK postcodes;
* dates in the usual written forms and clock times.

It errs on the side of removing too much: a lost word in a comment costs
little, a leaked name costs trust. Scrubbing is idempotent (a fixpoint), so
scrubbing the preview again changes nothing.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator

import phonenumbers

__all__ = ["MARKER", "Scrubber", "scrub"]

MARKER = "[removed]"
#: libphonenumber accepts short numbers for some regions; a year is not a phone number.
MIN_PHONE_DIGITS = 7
#: Regions whose national number formats are also looked for; international
#: numbers (+XX ...) are found whatever the region.
PHONE_REGIONS = ("GB", "IE", "US", "IN", "AU", "DE", "FR", "ES", "IT", "NG", "PK", "ZA")
#: Titles and joining words that alone identify nobody.
_NAME_NOISE = {
    "dr", "doctor", "prof", "professor", "mr", "mrs", "ms", "miss", "mx", "sir", "dame",
    "rev", "the", "and", "of", "van", "von", "de", "da", "del", "la", "le", "di", "bin", "al",
}  # fmt: skip
#: Name parts that are also common English words: removed only when capitalised.
_COMMON_WORDS = {
    "will", "may", "rose", "hope", "grace", "joy", "faith", "young", "long", "king", "bishop",
    "page", "rich", "mark", "bill", "art", "summer", "dawn", "jack", "frank", "sunny", "ray",
    "guy", "pat", "gene", "love", "brown", "green", "white", "black", "hall", "wood", "hill",
    "moss", "stone", "bird", "fox", "wolf", "lamb", "bell", "cook", "baker", "mason", "carter",
    "hunter", "fisher", "price", "rice", "lane", "field", "banks", "day", "north", "west",
    "south", "east", "ward", "park", "chase", "star", "sky", "june", "april", "august", "sue",
    "don", "ben", "rob", "max", "amber", "ruby", "ivy", "holly", "heather", "iris", "lily",
    "victor", "major", "noble", "hardy", "sharp", "wise", "good", "best", "strong", "swift",
}  # fmt: skip

_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_WEEKDAYS = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday)?\.?"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
_FLAGS = re.IGNORECASE | re.UNICODE

_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, _FLAGS)
    for p in (
        # URLs and e-mail addresses first: they contain digits and dots.
        r"(?:https?|ftp)://\S+|www\.\S+",
        r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+",
        # Spelled out against harvesters: "jane.smith at nhs dot net", "j [at] nhs [dot] uk".
        r"[\w.+'-]+\s*[(\[]?\s*\bat\b\s*[)\]]?\s*[\w-]+"
        r"(?:\s*[(\[]?\s*\bdot\b\s*[)\]]?\s*[\w-]+)+",
        r"(?<![\w.@])[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|edu|gov|uk|ac\.uk|nhs\.uk|io|info|co"
        r"|ie|eu|de|fr|us|ca|au|in|me|ly|app|dev)(?:/\S*)?(?![\w-])",
        # NMC PIN: two digits, a letter, four digits, a letter.
        r"(?<![\w])\d{2}[a-z]\d{4}[a-z](?!\w)",
        # Full UK postcode (BS 7666 shape), with or without the space.
        r"(?<![\w])(?:gir ?0aa|[a-pr-uwyz]"
        r"(?:\d{1,2}|[a-hk-y]\d{1,2}|\d[a-hjkps-uw]|[a-hk-y]\d[a-z])"
        r" ?\d[abd-hjlnp-uw-z]{2})(?!\w)",
        # Dates: 12/03/2025, 12-3-25, 12.03.2025, 3/5 (day and month), 2025-03-12.
        r"(?<![\w/.-])\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})(?![\w/-])",
        r"(?<![\w/.-])\d{1,2}/\d{1,2}(?![\w/])",
        r"(?<![\w/.-])\d{4}[/.-]\d{1,2}[/.-]\d{1,2}(?![\w/-])",
        # 12 March 2025, 12th of March, (on) the 3rd of May, Tuesday 12 March.
        rf"(?:(?:{_WEEKDAYS}),?\s+)?(?:the\s+)?(?<!\w){_DAY}(?:\s+of)?\s+(?:{_MONTHS})\.?"
        rf"(?:,?\s+{_YEAR})?(?!\w)",
        # March 12th, March 12, 2025, Mar 12.
        rf"(?:(?:{_WEEKDAYS}),?\s+)?(?<!\w)(?:{_MONTHS})\.?\s+(?:the\s+)?{_DAY}(?!\w)(?:,?\s+{_YEAR})?",
        # March 2025.
        rf"(?<!\w)(?:{_MONTHS})\.?,?\s+{_YEAR}(?!\w)",
        # Clock times: 14:30, 9.30am, 3 pm.
        r"(?<![\w:.])\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\b\.?)?(?![\w:])|(?<![\w.])\d{1,2}\s*[ap]\.?m\b\.?",
        # Any 7+ digits, alone or in spaced/dashed groups: GMC, NHS, phone, staff numbers.
        r"(?<!\w)\+?\(?\d(?:[\s().-]{0,2}\d){6,}(?!\w)",
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
        self._name_pattern = _name_pattern(self.names)

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
        for pattern in _PATTERNS:
            for match in pattern.finditer(piece):
                if match.end() > match.start():
                    yield match.span()
        if self._name_pattern is not None:
            for match in self._name_pattern.finditer(piece):
                if _name_hit(match.group(0)):
                    yield match.span()
        yield from _phone_spans(piece)


def scrub(text: str, names: Iterable[str] = ()) -> str:
    """Scrub ``text`` of ``names`` and of identifiers (see the module docstring)."""
    return Scrubber(names).scrub(text)


def _normalise(text: str) -> str:
    """NFC, and control characters (other than line breaks and tabs) made spaces.

    Control characters could hide a name from the patterns ("Am\u200bara") or
    make the preview differ from the bytes; zero-width characters go too.
    """
    text = unicodedata.normalize("NFC", text)
    return "".join(
        c if c in "\n\t" or unicodedata.category(c)[0] != "C" else ("" if c in _ZERO_WIDTH else " ")
        for c in text
    )


_ZERO_WIDTH = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"}


def _merge(spans: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    start, end = spans[0]
    for s, e in spans[1:]:
        if s <= end:
            end = max(end, e)
        else:
            yield start, end
            start, end = s, e
    yield start, end


def _phone_spans(piece: str) -> Iterator[tuple[int, int]]:
    if sum(c.isdigit() for c in piece) < MIN_PHONE_DIGITS:
        return
    for region in PHONE_REGIONS:
        for match in phonenumbers.PhoneNumberMatcher(
            piece, region, leniency=phonenumbers.Leniency.POSSIBLE
        ):
            # Short matches are years and counts, not phone numbers.
            if sum(c.isdigit() for c in match.raw_string) >= MIN_PHONE_DIGITS:
                yield match.start, match.end


# ----------------------------------------------------------------- names
def _name_variants(names: Iterable[str]) -> set[str]:
    """Each full name, its accent-free form, and its parts that identify on their own."""
    variants: set[str] = set()
    for name in names:
        for form in {unicodedata.normalize("NFC", name), _strip_accents(name)}:
            words = form.split()
            if not words:
                continue
            variants.add(" ".join(words))
            parts = [w for w in words if w.casefold().strip(".") not in _NAME_NOISE]
            for part in parts:
                part = part.strip(".,")
                if len(part) >= 2:
                    variants.add(part)
                variants.update(p for p in re.split(r"[-'’]", part) if len(p) >= 3)
                if re.search(r"['’-]", part):
                    variants.add(re.sub(r"['’-]", "", part))  # "O'Neill" typed as "ONeill"
            if len(parts) > 1:
                variants.add(" ".join(parts))
    return variants


def _name_pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    variants = sorted(_name_variants(names), key=len, reverse=True)
    if not variants:
        return None
    alternatives = "|".join(
        r"\s+".join(re.escape(w).replace("'", "['’]") for w in v.split()) for v in variants
    )
    # Whole words only, and a possessive goes with the name: "Amara's", "James'".
    return re.compile(rf"(?<!\w)(?:{alternatives})(?:['’]s?)?(?!\w)", _FLAGS)


def _name_hit(found: str) -> bool:
    """A common-word part ("Will", "Rose") counts only when written with a capital."""
    core = re.sub(r"['’]s?$", "", found)
    if core.casefold() in _COMMON_WORDS:
        return core[:1].isupper()
    return True


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )
