"""Names in free text: the ones the vault knows, titled ones, handles, and words to ask about.

Known names (own, partner's, never-send list) are matched on a *folded* copy
of the text: NFKC, format characters (zero-width spaces, soft hyphens,
direction marks) dropped, case folded, accents removed, and look-alike
letters from Cyrillic and Greek mapped to the Latin ones they imitate
("Аmara" with a Cyrillic А). Letters of a name may be split by one
separator each ("R a j e s h", "Raj-esh") and the words of a full name by
any or none ("Amelia_Hart", "#AmeliaHart"). Every folded character remembers
where it came from, so what is removed is the original text.

Names the vault does not know are caught only by their shape: after a title
("Dr Patel", "Sister O'Brien", "Mr Jonah Whitcombe") or as a handle
("@amara_ok"). Everything else is the person's call: :func:`undecided`
lists capitalised words that are neither at a sentence start nor common
English words, for the preview to ask "might be a name — remove?".
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator

__all__ = ["NameMatcher", "fold", "handle_spans", "titled_name_spans", "undecided"]

#: Titles and joining words that alone identify nobody.
NAME_NOISE = {
    "dr", "doctor", "prof", "professor", "mr", "mrs", "ms", "miss", "mx", "sir", "dame",
    "rev", "the", "and", "of", "van", "von", "de", "da", "del", "la", "le", "di", "bin", "al",
}  # fmt: skip
#: Name parts that are also common English words: removed only when capitalised.
COMMON_NAME_WORDS = {
    "will", "may", "rose", "hope", "grace", "joy", "faith", "young", "long", "king", "bishop",
    "page", "rich", "mark", "bill", "art", "summer", "dawn", "jack", "frank", "sunny", "ray",
    "guy", "pat", "gene", "love", "brown", "green", "white", "black", "hall", "wood", "hill",
    "moss", "stone", "bird", "fox", "wolf", "lamb", "bell", "cook", "baker", "mason", "carter",
    "hunter", "fisher", "price", "rice", "lane", "field", "banks", "day", "north", "west",
    "south", "east", "ward", "park", "chase", "star", "sky", "june", "april", "august", "sue",
    "don", "ben", "rob", "max", "amber", "ruby", "ivy", "holly", "heather", "iris", "lily",
    "victor", "major", "noble", "hardy", "sharp", "wise", "good", "best", "strong", "swift",
}  # fmt: skip
#: Letters that look like Latin ones (Unicode's confusables, the common part).
CONFUSABLES = str.maketrans(
    "АВЕЅІЈКМНОРСТХУаеорсхуіјѕԁһӏкмтвнΑΒΕΖΗΙΚΜΝΟΡΤΥΧαοριεκντυχ",
    "abesijkmhopctxyaeopcxyijsdhlkmtbhabezhikmnoptyxaopiekvtux",
)
_TITLES = (
    r"dr|doctor|mr|mrs|ms|miss|mx|mister|prof|professor|sister|sr|nurse|matron|sir|dame"
    r"|rev|reverend|father|fr|consultant|registrar|midwife"
)
#: After these a lower-case word is taken for a name too ("dr patel").
_STRONG_TITLES = {"dr", "mr", "mrs", "ms", "mx", "prof", "mister", "doctor", "professor"}
#: Titles written short with a full stop ("Dr."); after any other word a stop ends a sentence.
_ABBREVIATED = {"dr", "mr", "mrs", "ms", "mx", "prof", "sr", "fr", "rev"}
_NAME_WORD = r"(?:O['’]|Mc|Mac|D['’])?[A-Z][\w'’]*(?:-[A-Z][\w'’]*)?"
_TITLED = re.compile(
    rf"(?<![\w])(?i:(?P<title>{_TITLES}))(?P<dot>\.\s*|\s+)"
    rf"(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}}|(?P<lower>[a-z][a-z'’-]+))"
)
_HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_](?:[\w.]*\w)?")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def fold(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each of its characters, the index it came from in ``text``."""
    out: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        if unicodedata.category(char) == "Cf":
            continue
        for part in unicodedata.normalize("NFKD", char.translate(CONFUSABLES)):
            if unicodedata.combining(part):
                continue
            for folded in part.casefold().translate(CONFUSABLES):
                out.append(folded)
                origin.append(index)
    return "".join(out), origin


def _fold_only(text: str) -> str:
    return fold(text)[0]


class NameMatcher:
    """Finds the names it was given, however they are spelled out, split or disguised."""

    def __init__(self, names: Iterable[str]) -> None:
        variants = sorted(_variants(names), key=len, reverse=True)
        self._pattern = _pattern(variants) if variants else None

    def spans(self, text: str) -> Iterator[tuple[int, int]]:
        """Where the names are in ``text`` (original indexes, end exclusive)."""
        if self._pattern is None:
            return
        folded, origin = fold(text)
        for match in self._pattern.finditer(folded):
            start, end = origin[match.start()], origin[match.end() - 1] + 1
            if _counts(text[start:end]):
                yield start, end


def _variants(names: Iterable[str]) -> set[str]:
    """Each full name and its parts that identify on their own, folded."""
    found: set[str] = set()
    for name in names:
        words = _fold_only(name).split()
        if not words:
            continue
        found.add(" ".join(words))
        parts = [w.strip(".,") for w in words if w.strip(".") not in NAME_NOISE]
        for part in parts:
            if len(part) >= 2:
                found.add(part)
            found.update(p for p in re.split(r"[-'’]", part) if len(p) >= 3)
        if len(parts) > 1:
            found.add(" ".join(parts))
    return {v for v in found if re.search(r"\w", v)}


def _pattern(variants: list[str]) -> re.Pattern[str]:
    def word(w: str) -> str:
        # Letters may be split by one separator each: "r a j e s h", "raj-esh".
        letters = [re.escape(c) for c in re.sub(r"['’\-]", "", w)]
        return r"[\W_]?".join(letters)

    alternatives = "|".join(r"[\W_]*".join(word(w) for w in v.split()) for v in variants)
    # Not inside a longer word; a possessive goes with the name ("amara's").
    return re.compile(rf"(?<![^\W_])(?:{alternatives})(?:['’]s?)?(?![^\W_])")


def _counts(found: str) -> bool:
    """A common-word part ("Will", "Rose") counts only when written with a capital."""
    core = re.sub(r"['’]s?$", "", found)
    if _fold_only(core) in COMMON_NAME_WORDS:
        return core[:1].isupper()
    return True


def titled_name_spans(text: str) -> Iterator[tuple[int, int]]:
    """Names after a title ("Dr Patel", "Mr Jonah Whitcombe"); the title itself stays."""
    for match in _TITLED.finditer(text):
        title = match.group("title").casefold()
        if "." in match.group("dot") and title not in _ABBREVIATED:
            continue
        if match.group("lower") is not None:
            word = match.group("lower")
            if title not in _STRONG_TITLES or _is_common(word):
                continue
        yield match.span("name")


def handle_spans(text: str) -> Iterator[tuple[int, int]]:
    """Social-media handles such as "@amara_ok"."""
    for match in _HANDLE.finditer(text):
        yield match.span()


def undecided(text: str) -> list[tuple[int, int]]:
    """Capitalised words that might be names: not at a sentence start, not common words.

    Words in capitals (ARCP, GP) are acronyms, and "I" is not a name; the
    scrubber's ``[removed]`` is lower case, so it is never offered.
    """
    found = []
    for match in _WORD.finditer(text):
        word = match.group(0).rstrip("'’-")
        if not word[:1].isupper() or (word.isupper() and len(word) > 1) or word == "I":
            continue
        if _sentence_start(text, match.start()) or _is_common(re.sub(r"['’]s$", "", word)):
            continue
        found.append((match.start(), match.start() + len(word)))
    return found


def _sentence_start(text: str, index: int) -> bool:
    before = text[:index].rstrip(" \t\"'‘“(•*-")
    return not before or before[-1] in ".!?:\n"


#: How far down each frequency list a word still counts as common English. Deeper
#: ranks hold many given names ("zainab" is 22,733th on Wikipedia).
_COMMON_RANKS = {"english_wikipedia": 15_000, "us_tv_and_film": 10_000}
_CALENDAR = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december",
}  # fmt: skip


@functools.cache
def _common_words() -> frozenset[str]:
    # zxcvbn's lists: the most frequent words of English Wikipedia and of film
    # and TV subtitles (given names and surnames are in lists of their own).
    from zxcvbn.frequency_lists import FREQUENCY_LISTS

    words = set(_CALENDAR)
    for name, depth in _COMMON_RANKS.items():
        words.update(FREQUENCY_LISTS[name][:depth])
    return frozenset(words)


def _is_common(word: str) -> bool:
    return _fold_only(word) in _common_words()
