"""The agreement tab, through its widgets: set, confirm, revise, validate, read-only."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QDate, Qt

from mentorpair.demo import fill_demo
from mentorpair.domain.events import EventKind
from mentorpair.domain.model import MeetingMode, Role
from mentorpair.domain.rules import RuleViolation
from tests.ui.conftest import interactive_widgets, show_tab

from mentorpair.ui.pair.agreement import AgreementTab

NOW = datetime(2025, 11, 27, 9, 30, tzinfo=UTC)


@pytest.fixture
def make_tab(qtbot, ws):
    def make(pair_id):
        tab = show_tab(qtbot, AgreementTab, ws, pair_id, NOW)
        return tab

    return make


def test_a_new_pair_starts_from_sensible_defaults(make_tab, ws):
    tab = make_tab(ws.create_pair(Role.MENTEE, "Dr Helen Marsh"))
    assert tab.status.text() == "No agreement yet"
    assert tab.frequency.text() == "Every 4–6 weeks"
    assert tab.starts_on.date() == QDate(2025, 11, 27)
    assert tab.has_review.isChecked()
    assert tab.review_on.date() == QDate(2026, 11, 27)
    assert tab.no_fault.isChecked()
    assert "patient safety" in tab.limits.toPlainText()
    assert tab.mode_boxes[MeetingMode.IN_PERSON].isChecked()
    assert tab.save_button.isEnabled()
    assert not tab.undo_button.isVisible()
    assert not tab.confirm_button.isVisible()


def test_set_by_typing_then_confirmed_by_the_partner_side(make_tab, ws, qtbot):
    pair_id = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
    tab = make_tab(pair_id)
    tab.frequency.clear()
    qtbot.keyClicks(tab.frequency, "Monthly, by video in winter")
    tab.mode_boxes[MeetingMode.IN_PERSON].click()
    tab.mode_boxes[MeetingMode.PHONE].click()
    tab.has_review.click()  # no review date
    tab.confidentiality.setPlainText("Everything we say.")
    with qtbot.waitSignal(tab.changed):
        qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)

    agreement = ws.state(pair_id).agreement
    assert agreement is not None
    assert agreement.frequency == "Monthly, by video in winter"
    assert agreement.modes == (MeetingMode.PHONE, MeetingMode.VIDEO)
    assert agreement.starts_on == date(2025, 11, 27)
    assert agreement.review_on is None
    assert agreement.confidentiality == "Everything we say."
    assert agreement.no_fault_ending
    assert agreement.confirmed_by == frozenset({Role.MENTEE})
    assert tab.status.text() == "Waiting for Dr Helen Marsh to confirm"
    assert "arrives with their next update" in tab.status_hint.text()
    assert not tab.confirm_button.isVisible()
    assert not tab.save_button.isEnabled()  # nothing changed since
    assert tab.save_button.text() == "S&ave as a new version"


def test_mentor_confirms_the_mentees_version(make_tab, ws, qtbot):
    pair_id = fill_demo(ws, Role.MENTOR, NOW)
    tab = make_tab(pair_id)
    revision = ws.state(pair_id).agreement.revision
    assert tab.status.text() == "Dr Amara Okafor proposed this agreement"
    assert tab.confirm_button.isVisible()
    # The form shows exactly the proposed terms, unchanged.
    assert tab.frequency.text().startswith("Every 4–6 weeks, more often")
    assert not tab.save_button.isEnabled()

    with qtbot.waitSignal(tab.changed):
        qtbot.mouseClick(tab.confirm_button, Qt.MouseButton.LeftButton)
    agreement = ws.state(pair_id).agreement
    assert agreement.revision == revision
    assert agreement.confirmed
    assert tab.status.text() == "Agreed by both of you"
    assert not tab.confirm_button.isVisible()


def test_editing_makes_a_new_version_that_needs_confirming_again(make_tab, ws, qtbot):
    pair_id = fill_demo(ws, Role.MENTOR, NOW)
    tab = make_tab(pair_id)
    tab.confirm()
    assert ws.state(pair_id).agreement.confirmed
    old = ws.state(pair_id).agreement.revision

    assert "confirm again" in tab.save_hint.text()
    tab.mode_boxes[MeetingMode.EMAIL].click()
    assert tab.save_button.isEnabled()
    assert tab.undo_button.isEnabled()
    tab.save_button.click()

    agreement = ws.state(pair_id).agreement
    assert agreement.revision != old
    assert MeetingMode.EMAIL in agreement.modes
    assert agreement.confirmed_by == frozenset({Role.MENTOR})
    assert tab.status.text() == "Waiting for Dr Amara Okafor to confirm"


def test_undo_puts_back_the_saved_terms(make_tab, ws):
    pair_id = fill_demo(ws, Role.MENTEE, NOW)
    tab = make_tab(pair_id)
    tab.frequency.setText("Weekly")
    tab.undo_button.click()
    assert tab.frequency.text() == ws.state(pair_id).agreement.frequency
    assert not tab.save_button.isEnabled()


def test_unsaved_edits_survive_a_change_elsewhere(make_tab, ws):
    pair_id = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
    tab = make_tab(pair_id)
    tab.frequency.setText("Fortnightly")
    ws.record(pair_id, EventKind.NOTE_CREATED, note_id="n1", kind="private", title="x", text="")
    tab.refresh()
    assert tab.frequency.text() == "Fortnightly"


def test_mistakes_are_explained_and_nothing_is_saved(make_tab, ws, qtbot):
    pair_id = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
    tab = make_tab(pair_id)
    tab.frequency.clear()
    tab.save_button.click()
    assert tab.error.isVisible()
    assert "how often you meet" in tab.error.text()
    tab.frequency.setText("Monthly")
    tab.review_on.setDate(QDate(2025, 1, 1))
    tab.save_button.click()
    assert tab.error.text() == "The review or end date is before the start date."
    assert ws.state(pair_id).agreement is None
    tab.review_on.setDate(QDate(2026, 6, 1))
    tab.activateWindow()
    qtbot.waitUntil(tab.isActiveWindow)
    tab.frequency.setFocus()
    qtbot.keyClick(tab.frequency, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # Ctrl+S
    assert not tab.error.isVisible()
    assert ws.state(pair_id).agreement.review_on == date(2026, 6, 1)


def test_after_the_end_nothing_can_be_changed(make_tab, ws):
    pair_id = fill_demo(ws, Role.MENTOR, NOW)
    ws.record(pair_id, EventKind.RELATIONSHIP_ENDED, summary="")
    tab = make_tab(pair_id)
    assert not tab.frequency.isEnabled()
    assert not tab.save_button.isVisible()
    assert not tab.confirm_button.isVisible()
    assert "read-only" in tab.status_hint.text()
    with pytest.raises(RuleViolation):
        ws.record(
            pair_id,
            EventKind.AGREEMENT_CONFIRMED,
            revision=ws.state(pair_id).agreement.revision,
        )


def test_every_control_is_named(make_tab, ws):
    tab = make_tab(fill_demo(ws, Role.MENTOR, NOW))
    widgets = interactive_widgets(tab)
    assert len(widgets) >= 12
    assert [w for w in widgets if not w.accessibleName()] == []


def test_a_confirmation_that_crossed_a_new_version_counts_for_the_one_it_saw(make_tab, ws, qtbot):
    from tests.ui.helpers_partner import insert_partner_events

    pair_id = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
    tab = make_tab(pair_id)
    with qtbot.waitSignal(tab.changed):
        qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    first = ws.state(pair_id).agreement
    assert first is not None
    tab.frequency.setText("Monthly")
    with qtbot.waitSignal(tab.changed):
        qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    # Helen, offline, confirms the first version; it arrives after the second.
    insert_partner_events(
        ws, pair_id, [(EventKind.AGREEMENT_CONFIRMED, {"revision": first.revision})],
        author=Role.MENTOR,
    )  # fmt: skip
    tab.refresh()
    state = ws.state(pair_id)
    assert state.rejected == []
    assert state.agreement is not None and Role.MENTOR not in state.agreement.confirmed_by
    assert tab.status.text() == "Waiting for Dr Helen Marsh to confirm"
    assert "confirmed an earlier version" in tab.status_hint.text()
