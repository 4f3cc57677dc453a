"""Journey 1 through the real widgets: the mentee drafts, orders and shares the agenda.

The mentor sees a shared agenda read-only and suggests items; the mentee
accepts or dismisses them. The mentor's widgets offer no edits, and the domain
refuses them anyway.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QDateTime, QModelIndex, Qt
from PySide6.QtWidgets import QMessageBox

from mentorpair.domain.events import EventKind
from mentorpair.domain.model import Role
from mentorpair.domain.rules import RuleViolation
from mentorpair.storage.workspace import new_id
from tests.ui.conftest import interactive_widgets, show_tab
from tests.ui.helpers_partner import insert_partner_events

from mentorpair.ui.pair.agenda_dialogs import AgendaItemDialog, SuggestionDialog
from mentorpair.ui.pair.meeting_dialogs import MeetingDialog
from mentorpair.ui.pair.meetings import MeetingsTab

FIXED_NOW = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)
MEETING_AT = datetime(2025, 3, 4, 12, 30, tzinfo=UTC)
GOAL = "Prepare for consultant interviews"
A = ("Mock interview feedback", "The panel is in three weeks", "Two concrete examples")
B = ("Balancing rota and research time", "Nights clash with the audit", "A plan for protected time")
C = ("Audit write-up: which journal?", "", "")
ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture(autouse=True)
def utc_local_time(monkeypatch):
    """Dates on screen are local time; pin the zone so expected words do not depend on it."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def clock():
    return lambda: FIXED_NOW


@pytest.fixture
def make_tab(qtbot):
    tabs = []  # qtbot holds widgets weakly; a tab must live as long as the test

    def make(ws, pair):
        tab = show_tab(qtbot, MeetingsTab, ws, pair, FIXED_NOW)
        tabs.append(tab)
        return tab

    return make


@pytest.fixture
def refusals(monkeypatch):
    """Refusal messages the tab would have shown."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    return shown


def open_dialog(widget, kind):
    """The one open dialog of ``kind`` (a closed one may wait for deleteLater)."""
    (dialog,) = [d for d in widget.findChildren(kind) if d.isVisible()]
    return dialog


def save(dialog):
    button = dialog.buttons.button(dialog.buttons.StandardButton.Save)
    assert button.isEnabled()
    button.click()


def plan_meeting(ws, pair, when=MEETING_AT):
    meeting_id = new_id()
    ws.record(
        pair,
        EventKind.MEETING_PLANNED,
        meeting_id=meeting_id,
        starts_at=when.isoformat(),
        duration_min=60,
        mode="video",
        place="",
    )
    return meeting_id


def add_item(panel, qtbot, fields, goal=None, by_key=False):
    if by_key:
        qtbot.keyClick(panel.list, Qt.Key.Key_Insert)
    else:
        qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(panel, AgendaItemDialog)
    title, why, outcome = fields
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Save).isEnabled()
    qtbot.keyClicks(dialog.title, title)
    dialog.why.setPlainText(why)
    dialog.outcome.setPlainText(outcome)
    if goal is not None:
        dialog.goal.setCurrentIndex(dialog.goal.findText(goal))
    save(dialog)


def titles(ws, pair, meeting_id):
    return [item.title for item in ws.state(pair).agenda_for(meeting_id)]


def shown_titles(panel):
    model = panel.model
    return [
        model.index(r).data().splitlines()[0].split(". ", 1)[1] for r in range(model.rowCount())
    ]


def last_event(ws, pair):
    return ws.events(pair)[-1]


def select(panel, row):
    panel.list.setCurrentIndex(panel.model.index(row))


# ----------------------------------------------------------------- the mentee
def test_mentee_plans_drafts_orders_and_shares_the_agenda(ws, make_tab, qtbot):
    pair = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
    goal_id = new_id()
    ws.record(pair, EventKind.GOAL_CREATED, goal_id=goal_id, title=GOAL, status="active")
    tab = make_tab(ws, pair)
    panel = tab.agenda

    # Plan the meeting; its (empty) agenda is shown beside it as a draft.
    tab.new_button.click()
    dialog = open_dialog(tab, MeetingDialog)
    dialog.when.setDateTime(QDateTime.fromSecsSinceEpoch(int(MEETING_AT.timestamp())))
    save(dialog)
    (meeting_id,) = ws.state(pair).meetings
    assert panel.meeting_id == meeting_id
    assert panel.stack.currentWidget() is panel.empty
    assert "Nothing on the agenda yet" in panel.empty.text()
    assert not panel.ready_check.isEnabled()  # nothing to share yet

    # Three items: one linked to a goal, one added with the Insert key.
    add_item(panel, qtbot, A, goal=GOAL)
    add_item(panel, qtbot, B)
    add_item(panel, qtbot, C, by_key=True)
    assert titles(ws, pair, meeting_id) == [A[0], B[0], C[0]]
    first = ws.state(pair).agenda_for(meeting_id)[0]
    assert (first.why, first.outcome, first.goal_id) == (A[1], A[2], goal_id)
    assert panel.model.index(0).data().splitlines() == [
        f"1. {A[0]}",
        f"Why now: {A[1]}",
        f"Outcome wanted: {A[2]}",
        f"Goal: {GOAL}",
    ]
    assert panel.model.index(2).data() == f"3. {C[0]}"
    assert panel.status.text() == "Draft — only you can see it until you mark it ready."
    assert "3 agenda items, draft" in tab.model.index(0).data()

    # Keyboard: the chosen item moves and stays chosen.
    select(panel, 2)
    qtbot.keyClick(panel.list, Qt.Key.Key_Up, ALT)
    assert titles(ws, pair, meeting_id) == [A[0], C[0], B[0]]
    assert panel.selected_item_id() == ws.state(pair).agenda_for(meeting_id)[1].item_id
    qtbot.keyClick(panel.list, Qt.Key.Key_Up, ALT)
    assert titles(ws, pair, meeting_id) == [C[0], A[0], B[0]]
    assert not panel.up_button.isEnabled()  # already first
    qtbot.keyClick(panel.list, Qt.Key.Key_Up, ALT)  # nothing above: nothing recorded
    assert last_event(ws, pair).body["order"] == [
        i.item_id for i in ws.state(pair).agenda_for(meeting_id)
    ]
    qtbot.keyClick(panel.list, Qt.Key.Key_Down, ALT)
    assert titles(ws, pair, meeting_id) == [A[0], C[0], B[0]]
    assert shown_titles(panel) == [A[0], C[0], B[0]]

    # The model's own moves, as drag and drop uses them.
    model = panel.model
    assert model.moveRows(QModelIndex(), 0, 1, QModelIndex(), 3)
    assert titles(ws, pair, meeting_id) == [C[0], B[0], A[0]]
    event = last_event(ws, pair)
    assert event.kind is EventKind.AGENDA_REORDERED
    assert event.body["meeting_id"] == meeting_id
    assert event.body["order"] == [i.item_id for i in ws.state(pair).agenda_for(meeting_id)]
    data = model.mimeData([model.index(2)])
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert titles(ws, pair, meeting_id) == [A[0], C[0], B[0]]
    # Dropped onto an item: it lands before that item.
    data = model.mimeData([model.index(2)])
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, model.index(1))
    assert titles(ws, pair, meeting_id) == [A[0], B[0], C[0]]
    assert shown_titles(panel) == [A[0], B[0], C[0]]
    assert panel.model.index(1).data().startswith("2. ")  # numbers follow the order

    # Share it.
    assert panel.ready_check.isEnabled()
    panel.ready_check.setFocus()
    qtbot.keyClick(panel.ready_check, Qt.Key.Key_Space)
    meeting = ws.state(pair).meetings[meeting_id]
    assert meeting.agenda_ready
    assert panel.ready_check.isChecked()
    assert panel.status.text() == "Ready — your mentor will see it once you are paired."
    assert "agenda shared" in tab.model.index(0).data()
    # And back to draft.
    panel.ready_check.click()
    assert not ws.state(pair).meetings[meeting_id].agenda_ready
    assert panel.status.text().startswith("Draft")


def mentee_with_agenda(ws, make_tab):
    pair = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
    meeting_id = plan_meeting(ws, pair)
    for title, why, outcome in (A, B, C):
        ws.record(
            pair,
            EventKind.AGENDA_ITEM_ADDED,
            meeting_id=meeting_id,
            item_id=new_id(),
            title=title,
            why=why,
            outcome=outcome,
        )
    return pair, meeting_id, make_tab(ws, pair)


def test_enter_edits_the_chosen_item_and_records_only_what_changed(ws, make_tab, qtbot):
    pair, meeting_id, tab = mentee_with_agenda(ws, make_tab)
    panel = tab.agenda
    select(panel, 1)
    qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    dialog = open_dialog(panel, AgendaItemDialog)
    assert dialog.windowTitle() == "Change agenda item"
    assert (dialog.title.text(), dialog.why.toPlainText()) == (B[0], B[1])
    dialog.outcome.setPlainText("A plan I can take to my supervisor")
    save(dialog)
    event = last_event(ws, pair)
    assert event.kind is EventKind.AGENDA_ITEM_UPDATED
    assert set(event.body) == {"item_id", "outcome"}
    assert ws.state(pair).agenda_for(meeting_id)[1].outcome == "A plan I can take to my supervisor"
    assert panel.selected_item_id() == event.body["item_id"]


def test_delete_removes_at_once_and_undo_puts_it_back_in_place(ws, make_tab, qtbot):
    pair, meeting_id, tab = mentee_with_agenda(ws, make_tab)
    panel = tab.agenda
    select(panel, 1)
    qtbot.keyClick(panel.list, Qt.Key.Key_Delete)
    assert titles(ws, pair, meeting_id) == [A[0], C[0]]
    assert panel.undo_bar.isVisibleTo(panel)
    assert panel.undo_text.text() == f"Removed “{B[0]}”."
    qtbot.mouseClick(panel.undo_button, Qt.MouseButton.LeftButton)
    restored = ws.state(pair).agenda_for(meeting_id)
    assert [i.title for i in restored] == [A[0], B[0], C[0]]
    assert (restored[1].why, restored[1].outcome) == (B[1], B[2])
    assert not panel.undo_bar.isVisibleTo(panel)
    assert panel.selected_item_id() == restored[1].item_id


def test_undo_is_forgotten_after_another_change(ws, make_tab, qtbot):
    pair, meeting_id, tab = mentee_with_agenda(ws, make_tab)
    panel = tab.agenda
    select(panel, 0)
    panel.remove_button.click()
    assert panel.undo_bar.isVisibleTo(panel)
    select(panel, 1)
    qtbot.keyClick(panel.list, Qt.Key.Key_Up, ALT)
    assert not panel.undo_bar.isVisibleTo(panel)
    panel.undo_remove()
    assert titles(ws, pair, meeting_id) == [C[0], B[0]]


def test_a_refused_change_is_explained_and_the_old_order_comes_back(ws, make_tab, qtbot, refusals):
    pair, meeting_id, tab = mentee_with_agenda(ws, make_tab)
    panel = tab.agenda
    # The relationship ends elsewhere (another window) while this one still shows the agenda.
    ws.record(pair, EventKind.RELATIONSHIP_ENDED, summary="")
    select(panel, 2)
    qtbot.keyClick(panel.list, Qt.Key.Key_Up, ALT)
    assert refusals == ["This mentoring relationship has ended; its record is read-only."]
    assert titles(ws, pair, meeting_id) == [A[0], B[0], C[0]]
    assert shown_titles(panel) == [A[0], B[0], C[0]]
    assert not panel.edit_row.isVisibleTo(panel)


def test_ended_relationship_makes_the_agenda_read_only(ws, make_tab):
    pair = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
    meeting_id = plan_meeting(ws, pair)
    ws.record(
        pair, EventKind.AGENDA_ITEM_ADDED, meeting_id=meeting_id, item_id=new_id(), title=A[0]
    )
    insert_partner_events(
        ws,
        pair,
        [
            (
                EventKind.SUGGESTION_ADDED,
                {"meeting_id": meeting_id, "suggestion_id": new_id(), "title": "Job plan"},
            )
        ],
        author=Role.MENTOR,
    )
    ws.record(pair, EventKind.RELATIONSHIP_ENDED, summary="")
    panel = make_tab(ws, pair).agenda
    assert panel.model.rowCount() == 1
    assert not panel.edit_row.isVisibleTo(panel)
    assert not panel.ready_check.isEnabled()
    assert not panel.accept_button.isVisibleTo(panel)
    assert not panel.dismiss_button.isVisibleTo(panel)
    assert not panel.model.flags(panel.model.index(0)) & Qt.ItemFlag.ItemIsDragEnabled
    assert panel.status.text() == "This relationship has ended: the agenda is kept read-only."


def test_cancelled_meeting_keeps_its_agenda_read_only(ws, make_tab):
    pair = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
    meeting_id = plan_meeting(ws, pair)
    ws.record(
        pair, EventKind.AGENDA_ITEM_ADDED, meeting_id=meeting_id, item_id=new_id(), title=A[0]
    )
    ws.record(pair, EventKind.MEETING_CANCELLED, meeting_id=meeting_id)
    panel = make_tab(ws, pair).agenda
    assert panel.model.rowCount() == 1
    assert not panel.edit_row.isVisibleTo(panel)
    assert "cancelled" in panel.status.text()


# ----------------------------------------------------------------- the mentor
def mentee_changes(meeting_id, goal_id, ready=True):
    changes = [
        (EventKind.GOAL_CREATED, {"goal_id": goal_id, "title": GOAL, "status": "active"}),
    ]
    for n, (title, why, outcome) in enumerate((A, B, C)):
        body = {"meeting_id": meeting_id, "item_id": f"item{n}", "title": title, "why": why}
        if outcome:
            body["outcome"] = outcome
        if n == 0:
            body["goal_id"] = goal_id
        changes.append((EventKind.AGENDA_ITEM_ADDED, body))
    changes.append(
        (
            EventKind.AGENDA_REORDERED,
            {"meeting_id": meeting_id, "order": ["item2", "item0", "item1"]},
        )
    )
    if ready:
        changes.append((EventKind.AGENDA_READY, {"meeting_id": meeting_id, "ready": True}))
    return changes


@pytest.fixture
def mentor_pair(ws):
    """A mentor's pair whose mentee drafted, ordered and shared an agenda."""
    pair = ws.create_pair(Role.MENTOR, "Dr Sam Okoye")
    meeting_id = plan_meeting(ws, pair)  # either partner may plan
    insert_partner_events(ws, pair, mentee_changes(meeting_id, new_id()))
    return pair, meeting_id


def test_mentor_sees_the_shared_agenda_read_only(ws, make_tab, mentor_pair, qtbot):
    pair, meeting_id = mentor_pair
    panel = make_tab(ws, pair).agenda
    assert shown_titles(panel) == [C[0], A[0], B[0]]  # the mentee's order
    assert f"Goal: {GOAL}" in panel.model.index(1).data()
    assert panel.status.text() == "Your mentee's agenda: only they can change it."

    # No editing widget is shown or enabled.
    for widget in (
        panel.edit_row,
        panel.add_button,
        panel.edit_button,
        panel.remove_button,
        panel.up_button,
        panel.down_button,
        panel.ready_check,
        panel.accept_button,
        panel.dismiss_button,
    ):
        assert not widget.isVisibleTo(panel)
        if widget is not panel.edit_row:
            assert not widget.isEnabled()
    # No dragging, no dropping.
    model = panel.model
    assert panel.list.dragDropMode() is panel.list.DragDropMode.NoDragDrop
    assert not panel.list.dragEnabled()
    for row in range(model.rowCount()):
        assert not model.flags(model.index(row)) & Qt.ItemFlag.ItemIsDragEnabled
    assert not model.flags(QModelIndex()) & Qt.ItemFlag.ItemIsDropEnabled
    assert model.supportedDropActions() == Qt.DropAction.IgnoreAction
    assert not model.moveRows(QModelIndex(), 0, 1, QModelIndex(), 3)
    data = model.mimeData([model.index(0)])
    assert not model.dropMimeData(data, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    # Keys do nothing either.
    before = len(ws.events(pair))
    select(panel, 1)
    for key, mods in (
        (Qt.Key.Key_Up, ALT),
        (Qt.Key.Key_Down, ALT),
        (Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Insert, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier),
    ):
        qtbot.keyClick(panel.list, key, mods)
    assert not panel.findChildren(AgendaItemDialog)
    assert len(ws.events(pair)) == before
    assert shown_titles(panel) == [C[0], A[0], B[0]]

    # And the domain refuses the mentor's edits whatever the UI does.
    with pytest.raises(RuleViolation, match="Only the mentee"):
        ws.record(
            pair, EventKind.AGENDA_ITEM_ADDED, meeting_id=meeting_id, item_id=new_id(), title="x"
        )
    with pytest.raises(RuleViolation, match="Only the mentee"):
        ws.record(pair, EventKind.AGENDA_REORDERED, meeting_id=meeting_id, order=["item0"])
    with pytest.raises(RuleViolation, match="Only the mentee"):
        ws.record(pair, EventKind.AGENDA_ITEM_REMOVED, item_id="item0")
    assert titles(ws, pair, meeting_id) == [C[0], A[0], B[0]]


def test_mentor_does_not_see_a_draft_agenda(ws, make_tab):
    pair = ws.create_pair(Role.MENTOR, "Dr Sam Okoye")
    meeting_id = plan_meeting(ws, pair)
    insert_partner_events(ws, pair, mentee_changes(meeting_id, new_id(), ready=False))
    tab = make_tab(ws, pair)
    panel = tab.agenda
    assert panel.model.rowCount() == 0
    assert panel.stack.currentWidget() is panel.empty
    assert panel.status.text() == "Your mentee has not shared an agenda for this meeting yet."
    for title, _, _ in (A, B, C):
        assert title not in panel.empty.text()
    # The meeting list does not leak the draft either.
    assert "agenda" not in tab.model.index(0).data()
    assert panel.suggest_button.isVisibleTo(panel)


def test_mentor_suggests_and_mentee_accepts_it_onto_the_agenda(ws, make_tab, mentor_pair, qtbot):
    pair, meeting_id = mentor_pair
    mentor_panel = make_tab(ws, pair).agenda
    assert mentor_panel.suggestions_heading.text() == "Your suggestions"
    qtbot.mouseClick(mentor_panel.suggest_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(mentor_panel, SuggestionDialog)
    qtbot.keyClicks(dialog.title, "Talk through the job plan template")
    dialog.why.setPlainText("It comes up in every interview.")
    save(dialog)
    suggested = last_event(ws, pair)
    assert suggested.kind is EventKind.SUGGESTION_ADDED
    assert suggested.author is Role.MENTOR
    (suggestion,) = ws.state(pair).suggestions.values()
    assert suggestion.title == "Talk through the job plan template"
    assert mentor_panel.suggestion_model.index(0).data().splitlines()[-1] == (
        "Waiting for your mentee"
    )
    assert titles(ws, pair, meeting_id) == [C[0], A[0], B[0]]  # the agenda is untouched

    # The same suggestion arrives in the mentee's vault; the mentee accepts it.
    mentee = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
    mentee_meeting = dict(suggested.body)["meeting_id"]
    ws.record(
        mentee,
        EventKind.MEETING_PLANNED,
        meeting_id=mentee_meeting,
        starts_at=MEETING_AT.isoformat(),
        duration_min=60,
        mode="video",
        place="",
    )
    ws.record(
        mentee, EventKind.AGENDA_ITEM_ADDED, meeting_id=mentee_meeting, item_id=new_id(), title=A[0]
    )
    insert_partner_events(
        ws, mentee, [(EventKind.SUGGESTION_ADDED, dict(suggested.body))], author=Role.MENTOR
    )
    panel = make_tab(ws, mentee).agenda
    assert panel.suggestions_heading.text() == "Suggestions from your mentor"
    assert panel.suggestion_model.rowCount() == 1
    assert not panel.accept_button.isEnabled()  # choose one first
    panel.suggestions.setCurrentIndex(panel.suggestion_model.index(0))
    qtbot.mouseClick(panel.accept_button, Qt.MouseButton.LeftButton)
    agenda = ws.state(mentee).agenda_for(mentee_meeting)
    assert [i.title for i in agenda] == [A[0], "Talk through the job plan template"]
    assert agenda[1].from_suggestion == suggestion.suggestion_id
    assert agenda[1].why == "It comes up in every interview."
    assert panel.model.index(1).data().splitlines()[-1] == "Suggested by your mentor"
    assert panel.suggestion_model.rowCount() == 0
    assert "No open suggestions" in panel.suggestions_hint.text()
    assert panel.selected_item_id() == agenda[1].item_id


def test_mentee_dismisses_a_suggestion(ws, make_tab):
    pair = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
    meeting_id = plan_meeting(ws, pair)
    suggestion_id = new_id()
    insert_partner_events(
        ws,
        pair,
        [
            (
                EventKind.SUGGESTION_ADDED,
                {"meeting_id": meeting_id, "suggestion_id": suggestion_id, "title": "Job plan"},
            )
        ],
        author=Role.MENTOR,
    )
    panel = make_tab(ws, pair).agenda
    assert not panel.suggest_button.isVisibleTo(panel)  # suggesting is the mentor's
    panel.suggestions.setCurrentIndex(panel.suggestion_model.index(0))
    panel.dismiss_button.click()
    assert ws.state(pair).suggestions[suggestion_id].status == "dismissed"
    assert titles(ws, pair, meeting_id) == []
    assert panel.suggestion_model.rowCount() == 0


def test_every_control_is_named(ws, make_tab, mentor_pair):
    pair, _meeting_id = mentor_pair
    mentor_panel = make_tab(ws, pair).agenda
    mentor_panel.suggest()
    _pair, _meeting, tab = mentee_with_agenda(ws, make_tab)
    tab.agenda.add_item()
    for root in (
        tab.agenda,
        mentor_panel,
        open_dialog(tab.agenda, AgendaItemDialog),
        open_dialog(mentor_panel, SuggestionDialog),
    ):
        widgets = interactive_widgets(root)
        assert widgets
        assert [type(w).__name__ for w in widgets if not w.accessibleName()] == []
