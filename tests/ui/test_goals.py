"""Journey 2 through the Goals tab: the mentee owns the goals, the mentor reflects privately."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QAbstractListModel, QDate, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMessageBox,
)

from mentorpair.domain.events import EventKind
from mentorpair.domain.model import GoalStatus, NoteKind, Role
from mentorpair.domain.rules import RuleViolation
from mentorpair.storage.workspace import new_id
from tests.ui.conftest import interactive_widgets, show_tab
from tests.ui.helpers_partner import insert_partner_events

from mentorpair.ui.pair.goal_models import GoalsModel, HistoryModel
from mentorpair.ui.pair.goals import GoalsTab

FIXED_NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
SECRET = "She undersells her own part in the ward team"
SECRET_TITLE = "Confidence with senior staff"


@pytest.fixture
def clock():
    return lambda: FIXED_NOW


@pytest.fixture
def make_tab(qtbot):
    def make(ws, pair):
        tab = show_tab(qtbot, GoalsTab, ws, pair, FIXED_NOW)
        return tab

    return make


def press_in(qtbot, tab, widget):
    """Make ``widget`` the focus of the active window, so shortcuts reach the tab."""
    tab.activateWindow()
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def cell(model, row, column, role=Qt.ItemDataRole.DisplayRole):
    return model.index(row, column).data(role)


def table_text(model):
    return [
        [cell(model, r, c) for c in range(model.columnCount())] for r in range(model.rowCount())
    ]


def history_lines(tab):
    m = tab.history_model
    return [
        (cell(m, r, HistoryModel.WHO), cell(m, r, HistoryModel.WHAT)) for r in range(m.rowCount())
    ]


def mentee_goal_changes(goal_id, milestone_id):
    return [
        (
            EventKind.GOAL_CREATED,
            {
                "goal_id": goal_id,
                "title": "Lead a quality-improvement project",
                "description": "One PDSA cycle on ward discharges.",
                "category": "Leadership",
                "target": "2026-09-30",
                "status": "active",
                "progress": 30,
            },
        ),
        (
            EventKind.MILESTONE_ADDED,
            {"goal_id": goal_id, "milestone_id": milestone_id, "title": "Agree the aim"},
        ),
    ]


# ----------------------------------------------------------------- mentee
def test_mentee_writes_a_goal_with_a_milestone_and_history_tells_the_story(qtbot, ws, make_tab):
    pair = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
    tab = make_tab(ws, pair)
    assert tab.list_stack.currentWidget() is tab.empty_page
    assert "No goals yet" in tab.empty_label.text()
    assert "Ctrl+N" in tab.empty_label.text()

    # Ctrl+N in the tab opens the form.
    press_in(qtbot, tab, tab.new_button)
    qtbot.keyClick(tab.new_button, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = tab.goal_dialog
    assert dialog is not None and dialog.windowTitle() == "New goal"
    assert not dialog.ok_button.isEnabled()  # a goal needs a title
    qtbot.keyClicks(dialog.title_edit, "Lead a quality-improvement project")
    dialog.description_edit.setPlainText("One PDSA cycle on ward discharges.\nPresent it.")
    dialog.category_combo.setCurrentIndex(dialog.category_combo.findText("Leadership"))
    dialog.target.check.setChecked(True)
    dialog.target.edit.setDate(QDate(2026, 9, 30))
    dialog.progress_spin.setValue(20)
    assert dialog.progress_slider.value() == 20
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    [goal] = tab.context.state.goals.values()
    assert (goal.title, goal.category, goal.target, goal.status, goal.progress) == (
        "Lead a quality-improvement project",
        "Leadership",
        date(2026, 9, 30),
        GoalStatus.ACTIVE,
        20,
    )
    assert goal.description == "One PDSA cycle on ward discharges.\nPresent it."
    assert table_text(tab.model) == [
        ["Lead a quality-improvement project", "Leadership", "Active", "20 %", "Wed 30 Sep 2026"]
    ]
    assert tab.detail_title.text() == goal.title
    assert "Wed 30 Sep 2026" in tab.detail_meta.text()

    # A milestone, then ticking it done with the keyboard.
    tab.milestone_button.click()
    milestone_dialog = tab.milestone_dialog
    qtbot.keyClicks(milestone_dialog.title_edit, "Agree the aim with the ward manager")
    milestone_dialog.due.check.setChecked(True)
    milestone_dialog.due.edit.setDate(QDate(2026, 3, 20))
    milestone_dialog.accept()
    [milestone] = tab.context.state.goals[goal.goal_id].milestones
    assert milestone.due == date(2026, 3, 20)
    row = tab.milestones_model.index(0)
    assert row.data() == "Agree the aim with the ward manager — due Fri 20 Mar 2026"
    assert row.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    tab.milestones_view.setFocus()
    tab.milestones_view.setCurrentIndex(row)
    qtbot.keyClick(tab.milestones_view, Qt.Key.Key_Space)
    assert tab.context.state.goals[goal.goal_id].milestones[0].done
    assert tab.milestones_model.index(0).data(Qt.ItemDataRole.CheckStateRole) == (
        Qt.CheckState.Checked
    )

    # Edit status and progress: Enter on the selected goal opens the form.
    tab.table.setFocus()
    tab.table.setCurrentIndex(tab.model.index(0, GoalsModel.GOAL))
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    dialog = tab.goal_dialog
    assert dialog is not None and dialog.windowTitle() == "Edit goal"
    assert dialog.title_edit.text() == goal.title
    dialog.status_combo.setCurrentIndex(dialog.status_combo.findText("Paused"))
    dialog.progress_slider.setValue(60)
    dialog.accept()

    goal = tab.context.state.goals[goal.goal_id]
    assert (goal.status, goal.progress) == (GoalStatus.PAUSED, 60)
    assert cell(tab.model, 0, GoalsModel.STATUS) == "Paused"
    assert cell(tab.model, 0, GoalsModel.PROGRESS) == "60 %"
    # Newest first, each said by whom.
    assert history_lines(tab) == [
        ("You", "status: Active → Paused; progress: 20 % → 60 %"),
        ("You", "milestone done: Agree the aim with the ward manager"),
        ("You", "milestone added: Agree the aim with the ward manager"),
        ("You", "goal created"),
    ]


def test_saving_an_unchanged_goal_records_nothing(ws, make_tab):
    pair = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
    ws.record(pair, EventKind.GOAL_CREATED, goal_id=new_id(), title="Publish the audit")
    tab = make_tab(ws, pair)
    before = len(ws.events(pair))
    tab.edit_goal()
    tab.goal_dialog.accept()
    assert len(ws.events(pair)) == before


def test_achieved_goals_are_hidden_until_asked_for(ws, make_tab):
    pair = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
    for title, status, target in (
        ("Pass the teaching certificate", "achieved", None),
        ("Publish the audit", "proposed", "2026-12-01"),
        ("Lead a QI project", "active", "2026-09-30"),
        ("Start a journal club", "active", None),
        ("Apply for the fellowship", "active", "2026-06-01"),
    ):
        ws.record(
            pair,
            EventKind.GOAL_CREATED,
            goal_id=new_id(),
            title=title,
            status=status,
            target=target,
        )
    tab = make_tab(ws, pair)
    titles = [row[0] for row in table_text(tab.model)]
    # By status, then target date (undated last).
    assert titles == [
        "Apply for the fellowship",
        "Lead a QI project",
        "Start a journal club",
        "Publish the audit",
    ]
    assert tab.hidden_hint.isVisible()
    assert "1 achieved or dropped goal is hidden" in tab.hidden_hint.text()

    tab.show_closed.click()
    titles = [row[0] for row in table_text(tab.model)]
    assert titles[-1] == "Pass the teaching certificate"
    assert not tab.hidden_hint.isVisible()


def test_a_link_to_a_hidden_goal_shows_and_selects_it(ws, make_tab):
    pair = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
    done = new_id()
    ws.record(pair, EventKind.GOAL_CREATED, goal_id=new_id(), title="Publish the audit")
    ws.record(pair, EventKind.GOAL_CREATED, goal_id=done, title="Pass", status="achieved")
    tab = make_tab(ws, pair)
    assert tab.current_goal().title == "Publish the audit"
    assert tab.focus_goal(done)
    assert tab.show_closed.isChecked()
    assert tab.current_goal().goal_id == done
    assert tab.detail_title.text() == "Pass"
    assert not tab.focus_goal("no-such-goal")


def test_categories_can_be_edited_from_the_goal_form(ws, make_tab):
    pair = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
    tab = make_tab(ws, pair)
    tab.new_goal()
    dialog = tab.goal_dialog
    combo = dialog.category_combo
    combo.setEditText("Research")
    command = combo.findText("Edit categories…")
    assert command > 0
    combo.setCurrentIndex(command)
    combo.activated.emit(command)
    # Choosing the command does not make it the goal's category.
    assert combo.currentText() == "Research"
    editor = dialog.categories_dialog
    assert editor is not None
    editor.edit.setPlainText("Research\n  Surgery skills  \n\nResearch\nWellbeing")
    assert editor.categories() == ["Research", "Surgery skills", "Wellbeing"]
    editor.accept()

    assert ws.state(pair).categories == ("Research", "Surgery skills", "Wellbeing")
    offered = [combo.itemText(i) for i in range(combo.count()) if combo.itemText(i)]
    assert offered == ["Research", "Surgery skills", "Wellbeing", "Edit categories…"]
    assert combo.currentText() == "Research"

    # A category typed for the first time is remembered for next time.
    dialog.title_edit.setText("Learn to say no")
    combo.setEditText("Time management")
    dialog.accept()
    state = ws.state(pair)
    assert state.categories[-1] == "Time management"
    assert [g.category for g in state.goals.values()] == ["Time management"]


# ----------------------------------------------------------------- mentor
@pytest.fixture
def mentor_pair(ws):
    pair = ws.create_pair(Role.MENTOR, "Dr Sam Idowu")
    goal_id, milestone_id = new_id(), new_id()
    insert_partner_events(ws, pair, mentee_goal_changes(goal_id, milestone_id))
    return pair, goal_id, milestone_id


def test_mentor_sees_the_goal_read_only(qtbot, ws, make_tab, mentor_pair):
    pair, goal_id, _ = mentor_pair
    tab = make_tab(ws, pair)
    assert "only they can change them" in tab.intro.text()
    assert table_text(tab.model)[0][:4] == [
        "Lead a quality-improvement project",
        "Leadership",
        "Active",
        "30 %",
    ]
    assert history_lines(tab) == [
        ("Your mentee", "milestone added: Agree the aim"),
        ("Your mentee", "goal created"),
    ]
    # No widget that could change a goal is on screen and enabled.
    usable = {
        b.accessibleName()
        for b in tab.findChildren(QAbstractButton)
        if b.isVisibleTo(tab) and b.isEnabled()
    }
    assert usable == {"Show dropped and achieved goals", "Add reflection"}
    for view in tab.findChildren(QAbstractItemView):
        if isinstance(view, QHeaderView):
            continue
        assert view.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    flags = tab.milestones_model.flags(tab.milestones_model.index(0))
    assert not flags & Qt.ItemFlag.ItemIsUserCheckable
    tab.milestones_view.setFocus()
    tab.milestones_view.setCurrentIndex(tab.milestones_model.index(0))
    qtbot.keyClick(tab.milestones_view, Qt.Key.Key_Space)
    assert not ws.state(pair).goals[goal_id].milestones[0].done
    # Neither Enter on the goal nor the edit entry points open a form.
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    tab.edit_goal()
    tab.new_goal()
    tab.add_milestone()
    assert tab.goal_dialog is None and tab.milestone_dialog is None


def test_the_domain_refuses_a_goal_change_by_the_mentor(ws, mentor_pair, make_tab, monkeypatch):
    pair, goal_id, _ = mentor_pair
    with pytest.raises(RuleViolation, match="Only the mentee"):
        ws.record(pair, EventKind.GOAL_UPDATED, goal_id=goal_id, status="dropped")
    # Even if this screen were tricked into trying, the refusal is shown in words.
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    tab = make_tab(ws, pair)
    assert not tab._record(EventKind.GOAL_UPDATED, goal_id=goal_id, progress=90)
    assert shown == ["Only the mentee can change the agenda and the goals."]
    assert ws.state(pair).goals[goal_id].progress == 30


def widget_texts(root):
    """Every piece of text a person could see or a screen reader could reach below ``root``."""
    texts = [label.text() for label in root.findChildren(QLabel)]
    for view in root.findChildren(QAbstractItemView):
        model = view.model()
        for row in range(model.rowCount()):
            columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount()
            for column in range(columns):
                index = model.index(row, column)
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    texts.append(str(index.data(role)))
    return "\n".join(texts)


def test_mentor_reflects_privately_and_it_never_leaves(qtbot, ws, make_tab, mentor_pair):
    pair, goal_id, _ = mentor_pair
    tab = make_tab(ws, pair)
    assert tab.reflections_box.isVisible()
    assert "Private — only you can see this" in tab.private_notice.text()
    assert tab.private_notice.icon.pixmap() is not None
    assert "No reflections on this goal yet" in tab.reflections_empty.text()

    # Ctrl+N is the mentor's "new": a reflection on the selected goal.
    press_in(qtbot, tab, tab.table)
    qtbot.keyClick(tab.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = tab.reflection_dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.title_edit, SECRET_TITLE)
    dialog.text_edit.setPlainText(SECRET + ". Ask what would help her lead.")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    [note] = ws.state(pair).notes.values()
    assert (note.kind, note.goal_id, note.author) == (NoteKind.REFLECTION, goal_id, Role.MENTOR)
    assert tab.reflections_model.rowCount() == 1
    assert tab.reflections_model.index(0).data().startswith(SECRET_TITLE)
    assert SECRET in tab.reflection_text.text()

    # Editing it keeps it private.
    tab.edit_reflection_button.click()
    assert tab.reflection_dialog.title_edit.text() == SECRET_TITLE
    tab.reflection_dialog.text_edit.setPlainText(SECRET + ", more so with consultants.")
    tab.reflection_dialog.accept()
    assert ws.state(pair).notes[note.note_id].text == SECRET + ", more so with consultants."

    shareable = ws.shareable_events(pair)
    kinds = {e.kind for e in shareable}
    assert EventKind.GOAL_CREATED in kinds  # the scan below does see the goal events
    for event in shareable:
        body = json.dumps(dict(event.body), ensure_ascii=False)
        assert SECRET not in body and SECRET_TITLE not in body
        assert event.kind not in (EventKind.NOTE_CREATED, EventKind.NOTE_EDITED)

    # Presenter mode: the reflections and their titles leave the tab entirely.
    assert SECRET in widget_texts(tab)
    tab.context.presenter = True
    tab.set_presenter(True)
    assert not tab.reflections_box.isVisible()
    texts = widget_texts(tab)
    assert SECRET not in texts and SECRET_TITLE not in texts
    assert "Lead a quality-improvement project" in texts  # the goal itself stays
    tab.context.presenter = False
    tab.set_presenter(False)
    assert tab.reflections_box.isVisible()
    assert SECRET_TITLE in widget_texts(tab)


def test_the_mentee_has_no_reflections_box(ws, make_tab):
    pair = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
    ws.record(pair, EventKind.GOAL_CREATED, goal_id=new_id(), title="Publish the audit")
    tab = make_tab(ws, pair)
    assert not tab.reflections_box.isVisible()
    tab.add_reflection()
    assert tab.reflection_dialog is None


def test_after_the_end_nothing_can_be_changed(ws, make_tab, mentor_pair):
    pair, _, _ = mentor_pair
    ws.record(pair, EventKind.RELATIONSHIP_ENDED, summary="Goals met.")
    tab = make_tab(ws, pair)
    assert "ended" in tab.intro.text()
    assert not tab.add_reflection_button.isEnabled()
    mentee_pair = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
    ws.record(mentee_pair, EventKind.GOAL_CREATED, goal_id=new_id(), title="Publish the audit")
    ws.record(mentee_pair, EventKind.RELATIONSHIP_ENDED, summary="Goals met.")
    mentee_tab = make_tab(ws, mentee_pair)
    assert not mentee_tab.new_button.isVisibleTo(mentee_tab)
    assert not mentee_tab.edit_button.isVisibleTo(mentee_tab)
    mentee_tab.new_goal()
    assert mentee_tab.goal_dialog is None


def test_every_control_and_form_has_an_accessible_name(ws, make_tab, mentor_pair):
    def unnamed(root):
        return [type(w).__name__ for w in interactive_widgets(root) if not w.accessibleName()]

    pair, _, _ = mentor_pair
    mentor_tab = make_tab(ws, pair)
    assert unnamed(mentor_tab) == []
    mentor_tab.add_reflection()
    assert unnamed(mentor_tab.reflection_dialog) == []
    mentor_tab.reflection_dialog.reject()

    mentee = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
    ws.record(mentee, EventKind.GOAL_CREATED, goal_id=new_id(), title="Publish the audit")
    tab = make_tab(ws, mentee)
    assert unnamed(tab) == []
    tab.new_goal()
    assert unnamed(tab.goal_dialog) == []
    tab.goal_dialog.reject()
    tab.add_milestone()
    assert unnamed(tab.milestone_dialog) == []
