"""Journey: the mentee shares the agenda in the demo, the mentor sees it ready.

Driven as a keyboard and screen-reader user would: the box is ticked through
its accessibility Toggle action, the wording is read through QAccessible,
and the switch to the mentor's side is Ctrl+Shift+D at once, without waiting
for the shared folder's few seconds of debounce.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible

from mentorpair.demo import DemoSession

from mentorpair.ui import workers
from mentorpair.ui.main_window import MainWindow
from mentorpair.ui.pair.meetings import MeetingsTab


@pytest.fixture
def demo_window(qtbot, settings) -> Iterator[MainWindow]:
    with DemoSession() as session:
        window = MainWindow(
            session.vault_folder(session.side), settings, vault=session.vault, demo_session=session
        )
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        try:
            yield window
        finally:
            window.close()
            qtbot.waitUntil(lambda: workers.pending_count() == 0, timeout=10_000)


def meetings_tab(window: MainWindow) -> MeetingsTab:
    view = window.workspace.pair_view
    assert view is not None
    tab = view.pages["meetings"]
    assert isinstance(tab, MeetingsTab)
    view.tabs.setCurrentWidget(tab)
    next_meeting = tab.context.state.next_meeting(datetime.now(UTC))
    assert next_meeting is not None
    tab.select_meeting(next_meeting.meeting_id)
    return tab


def said(widget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None
    return interface.text(QAccessible.Text.Name)


def test_ready_through_the_toggle_action_reaches_the_mentor_at_once(demo_window, qtbot):
    window = demo_window
    tab = meetings_tab(window)
    panel = tab.agenda
    assert not panel.ready_check.isChecked()
    assert "Draft" in said(panel.status)

    box = QAccessible.queryAccessibleInterface(panel.ready_check)
    assert box is not None
    actions = box.actionInterface()
    assert actions is not None and actions.toggleAction() in actions.actionNames()
    actions.doAction(actions.toggleAction())

    meeting = tab.selected_meeting()
    assert meeting is not None and meeting.agenda_ready  # recorded, not only ticked
    # The demo pair is verified: no "once you are paired".
    assert said(panel.status) == ("Ready — your mentor sees it once your next update reaches them.")
    items = [item.title for item in panel.context.state.agenda[meeting.meeting_id]]
    assert items

    qtbot.keyClick(
        window,
        Qt.Key.Key_D,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(
        lambda: window.demo_session is not None and window.demo_session.side.value == "mentor",
        timeout=10_000,
    )
    mentor = meetings_tab(window)
    mentor.select_meeting(meeting.meeting_id)
    seen = mentor.context.state.meetings[meeting.meeting_id]
    assert seen.agenda_ready
    assert said(mentor.agenda.status) == "Your mentee's agenda: only they can change it."
    shown = [item.title for item in mentor.context.state.agenda[meeting.meeting_id]]
    assert shown == items


def test_unticking_goes_back_to_draft_and_a_refresh_records_nothing(demo_window):
    tab = meetings_tab(demo_window)
    panel = tab.agenda
    panel.ready_check.toggle()
    events = len(panel.context.workspace.events(panel.context.pair_id))
    panel.refresh()  # sets the box again, with its signals blocked
    assert len(panel.context.workspace.events(panel.context.pair_id)) == events
    panel.ready_check.toggle()
    meeting = tab.selected_meeting()
    assert meeting is not None and not meeting.agenda_ready
    assert "Draft" in said(panel.status)
