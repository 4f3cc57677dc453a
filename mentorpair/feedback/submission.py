"""A person's answers to a scheme: what they contain, how they are sealed, how they open.

Only this leaves the machine (``docs/formats/feedback.md``): the scheme and
period ids, a per-person-per-period token, a revision number, the answers
(scale positions, choices, scrubbed free text) and the coarse facts the person
agreed to add (role, a meetings bucket, modes used, a months bucket). No note,
agenda or goal text, no names, no exact dates or times, no device or app
identifier: not even the app's version.

The JSON is padded to a fixed size and sealed to the coordinator's public key
with HPKE (a fresh ephemeral key per file), so files do not differ in size,
the sender cannot read theirs back, and nothing outside the sealed part says
who sent it. :func:`open_feedback_file` is the coordinator's side.

When the scheme names a collector, the file is version 2: the answers and
facts, and apart from them the free-text comments (under a comment token of
their own), are each sealed to the coordinator, and both are sealed again, to
the collector, with the period, the token and the revision. How the
collector opens the outer layer and the coordinator the released parts is in
:mod:`mentorpair.feedback.envelope`.
"""

from __future__ import annotations

import base64
import json
import os
import re
import struct
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from mentorpair.crypto.hybrid import OVERHEAD, HybridKeyPair, OpenFailed, open_sealed, seal
from mentorpair.crypto.random import random_bytes
from mentorpair.crypto.sealbox import keyed_token
from mentorpair.crypto.secret import SecretKey
from mentorpair.domain.model import MeetingMode, Role
from mentorpair.domain.state import PairState
from mentorpair.errors import KnownError
from mentorpair.feedback.scheme import Period, QuestionType, Scheme
from mentorpair.feedback.scrub import MARKER, Scrubber
from mentorpair.storage.atomic import atomic_write
from mentorpair.storage.oserrors import translate_os_errors

__all__ = [
    "EXTENSION",
    "FACT_KEYS",
    "FEEDBACK_FILE_SIZE",
    "MEETING_BUCKETS",
    "MODES",
    "MONTH_BUCKETS",
    "TOKEN_PATTERN",
    "CoarseFacts",
    "Response",
    "SkippedFile",
    "build_response",
    "check_frame",
    "coarse_facts",
    "comment_token",
    "feedback_header",
    "feedback_token",
    "open_feedback_bytes",
    "open_feedback_file",
    "parse_response",
    "random_file_name",
    "seal_response",
    "text_question_ids",
    "unpadded",
    "write_feedback_file",
]

MAGIC = b"MPFEEDBK"
FILE_VERSION = 1
#: Sealed to the coordinator inside and to the scheme's collector outside.
COLLECTED_VERSION = 2
EXTENSION = ".mpfb"
FEEDBACK_FILE_SIZE = 16384
HEADER_LENGTH = len(MAGIC) + 2 + 16
INFO = b"mentorpair/v1/feedback"
INFO_OUTER = b"mentorpair/v2/feedback-outer"
INFO_ANSWERS = b"mentorpair/v2/feedback-answers"
INFO_COMMENTS = b"mentorpair/v2/feedback-comments"
#: Room for the JSON and its zero padding inside the sealed part.
PLAINTEXT_LENGTH = FEEDBACK_FILE_SIZE - HEADER_LENGTH - OVERHEAD
#: Version 2 files are larger: two inner parts, each with its own HPKE overhead.
COLLECTED_FILE_SIZE = 20480
#: Version 2, outer layer: period id (zero-padded), raw token, revision, then
#: the answers part and the comments part, each sealed to the coordinator.
PERIOD_FIELD, TOKEN_FIELD, REVISION_FIELD = 20, 32, 4
ENVELOPE_FIXED = PERIOD_FIELD + TOKEN_FIELD + REVISION_FIELD
OUTER_PLAINTEXT_LENGTH = COLLECTED_FILE_SIZE - HEADER_LENGTH - OVERHEAD
#: The answers and facts (no free text): 30 questions with the longest ids fit.
ANSWERS_PLAINTEXT_LENGTH = 2048
ANSWERS_SEALED_LENGTH = ANSWERS_PLAINTEXT_LENGTH + OVERHEAD
COMMENTS_SEALED_LENGTH = OUTER_PLAINTEXT_LENGTH - ENVELOPE_FIXED - ANSWERS_SEALED_LENGTH
#: The free text: 3000 characters of 4 UTF-8 bytes and the JSON around them fit.
COMMENTS_PLAINTEXT_LENGTH = COMMENTS_SEALED_LENGTH - OVERHEAD
#: Released files: their own magic, version 2, the scheme id, one inner part.
RELEASED_MAGIC = b"MPFBRLSD"
RELEASED_COMMENTS_MAGIC = b"MPFBRLSC"
RELEASED_SIZE = HEADER_LENGTH + ANSWERS_SEALED_LENGTH
RELEASED_COMMENTS_SIZE = HEADER_LENGTH + COMMENTS_SEALED_LENGTH
MAX_REVISION = 10_000

FACT_ROLE, FACT_MEETINGS, FACT_MODES, FACT_MONTHS = "role", "meetings", "modes", "months"
FACT_KEYS = (FACT_ROLE, FACT_MEETINGS, FACT_MODES, FACT_MONTHS)
MEETING_BUCKETS = ("0", "1-2", "3-5", "6+")
MONTH_BUCKETS = ("0-3", "4-6", "7-12", "13-24", "25+")
MODES = ("in_person", "video", "phone", "email")
ROLES = (Role.MENTEE.value, Role.MENTOR.value)
TOKEN_PATTERN = re.compile(r"[0-9a-f]{64}")
_FIELDS = {"scheme", "period", "token", "revision", "answers", "facts"}

# Skip reasons the coordinator's report lists, in plain words.
EMPTY = "empty"
NOT_FEEDBACK = "not a feedback file"
NEWER = "made by a newer version of mentorpair"
OTHER_SCHEME = "for another scheme"
DAMAGED = "damaged or changed after it was sealed"
TRUNCATED = "truncated"
TOO_LARGE = "too large"
FOR_COLLECTOR = "sealed for the scheme's collector; it reaches you only in a batch they release"
NOT_COLLECTED = "did not come through the scheme's collector"

Answer = int | str
Fact = str | tuple[str, ...]


class SkippedFile(KnownError):
    """A feedback file the report cannot use; ``reason`` says why in a few plain words.

    Attributes:
        reason: one of "empty", "not a feedback file", "made by a newer version of
            mentorpair", "for another scheme", "damaged or changed after it was
            sealed", "truncated", "too large".
    """

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(f"This feedback file was skipped: {reason}.")


@dataclass(frozen=True, slots=True)
class Response:
    """One person's feedback for one period, as sealed.

    Attributes:
        token: 64 hex; the same for every submission of one person in one period.
        revision: 1 for the first submission in the period, then 2, 3, ...
        answers: question id → option index (likert, choice) or scrubbed text.
        facts: the coarse facts the person agreed to add (see :data:`FACT_KEYS`).
        comment_token: 64 hex, another keyed token for the free text when it
            travels apart (version 2); nobody can link it to ``token``.
    """

    scheme_id: str
    period_id: str
    token: str
    revision: int
    answers: dict[str, Answer] = field(default_factory=dict)
    facts: dict[str, Fact] = field(default_factory=dict)
    comment_token: str = ""

    def to_plaintext(self) -> bytes:
        """The JSON that is sealed (before padding)."""
        doc = {
            "scheme": self.scheme_id,
            "period": self.period_id,
            "token": self.token,
            "revision": self.revision,
            "answers": self.answers,
            "facts": {k: list(v) if isinstance(v, tuple) else v for k, v in self.facts.items()},
        }
        return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


@dataclass(frozen=True, slots=True)
class CoarseFacts:
    """The facts the app can add, already coarsened; each is sent only if the person agrees."""

    role: str
    meetings: str
    modes: tuple[str, ...]
    months: str

    def selected(self, keys: Iterable[str]) -> dict[str, Fact]:
        """The facts named in ``keys`` (some of :data:`FACT_KEYS`)."""
        wanted = set(keys)
        values: dict[str, Fact] = {
            FACT_ROLE: self.role,
            FACT_MEETINGS: self.meetings,
            FACT_MODES: self.modes,
            FACT_MONTHS: self.months,
        }
        return {k: v for k, v in values.items() if k in wanted}


def coarse_facts(state: PairState, period: Period, now: datetime) -> CoarseFacts:
    """Role, meetings held in the period (bucket), their modes, months together (bucket).

    Only meetings that were not cancelled and have already started count.
    """
    held = [
        m
        for m in state.meetings.values()
        if not m.cancelled
        and m.starts_at <= now
        and period.opens <= m.starts_at.astimezone(now.tzinfo).date() <= period.closes
    ]
    used = {m.mode.value for m in held}
    start = state.created_at or now
    return CoarseFacts(
        role=state.my_role.value,
        meetings=_meetings_bucket(len(held)),
        modes=tuple(m for m in MODES if m in used),
        months=_months_bucket(_whole_months(start, now)),
    )


def _meetings_bucket(count: int) -> str:
    if count == 0:
        return "0"
    if count <= 2:
        return "1-2"
    return "3-5" if count <= 5 else "6+"


def _whole_months(start: datetime, end: datetime) -> int:
    start, end = start.astimezone(end.tzinfo), end
    months = (end.year - start.year) * 12 + end.month - start.month
    if end.day < start.day:
        months -= 1
    return max(0, months)


def _months_bucket(months: int) -> str:
    for limit, bucket in ((3, "0-3"), (6, "4-6"), (12, "7-12"), (24, "13-24")):
        if months <= limit:
            return bucket
    return "25+"


def comment_token(token_key: SecretKey, scheme_id: str, period_id: str, pair_id: str) -> str:
    """The token of the free text when it travels apart (version 2): keyed, so unlinkable.

    HMAC-SHA256 of the same inputs as :func:`feedback_token` and a NUL, "comments":
    one per person, pair and period, and nobody without the person's key can
    tell which answers token it goes with.
    """
    message = f"{scheme_id}\0{period_id}\0{pair_id}\0comments".encode()
    return keyed_token(token_key, message).hex()


def feedback_token(token_key: SecretKey, scheme_id: str, period_id: str, pair_id: str) -> str:
    """HMAC-SHA256(person's key, scheme id, NUL, period id, NUL, pair id), hex.

    Same person, pair and period → same token, so the report counts them
    once; a mentor with two mentees has one token per pair, so each pair's
    answer counts. Nobody without the person's key can invert a token or link
    two of them (each period and each pair gives another token).
    """
    return keyed_token(token_key, f"{scheme_id}\0{period_id}\0{pair_id}".encode()).hex()


def build_response(
    scheme: Scheme,
    period_id: str,
    answers: Mapping[str, Answer],
    facts: Mapping[str, Fact],
    token: str,
    revision: int,
    scrubber: Scrubber,
    comment_token: str = "",
) -> Response:
    """The response to seal: answers checked against the scheme, free text scrubbed.

    Empty text answers are left out. Raises ``ValueError`` for anything the
    form should have prevented (unknown question, out-of-range choice, text
    over the question's limit): that is a bug, not a user error.
    """
    if scheme.period(period_id) is None:
        raise ValueError("unknown period")
    clean: dict[str, Answer] = {}
    for question_id, value in answers.items():
        question = scheme.question(question_id)
        if question is None:
            raise ValueError("unknown question")
        if question.type is QuestionType.TEXT:
            if not isinstance(value, str) or len(value) > question.max_length:
                raise ValueError("text answer too long")
            text = scrubber.scrub(value).strip()
            if text:
                clean[question_id] = text
        elif isinstance(value, bool) or not isinstance(value, int):
            raise ValueError("choice answers are option indexes")
        elif not 0 <= value < len(question.options):
            raise ValueError("choice out of range")
        else:
            clean[question_id] = value
    response = Response(
        scheme.scheme_id,
        period_id,
        token,
        revision,
        clean,
        _checked_facts(dict(facts)),
        comment_token,
    )
    _check_response(response, scheme)
    return response


def answer_lines(response: Response, scheme: Scheme) -> list[tuple[str, str]]:
    """(question text, answer as the person chose or wrote it) for every answer sent."""
    lines = []
    for question in scheme.questions:
        value = response.answers.get(question.question_id)
        if value is None:
            continue
        shown = value if isinstance(value, str) else question.options[value]
        lines.append((question.text, shown))
    return lines


# ----------------------------------------------------------------- sealing
def seal_response(response: Response, scheme: Scheme) -> bytes:
    """The feedback file's bytes: header, then the padded JSON sealed to the coordinator.

    With a collector (version 2) the sealed JSON is sealed again, to the
    collector, with the period, token and revision beside it.
    """
    if response.scheme_id != scheme.scheme_id:
        raise ValueError("response belongs to another scheme")
    if scheme.collector is not None:
        return _seal_collected(response, scheme)
    plain = response.to_plaintext()
    if len(plain) > PLAINTEXT_LENGTH:
        # The scheme's text caps make this impossible; reaching it is a bug.
        raise ValueError("response too large for the feedback file")
    header = feedback_header(FILE_VERSION, scheme)
    sealed = seal(scheme.coordinator_key, plain.ljust(PLAINTEXT_LENGTH, b"\0"), INFO + header)
    data = header + sealed
    if len(data) != FEEDBACK_FILE_SIZE:
        raise ValueError("feedback file has the wrong size")
    return data


def feedback_header(version: int, scheme: Scheme, magic: bytes = MAGIC) -> bytes:
    """Magic, version and scheme id: the 26 bytes every file starts with, bound into HPKE."""
    return magic + struct.pack(">H", version) + bytes.fromhex(scheme.scheme_id)


def text_question_ids(scheme: Scheme) -> set[str]:
    """The scheme's free-text questions (their answers travel apart with a collector)."""
    return {q.question_id for q in scheme.questions if q.type is QuestionType.TEXT}


def _seal_collected(response: Response, scheme: Scheme) -> bytes:
    assert scheme.collector is not None
    if not TOKEN_PATTERN.fullmatch(response.comment_token):
        raise ValueError("a collected response needs its comment token")
    texts = text_question_ids(scheme)
    answers = Response(
        response.scheme_id,
        response.period_id,
        response.token,
        response.revision,
        {k: v for k, v in response.answers.items() if k not in texts},
        response.facts,
    ).to_plaintext()
    comments = json.dumps(
        {
            "scheme": response.scheme_id,
            "period": response.period_id,
            "token": response.comment_token,
            "revision": response.revision,
            "comments": {k: v for k, v in response.answers.items() if k in texts},
        },
        ensure_ascii=False,
        separators=(",", ":"),
    ).encode("utf-8")
    if len(answers) > ANSWERS_PLAINTEXT_LENGTH or len(comments) > COMMENTS_PLAINTEXT_LENGTH:
        raise ValueError("response too large for the feedback file")
    header = feedback_header(COLLECTED_VERSION, scheme)
    key = scheme.coordinator_key
    outer = (
        response.period_id.encode("ascii").ljust(PERIOD_FIELD, b"\0")
        + bytes.fromhex(response.token)
        + struct.pack(">I", response.revision)
        + seal(key, answers.ljust(ANSWERS_PLAINTEXT_LENGTH, b"\0"), INFO_ANSWERS + header)
        + seal(key, comments.ljust(COMMENTS_PLAINTEXT_LENGTH, b"\0"), INFO_COMMENTS + header)
    )
    data = header + seal(scheme.collector.key, outer, INFO_OUTER + header)
    if len(data) != COLLECTED_FILE_SIZE:
        raise ValueError("feedback file has the wrong size")
    return data


def random_file_name() -> str:
    """26 random lower-case base32 characters and ``.mpfb``: nothing derived from content."""
    return base64.b32encode(random_bytes(16)).decode("ascii").rstrip("=").lower() + EXTENSION


def write_feedback_file(path: Path, data: bytes) -> None:
    """Write the file atomically and owner-only.

    Raises:
        DiskFull, PermissionDenied, NotFound, DiskError.
    """
    if len(data) not in (FEEDBACK_FILE_SIZE, COLLECTED_FILE_SIZE):
        raise ValueError("not a sealed feedback file")
    atomic_write(path, data, mode=0o600)


# ----------------------------------------------------------------- opening
def open_feedback_file(
    path: str | os.PathLike[str], scheme: Scheme, keypair: HybridKeyPair
) -> Response:
    """Read and open one feedback file for the coordinator.

    At most one byte more than the largest feedback file is read, whatever
    the file's size; :func:`check_frame` judges an empty or too large file from
    that (a ``stat`` before it gave the same answers for one more system call
    a file: issue 12).

    Raises:
        SkippedFile: with the reason the report lists.
        NotFound, PermissionDenied, DiskError: the file could not be read at all.
    """
    with translate_os_errors(), open(path, "rb") as handle:
        data = handle.read(COLLECTED_FILE_SIZE + 1)
    return open_feedback_bytes(data, scheme, keypair)


def open_feedback_bytes(data: bytes, scheme: Scheme, keypair: HybridKeyPair) -> Response:
    """Open a feedback file's bytes (see :func:`open_feedback_file`).

    For a scheme with a collector nothing opens here: a version 2 file is
    sealed to the collector, and a version 1 file did not pass through them
    (anyone with the public scheme file can make one), so both are refused.
    """
    check_frame(data, scheme)
    version = struct.unpack(">H", data[8:10])[0]
    if version == COLLECTED_VERSION:
        raise SkippedFile(FOR_COLLECTOR if scheme.collector is not None else NOT_FEEDBACK)
    if scheme.collector is not None:
        raise SkippedFile(NOT_COLLECTED)
    header = data[:HEADER_LENGTH]
    try:
        padded = open_sealed(keypair, data[HEADER_LENGTH:], INFO + header)
    except OpenFailed:
        raise SkippedFile(DAMAGED) from None
    try:
        return parse_response(padded, scheme)
    except (ValueError, TypeError, KeyError, RecursionError):
        # Sealed with the scheme's public key but not what we write: treat as damaged.
        raise SkippedFile(DAMAGED) from None


def check_frame(data: bytes, scheme: Scheme) -> None:
    """Size, magic, version and scheme id: the checks before any opening.

    Raises:
        SkippedFile: with the reason.
    """
    if not data:
        raise SkippedFile(EMPTY)
    if len(data) > COLLECTED_FILE_SIZE:
        raise SkippedFile(TOO_LARGE)
    if not data.startswith(MAGIC) and not MAGIC.startswith(data):
        raise SkippedFile(NOT_FEEDBACK)
    version = struct.unpack(">H", data[8:10])[0] if len(data) >= len(MAGIC) + 2 else None
    if version is not None and version > COLLECTED_VERSION:
        raise SkippedFile(NEWER)
    expected = COLLECTED_FILE_SIZE if version == COLLECTED_VERSION else FEEDBACK_FILE_SIZE
    if len(data) < expected:
        raise SkippedFile(TRUNCATED)
    if len(data) > expected:
        raise SkippedFile(TOO_LARGE)
    if version not in (FILE_VERSION, COLLECTED_VERSION):
        raise SkippedFile(NOT_FEEDBACK)
    if data[10:HEADER_LENGTH] != bytes.fromhex(scheme.scheme_id):
        raise SkippedFile(OTHER_SCHEME)


def parse_response(padded: bytes, scheme: Scheme) -> Response:
    """The response in a padded, opened part; raises ValueError, TypeError or KeyError if off."""
    doc = json.loads(unpadded(padded).decode("utf-8"))
    if not isinstance(doc, dict) or set(doc) != _FIELDS:
        raise ValueError("fields")
    answers, facts = doc["answers"], doc["facts"]
    if not isinstance(answers, dict) or not isinstance(facts, dict):
        raise TypeError("answers and facts must be objects")
    facts = {k: tuple(v) if isinstance(v, list) else v for k, v in facts.items()}
    revision = doc["revision"]
    if not isinstance(revision, int) or isinstance(revision, bool):
        raise TypeError("revision")
    response = Response(
        scheme_id=_text(doc["scheme"]),
        period_id=_text(doc["period"]),
        token=_text(doc["token"]),
        revision=revision,
        answers=answers,
        facts=_checked_facts(facts),
    )
    if response.scheme_id != scheme.scheme_id:
        raise ValueError("scheme")
    _check_response(response, scheme)
    return response


#: Zero bytes to compare a file's padding with (longer than any sealed part).
_ZEROS = bytes(COLLECTED_FILE_SIZE)


def unpadded(padded: bytes) -> bytes:
    r"""``padded.rstrip(b"\0")``, without its byte-by-byte walk over thousands of zeros.

    The text ends at its first zero byte when only zeros follow (the padding:
    one comparison with zeros); anything else (a zero inside) takes the plain
    ``rstrip``, so the result is always the same. A tenth of a coordinator's
    report at 10,000 files went to that walk (issue 12).
    """
    end = padded.find(0)
    if end == -1:
        return padded
    if len(padded) <= len(_ZEROS) and padded.endswith(_ZEROS[: len(padded) - end]):
        return padded[:end]
    return padded.rstrip(b"\0")


def _check_response(response: Response, scheme: Scheme) -> None:
    if scheme.period(response.period_id) is None:
        raise ValueError("period")
    if not TOKEN_PATTERN.fullmatch(response.token) or not 1 <= response.revision <= MAX_REVISION:
        raise ValueError("token or revision")
    # One lookup table per response instead of a walk over the questions per answer.
    questions = {q.question_id: q for q in scheme.questions}
    for question_id, value in response.answers.items():
        question = questions.get(question_id)
        if question is None:
            raise ValueError("question")
        if question.type is QuestionType.TEXT:
            # Markers may make scrubbed text longer than what was typed.
            limit = question.max_length * len(MARKER)
            if not isinstance(value, str) or not 0 < len(value) <= limit:
                raise ValueError("text answer")
        elif (
            isinstance(value, bool)
            or not isinstance(value, int)
            or not 0 <= value < len(question.options)
        ):
            raise ValueError("choice answer")


#: The facts that are one bucket, and the buckets each may be.
_ONE_BUCKET: dict[str, tuple[str, ...]] = {
    FACT_ROLE: ROLES,
    FACT_MEETINGS: MEETING_BUCKETS,
    FACT_MONTHS: MONTH_BUCKETS,
}


def _checked_facts(facts: dict[str, Any]) -> dict[str, Fact]:
    allowed = _ONE_BUCKET
    out: dict[str, Fact] = {}
    for key, value in facts.items():
        if key == FACT_MODES:
            if not isinstance(value, tuple) or len(set(value)) != len(value):
                raise ValueError("modes")
            if not all(isinstance(m, str) and m in MODES for m in value):
                raise ValueError("modes")
            out[key] = tuple(m for m in MODES if m in value)
        elif key in allowed and isinstance(value, str) and value in allowed[key]:
            out[key] = value
        else:
            raise ValueError("fact")
    return out


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError("expected a string")
    return value


# MeetingMode values and MODES must name the same modes; checked at import.
if set(MODES) != {m.value for m in MeetingMode}:  # pragma: no cover - a developer's mistake
    raise RuntimeError("feedback MODES out of step with MeetingMode")
