"""A scheme's questions: the kinds, the checks, and the questionnaire UK schemes use.

Kept apart from the scheme file's envelope (``feedback/scheme.py``): the
coordinator's window edits questions on their own, and ``init-scheme
--questions FILE.json`` reads them on their own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from mentorpair.errors import CorruptFile

__all__ = [
    "DEFAULT_TEXT_LENGTH",
    "MAX_LABEL",
    "MAX_OPTIONS",
    "MAX_QUESTIONS",
    "MAX_QUESTION_TEXT",
    "MAX_TEXT_LENGTH",
    "MAX_TEXT_TOTAL",
    "InvalidScheme",
    "Question",
    "QuestionType",
    "clean_text",
    "default_questions",
    "is_whole",
    "parse_questions",
    "string",
    "validate_questions",
    "whole_number",
]

MAX_QUESTIONS = 30
MAX_QUESTION_TEXT = 500
MAX_LABEL = 100
MAX_OPTIONS = 11
DEFAULT_TEXT_LENGTH = 1000
MAX_TEXT_LENGTH = 2000
#: All free-text answers together; at 4 UTF-8 bytes a character they still
#: fit the fixed-size feedback file with room for the rest.
MAX_TEXT_TOTAL = 3000
_QUESTION_ID = re.compile(r"[a-z0-9_]{1,40}")


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
    validate_questions(questions)
    return questions


def _question(item: object) -> Question:
    if not isinstance(item, dict):
        raise TypeError("question")
    kind = QuestionType(string(item.get("type")))
    extra = {QuestionType.LIKERT: "scale", QuestionType.CHOICE: "options"}.get(kind, "max_length")
    if set(item) != {"id", "type", "text", extra}:
        raise ValueError("question fields")
    common = {"question_id": string(item["id"]), "type": kind, "text": string(item["text"])}
    if kind is QuestionType.TEXT:
        return Question(**common, max_length=whole_number(item["max_length"]))  # type: ignore[arg-type]
    labels = item[extra]
    if not isinstance(labels, list):
        raise TypeError("options")
    return Question(**common, options=tuple(string(x) for x in labels[: MAX_OPTIONS + 1]))  # type: ignore[arg-type]


def validate_questions(questions: Sequence[Question]) -> None:
    """Every rule questions must meet, imported or newly made; raises :class:`InvalidScheme`."""
    if not 1 <= len(questions) <= MAX_QUESTIONS:
        raise InvalidScheme(f"A scheme needs 1 to {MAX_QUESTIONS} questions.")
    if len({q.question_id for q in questions}) != len(questions):
        raise InvalidScheme("Two questions have the same id.")
    for q in questions:
        if not _QUESTION_ID.fullmatch(q.question_id):
            raise InvalidScheme(
                "A question's id may use only lower-case letters, digits and _ (up to 40)."
            )
        if not clean_text(q.text, MAX_QUESTION_TEXT):
            raise InvalidScheme(f"A question's text must be 1 to {MAX_QUESTION_TEXT} characters.")
        if q.type is QuestionType.TEXT:
            if q.options or not (is_whole(q.max_length) and 1 <= q.max_length <= MAX_TEXT_LENGTH):
                raise InvalidScheme(
                    f"A free-text question allows 1 to {MAX_TEXT_LENGTH} characters."
                )
        elif (
            q.max_length != 0
            or not 2 <= len(q.options) <= MAX_OPTIONS
            or not all(clean_text(o, MAX_LABEL) for o in q.options)
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


def clean_text(value: object, limit: int) -> bool:
    """Whether ``value`` is 1 to ``limit`` printable characters, not padded with spaces."""
    return (
        isinstance(value, str)
        and 0 < len(value) <= limit
        and value == value.strip()
        and all(c.isprintable() for c in value)
    )


def is_whole(value: object) -> bool:
    """Whether ``value`` is an int (JSON's true and false are not numbers here)."""
    return isinstance(value, int) and not isinstance(value, bool)


def whole_number(value: object) -> int:
    """``value`` as an int, or TypeError: what a strict JSON reader needs."""
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError("expected a whole number")
    return value


def string(value: object) -> str:
    """``value`` as a str, or TypeError: what a strict JSON reader needs."""
    if not isinstance(value, str):
        raise TypeError("expected a string")
    return value
