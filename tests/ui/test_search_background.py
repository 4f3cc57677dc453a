"""Search on a pool thread (issue 12): newest results only, "Searching…", lock mid-search."""

from __future__ import annotations

import threading
import time

import pytest
import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import QLabel

from mentorpair.domain.events import EventKind
from mentorpair.domain.model import Role
from mentorpair.storage.database import is_interrupted
from mentorpair.storage.vault import Vault
from mentorpair.storage.workspace import Workspace, new_id
from tests.ui.conftest import PASSPHRASE

from mentorpair.ui import workers
from mentorpair.ui.search import SEARCHING_AFTER_MS, SearchPanel
from mentorpair.ui.workers import run_in_background


@pytest.fixture
def panel(qtbot):
    widget = SearchPanel()
    qtbot.addWidget(widget)
    widget.resize(420, 500)
    widget.show()
    return widget


def note(ws, pair, title):
    ws.record(pair, EventKind.NOTE_CREATED, note_id=new_id(), kind="shared", title=title, text="")


def titles(panel):
    return [panel.model.index(r, 0).data() for r in range(panel.model.rowCount())]


class HeldSearch:
    """Workspace.search made slow on purpose: words in ``held`` wait for :meth:`release`."""

    def __init__(self, monkeypatch, held: set[str]) -> None:
        self.held = held
        self.gate = threading.Event()
        self.waiting = threading.Event()
        self.done: list[str] = []
        self.threads: list[int] = []
        real = Workspace.search

        def search(ws, text, **kwargs):
            self.threads.append(threading.get_ident())
            if text in self.held:
                self.waiting.set()
                self.gate.wait(10)  # bounded, so code that blocks the UI thread still ends
            hits = real(ws, text, **kwargs)
            self.done.append(text)
            return hits

        monkeypatch.setattr(Workspace, "search", search)

    def release(self) -> None:
        self.gate.set()


def test_typing_on_shows_only_the_newest_searchs_results(qtbot, panel, ws, monkeypatch):
    pair = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
    note(ws, pair, "Rota")
    note(ws, pair, "Audit")
    slow = HeldSearch(monkeypatch, held={"rota"})
    panel.set_context(ws, pair, presenter=False)
    panel.box.setText("rota")
    began = time.monotonic()
    panel.run_search()  # held on its pool thread; the window goes on at once
    assert time.monotonic() - began < 1.0
    assert slow.waiting.wait(5)
    panel.box.setText("audit")
    panel.run_search()
    qtbot.waitUntil(lambda: titles(panel) == ["Audit"])
    # The held search ends after the newer one: its results never replace the newer ones.
    slow.release()
    qtbot.waitUntil(lambda: "rota" in slow.done)
    qtbot.waitUntil(lambda: workers.pending_count() == 0)
    qtbot.wait(50)
    assert titles(panel) == ["Audit"]
    assert panel.status.text().startswith("1 result.")
    assert threading.main_thread().ident not in slow.threads


def test_a_slow_search_says_searching_and_a_screen_reader_hears_it(qtbot, panel, ws, monkeypatch):
    pair = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
    note(ws, pair, "Rota")
    slow = HeldSearch(monkeypatch, held={"rota"})
    events: list[tuple[QAccessible.Event, object]] = []
    real = QAccessible.updateAccessibility

    def record(event: QAccessibleEvent) -> None:
        events.append((event.type(), event.object()))
        real(event)

    monkeypatch.setattr(QAccessible, "updateAccessibility", record)
    panel.set_context(ws, pair, presenter=False)
    panel.box.setText("rota")
    panel.run_search()
    assert panel.status.text() != "Searching…"  # not for a search that is quick
    qtbot.waitUntil(lambda: panel.status.text() == "Searching…", timeout=SEARCHING_AFTER_MS + 2000)
    interface = QAccessible.queryAccessibleInterface(panel.status)
    assert interface.text(QAccessible.Text.Name) == "Searching…"
    assert interface.text(QAccessible.Text.Description) == "Search results summary"
    assert (QAccessible.Event.NameChanged, panel.status) in events
    slow.release()
    qtbot.waitUntil(lambda: titles(panel) == ["Rota"])
    assert panel.status.text().startswith("1 result.")
    assert interface.text(QAccessible.Text.Name) == panel.status.text()


def test_locking_mid_search_interrupts_it_and_shows_nothing_after(
    qtbot, make_window, existing_vault, monkeypatch
):
    vault = Vault.open(existing_vault, PASSPHRASE)
    window = make_window(existing_vault, vault=vault)
    ws = window.workspace.workspace
    pair = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
    note(ws, pair, "Rota")
    running = threading.Event()
    outcome: dict[str, BaseException | None] = {}

    def endless_search(self, text, **_kwargs):
        """A search that would take minutes, in the database like the real one."""

        def started() -> int:
            running.set()
            return 1

        db = self.vault.db
        db._connection().create_function("started", 0, started)
        try:
            db.query(
                "WITH RECURSIVE c(x) AS (SELECT started() UNION ALL SELECT x + 1 FROM c"
                " WHERE x < 30000000) SELECT count(*) FROM c",
                interruptible=True,
            )
        except BaseException as exc:
            outcome["error"] = exc
            raise
        outcome["error"] = None
        return []

    monkeypatch.setattr(Workspace, "search", endless_search)
    window.show_search()
    panel = window.search_panel
    panel.box.setText("rota")
    panel.run_search()
    assert running.wait(10)
    began = time.monotonic()
    window.lock()  # raises nothing
    assert time.monotonic() - began < 2.0
    assert window.vault is None and vault.closed
    error = outcome["error"]
    assert error is not None and is_interrupted(error)  # cut short, not waited for
    qtbot.waitUntil(lambda: workers.pending_count() == 0)
    qtbot.wait(50)
    assert panel.model.rowCount() == 0
    assert panel.status.text() == "Unlock the vault to search."


class _Target(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.label = QLabel()

    def show_value(self, value: object) -> None:
        self.label.setText(str(value))  # fails on a deleted label


def test_a_late_result_for_a_deleted_object_is_dropped(qtbot):
    gate = threading.Event()
    target = _Target()
    delivered: list[object] = []
    target.destroyed.connect(lambda: delivered.append("destroyed"))

    def work() -> int:
        gate.wait(10)
        return 42

    job = run_in_background(work, target.show_value, delivered.append)
    shiboken6.delete(target.label)
    shiboken6.delete(target)
    gate.set()
    assert job.wait(10)
    qtbot.waitUntil(lambda: workers.pending_count() == 0)
    assert delivered == ["destroyed"]


def test_a_cancelled_job_delivers_nothing_and_is_not_pending(qtbot):
    gate = threading.Event()
    got: list[object] = []
    job = run_in_background(lambda: gate.wait(10), got.append, got.append)
    assert workers.pending_count() == 1
    job.cancel()
    assert workers.pending_count() == 0
    gate.set()
    assert job.wait(10)
    qtbot.wait(50)
    assert got == []


def test_a_pair_not_opened_yet_is_folded_off_the_ui_thread(qtbot, panel, ws, monkeypatch):
    # Hits are described from their pair's state; a long pair's first fold must
    # not fall on the UI thread when a search across every pair finds it.
    pairs = [ws.create_pair(Role.MENTEE, name) for name in ("Dr Helen Marsh", "Sam Carter")]
    for pair in pairs:
        note(ws, pair, "Rota review")
    for pair in pairs:
        ws.forget(pair)  # as after an unlock: nothing folded yet
    opened_on: list[int] = []
    real = Workspace._open_state

    def open_state(self, pair_id):
        opened_on.append(threading.get_ident())
        return real(self, pair_id)

    monkeypatch.setattr(Workspace, "_open_state", open_state)
    panel.set_context(ws, None, presenter=False)
    panel.box.setText("rota")
    panel.run_search()
    qtbot.waitUntil(lambda: len(titles(panel)) == 2)
    assert len(opened_on) == 2
    assert threading.main_thread().ident not in opened_on
