"""The Actions tab: what was agreed, by whom, by when — added and ticked by either partner."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QDate, Qt

from mentorpair.domain.events import EventKind
from mentorpair.domain.model import Role
from mentorpair.storage.workspace import new_id
from tests.ui.conftest import interactive_widgets, show_tab
from tests.ui.helpers_partner import insert_partner_events

from mentorpair.ui.pair.actions import OVERDUE_ROLE, ActionsModel, ActionsTab

#: Tuesday 10 March 2026, in the morning everywhere from UTC-9 to UTC+14.
FIXED_NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
A = ActionsModel


@pytest.fixture
def clock():
    return lambda: FIXED_NOW


@pytest.fixture
def make_tab(qtbot):
    def make(ws, pair):
        tab = show_tab(qtbot, ActionsTab, ws, pair, FIXED_NOW)
        return tab

    return make


def cell(tab, row, column, role=Qt.ItemDataRole.DisplayRole):
    return tab.model.index(row, column).data(role)


def row_of(tab, what):
    rows = [r for r in range(tab.model.rowCount()) if cell(tab, r, A.WHAT) == what]
    assert rows, f"{what!r} is not shown"
    return rows[0]


def add_through_dialog(qtbot, tab, what, owner=Role.MENTEE, due=None):
    tab.add_button.click()
    dialog = tab.action_dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.what_edit, what)
    dialog.who_combo.setCurrentIndex(dialog.who_combo.findData(owner.value))
    dialog.due.check.setChecked(due is not None)
    if due is not None:
        dialog.due.edit.setDate(QDate(due.year, due.month, due.day))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    return next(a for a in tab.context.state.actions.values() if a.what == what)


def test_add_tick_and_see_what_is_overdue(qtbot, ws, make_tab):
    pair = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
    meeting = new_id()
    ws.record(
        pair,
        EventKind.MEETING_PLANNED,
        meeting_id=meeting,
        starts_at="2026-02-24T16:00:00+00:00",
        duration_min=60,
        mode="video",
        place="Teams",
    )
    tab = make_tab(ws, pair)
    assert tab.stack.currentWidget() is tab.empty_page
    assert "No actions yet" in tab.empty_label.text()

    # Ctrl+N opens the form; the meeting just held is the default link.
    tab.activateWindow()
    tab.add_button.setFocus()
    qtbot.waitUntil(tab.add_button.hasFocus)
    qtbot.keyClick(tab.add_button, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = tab.action_dialog
    assert dialog is not None and dialog.windowTitle() == "New action"
    assert dialog.meeting_id() == meeting
    assert dialog.who_combo.currentText() == "Me (mentee)"
    dialog.reject()

    late = add_through_dialog(qtbot, tab, "Ask the clinical lead for a slot", due=date(2026, 3, 3))
    mine = add_through_dialog(
        qtbot, tab, "Send the QI toolkit link", owner=Role.MENTOR, due=date(2026, 3, 10)
    )
    someday = add_through_dialog(qtbot, tab, "Read chapter 3")
    assert late.meeting_id == meeting and late.owner is Role.MENTEE
    assert mine.owner is Role.MENTOR and someday.due is None

    # Overdue first, in words and with colour; today's is "Due today", no date last.
    assert [cell(tab, r, A.WHAT) for r in range(3)] == [
        "Ask the clinical lead for a slot",
        "Send the QI toolkit link",
        "Read chapter 3",
    ]
    assert [cell(tab, r, A.STATUS) for r in range(3)] == ["Overdue", "Due today", "To do"]
    assert [cell(tab, r, A.WHO) for r in range(3)] == ["Me", "Dr Helen Marsh", "Me"]
    assert cell(tab, 0, A.DUE) == "Tue 3 Mar 2026" and cell(tab, 2, A.DUE) == "No date"
    assert cell(tab, 0, A.MEETING) == "Tue 24 Feb 2026"
    assert cell(tab, 0, A.STATUS, OVERDUE_ROLE) is True
    assert cell(tab, 0, A.STATUS, Qt.ItemDataRole.ForegroundRole) is not None
    assert cell(tab, 0, A.STATUS, Qt.ItemDataRole.FontRole).bold()
    assert cell(tab, 1, A.STATUS, Qt.ItemDataRole.ForegroundRole) is None
    assert tab.summary.text() == "3 to do, 1 overdue."

    # Tick the overdue one done with Space on its Done box.
    tab.table.setFocus()
    tab.table.setCurrentIndex(tab.model.index(0, A.DONE))
    qtbot.keyClick(tab.table, Qt.Key.Key_Space)
    assert ws.state(pair).actions[late.action_id].done
    row = row_of(tab, "Ask the clinical lead for a slot")
    assert row == 2  # done goes to the end
    assert cell(tab, row, A.STATUS) == "Done"
    assert cell(tab, row, A.DONE, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert not cell(tab, row, A.STATUS, OVERDUE_ROLE)
    assert tab.summary.text() == "2 to do, none overdue."

    # "Hide done" leaves it out and says so; the Mark button unticks it again.
    tab.hide_done.click()
    assert tab.model.rowCount() == 2
    assert "1 done action is hidden" in tab.hidden_hint.text()
    tab.hide_done.click()
    tab.table.selectRow(row_of(tab, "Ask the clinical lead for a slot"))
    assert tab.done_button.text() == "Mar&k not done"
    tab.done_button.click()
    assert not ws.state(pair).actions[late.action_id].done
    assert cell(tab, row_of(tab, "Ask the clinical lead for a slot"), A.STATUS) == "Overdue"


def test_edit_an_action_with_enter(qtbot, ws, make_tab):
    pair = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
    action_id = new_id()
    ws.record(
        pair, EventKind.ACTION_ADDED, action_id=action_id, what="Draft the aim", owner="mentee"
    )
    tab = make_tab(ws, pair)
    tab.table.setFocus()
    tab.table.setCurrentIndex(tab.model.index(0, A.WHAT))
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    dialog = tab.action_dialog
    assert dialog is not None and dialog.windowTitle() == "Edit action"
    assert dialog.what_edit.text() == "Draft the aim"
    assert not dialog.due.check.isChecked()
    assert not dialog.meeting_combo.isEnabled()  # the meeting an action came from stays
    dialog.what_edit.setText("Draft the aim in one sentence")
    dialog.due.check.setChecked(True)
    dialog.due.edit.setDate(QDate(2026, 3, 20))
    dialog.accept()
    action = ws.state(pair).actions[action_id]
    assert (action.what, action.due) == ("Draft the aim in one sentence", date(2026, 3, 20))
    last = ws.events(pair)[-1]
    assert last.kind is EventKind.ACTION_UPDATED
    assert set(last.body) == {"action_id", "what", "due"}  # only what changed


def test_the_mentor_adds_and_ticks_actions_too(qtbot, ws, make_tab):
    pair = ws.create_pair(Role.MENTOR, "Dr Sam Idowu")
    theirs = new_id()
    insert_partner_events(
        ws,
        pair,
        [
            (
                EventKind.ACTION_ADDED,
                {"action_id": theirs, "what": "Book the exam", "owner": "mentee"},
            )
        ],
    )
    tab = make_tab(ws, pair)
    assert cell(tab, 0, A.WHO) == "Dr Sam Idowu"
    add_through_dialog(qtbot, tab, "Introduce Sam to the QI lead", owner=Role.MENTOR)
    assert cell(tab, row_of(tab, "Introduce Sam to the QI lead"), A.WHO) == "Me"
    tab.table.selectRow(row_of(tab, "Book the exam"))
    tab.done_button.click()
    assert ws.state(pair).actions[theirs].done


def test_after_the_end_actions_are_read_only(ws, make_tab):
    pair = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
    ws.record(pair, EventKind.ACTION_ADDED, action_id=new_id(), what="Book", owner="mentee")
    ws.record(pair, EventKind.RELATIONSHIP_ENDED, summary="Done.")
    tab = make_tab(ws, pair)
    assert "ended" in tab.summary.text()
    for button in (tab.add_button, tab.edit_button, tab.done_button):
        assert not button.isVisibleTo(tab)
    assert not tab.model.flags(tab.model.index(0, A.DONE)) & Qt.ItemFlag.ItemIsUserCheckable
    tab.add_action()
    tab.toggle_done()
    assert tab.action_dialog is None
    assert not next(iter(ws.state(pair).actions.values())).done


def test_every_control_and_form_has_an_accessible_name(ws, make_tab):
    pair = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
    ws.record(pair, EventKind.ACTION_ADDED, action_id=new_id(), what="Book", owner="mentee")
    tab = make_tab(ws, pair)
    assert [type(w).__name__ for w in interactive_widgets(tab) if not w.accessibleName()] == []
    tab.add_action()
    dialog = tab.action_dialog
    assert [type(w).__name__ for w in interactive_widgets(dialog) if not w.accessibleName()] == []
