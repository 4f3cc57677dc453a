"""Big tables do only the work of the row that changed (issue 12): counted, never timed.

With hundreds of goals, actions or meetings, one change is announced as that
row (no model reset), the selection and scroll position stay, and the view
measures that row only: not every row, as ``ResizeToContents`` and a
``QListView`` with wrapped rows did.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QTableView
from pytestqt.qtbot import QtBot

from mentorpair.domain.events import EventKind
from mentorpair.domain.model import Goal, GoalStatus, Role
from mentorpair.storage.workspace import PairSummary, Workspace
from mentorpair.sync.pairing import PairingStatus

from mentorpair.ui.pair.actions import ActionsModel, ActionsTab
from mentorpair.ui.pair.base import PairContext, PairTab
from mentorpair.ui.pair.goal_models import GoalsModel
from mentorpair.ui.pair.goals import GoalsTab
from mentorpair.ui.pair.meeting_list import MeetingListModel
from mentorpair.ui.pair.meetings import MeetingsTab
from mentorpair.ui.pairs_sidebar import PairsSidebar

ROWS = 300
NOW = datetime(2026, 1, 1, 8, tzinfo=UTC)
LONG = (
    "Write the audit report for the regional board, with the figures from every ward, "
    "the interviews with the night staff and a plan for the next two years"
)


@pytest.fixture
def clock():
    return lambda: NOW


@pytest.fixture
def pair(ws: Workspace) -> str:
    pair = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
    for n in range(ROWS):
        ws.record(pair, EventKind.GOAL_CREATED, goal_id=f"g{n:04}", title=f"Goal {n:04}")
        ws.record(pair, EventKind.ACTION_ADDED, action_id=f"a{n:04}", what=f"Action {n:04}",
                  owner="mentee", due="2026-03-01")  # fmt: skip
        ws.record(pair, EventKind.MEETING_PLANNED, meeting_id=f"m{n:04}",
                  starts_at=(NOW + timedelta(days=n + 1)).isoformat(), duration_min=60,
                  mode="video", place="")  # fmt: skip
    return pair


def _tab(qtbot: QtBot, cls: type[PairTab], ws: Workspace, pair: str) -> PairTab:
    """A tab on screen, as the pair view shows it (it reloads itself after a save)."""
    tab = cls(PairContext(ws, pair, clock=lambda: NOW))
    qtbot.addWidget(tab)
    tab.resize(1000, 700)
    tab.show()
    qtbot.waitExposed(tab)
    fit = getattr(tab, "table_fit", None)
    QApplication.processEvents()
    while fit is not None and fit.pending():
        fit.finish()  # the rows measured in idle steps after the first fill and layout
        QApplication.processEvents()
    return tab


class _Signals:
    """What a model announced: resets, layout changes and the rows of each other signal."""

    def __init__(self, model: Any) -> None:
        self.resets = 0
        self.layouts = 0
        self.changed: list[tuple[int, int, int, int]] = []
        self.removed: list[tuple[int, int]] = []
        self.inserted: list[tuple[int, int]] = []
        model.modelReset.connect(self._reset)
        model.layoutChanged.connect(self._layout)
        model.dataChanged.connect(
            lambda a, b, _r=(): self.changed.append((a.row(), b.row(), a.column(), b.column()))
        )
        model.rowsRemoved.connect(lambda _p, first, last: self.removed.append((first, last)))
        model.rowsInserted.connect(lambda _p, first, last: self.inserted.append((first, last)))

    def _reset(self) -> None:
        self.resets += 1

    def _layout(self) -> None:
        self.layouts += 1


@pytest.fixture
def goals(qtbot: QtBot, ws: Workspace, pair: str, reads: _Reads) -> GoalsTab:
    tab = _tab(qtbot, GoalsTab, ws, pair)
    assert isinstance(tab, GoalsTab)
    return tab


class _Reads:
    """Rows whose data the views read (to measure or paint them) while ``on``."""

    def __init__(self) -> None:
        self.on = False
        self.rows: set[int] = set()

    def start(self) -> set[int]:
        self.on = True
        return self.rows


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> _Reads:
    """Counts reads of the big models' rows; patched before a view is made (PySide
    looks an override up once per object)."""
    counted = _Reads()
    for cls in (GoalsModel, ActionsModel, MeetingListModel):
        original = cls.data

        def data(self: Any, index: Any, role: int = 0, _original: Any = original) -> Any:
            if counted.on and index.isValid():
                counted.rows.add(index.row())
            return _original(self, index, role)

        monkeypatch.setattr(cls, "data", data)
    return counted


def _finish(tab: PairTab) -> None:
    """Measure the rows still waiting for idle steps (the old tables had none)."""
    fit = getattr(tab, "table_fit", None)
    if fit is not None:
        fit.finish()


def _on_screen(view: QTableView) -> set[int]:
    top = view.rowAt(0)
    bottom = view.rowAt(view.viewport().height() - 1)
    bottom = view.model().rowCount() - 1 if bottom < 0 else bottom
    return set(range(top, bottom + 1))


def test_one_changed_goal_is_that_row_only_and_keeps_selection_and_scroll(
    qtbot: QtBot, goals: GoalsTab
) -> None:
    row = goals.model.row_of("g0150")
    goals.table.selectRow(row)
    goals.table.scrollTo(goals.model.index(row, 0), QTableView.ScrollHint.PositionAtCenter)
    QApplication.processEvents()
    scrolled = goals.table.verticalScrollBar().value()
    assert scrolled > 0
    signals = _Signals(goals.model)
    changed = goals.model.row_of("g0149")
    assert goals._record(EventKind.GOAL_UPDATED, goal_id="g0149", progress=40)
    QApplication.processEvents()
    assert signals.resets == 0 and signals.layouts == 0
    assert signals.changed == [(changed, changed, 0, GoalsModel.TARGET)]
    assert goals.current_goal() is not None and goals.current_goal().goal_id == "g0150"  # type: ignore[union-attr]
    assert goals.table.verticalScrollBar().value() == scrolled


def test_a_goal_removed_and_one_inserted_in_the_middle_are_row_signals(
    qtbot: QtBot, goals: GoalsTab
) -> None:
    goals.table.selectRow(goals.model.row_of("g0200"))
    signals = _Signals(goals.model)
    removed = goals.model.row_of("g0100")
    # Achieved goals are hidden: the row goes away.
    assert goals._record(EventKind.GOAL_UPDATED, goal_id="g0100", status="achieved")
    assert goals._record(EventKind.GOAL_CREATED, goal_id="g0100b", title="Goal 0100b")
    assert signals.resets == 0 and signals.layouts == 0
    assert signals.removed == [(removed, removed)]
    inserted = goals.model.row_of("g0100b")
    assert inserted == removed  # in title order, where the other one was
    assert signals.inserted == [(inserted, inserted)]
    assert goals.model.rowCount() == ROWS
    assert goals.current_goal().goal_id == "g0200"  # type: ignore[union-attr]


def test_a_long_title_wraps_after_a_change_and_only_that_row_is_measured(
    qtbot: QtBot, goals: GoalsTab, reads: _Reads
) -> None:
    row = goals.model.row_of("g0250")
    one_line = goals.table.rowHeight(row)
    read = reads.start()
    assert goals._record(EventKind.GOAL_UPDATED, goal_id="g0250", title="Goal 0250 " + LONG)
    QApplication.processEvents()
    _finish(goals)
    row = goals.model.row_of("g0250")
    # Wrapped onto more lines, and the row is as tall as its text needs: nothing clipped.
    assert goals.table.rowHeight(row) > one_line * 1.5
    assert goals.table.rowHeight(row) >= goals.table.sizeHintForRow(row)
    # Only the changed row and the rows on screen were read; not all of them.
    assert row in read
    assert read - _on_screen(goals.table) <= {row}
    # A wider window wraps it onto fewer lines again, still in full.
    narrow = goals.table.rowHeight(row)
    goals.resize(1900, 700)
    QApplication.processEvents()
    _finish(goals)
    assert goals.table.rowHeight(row) < narrow
    assert goals.table.rowHeight(row) >= goals.table.sizeHintForRow(row)


def test_one_ticked_action_is_that_row_only(
    qtbot: QtBot, ws: Workspace, pair: str, reads: _Reads
) -> None:
    tab = _tab(qtbot, ActionsTab, ws, pair)
    assert isinstance(tab, ActionsTab)
    row = tab.model.row_of("a0150")
    tab.table.selectRow(row)
    signals = _Signals(tab.model)
    read = reads.start()
    assert tab._record(EventKind.ACTION_UPDATED, action_id="a0150", what="Action 0150 renamed")
    QApplication.processEvents()
    assert signals.resets == 0 and signals.layouts == 0
    assert signals.changed == [(row, row, 0, tab.model.columnCount() - 1)]
    assert tab.current_action().action_id == "a0150"  # type: ignore[union-attr]
    assert row in read
    assert read - _on_screen(tab.table) <= {row}


def test_one_changed_meeting_is_that_row_only(
    qtbot: QtBot, ws: Workspace, pair: str, reads: _Reads
) -> None:
    tab = _tab(qtbot, MeetingsTab, ws, pair)
    assert isinstance(tab, MeetingsTab)
    tab.select_meeting("m0100")
    QApplication.processEvents()
    row = tab.model.row_of("m0200")
    # The first change far from what is shown measures the rows in between once
    # (the tree keeps their heights); what counts is that a change costs no more.
    assert tab.context.record(tab, EventKind.MEETING_UPDATED, meeting_id="m0200", duration_min=90)
    tab._recorded()
    QApplication.processEvents()
    signals = _Signals(tab.model)
    read = reads.start()
    assert tab.context.record(tab, EventKind.MEETING_UPDATED, meeting_id="m0200", duration_min=30)
    tab._recorded()
    QApplication.processEvents()
    assert signals.resets == 0 and signals.layouts == 0
    assert signals.changed == [(row, row, 0, 0)]
    assert tab.selected_meeting_id() == "m0100"
    # The list read the changed row and what it shows; not three hundred rows.
    assert len(read) < 40 and row in read


def test_the_sidebar_keeps_the_chosen_pair_when_a_link_changes(qtbot: QtBot) -> None:
    sidebar = PairsSidebar()
    qtbot.addWidget(sidebar)
    pairs = [PairSummary(f"p{n}", f"Partner {n}", Role.MENTEE, False) for n in range(5)]
    sidebar.set_pairs(pairs, "p3")
    signals = _Signals(sidebar.model)
    with qtbot.assertNotEmitted(sidebar.pair_selected):
        sidebar.set_pairs(pairs, "p3", {"p1": PairingStatus.VERIFIED})
    assert signals.resets == 0
    assert signals.changed == [(1, 1, 0, 0)]
    assert sidebar.current_pair() == "p3"
    signals.changed.clear()
    with qtbot.assertNotEmitted(sidebar.pair_selected):
        sidebar.set_pairs([*pairs[:2], *pairs[3:]], "p3", {"p1": PairingStatus.VERIFIED})
    assert signals.removed == [(2, 2)] and signals.resets == 0
    assert sidebar.model.index(2, 0).data(Qt.ItemDataRole.UserRole + 1) == "p3"
    assert sidebar.list.currentIndex().row() == 2  # still Partner 3, one row up


def test_qt_model_tester_is_content_with_keyed_rows(qtmodeltester: Any) -> None:
    model = GoalsModel()
    goals = [Goal(f"g{n}", f"Goal {n}", status=GoalStatus.ACTIVE) for n in range(6)]
    model.set_goals(goals, show_closed=False)
    qtmodeltester.check(model)
    model.set_goals([*goals[3:], goals[0]], show_closed=False)
    qtmodeltester.check(model)
    assert model.rowCount(QModelIndex()) == 4
