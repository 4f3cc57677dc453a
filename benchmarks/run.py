"""What a person waits for, at 1,000, 10,000 and 100,000 events, beside a reference.

Run from the repository root::

    python benchmarks/run.py                 # 1k, 10k, 100k: prints the table, writes JSON
    python benchmarks/run.py --quick         # 1k and 10k only, fewer repetitions
    python benchmarks/run.py --sizes 10000 --json /tmp/b.json
    python benchmarks/run.py --doc           # also rewrites docs/PERFORMANCE.md's table

Every row is timed beside its reference in the same run (the machine is
shared and noisy, so compare ratios, not milliseconds, across runs): plain
SQLite with the same schema and rows, Argon2id alone, a bare Qt window,
``python -c pass``, the raw cryptography. Each row gives p50, p95 and the
worst of its samples, the peak resident memory while it ran, and the growth
exponent between the smallest and the largest size (0: independent of the
history, 1: linear, 2: quadratic).

The vaults are realistic (``benchmarks/corpus.py``) and built once per size
under ``/tmp`` (``benchmarks/vaults.py``); their floor Argon2id profile keeps
building cheap, so the unlock rows replace the key derivation by its result
and the derivation with this machine's calibrated parameters is its own row.
Prints figures and asserts only correctness.
"""

from __future__ import annotations

import argparse
import compileall
import json
import math
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if __package__ in (None, ""):  # run as a script: import mentorpair from this tree
    sys.path.insert(0, str(ROOT))

# Before Qt or mentorpair.paths are imported: headless, and a throwaway home so
# no setting, log or vault of the person running this is read or written.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_HOME = Path(tempfile.mkdtemp(prefix="mentorpair-bench-home-"))
for _var, _sub in (
    ("XDG_DATA_HOME", "data"),
    ("XDG_CONFIG_HOME", "config"),
    ("XDG_STATE_HOME", "state"),
    ("XDG_CACHE_HOME", "cache"),
):
    (_HOME / _sub).mkdir(parents=True, exist_ok=True)
    os.environ[_var] = str(_HOME / _sub)
os.environ["HOME"] = str(_HOME)

import mentorpair  # noqa: E402
from benchmarks import corpus, vaults  # noqa: E402
from mentorpair.crypto import kdf  # noqa: E402
from mentorpair.crypto.secret import SecretKey  # noqa: E402
from mentorpair.domain.events import EventKind  # noqa: E402
from mentorpair.storage.vault import Vault  # noqa: E402
from mentorpair.storage.workspace import (  # noqa: E402
    MATCH_END,
    MATCH_START,
    SEARCH_LIMIT,
    Workspace,
)

RESULTS = ROOT / "benchmarks" / "results"
DOC = ROOT / "docs" / "PERFORMANCE.md"
SIZES = (1_000, 10_000, 100_000)
MIB = 1024 * 1024


# ------------------------------------------------------------------ measuring
def rss_peak_reset() -> None:
    """Start a new peak-memory window (Linux: ``clear_refs`` 5 resets VmHWM)."""
    with suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def rss(field_name: str = "VmHWM") -> int:
    """The process's peak (VmHWM) or current (VmRSS) resident memory, in bytes."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field_name + ":"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def pick(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile (the largest of fewer than 20 samples for p95)."""
    ordered = sorted(values)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[min(rank, len(ordered)) - 1]


@dataclass
class Row:
    """One line of the table: a measure at one size, with its reference."""

    work: str
    events: int  # 0: not about a history size
    samples: list[float]
    reference: str = ""
    ref_samples: list[float] = field(default_factory=list)
    peak_bytes: int = 0
    unit: str = "ms"  # "MiB" for memory rows (samples in bytes)
    note: str = ""
    given: dict[str, float] = field(default_factory=dict)  # figures taken from elsewhere

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "work": self.work,
            "events": self.events,
            "unit": self.unit,
            "n": len(self.samples),
            "p50": statistics.median(self.samples),
            "p95": pick(self.samples, 0.95),
            "worst": max(self.samples),
            "peak_mib": self.peak_bytes / MIB,
            "reference": self.reference,
            "note": self.note,
        }
        out.update(self.given)
        if self.ref_samples:
            out["ref_p50"] = statistics.median(self.ref_samples)
            out["ref_p95"] = pick(self.ref_samples, 0.95)
            out["ratio"] = out["p50"] / out["ref_p50"] if out["ref_p50"] else None
        return out


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def alternate(
    ours: Callable[[], object], reference: Callable[[], object], reps: int
) -> tuple[list[float], list[float], int]:
    """Both, taking turns (so both meet the same noise); their samples and our peak memory."""
    mine: list[float] = []
    theirs: list[float] = []
    peak = 0
    for _ in range(reps):
        rss_peak_reset()
        mine.append(timed(ours))
        peak = max(peak, rss())
        theirs.append(timed(reference))
    return mine, theirs, peak


@contextmanager
def cached_kek(folder: Path, words: str) -> Iterator[None]:
    """Replace Argon2id by its result for this vault (its cost is measured on its own)."""
    own = _header_params(folder)
    real = kdf.derive_kek
    key = real(words, own).reveal()

    def derive(passphrase: str, params: kdf.KdfParams) -> SecretKey:
        if passphrase == words and params == own:
            return SecretKey(key, "key-encryption key")
        return real(passphrase, params)

    kdf.derive_kek = derive  # vault.py looks it up on the module at each call
    try:
        yield
    finally:
        kdf.derive_kek = real


def _header_params(folder: Path) -> kdf.KdfParams:
    vault = Vault.open(folder, _passphrase_for(folder))
    try:
        return vault.kdf_params
    finally:
        vault.close()


_PASSPHRASES: dict[Path, str] = {}


def _passphrase_for(folder: Path) -> str:
    return _PASSPHRASES.get(folder, vaults.PASSPHRASE)


# ------------------------------------------------------------------ plain SQLite
def plain(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path, isolation_level=None)


_EVENTS_SQL = (
    "SELECT event_id, pair_id, author, kind, at, body, clock, origin, seq, seen FROM events"
    " WHERE pair_id = ? AND quarantined = 0 ORDER BY clock, at, event_id"
)
_SEARCH_SQL = (
    "SELECT pair_id, entity, kind, private, highlight(search, 4, ?, ?),"
    " snippet(search, 5, ?, ?, '…', 16) FROM search WHERE search MATCH ?"
    f" ORDER BY rank LIMIT {SEARCH_LIMIT}"
)


def fts_query(text: str) -> str:
    """The query Workspace.search sends: each word a quoted prefix, all required."""
    return " ".join(f'"{w}"*' for w in text.replace('"', " ").split()[:20])


# ------------------------------------------------------------------ Qt
_APP: Any = None


def qt_app() -> Any:
    """The app's own QApplication (names, icon, theme), made once."""
    global _APP
    if _APP is None:
        from mentorpair.ui.app import make_application
        from mentorpair.ui.settings import Settings
        from mentorpair.ui.theme import apply_theme

        _APP = make_application()
        apply_theme(_APP, Settings().theme)
    return _APP


def settle(widget: Any = None) -> None:
    """Let Qt run what is queued (zero timers, layouts, paints of what changed).

    Painting is Qt's own: what a change marked dirty is painted here, a new
    window all of it. ``widget`` is only named for the reader: a forced full
    repaint would cost 30-40 ms that no save pays in the app.
    """
    app = qt_app()
    for _ in range(3):
        app.sendPostedEvents()
        app.processEvents()
    del widget


def until_pair_shown(window: Any, timeout: float = 600.0) -> None:
    """Let Qt run until the window shows a pair; a vault without pairs shows none.

    Unlocking opens the first pair after the window's first paint, and a long
    one on a pool thread: the row ends when the person can read it.
    """
    from mentorpair.ui.pair.view import PairView

    app = qt_app()
    page = window.workspace
    deadline = time.perf_counter() + timeout
    settle(window)
    while page.workspace is not None and page.workspace.pairs():
        if isinstance(page.content.currentWidget(), PairView):
            break
        if time.perf_counter() > deadline:
            raise RuntimeError("the pair did not open")
        app.processEvents()
        time.sleep(0.001)
    settle(window)


def dispose(widget: Any) -> None:
    widget.close()
    widget.deleteLater()
    settle()


# ------------------------------------------------------------------ rows per size
class SizeRun:
    """Every row for one cached vault."""

    def __init__(self, bench: vaults.BenchVault, reps: int, tmp: Path) -> None:
        self.bench = bench
        self.events = bench.events
        self.reps = reps
        self.tmp = tmp
        self.rows: list[Row] = []
        self.folder = bench.folder

    def row(self, work: str, samples: list[float], **kw: Any) -> Row:
        made = Row(work, self.events, samples, **kw)
        self.rows.append(made)
        say(f"    {work}: p50 {statistics.median(samples) * 1000:,.1f} ms")
        return made

    def all(self, demo_unlock: list[float], fill: bool, built_now: bool) -> list[Row]:
        """Measure everything for this size."""
        say(f"  {self.events:,} events (biggest pair {self.bench.pairs[0]['events']:,})")
        if fill:
            self.fill(built_now)
        # Saving changes the vault: every run works on a copy of the cached one.
        self.folder = self.tmp / f"vault-{self.events}"
        shutil.copytree(self.bench.folder, self.folder, ignore=vaults.NOT_COPIED)
        self.unlock(demo_unlock)
        vault = Vault.open(self.folder, vaults.PASSPHRASE)
        try:
            self.sidebar(vault)
            self.open_pair(vault)
            self.search(vault)
        finally:
            vault.close()
        self.memory()
        shutil.rmtree(self.folder)
        return self.rows

    # -- fill
    def fill(self, built_now: bool) -> None:
        """record_many of the whole history vs the same rows inserted into plain SQLite."""
        ref = [self._plain_fill() for _ in range(3)]
        if built_now or self.events > 10_000:
            samples = [self.bench.build_seconds]
            note = "the cached build" + ("" if built_now else " (see meta.json for when)")
        else:
            samples = []
            for _ in range(1 if self.events >= 10_000 else 3):
                folder = self.tmp / f"fill-{self.events}-{len(samples)}"
                rss_peak_reset()
                vault = Vault.create(
                    folder, vaults.PASSPHRASE, "Bench Person", params=kdf.minimum_params
                )
                workspace = Workspace(vault, clock=corpus.clock_for(self.events))
                samples.append(timed(partial(corpus.fill_vault, workspace, self.events)))
                vault.close()
                shutil.rmtree(folder)
            note = ""
        self.row(
            "fill N events (record_many, batches)",
            samples,
            reference="plain SQLite inserts, same rows",
            ref_samples=ref,
            peak_bytes=rss(),
            note=note,
        )

    def _plain_fill(self) -> float:
        """The twin's events and search rows into an empty plain database, same batches."""
        source = plain(self.bench.plain)
        target_path = self.tmp / "plain-fill.db"
        target_path.unlink(missing_ok=True)
        target = plain(target_path)
        target.execute("PRAGMA journal_mode = WAL")
        for name, sql in source.execute(
            "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type = 'index'"
        ):
            # sqlite_stat1 is made by ANALYZE (the vault's optimize does that on a
            # large history): SQLite's own, never created by a statement.
            if name not in vaults.FTS_SHADOW and not name.startswith("sqlite_"):
                target.execute(sql)
        events = source.execute("SELECT * FROM events ORDER BY rowid").fetchall()
        search = source.execute(
            "SELECT rowid, pair_id, entity, kind, private, title, body FROM search"
        ).fetchall()
        rows = source.execute("SELECT * FROM search_rows").fetchall()
        source.close()
        marks = ", ".join("?" for _ in events[0])
        batch = max(50, min(1_000, self.events // 40))
        start = time.perf_counter()
        for at in range(0, len(events), batch):
            target.execute("BEGIN")
            target.executemany(f"INSERT INTO events VALUES ({marks})", events[at : at + batch])
            target.executemany(
                "INSERT INTO search (rowid, pair_id, entity, kind, private, title, body)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                search[at : at + batch],
            )
            target.executemany(
                f"INSERT INTO search_rows VALUES ({', '.join('?' for _ in rows[0])})",
                rows[at : at + batch],
            )
            target.execute("COMMIT")
        took = time.perf_counter() - start
        target.close()
        target_path.unlink()
        return took

    # -- unlock
    def unlock(self, demo: list[float]) -> None:
        """Passphrase accepted → the main window painted with the first pair (KDF excluded)."""
        # The first open of a vault built here folds each pair in full and saves
        # its state (storage/snapshots.py), as a person's first open after the
        # upgrade to schema 1.4 does once; every later unlock restores it. So it
        # is shown on its own, and the row is what a person feels every day.
        samples, peak = unlock_samples(self.folder, vaults.PASSPHRASE, self.reps + 1)
        first, samples = samples[0], samples[1:]
        self.row(
            "unlock → window painted (KDF excluded)",
            samples,
            reference="the demo vault, same steps",
            ref_samples=demo,
            peak_bytes=peak,
            note=f"the first unlock, which saves each pair's state once: {first * 1000:,.0f} ms",
        )

    # -- sidebar
    def sidebar(self, vault: Vault) -> None:
        """Workspace.pairs() on a fresh workspace, as at unlock."""
        db = plain(self.bench.plain)
        mine, ref, peak = alternate(
            lambda: Workspace(vault).pairs(),
            lambda: db.execute(
                "SELECT pair_id, body FROM events WHERE kind = 'pair.created'"
            ).fetchall(),
            self.reps,
        )
        db.close()
        count = len(Workspace(vault).pairs())
        assert count == len(self.bench.pairs), "pairs() lost a pair"
        self.row(
            "sidebar: Workspace.pairs(), cold",
            mine,
            reference="plain SELECT of the pair.created rows",
            ref_samples=ref,
            peak_bytes=peak,
        )

    # -- open pair, its screens, save one note
    def open_pair(self, vault: Vault) -> None:
        """Cold state of the biggest pair; its screens; one note saved through the Notes tab."""
        from mentorpair.ui.pair.base import PairContext
        from mentorpair.ui.pair.view import PairView

        pair = self.bench.big_pair
        db = plain(self.bench.plain)

        def select() -> None:
            db.execute(_EVENTS_SQL, (pair,)).fetchall()

        fold, ref, peak = alternate(lambda: Workspace(vault).state(pair), select, self.reps)
        self.row(
            "open a pair: Workspace.state, cold",
            fold,
            reference="plain SELECT of the pair's rows",
            ref_samples=ref,
            peak_bytes=peak,
        )
        app = qt_app()
        screens: list[float] = []
        peak = 0
        view: Any = None
        for _ in range(self.reps):
            if view is not None:
                dispose(view)
            rss_peak_reset()
            start = time.perf_counter()
            workspace = Workspace(vault)
            view = PairView(PairContext(workspace, pair))
            view.resize(1100, 720)
            view.show()
            settle(view)
            screens.append(time.perf_counter() - start)
            peak = max(peak, rss())
        self.row(
            "open a pair: state + its screens painted",
            screens,
            reference="plain SELECT of the pair's rows",
            ref_samples=ref,
            peak_bytes=peak,
        )
        db.close()
        self.save_note(view, workspace, pair)
        dispose(view)
        del app

    def save_note(self, view: Any, workspace: Workspace, pair: str) -> None:
        """A sentence typed at the end of a note, then saved (what autosave does), until painted.

        Each save is of a different, full-length note (a save replaces the
        note's old words in the search index, so their number matters); the
        reference makes the same kind of edit of other notes straight through
        :meth:`Workspace.record`.
        """
        notes = view.show_page("notes")
        settle(view)
        state = workspace.state(pair)
        shared = sorted(n for n, note in state.notes.items() if note.kind.value == "shared")
        reps = max(10, self.reps * 4)
        step = max(1, len(shared) // (2 * reps + 1))
        chosen = shared[step::step][: 2 * reps]
        ui: list[float] = []
        ref: list[float] = []
        peak = 0
        typed = " One more sentence, typed just now."
        for rep in range(reps):
            note_id, other = chosen[2 * rep], chosen[2 * rep + 1]
            assert notes.select_note(note_id), "the note to edit is not listed"
            settle(view)
            text = state.notes[note_id].text + typed
            notes.body.setPlainText(text)
            rss_peak_reset()
            start = time.perf_counter()
            assert notes.save(), "the save was refused"
            settle(view)
            ui.append(time.perf_counter() - start)
            peak = max(peak, rss())
            assert workspace.state(pair).notes[note_id].text == text
            note = workspace.state(pair).notes[other]
            edit = partial(
                workspace.record, pair, EventKind.NOTE_EDITED, note_id=other, base=note.revision
            )
            ref.append(timed(partial(edit, text=note.text + typed)))
            settle()
        self.row(
            "save one note through the Notes tab",
            ui,
            reference="Workspace.record of the same edit",
            ref_samples=ref,
            peak_bytes=peak,
        )

    # -- search
    def search(self, vault: Vault) -> None:
        """Realistic queries over every pair, each once, after a short warm-up."""
        workspace = Workspace(vault)
        db = plain(self.bench.plain)
        words = corpus.queries(corpus.vocabulary())
        for text in words[:10]:
            workspace.search(text)
        mine: list[float] = []
        ref: list[float] = []
        hits: list[int] = []
        rss_peak_reset()
        for text in words:
            start = time.perf_counter()
            hits.append(len(workspace.search(text)))
            mine.append(time.perf_counter() - start)
            args = (MATCH_START, MATCH_END, MATCH_START, MATCH_END, fts_query(text))
            start = time.perf_counter()
            db.execute(_SEARCH_SQL, args).fetchall()
            ref.append(time.perf_counter() - start)
        found = workspace.search(corpus.PLANTED_WORD)
        assert [h.title for h in found] == ["The planted note"], found
        db.close()
        self.row(
            f"search, {len(words)} queries (p50/p95/worst over queries)",
            mine,
            reference="plain FTS5 MATCH, same SQL",
            ref_samples=ref,
            peak_bytes=rss(),
            note=f"hits per query: median {statistics.median(hits):.0f}, "
            f"{sum(h == SEARCH_LIMIT for h in hits)} of {len(hits)} at the {SEARCH_LIMIT:,} limit",
        )

    # -- memory
    def memory(self) -> None:
        """Resident memory of a fresh app process with the vault open, vs locked."""
        opened = child_rss(self.folder, unlocked=True)
        locked = child_rss(self.folder, unlocked=False)
        self.rows.append(
            Row(
                "memory: RSS with the vault open in the UI",
                self.events,
                [float(opened)],
                reference="the locked window",
                ref_samples=[float(locked)],
                unit="MiB",
            )
        )
        say(f"    memory: {opened / MIB:,.0f} MiB (locked {locked / MIB:,.0f} MiB)")


def unlock_samples(folder: Path, passphrase: str, reps: int) -> tuple[list[float], int]:
    """Vault.open + MainWindow.open_vault + paint, from the locked window; KDF cached."""
    from mentorpair.ui.main_window import MainWindow
    from mentorpair.ui.settings import Settings

    qt_app()
    _PASSPHRASES[folder] = passphrase
    samples: list[float] = []
    peak = 0
    with cached_kek(folder, passphrase):
        for _ in range(reps):
            window = MainWindow(folder, Settings())
            window.show()
            settle(window)
            rss_peak_reset()
            start = time.perf_counter()
            window.open_vault(Vault.open(folder, passphrase))
            until_pair_shown(window)
            samples.append(time.perf_counter() - start)
            peak = max(peak, rss())
            window.lock()
            dispose(window)
    return samples, peak


# ------------------------------------------------------------------ child processes
_CHILD_RSS = """
import os, sys
from pathlib import Path
sys.path.insert(0, {root!r})
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from mentorpair.storage.vault import Vault
from mentorpair.ui.app import make_application
from mentorpair.ui.main_window import MainWindow
from mentorpair.ui.settings import Settings
app = make_application()
window = MainWindow(Path({folder!r}), Settings())
window.show()
if {unlocked!r}:
    import time
    from mentorpair.ui.pair.view import PairView
    window.open_vault(Vault.open(Path({folder!r}), {passphrase!r}))
    deadline = time.monotonic() + 600
    # The first pair opens after the window's first paint (a long one on a pool thread).
    while not isinstance(window.workspace.content.currentWidget(), PairView):
        app.processEvents()
        time.sleep(0.001)
        if time.monotonic() > deadline:
            raise SystemExit("the pair did not open")
for _ in range(5):
    app.processEvents()
window.repaint()
app.processEvents()
status = open("/proc/self/status").read()
print(dict(line.split(":", 1) for line in status.splitlines())["VmRSS"].split()[0])
window.lock()
"""

_CHILD_START = """
import sys
sys.path.insert(0, {root!r})
from PySide6.QtWidgets import QApplication
def shown(self):
    for _ in range(3):
        QApplication.processEvents()
    print("shown", flush=True)
    return 0
QApplication.exec = shown
from mentorpair.cli import main
sys.exit(main(["--vault", {folder!r}]))
"""

_BARE_WINDOW = """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1100, 720)
window.show()
for _ in range(3):
    app.processEvents()
print("shown", flush=True)
"""


def child_rss(folder: Path, unlocked: bool) -> int:
    """VmRSS of a fresh process showing the window (unlocked with the vault, or locked)."""
    code = _CHILD_RSS.format(
        root=str(ROOT), folder=str(folder), unlocked=unlocked, passphrase=vaults.PASSPHRASE
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=600
    )
    return int(out.stdout.strip().splitlines()[-1]) * 1024


def until_line(command: list[str], marker: str | None = None) -> float:
    """Seconds from starting ``command`` to its ``marker`` line (or its exit)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env, cwd=ROOT
    )
    assert process.stdout is not None
    if marker is None:
        process.communicate(timeout=120)
        took = time.perf_counter() - start
    else:
        for line in process.stdout:
            if line.strip() == marker:
                break
        took = time.perf_counter() - start
        process.communicate(timeout=120)
    if process.returncode != 0:
        raise RuntimeError(f"{command[:3]} failed with {process.returncode}")
    return took


def once_rows(folder: Path, reps: int) -> list[Row]:
    """Rows about the app, not a history: start-up, --version, Argon2id."""
    # A person's installed app has its bytecode; a fresh checkout's first cold
    # start would otherwise pay for compiling every module it imports.
    compileall.compile_dir(ROOT / "mentorpair", quiet=1)
    python = sys.executable
    rows: list[Row] = []
    version, bare = [], []
    for _ in range(reps * 2):
        version.append(until_line([python, "-m", "mentorpair", "--version"]))
        bare.append(until_line([python, "-c", "pass"]))
    rows.append(Row("mentorpair --version, cold", 0, version, "python -c pass", bare))
    start, window = [], []
    locked = folder.parent / "locked-vault"
    shutil.rmtree(locked, ignore_errors=True)
    shutil.copytree(folder, locked, ignore=vaults.NOT_COPIED)
    for _ in range(reps):
        code = _CHILD_START.format(root=str(ROOT), folder=str(locked))
        start.append(until_line([python, "-c", code], "shown"))
        window.append(until_line([python, "-c", _BARE_WINDOW], "shown"))
    rows.append(
        Row("cold start → locked window", 0, start, "bare PySide6 QMainWindow shown", window)
    )
    shutil.rmtree(locked)
    params = kdf.calibrate()
    derive = [timed(lambda: kdf.derive_kek("a passphrase", params).wipe()) for _ in range(3)]
    rows.append(
        Row(
            "Argon2id alone, calibrated parameters",
            0,
            derive,
            note=f"{params.memory_kib // 1024} MiB, t={params.iterations}; add it to every unlock",
        )
    )
    for row in rows:
        say(f"    {row.work}: p50 {statistics.median(row.samples) * 1000:,.1f} ms")
    return rows


def demo_unlock(reps: int) -> list[float]:
    """The unlock rows' reference: the same steps on the demo vault."""
    from mentorpair.demo import DEMO_PASSPHRASE, DemoSession
    from mentorpair.domain.model import Role

    with DemoSession() as session:
        session.vault.close()
        samples, _ = unlock_samples(session.vault_folder(Role.MENTEE), DEMO_PASSPHRASE, reps)
    return samples


# ------------------------------------------------------------------ report and sync
def report_rows(counts: list[int], reps: int) -> list[Row]:
    """The coordinator's report over ``counts`` feedback files, vs read + HPKE open."""
    from benchmarks import bench_report

    rows = []
    for count in counts:
        say(f"  coordinator report, {count:,} files")
        mine, ref, peak = bench_report.report_vs_raw(count, reps)
        rows.append(
            Row(
                "coordinator report (read, open, aggregate)",
                count,
                mine,
                "raw read + HPKE open of each file",
                ref,
                peak_bytes=peak,
                note="events = feedback files",
            )
        )
    return rows


def sync_rows(sizes: list[int], run: bool) -> list[Row]:
    """One-note export and import from bench_sync (run now, quick, or its last JSON)."""
    path = RESULTS / "sync.json"
    if run:
        from benchmarks import bench_sync

        path = RESULTS / "sync-quick.json"
        bench_sync.main(
            ["--sizes", ",".join(map(str, sizes)), "--reps", "10", "--big-reps", "2",
             "--json", str(path), "--stale-ok"]
        )  # fmt: skip
    if not path.exists():
        return []
    data = json.loads(path.read_text())
    refs = {r["key"]: r for r in data["references"]}
    rows = []
    for r in data["rows"]:
        if r["measure"] not in ("export one new note", "import it (partner)"):
            continue
        if int(r["events"]) not in sizes:
            continue
        ref = refs.get(f"{r['events']}/{r['reference']}")
        row = Row(
            f"sync: {r['measure']}",
            int(r["events"]),
            [float(r["p50_s"])],
            reference=("HPKE + AEAD " + ("seal" if "export" in r["measure"] else "open")),
            ref_samples=[float(ref["p50_s"])] if ref else [],
            note=f"from {path.name} ({data['machine']['date']}, {r['reps']} runs)",
            given={"p95": float(r["p95_s"]), "worst": float(r["p95_s"]), "n": r["reps"]},
        )
        rows.append(row)
    return rows


# ------------------------------------------------------------------ output
def machine() -> dict[str, Any]:
    """Where and when this ran."""
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    commit = "unknown"
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
        pass
    cipher = "unknown"
    try:
        import sqlcipher3

        conn = sqlcipher3.connect(":memory:")
        cipher = str(conn.execute("PRAGMA cipher_version").fetchone()[0])
        cipher += f", SQLite {conn.execute('SELECT sqlite_version()').fetchone()[0]}"
        conn.close()
    except Exception:
        pass
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": commit,
        "cpus": os.cpu_count(),
        "cpu": model,
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "sqlcipher": cipher,
        "mentorpair": mentorpair.__version__,
        "platform": platform.platform(),
    }


def ordered(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each kind of work together, smallest history first, in the order first measured."""
    first: dict[str, int] = {}
    for index, row in enumerate(rows):
        first.setdefault(row["work"], index)
    return sorted(rows, key=lambda r: (first[r["work"]], r["events"]))


def growth(rows: list[dict[str, Any]]) -> None:
    """Add each row's growth exponent: log(p50 largest / p50 smallest) / log(size ratio)."""
    by_work: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        if row["events"]:
            by_work.setdefault(row["work"], []).append(row)
    for same in by_work.values():
        small = min(same, key=lambda r: r["events"])
        large = max(same, key=lambda r: r["events"])
        if large["events"] > small["events"] and small["p50"] > 0 and large["p50"] > 0:
            exponent = math.log(large["p50"] / small["p50"]) / math.log(
                large["events"] / small["events"]
            )
            large["growth"] = exponent


def fmt(value: float | None, unit: str) -> str:
    if value is None:
        return ""
    if unit == "MiB":
        return f"{value / MIB:,.0f}"
    return f"{value * 1000:,.1f}" if value < 10 else f"{value * 1000:,.0f}"


def table(rows: list[dict[str, Any]]) -> list[str]:
    """The results as Markdown lines."""
    lines = [
        "| work | events | p50 | p95 | worst | peak MiB | reference | ref p50 | × ref | growth |",
        "|---|---:|---:|---:|---:|---:|---|---:|---:|---:|",
    ]
    for r in rows:
        unit = r["unit"]
        suffix = " MiB" if unit == "MiB" else ""
        ratio = f"{r['ratio']:.1f}" if r.get("ratio") else ""
        grow = f"{r['growth']:.2f}" if "growth" in r else ""
        peak = f"{r['peak_mib']:,.0f}" if r["peak_mib"] else ""
        events = f"{r['events']:,}" if r["events"] else ""
        lines.append(
            f"| {r['work']} | {events} | {fmt(r['p50'], unit)}{suffix} | {fmt(r['p95'], unit)}"
            f" | {fmt(r['worst'], unit)} | {peak} | {r['reference']}"
            f" | {fmt(r.get('ref_p50'), unit)} | {ratio} | {grow} |"
        )
    return lines


def write_doc(result: dict[str, Any]) -> None:
    """Put the table and the machine into docs/PERFORMANCE.md between its markers."""
    start, end = "<!-- bench: start -->", "<!-- bench: end -->"
    m = result["machine"]
    section = "\n".join(
        [
            start,
            f"Measured {m['date']} on {m['cpus']} CPU(s), {m['cpu']}, Python {m['python']},"
            f" SQLite {m['sqlite']}, SQLCipher {m['sqlcipher']}, mentorpair {m['mentorpair']}"
            f" at {m['commit']} (`python benchmarks/run.py {' '.join(result['argv'])}`)."
            " Times in ms.",
            "",
            *table(result["rows"]),
            *[f"\n* {r['work']} ({r['events']:,}): {r['note']}" for r in result["rows"] if
              r["note"] and r["events"] == max(x["events"] for x in result["rows"])],
            end,
        ]
    )  # fmt: skip
    text = DOC.read_text()
    if start in text and end in text:
        text = text[: text.index(start)] + section + text[text.index(end) + len(end) :]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    DOC.write_text(text)


def combine(paths: list[Path], target: Path | None, doc: bool) -> int:
    """One table from runs of different sizes (the first file's machine and date)."""
    runs = [json.loads(p.read_text()) for p in paths]
    rows = [row for run in runs for row in run["rows"]]
    seen: set[tuple[str, int]] = set()
    kept = []
    for row in rows:  # a row measured in several runs: the first run's
        key = (row["work"], row["events"])
        if key not in seen:
            seen.add(key)
            row.pop("growth", None)
            kept.append(row)
    kept = ordered(kept)
    growth(kept)
    result = {**runs[0], "rows": kept, "sizes": sorted({s for r in runs for s in r["sizes"]})}
    print("\n".join(table(kept)))
    if target is not None:
        target.write_text(json.dumps(result, indent=1) + "\n")
    if doc:
        write_doc(result)
    return 0


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    """Measure every row at every size; print the table; write the JSON."""
    parser = argparse.ArgumentParser(
        prog="python benchmarks/run.py", description=__doc__.splitlines()[0] if __doc__ else ""
    )
    parser.add_argument("--sizes", help="history sizes, e.g. 1000,10000 (default 1k,10k,100k)")
    parser.add_argument("--quick", action="store_true", help="1k and 10k, fewer repetitions")
    parser.add_argument("--reps", type=int, help="repetitions per row (default 5, quick 3)")
    parser.add_argument("--rebuild", action="store_true", help="build the vaults again")
    parser.add_argument(
        "--stale-ok",
        action="store_true",
        help="use cached vaults built by older code (opening migrates a copy, as for a person)",
    )
    parser.add_argument("--no-fill", action="store_true", help="skip the fill rows")
    parser.add_argument("--sync", action="store_true", help="run bench_sync (quick) too")
    parser.add_argument("--report-files", default="1000,10000", help="feedback files (0: skip)")
    parser.add_argument("--json", type=Path, help="where to write the JSON")
    parser.add_argument("--doc", action="store_true", help="also update docs/PERFORMANCE.md")
    parser.add_argument("--label", help="describe the code measured (default: git commit)")
    parser.add_argument(
        "--combine", nargs="+", type=Path, help="only merge these JSON files into one table"
    )
    args = parser.parse_args(argv)
    if args.combine:
        return combine(args.combine, args.json, args.doc)
    if args.sizes:
        sizes = sorted(int(s.replace("_", "")) for s in args.sizes.split(","))
    else:
        sizes = [1_000, 10_000] if args.quick else list(SIZES)
    reps = args.reps or (3 if args.quick else 5)
    info = machine()
    if args.label:
        info["commit"] = args.label
    say(f"mentorpair benchmark: {info}")
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="mentorpair-bench-") as tmp_name:
        tmp = Path(tmp_name)
        built: dict[int, tuple[vaults.BenchVault, bool]] = {}
        for size in sizes:
            built[size] = vaults.cached_vault(
                size, rebuild=args.rebuild, log=print, stale_ok=args.stale_ok
            )
        say("  app start-up, --version, Argon2id")
        rows += once_rows(built[sizes[0]][0].folder, reps)
        say("  unlock reference: the demo vault")
        demo = demo_unlock(reps)
        for size in sizes:
            bench, just_built = built[size]
            rows += SizeRun(bench, reps if size < 100_000 else max(3, reps - 2), tmp).all(
                demo, fill=not args.no_fill, built_now=just_built
            )
        counts = [int(c) for c in args.report_files.split(",") if int(c)]
        if args.quick:
            counts = counts[:1]
        rows += report_rows(counts, reps=2)
        rows += sync_rows(sizes, args.sync)
    shutil.rmtree(_HOME, ignore_errors=True)
    out = ordered([r.as_dict() for r in rows])
    growth(out)
    result = {"machine": info, "sizes": sizes, "reps": reps, "argv": argv or sys.argv[1:],
              "rows": out}  # fmt: skip
    print("\n".join(table(out)))
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / ".gitignore").write_text("# Written by the benchmarks, not kept.\n*\n")
    target = args.json or RESULTS / f"run-{datetime.now(UTC):%Y%m%d-%H%M}.json"
    target.write_text(json.dumps(result, indent=1) + "\n")
    (RESULTS / "latest.json").write_text(json.dumps(result, indent=1) + "\n")
    say(f"JSON written to {target}")
    if args.doc:
        write_doc(result)
        say(f"{DOC.relative_to(ROOT)} updated")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
