"""The coordinator's report: what many feedback files say, never who said it.

Plain Python over already opened responses, so the command line, the window
and the tests build the same report. Every number that describes fewer people
than the scheme's minimum group size is replaced by :data:`SUPPRESSED`; the
hidden number never enters the result, so no output can leak it by mistake.

The rules (also in ``docs/formats/feedback.md``):

* one response per person and period: the highest revision of each token;
* a question's answer counts are shown only when at least ``min_group`` people
  answered it in that period;
* cross-tabs of a question against a fact go through :mod:`.suppression`;
* trends (mean and share agreeing) only for periods with ``min_group`` answers;
* comments only when at least ``min_comments`` people wrote one, in a fresh
  random order.
"""

from __future__ import annotations

import enum
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Final, Literal, Protocol

from mentorpair.crypto.random import random_bytes
from mentorpair.feedback.scheme import Scheme
from mentorpair.feedback.suppression import protect

__all__ = [
    "FACTS",
    "SUPPRESSED",
    "Cell",
    "Comments",
    "CrossTab",
    "Distribution",
    "Hidden",
    "PeriodCount",
    "PeriodInfo",
    "QuestionInfo",
    "Report",
    "ResponseLike",
    "SchemeInfo",
    "Skipped",
    "Trend",
    "TrendPoint",
    "build_report",
    "is_shown",
    "scheme_info",
]


class Hidden(enum.Enum):
    """The marker that stands where a number about too few people would be."""

    SUPPRESSED = "suppressed"


#: Put in place of any number that describes fewer people than the threshold.
SUPPRESSED: Final = Hidden.SUPPRESSED
#: A published count, or the marker.
Cell = int | Literal[Hidden.SUPPRESSED]

#: The facts a response may carry that partition people, with their buckets in
#: order and the words the report uses for them. "modes" is a set, not a
#: partition, so it has no cross-tab.
FACTS: Final[dict[str, tuple[str, tuple[tuple[str, str], ...]]]] = {
    "role": ("Role", (("mentee", "Mentee"), ("mentor", "Mentor"))),
    "meetings": (
        "Meetings in the period",
        (("0", "None"), ("1-2", "1 to 2"), ("3-5", "3 to 5"), ("6+", "6 or more")),
    ),
    "months": (
        "Months in the relationship",
        (
            ("0-3", "Up to 3"),
            ("4-6", "4 to 6"),
            ("7-12", "7 to 12"),
            ("13-24", "13 to 24"),
            ("25+", "25 or more"),
        ),
    ),
}


class CommentLike(Protocol):
    """What the report reads of a comments record (``submission.CommentRecord``)."""

    @property
    def period_id(self) -> str: ...
    @property
    def token(self) -> str: ...
    @property
    def revision(self) -> int: ...
    @property
    def comments(self) -> dict[str, str]: ...


class ResponseLike(Protocol):
    """What the report reads of an opened feedback file (``submission.Response``)."""

    @property
    def period_id(self) -> str: ...  # noqa: D102 - fields of the response format
    @property
    def token(self) -> str: ...  # noqa: D102
    @property
    def revision(self) -> int: ...  # noqa: D102
    @property
    def answers(self) -> dict[str, int | str]: ...  # noqa: D102
    @property
    def facts(self) -> dict[str, str | tuple[str, ...]]: ...  # noqa: D102


@dataclass(frozen=True)
class QuestionInfo:
    """One question as the report needs it.

    Attributes:
        kind: "likert", "choice" or "text".
        options: the scale or choices, in order (empty for free text).
    """

    id: str
    kind: str
    text: str
    options: tuple[str, ...] = ()


@dataclass(frozen=True)
class PeriodInfo:
    """A reporting period: its id in the files and its words for people."""

    id: str
    label: str


@dataclass(frozen=True)
class SchemeInfo:
    """The parts of the public scheme file the report depends on."""

    scheme_id: str
    name: str
    periods: tuple[PeriodInfo, ...]
    questions: tuple[QuestionInfo, ...]
    min_group: int
    min_comments: int


@dataclass(frozen=True)
class Skipped:
    """A file left out of the report, by its name only, and why in plain words."""

    name: str
    reason: str


@dataclass(frozen=True)
class PeriodCount:
    """How many people answered in a period, after duplicates were dropped."""

    period_id: str
    label: str
    responses: Cell


@dataclass(frozen=True)
class Distribution:
    """How the answers to one question in one period spread over its options.

    Attributes:
        answered: people who answered the question in the period
            (:data:`SUPPRESSED` when 1 to ``min_group`` − 1).
        counts: one count per option, or :data:`SUPPRESSED` when fewer than
            ``min_group`` people answered.
    """

    question_id: str
    period_id: str
    answered: Cell
    counts: tuple[int, ...] | Literal[Hidden.SUPPRESSED]


@dataclass(frozen=True)
class CrossTab:
    """A question's answers (rows) against one fact (columns) in one period.

    Attributes:
        fact: a key of :data:`FACTS`.
        cells: ``cells[option][bucket]``.
        total: people who answered and shared the fact (or :data:`SUPPRESSED`).
    """

    question_id: str
    fact: str
    period_id: str
    cells: tuple[tuple[Cell, ...], ...]
    row_totals: tuple[Cell, ...]
    column_totals: tuple[Cell, ...]
    total: Cell

    @property
    def shown(self) -> bool:
        """Whether any number of the table is published."""
        return self.total is not SUPPRESSED


@dataclass(frozen=True)
class TrendPoint:
    """A Likert question in one period: how many answered and how it went.

    Attributes:
        mean: average position on the scale, 1 = first option.
        agree_percent: share choosing the upper half of the scale ("agree or
            better" on the default five-point scale), 0 to 100.
    """

    period_id: str
    answered: Cell
    mean: float | Literal[Hidden.SUPPRESSED]
    agree_percent: float | Literal[Hidden.SUPPRESSED]


@dataclass(frozen=True)
class Trend:
    """A Likert question across every period of the scheme, in scheme order."""

    question_id: str
    points: tuple[TrendPoint, ...]


@dataclass(frozen=True)
class Comments:
    """The free-text answers to one question in one period.

    Attributes:
        count: how many people wrote something (:data:`SUPPRESSED` when 1 to
            ``min_group`` − 1).
        texts: the comments in a fresh random order, or :data:`SUPPRESSED`
            when fewer than ``min_comments`` people wrote one.
    """

    question_id: str
    period_id: str
    count: Cell
    texts: tuple[str, ...] | Literal[Hidden.SUPPRESSED]


@dataclass(frozen=True)
class Report:
    """Everything the coordinator may see, ready for any output.

    Every count of people is :data:`SUPPRESSED` when it is 1 to
    ``min_group`` − 1: no number comes from fewer than k people.

    Attributes:
        files_read: files looked at, skipped ones included.
        responses_read: responses that opened, before duplicates were dropped.
        duplicates_dropped: older or repeated submissions of the same person
            in the same period.
        outside_periods: responses for a period the scheme does not list.
        batches: complete batches from the collector the report covers
            (None when the scheme has no collector).
    """

    scheme: SchemeInfo
    periods: tuple[PeriodCount, ...]
    distributions: tuple[Distribution, ...]
    crosstabs: tuple[CrossTab, ...]
    trends: tuple[Trend, ...]
    comments: tuple[Comments, ...]
    skipped: tuple[Skipped, ...] = ()
    files_read: Cell = 0
    responses_read: Cell = 0
    duplicates_dropped: Cell = 0
    outside_periods: Cell = 0
    batches: int | None = None
    total_responses: Cell = 0

    @property
    def responses(self) -> Cell:
        """People counted across all periods, duplicates dropped (hidden below k)."""
        return self.total_responses

    def question(self, question_id: str) -> QuestionInfo:
        """The question with this id (every id in the report is the scheme's)."""
        return next(q for q in self.scheme.questions if q.id == question_id)

    def summary(self) -> str:
        """One line for the command line: counts below k are "fewer than k", plurals right."""
        k = self.scheme.min_group
        parts = [
            f"Read {count_words(self.files_read, 'file', k)}: "
            f"{count_words(self.responses, 'response', k)}",
            f"{count_words(self.duplicates_dropped, 'duplicate', k)} dropped",
            f"{len(self.skipped):,} skipped.",
        ]
        line = ", ".join(parts)
        if self.batches is not None:
            line += " " + self.batches_sentence()
        return line

    def batches_sentence(self) -> str:
        """What a report over the collector's batches covers, in plain words."""
        if self.batches is None:
            return ""
        return (
            f"This report covers {count_words(self.batches, 'batch', 0)} released by the "
            f"collector. Each batch adds at least {self.scheme.min_group} people, so two "
            f"reports never differ by fewer than {self.scheme.min_group} people."
        )


def count_words(value: Cell, noun: str, min_group: int) -> str:
    """Counted words such as "3 files", or "fewer than 5 files" for a hidden count (English)."""
    plural = noun + ("es" if noun.endswith(("ch", "s")) else "s")
    if value is SUPPRESSED:
        return f"fewer than {min_group} {plural}"
    return f"{value:,} {noun if value == 1 else plural}"


def hide_small(value: int, min_group: int) -> Cell:
    """A count of people as published: hidden when it is 1 to ``min_group`` − 1."""
    return SUPPRESSED if 0 < value < min_group else value


def scheme_info(scheme: Scheme) -> SchemeInfo:
    """What the report keeps of a public scheme file."""
    return SchemeInfo(
        scheme_id=scheme.scheme_id,
        name=scheme.name,
        periods=tuple(PeriodInfo(p.period_id, p.label) for p in scheme.periods),
        questions=tuple(
            QuestionInfo(q.question_id, q.type.value, q.text, q.options) for q in scheme.questions
        ),
        min_group=scheme.min_group,
        min_comments=scheme.min_comments,
    )


def is_shown(value: object) -> bool:
    """Whether a report value is published rather than the suppressed marker."""
    return value is not SUPPRESSED


def build_report(
    scheme: SchemeInfo,
    responses: Iterable[ResponseLike],
    skipped: Sequence[Skipped] = (),
    files_read: int | None = None,
    batches: int | None = None,
    comment_records: Iterable[CommentLike] | None = None,
) -> Report:
    """Aggregate opened responses into a report that hides every small group.

    Args:
        scheme: the scheme the responses were sealed to.
        responses: every response that opened, duplicates included.
        skipped: files that did not open, with reasons; listed as they are.
        files_read: how many files were looked at (default: responses plus skipped).
        batches: complete collector batches the responses came from, if any.
        comment_records: with a collector, the free text from its comments
            batches (apart from the responses, under tokens of their own);
            comments then come only from these.
    """
    received = list(responses)
    known = {period.id for period in scheme.periods}
    in_periods = [r for r in received if r.period_id in known]
    kept = _dedupe(in_periods)
    by_period: dict[str, list[ResponseLike]] = {period.id: [] for period in scheme.periods}
    for response in kept:
        by_period[response.period_id].append(response)

    k = scheme.min_group
    texts = None if comment_records is None else _comment_groups(scheme, comment_records)
    distributions: list[Distribution] = []
    crosstabs: list[CrossTab] = []
    comments: list[Comments] = []
    for period in scheme.periods:
        group = by_period[period.id]
        # Each response's bucket of each fact, read once for every question's cross-tabs.
        buckets = {fact: _buckets(fact, group) for fact in FACTS}
        for question in scheme.questions:
            if question.kind == "text":
                if texts is not None:
                    found = texts.get((period.id, question.id), [])
                    comments.append(_comment_list(scheme, question, period.id, found))
                else:
                    comments.append(_comments(scheme, question, period.id, group))
                continue
            # Each response's choice is read once, for the distribution and every cross-tab.
            choices = _choices(question, group)
            distribution = _distribution(scheme, question, period.id, choices)
            distributions.append(distribution)
            crosstabs.extend(
                _crosstab(scheme, question, fact, period.id, choices, buckets[fact], distribution)
                for fact in FACTS
            )
    trends = tuple(
        _trend(scheme, question, distributions)
        for question in scheme.questions
        if question.kind == "likert"
    )
    return Report(
        scheme=scheme,
        periods=tuple(
            PeriodCount(period.id, period.label, hide_small(len(by_period[period.id]), k))
            for period in scheme.periods
        ),
        distributions=tuple(
            replace(d, answered=hide_small(_int(d.answered), k)) for d in distributions
        ),
        crosstabs=tuple(crosstabs),
        trends=tuple(
            replace(
                t,
                points=tuple(
                    replace(p, answered=hide_small(_int(p.answered), k)) for p in t.points
                ),
            )
            for t in trends
        ),
        comments=tuple(replace(c, count=hide_small(_int(c.count), k)) for c in comments),
        skipped=tuple(skipped),
        files_read=hide_small(
            len(received) + len(skipped) if files_read is None else files_read, k
        ),
        responses_read=hide_small(len(received), k),
        duplicates_dropped=hide_small(len(in_periods) - len(kept), k),
        outside_periods=hide_small(len(received) - len(in_periods), k),
        batches=batches,
        total_responses=hide_small(len(kept), k),
    )


def _int(value: Cell) -> int:
    """A count before publication (always a number inside :func:`build_report`)."""
    if not isinstance(value, int):
        raise TypeError("count already hidden")
    return value


def _dedupe(responses: Sequence[ResponseLike]) -> list[ResponseLike]:
    """Keep one response per person and period: the highest revision.

    Two files with the same token and revision are copies (or a person
    re-saved): keep the one whose content sorts last, so the result never
    depends on the order the folder listed its files.
    """
    best: dict[tuple[str, str], ResponseLike] = {}
    for response in responses:
        key = (response.period_id, response.token)
        held = best.get(key)
        # The content is compared only between copies of one revision (rare), not for all.
        if (
            held is None
            or response.revision > held.revision
            or (response.revision == held.revision and _canonical(response) > _canonical(held))
        ):
            best[key] = response
    return list(best.values())


def _canonical(response: ResponseLike) -> str:
    facts = {
        name: list(value) if isinstance(value, tuple) else value
        for name, value in response.facts.items()
    }
    return json.dumps([response.answers, facts], sort_keys=True, ensure_ascii=False)


#: fact → bucket → its column in the cross-tabs.
_COLUMNS: Final = {
    fact: {value: j for j, (value, _) in enumerate(buckets)} for fact, (_, buckets) in FACTS.items()
}


def _choices(question: QuestionInfo, group: Sequence[ResponseLike]) -> list[int | None]:
    """The option index each response in ``group`` chose, or None when unanswered or invalid.

    One loop, without a function call per response (10,000 per question; issue 12).
    """
    question_id, options = question.id, len(question.options)
    return [
        value
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < options
        else None
        for value in (response.answers.get(question_id) for response in group)
    ]


def _buckets(fact: str, group: Sequence[ResponseLike]) -> list[int | None]:
    """Each response's column in the cross-tabs of ``fact``, or None if it was not shared."""
    columns = _COLUMNS[fact]
    return [
        columns.get(bucket) if isinstance(bucket, str) else None
        for bucket in (response.facts.get(fact) for response in group)
    ]


def _distribution(
    scheme: SchemeInfo, question: QuestionInfo, period_id: str, choices: Sequence[int | None]
) -> Distribution:
    """The answer counts, from each response's choice (:func:`_choices`)."""
    tally = Counter(choices)
    counts = [tally[index] for index in range(len(question.options))]
    answered = sum(counts)
    shown = answered >= scheme.min_group
    return Distribution(question.id, period_id, answered, tuple(counts) if shown else SUPPRESSED)


def _crosstab(
    scheme: SchemeInfo,
    question: QuestionInfo,
    fact: str,
    period_id: str,
    choices: Sequence[int | None],
    buckets: Sequence[int | None],
    distribution: Distribution,
) -> CrossTab:
    """Cross one question with one fact, then hide what would single anyone out.

    ``choices`` and ``buckets`` hold what :func:`_choices` and
    :func:`_buckets` give, response by response. Only people who shared the fact
    are in the table. Its row totals are then
    at most the published answer counts, and at least those counts minus the
    number who did not share the fact: that is what a reader knows of them,
    so :func:`protect` gets it as bounds.
    """
    rows, columns = len(question.options), len(_COLUMNS[fact])
    tally = Counter(zip(choices, buckets, strict=True))
    cells = [[tally[i, j] for j in range(columns)] for i in range(rows)]
    bounds: list[tuple[int, int]] | None = None
    if distribution.counts is not SUPPRESSED:
        withheld = _int(distribution.answered) - sum(map(sum, cells))
        bounds = [(max(0, count - withheld), count) for count in distribution.counts]
    protection = protect(cells, scheme.min_group, bounds)

    def value(i: int, j: int, number: int) -> Cell:
        hidden = protection.whole_table or (i, j) in protection.hidden
        return SUPPRESSED if hidden else number

    return CrossTab(
        question_id=question.id,
        fact=fact,
        period_id=period_id,
        cells=tuple(tuple(value(i, j, cells[i][j]) for j in range(columns)) for i in range(rows)),
        row_totals=tuple(value(i, columns, sum(cells[i])) for i in range(rows)),
        column_totals=tuple(
            value(rows, j, sum(cells[i][j] for i in range(rows))) for j in range(columns)
        ),
        total=value(rows, columns, sum(map(sum, cells))),
    )


def _trend(
    scheme: SchemeInfo, question: QuestionInfo, distributions: Sequence[Distribution]
) -> Trend:
    """Mean and share agreeing per period, from the already published counts."""
    upper = (len(question.options) + 1) // 2  # first option of the upper half
    points = []
    for period in scheme.periods:
        found = next(
            d for d in distributions if d.question_id == question.id and d.period_id == period.id
        )
        if found.counts is SUPPRESSED or found.answered == 0:
            points.append(TrendPoint(period.id, found.answered, SUPPRESSED, SUPPRESSED))
            continue
        total = _int(found.answered)
        mean = sum((index + 1) * count for index, count in enumerate(found.counts)) / total
        agree = 100 * sum(found.counts[upper:]) / total
        points.append(TrendPoint(period.id, total, mean, agree))
    return Trend(question.id, tuple(points))


def _comment_groups(
    scheme: SchemeInfo, records: Iterable[CommentLike]
) -> dict[tuple[str, str], list[str]]:
    """(period, question) → the comments, one per comment token: its highest revision."""
    known = {period.id for period in scheme.periods}
    best: dict[tuple[str, str], CommentLike] = {}
    for record in records:
        key = (record.period_id, record.token)
        held = best.get(key)
        if record.period_id in known and (held is None or record.revision > held.revision):
            best[key] = record
    groups: dict[tuple[str, str], list[str]] = {}
    for (period_id, _), record in sorted(best.items()):
        for question_id, text in record.comments.items():
            if text.strip():
                groups.setdefault((period_id, question_id), []).append(text.strip())
    return groups


def _comments(
    scheme: SchemeInfo, question: QuestionInfo, period_id: str, group: Sequence[ResponseLike]
) -> Comments:
    texts = []
    for response in group:
        value = response.answers.get(question.id)
        if isinstance(value, str) and value.strip():
            texts.append(value.strip())
    return _comment_list(scheme, question, period_id, texts)


def _comment_list(
    scheme: SchemeInfo, question: QuestionInfo, period_id: str, texts: Sequence[str]
) -> Comments:
    if len(texts) < scheme.min_comments:
        return Comments(question.id, period_id, len(texts), SUPPRESSED)
    return Comments(question.id, period_id, len(texts), tuple(_shuffled(texts)))


def _shuffled(items: Sequence[str]) -> list[str]:
    """Fisher–Yates with the app's one randomness source: a fresh order each time.

    Never the order of the folder or of the files' tokens, which could line a
    comment up with a file's name or time.
    """
    result = list(items)
    for i in range(len(result) - 1, 0, -1):
        j = _below(i + 1)
        result[i], result[j] = result[j], result[i]
    return result


def _below(bound: int) -> int:
    """A uniform integer in ``[0, bound)`` by rejection, so no value is favoured."""
    bits = bound.bit_length()
    while True:
        candidate = int.from_bytes(random_bytes(8), "big") >> (64 - bits)
        if candidate < bound:
            return candidate
