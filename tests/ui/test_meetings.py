"""Journey 1: the Meetings tab shows the next meeting; plan, change, cancel, export a meeting."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import pytest
from icalendar import Calendar
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from mentorpair.domain.events import EventKind
from mentorpair.domain.model import Meeting, MeetingMode, Role
from mentorpair.storage.workspace import new_id
from tests.ui.conftest import interactive_widgets, show_tab

from mentorpair.ui.pair.meeting_dialogs import ExportDialog, MeetingDialog
from mentorpair.ui.pair.meeting_list import MeetingListModel, MeetingStatus, order_meetings
from mentorpair.ui.pair.meetings import MeetingsTab

FIXED_NOW = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)
PARTNER = "Dr Helen Marsh"


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


def plan(ws, pair, when, minutes=60, mode="video", place="", cancelled=False):
    meeting_id = new_id()
    ws.record(
        pair,
        EventKind.MEETING_PLANNED,
        meeting_id=meeting_id,
        starts_at=when.isoformat(),
        duration_min=minutes,
        mode=mode,
        place=place,
    )
    if cancelled:
        ws.record(pair, EventKind.MEETING_CANCELLED, meeting_id=meeting_id)
    return meeting_id


def rows(tab):
    model = tab.model
    return [model.index(r).data() for r in range(model.rowCount())]


def open_dialog(tab, kind):
    """The one open dialog of ``kind`` (a closed one may wait for deleteLater)."""
    (dialog,) = [d for d in tab.findChildren(kind) if d.isVisible()]
    return dialog


def set_when(dialog, when):
    dialog.when.setDateTime(QDateTime.fromSecsSinceEpoch(int(when.timestamp())))


# ----------------------------------------------------------------- list and order
def test_order_upcoming_soonest_first_then_past_latest_first():
    def meeting(days, cancelled=False):
        return Meeting(
            new_id(), FIXED_NOW + timedelta(days=days), 60, MeetingMode.PHONE, "", cancelled
        )

    past_old, past_new = meeting(-30), meeting(-3)
    soon_cancelled, soon, later = meeting(1, cancelled=True), meeting(2), meeting(9)
    in_progress = Meeting("now", FIXED_NOW - timedelta(minutes=10), 60, MeetingMode.VIDEO, "")
    ordered = order_meetings([later, past_old, soon, past_new, soon_cancelled], FIXED_NOW)
    assert [(m, s) for m, s in ordered] == [
        (soon_cancelled, MeetingStatus.CANCELLED),
        (soon, MeetingStatus.NEXT),
        (later, MeetingStatus.UPCOMING),
        (past_new, MeetingStatus.PAST),
        (past_old, MeetingStatus.PAST),
    ]
    # A meeting that has started but not ended is still on top, marked as happening now.
    assert order_meetings([soon, in_progress], FIXED_NOW)[0] == (in_progress, MeetingStatus.NOW)


def test_list_shows_next_meeting_first_with_date_mode_and_duration(ws, make_tab):
    pair = ws.create_pair(Role.MENTEE, PARTNER)
    plan(ws, pair, FIXED_NOW - timedelta(days=20), 45, "in_person", "Library room 2")
    plan(ws, pair, FIXED_NOW + timedelta(days=8), 30, "phone", cancelled=True)
    nxt = plan(ws, pair, FIXED_NOW + timedelta(days=1, hours=3, minutes=30), 60, "video")
    plan(ws, pair, FIXED_NOW + timedelta(days=15), 30, "email")
    tab = make_tab(ws, pair)

    text = rows(tab)
    assert len(text) == 4
    assert text[0].startswith("Tue 4 Mar 2025, ")
    assert "Next meeting · Video · 60 min" in text[0]
    assert "Cancelled · Phone · 30 min" in text[1]
    assert "Upcoming · Email · 30 min" in text[2]
    assert "Past · In person · 45 min" in text[3]
    # Cancelled is said in words and struck through, never shown by colour alone.
    assert tab.model.index(1).data(Qt.ItemDataRole.FontRole).strikeOut()
    assert not tab.model.index(0).data(Qt.ItemDataRole.FontRole).strikeOut()
    # The next meeting is chosen on opening, and its agenda is beside it.
    assert tab.selected_meeting_id() == nxt
    assert tab.agenda.meeting_id == nxt
    assert "Video" in tab.agenda.when.text()


def test_empty_state_explains_what_to_do(ws, make_tab):
    tab = make_tab(ws, ws.create_pair(Role.MENTEE, PARTNER))
    assert tab.stack.currentWidget() is tab.empty
    assert "Ctrl+N" in tab.empty.text()
    assert tab.new_button.isEnabled() and tab.new_button.objectName() == "primary"
    assert not tab.edit_button.isEnabled()
    assert not tab.cancel_button.isEnabled()
    assert not tab.export_button.isEnabled()
    assert "Once a meeting is planned" in tab.agenda.empty.text()


# ----------------------------------------------------------------- planning
def test_mentee_plans_a_meeting_through_the_dialog(ws, make_tab, qtbot):
    pair = ws.create_pair(Role.MENTEE, PARTNER)
    tab = make_tab(ws, pair)
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(tab, MeetingDialog)
    # Sensible defaults: a week ahead, on the hour, an hour long, in person.
    assert dialog.starts_at() == datetime(2025, 3, 10, 10, 0, tzinfo=UTC)
    assert dialog.duration.value() == 60
    assert dialog.selected_mode() is MeetingMode.IN_PERSON

    start = datetime(2025, 3, 4, 12, 30, tzinfo=UTC)
    set_when(dialog, start)
    dialog.duration.setValue(45)
    dialog.mode.setCurrentIndex(dialog.mode.findData(MeetingMode.VIDEO))
    dialog.place.setText("  https://video.example.org/room/4417  ")
    assert dialog.place.placeholderText() == "The video link"
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()

    (meeting,) = ws.state(pair).meetings.values()
    assert meeting.starts_at == start
    assert meeting.duration_min == 45
    assert meeting.mode is MeetingMode.VIDEO
    assert meeting.place == "https://video.example.org/room/4417"
    assert "Next meeting · Video · 45 min" in rows(tab)[0]
    assert tab.selected_meeting_id() == meeting.meeting_id
    assert tab.status.text() == "Meeting planned."
    assert tab.new_button.objectName() == ""


def test_ctrl_n_inside_the_tab_opens_the_dialog(ws, make_tab, qtbot):
    tab = make_tab(ws, ws.create_pair(Role.MENTEE, PARTNER))
    tab.activateWindow()
    tab.new_button.setFocus()
    qtbot.waitUntil(tab.new_button.hasFocus)
    qtbot.keyClick(tab.new_button, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert open_dialog(tab, MeetingDialog).windowTitle() == "Plan a meeting"


def test_new_meeting_takes_mode_duration_and_place_from_the_last_one(ws, make_tab):
    pair = ws.create_pair(Role.MENTEE, PARTNER)
    plan(ws, pair, FIXED_NOW - timedelta(days=10), 45, "phone", "I call her mobile")
    tab = make_tab(ws, pair)
    tab.new_meeting()
    dialog = open_dialog(tab, MeetingDialog)
    assert dialog.selected_mode() is MeetingMode.PHONE
    assert dialog.duration.value() == 45
    assert dialog.place.text() == "I call her mobile"


def test_dialog_warns_about_past_and_overlapping_times_without_blocking(ws, make_tab):
    pair = ws.create_pair(Role.MENTEE, PARTNER)
    plan(ws, pair, FIXED_NOW + timedelta(days=1), 60)
    tab = make_tab(ws, pair)
    tab.new_meeting()
    dialog = open_dialog(tab, MeetingDialog)
    assert dialog.check.isHidden()
    set_when(dialog, FIXED_NOW - timedelta(days=2))
    assert "in the past" in dialog.check.text()
    set_when(dialog, FIXED_NOW + timedelta(days=1, minutes=30))
    assert "overlaps the meeting on Tue 4 Mar 2025" in dialog.check.text()
    save = dialog.buttons.button(dialog.buttons.StandardButton.Save)
    assert save.isEnabled()
    save.click()
    assert len(ws.state(pair).meetings) == 2


def test_mentor_may_plan_and_move_meetings_too(ws, make_tab):
    pair = ws.create_pair(Role.MENTOR, "Dr Sam Okoye")
    meeting_id = plan(ws, pair, FIXED_NOW + timedelta(days=2), 60, "in_person")
    tab = make_tab(ws, pair)
    assert tab.edit_button.isEnabled()
    tab.edit_meeting()
    dialog = open_dialog(tab, MeetingDialog)
    assert dialog.windowTitle() == "Change meeting"
    assert dialog.starts_at() == FIXED_NOW + timedelta(days=2)
    set_when(dialog, FIXED_NOW + timedelta(days=3))
    dialog.duration.setValue(90)
    dialog.accept()
    meeting = ws.state(pair).meetings[meeting_id]
    assert meeting.starts_at == FIXED_NOW + timedelta(days=3)
    assert meeting.duration_min == 90
    assert "90 min" in rows(tab)[0]
    assert tab.status.text() == "Meeting changed."


# ----------------------------------------------------------------- cancelling
@pytest.mark.parametrize("answer", [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
def test_cancel_asks_first(ws, make_tab, monkeypatch, answer):
    pair = ws.create_pair(Role.MENTEE, PARTNER)
    meeting_id = plan(ws, pair, FIXED_NOW + timedelta(days=2))
    tab = make_tab(ws, pair)
    asked = []

    def question(parent, title, text, *args):
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    tab.cancel_button.click()
    assert "Wed 5 Mar 2025, 09:00–10:00" in asked[0]
    cancelled = ws.state(pair).meetings[meeting_id].cancelled
    assert cancelled is (answer == QMessageBox.StandardButton.Yes)
    if cancelled:
        assert rows(tab)[0].splitlines()[1].startswith("Cancelled")
        assert tab.model.index(0).data(MeetingListModel.STATUS_ROLE) is MeetingStatus.CANCELLED
        # Nothing more to change or export on a cancelled meeting.
        assert not tab.edit_button.isEnabled()
        assert not tab.cancel_button.isEnabled()
        assert not tab.export_button.isEnabled()


# ----------------------------------------------------------------- calendar export
def export(tab, monkeypatch, target, title=None, include_place=False):
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *args: (str(target), "Calendar files (*.ics)")
    )
    tab.export_button.click()
    dialog = open_dialog(tab, ExportDialog)
    assert dialog.title.text() == "Mentoring meeting"
    assert not dialog.include_place.isChecked()
    if title is not None:
        dialog.title.setText(title)
    dialog.include_place.setChecked(include_place)
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()


def parse(path):
    (event,) = Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    return event


def test_export_writes_a_calendar_file_without_names_or_agenda(ws, make_tab, tmp_path, monkeypatch):
    pair = ws.create_pair(Role.MENTEE, PARTNER)
    start = FIXED_NOW + timedelta(days=1, hours=3)
    meeting_id = plan(ws, pair, start, 45, "video", "https://video.example.org/room/4417")
    ws.record(
        pair,
        EventKind.AGENDA_ITEM_ADDED,
        meeting_id=meeting_id,
        item_id=new_id(),
        title="Consultant interview nerves",
        why="The panel is on Friday",
    )
    tab = make_tab(ws, pair)
    target = tmp_path / "out" / "meeting"  # no suffix typed: .ics is added
    target.parent.mkdir()
    export(tab, monkeypatch, target)

    written = target.with_name("meeting.ics")
    data = written.read_bytes()
    for secret in (PARTNER, "Helen", "Marsh", "Okafor", "Consultant interview", "Friday"):
        assert secret.encode() not in data
    event = parse(written)
    assert str(event["SUMMARY"]) == "Mentoring meeting"
    assert event.decoded("DTSTART") == start
    assert event.decoded("DTEND") == start + timedelta(minutes=45)
    assert str(event["UID"]) == f"{meeting_id}@mentorpair"
    assert "LOCATION" not in event
    assert "DESCRIPTION" not in event
    assert tab.status.text().startswith("Saved meeting.ics.")


def test_export_with_place_and_a_title_naming_the_mentor(ws, make_tab, tmp_path, monkeypatch):
    pair = ws.create_pair(Role.MENTEE, PARTNER)
    plan(ws, pair, FIXED_NOW + timedelta(days=1), 60, "in_person", "Library room 2")
    tab = make_tab(ws, pair)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: ("", ""))
    tab.export_button.click()
    dialog = open_dialog(tab, ExportDialog)
    assert dialog.warning.isHidden()
    dialog.title.setText("Catch-up with Helen")
    assert dialog.warning.isVisibleTo(dialog)
    assert "names your mentoring partner" in dialog.warning.text()
    dialog.title.setText("Catch-up with Dr X")  # "Dr" alone is not a name
    assert dialog.warning.isHidden()
    dialog.title.setText("   ")
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Save).isEnabled()
    dialog.reject()

    target = tmp_path / "m.ics"
    export(tab, monkeypatch, target, title="Catch-up with Helen", include_place=True)
    event = parse(target)
    assert str(event["SUMMARY"]) == "Catch-up with Helen"
    assert str(event["LOCATION"]) == "Library room 2"


def test_export_cancelled_in_the_file_dialog_writes_nothing(ws, make_tab, tmp_path, monkeypatch):
    pair = ws.create_pair(Role.MENTEE, PARTNER)
    plan(ws, pair, FIXED_NOW + timedelta(days=1))
    tab = make_tab(ws, pair)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: ("", ""))
    tab.export_meeting()
    open_dialog(tab, ExportDialog).accept()
    assert tab.status.text() == ""
    assert not list(tmp_path.glob("**/*.ics"))


def test_export_reports_a_write_failure(ws, make_tab, tmp_path, monkeypatch):
    pair = ws.create_pair(Role.MENTEE, PARTNER)
    plan(ws, pair, FIXED_NOW + timedelta(days=1))
    tab = make_tab(ws, pair)
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    export(tab, monkeypatch, tmp_path / "no such folder" / "m.ics")
    assert shown and "could not be found" in shown[0]
    assert tab.status.text() == ""


# ----------------------------------------------------------------- after the end
def test_ended_relationship_is_read_only(ws, make_tab, qtbot):
    pair = ws.create_pair(Role.MENTEE, PARTNER)
    plan(ws, pair, FIXED_NOW + timedelta(days=1))
    ws.record(pair, EventKind.RELATIONSHIP_ENDED, summary="We met our goals.")
    tab = make_tab(ws, pair)
    assert tab.ended.isVisibleTo(tab)
    for button in (tab.new_button, tab.edit_button, tab.cancel_button):
        assert not button.isVisibleTo(tab)
    assert not tab.new_shortcut.isEnabled()
    tab.new_meeting()
    assert not tab.findChildren(MeetingDialog)
    assert tab.export_button.isEnabled()  # reading the record is still allowed


def test_every_control_is_named(ws, make_tab):
    pair = ws.create_pair(Role.MENTEE, PARTNER)
    plan(ws, pair, FIXED_NOW + timedelta(days=1))
    tab = make_tab(ws, pair)
    tab.new_meeting()
    tab.export_meeting()
    for root in (tab, open_dialog(tab, MeetingDialog), open_dialog(tab, ExportDialog)):
        widgets = interactive_widgets(root)
        assert widgets
        assert [type(w).__name__ for w in widgets if not w.accessibleName()] == []


def test_a_status_message_belongs_to_the_meeting_it_is_about(ws, make_tab):
    pair = ws.create_pair(Role.MENTEE, PARTNER)
    other = plan(ws, pair, FIXED_NOW + timedelta(days=9))
    tab = make_tab(ws, pair)
    tab.new_meeting()
    set_when(open_dialog(tab, MeetingDialog), FIXED_NOW + timedelta(days=2))
    open_dialog(tab, MeetingDialog).accept()
    assert tab.status.text() == "Meeting planned."
    tab.select_meeting(other)
    assert tab.status.text() == ""
