"""The report as JSON (for programs) and CSV (for spreadsheets).

Both carry only what :mod:`.report` published: a suppressed number is the word
``"suppressed"``, never a number, a blank or a zero. Files are written
atomically and readable only by their owner, like everything else we write:
even an aggregate report is the scheme's business. The fields are described
in ``docs/formats/feedback.md`` ("Report").
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from mentorpair.feedback.report import (
    FACTS,
    SUPPRESSED,
    Cell,
    Comments,
    CrossTab,
    Distribution,
    Report,
    Trend,
)
from mentorpair.storage.atomic import atomic_write

__all__ = [
    "CSV_COLUMNS",
    "FORMAT",
    "VERSION",
    "report_csv",
    "report_json",
    "write_csv",
    "write_json",
]

FORMAT = "mentorpair-report"
#: 2: counts of people below k are "suppressed" too; files.batches added.
VERSION = 2
CSV_COLUMNS = ("section", "period", "question", "fact", "row", "column", "value")
#: The word standing for a hidden number in both formats.
HIDDEN = "suppressed"
#: Spreadsheets run a cell starting with one of these as a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Cell) -> int | str:
    return HIDDEN if value is SUPPRESSED else value


def _number(value: float | object, digits: int) -> float | str:
    return HIDDEN if value is SUPPRESSED or not isinstance(value, float) else round(value, digits)


def _labels(fact: str) -> list[str]:
    return [label for _, label in FACTS[fact][1]]


# ------------------------------------------------------------------ JSON


def report_json(report: Report) -> dict[str, Any]:
    """The report as a JSON-ready document."""
    scheme = report.scheme
    return {
        "format": FORMAT,
        "version": VERSION,
        "scheme": {
            "scheme_id": scheme.scheme_id,
            "name": scheme.name,
            "min_group": scheme.min_group,
            "min_comments": scheme.min_comments,
            "periods": [{"id": p.id, "label": p.label} for p in scheme.periods],
            "questions": [
                {"id": q.id, "type": q.kind, "text": q.text, "options": list(q.options)}
                for q in scheme.questions
            ],
        },
        "files": {
            "read": _cell(report.files_read),
            "responses_read": _cell(report.responses_read),
            "duplicates_dropped": _cell(report.duplicates_dropped),
            "outside_periods": _cell(report.outside_periods),
            "skipped": [{"name": s.name, "reason": s.reason} for s in report.skipped],
            "batches": report.batches,
        },
        "periods": [
            {"id": p.period_id, "label": p.label, "responses": _cell(p.responses)}
            for p in report.periods
        ],
        "distributions": [_distribution_json(d) for d in report.distributions],
        "crosstabs": [_crosstab_json(report, t) for t in report.crosstabs],
        "trends": [_trend_json(t) for t in report.trends],
        "comments": [_comments_json(c) for c in report.comments],
    }


def _distribution_json(d: Distribution) -> dict[str, Any]:
    return {
        "question": d.question_id,
        "period": d.period_id,
        "answered": _cell(d.answered),
        "counts": HIDDEN if d.counts is SUPPRESSED else list(d.counts),
    }


def _crosstab_json(report: Report, t: CrossTab) -> dict[str, Any]:
    return {
        "question": t.question_id,
        "fact": t.fact,
        "period": t.period_id,
        "rows": list(report.question(t.question_id).options),
        "columns": [value for value, _ in FACTS[t.fact][1]],
        "cells": [[_cell(c) for c in row] for row in t.cells],
        "row_totals": [_cell(c) for c in t.row_totals],
        "column_totals": [_cell(c) for c in t.column_totals],
        "total": _cell(t.total),
    }


def _trend_json(t: Trend) -> dict[str, Any]:
    return {
        "question": t.question_id,
        "points": [
            {
                "period": p.period_id,
                "answered": _cell(p.answered),
                "mean": _number(p.mean, 2),
                "agree_percent": _number(p.agree_percent, 1),
            }
            for p in t.points
        ],
    }


def _comments_json(c: Comments) -> dict[str, Any]:
    return {
        "question": c.question_id,
        "period": c.period_id,
        "count": _cell(c.count),
        "texts": HIDDEN if c.texts is SUPPRESSED else list(c.texts),
    }


def write_json(path: Path, report: Report) -> None:
    """Write the JSON report atomically, owner-only.

    Raises:
        NotFound, PermissionDenied, DiskFull, DiskError: the file could not be written.
    """
    text = json.dumps(report_json(report), ensure_ascii=False, indent=2) + "\n"
    atomic_write(path, text.encode("utf-8"), mode=0o600)


# ------------------------------------------------------------------ CSV


def _rows(report: Report) -> Iterator[tuple[str, str, str, str, str, str, int | float | str]]:
    """One row per published number (and per comment and skipped file)."""
    for p in report.periods:
        yield ("responses", p.period_id, "", "", "", "", _cell(p.responses))
    for d in report.distributions:
        yield ("answered", d.period_id, d.question_id, "", "", "", _cell(d.answered))
        options = report.question(d.question_id).options
        for index, option in enumerate(options):
            value = HIDDEN if d.counts is SUPPRESSED else d.counts[index]
            yield ("distribution", d.period_id, d.question_id, "", option, "", value)
    for t in report.crosstabs:
        options = report.question(t.question_id).options
        columns = _labels(t.fact)
        for i, option in enumerate(options):
            for j, column in enumerate(columns):
                yield (
                    "crosstab",
                    t.period_id,
                    t.question_id,
                    t.fact,
                    option,
                    column,
                    _cell(t.cells[i][j]),
                )
            yield (
                "crosstab",
                t.period_id,
                t.question_id,
                t.fact,
                option,
                "All",
                _cell(t.row_totals[i]),
            )
        for j, column in enumerate(columns):
            yield (
                "crosstab",
                t.period_id,
                t.question_id,
                t.fact,
                "All",
                column,
                _cell(t.column_totals[j]),
            )
        yield ("crosstab", t.period_id, t.question_id, t.fact, "All", "All", _cell(t.total))
    for trend in report.trends:
        for point in trend.points:
            mean, agree = _number(point.mean, 2), _number(point.agree_percent, 1)
            yield ("trend_mean", point.period_id, trend.question_id, "", "", "", mean)
            yield ("trend_agree_percent", point.period_id, trend.question_id, "", "", "", agree)
    for c in report.comments:
        yield ("comment_count", c.period_id, c.question_id, "", "", "", _cell(c.count))
        if c.texts is SUPPRESSED:
            yield ("comment", c.period_id, c.question_id, "", "", "", HIDDEN)
        else:
            for text in c.texts:
                yield ("comment", c.period_id, c.question_id, "", "", "", text)
    for s in report.skipped:
        yield ("skipped_file", "", "", "", s.name, "", s.reason)


def _safe(value: int | float | str) -> int | float | str:
    """Defuse text a spreadsheet would run as a formula (OWASP's advice: a leading ')."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def report_csv(report: Report) -> str:
    """The report as CSV text with a header row of :data:`CSV_COLUMNS`."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for row in _rows(report):
        writer.writerow([_safe(value) for value in row])
    return buffer.getvalue()


def write_csv(path: Path, report: Report) -> None:
    """Write the CSV report atomically, owner-only, in UTF-8 with a BOM for Excel.

    Raises:
        NotFound, PermissionDenied, DiskFull, DiskError: the file could not be written.
    """
    atomic_write(path, report_csv(report).encode("utf-8-sig"), mode=0o600)
