"""The collector: opens only the outer layer, keeps the newest per token, releases batches of k.

Each attack of issue 11 has a test here: the coordinator opening a single
file, padding a batch with forgeries, differencing two reports, and counts
below k.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mentorpair.crypto.signing import SigningKey
from mentorpair.feedback.batches import MANIFEST_NAME, Batch, Manifest, receive, release, status
from mentorpair.feedback.collector import CollectorKeyMismatch, CollectorKeys
from mentorpair.feedback.envelope import open_envelope
from mentorpair.feedback.folder import NOT_IN_BATCH, read_folder, report_from_folder
from mentorpair.feedback.report import SUPPRESSED, Report
from mentorpair.feedback.submission import (
    FOR_COLLECTOR,
    NOT_COLLECTED,
    SkippedFile,
    open_feedback_file,
    random_file_name,
    seal_response,
)
from tests.unit.feedback.collector_support import H1, Setup, make_setup, response, send


@pytest.fixture(scope="module")
def setup() -> Setup:
    return make_setup()


def collect(setup: Setup, tmp_path: Path, people: range, revision: int = 1, **answers):
    inbox = tmp_path / "inbox"
    paths = [send(inbox, setup.scheme, p, revision, **answers) for p in people]
    return receive(tmp_path / "store", setup.scheme, setup.collector, paths)


def released(setup: Setup, tmp_path: Path) -> list[Batch]:
    out = tmp_path / "to-coordinator"
    out.mkdir(exist_ok=True)
    return release(tmp_path / "store", setup.scheme, setup.collector, out)


def usefulness_counts(report: Report) -> object:
    return next(d.counts for d in report.distributions if d.question_id == "usefulness")


# ------------------------------------------------------------ what each side can open
def test_the_coordinator_cannot_open_a_single_file(setup, tmp_path):
    path = send(tmp_path, setup.scheme, 1, improve="My mentor bullied me.")
    with pytest.raises(SkippedFile) as caught:
        open_feedback_file(path, setup.scheme, setup.coordinator)
    assert caught.value.reason == FOR_COLLECTOR
    # Nor through the report: a loose file is not in a released batch.
    read = read_folder(tmp_path, setup.scheme, setup.coordinator)
    assert read.responses == () and read.skipped[0].reason == NOT_IN_BATCH


def test_the_collector_learns_period_token_and_revision_never_an_answer(setup, tmp_path):
    path = send(tmp_path, setup.scheme, 7, 3, improve="My mentor bullied me.")
    envelope = open_envelope(path.read_bytes(), setup.scheme, setup.collector.keypair)
    assert (envelope.period_id, envelope.token, envelope.revision) == (
        H1,
        response(setup.scheme, 7).token,
        3,
    )
    # The inner parts are sealed to the coordinator: the collector's key opens neither.
    assert b"bullied" not in envelope.answers + envelope.comments
    from mentorpair.crypto.hybrid import OpenFailed, open_sealed

    for part, purpose in ((envelope.answers, b"answers"), (envelope.comments, b"comments")):
        with pytest.raises(OpenFailed):
            open_sealed(setup.collector.keypair, part, b"mentorpair/v2/feedback-" + purpose)


def test_a_file_sealed_straight_to_the_coordinator_does_not_count(setup, tmp_path):
    """Forged padding: anyone with the public scheme file can seal a version 1 file."""
    no_collector = replace(setup.scheme, collector=None)
    forged = tmp_path / random_file_name()
    forged.write_bytes(seal_response(response(no_collector, 99), no_collector))
    with pytest.raises(SkippedFile) as caught:
        open_feedback_file(forged, setup.scheme, setup.coordinator)
    assert caught.value.reason == NOT_COLLECTED


# ------------------------------------------------------------ receiving and releasing
def test_nothing_is_released_below_k_new_respondents(setup, tmp_path):
    got = collect(setup, tmp_path, range(4))
    assert (got.new, got.replaced, got.older) == (4, 0, 0)
    assert released(setup, tmp_path) == []
    assert status(tmp_path / "store", setup.scheme).periods[0].new == 4


def test_a_batch_of_k_is_shuffled_renamed_signed_and_reads_whole(setup, tmp_path):
    collect(setup, tmp_path, range(5))
    [batch] = released(setup, tmp_path)
    assert (batch.period_id, batch.kind, batch.sequence, batch.respondents) == (H1, "answers", 1, 5)
    names = sorted(p.name for p in batch.folder.iterdir())
    inbox_names = {p.name for p in (tmp_path / "inbox").iterdir()}
    assert MANIFEST_NAME in names and not inbox_names & set(names)
    manifest = json.loads((batch.folder / MANIFEST_NAME).read_text())
    assert "time" not in json.dumps(manifest) and manifest["aggregation"] == {"mode": "batch"}
    report = report_from_folder(tmp_path / "to-coordinator", setup.scheme, setup.coordinator)
    assert report.responses == 5 and report.batches == 1
    assert "never differ by fewer than 5 people" in report.summary()


def test_newest_answer_per_token_and_older_ones_ignored(setup, tmp_path):
    collect(setup, tmp_path, range(5), revision=2, usefulness=4)
    got = collect(setup, tmp_path, range(2), revision=1, usefulness=0)
    assert (got.new, got.older) == (0, 2)
    [batch] = released(setup, tmp_path)
    report = report_from_folder(batch.folder, setup.scheme, setup.coordinator)
    assert usefulness_counts(report) == (0, 0, 0, 0, 5)


def test_the_collector_key_must_be_the_one_the_scheme_names(setup, tmp_path):
    stranger = CollectorKeys(setup.collector.keypair, SigningKey.generate())
    with pytest.raises(CollectorKeyMismatch):
        receive(tmp_path, setup.scheme, stranger, [])


# ------------------------------------------------------------ attacks on the report
def test_differencing_two_reports_always_differs_by_at_least_k(setup, tmp_path):
    """Issue 11: a report on 5, then on 5 + 1, showed the newcomer's answers."""
    collect(setup, tmp_path, range(5), usefulness=1)
    released(setup, tmp_path)
    out = tmp_path / "to-coordinator"
    before = report_from_folder(out, setup.scheme, setup.coordinator)
    collect(setup, tmp_path, range(5, 6), usefulness=4)  # the sixth person
    assert released(setup, tmp_path) == []  # held until k new people
    after_one = report_from_folder(out, setup.scheme, setup.coordinator)
    assert usefulness_counts(after_one) == usefulness_counts(before)
    collect(setup, tmp_path, range(6, 10), usefulness=4)
    second = next(b for b in released(setup, tmp_path) if b.kind == "answers")
    assert second.respondents == 5
    after = report_from_folder(out, setup.scheme, setup.coordinator)
    assert after.responses == 10 and after.batches == 3  # two of answers, one of comments


def test_padding_a_batch_with_forgeries_or_removing_a_file_voids_the_batch(setup, tmp_path):
    """Issue 11: one real file plus 9 forged ones revealed the real person's answer."""
    collect(setup, tmp_path, range(5))
    [batch] = released(setup, tmp_path)
    padded = tmp_path / "padded"
    shutil.copytree(batch.folder, padded / "batch")
    send(padded / "batch", setup.scheme, 42)  # a forged file added
    read = read_folder(padded, setup.scheme, setup.coordinator)
    assert read.responses == () and read.batches == 0
    assert {s.reason for s in read.skipped} == {
        "incomplete: a file of the batch is missing or one was added"
    }
    thinned = tmp_path / "thinned"
    shutil.copytree(batch.folder, thinned / "batch")
    victim = next(p for p in (thinned / "batch").iterdir() if p.name != MANIFEST_NAME)
    victim.unlink()  # to difference one person out of the batch
    assert read_folder(thinned, setup.scheme, setup.coordinator).responses == ()


def test_a_manifest_signed_by_anyone_but_the_collector_is_refused(setup, tmp_path):
    collect(setup, tmp_path, range(5))
    [batch] = released(setup, tmp_path)
    doc = json.loads((batch.folder / MANIFEST_NAME).read_text())
    files = tuple((f["name"], f["sha256"]) for f in doc["files"])
    fake = Manifest(setup.scheme.scheme_id, H1, "answers", 1, 5, files)
    signature = SigningKey.generate().sign(b"mentorpair/v1/batch", fake.signed_bytes())
    forged = replace(fake, signature=signature)
    (batch.folder / MANIFEST_NAME).write_bytes(forged.to_bytes())
    read = read_folder(tmp_path / "to-coordinator", setup.scheme, setup.coordinator)
    assert read.responses == ()
    assert {s.reason for s in read.skipped} == {"not signed by the scheme's collector"}


@pytest.mark.parametrize("count", ["1e999", "-1e999", "2.0", '"2"', "true", "-1", "4294967296"])
def test_a_manifest_count_that_is_not_a_whole_number_is_damaged(setup, tmp_path, count):
    """Found by the fuzzer: a bit flip made ``"sequence"`` a float overflowing ``int()``."""
    collect(setup, tmp_path, range(5))
    [batch] = released(setup, tmp_path)
    path = batch.folder / MANIFEST_NAME
    path.write_text(path.read_text().replace('"sequence": 1,', f'"sequence": {count},'))
    read = read_folder(tmp_path / "to-coordinator", setup.scheme, setup.coordinator)
    assert read.responses == () and {s.reason for s in read.skipped} == {"damaged"}


def test_a_copy_of_a_batch_counts_once(setup, tmp_path):
    collect(setup, tmp_path, range(5))
    [batch] = released(setup, tmp_path)
    shutil.copytree(batch.folder, batch.folder.parent / "copy")
    report = report_from_folder(batch.folder.parent, setup.scheme, setup.coordinator)
    assert report.responses == 5 and report.batches == 1


def test_comments_travel_apart_and_only_in_batches_of_the_comment_threshold(setup, tmp_path):
    """A coordinator who decrypts by hand gets no comment from fewer than min_comments."""
    collect(setup, tmp_path, range(5), improve="More evening slots, please.")
    [small] = released(setup, tmp_path)
    assert (small.kind, small.respondents) == ("answers", 5)
    read = read_folder(small.folder, setup.scheme, setup.coordinator)
    # The answers files hold no free text at all, not even hidden by the report.
    assert all("improve" not in r.answers for r in read.responses)
    assert read.comments == ()
    report = report_from_folder(small.folder, setup.scheme, setup.coordinator)
    [comments] = [c for c in report.comments if c.period_id == H1]
    assert comments.texts is SUPPRESSED and comments.count == 0

    collect(setup, tmp_path, range(5, 10), improve="Longer sessions would help.")
    batches = released(setup, tmp_path)
    assert sorted((b.kind, b.respondents) for b in batches) == [("answers", 5), ("comments", 10)]
    everything = read_folder(tmp_path / "to-coordinator", setup.scheme, setup.coordinator)
    assert everything.comments is not None and len(everything.comments) == 10
    # Comment tokens are not answers tokens: a comment cannot be put beside its scores.
    answer_tokens = {r.token for r in everything.responses}
    assert not answer_tokens & {c.token for c in everything.comments}
    report = report_from_folder(tmp_path / "to-coordinator", setup.scheme, setup.coordinator)
    [comments] = [c for c in report.comments if c.period_id == H1]
    assert comments.texts != SUPPRESSED and len(comments.texts) == 10
    assert report.responses == 10


def test_the_store_refuses_another_schemes_state(setup, tmp_path):
    from mentorpair.errors import CorruptFile

    collect(setup, tmp_path, range(1))
    other = make_setup()
    with pytest.raises(CorruptFile):
        receive(tmp_path / "store", other.scheme, other.collector, [])


# ------------------------------------------------------------ the property behind "never below k"
_SMALL = make_setup(min_group=3, min_comments=3)


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.lists(st.tuples(st.integers(0, 9), st.integers(1, 3)), max_size=6),
        min_size=1,
        max_size=5,
    )
)
def test_every_batch_adds_at_least_k_new_people_whatever_arrives(
    tmp_path_factory: pytest.TempPathFactory, rounds: list[list[tuple[int, int]]]
) -> None:
    """Any arrivals, any order, repeats and revisions: each batch brings k new tokens."""
    setup, k = _SMALL, _SMALL.scheme.min_group
    base = tmp_path_factory.mktemp("rounds")
    out = base / "out"
    out.mkdir()
    seen: set[str] = set()
    seen_comments: set[str] = set()
    newest: dict[str, int] = {}
    for number, arrivals in enumerate(rounds):
        inbox = base / f"inbox{number}"
        paths = [send(inbox, setup.scheme, person, revision) for person, revision in arrivals]
        receive(base / "store", setup.scheme, setup.collector, paths)
        for person, revision in arrivals:
            token = response(setup.scheme, person).token
            newest[token] = max(newest.get(token, 0), revision)
        for batch in release(base / "store", setup.scheme, setup.collector, out):
            read = read_folder(batch.folder, setup.scheme, setup.coordinator)
            if batch.kind == "answers":
                tokens = {r.token for r in read.responses}
                assert len(tokens - seen) >= k
                seen |= tokens
            else:
                assert read.comments is not None
                texts = {c.token for c in read.comments}
                assert len(texts - seen_comments) >= setup.scheme.min_comments
                seen_comments |= texts
    report = report_from_folder(out, setup.scheme, setup.coordinator)
    assert report.responses == (len(seen) if len(seen) >= k else 0)
    final = read_folder(out, setup.scheme, setup.coordinator)
    kept: dict[str, int] = {}
    for r in final.responses:
        kept[r.token] = max(kept.get(r.token, 0), r.revision)
    # Whatever was released is the newest the collector had when it released.
    assert all(revision <= newest[token] for token, revision in kept.items())
