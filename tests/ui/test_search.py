"""The search panel, driven through its widgets: highlighting, scope, presenter mode."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, Qt

from mentorpair.domain.events import EventKind
from mentorpair.domain.model import Role
from mentorpair.storage.workspace import SEARCH_LIMIT, new_id
from tests.ui.conftest import interactive_widgets

from mentorpair.ui.search import (
    EntityIdRole,
    KindTextRole,
    PairIdRole,
    SearchPanel,
    SnippetHtmlRole,
    TitleHtmlRole,
)


@pytest.fixture
def panel(qtbot):
    widget = SearchPanel()
    qtbot.addWidget(widget)
    widget.resize(420, 500)
    widget.show()
    return widget


def note(ws, pair, kind, title, text):
    note_id = new_id()
    ws.record(pair, EventKind.NOTE_CREATED, note_id=note_id, kind=kind, title=title, text=text)
    return note_id


def rows(panel, role=Qt.ItemDataRole.DisplayRole):
    return [panel.model.index(r, 0).data(role) for r in range(panel.model.rowCount())]


def search(qtbot, panel, text, count):
    """Type ``text`` and wait for the debounced search to show ``count`` results."""
    panel.box.clear()
    qtbot.keyClicks(panel.box, text)
    qtbot.waitUntil(lambda: panel.model.rowCount() == count and not panel._timer.isActive())
    settle(qtbot, panel)


def settle(qtbot, panel):
    """Wait until the search on its pool thread is done and its results are shown."""
    qtbot.waitUntil(lambda: not panel.searching and not panel._timer.isActive())


def test_finds_a_note_by_a_word_in_its_text_with_the_match_highlighted(qtbot, panel, ws):
    pair = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
    note(ws, pair, "shared", "Session 4", "We talked about the rota and exams.")
    panel.set_context(ws, pair, presenter=False)
    qtbot.keyClicks(panel.box, "rota")
    assert panel.model.rowCount() == 0  # waits for a pause in typing
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    index = panel.model.index(0, 0)
    assert "<b>rota</b>" in index.data(SnippetHtmlRole)
    assert index.data(Qt.ItemDataRole.DisplayRole) == "Session 4"
    assert index.data(KindTextRole) == "Note · Shared with my partner"
    assert panel.status.text().startswith("1 result.")


def test_prefix_of_a_title_word_is_enough(qtbot, panel, ws):
    pair = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
    note(ws, pair, "shared", "Leadership course", "")
    panel.set_context(ws, pair, presenter=False)
    search(qtbot, panel, "lead", 1)
    assert rows(panel, TitleHtmlRole) == ["<b>Leadership</b> course"]


def test_note_text_is_escaped_before_highlighting(qtbot, panel, ws):
    pair = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
    note(ws, pair, "shared", "<i>odd</i>", "<img src=x onerror=alert(1)> rota & more")
    panel.set_context(ws, pair, presenter=False)
    search(qtbot, panel, "rota", 1)
    snippet = rows(panel, SnippetHtmlRole)[0]
    assert "<img" not in snippet and "&lt;img" in snippet
    assert "<b>rota</b> &amp; more" in snippet
    assert rows(panel, TitleHtmlRole) == ["&lt;i&gt;odd&lt;/i&gt;"]


def test_within_a_pair_does_not_find_another_pairs_note(qtbot, panel, ws):
    first = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
    second = ws.create_pair(Role.MENTOR, "Dr Sam Osei")
    mine = note(ws, first, "shared", "Rota A", "rota talk")
    theirs = note(ws, second, "shared", "Rota B", "rota talk")
    panel.set_context(ws, first, presenter=False)
    search(qtbot, panel, "rota", 1)
    assert rows(panel, EntityIdRole) == [mine]
    assert rows(panel, PairIdRole) == [first]
    # Every pair: both, each naming whose pair it is in.
    panel.set_context(ws, None, presenter=False)
    settle(qtbot, panel)
    assert sorted(rows(panel, EntityIdRole)) == sorted([mine, theirs])
    kinds = sorted(rows(panel, KindTextRole))
    assert kinds == [
        "Note · Shared with my partner  ·  with Dr Helen Marsh",
        "Note · Shared with my partner  ·  with Dr Sam Osei",
    ]


def test_presenter_mode_never_shows_private_notes_or_reflections(qtbot, panel, ws):
    pair = ws.create_pair(Role.MENTOR, "Dr Helen Marsh")
    shared = note(ws, pair, "shared", "Shared rota", "")
    note(ws, pair, "private", "Private rota", "")
    note(ws, pair, "reflection", "Reflection rota", "")
    panel.set_context(ws, pair, presenter=False)
    search(qtbot, panel, "rota", 3)
    kinds = sorted(rows(panel, KindTextRole))
    assert kinds == [
        "Note · Private — only me",
        "Note · Reflection — only me",
        "Note · Shared with my partner",
    ]
    # Turning presenter mode on drops them at once, titles included.
    panel.set_context(ws, pair, presenter=True)
    assert rows(panel, EntityIdRole) == [shared]
    search(qtbot, panel, "private", 0)
    assert panel.status.text() == "No matches for “private”. Try fewer or shorter words."
    assert not panel.results.isVisible()


def test_finds_goals_agenda_and_actions_and_says_what_they_are(qtbot, panel, ws):
    pair = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
    meeting = new_id()
    start = "2026-03-12T09:00:00+00:00"
    ws.record(pair, EventKind.MEETING_PLANNED, meeting_id=meeting, starts_at=start,
              duration_min=60, mode="video", place="")  # fmt: skip
    ws.record(pair, EventKind.GOAL_CREATED, goal_id="g1", title="Publish the audit")
    ws.record(pair, EventKind.AGENDA_ITEM_ADDED, meeting_id=meeting, item_id="i1",
              title="Audit timeline")  # fmt: skip
    ws.record(pair, EventKind.ACTION_ADDED, action_id="a1", what="Email the audit lead",
              owner="mentee")  # fmt: skip
    panel.set_context(ws, pair, presenter=False)
    search(qtbot, panel, "audit", 3)
    assert sorted(rows(panel, KindTextRole)) == ["Action", "Agenda item", "Goal"]


def test_enter_on_a_result_asks_the_window_to_open_it(qtbot, panel, ws):
    pair = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
    note_id = note(ws, pair, "private", "Rota worries", "")
    panel.set_context(ws, None, presenter=False)
    panel.box.setFocus()
    search(qtbot, panel, "worr", 1)
    qtbot.keyClick(panel.box, Qt.Key.Key_Down)
    assert panel.results.hasFocus()
    with qtbot.waitSignal(panel.result_activated) as signal:
        qtbot.keyClick(panel.results, Qt.Key.Key_Return)
    assert signal.args == [pair, "note", note_id]


def test_empty_and_locked_states(qtbot, panel, ws):
    assert panel.status.text() == "Unlock the vault to search."
    assert not panel.box.isEnabled()
    pair = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
    panel.set_context(ws, pair, presenter=False)
    assert "Type a word" in panel.status.text()
    assert panel.box.placeholderText() == "Search notes, goals, agenda and actions  (Ctrl+F)"
    note(ws, pair, "shared", "Rota", "")
    search(qtbot, panel, "rota", 1)
    panel.set_context(None, None, presenter=False)
    assert panel.model.rowCount() == 0
    assert panel.box.text() == ""


def test_search_syntax_in_the_box_never_breaks_it(qtbot, panel, ws):
    pair = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
    note(ws, pair, "shared", "Rota", "")
    panel.set_context(ws, pair, presenter=False)
    for text in ("\x00", '"', "AND", "NEAR(", "rota*", "-", "title:", "(rota", "ro\x00ta"):
        panel.box.setText(text)
        panel.run_search()  # raises nothing
        settle(qtbot, panel)
    assert rows(panel) == ["Rota"]


def test_controls_are_named(panel, ws):
    panel.set_context(ws, None, presenter=False)
    assert panel.box.accessibleName() == "Search"
    assert [type(w).__name__ for w in interactive_widgets(panel) if not w.accessibleName()] == []


def test_at_the_limit_the_panel_says_only_the_first_matches_are_shown(qtbot, panel, ws):
    pair = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
    ws.record_many(
        pair,
        [
            (EventKind.NOTE_CREATED, {"note_id": f"n{i}", "kind": "shared", "title": "rota"})
            for i in range(SEARCH_LIMIT + 1)
        ],
    )
    panel.set_context(ws, pair, presenter=False)
    search(qtbot, panel, "rota", SEARCH_LIMIT)
    # The number is written as the person's language writes it ("1,000", "1.000").
    shown = QLocale().toString(SEARCH_LIMIT)
    assert panel.status.text() == (
        f"Showing the first {shown} matches. Add a word to narrow the search."
    )
    assert panel.status.accessibleName() == panel.status.text()
    # Below the limit: the count, as before.
    note(ws, pair, "shared", "Audit", "")
    search(qtbot, panel, "audit", 1)
    assert panel.status.text().startswith("1 result.")
