"""A short fuzzing run of every reader of outside data, and proof the harness can fail.

Each reader gets its seeds (valid inputs made with real keys, plus the
committed corpus) and then Hypothesis-drawn mutations of them: only
documented errors (KnownError) may escape, and a refused input may change no
byte in the reader's folders. ``MENTORPAIR_LONG=1`` draws 2,000 inputs per
reader; ``python -m tests.fuzz`` runs the long campaign with figures.
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mentorpair.errors import CorruptFile
from tests.fuzz.engine import EDIT_KINDS, Figures, Harness, campaign, mutate_with
from tests.fuzz.targets import harnesses
from tests.fuzz.world import cached_kdf, make_world

pytestmark = [pytest.mark.slow, pytest.mark.warnings_expected]

LONG = os.environ.get("MENTORPAIR_LONG") == "1"
EXAMPLES = 2_000 if LONG else 30
# The default suite draws the same inputs every run, so CI passes or fails on
# the code, not on luck; the long run (and ``python -m tests.fuzz``) explores.
DERANDOMIZE = not LONG
READERS = [
    "update", "update-payload", "invitation", "invitation-json", "acceptance",
    "acceptance-json", "scheme", "feedback", "collector", "manifest", "batch-file",
    "key-file", "vault-db", "vault-wal",
]  # fmt: skip
EDITS = st.lists(
    st.tuples(st.integers(0, EDIT_KINDS - 1), st.integers(0, 2**32 - 1)), min_size=1, max_size=4
)


@pytest.fixture(scope="module")
def readers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Harness]]:
    """Every harness over one world, made once for the module."""
    with cached_kdf():
        world = make_world(tmp_path_factory.mktemp("world"))
        try:
            yield {h.name: h for h in harnesses(world)}
        finally:
            world.close()


def test_every_reader_has_a_harness(readers: dict[str, Harness]):
    assert sorted(readers) == sorted(READERS)
    for harness in readers.values():
        assert len(harness.seeds) >= 2, harness.name


@pytest.mark.parametrize("name", READERS)
def test_only_documented_errors_and_no_write_after_refusal(readers: dict[str, Harness], name):
    harness = readers[name]
    figures = Figures(name)
    for seed in harness.seeds:
        harness.feed(seed, figures)
    assert figures.clean, figures.examples

    @settings(
        max_examples=EXAMPLES, database=None, deadline=None, derandomize=DERANDOMIZE,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )  # fmt: skip
    @given(seed=st.sampled_from(harness.seeds), edits=EDITS)
    def one(seed: bytes, edits: list[tuple[int, int]]) -> None:
        harness.feed(mutate_with(seed, edits, harness.seeds), figures)
        assert figures.clean, figures.examples

    one()
    print(figures.line())
    assert figures.refused > 0


# ---------------------------------------------------------------- the harness can fail


def _careless_key_reader(data: bytes) -> object:
    """A reader as one might write it in a hurry: json.loads errors escape untyped."""
    doc = json.loads(data)
    if not isinstance(doc, dict) or doc.get("format") != "mentorpair-vault-key":
        raise CorruptFile()
    return doc


def test_the_harness_counts_an_untyped_error(readers: dict[str, Harness]):
    seeds = readers["key-file"].seeds
    figures = campaign(Harness("careless", seeds, _careless_key_reader), 200, seed=7)
    assert figures.untyped > 0
    assert not figures.clean


def test_the_harness_counts_a_write_after_refusal(tmp_path: Path):
    folder = tmp_path / "store"
    folder.mkdir()

    def keeps_what_it_refuses(data: bytes) -> object:
        (folder / f"{len(data)}.bin").write_bytes(data)  # written before checking
        if not data.startswith(b"OK"):
            raise CorruptFile()
        return data

    figures = campaign(Harness("leaky", [b"OK fine", b"bad"], keeps_what_it_refuses, [folder]), 50)
    assert figures.writes_after_refusal > 0
    assert not figures.clean


def test_the_vault_harness_would_catch_the_overwritten_one_byte_database(
    readers: dict[str, Harness], monkeypatch
):
    """Issue 14's bug, put back: without the size check, a 1-byte vault.db is rewritten."""
    from mentorpair.storage import vault

    monkeypatch.setattr(vault, "_check_database_file", lambda _path: None)
    harness = readers["vault-db"]
    figures = Figures("vault-db without the size check")
    harness.feed(b"\x01", figures)
    assert figures.writes_after_refusal == 1


def test_the_crashed_vault_harness_would_catch_a_checkpoint_after_refusal(
    readers: dict[str, Harness], monkeypatch
):
    """Without the read-only probe, a refused open let SQLite checkpoint the WAL on close."""
    from mentorpair.storage import vault

    monkeypatch.setattr(vault, "_probe", lambda *_args: None)
    figures = campaign(readers["vault-wal"], 300, seed=5)
    assert figures.writes_after_refusal > 0


@pytest.mark.parametrize("name", READERS)
def test_each_harness_reports_a_reader_that_breaks_either_promise(
    readers: dict[str, Harness], name, tmp_path: Path
):
    """Wired to a broken reader, every harness counts the bug and the stray write."""
    harness = readers[name]

    def untyped(_data: bytes) -> object:
        raise ValueError("a bug")

    figures = Figures(name)
    dataclasses.replace(harness, read=untyped, reset=lambda: None).feed(harness.seeds[0], figures)
    assert figures.untyped == 1

    watched = list(harness.watched) or [tmp_path]
    stray = watched[0] / "stray-write.bin"

    def writes_then_refuses(_data: bytes) -> object:
        stray.write_bytes(b"written before refusing")
        raise CorruptFile()

    leaky = dataclasses.replace(
        harness, read=writes_then_refuses, watched=watched, reset=lambda: None
    )
    figures = Figures(name)
    try:
        leaky.feed(harness.seeds[0], figures)
    finally:
        stray.unlink(missing_ok=True)
    assert figures.writes_after_refusal == 1
