"""Canonical JSON equals RFC 8785 byte for byte on our subset (an independent encoder checks).

The oracle is the ``rfc8785`` package (Trail of Bits), a test-only dependency.
Outside the subset (fractions, NaN, huge integers, deep nesting, lone
surrogates) our encoder refuses instead of guessing.
"""

from __future__ import annotations

import json
import math

import pytest
import rfc8785
from hypothesis import given
from hypothesis import strategies as st

from mentorpair.domain.canonical import (
    MAX_DEPTH,
    MAX_INT,
    NotCanonical,
    canonical_json,
    check_depth,
)
from mentorpair.domain.events import Event, EventKind
from mentorpair.domain.model import Role

from .factory import T0

TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=20)
VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-MAX_INT, MAX_INT) | TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
    max_leaves=20,
)


@given(VALUES)
def test_our_bytes_are_rfc_8785s(value):
    assert canonical_json(value) == rfc8785.dumps(value)


@given(VALUES)
def test_canonical_bytes_read_back_to_the_same_value(value):
    assert json.loads(canonical_json(value)) == value


def test_keys_sort_by_utf16_code_units_not_code_points():
    # U+FFFD sorts after U+1F600 by code point, before it in UTF-16 (0xD83D).
    value = {"\ufffd": 1, "\U0001f600": 2, "a": 3}
    assert canonical_json(value) == rfc8785.dumps(value)
    assert canonical_json(value).index("😀".encode()) < canonical_json(value).index(
        "\ufffd".encode()
    )


@pytest.mark.parametrize(
    "value",
    [1.5, math.nan, math.inf, -math.inf, MAX_INT + 1, -MAX_INT - 1, "\ud800", {1: "x"}, b"bytes"],
    ids=["fraction", "nan", "inf", "-inf", "big", "-big", "surrogate", "int-key", "bytes"],
)
def test_values_outside_the_subset_are_refused(value):
    with pytest.raises(NotCanonical):
        canonical_json(value)


def test_nesting_is_bounded_before_parsing_and_when_writing():
    deep: object = "x"
    for _ in range(MAX_DEPTH + 2):
        deep = [deep]
    with pytest.raises(NotCanonical):
        canonical_json(deep)
    with pytest.raises(NotCanonical):
        check_depth(b"[" * 100_000 + b"]" * 100_000)
    check_depth(b'{"a": "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}')  # brackets in text


def test_an_event_with_a_fraction_or_nan_cannot_be_signed():
    from mentorpair.sync.chain import canonical_event

    for bad in (0.5, math.nan):
        event = Event("e" * 32, "p" * 32, Role.MENTEE, EventKind.GOAL_UPDATED, T0,
                      {"goal_id": "g1", "progress": bad})  # fmt: skip
        with pytest.raises(NotCanonical):
            canonical_event(event)
