"""The public scheme file (``.mpscheme``): who collects feedback, what they ask, and when.

A coordinator makes one with ``mentorpair coordinator init-scheme`` and hands
it to every pair. It holds nothing secret: the scheme's name, the
coordinator's public key, the reporting periods, the group-size thresholds and
the questions. The format is in ``docs/formats/feedback.md``.

Version 2 adds the scheme's own signing key and a signature over everything
else, so a pair that imported the file once can refuse a copy with a swapped
key or weaker thresholds (:func:`check_replacement`), and optionally names a
*collector*: someone other than the coordinator who receives the files and
passes them on only in batches (``feedback/collector.py``). Version 1 files
(unsigned, no collector) are still read.

The parser is strict (exact fields, sizes, caps) because a pair imports files
that came by e-mail: anything off is refused with a plain message before it
reaches the vault.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import itertools
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from mentorpair.crypto import signing
from mentorpair.crypto.hybrid import PUBLIC_LENGTH
from mentorpair.crypto.random import random_bytes
from mentorpair.crypto.signing import SigningKey
from mentorpair.domain.wording import MONTH_NAMES
from mentorpair.errors import KnownError, MadeByNewerVersion
from mentorpair.feedback.questions import (
    DEFAULT_TEXT_LENGTH,
    MAX_LABEL,
    MAX_QUESTION_TEXT,
    MAX_QUESTIONS,
    MAX_TEXT_TOTAL,
    InvalidScheme,
    Question,
    QuestionType,
    clean_text,
    default_questions,
    is_whole,
    parse_questions,
    string,
    validate_questions,
    whole_number,
)
from mentorpair.storage.oserrors import translate_os_errors

__all__ = [
    "AGGREGATION_BATCH",
    "DEFAULT_MIN_COMMENTS",
    "DEFAULT_MIN_GROUP",
    "DEFAULT_TEXT_LENGTH",
    "FORMAT",
    "MAX_FILE_SIZE",
    "MAX_LABEL",
    "MAX_QUESTIONS",
    "MAX_QUESTION_TEXT",
    "MAX_TEXT_TOTAL",
    "VERSION",
    "Collector",
    "InvalidScheme",
    "Period",
    "Question",
    "QuestionType",
    "Scheme",
    "SchemeReplacementRefused",
    "check_replacement",
    "default_questions",
    "load_scheme",
    "new_scheme",
    "parse_period_spec",
    "parse_questions",
    "parse_scheme",
]

FORMAT = "mentorpair-scheme"
VERSION = 2
#: Signatures over a scheme file start with this purpose string.
SIGNATURE_PURPOSE = b"mentorpair/v2/scheme"
#: The only aggregation mode so far: the collector releases whole files in
#: batches. A later two-party mode (Prio3 under DAP) gets its own name here.
AGGREGATION_BATCH = "batch"
AGGREGATION_MODES = (AGGREGATION_BATCH,)
MAX_COLLECTOR_NAME = 120
MAX_DROP_FOLDER = 500
#: Hex digits of the key code: 80 bits.
KEY_CODE_DIGITS = 20
EXTENSION = ".mpscheme"
#: A real scheme file is a few KiB; anything far larger is refused unread.
MAX_FILE_SIZE = 256 * 1024
DEFAULT_MIN_GROUP = 5
DEFAULT_MIN_COMMENTS = 10
MIN_GROUP_RANGE = (2, 100)
MAX_MIN_COMMENTS = 1000
MAX_NAME = 120
MAX_PERIODS = 20

_TOP_FIELDS = {
    "format",
    "version",
    "scheme_id",
    "name",
    "coordinator_key",
    "periods",
    "min_group",
    "min_comments",
    "questions",
}
_TOP_FIELDS_V2 = _TOP_FIELDS | {"signing_key", "collector", "drop_folder", "signature"}
_COLLECTOR_FIELDS = {"name", "key", "signing_key", "aggregation"}
_PERIOD_FIELDS = {"id", "label", "opens", "closes"}
_SCHEME_ID = re.compile(r"[0-9a-f]{32}")
_PERIOD_ID = re.compile(r"[A-Za-z0-9-]{1,20}")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class SchemeReplacementRefused(KnownError):
    """A scheme file with a known scheme id but another key or weaker protection."""

    default_message = (
        "This scheme file has the same scheme as one you already imported, but it is "
        "signed with a different key or protects answers less, so it was not imported. "
        "It may not come from your coordinator: call them and compare the key code. "
        "Nothing was changed."
    )


@dataclass(frozen=True, slots=True)
class Collector:
    """The person who receives feedback files and releases them only in batches.

    Attributes:
        name: how people see them ("Freedom to Speak Up Guardian").
        key: their hybrid public key (HPKE); the outer layer of a file is sealed to it.
        signing_key: their Ed25519 public key; it signs every batch they release.
        aggregation: how they pass answers on; only ``"batch"`` so far.
    """

    name: str
    key: bytes = field(repr=False)
    signing_key: bytes = field(repr=False)
    aggregation: str = AGGREGATION_BATCH

    def to_json(self) -> dict[str, Any]:
        """The collector as it stands in the scheme file."""
        return {
            "name": self.name,
            "key": _b64(self.key),
            "signing_key": _b64(self.signing_key),
            "aggregation": {"mode": self.aggregation},
        }


@dataclass(frozen=True, slots=True)
class Period:
    """A reporting period; answers are collected from ``opens`` to ``closes`` inclusive."""

    period_id: str
    label: str
    opens: date
    closes: date

    def is_open(self, today: date) -> bool:
        """Whether the scheme collects answers for this period on ``today``."""
        return self.opens <= today <= self.closes

    def to_json(self) -> dict[str, str]:
        """The period as it stands in the scheme file."""
        return {
            "id": self.period_id,
            "label": self.label,
            "opens": self.opens.isoformat(),
            "closes": self.closes.isoformat(),
        }


@dataclass(frozen=True, slots=True)
class Scheme:
    """A parsed, validated scheme file.

    Attributes:
        scheme_id: 32 lower-case hex characters, random when the scheme was made.
        coordinator_key: the coordinator's hybrid public key (1216 bytes).
        min_group: scores are reported only for groups at least this large.
        min_comments: comments are reported only when at least this many people wrote one.
        version: 1 (unsigned, no collector) or 2.
        signing_key: the scheme's Ed25519 public key (version 2; empty in version 1).
        collector: who receives the files, if the scheme names one.
        drop_folder: a folder the scheme asks people to put files in ("" if none).
        signature: over every other field (version 2; empty in version 1).
    """

    scheme_id: str
    name: str
    coordinator_key: bytes = field(repr=False)
    periods: tuple[Period, ...]
    min_group: int
    min_comments: int
    questions: tuple[Question, ...]
    version: int = 1
    signing_key: bytes = field(default=b"", repr=False)
    collector: Collector | None = None
    drop_folder: str = ""
    signature: bytes = field(default=b"", repr=False)

    def open_period(self, today: date) -> Period | None:
        """The period collecting answers on ``today``, if any (periods never overlap)."""
        return next((p for p in self.periods if p.is_open(today)), None)

    def period(self, period_id: str) -> Period | None:
        """The period with this id, if the scheme has one."""
        return next((p for p in self.periods if p.period_id == period_id), None)

    def question(self, question_id: str) -> Question | None:
        """The question with this id, if the scheme has one."""
        return next((q for q in self.questions if q.question_id == question_id), None)

    def key_code(self) -> str:
        """A code for the scheme's key, to compare by phone ("3F9A-12C4-7B0E-55D1-A0C2").

        80 bits (20 hex digits): finding another key with the same code costs
        about 2^80 tries. In version 2 it is the signing key's, which vouches
        for everything else in the file; in version 1 the coordinator's key
        (the first 12 digits are what older versions showed).
        """
        if self.signing_key:
            digest = hashlib.sha256(b"mentorpair/v2/key-code\0" + self.signing_key).hexdigest()
        else:
            digest = hashlib.sha256(self.coordinator_key).hexdigest()
        code = digest[:KEY_CODE_DIGITS].upper()
        return "-".join(code[i : i + 4] for i in range(0, KEY_CODE_DIGITS, 4))

    def pinned_key(self) -> bytes:
        """The key a pair remembers on first import: the signing key, else the coordinator's."""
        return self.signing_key or self.coordinator_key

    def _document(self) -> dict[str, Any]:
        doc: dict[str, Any] = {
            "format": FORMAT,
            "version": self.version,
            "scheme_id": self.scheme_id,
            "name": self.name,
            "coordinator_key": _b64(self.coordinator_key),
            "periods": [p.to_json() for p in self.periods],
            "min_group": self.min_group,
            "min_comments": self.min_comments,
            "questions": [q.to_json() for q in self.questions],
        }
        if self.version >= 2:
            doc["signing_key"] = _b64(self.signing_key)
            doc["collector"] = None if self.collector is None else self.collector.to_json()
            doc["drop_folder"] = self.drop_folder or None
        return doc

    def signed_bytes(self) -> bytes:
        """What the signature covers: every field but the signature, canonical JSON."""
        return _canonical(self._document())

    def to_json(self) -> str:
        """The scheme file's text (UTF-8 JSON)."""
        doc = self._document()
        if self.version >= 2:
            doc["signature"] = _b64(self.signature)
        return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def new_scheme(
    name: str,
    coordinator_key: bytes,
    periods: Sequence[Period],
    questions: Sequence[Question] | None = None,
    min_group: int = DEFAULT_MIN_GROUP,
    min_comments: int = DEFAULT_MIN_COMMENTS,
    *,
    signer: SigningKey | None = None,
    collector: Collector | None = None,
    drop_folder: str = "",
) -> Scheme:
    """A new scheme with a random id, checked by the same rules as an imported file.

    With ``signer`` the scheme is version 2 and signed; without, it is an
    unsigned version 1 scheme (no collector, no drop folder), as older
    versions made.

    Raises:
        InvalidScheme: a setting is out of range; the message says which.
    """
    if signer is None and (collector is not None or drop_folder):
        raise ValueError("a collector or drop folder needs a signed (version 2) scheme")
    scheme = Scheme(
        scheme_id=random_bytes(16).hex(),
        name=name.strip(),
        coordinator_key=coordinator_key,
        periods=tuple(periods),
        min_group=min_group,
        min_comments=min_comments,
        questions=tuple(default_questions() if questions is None else questions),
        version=1 if signer is None else VERSION,
        signing_key=b"" if signer is None else signer.public_bytes(),
        collector=collector,
        drop_folder=drop_folder.strip(),
    )
    if signer is not None:
        scheme = replace(scheme, signature=signer.sign(SIGNATURE_PURPOSE, scheme.signed_bytes()))
    _validate(scheme)
    return scheme


def check_replacement(known: Scheme, new: Scheme) -> None:
    """Refuse a re-imported scheme file that does not come from the same key or protects less.

    The first import pins the key (:meth:`Scheme.pinned_key`); a version 1
    file may be replaced by a version 2 file with the same coordinator key
    (that is how a scheme moves to signed files), never the other way round.
    A collector once named cannot be removed or swapped, and the thresholds
    may only rise.

    Raises:
        SchemeReplacementRefused: with a plain warning.
    """
    if known.scheme_id != new.scheme_id:
        raise ValueError("not the same scheme")
    same_key = known.pinned_key() == new.pinned_key() or (
        known.version == 1 and new.version >= 2 and known.coordinator_key == new.coordinator_key
    )
    if not same_key or new.version < known.version:
        raise SchemeReplacementRefused()
    if new.min_group < known.min_group or new.min_comments < known.min_comments:
        raise SchemeReplacementRefused(
            "This scheme file would show the coordinator smaller groups than the copy you "
            "already imported, so it was not imported. Please ask your coordinator about it. "
            "Nothing was changed."
        )
    if known.collector is not None and (
        new.collector is None
        or (new.collector.key, new.collector.signing_key)
        != (known.collector.key, known.collector.signing_key)
    ):
        raise SchemeReplacementRefused(
            "This scheme file no longer sends feedback through the same collector as the "
            "copy you already imported, so it was not imported. Please ask your coordinator "
            "about it. Nothing was changed."
        )


# ----------------------------------------------------------------- parsing
def load_scheme(path: Path) -> Scheme:
    """Read and check a scheme file, refusing an oversized one before reading it.

    Raises:
        InvalidScheme, MadeByNewerVersion, NotFound, PermissionDenied, DiskError.
    """
    with translate_os_errors():
        if path.stat().st_size > MAX_FILE_SIZE:
            raise InvalidScheme()
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_SIZE + 1)
    if len(data) > MAX_FILE_SIZE:
        raise InvalidScheme()
    return parse_scheme(data)


def parse_scheme(data: bytes | str) -> Scheme:
    """Parse the scheme file's text.

    Raises:
        MadeByNewerVersion: the file's version is above ours.
        InvalidScheme: anything else is off.
    """
    if isinstance(data, bytes):
        if len(data) > MAX_FILE_SIZE:
            raise InvalidScheme()
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError:
            raise InvalidScheme() from None
    try:
        doc = json.loads(data)
    except (ValueError, RecursionError):
        raise InvalidScheme() from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise InvalidScheme()
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise InvalidScheme()
    if version > VERSION:
        raise MadeByNewerVersion(
            "This scheme file was made by a newer version of mentorpair. Please update "
            "the app to use it."
        )
    if set(doc) != (_TOP_FIELDS if version == 1 else _TOP_FIELDS_V2):
        raise InvalidScheme()
    try:
        key = _unb64(doc["coordinator_key"])
        periods = doc["periods"]
        questions = doc["questions"]
        if not isinstance(periods, list) or not isinstance(questions, list):
            raise InvalidScheme()
        scheme = Scheme(
            scheme_id=string(doc["scheme_id"]),
            name=string(doc["name"]),
            coordinator_key=key,
            periods=tuple(_period(p) for p in periods[: MAX_PERIODS + 1]),
            min_group=whole_number(doc["min_group"]),
            min_comments=whole_number(doc["min_comments"]),
            questions=parse_questions(questions),
            version=version,
        )
        if version >= 2:
            drop = doc["drop_folder"]
            scheme = replace(
                scheme,
                signing_key=_unb64(doc["signing_key"]),
                collector=None if doc["collector"] is None else _collector(doc["collector"]),
                drop_folder="" if drop is None else string(drop),
                signature=_unb64(doc["signature"]),
            )
    except (TypeError, ValueError, KeyError, binascii.Error):
        raise InvalidScheme() from None
    _validate(scheme)
    if version >= 2 and not signing.verify(
        scheme.signing_key, SIGNATURE_PURPOSE, scheme.signed_bytes(), scheme.signature
    ):
        raise InvalidScheme(
            "This scheme file was changed after the coordinator made it, so it was not "
            "imported. Please ask the scheme's coordinator to send it again."
        )
    return scheme


def parse_period_spec(spec: str) -> Period:
    """A period from ``ID:OPENS:CLOSES`` (dates as YYYY-MM-DD), as init-scheme takes it.

    The label is made from the dates ("1 July 2026 to 31 December 2026").

    Raises:
        InvalidScheme: not in that form.
    """
    parts = spec.split(":")
    if len(parts) != 3 or not _PERIOD_ID.fullmatch(parts[0]):
        raise InvalidScheme(
            "A period must look like ID:OPENS:CLOSES, for example 2026-H2:2026-07-01:2026-12-31."
        )
    try:
        opens, closes = _date(parts[1]), _date(parts[2])
    except ValueError:
        raise InvalidScheme("A period's dates must be written as YYYY-MM-DD.") from None
    label = f"{_long_date(opens)} to {_long_date(closes)}"
    return Period(parts[0], label, opens, closes)


def _collector(item: object) -> Collector:
    if not isinstance(item, dict) or set(item) != _COLLECTOR_FIELDS:
        raise ValueError("collector fields")
    aggregation = item["aggregation"]
    if not isinstance(aggregation, dict) or set(aggregation) != {"mode"}:
        raise ValueError("aggregation")
    return Collector(
        name=string(item["name"]),
        key=_unb64(item["key"]),
        signing_key=_unb64(item["signing_key"]),
        aggregation=string(aggregation["mode"]),
    )


def _period(item: object) -> Period:
    if not isinstance(item, dict) or set(item) != _PERIOD_FIELDS:
        raise ValueError("period fields")
    return Period(
        period_id=string(item["id"]),
        label=string(item["label"]),
        opens=_date(item["opens"]),
        closes=_date(item["closes"]),
    )


# ----------------------------------------------------------------- rules
def _validate(scheme: Scheme) -> None:
    """Every rule a scheme must meet, imported or newly made."""
    if not _SCHEME_ID.fullmatch(scheme.scheme_id) or len(scheme.coordinator_key) != PUBLIC_LENGTH:
        raise InvalidScheme()
    _validate_version_2(scheme)
    if not clean_text(scheme.name, MAX_NAME):
        raise InvalidScheme(f"The scheme's name must be 1 to {MAX_NAME} characters on one line.")
    low, high = MIN_GROUP_RANGE
    if not (is_whole(scheme.min_group) and low <= scheme.min_group <= high):
        raise InvalidScheme(f"The smallest group size must be between {low} and {high}.")
    if not (
        is_whole(scheme.min_comments)
        and scheme.min_group <= scheme.min_comments <= MAX_MIN_COMMENTS
    ):
        raise InvalidScheme(
            "The smallest number of comments to show must be at least the smallest group size."
        )
    _validate_periods(scheme.periods)
    validate_questions(scheme.questions)


def _validate_version_2(scheme: Scheme) -> None:
    if scheme.version == 1:
        if scheme.signing_key or scheme.signature or scheme.collector or scheme.drop_folder:
            raise InvalidScheme()
        return
    if len(scheme.signing_key) != signing.PUBLIC_LENGTH or len(scheme.signature) not in (
        0,
        signing.SIGNATURE_LENGTH,
    ):
        raise InvalidScheme()
    if scheme.drop_folder and not clean_text(scheme.drop_folder, MAX_DROP_FOLDER):
        raise InvalidScheme(
            f"The drop folder must be written on one line, up to {MAX_DROP_FOLDER} characters."
        )
    collector = scheme.collector
    if collector is None:
        return
    if collector.aggregation not in AGGREGATION_MODES:
        # A mode we do not know yet is a newer scheme, not a damaged one.
        raise MadeByNewerVersion(
            "This scheme file was made by a newer version of mentorpair. Please update "
            "the app to use it."
        )
    if (
        len(collector.key) != PUBLIC_LENGTH
        or len(collector.signing_key) != signing.PUBLIC_LENGTH
        or not clean_text(collector.name, MAX_COLLECTOR_NAME)
    ):
        raise InvalidScheme()
    if collector.key == scheme.coordinator_key or collector.signing_key == scheme.signing_key:
        raise InvalidScheme(
            "The collector must be someone other than the coordinator, with keys of their own."
        )


def _validate_periods(periods: Iterable[Period]) -> None:
    ordered = sorted(periods, key=lambda p: p.opens)
    if not 1 <= len(ordered) <= MAX_PERIODS:
        raise InvalidScheme(f"A scheme needs 1 to {MAX_PERIODS} periods.")
    if len({p.period_id for p in ordered}) != len(ordered):
        raise InvalidScheme("Two periods have the same id.")
    for period in ordered:
        if not _PERIOD_ID.fullmatch(period.period_id) or not clean_text(period.label, MAX_LABEL):
            raise InvalidScheme(
                "A period's id may use only letters, digits and dashes (up to 20), "
                f"and its label must be 1 to {MAX_LABEL} characters."
            )
        if period.closes < period.opens:
            raise InvalidScheme("A period cannot close before it opens.")
    for before, after in itertools.pairwise(ordered):
        if after.opens <= before.closes:
            raise InvalidScheme("Two periods overlap; each day may belong to one period only.")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(value: object) -> bytes:
    return base64.b64decode(string(value), validate=True)


def _canonical(doc: dict[str, Any]) -> bytes:
    return json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def _date(value: object) -> date:
    text = string(value)
    if not _ISO_DATE.fullmatch(text):
        raise ValueError("expected YYYY-MM-DD")
    return date.fromisoformat(text)


def _long_date(day: date) -> str:
    # Fixed English, not strftime: the label goes into a file others read.
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"
