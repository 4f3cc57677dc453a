"""The public scheme file (``.mpscheme``): who collects feedback, what they ask, and when.

A coordinator makes one with ``mentorpair coordinator init-scheme`` and hands
it to every pair. It holds nothing secret: the scheme's name, the
coordinator's public key, the reporting periods, the group-size thresholds and
the questions. The format is in ``docs/formats/feedback.md``.

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
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

from mentorpair.crypto.hybrid import PUBLIC_LENGTH
from mentorpair.crypto.random import random_bytes
from mentorpair.errors import CorruptFile, MadeByNewerVersion
from mentorpair.storage.oserrors import translate_os_errors

__all__ = [
    "DEFAULT_MIN_COMMENTS",
    "DEFAULT_MIN_GROUP",
    "FORMAT",
    "MAX_FILE_SIZE",
    "MAX_TEXT_TOTAL",
    "VERSION",
    "InvalidScheme",
    "Period",
    "Question",
    "QuestionType",
    "Scheme",
    "default_questions",
    "load_scheme",
    "new_scheme",
    "parse_period_spec",
    "parse_questions",
    "parse_scheme",
]

FORMAT = "mentorpair-scheme"
VERSION = 1
EXTENSION = ".mpscheme"
#: A real scheme file is a few KiB; anything far larger is refused unread.
MAX_FILE_SIZE = 256 * 1024
DEFAULT_MIN_GROUP = 5
DEFAULT_MIN_COMMENTS = 10
MIN_GROUP_RANGE = (2, 100)
MAX_MIN_COMMENTS = 1000
MAX_NAME = 120
MAX_PERIODS = 20
MAX_QUESTIONS = 30
MAX_QUESTION_TEXT = 500
MAX_LABEL = 100
MAX_OPTIONS = 11
DEFAULT_TEXT_LENGTH = 1000
MAX_TEXT_LENGTH = 2000
#: All free-text answers together; at 4 UTF-8 bytes a character they still
#: fit the fixed-size feedback file with room for the rest.
MAX_TEXT_TOTAL = 3000

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
_PERIOD_FIELDS = {"id", "label", "opens", "closes"}
_SCHEME_ID = re.compile(r"[0-9a-f]{32}")
_PERIOD_ID = re.compile(r"[A-Za-z0-9-]{1,20}")
_QUESTION_ID = re.compile(r"[a-z0-9_]{1,40}")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class InvalidScheme(CorruptFile):
    """The scheme file or a scheme setting is not usable; the message says why."""

    default_message = (
        "This scheme file is damaged or is not a mentorpair scheme file, so it was not "
        "imported. Please ask the scheme's coordinator to send it again."
    )


class QuestionType(StrEnum):
    """The kinds of question a scheme can ask."""

    LIKERT = "likert"  # an agreement scale, answered as an index into ``options``
    CHOICE = "choice"  # one of ``options``
    TEXT = "text"  # free text, scrubbed before it leaves


@dataclass(frozen=True, slots=True)
class Question:
    """One question; every question is optional to answer.

    Attributes:
        options: the scale (likert) or the choices (choice); empty for text.
        max_length: characters allowed in a text answer; 0 for other types.
    """

    question_id: str
    type: QuestionType
    text: str
    options: tuple[str, ...] = ()
    max_length: int = 0

    def to_json(self) -> dict[str, Any]:
        """The question as it stands in the scheme file."""
        doc: dict[str, Any] = {"id": self.question_id, "type": self.type.value, "text": self.text}
        if self.type is QuestionType.LIKERT:
            doc["scale"] = list(self.options)
        elif self.type is QuestionType.CHOICE:
            doc["options"] = list(self.options)
        else:
            doc["max_length"] = self.max_length
        return doc


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
    """

    scheme_id: str
    name: str
    coordinator_key: bytes = field(repr=False)
    periods: tuple[Period, ...]
    min_group: int
    min_comments: int
    questions: tuple[Question, ...]

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
        """A short code for the coordinator's key, to compare by phone ("3F9A-12C4-7B0E").

        Two scheme files with the same name but different keys show different
        codes, so a forged scheme file stands out.
        """
        digest = hashlib.sha256(self.coordinator_key).hexdigest()[:12].upper()
        return "-".join(digest[i : i + 4] for i in range(0, 12, 4))

    def to_json(self) -> str:
        """The scheme file's text (UTF-8 JSON)."""
        doc = {
            "format": FORMAT,
            "version": VERSION,
            "scheme_id": self.scheme_id,
            "name": self.name,
            "coordinator_key": base64.b64encode(self.coordinator_key).decode("ascii"),
            "periods": [p.to_json() for p in self.periods],
            "min_group": self.min_group,
            "min_comments": self.min_comments,
            "questions": [q.to_json() for q in self.questions],
        }
        return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def new_scheme(
    name: str,
    coordinator_key: bytes,
    periods: Sequence[Period],
    questions: Sequence[Question] | None = None,
    min_group: int = DEFAULT_MIN_GROUP,
    min_comments: int = DEFAULT_MIN_COMMENTS,
) -> Scheme:
    """A new scheme with a random id, checked by the same rules as an imported file.

    Raises:
        InvalidScheme: a setting is out of range; the message says which.
    """
    scheme = Scheme(
        scheme_id=random_bytes(16).hex(),
        name=name.strip(),
        coordinator_key=coordinator_key,
        periods=tuple(periods),
        min_group=min_group,
        min_comments=min_comments,
        questions=tuple(default_questions() if questions is None else questions),
    )
    _validate(scheme)
    return scheme


def default_questions() -> tuple[Question, ...]:
    """The questions UK schemes commonly ask when they evaluate mentoring.

    Usefulness, confidence in career decisions, progress towards goals, how
    often the pair met, whether the person would recommend the scheme, and one
    optional free-text question.
    """
    agree = (
        "Strongly disagree",
        "Disagree",
        "Neither agree nor disagree",
        "Agree",
        "Strongly agree",
    )
    return (
        Question("usefulness", QuestionType.LIKERT, "Mentoring has been useful to me.", agree),
        Question(
            "confidence",
            QuestionType.LIKERT,
            "Mentoring has made me more confident about my career decisions.",
            agree,
        ),
        Question(
            "progress",
            QuestionType.LIKERT,
            "I have made progress towards the goals I brought to mentoring.",
            agree,
        ),
        Question(
            "frequency",
            QuestionType.CHOICE,
            "How often did you meet in this period?",
            ("Not at all", "Once", "Every two to three months", "About monthly", "More often"),
        ),
        Question(
            "recommend",
            QuestionType.CHOICE,
            "Would you recommend the scheme to a colleague?",
            ("Yes", "No", "Not sure"),
        ),
        Question(
            "improve",
            QuestionType.TEXT,
            "What could the scheme do better?",
            max_length=DEFAULT_TEXT_LENGTH,
        ),
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
    if set(doc) != _TOP_FIELDS:
        raise InvalidScheme()
    try:
        key = base64.b64decode(_str(doc["coordinator_key"]), validate=True)
        periods = doc["periods"]
        questions = doc["questions"]
        if not isinstance(periods, list) or not isinstance(questions, list):
            raise InvalidScheme()
        scheme = Scheme(
            scheme_id=_str(doc["scheme_id"]),
            name=_str(doc["name"]),
            coordinator_key=key,
            periods=tuple(_period(p) for p in periods[: MAX_PERIODS + 1]),
            min_group=_int(doc["min_group"]),
            min_comments=_int(doc["min_comments"]),
            questions=parse_questions(questions),
        )
    except (TypeError, ValueError, binascii.Error):
        raise InvalidScheme() from None
    _validate(scheme)
    return scheme


def parse_questions(items: object) -> tuple[Question, ...]:
    """Questions in the scheme file's form (also the ``--questions`` file of init-scheme).

    Raises:
        InvalidScheme: not a list of well-formed questions.
    """
    if not isinstance(items, list) or not 1 <= len(items) <= MAX_QUESTIONS:
        raise InvalidScheme(f"A scheme needs 1 to {MAX_QUESTIONS} questions.")
    try:
        questions = tuple(_question(item) for item in items)
    except (TypeError, ValueError, KeyError):
        raise InvalidScheme(
            "A question is not in the expected form: each needs an id, a type (likert, "
            "choice or text), a text, and a scale, options or max_length to match."
        ) from None
    _validate_questions(questions)
    return questions


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


def _period(item: object) -> Period:
    if not isinstance(item, dict) or set(item) != _PERIOD_FIELDS:
        raise ValueError("period fields")
    return Period(
        period_id=_str(item["id"]),
        label=_str(item["label"]),
        opens=_date(item["opens"]),
        closes=_date(item["closes"]),
    )


def _question(item: object) -> Question:
    if not isinstance(item, dict):
        raise TypeError("question")
    kind = QuestionType(_str(item.get("type")))
    extra = {QuestionType.LIKERT: "scale", QuestionType.CHOICE: "options"}.get(kind, "max_length")
    if set(item) != {"id", "type", "text", extra}:
        raise ValueError("question fields")
    common = {"question_id": _str(item["id"]), "type": kind, "text": _str(item["text"])}
    if kind is QuestionType.TEXT:
        return Question(**common, max_length=_int(item["max_length"]))  # type: ignore[arg-type]
    labels = item[extra]
    if not isinstance(labels, list):
        raise TypeError("options")
    return Question(**common, options=tuple(_str(x) for x in labels[: MAX_OPTIONS + 1]))  # type: ignore[arg-type]


# ----------------------------------------------------------------- rules
def _validate(scheme: Scheme) -> None:
    """Every rule a scheme must meet, imported or newly made."""
    if not _SCHEME_ID.fullmatch(scheme.scheme_id) or len(scheme.coordinator_key) != PUBLIC_LENGTH:
        raise InvalidScheme()
    if not _clean_text(scheme.name, MAX_NAME):
        raise InvalidScheme(f"The scheme's name must be 1 to {MAX_NAME} characters on one line.")
    low, high = MIN_GROUP_RANGE
    if not (_is_int(scheme.min_group) and low <= scheme.min_group <= high):
        raise InvalidScheme(f"The smallest group size must be between {low} and {high}.")
    if not (
        _is_int(scheme.min_comments) and scheme.min_group <= scheme.min_comments <= MAX_MIN_COMMENTS
    ):
        raise InvalidScheme(
            "The smallest number of comments to show must be at least the smallest group size."
        )
    _validate_periods(scheme.periods)
    _validate_questions(scheme.questions)


def _validate_periods(periods: Iterable[Period]) -> None:
    ordered = sorted(periods, key=lambda p: p.opens)
    if not 1 <= len(ordered) <= MAX_PERIODS:
        raise InvalidScheme(f"A scheme needs 1 to {MAX_PERIODS} periods.")
    if len({p.period_id for p in ordered}) != len(ordered):
        raise InvalidScheme("Two periods have the same id.")
    for period in ordered:
        if not _PERIOD_ID.fullmatch(period.period_id) or not _clean_text(period.label, MAX_LABEL):
            raise InvalidScheme(
                "A period's id may use only letters, digits and dashes (up to 20), "
                f"and its label must be 1 to {MAX_LABEL} characters."
            )
        if period.closes < period.opens:
            raise InvalidScheme("A period cannot close before it opens.")
    for before, after in itertools.pairwise(ordered):
        if after.opens <= before.closes:
            raise InvalidScheme("Two periods overlap; each day may belong to one period only.")


def _validate_questions(questions: Sequence[Question]) -> None:
    if not 1 <= len(questions) <= MAX_QUESTIONS:
        raise InvalidScheme(f"A scheme needs 1 to {MAX_QUESTIONS} questions.")
    if len({q.question_id for q in questions}) != len(questions):
        raise InvalidScheme("Two questions have the same id.")
    for q in questions:
        if not _QUESTION_ID.fullmatch(q.question_id):
            raise InvalidScheme(
                "A question's id may use only lower-case letters, digits and _ (up to 40)."
            )
        if not _clean_text(q.text, MAX_QUESTION_TEXT):
            raise InvalidScheme(f"A question's text must be 1 to {MAX_QUESTION_TEXT} characters.")
        if q.type is QuestionType.TEXT:
            if q.options or not (_is_int(q.max_length) and 1 <= q.max_length <= MAX_TEXT_LENGTH):
                raise InvalidScheme(
                    f"A free-text question allows 1 to {MAX_TEXT_LENGTH} characters."
                )
        elif (
            q.max_length != 0
            or not 2 <= len(q.options) <= MAX_OPTIONS
            or not all(_clean_text(o, MAX_LABEL) for o in q.options)
            or len(set(q.options)) != len(q.options)
        ):
            raise InvalidScheme(
                f"A scale or choice question needs 2 to {MAX_OPTIONS} different labels "
                f"of up to {MAX_LABEL} characters."
            )
    if sum(q.max_length for q in questions) > MAX_TEXT_TOTAL:
        raise InvalidScheme(
            f"All free-text questions together may allow at most {MAX_TEXT_TOTAL} characters."
        )


def _clean_text(value: object, limit: int) -> bool:
    return (
        isinstance(value, str)
        and 0 < len(value) <= limit
        and value == value.strip()
        and all(c.isprintable() for c in value)
    )


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _int(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError("expected a whole number")
    return value


def _str(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError("expected a string")
    return value


def _date(value: object) -> date:
    text = _str(value)
    if not _ISO_DATE.fullmatch(text):
        raise ValueError("expected YYYY-MM-DD")
    return date.fromisoformat(text)


_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _long_date(day: date) -> str:
    # Fixed English, not strftime: the label goes into a file others read.
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
