"""Feedback in plain words: the coarse facts, and the preview of exactly what leaves."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from mentorpair.domain.model import MeetingMode, Role
from mentorpair.feedback.scheme import Scheme
from mentorpair.feedback.submission import (
    FACT_MEETINGS,
    FACT_MODES,
    FACT_MONTHS,
    FACT_ROLE,
    CoarseFacts,
    Response,
    answer_lines,
)

from mentorpair.ui.wording import mode_word

__all__ = ["fact_words", "preview_text", "thresholds_text"]


def _meetings(bucket: str) -> str:
    words = {
        "0": QCoreApplication.translate("FeedbackPreview", "no meetings"),
        "1-2": QCoreApplication.translate("FeedbackPreview", "1 to 2 meetings"),
        "3-5": QCoreApplication.translate("FeedbackPreview", "3 to 5 meetings"),
        "6+": QCoreApplication.translate("FeedbackPreview", "6 or more meetings"),
    }
    return words[bucket]


def _months(bucket: str) -> str:
    words = {
        "0-3": QCoreApplication.translate("FeedbackPreview", "up to 3 months"),
        "4-6": QCoreApplication.translate("FeedbackPreview", "4 to 6 months"),
        "7-12": QCoreApplication.translate("FeedbackPreview", "7 to 12 months"),
        "13-24": QCoreApplication.translate("FeedbackPreview", "13 to 24 months"),
        "25+": QCoreApplication.translate("FeedbackPreview", "more than 2 years"),
    }
    return words[bucket]


def _role(role: str) -> str:
    if role == Role.MENTOR.value:
        return QCoreApplication.translate("FeedbackPreview", "mentor")
    return QCoreApplication.translate("FeedbackPreview", "mentee")


def _modes(modes: tuple[str, ...]) -> str:
    if not modes:
        return QCoreApplication.translate("FeedbackPreview", "none (no meetings yet)")
    return ", ".join(mode_word(MeetingMode(m)) for m in modes)


def fact_words(facts: CoarseFacts) -> dict[str, str]:
    """Each coarse fact as the form and the preview show it."""
    return {
        FACT_ROLE: _role(facts.role),
        FACT_MEETINGS: _meetings(facts.meetings),
        FACT_MODES: _modes(facts.modes),
        FACT_MONTHS: _months(facts.months),
    }


def _fact_values(facts: dict[str, str | tuple[str, ...]]) -> dict[str, str]:
    words = {}
    for key, value in facts.items():
        if key == FACT_MODES:
            words[key] = _modes(tuple(value))
        elif key == FACT_ROLE:
            words[key] = _role(str(value))
        elif key == FACT_MEETINGS:
            words[key] = _meetings(str(value))
        elif key == FACT_MONTHS:
            words[key] = _months(str(value))
    return words


def thresholds_text(scheme: Scheme) -> str:
    """The scheme's group sizes, as the person answering should understand them."""
    return QCoreApplication.translate(
        "FeedbackPreview",
        "Scores are shown to the coordinator only for groups of at least {0} people; "
        "comments only when at least {1} people commented.",
    ).format(scheme.min_group, scheme.min_comments)


def preview_text(response: Response, scheme: Scheme) -> str:
    """Everything in the sealed file, line by line, and what is not in it."""
    period = scheme.period(response.period_id)
    if scheme.collector is not None:
        sealed = QCoreApplication.translate(
            "FeedbackPreview",
            "The file is sealed twice: {0}, the collector, can see only that it is feedback "
            "for this period, and passes it on in a batch of at least {1} people; only the "
            "coordinator of {2} can then open it. It will contain exactly this:",
        ).format(scheme.collector.name, scheme.min_group, scheme.name)
    else:
        sealed = QCoreApplication.translate(
            "FeedbackPreview",
            "The file is sealed so that only the coordinator of {0} can open it. It will "
            "contain exactly this:",
        ).format(scheme.name)
    if scheme.collector is not None and any(
        isinstance(response.answers.get(q.question_id), str) for q in scheme.questions
    ):
        sealed += " " + QCoreApplication.translate(
            "FeedbackPreview",
            "Your written comments travel apart from your other answers, under a separate "
            "code, and reach the coordinator only in batches of at least {0} people.",
        ).format(scheme.min_comments)
    lines = [
        sealed,
        "",
        QCoreApplication.translate("FeedbackPreview", "Scheme: {0}").format(scheme.name),
        QCoreApplication.translate("FeedbackPreview", "Period: {0}").format(
            period.label if period else response.period_id
        ),
        "",
        QCoreApplication.translate("FeedbackPreview", "Your answers:"),
    ]
    answered = answer_lines(response, scheme)
    lines += [f"• {question}\n    {answer}" for question, answer in answered]
    if not answered:
        lines.append(QCoreApplication.translate("FeedbackPreview", "    (none)"))
    skipped = len(scheme.questions) - len(answered)
    if skipped == 1:
        lines.append(
            QCoreApplication.translate(
                "FeedbackPreview", "1 question left unanswered: nothing is sent for it."
            )
        )
    elif skipped:
        lines.append(
            QCoreApplication.translate(
                "FeedbackPreview", "{0} questions left unanswered: nothing is sent for them."
            ).format(skipped)
        )
    lines += ["", QCoreApplication.translate("FeedbackPreview", "Facts you agreed to add:")]
    facts = response.facts
    labels = {
        FACT_ROLE: QCoreApplication.translate("FeedbackPreview", "Your role: {0}"),
        FACT_MEETINGS: QCoreApplication.translate(
            "FeedbackPreview", "Meetings in this period: {0}"
        ),
        FACT_MODES: QCoreApplication.translate("FeedbackPreview", "How you met: {0}"),
        FACT_MONTHS: QCoreApplication.translate(
            "FeedbackPreview", "How long you have been a pair: {0}"
        ),
    }
    words = _fact_values(facts)
    for key, label in labels.items():
        if key in words:
            lines.append("• " + label.format(words[key]))
    if not facts:
        lines.append(QCoreApplication.translate("FeedbackPreview", "    (none)"))
    lines += [
        "",
        QCoreApplication.translate(
            "FeedbackPreview",
            "A code that lets the scheme count you once per pair if you send feedback again "
            "for this period. It is made from a secret kept in your vault; it does not say "
            "who you are:",
        ),
        "    " + response.token,
        QCoreApplication.translate(
            "FeedbackPreview", "This is your first feedback for this period."
        )
        if response.revision == 1
        else QCoreApplication.translate(
            "FeedbackPreview",
            "This is feedback number {0} from you for this period; only the newest counts.",
        ).format(response.revision),
        "",
        QCoreApplication.translate(
            "FeedbackPreview",
            "Nothing else: no notes, agenda, goals or actions, no dates or times of your "
            "meetings, and nothing about this computer or this app. Text marked [removed] was "
            "taken out because it looked like a name, contact detail, number or date. The app "
            "finds the names it knows and names after a title such as Dr; it cannot find "
            "every name or detail that could point to someone, so read your words above "
            "once more.",
        ),
    ]
    return "\n".join(lines)
