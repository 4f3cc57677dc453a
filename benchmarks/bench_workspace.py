"""Workspace speed with a big pair: 10,000 notes and 1,000 meetings in one vault.

Run: ``python benchmarks/bench_workspace.py``. Prints figures, asserts nothing:
these machines are shared and noisy, so compare ratios within one run.

Measures the times a person feels: opening the pair (rebuilding its state from
events, then building the pair's screens), searching, saving one note.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mentorpair.crypto import kdf
from mentorpair.domain.events import EventKind
from mentorpair.domain.model import Role
from mentorpair.storage.vault import Vault
from mentorpair.storage.workspace import Workspace, new_id

NOTES = 10_000
MEETINGS = 1_000
PASSPHRASE = "benchmark passphrase, not a secret"
WORDS = [
    "rota",
    "nights",
    "exam",
    "audit",
    "sepsis",
    "handover",
    "leadership",
    "consultant",
    "registrar",
    "teaching",
    "feedback",
    "wellbeing",
    "research",
    "portfolio",
    "interview",
    "simulation",
    "trauma",
    "paediatrics",
]


def timed(fn: Callable[[], object], repeat: int = 5) -> float:
    """Median seconds of ``repeat`` runs."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def fill(workspace: Workspace, pair: str) -> None:
    start = datetime(2020, 1, 6, 9, 0, tzinfo=UTC)
    meetings = [
        (
            EventKind.MEETING_PLANNED,
            {
                "meeting_id": new_id(),
                "starts_at": (start + timedelta(days=3 * n)).isoformat(),
                "duration_min": 60,
                "mode": "video",
                "place": "",
            },
        )
        for n in range(MEETINGS)
    ]
    notes = [
        (
            EventKind.NOTE_CREATED,
            {
                "note_id": new_id(),
                "kind": "shared" if n % 3 else "private",
                "title": f"Session {n}: {WORDS[n % len(WORDS)]}",
                "text": " ".join(WORDS[(n + k) % len(WORDS)] for k in range(120)),
            },
        )
        for n in range(NOTES)
    ]
    workspace.record_many(pair, meetings)
    workspace.record_many(pair, notes)


def main() -> int:
    kdf.default_params = kdf.minimum_params  # the KDF is measured in bench_vault.py
    folder = Path(tempfile.mkdtemp()) / "vault"
    vault = Vault.create(folder, PASSPHRASE, "Benchmark Person")
    workspace = Workspace(vault)
    pair = workspace.create_pair(Role.MENTEE, "Benchmark Partner")
    start = time.perf_counter()
    fill(workspace, pair)
    fill_seconds = time.perf_counter() - start
    vault.close()

    vault = Vault.open(folder, PASSPHRASE)
    rows: list[tuple[str, float]] = [
        (f"fill: {MEETINGS:,} meetings + {NOTES:,} notes, two transactions", fill_seconds)
    ]
    rows.append(
        ("open pair: rebuild state from events", timed(lambda: Workspace(vault).state(pair)))
    )
    workspace = Workspace(vault)
    workspace.state(pair)
    rows.append(("search one word (200 best hits)", timed(lambda: workspace.search("audit"))))
    rows.append(
        ("search two words, one pair", timed(lambda: workspace.search("sepsis rota", pair_id=pair)))
    )
    note = new_id()
    workspace.record(pair, EventKind.NOTE_CREATED, note_id=note, kind="shared", title="t", text="x")

    def save() -> None:
        state = workspace.state(pair)
        workspace.record(
            pair,
            EventKind.NOTE_EDITED,
            note_id=note,
            base=state.notes[note].revision,
            text=str(time.time()),
        )

    rows.append(("save one note (edit, own transaction)", timed(save, repeat=20)))

    from PySide6.QtWidgets import QApplication

    from mentorpair.ui.pair.base import PairContext
    from mentorpair.ui.pair.view import PairView

    app = QApplication.instance() or QApplication([])

    def open_view() -> None:
        view = PairView(PairContext(Workspace(vault), pair))
        view.resize(1200, 800)
        view.show()
        app.processEvents()
        view.close()
        view.deleteLater()
        app.processEvents()

    rows.append(("open pair overview on screen (state + all tabs)", timed(open_view, repeat=3)))
    vault.close()

    width = max(len(name) for name, _ in rows)
    print(f"{'measure':<{width}}  {'median':>10}")
    print("-" * (width + 12))
    for name, seconds in rows:
        print(f"{name:<{width}}  {seconds * 1000:>8.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
