"""The pair's overview, driven through its widgets: next meeting, overdue actions, states."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import pytest

from mentorpair.demo import fill_demo
from mentorpair.domain.events import EventKind
from mentorpair.domain.model import Role
from tests.ui.conftest import interactive_widgets, show_tab

from mentorpair.ui.pair.overview import ACTION_ID_ROLE, OverviewTab

NOW = datetime(2025, 11, 27, 9, 30, tzinfo=UTC)


@pytest.fixture(autouse=True)
def utc_local_time(monkeypatch):
    """Times are shown in this computer's zone: pin it so the words are predictable."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def make_tab(qtbot, ws):
    def make(pair_id):
        tab = show_tab(qtbot, OverviewTab, ws, pair_id, NOW)
        return tab

    return make


def overdue_rows(tab):
    model = tab.overdue_model
    return [model.index(r, 0) for r in range(model.rowCount())]


def test_mentee_sees_next_meeting_and_the_overdue_action(make_tab, ws):
    tab = make_tab(fill_demo(ws, Role.MENTEE, NOW))
    meeting = tab.context.state.next_meeting(NOW)
    assert meeting is not None
    assert tab.next_when.text() == "Wed 3 Dec 2025 at 17:30 (in 6 days)"
    assert tab.next_details.text() == "Video · 60 minutes · Video call (link in the invitation)"
    assert tab.next_agenda.text() == "Agenda: 3 items, draft"
    assert tab.next_button.text() == "Prepare the agen&da"

    rows = overdue_rows(tab)
    assert len(rows) == 1
    assert tab.overdue_view.isVisible()
    assert tab.overdue_heading.text() == "Overdue actions (1)"
    text = rows[0].data()
    assert text.startswith("Email the rota coordinator to ask for study leave")
    assert "Overdue since Sun 23 Nov 2025 · for you" in text
    (late,) = tab.context.state.overdue_actions(NOW.date())
    assert rows[0].data(ACTION_ID_ROLE) == late.action_id

    assert tab.goals_text.text() == "2 active · 1 proposed · 1 paused · 1 achieved"
    assert tab.agreement_text.text() == "Waiting for Dr Helen Marsh to confirm"
    assert "Nothing here has been sent to Dr Helen Marsh" in tab.sharing.text()
    assert not tab.ended_banner.isVisible()


def test_agenda_state_follows_the_mentee_marking_it_ready(make_tab, ws):
    pair_id = fill_demo(ws, Role.MENTEE, NOW)
    tab = make_tab(pair_id)
    meeting = tab.context.state.next_meeting(NOW)
    ws.record(pair_id, EventKind.AGENDA_READY, meeting_id=meeting.meeting_id, ready=True)
    tab.refresh()
    assert tab.next_agenda.text() == "Agenda: 3 items, ready"


def test_mentor_sees_the_mentees_agenda_state_not_its_own(make_tab, ws):
    tab = make_tab(fill_demo(ws, Role.MENTOR, NOW))
    assert tab.next_agenda.text() == "Your mentee's agenda is not shared yet"
    assert tab.next_button.text() == "&View the agenda"
    assert "for Dr Amara Okafor" in overdue_rows(tab)[0].data()
    assert tab.agreement_text.text() == "Dr Amara Okafor proposed an agreement"


def test_a_new_pair_says_what_to_do(make_tab, ws):
    tab = make_tab(ws.create_pair(Role.MENTEE, "Dr Helen Marsh"))
    assert tab.next_when.text() == "No meeting planned"
    assert "Plan one in Meetings (Ctrl+2)" in tab.next_details.text()
    assert not tab.next_agenda.isVisible()
    assert not tab.overdue_view.isVisible()
    assert tab.overdue_empty.text().startswith("No actions yet")
    assert tab.goals_text.text().startswith("No goals yet. Set your first in Goals")
    assert tab.agreement_text.text() == "No agreement yet"
    assert tab.end_button.isVisible()


def test_buttons_ask_the_view_for_the_right_page(make_tab, ws, qtbot):
    tab = make_tab(ws.create_pair(Role.MENTEE, "Dr Helen Marsh"))
    for button, page in (
        (tab.next_button, "meetings"),
        (tab.overdue_button, "actions"),
        (tab.goals_button, "goals"),
        (tab.agreement_button, "agreement"),
    ):
        with qtbot.waitSignal(tab.open_page) as blocker:
            button.click()
        assert blocker.args == [page]


def test_enter_on_an_overdue_action_opens_actions(make_tab, ws, qtbot):
    tab = make_tab(fill_demo(ws, Role.MENTEE, NOW))
    tab.overdue_view.setFocus()
    tab.overdue_view.setCurrentIndex(overdue_rows(tab)[0])
    with qtbot.waitSignal(tab.open_page) as blocker:
        qtbot.keyClick(tab.overdue_view, "\r")
    assert blocker.args == ["actions"]


def test_an_agreement_confirmed_by_both_reads_so(make_tab, ws):
    pair_id = fill_demo(ws, Role.MENTOR, NOW)
    revision = ws.state(pair_id).agreement.revision
    ws.record(pair_id, EventKind.AGREEMENT_CONFIRMED, revision=revision)
    tab = make_tab(pair_id)
    assert tab.agreement_text.text() == "Agreed by both of you"


def test_ended_pair_shows_the_summary_and_is_read_only(make_tab, ws):
    pair_id = fill_demo(ws, Role.MENTEE, NOW)
    ws.record(pair_id, EventKind.RELATIONSHIP_ENDED, summary="A good year; thank you, Helen.")
    tab = make_tab(pair_id)
    assert tab.ended_banner.isVisible()
    assert "Your copy is read-only" in tab.ended_title.text()
    assert "(you ended it)" in tab.ended_title.text()
    assert tab.ended_summary.text() == "Closing summary: A good year; thank you, Helen."
    assert tab.next_when.text() == "No further meetings"
    assert not tab.end_button.isVisible()
    assert not tab.next_button.isVisible()
    # Nothing is "overdue" in a closed record; what was left open is said plainly.
    assert not tab.overdue_view.isVisible()
    assert tab.overdue_empty.text() == "2 of 10 actions were still open when the mentoring ended."
    assert tab.agreement_text.text() == "Not confirmed by both of you before the end"


def test_today_and_tomorrow_in_words(make_tab, ws):
    pair_id = ws.create_pair(Role.MENTOR, "Dr Amara Okafor")
    ws.record(
        pair_id,
        EventKind.MEETING_PLANNED,
        meeting_id="m1",
        starts_at=(NOW + timedelta(hours=3)).isoformat(),
        duration_min=30,
        mode="phone",
        place="",
    )
    tab = make_tab(pair_id)
    assert tab.next_when.text() == "Thu 27 Nov 2025 at 12:30 (today)"
    assert tab.next_details.text() == "Phone · 30 minutes"
    ws.record(pair_id, EventKind.MEETING_CANCELLED, meeting_id="m1")
    ws.record(
        pair_id,
        EventKind.MEETING_PLANNED,
        meeting_id="m2",
        starts_at=(NOW + timedelta(days=1)).isoformat(),
        duration_min=45,
        mode="in_person",
        place="Seminar room 2",
    )
    tab.refresh()
    assert tab.next_when.text() == "Fri 28 Nov 2025 at 09:30 (tomorrow)"


def test_every_control_is_named(make_tab, ws):
    tab = make_tab(fill_demo(ws, Role.MENTEE, NOW))
    widgets = interactive_widgets(tab)
    assert len(widgets) >= 6
    assert [w for w in widgets if not w.accessibleName()] == []


def test_an_open_feedback_period_is_offered_on_the_overview_until_dismissed(make_tab, ws, tmp_path):
    from mentorpair.crypto.hybrid import HybridKeyPair
    from mentorpair.feedback.pairside import PairFeedback
    from mentorpair.feedback.scheme import Period, new_scheme

    pair_id = fill_demo(ws, Role.MENTEE, NOW)
    tab = make_tab(pair_id)
    assert not tab.feedback_card.isVisible()  # no scheme: nothing to offer

    period = Period("2025-H2", "July to December 2025", NOW.date().replace(month=7, day=1),
                    NOW.date().replace(month=12, day=31))  # fmt: skip
    scheme = new_scheme(
        "North London GP Mentoring", HybridKeyPair.generate().public_bytes(), [period]
    )
    path = tmp_path / "north-london.mpscheme"
    path.write_text(scheme.to_json(), encoding="utf-8")
    feedback = PairFeedback(ws, pair_id, lambda: NOW)
    feedback.import_scheme(path)
    tab.refresh()
    assert tab.feedback_card.isVisible()
    assert "North London GP Mentoring asks for feedback until Wed 31 Dec 2025" in (
        tab.feedback_text.text()
    )
    pages: list[str] = []
    tab.open_page.connect(pages.append)
    tab.feedback_button.click()
    assert pages == ["feedback"]

    feedback.dismiss(scheme.scheme_id, period.period_id)
    tab.refresh()
    assert not tab.feedback_card.isVisible()


def test_changes_made_before_the_news_of_the_ending_are_kept_and_said(make_tab, ws):
    from tests.ui.helpers_partner import insert_partner_events

    pair_id = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
    ws.record(pair_id, EventKind.RELATIONSHIP_ENDED, summary="Thank you.")
    # Helen wrote two shared notes offline, before the ending reached her.
    insert_partner_events(
        ws,
        pair_id,
        [
            (
                EventKind.NOTE_CREATED,
                {"note_id": f"n{n}", "kind": "shared", "title": "Late", "text": "…"},
            )
            for n in range(2)
        ],
        author=Role.MENTOR,
        seen={},
    )
    tab = make_tab(pair_id)
    assert len(ws.state(pair_id).notes) == 2 and ws.state(pair_id).rejected == []
    assert "2 changes were made before the news of the ending reached their authors" in (
        tab.ended_summary.text()
    )


def test_a_long_overdue_list_shows_the_oldest_and_points_to_actions(make_tab, ws):
    pair_id = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
    for day in range(25):
        due = (NOW - timedelta(days=30 - day)).date().isoformat()
        ws.record(
            pair_id,
            EventKind.ACTION_ADDED,
            action_id=f"late-{day:02d}",
            what=f"Task {day}",
            owner="mentee",
            due=due,
        )
    tab = make_tab(pair_id)
    rows = overdue_rows(tab)
    # Twenty rows, the oldest first; the heading still counts them all.
    assert [row.data(ACTION_ID_ROLE) for row in rows] == [f"late-{d:02d}" for d in range(20)]
    assert tab.overdue_heading.text() == "Overdue actions (25)"
    assert tab.overdue_more.isVisible()
    assert tab.overdue_more.text() == "The oldest 20 are listed; 5 more are on the Actions page."
    ws.record(pair_id, EventKind.ACTION_UPDATED, action_id="late-00", done=True)
    for day in range(1, 6):
        ws.record(pair_id, EventKind.ACTION_UPDATED, action_id=f"late-{day:02d}", done=True)
    tab.refresh()
    assert len(overdue_rows(tab)) == 19
    assert not tab.overdue_more.isVisible()
