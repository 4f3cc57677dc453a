"""What end-to-end encrypted sync costs as a pair's history grows: 1k, 10k and 100k events.

Run from the repository root::

    python benchmarks/bench_sync.py                  # 1k, 10k, 100k: a table and JSON
    python benchmarks/bench_sync.py --sizes 1000 --reps 5
    python benchmarks/bench_sync.py --doc            # also rewrites docs/PERFORMANCE.md's Sync

For each history size, a mentee's and a mentor's vault hold that many shared
events (mostly the mentee's notes, goals and actions, a fifth the mentor's),
exchanged through real updates and acknowledged both ways. The histories are
built once and kept under ``--cache`` (default ``/tmp/mentorpair-bench-sync``);
each run works on a copy. Measured, as p50/p95 over ``--reps`` runs:

* export of ONE new note on top of the history, and its import by the partner;
* import of a 1,000-event update, and of the next update that carries those
  1,000 again (not acknowledged yet) plus one new note;
* the cryptography alone on the same bytes, sealing and opening apart: the
  HPKE envelope (``crypto.hybrid``, ML-KEM-768 + X25519) plus
  ChaCha20-Poly1305 over the file's size in 64 KiB chunks. Each export row is
  compared with the seal reference, each import row with the open one.

Then a shared folder: the partner is away for 200 passes, with one change
per pass; how many files and bytes the folder holds, and what coming back costs.

Prints figures and asserts nothing beyond correctness: these machines are
shared and noisy, so compare ratios within one run. JSON goes to
``benchmarks/results/sync.json`` (a folder git ignores).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

if __package__ in (None, ""):  # run as a script: import mentorpair from this tree
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

import mentorpair
from mentorpair.crypto import hybrid, kdf
from mentorpair.domain.events import EventKind
from mentorpair.domain.model import Role
from mentorpair.storage import migrations
from mentorpair.storage.migrations import CURRENT
from mentorpair.storage.placement import MACHINE_FILE
from mentorpair.storage.vault import Vault
from mentorpair.storage.workspace import Workspace, new_id
from mentorpair.sync import update
from mentorpair.sync.exchange import Exchange
from mentorpair.sync.folder import SharedFolder, is_update_name

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results" / "sync.json"
DOC = ROOT / "docs" / "PERFORMANCE.md"
CHUNK = 64 * 1024
BATCH = 5_000  # events per update while building a history
PASSPHRASE = "{} benchmark passphrase, not a secret"
#: A cached history is rebuilt when any of these change (the schema's code too:
#: a step may gain a column before its version is released).
CACHE_KEY = "/".join(
    [
        mentorpair.__version__,
        f"update-v{update.VERSION}",
        f"schema-{CURRENT.pack()}",
        hashlib.sha256(Path(migrations.__file__).read_bytes()).hexdigest()[:16],
    ]
)
AWAY_PASSES = 200
T = TypeVar("T")


# ------------------------------------------------------------------ vaults
@dataclass
class Side:
    """One open vault with its exchange."""

    name: str
    vault: Vault
    x: Exchange

    @property
    def ws(self) -> Workspace:
        return self.x.workspace

    @classmethod
    def create(cls, folder: Path, name: str) -> Side:
        vault = Vault.create(folder, PASSPHRASE.format(name), name, params=kdf.minimum_params)
        return cls(name, vault, Exchange(Workspace(vault)))

    @classmethod
    def open(cls, folder: Path, name: str) -> Side:
        vault = Vault.open(folder, PASSPHRASE.format(name))
        return cls(name, vault, Exchange(Workspace(vault)))


def changes(count: int, role: Role) -> list[tuple[EventKind, dict[str, object]]]:
    """A realistic mix: mostly shared notes; goals for the mentee, actions for both."""
    out: list[tuple[EventKind, dict[str, object]]] = []
    for i in range(count):
        if i % 10 == 0 and role is Role.MENTEE:
            out.append((EventKind.GOAL_CREATED, {"goal_id": new_id(), "title": f"Goal {i}"}))
        elif i % 10 == 1:
            owner = role.value
            out.append(
                (EventKind.ACTION_ADDED, {"action_id": new_id(), "what": f"Do {i}", "owner": owner})
            )
        else:
            text = f"Session note {i}: what we discussed, what I will try next. " * 4
            out.append(
                (
                    EventKind.NOTE_CREATED,
                    {"note_id": new_id(), "kind": "shared", "title": f"Note {i}", "text": text},
                )
            )
    return out


def note() -> tuple[EventKind, dict[str, object]]:
    """One new shared note, as a person writes it after a meeting."""
    return changes(3, Role.MENTOR)[2]


def exchange(sender: Side, receiver: Side, pair_id: str) -> None:
    receiver.x.import_update(sender.x.export(pair_id))


def build_history(folder: Path, events: int) -> str:
    """Two paired vaults in ``folder`` holding ``events`` shared events each; the pair id."""
    mentee = Side.create(folder / "mentee", "Mentee")
    mentor = Side.create(folder / "mentor", "Mentor")
    try:
        pair_id = mentee.ws.create_pair(Role.MENTEE, "Mentor")
        acceptance = mentor.x.pairing.join(
            mentor.x.pairing.read(mentee.x.pairing.invite(pair_id)), "Mentee"
        )
        mentee.x.pairing.accept(mentee.x.pairing.read(acceptance))
        mentee.x.pairing.confirm(pair_id)
        mentor.x.pairing.confirm(pair_id)
        done = 0
        while done < events:
            batch = min(BATCH, events - done)
            mentee.ws.record_many(pair_id, changes(batch - batch // 5, Role.MENTEE))
            mentor.ws.record_many(pair_id, changes(batch // 5, Role.MENTOR))
            exchange(mentee, mentor, pair_id)
            exchange(mentor, mentee, pair_id)
            exchange(mentee, mentor, pair_id)  # acknowledges the mentor's
            done += batch
            print(f"  built {done:,} of {events:,} events", file=sys.stderr, flush=True)
        assert mentee.x.unsent(pair_id) == mentor.x.unsent(pair_id) == 0
        assert len(mentor.ws.shareable_events(pair_id)) == events
        return pair_id
    finally:
        mentee.vault.close()
        mentor.vault.close()


def cached_history(
    cache: Path, events: int, rebuild: bool, stale_ok: bool = False
) -> tuple[Path, str, float]:
    """The cached vaults for ``events`` (built if missing or stale), pair id, build seconds.

    ``stale_ok`` takes a history built by older code (its copies are migrated on open).
    """
    where = cache / f"{events}"
    meta = where / "meta.json"
    if not rebuild and meta.exists():
        info = json.loads(meta.read_text())
        if info.get("key") == CACHE_KEY or stale_ok:
            return where, str(info["pair_id"]), float(info["build_seconds"])
    shutil.rmtree(where, ignore_errors=True)
    building = cache / f"{events}.building"
    shutil.rmtree(building, ignore_errors=True)
    building.mkdir(parents=True)
    start = time.perf_counter()
    pair_id = build_history(building, events)
    seconds = time.perf_counter() - start
    (building / "meta.json").write_text(
        json.dumps({"key": CACHE_KEY, "pair_id": pair_id, "build_seconds": seconds})
    )
    building.rename(where)
    print(f"  history of {events:,} built in {seconds:.0f} s", file=sys.stderr)
    return where, pair_id, seconds


@contextmanager
def opened(folder: Path, pair_id: str) -> Iterator[tuple[Side, Side]]:
    """Both vaults of a history copy, open, with the pair's state already folded.

    A running app holds the pair's state; folding the whole history is the
    cost of opening the pair, measured by run.py, not here.
    """
    mentee = Side.open(folder / "mentee", "Mentee")
    mentor = Side.open(folder / "mentor", "Mentor")
    try:
        mentee.ws.state(pair_id)
        mentor.ws.state(pair_id)
        yield mentee, mentor
    finally:
        mentee.vault.close()
        mentor.vault.close()


# ------------------------------------------------------------------ measuring
def seconds(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def p95(values: list[float]) -> float:
    """Nearest-rank 95th percentile (the largest of fewer than 20)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, -(-95 * len(ordered) // 100) - 1))]


@dataclass
class Row:
    """One measured line of the table."""

    events: int
    measure: str
    samples: list[float]
    size: int  # the update file's bytes
    reference: str = ""  # the key of the crypto row it is compared with

    def as_dict(self) -> dict[str, Any]:
        return {
            "events": self.events,
            "measure": self.measure,
            "p50_s": statistics.median(self.samples),
            "p95_s": p95(self.samples),
            "reps": len(self.samples),
            "file_bytes": self.size,
            "reference": self.reference,
        }


def crypto_reference(recipient: Side, size: int, reps: int) -> tuple[list[float], list[float]]:
    """Seal and open, apart: the HPKE envelope and ChaCha20-Poly1305 over ``size`` bytes."""
    public = recipient.vault.identity().public().hybrid_public_bytes()
    private = recipient.vault.identity().hpke_private_key()
    envelope = os.urandom(update.ENVELOPE_LENGTH - hybrid.OVERHEAD)
    body = os.urandom(size)
    info = b"benchmark reference"
    sealed_times, opened_times = [], []
    for _ in range(reps):
        aead = ChaCha20Poly1305(os.urandom(32))
        start = time.perf_counter()
        sealed = hybrid.seal(public, envelope, info)
        chunks = [
            aead.encrypt(offset.to_bytes(12, "big"), body[offset : offset + CHUNK], b"h")
            for offset in range(0, size, CHUNK)
        ]
        sealed_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        hybrid.open_sealed(private, sealed, info)
        for index, chunk in enumerate(chunks):
            aead.decrypt((index * CHUNK).to_bytes(12, "big"), chunk, b"h")
        opened_times.append(time.perf_counter() - start)
    return sealed_times, opened_times


def timed(fn: Callable[[], T]) -> tuple[float, T]:
    """Seconds ``fn`` took, and what it returned."""
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def idle_passes(side: Side, pair_id: str, tmp: Path, reps: int) -> list[float]:
    """Passes over a shared folder with nothing to import or send: what the app pays to look."""
    shared = tmp / f"idle-{side.name}"
    shared.mkdir()
    folder = SharedFolder(side.x)
    folder.choose(pair_id, shared)
    folder.sync(pair_id)
    times = []
    for _ in range(reps):
        took, report = timed(partial(folder.sync, pair_id))
        assert report.written is None
        assert not report.imported
        times.append(took)
    folder.choose(pair_id, None)
    shutil.rmtree(shared)
    return times


def measure_history(
    cache: Path, pair_id: str, events: int, reps: int, big_reps: int, tmp: Path
) -> tuple[list[Row], dict[str, Row]]:
    """All rows for one history size, on a copy of the cached vaults."""
    work = tmp / f"work-{events}"
    shutil.copytree(cache, work, ignore=shutil.ignore_patterns("meta.json", MACHINE_FILE))
    rows: list[Row] = []
    references: dict[str, Row] = {}
    with opened(work, pair_id) as (mentee, mentor):
        exports, imports = [], []
        for _ in range(reps):
            mentee.ws.record_many(pair_id, [note()])
            took, data = timed(partial(mentee.x.export, pair_id))
            exports.append(took)
            imports.append(seconds(partial(mentor.x.import_update, data)))
            exchange(mentor, mentee, pair_id)  # the acknowledgement, as the folder carries it
        size = len(data)
        rows.append(Row(events, "export one new note", exports, size, f"seal {size}"))
        rows.append(Row(events, "import it (partner)", imports, size, f"open {size}"))
        rows.append(
            Row(
                events,
                "shared-folder pass, nothing new",
                idle_passes(mentee, pair_id, tmp, reps),
                0,
            )
        )
        mentee.ws.record_many(pair_id, changes(1_000, Role.MENTEE))
        big = mentee.x.export(pair_id)
        mentee.ws.record_many(pair_id, [note()])
        again = mentee.x.export(pair_id)  # the 1,000 again (no acknowledgement yet) + 1
        for length in sorted({size, len(big), len(again)}):
            seal, open_ = crypto_reference(mentor, length, reps)
            label = f"{length // 1024:,} KiB"
            references[f"seal {length}"] = Row(events, f"crypto seal, {label}", seal, length)
            references[f"open {length}"] = Row(events, f"crypto open, {label}", open_, length)
    # Each big import starts from the partner's vault as it is now (a fresh copy).
    big_times, again_times = [], []
    for rep in range(big_reps):
        copy = tmp / f"mentor-{events}-{rep}"
        shutil.copytree(work / "mentor", copy, ignore=shutil.ignore_patterns(MACHINE_FILE))
        partner = Side.open(copy, "Mentor")
        try:
            partner.ws.state(pair_id)
            big_times.append(seconds(partial(partner.x.import_update, big)))
            again_times.append(seconds(partial(partner.x.import_update, again)))
            assert partner.x.unsent(pair_id) == 0
        finally:
            partner.vault.close()
            shutil.rmtree(copy)
    rows.append(Row(events, "import a 1,000-event update", big_times, len(big), f"open {len(big)}"))
    rows.append(
        Row(events, "import the next: 1,000 held + 1 new", again_times, len(again),
            f"open {len(again)}")
    )  # fmt: skip
    shutil.rmtree(work)
    return rows, references


def away_for_passes(cache: Path, pair_id: str, tmp: Path) -> dict[str, Any]:
    """The partner is away for 200 passes with a change per pass: what the folder holds."""
    work = tmp / "away"
    shutil.copytree(cache, work, ignore=shutil.ignore_patterns("meta.json", MACHINE_FILE))
    shared = tmp / "Syncthing" / "mentoring"
    shared.mkdir(parents=True)
    with opened(work, pair_id) as (mentee, mentor):
        here, there = SharedFolder(mentee.x), SharedFolder(mentor.x)
        here.choose(pair_id, shared)
        there.choose(pair_id, shared)
        most_files = most_bytes = 0
        passes = []
        for _ in range(AWAY_PASSES):
            mentee.ws.record_many(pair_id, [note()])
            passes.append(seconds(partial(here.sync, pair_id)))
            files = [p for p in shared.iterdir() if is_update_name(p.name)]
            most_files = max(most_files, len(files))
            most_bytes = max(most_bytes, sum(p.stat().st_size for p in files))
        files = [p for p in shared.iterdir() if is_update_name(p.name)]
        at_end = (len(files), sum(p.stat().st_size for p in files))
        back = seconds(partial(there.sync, pair_id))
        assert mentee.x.unsent(pair_id) == AWAY_PASSES
        here.sync(pair_id)  # the acknowledgement arrives
        assert mentee.x.unsent(pair_id) == 0
    shutil.rmtree(work)
    return {
        "passes": AWAY_PASSES,
        "pass_p50_s": statistics.median(passes),
        "pass_p95_s": p95(passes),
        "most_files": most_files,
        "most_bytes": most_bytes,
        "files_at_end": at_end[0],
        "bytes_at_end": at_end[1],
        "partner_back_s": back,
    }


# ------------------------------------------------------------------ reporting
def machine() -> dict[str, Any]:
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        git = ["git", "-C", str(ROOT)]
        commit = subprocess.run(
            [*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            [*git, "status", "--porcelain", "mentorpair"], capture_output=True, text=True
        ).stdout.strip()
        commit += " + local changes" if dirty else ""
    except (OSError, subprocess.CalledProcessError):
        commit = "unknown"
    return {
        "commit": commit,
        "nproc": os.cpu_count(),
        "cpu": model,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "mentorpair": mentorpair.__version__,
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
    }


def ms(value: float) -> str:
    return f"{value * 1000:,.1f}"


def table(result: dict[str, Any]) -> list[str]:
    """The results as Markdown table lines (printed, and written into the docs)."""
    refs = {r["key"]: r for r in result["references"]}
    lines = [
        "| history | measure | file | p50 ms | p95 ms | crypto p50 ms | × crypto |",
        "|---:|---|---:|---:|---:|---:|---:|",
    ]
    for row in result["rows"]:
        ref = refs.get(f"{row['events']}/{row['reference']}")
        crypto = f"{ms(ref['p50_s'])} | {row['p50_s'] / ref['p50_s']:,.0f}" if ref else " |"
        size = f"{row['file_bytes'] // 1024:,} KiB" if row["file_bytes"] else ""
        lines.append(
            f"| {row['events']:,} | {row['measure']} | {size}"
            f" | {ms(row['p50_s'])} | {ms(row['p95_s'])} | {crypto} |"
        )
    for ref in result["references"]:
        lines.append(
            f"| {ref['events']:,} | {ref['measure']} | {ref['file_bytes'] // 1024:,} KiB"
            f" | {ms(ref['p50_s'])} | {ms(ref['p95_s'])} | | |"
        )
    if result["growth"]:
        first, last = result["growth_between"]
        lines += ["", f"| growth {first:,} → {last:,} events (p50) | × |", "|---|---:|"]
        lines += [f"| {m} | {g:.2f} |" for m, g in result["growth"].items()]
    away = result["away"]
    if away:
        lines += [
            "",
            f"Partner away for {away['passes']} passes, one change per pass"
            f" (history {away['events']:,}): at most {away['most_files']} update file(s),"
            f" {away['most_bytes'] // 1024:,} KiB in the folder; at the end"
            f" {away['files_at_end']} file(s), {away['bytes_at_end'] // 1024:,} KiB."
            f" A pass took {ms(away['pass_p50_s'])} ms (p95 {ms(away['pass_p95_s'])});"
            f" the partner's first pass back imported all {away['passes']} changes in"
            f" {ms(away['partner_back_s'])} ms.",
        ]
    return lines


def write_doc(result: dict[str, Any]) -> None:
    """Put the latest table and machine into docs/PERFORMANCE.md's Sync section."""
    start, end = "<!-- bench_sync: start -->", "<!-- bench_sync: end -->"
    m = result["machine"]
    section = "\n".join(
        [
            start,
            f"Measured {m['date']} on {m['nproc']} CPU(s), {m['cpu']}, Python {m['python']},"
            f" mentorpair {m['mentorpair']} at {m['commit']}"
            f" (`python benchmarks/bench_sync.py --doc`;"
            f" {result['reps']} repetitions, 1,000-event imports {result['big_reps']})."
            " Building the histories (once, then cached) took "
            + ", ".join(f"{int(n):,} events {s:.0f} s" for n, s in result["built_s"].items())
            + ".",
            "",
            *table(result),
            end,
        ]
    )
    text = DOC.read_text() if DOC.exists() else "# Performance\n"
    if start in text and end in text:
        text = text[: text.index(start)] + section + text[text.index(end) + len(end) :]
    else:
        text = text.rstrip("\n") + "\n\n## Sync\n\n" + section + "\n"
    DOC.write_text(text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="history sizes, in events")
    parser.add_argument("--reps", type=int, default=20, help="repetitions of the one-note rows")
    parser.add_argument("--big-reps", type=int, default=5, help="repetitions of 1,000-event rows")
    parser.add_argument(
        "--cache", type=Path, default=Path(tempfile.gettempdir()) / "mentorpair-bench-sync"
    )
    parser.add_argument("--rebuild", action="store_true", help="build the histories again")
    parser.add_argument(
        "--stale-ok", action="store_true", help="use histories cached by older code"
    )
    parser.add_argument("--json", type=Path, default=RESULTS, help="where to write the JSON")
    parser.add_argument("--doc", action="store_true", help="also update docs/PERFORMANCE.md")
    args = parser.parse_args(argv)
    sizes = sorted(int(s.replace("_", "")) for s in args.sizes.split(","))
    result: dict[str, Any] = {
        "machine": machine(), "reps": args.reps, "big_reps": args.big_reps,
        "rows": [], "references": [], "growth": {}, "growth_between": [sizes[0], sizes[-1]],
        "away": {}, "built_s": {},
    }  # fmt: skip
    print(f"mentorpair sync benchmark: {result['machine']}", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="bench-sync-") as tmp:
        for events in sizes:
            cache, pair_id, built = cached_history(args.cache, events, args.rebuild, args.stale_ok)
            result["built_s"][str(events)] = built
            print(f"  measuring at {events:,} events", file=sys.stderr, flush=True)
            rows, refs = measure_history(
                cache, pair_id, events, args.reps, args.big_reps, Path(tmp)
            )
            result["rows"] += [r.as_dict() for r in rows]
            result["references"] += [
                {**r.as_dict(), "key": f"{events}/{key}"} for key, r in refs.items()
            ]
            if events == sizes[0]:
                print(f"  shared folder, partner away ({events:,})", file=sys.stderr)
                result["away"] = {"events": events, **away_for_passes(cache, pair_id, Path(tmp))}
    if len(sizes) > 1:
        p50 = {(r["events"], r["measure"]): r["p50_s"] for r in result["rows"]}
        result["growth"] = {
            measure: p50[(sizes[-1], measure)] / p50[(sizes[0], measure)]
            for events, measure in p50
            if events == sizes[0]
        }
    print("\n".join(table(result)))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    if args.json.parent == RESULTS.parent:
        (RESULTS.parent / ".gitignore").write_text("# Written by the benchmarks, not kept.\n*\n")
    args.json.write_text(json.dumps(result, indent=1) + "\n")
    print(f"JSON written to {args.json}", file=sys.stderr)
    if args.doc:
        write_doc(result)
        print(f"{DOC.relative_to(ROOT)} updated", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
