"""The coordinator's report: duplicates count once, and no small group shows."""

from __future__ import annotations

import hashlib
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mentorpair.crypto.hybrid import HybridKeyPair
from mentorpair.feedback.report import (
    SUPPRESSED,
    CrossTab,
    Report,
    SchemeInfo,
    build_report,
    scheme_info,
)
from mentorpair.feedback.submission import Response
from mentorpair.feedback.suppression import protect
from tests.unit.feedback.support import make_scheme
from tests.unit.feedback.tables import other_value_possible

H1, H2 = "2026-H1", "2026-H2"


@pytest.fixture
def info(keypair: HybridKeyPair) -> SchemeInfo:
    return scheme_info(make_scheme(keypair))


def token(person: int, period: str = H1) -> str:
    """A stand-in for the keyed token: the same person and period, the same token."""
    return hashlib.sha256(f"{person}/{period}".encode()).hexdigest()


def answer(
    info: SchemeInfo,
    person: int,
    period: str = H1,
    revision: int = 1,
    facts: dict[str, str | tuple[str, ...]] | None = None,
    **answers: int | str,
) -> Response:
    return Response(info.scheme_id, period, token(person, period), revision, answers, facts or {})


def distribution(report: Report, question: str, period: str = H1) -> object:
    return next(
        d.counts
        for d in report.distributions
        if d.question_id == question and d.period_id == period
    )


def crosstab(report: Report, question: str, fact: str, period: str = H1) -> CrossTab:
    return next(
        t
        for t in report.crosstabs
        if t.question_id == question and t.fact == fact and t.period_id == period
    )


# ------------------------------------------------------------ the must-shows


def test_four_answers_with_k5_show_no_distribution_at_all(info: SchemeInfo) -> None:
    report = build_report(info, [answer(info, p, usefulness=4) for p in range(4)])

    # Not even how many answered: no number comes from fewer than k people.
    assert report.periods[0].responses is SUPPRESSED
    assert report.responses is SUPPRESSED and report.files_read is SUPPRESSED
    usefulness = next(d for d in report.distributions if d.question_id == "usefulness")
    assert usefulness.answered is SUPPRESSED
    for d in report.distributions:
        assert d.counts is SUPPRESSED
    for t in report.crosstabs:
        assert not t.shown
        assert all(c is SUPPRESSED for row in t.cells for c in row)
    assert all(p.mean is SUPPRESSED for trend in report.trends for p in trend.points)


def test_five_answers_with_k5_show_the_distribution(info: SchemeInfo) -> None:
    people = [answer(info, p, usefulness=v) for p, v in enumerate([4, 4, 3, 1, 4])]

    report = build_report(info, people)

    assert distribution(report, "usefulness") == (0, 1, 0, 1, 3)
    point = next(t for t in report.trends if t.question_id == "usefulness").points[0]
    assert point.mean == pytest.approx((2 + 4 + 5 * 3) / 5)
    assert point.agree_percent == pytest.approx(80.0)
    # Nobody answered the others: nothing to show there, and no zeros pretending.
    assert distribution(report, "confidence") is SUPPRESSED


def test_a_crosstab_cell_of_three_is_hidden_and_cannot_be_worked_out(info: SchemeInfo) -> None:
    # 12 agree (9 mentees, 3 mentors), 8 strongly agree (6 mentees, 2 mentors).
    people = [
        answer(info, p, usefulness=3 if p < 12 else 4, facts={"role": role})
        for p, role in enumerate(["mentee"] * 9 + ["mentor"] * 3 + ["mentee"] * 6 + ["mentor"] * 2)
    ]

    table = crosstab(build_report(info, people), "usefulness", "role")

    assert table.shown
    agree, strongly = table.cells[3], table.cells[4]
    assert agree[1] is SUPPRESSED  # the 3 mentors who agree
    assert agree[0] is SUPPRESSED  # else 12 - 9 gives it back
    assert strongly[1] is SUPPRESSED and strongly[0] is SUPPRESSED
    # Rows 12 and 8 and the 5 mentors stay published: 3 + 2 could be 1 + 4 or 4 + 1.
    assert (table.row_totals[3], table.row_totals[4], table.column_totals[1]) == (12, 8, 5)
    published = [c for row in table.cells for c in row if c is not SUPPRESSED]
    assert 3 not in published and 2 not in published


def test_two_submissions_by_one_person_in_a_period_count_once(info: SchemeInfo) -> None:
    first = answer(info, 1, usefulness=0)
    second = answer(info, 1, revision=2, usefulness=4)
    others = [answer(info, p, usefulness=2) for p in range(2, 6)]

    report = build_report(info, [second, first, *others])

    assert report.periods[0].responses == 5
    assert report.duplicates_dropped is SUPPRESSED  # one older copy: fewer than k
    # The later revision wins: the person changed their mind to "strongly agree".
    assert distribution(report, "usefulness") == (0, 0, 4, 0, 1)


def test_people_with_the_same_answers_each_count(info: SchemeInfo) -> None:
    same_answers = [answer(info, p, usefulness=3) for p in range(1, 6)]

    report = build_report(info, same_answers)

    assert report.periods[0].responses == 5
    assert report.duplicates_dropped == 0


def test_the_same_person_in_two_periods_counts_in_each(info: SchemeInfo) -> None:
    people = range(1, 6)
    report = build_report(
        info,
        [answer(info, p, H1, usefulness=3) for p in people]
        + [answer(info, p, H2, usefulness=3) for p in people],
    )

    assert [p.responses for p in report.periods] == [5, 5]


def test_an_exact_copy_counts_once_whatever_the_order(info: SchemeInfo) -> None:
    a = answer(info, 1, usefulness=3)
    b = answer(info, 1, usefulness=1)  # same token and revision, different content
    one = build_report(info, [a, b] + [answer(info, p, usefulness=2) for p in range(2, 6)])
    two = build_report(info, [b, a] + [answer(info, p, usefulness=2) for p in range(2, 6)])

    assert one.duplicates_dropped is two.duplicates_dropped is SUPPRESSED
    assert one.periods[0].responses == two.periods[0].responses == 5
    assert distribution(one, "usefulness") == distribution(two, "usefulness")


# ------------------------------------------------------------ comments and trends


def test_comments_show_only_from_min_comments_and_in_random_order(info: SchemeInfo) -> None:
    texts = [f"Comment number {n}" for n in range(info.min_comments)]
    too_few = build_report(info, [answer(info, p, improve=t) for p, t in enumerate(texts[:-1])])
    enough = [answer(info, p, improve=t) for p, t in enumerate(texts)]

    assert too_few.comments[0].texts is SUPPRESSED
    assert too_few.comments[0].count == info.min_comments - 1
    orders = {build_report(info, enough).comments[0].texts for _ in range(6)}
    assert all(sorted(o) == sorted(texts) for o in orders if o is not SUPPRESSED)
    assert len(orders) > 1  # 10! orders: six equal draws would be a broken shuffle


def test_trends_follow_each_period_and_hide_small_ones(info: SchemeInfo) -> None:
    first = [answer(info, p, H1, usefulness=1) for p in range(5)]
    second = [answer(info, p, H2, usefulness=4) for p in range(3)]

    trend = next(
        t for t in build_report(info, first + second).trends if t.question_id == "usefulness"
    )

    assert [p.period_id for p in trend.points] == [H1, H2]
    assert trend.points[0].mean == pytest.approx(2.0)
    assert trend.points[0].agree_percent == pytest.approx(0.0)
    assert trend.points[1].mean is SUPPRESSED
    assert trend.points[1].answered is SUPPRESSED


def test_responses_for_unknown_periods_are_left_out(info: SchemeInfo) -> None:
    stray = Response(info.scheme_id, "2030-H1", token(9), 1, {"usefulness": 3}, {})

    report = build_report(info, [stray], files_read=1)

    assert report.responses == 0
    assert report.outside_periods is SUPPRESSED  # one, but no count below k is shown


def test_summary_line_hides_counts_below_k_and_gets_plurals_right(info: SchemeInfo) -> None:
    people = [answer(info, 1), answer(info, 1, revision=2), answer(info, 2)]
    report = build_report(info, people, files_read=1234)

    assert report.summary() == (
        "Read 1,234 files: fewer than 5 responses, fewer than 5 duplicates dropped, 0 skipped."
    )
    one = build_report(info, [answer(info, 1)])
    assert "1 file" not in one.summary() and "1 response" not in one.summary()
    assert one.summary().startswith("Read fewer than 5 files: fewer than 5 responses")
    many = build_report(info, [answer(info, p) for p in range(6)])
    assert many.summary().startswith("Read 6 files: 6 responses, 0 duplicates dropped")


# ------------------------------------------------------------ the brute-force property


def published_only(cells: list[list[int]], k: int) -> bool:
    """Check a table protected by :func:`protect` against every table that fits it."""
    protection = protect(cells, k)
    if protection.whole_table:
        return True
    return all(
        other_value_possible(cells, k, protection.hidden, position)
        for position in protection.hidden
    )


tables = st.integers(1, 3).flatmap(
    lambda rows: st.integers(1, 4).flatmap(
        lambda cols: st.lists(
            st.lists(
                st.sampled_from([0, 0, 1, 2, 3, 4, 5, 6, 8, 13]), min_size=cols, max_size=cols
            ),
            min_size=rows,
            max_size=rows,
        )
    )
)


@settings(max_examples=300, deadline=None)
@given(cells=tables, k=st.integers(2, 6))
def test_no_hidden_cell_can_be_worked_out_from_what_is_published(
    cells: list[list[int]], k: int
) -> None:
    protection = protect(cells, k)
    values = _with_totals(cells)
    if not protection.whole_table:
        # Every small cell and total is hidden, and the grand total is shown.
        assert {p for p, v in values.items() if 0 < v < k} <= protection.hidden
        assert (len(cells), len(cells[0])) not in protection.hidden
    assert published_only(cells, k)


@settings(max_examples=150, deadline=None)
@given(cells=tables, k=st.integers(2, 6), data=st.data())
def test_known_answer_counts_do_not_give_a_hidden_cell_away(
    cells: list[list[int]], k: int, data: st.DataObject
) -> None:
    # Some people answered but kept the fact to themselves: the published
    # answer counts bound each row total from both sides.
    withheld = data.draw(st.lists(st.integers(0, 2), min_size=len(cells), max_size=len(cells)))
    answered = [sum(row) + extra for row, extra in zip(cells, withheld, strict=True)]
    slack = sum(withheld)
    bounds = [(max(0, n - slack), n) for n in answered]

    protection = protect(cells, k, bounds)

    if not protection.whole_table:
        assert all(
            other_value_possible(cells, k, protection.hidden, position, bounds)
            for position in protection.hidden
        )


def test_the_check_catches_a_table_hidden_by_primary_suppression_only() -> None:
    # Hiding just the 3 leaves it as 12 - 9: the brute force must say so.
    cells = [[9, 3], [6, 12]]
    lone = frozenset({(0, 1)})

    assert not other_value_possible(cells, 5, lone, (0, 1))
    assert published_only(cells, 5)


def test_known_row_totals_are_never_hidden_but_still_protect() -> None:
    cells = [[1, 0], [10, 12]]
    # Everyone shared the fact: row totals are exactly the published counts.
    protection = protect(cells, 5, [(1, 1), (22, 22)])

    # One person in row 0 and the row total is public: only hiding it all is safe.
    assert protection.whole_table


def _with_totals(cells: list[list[int]]) -> dict[tuple[int, int], int]:
    rows, cols = len(cells), len(cells[0])
    values = {(i, j): cells[i][j] for i, j in itertools.product(range(rows), range(cols))}
    values.update({(i, cols): sum(cells[i]) for i in range(rows)})
    values.update({(rows, j): sum(row[j] for row in cells) for j in range(cols)})
    values[(rows, cols)] = sum(map(sum, cells))
    return values
