"""The UI does only the work that changed (issue 12): counted, never timed.

Opening a pair fills only the tab on screen; a hidden tab fills itself when it
is first shown, with the data of that moment; a save through a tab updates its
own rows (no model reset) and leaves the hidden tabs to catch up on their show.
"""

from __future__ import annotations

import dataclasses
import threading
from collections import Counter
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAccessible
from pytestqt.qtbot import QtBot

from mentorpair.domain.events import EventKind
from mentorpair.domain.model import Note, NoteKind, Role
from mentorpair.errors import DiskError
from mentorpair.storage.workspace import Workspace, new_id

from mentorpair.ui import workers
from mentorpair.ui import workspace as workspace_page
from mentorpair.ui.pair.base import PairContext, PairTab
from mentorpair.ui.pair.note_list import NotesModel
from mentorpair.ui.pair.notes import NotesTab
from mentorpair.ui.pair.view import PairView
from mentorpair.ui.workspace import WorkspacePage


@pytest.fixture
def refreshes(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How often each tab (by class name) re-read the pair."""
    counts: Counter[str] = Counter()
    for cls in _tab_classes():
        original = cls.refresh

        def counting(self: PairTab, _original=original) -> None:
            counts[type(self).__name__] += 1
            _original(self)

        monkeypatch.setattr(cls, "refresh", counting)
    return counts


def _tab_classes() -> list[type[PairTab]]:
    from mentorpair.ui.feedback.tab import FeedbackTab
    from mentorpair.ui.pair.actions import ActionsTab
    from mentorpair.ui.pair.agreement import AgreementTab
    from mentorpair.ui.pair.goals import GoalsTab
    from mentorpair.ui.pair.meetings import MeetingsTab
    from mentorpair.ui.pair.overview import OverviewTab
    from mentorpair.ui.sync.partner_tab import PartnerTab

    return [
        OverviewTab,
        MeetingsTab,
        GoalsTab,
        NotesTab,
        ActionsTab,
        AgreementTab,
        FeedbackTab,
        PartnerTab,
    ]


def _note(ws: Workspace, pair: str, title: str) -> str:
    note_id = new_id()
    ws.record(pair, EventKind.NOTE_CREATED, note_id=note_id, kind="shared", title=title, text="x")
    return note_id


@pytest.fixture
def view(qtbot: QtBot, ws: Workspace) -> Iterator[PairView]:
    pair = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
    for n in range(30):
        _note(ws, pair, f"Note {n}")
    shown = PairView(PairContext(ws, pair))
    qtbot.addWidget(shown)
    shown.resize(1100, 700)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown
    shown.close()


def test_opening_a_pair_fills_only_the_tab_on_screen(
    qtbot: QtBot, ws: Workspace, refreshes: Counter[str]
) -> None:
    pair = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
    view = PairView(PairContext(ws, pair))
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    assert dict(refreshes) == {"OverviewTab": 1}


def test_a_hidden_tab_fills_on_first_show_with_fresh_data(
    qtbot: QtBot, view: PairView, refreshes: Counter[str]
) -> None:
    notes = view.pages["notes"]
    assert isinstance(notes, NotesTab)
    pair = view.context.pair_id
    late = _note(view.context.workspace, pair, "Arrived from the partner")
    view.refresh()  # what an import or the shared folder does
    assert refreshes["NotesTab"] == 0  # hidden: marked stale, not rebuilt
    view.show_page("notes")
    assert refreshes["NotesTab"] == 1
    assert notes.model.row_of(late) == 0  # the newest note, shown first


def test_saving_a_note_updates_its_row_and_rebuilds_no_other_tab(
    qtbot: QtBot, view: PairView, refreshes: Counter[str]
) -> None:
    notes = view.show_page("notes")
    assert isinstance(notes, NotesTab)
    view.show_page("meetings")
    view.show_page("notes")
    notes.list.setCurrentIndex(notes.model.index(12, 0))
    edited = notes.model.note_at(12)
    assert edited is not None and notes._note_id == edited.note_id
    refreshes.clear()
    resets: list[bool] = []
    moves: list[tuple[int, int]] = []
    changes: list[int] = []
    notes.model.modelReset.connect(lambda: resets.append(True))
    notes.model.rowsMoved.connect(lambda _p, start, _e, _d, row: moves.append((start, row)))
    notes.model.dataChanged.connect(lambda top, _bottom, _roles=(): changes.append(top.row()))
    with qtbot.waitSignal(notes.changed):
        notes.title_edit.setText("Renamed")
        notes._on_edited()
        assert notes.save()
    assert resets == []
    assert moves == [(12, 0)]  # the edited note goes to the top, newest first
    assert changes == [0]
    assert notes.model.data(notes.model.index(0, 0)) == "Renamed"
    assert notes.list.currentIndex().row() == 0  # still the note being written
    assert sum(refreshes.values()) == 0  # no tab re-read the pair, not even Notes
    # The Meetings tab was shown before: stale now, it re-reads once when shown again.
    view.show_page("meetings")
    assert refreshes == Counter({"MeetingsTab": 1})


def test_a_tab_that_saves_is_not_rebuilt_twice(
    qtbot: QtBot, view: PairView, refreshes: Counter[str]
) -> None:
    goals = view.show_page("goals")
    refreshes.clear()
    goals._record(EventKind.GOAL_CREATED, goal_id=new_id(), title="Pass the exam")  # type: ignore[attr-defined]
    assert refreshes == Counter({"GoalsTab": 1})


def _notes(*ids: str) -> list[Note]:
    from datetime import UTC, datetime

    at = datetime(2026, 1, 1, tzinfo=UTC)
    return [
        Note(
            note_id=i,
            kind=NoteKind.SHARED,
            author=Role.MENTEE,
            title=i,
            text="",
            created_at=at,
            updated_at=at,
            revision=i,
        )
        for i in ids
    ]


def test_the_notes_model_reports_one_change_as_that_change(qapp: object) -> None:
    model = NotesModel()
    a, b, c, d = _notes("a", "b", "c", "d")
    model.set_notes([a, b, c])
    events: list[str] = []
    model.modelReset.connect(lambda: events.append("reset"))
    model.rowsInserted.connect(lambda _p, first, last: events.append(f"insert {first}-{last}"))
    model.rowsRemoved.connect(lambda _p, first, last: events.append(f"remove {first}-{last}"))
    model.rowsMoved.connect(lambda _p, start, _end, _d, row: events.append(f"move {start}>{row}"))
    model.dataChanged.connect(lambda top, bottom, _r=(): events.append(f"data {top.row()}"))
    model.set_notes([d, a, b, c])
    model.set_notes([d, a, c])
    model.set_notes([c, d, a])
    (same_a,) = _notes("a")  # an equal note: nothing to show again
    model.set_notes([c, d, same_a])
    changed_a = dataclasses.replace(a, title="a, renamed")
    model.set_notes([c, d, changed_a])
    model.set_notes([a])
    model.set_notes([b, c])
    assert events == [
        "insert 0-0",
        "remove 2-2",
        "move 2>0",
        "data 2",
        "remove 0-1",
        "data 0",  # the first a again, not the changed one
        "remove 0-0",  # anything else: still rows removed and inserted, never a reset
        "insert 0-1",
    ]
    assert [model.note_at(r).note_id for r in range(model.rowCount())] == ["b", "c"]  # type: ignore[union-attr]
    assert model.row_of("c") == 1 and model.rowCount(QModelIndex()) == 2


def test_unlocking_paints_the_window_before_the_pair_is_built(qtbot: QtBot, ws: Workspace) -> None:
    pair = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
    page = WorkspacePage()
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    qtbot.waitExposed(page)
    page.set_workspace(ws)
    try:
        # Nothing of the pair is built yet: the sidebar and an empty area paint first.
        assert page.findChildren(PairView) == []
        assert page.sidebar.current_pair() == pair
        qtbot.waitUntil(lambda: bool(page.findChildren(PairView)))
        assert page.pair_view is not None and page.pair_view.context.pair_id == pair
    finally:
        page.clear()


def test_the_save_state_line_changes_without_laying_out_the_tab_again(
    qtbot: QtBot, view: PairView
) -> None:
    from PySide6.QtCore import QEvent, QObject

    notes = view.show_page("notes")
    assert isinstance(notes, NotesTab)
    qtbot.wait(200)  # the tab settles after being shown

    class Requests(QObject):
        count = 0

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.LayoutRequest and watched is notes:
                Requests.count += 1
            return False

    spy = Requests()
    notes.installEventFilter(spy)
    notes.save_state.setText("Not saved: a reason long enough to need more room than Saved")
    qtbot.wait(10)
    notes._set_saved()
    qtbot.wait(10)
    assert Requests.count == 0
    assert notes.save_state.text() == "Saved" and notes.save_state.width() > 100


# ------------------------------------------------- a long pair opens off the UI thread


class SlowLoad:
    """``Workspace.load`` held on its pool thread until the test lets it finish."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.release = threading.Event()
        self.started: list[str] = []
        self.fail: BaseException | None = None
        self.threads: list[threading.Thread] = []
        original = Workspace.load

        def held(ws: Workspace, pair_id: str) -> object:
            self.started.append(pair_id)
            self.threads.append(threading.current_thread())
            assert self.release.wait(30)
            if self.fail is not None:
                raise self.fail
            return original(ws, pair_id)

        monkeypatch.setattr(Workspace, "load", held)


@pytest.fixture
def slow(monkeypatch: pytest.MonkeyPatch) -> SlowLoad:
    # Three changes make a "long" pair here; one with fewer opens on the UI thread.
    monkeypatch.setattr(workspace_page, "BACKGROUND_OPEN_EVENTS", 3)
    return SlowLoad(monkeypatch)


@pytest.fixture
def page(qtbot: QtBot, ws: Workspace) -> Iterator[WorkspacePage]:
    shown = WorkspacePage()
    qtbot.addWidget(shown)
    shown.resize(1000, 700)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown
    shown.clear()
    qtbot.waitUntil(lambda: workers.pending_count() == 0)


def _long_and_short(ws: Workspace) -> tuple[str, str]:
    long_pair = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
    for n in range(5):
        _note(ws, long_pair, f"Note {n}")
    short_pair = ws.create_pair(Role.MENTOR, "Sam Okafor")
    ws.forget(long_pair)  # as after an unlock: nothing folded yet
    return long_pair, short_pair


def _wait_opening(qtbot: QtBot, page: WorkspacePage, slow: SlowLoad, pair: str) -> None:
    page.open_pair(pair)
    qtbot.waitUntil(lambda: slow.started == [pair])


def test_a_long_pair_is_folded_on_a_pool_thread_while_the_page_says_so(
    qtbot: QtBot, ws: Workspace, page: WorkspacePage, slow: SlowLoad
) -> None:
    long_pair, _short = _long_and_short(ws)
    page.workspace = ws
    page.refresh_pairs(select=long_pair)
    qtbot.waitUntil(lambda: slow.started == [long_pair])
    assert slow.threads[0] is not threading.main_thread()
    assert not ws.is_open(long_pair)  # the UI thread did not fold it
    panel = page.opening_panel
    assert page.content.currentWidget() is panel and page.findChildren(PairView) == []
    words = "Opening your pair with Dr Helen Marsh… A long history takes a moment."
    assert panel.status.text() == words and panel.busy.isVisible()
    assert not panel.retry.isVisible()
    # What a screen reader gets: the words as the label's name (and text).
    access = QAccessible.queryAccessibleInterface(panel.status)
    assert access is not None
    assert access.text(QAccessible.Text.Name) == words
    assert access.role() == QAccessible.Role.StaticText
    busy = QAccessible.queryAccessibleInterface(panel.busy)
    assert busy is not None and busy.text(QAccessible.Text.Name) == "Opening the pair"
    slow.release.set()
    qtbot.waitUntil(lambda: page.pair_view is not None)
    assert page.pair_view is not None and page.pair_view.context.pair_id == long_pair
    assert page.content.currentWidget() is page.pair_view
    assert ws.is_open(long_pair)


def test_a_short_pair_opens_at_once_on_the_ui_thread(
    qtbot: QtBot, ws: Workspace, page: WorkspacePage, slow: SlowLoad
) -> None:
    _long, short_pair = _long_and_short(ws)
    page.workspace = ws
    page.open_pair(short_pair)
    assert page.pair_view is not None and page.pair_view.context.pair_id == short_pair
    assert slow.started == []


def test_another_pair_chosen_while_one_opens_stays_on_screen(
    qtbot: QtBot, ws: Workspace, page: WorkspacePage, slow: SlowLoad
) -> None:
    long_pair, short_pair = _long_and_short(ws)
    page.workspace = ws
    _wait_opening(qtbot, page, slow, long_pair)
    page.open_pair(short_pair)
    assert page.pair_view is not None and page.pair_view.context.pair_id == short_pair
    slow.release.set()
    qtbot.waitUntil(lambda: workers.pending_count() == 0)
    qtbot.wait(20)
    assert page.pair_view is not None and page.pair_view.context.pair_id == short_pair
    assert len(page.findChildren(PairView)) == 1


def test_a_lock_while_a_pair_opens_shows_nothing_of_it(
    qtbot: QtBot, ws: Workspace, page: WorkspacePage, slow: SlowLoad
) -> None:
    long_pair, _short = _long_and_short(ws)
    page.workspace = ws
    _wait_opening(qtbot, page, slow, long_pair)
    page.clear()  # what a lock does to the page
    assert page.opening_panel.status.text() == ""
    slow.release.set()
    qtbot.waitUntil(lambda: workers.pending_count() == 0)
    qtbot.wait(20)
    assert page.findChildren(PairView) == [] and page.content.currentWidget() is page.home


def test_a_pair_that_cannot_be_opened_says_why_and_can_be_tried_again(
    qtbot: QtBot, ws: Workspace, page: WorkspacePage, slow: SlowLoad
) -> None:
    long_pair, _short = _long_and_short(ws)
    page.workspace = ws
    page.refresh_pairs(select=long_pair)
    qtbot.waitUntil(lambda: slow.started == [long_pair])
    slow.fail = DiskError()
    slow.release.set()
    panel = page.opening_panel
    qtbot.waitUntil(lambda: panel.retry.isVisible())
    assert panel.status.text() == f"This pair could not be opened. {DiskError().message}"
    assert not panel.busy.isVisible() and page.findChildren(PairView) == []
    slow.fail = None
    qtbot.mouseClick(panel.retry, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.pair_view is not None)
    assert page.pair_view is not None and page.pair_view.context.pair_id == long_pair
