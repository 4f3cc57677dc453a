"""The collector's and the coordinator's sides of a version 2 feedback file.

A version 2 file (``submission.seal_response`` for a scheme with a collector)
is sealed to the collector outside and holds two parts sealed to the
coordinator inside: the answers and facts, and the free-text comments under
a comment token of their own. The collector opens only the outer layer
(:func:`open_envelope`): period, token, revision. They pass each inner part on
as a *released* file (:func:`released_bytes`) — answers in batches of at
least ``min_group`` people, comments in separate batches of at least
``min_comments`` — and only those open for the coordinator
(:func:`open_released_bytes`, :func:`open_released_comments`), who cannot
link a comment to the rest of an answer.
"""

from __future__ import annotations

import json
import struct
from dataclasses import dataclass, field

from mentorpair.crypto.hybrid import HybridKeyPair, OpenFailed, open_sealed
from mentorpair.feedback.scheme import Scheme
from mentorpair.feedback.scrub import MARKER
from mentorpair.feedback.submission import (
    ANSWERS_SEALED_LENGTH,
    COLLECTED_VERSION,
    COMMENTS_SEALED_LENGTH,
    DAMAGED,
    ENVELOPE_FIXED,
    HEADER_LENGTH,
    INFO_ANSWERS,
    INFO_COMMENTS,
    INFO_OUTER,
    MAX_REVISION,
    NOT_COLLECTED,
    NOT_FEEDBACK,
    OTHER_SCHEME,
    PERIOD_FIELD,
    RELEASED_COMMENTS_MAGIC,
    RELEASED_COMMENTS_SIZE,
    RELEASED_MAGIC,
    RELEASED_SIZE,
    TOKEN_FIELD,
    TOKEN_PATTERN,
    Response,
    SkippedFile,
    check_frame,
    feedback_header,
    parse_response,
    text_question_ids,
    unpadded,
)

__all__ = [
    "CommentRecord",
    "Envelope",
    "open_envelope",
    "open_released_bytes",
    "open_released_comments",
    "released_bytes",
    "unpadded",
]


@dataclass(frozen=True, slots=True)
class Envelope:
    """What the collector learns of a version 2 file: never an answer.

    Attributes:
        period_id: one of the scheme's periods.
        token: 64 hex, the same for every file of one person, pair and period.
        revision: 1, 2, … for that token.
        answers: the answers part sealed to the coordinator, passed on unopened.
        comments: the comments part sealed to the coordinator, passed on unopened
            (the collector cannot tell whether it holds any text).
    """

    period_id: str
    token: str
    revision: int
    answers: bytes = field(repr=False)
    comments: bytes = field(repr=False)


@dataclass(frozen=True, slots=True)
class CommentRecord:
    """The free text of one response, as the coordinator opens it from a comments batch.

    Attributes:
        token: the comment token (not the answers' token: the two cannot be linked).
        comments: text question id → scrubbed text (possibly empty: no comment).
    """

    period_id: str
    token: str
    revision: int
    comments: dict[str, str]


def open_envelope(data: bytes, scheme: Scheme, collector: HybridKeyPair) -> Envelope:
    """The collector's side: open the outer layer of a version 2 file.

    Raises:
        SkippedFile: with the reason the collector is shown.
    """
    check_frame(data, scheme)
    if struct.unpack(">H", data[8:10])[0] != COLLECTED_VERSION or scheme.collector is None:
        raise SkippedFile(NOT_COLLECTED)
    header = data[:HEADER_LENGTH]
    try:
        outer = open_sealed(collector, data[HEADER_LENGTH:], INFO_OUTER + header)
    except OpenFailed:
        raise SkippedFile(DAMAGED) from None
    period_id = outer[:PERIOD_FIELD].rstrip(b"\0").decode("ascii", errors="replace")
    token = outer[PERIOD_FIELD : PERIOD_FIELD + TOKEN_FIELD].hex()
    (revision,) = struct.unpack(">I", outer[PERIOD_FIELD + TOKEN_FIELD : ENVELOPE_FIXED])
    if scheme.period(period_id) is None or not 1 <= revision <= MAX_REVISION:
        raise SkippedFile(DAMAGED)
    middle = ENVELOPE_FIXED + ANSWERS_SEALED_LENGTH
    return Envelope(period_id, token, revision, outer[ENVELOPE_FIXED:middle], outer[middle:])


def released_bytes(envelope: Envelope, scheme: Scheme, comments: bool = False) -> bytes:
    """A file the collector passes on: one inner part, with a header of its own."""
    part = envelope.comments if comments else envelope.answers
    size = COMMENTS_SEALED_LENGTH if comments else ANSWERS_SEALED_LENGTH
    if len(part) != size:
        raise ValueError("inner part has the wrong size")
    magic = RELEASED_COMMENTS_MAGIC if comments else RELEASED_MAGIC
    return feedback_header(COLLECTED_VERSION, scheme, magic) + part


def _open_part(data: bytes, scheme: Scheme, keypair: HybridKeyPair, comments: bool) -> bytes:
    size = RELEASED_COMMENTS_SIZE if comments else RELEASED_SIZE
    magic = RELEASED_COMMENTS_MAGIC if comments else RELEASED_MAGIC
    if len(data) != size or not data.startswith(magic):
        raise SkippedFile(NOT_FEEDBACK)
    if data[10:HEADER_LENGTH] != bytes.fromhex(scheme.scheme_id):
        raise SkippedFile(OTHER_SCHEME)
    info = (INFO_COMMENTS if comments else INFO_ANSWERS) + feedback_header(
        COLLECTED_VERSION, scheme
    )
    try:
        return open_sealed(keypair, data[HEADER_LENGTH:], info)
    except OpenFailed:
        raise SkippedFile(DAMAGED) from None


def open_released_bytes(data: bytes, scheme: Scheme, keypair: HybridKeyPair) -> Response:
    """The coordinator's side of a released answers file (the caller checked the manifest).

    Raises:
        SkippedFile: with the reason the report lists.
    """
    padded = _open_part(data, scheme, keypair, comments=False)
    try:
        response = parse_response(padded, scheme)
    except (ValueError, TypeError, KeyError, RecursionError):
        raise SkippedFile(DAMAGED) from None
    if text_question_ids(scheme) & set(response.answers):
        raise SkippedFile(DAMAGED)  # free text travels only in the comments part
    return response


def open_released_comments(data: bytes, scheme: Scheme, keypair: HybridKeyPair) -> CommentRecord:
    """The coordinator's side of a released comments file.

    Raises:
        SkippedFile: with the reason the report lists.
    """
    padded = _open_part(data, scheme, keypair, comments=True)
    try:
        doc = json.loads(unpadded(padded).decode("utf-8"))
        if not isinstance(doc, dict) or set(doc) != {
            "scheme",
            "period",
            "token",
            "revision",
            "comments",
        }:
            raise ValueError("fields")
        record = CommentRecord(
            _string(doc["period"]), _string(doc["token"]), doc["revision"], doc["comments"]
        )
        texts = text_question_ids(scheme)
        if (
            doc["scheme"] != scheme.scheme_id
            or scheme.period(record.period_id) is None
            or not TOKEN_PATTERN.fullmatch(record.token)
            or isinstance(record.revision, bool)
            or not isinstance(record.revision, int)
            or not 1 <= record.revision <= MAX_REVISION
            or not isinstance(record.comments, dict)
        ):
            raise ValueError("comments record")
        for question_id, text in record.comments.items():
            question = scheme.question(question_id)
            if question_id not in texts or question is None or not isinstance(text, str):
                raise ValueError("comment")
            if not 0 < len(text) <= question.max_length * len(MARKER):
                raise ValueError("comment length")
    except (ValueError, TypeError, KeyError, RecursionError, UnicodeDecodeError):
        raise SkippedFile(DAMAGED) from None
    return record


def _string(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError("expected a string")
    return value
