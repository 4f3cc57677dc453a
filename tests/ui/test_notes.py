"""The Notes tab, driven through its widgets: kinds, autosave, presenter mode, conflicts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from mentorpair.domain.events import EventKind
from mentorpair.domain.model import NoteKind, Role
from mentorpair.domain.state import MAX_TEXT
from mentorpair.storage.workspace import new_id
from tests.ui.conftest import interactive_widgets

from mentorpair.ui.pair.base import PairContext
from mentorpair.ui.pair.note_list import KindRole, NoteIdRole
from mentorpair.ui.pair.notes import NotesTab

FIXED_NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)


@pytest.fixture
def make_tab(qtbot, ws):
    def make(role=Role.MENTEE, partner="Dr Helen Marsh", pair=None):
        pair = pair or ws.create_pair(role, partner)
        context = PairContext(ws, pair, clock=lambda: FIXED_NOW)
        tab = NotesTab(context)
        qtbot.addWidget(tab)
        # What the pair view does: any recorded change refreshes every tab.
        tab.changed.connect(tab.refresh)
        tab.resize(1000, 700)
        tab.show()
        return tab

    return make


def create_note(tab, kind=NoteKind.SHARED, title=""):
    """Make a note through the New note dialog, as a person would."""
    tab.new_note()
    dialog = tab.new_note_dialog
    assert dialog is not None
    dialog.kind_buttons[kind].click()
    dialog.title_edit.setText(title)
    dialog.accept()
    return tab.context.state.notes[tab._note_id]


def titles(tab):
    return [tab.model.index(r, 0).data() for r in range(tab.model.rowCount())]


def test_mentor_makes_each_kind_and_sees_it_in_words(make_tab):
    tab = make_tab(Role.MENTOR)
    shared = create_note(tab, NoteKind.SHARED, "Session 4")
    private = create_note(tab, NoteKind.PRIVATE, "My week")
    reflection = create_note(tab, NoteKind.REFLECTION, "Am I steering?")

    kinds = {n.note_id: n.kind for n in tab.context.state.notes.values()}
    assert kinds == {
        shared.note_id: NoteKind.SHARED,
        private.note_id: NoteKind.PRIVATE,
        reflection.note_id: NoteKind.REFLECTION,
    }
    assert titles(tab) == ["Am I steering?", "My week", "Session 4"]  # newest first
    # The kind is in words in every row (tooltip/accessible text) and in the banner.
    rows = {tab.model.index(r, 0).data(NoteIdRole): tab.model.index(r, 0) for r in range(3)}
    assert "Private — only me" in rows[private.note_id].data(Qt.ItemDataRole.AccessibleTextRole)
    assert rows[shared.note_id].data(Qt.ItemDataRole.ToolTipRole) == ("Shared with my partner")
    assert tab.banner.title.text() == "Reflection — only me"
    assert tab.select_note(private.note_id)
    assert tab.banner.title.text() == "Private — only me"
    assert "never leaves this computer" in tab.banner.detail.text()
    assert tab.select_note(shared.note_id)
    assert tab.banner.title.text() == "Shared with my partner"
    assert "Dr Helen Marsh" in tab.banner.detail.text()


def test_mentee_is_not_offered_reflections_and_shared_is_the_default(make_tab):
    tab = make_tab(Role.MENTEE)
    tab.new_note()
    dialog = tab.new_note_dialog
    assert set(dialog.kind_buttons) == {NoteKind.SHARED, NoteKind.PRIVATE}
    assert dialog.kind_buttons[NoteKind.SHARED].isChecked()
    assert [tab.filter_box.itemText(i) for i in range(tab.filter_box.count())] == [
        "All notes",
        "Shared",
        "Private",
    ]
    dialog.reject()


def test_new_note_links_the_meeting_just_held(make_tab, ws):
    tab = make_tab()
    meeting = new_id()
    ws.record(
        tab.context.pair_id,
        EventKind.MEETING_PLANNED,
        meeting_id=meeting,
        starts_at=(FIXED_NOW - timedelta(days=1)).isoformat(),
        duration_min=45,
        mode="phone",
        place="",
    )
    note = create_note(tab, NoteKind.SHARED, "After the call")
    assert note.meeting_id == meeting
    assert "From the meeting on" in tab.links.text()
    assert "Phone" in tab.links.text()


def test_typing_saves_itself_after_a_pause(qtbot, make_tab):
    tab = make_tab()
    note = create_note(tab, NoteKind.SHARED, "Rota")
    tab.body.setFocus()
    qtbot.keyClicks(tab.body, "Ask about protected time")
    # Not yet: the save waits for a pause in typing.
    assert tab.save_state.text() == "Saving…"
    assert tab.context.state.notes[note.note_id].text == ""
    qtbot.waitUntil(lambda: tab.save_state.text() == "Saved", timeout=3000)
    stored = tab.context.state.notes[note.note_id]
    assert stored.text == "Ask about protected time"
    assert stored.conflict is None
    # A reader hears the state itself; what the line is for is its description.
    assert tab.save_state.accessibleName() == "Saved"
    assert tab.save_state.accessibleDescription() == "Save state"
    # The editor keeps the typed text across the refresh the save caused.
    assert tab.body.toPlainText() == "Ask about protected time"


def test_changing_the_title_renames_the_note_in_the_list(qtbot, make_tab):
    tab = make_tab()
    create_note(tab, NoteKind.SHARED, "")
    assert titles(tab) == ["Untitled note"]
    qtbot.keyClicks(tab.title_edit, "Exam season")
    qtbot.waitUntil(lambda: titles(tab) == ["Exam season"], timeout=3000)


def test_choosing_another_note_saves_at_once(qtbot, make_tab):
    tab = make_tab()
    first = create_note(tab, NoteKind.SHARED, "First")
    second = create_note(tab, NoteKind.PRIVATE, "Second")
    assert tab._note_id == second.note_id
    qtbot.keyClicks(tab.body, "half a thought")
    tab.list.setCurrentIndex(tab.model.index(tab.model.row_of(first.note_id), 0))
    # Saved without waiting for the timer, and the editor shows the other note.
    assert tab.context.state.notes[second.note_id].text == "half a thought"
    assert tab.title_edit.text() == "First"
    assert tab.banner.title.text() == "Shared with my partner"


def test_leaving_the_editor_saves_at_once(qtbot, make_tab):
    tab = make_tab()
    note = create_note(tab, NoteKind.SHARED, "Focus")
    tab.activateWindow()
    tab.body.setFocus()
    qtbot.waitUntil(tab.body.hasFocus)
    qtbot.keyClicks(tab.body, "typed")
    tab.list.setFocus()
    qtbot.waitUntil(lambda: tab.context.state.notes[note.note_id].text == "typed", timeout=500)


def test_presenter_mode_removes_private_notes_and_reflections(qtbot, make_tab):
    tab = make_tab(Role.MENTOR)
    create_note(tab, NoteKind.SHARED, "Session notes")
    private = create_note(tab, NoteKind.PRIVATE, "Secret worry")
    qtbot.keyClicks(tab.body, "unsaved private words")
    create_note(tab, NoteKind.REFLECTION, "Reflection title")
    assert tab.select_note(private.note_id)

    tab.context.presenter = True
    tab.set_presenter(True)

    assert titles(tab) == ["Session notes"]
    kinds = {tab.model.index(r, 0).data(KindRole) for r in range(tab.model.rowCount())}
    assert kinds == {NoteKind.SHARED}
    # The editor no longer shows the private note (nor its title)…
    assert tab.title_edit.text() == "Session notes"
    assert "private" not in tab.body.toPlainText()
    assert tab.banner.title.text() == "Shared with my partner"
    # …its typing was saved first, and it cannot be chosen or filtered for.
    assert tab.context.state.notes[private.note_id].text == "unsaved private words"
    assert not tab.select_note(private.note_id)
    filters = [tab.filter_box.itemText(i) for i in range(tab.filter_box.count())]
    assert filters == ["All notes", "Shared"]

    tab.context.presenter = False
    tab.set_presenter(False)
    assert sorted(titles(tab)) == ["Reflection title", "Secret worry", "Session notes"]
    assert tab.filter_box.currentText() == "All notes"


def test_presenter_mode_resets_a_private_filter(make_tab):
    tab = make_tab(Role.MENTOR)
    create_note(tab, NoteKind.SHARED, "Shared one")
    create_note(tab, NoteKind.PRIVATE, "Private one")
    tab.filter_box.setCurrentIndex(tab.filter_box.findText("Private"))
    tab.context.presenter = True
    tab.set_presenter(True)
    assert tab.filter_box.currentText() == "All notes"
    assert titles(tab) == ["Shared one"]


def test_filter_by_kind(make_tab):
    tab = make_tab(Role.MENTOR)
    create_note(tab, NoteKind.SHARED, "Shared one")
    create_note(tab, NoteKind.PRIVATE, "Private one")
    create_note(tab, NoteKind.REFLECTION, "Reflection one")
    tab.filter_box.setCurrentIndex(tab.filter_box.findText("Reflections"))
    assert titles(tab) == ["Reflection one"]
    tab.filter_box.setCurrentIndex(tab.filter_box.findText("Shared"))
    assert titles(tab) == ["Shared one"]
    tab.filter_box.setCurrentIndex(tab.filter_box.findText("Private"))
    assert titles(tab) == ["Private one"]
    assert tab.title_edit.text() == "Private one"


def test_a_new_note_shows_even_under_another_filter(make_tab):
    tab = make_tab()
    create_note(tab, NoteKind.SHARED, "Shared one")
    tab.filter_box.setCurrentIndex(tab.filter_box.findText("Shared"))
    create_note(tab, NoteKind.PRIVATE, "Private one")
    assert tab.filter_box.currentText() == "All notes"
    assert titles(tab) == ["Private one", "Shared one"]
    assert tab.title_edit.text() == "Private one"


def test_text_that_cannot_be_saved_is_kept_with_the_reason(qtbot, make_tab):
    tab = make_tab()
    first = create_note(tab, NoteKind.SHARED, "First")
    create_note(tab, NoteKind.SHARED, "Too long")
    huge = ("x" * 99 + "\n") * (MAX_TEXT // 100) + "one too many"
    tab.body.setPlainText(huge)
    tab.list.setCurrentIndex(tab.model.index(tab.model.row_of(first.note_id), 0))
    assert tab.save_state.text().startswith("Not saved: the note is longer than")
    qtbot.waitUntil(lambda: tab.list.currentIndex().data() == "Too long", timeout=1000)
    assert tab.title_edit.text() == "Too long"
    assert len(tab.body.toPlainText()) == len(huge)


def test_a_conflict_shows_both_versions_and_is_resolved_by_a_choice(qtbot, make_tab, ws):
    tab = make_tab()
    note = create_note(tab, NoteKind.SHARED, "Plan")
    base = note.revision
    pair = tab.context.pair_id
    ws.record(pair, EventKind.NOTE_EDITED, note_id=note.note_id, base=base, text="Tuesdays")
    ws.record(pair, EventKind.NOTE_EDITED, note_id=note.note_id, base=base, text="Thursdays")
    tab.refresh()

    assert tab.conflict_box.isVisible()
    assert tab.mine_view.toPlainText() == "Thursdays"
    assert tab.theirs_view.toPlainText() == "Tuesdays"
    qtbot.mouseClick(tab.keep_theirs, Qt.MouseButton.LeftButton)

    stored = tab.context.state.notes[note.note_id]
    assert stored.text == "Tuesdays"
    assert stored.conflict is None
    assert not tab.conflict_box.isVisible()
    assert tab.body.toPlainText() == "Tuesdays"


def test_typing_after_a_partner_edit_makes_a_conflict_not_an_overwrite(qtbot, make_tab, ws):
    tab = make_tab()
    note = create_note(tab, NoteKind.SHARED, "Plan")
    qtbot.keyClicks(tab.body, "mine")
    # The partner's edit of the same revision arrives while this person types.
    ws.record(tab.context.pair_id, EventKind.NOTE_EDITED, note_id=note.note_id,
              base=note.revision, text="theirs")  # fmt: skip
    tab.refresh()
    assert tab.body.toPlainText() == "mine"  # typing is never thrown away
    assert tab.save()
    stored = tab.context.state.notes[note.note_id]
    assert (stored.text, stored.conflict) == ("mine", "theirs")
    qtbot.waitUntil(tab.conflict_box.isVisible, timeout=1000)


def test_delete_asks_first(monkeypatch, make_tab):
    tab = make_tab()
    keep = create_note(tab, NoteKind.SHARED, "Keep me")
    doomed = create_note(tab, NoteKind.PRIVATE, "Delete me")
    asked = []

    def answer(reply):
        def question(parent, title, text, *args):
            asked.append(text)
            return reply

        return question

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    tab.delete_button.click()
    assert doomed.note_id in tab.context.state.notes
    assert "Delete me" in asked[0]

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    tab.delete_button.click()
    assert doomed.note_id not in tab.context.state.notes
    assert titles(tab) == ["Keep me"]
    assert tab._note_id == keep.note_id  # the next note opens


def test_ended_relationship_is_read_only(qtbot, make_tab, ws):
    tab = make_tab()
    note = create_note(tab, NoteKind.SHARED, "Last meeting")
    ws.record(tab.context.pair_id, EventKind.RELATIONSHIP_ENDED, summary="Goals reached")
    tab.refresh()
    assert tab.body.isReadOnly()
    assert tab.title_edit.isReadOnly()
    assert not tab.new_button.isEnabled()
    assert not tab.delete_button.isEnabled()
    assert tab.ended_notice.isVisible()
    tab.new_note()
    assert tab.new_note_dialog is None
    qtbot.keyClicks(tab.body, "more")
    assert tab.context.state.notes[note.note_id].text == ""


def test_preview_renders_markdown_and_opens_links_only_on_click(qtbot, monkeypatch, make_tab):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()))
    tab = make_tab()
    create_note(tab, NoteKind.SHARED, "Links")
    tab.body.setPlainText(
        "# Plan\n\n**bold** [course](https://example.org/course)\n\n<b>raw</b>\n\n"
        "![img](file:///etc/hostname)"
    )
    tab.modes.setCurrentWidget(tab.preview)
    shown = tab.preview.toPlainText()
    assert "Plan" in shown and "# Plan" not in shown
    assert "<b>raw</b>" in shown  # raw HTML is shown as text, never interpreted
    assert opened == []  # nothing opens by itself
    tab.preview.anchorClicked.emit(QUrl("https://example.org/course"))
    tab.preview.anchorClicked.emit(QUrl("file:///etc/passwd"))
    assert opened == ["https://example.org/course"]
    # Switching to the preview saved the text.
    assert tab.save_state.text() == "Saved"


def test_empty_state_explains_what_to_do(make_tab):
    tab = make_tab()
    assert tab.list_stack.currentWidget() is tab.list_empty
    assert "Ctrl+N" in tab.list_empty.text()
    assert tab.editor_stack.currentWidget() is tab.no_note_hint


def test_ctrl_n_opens_the_new_note_dialog(qtbot, make_tab):
    tab = make_tab()
    tab.activateWindow()
    tab.filter_box.setFocus()
    qtbot.waitUntil(tab.filter_box.hasFocus)
    qtbot.keyClick(tab.filter_box, "n", Qt.KeyboardModifier.ControlModifier)
    assert tab.new_note_dialog is not None
    tab.new_note_dialog.reject()


def test_every_control_is_named(make_tab):
    tab = make_tab(Role.MENTOR)
    create_note(tab, NoteKind.SHARED, "Named")
    assert [type(w).__name__ for w in interactive_widgets(tab) if not w.accessibleName()] == []
    tab.new_note()
    dialog = tab.new_note_dialog
    unnamed = [type(w).__name__ for w in interactive_widgets(dialog) if not w.accessibleName()]
    assert unnamed == []
    dialog.reject()


def test_ten_thousand_notes_fill_one_model(make_tab, ws):
    pair = ws.create_pair(Role.MENTOR, "Dr Helen Marsh")
    kinds = ("shared", "private", "reflection")
    ws.record_many(
        pair,
        [
            (
                EventKind.NOTE_CREATED,
                {"note_id": f"n{i:05d}", "kind": kinds[i % 3], "title": f"Note {i}", "text": ""},
            )
            for i in range(10_000)
        ],
    )
    tab = make_tab(pair=pair)
    assert tab.model.rowCount() == 10_000
    assert tab.list.uniformRowHeights()  # no row is measured on its own
    assert titles(tab)[0] == "Note 9999"  # newest first
    tab.context.presenter = True
    tab.set_presenter(True)
    assert tab.model.rowCount() == 3334


def test_three_crossed_edits_keep_every_version_to_choose_from(qtbot, make_tab, ws):
    tab = make_tab()
    note = create_note(tab, NoteKind.SHARED, "Plan")
    pair, base = tab.context.pair_id, note.revision
    for text in ("Mondays", "Tuesdays", "Thursdays"):
        ws.record(pair, EventKind.NOTE_EDITED, note_id=note.note_id, base=base, text=text)
    tab.refresh()
    assert tab.conflict_box.isVisible()
    assert tab.mine_view.toPlainText() == "Thursdays"
    assert tab.other_versions.isVisibleTo(tab) and tab.other_versions.count() == 2
    seen = set()
    for index in range(tab.other_versions.count()):
        tab.other_versions.setCurrentIndex(index)
        seen.add(tab.theirs_view.toPlainText())
    assert seen == {"Mondays", "Tuesdays"}  # no version is lost
    tab.other_versions.setCurrentIndex(1)
    chosen = tab.theirs_view.toPlainText()
    assert chosen == "Mondays"  # newest first: Tuesdays, then Mondays
    qtbot.mouseClick(tab.keep_theirs, Qt.MouseButton.LeftButton)
    stored = tab.context.state.notes[note.note_id]
    assert (stored.text, stored.conflicts) == (chosen, ())
    assert not tab.conflict_box.isVisible()


def test_a_note_deleted_while_edited_elsewhere_stays_with_a_notice(qtbot, make_tab, ws):
    from tests.ui.helpers_partner import insert_partner_events

    tab = make_tab(Role.MENTEE, partner="Dr Helen Marsh")
    note = create_note(tab, NoteKind.SHARED, "Plan")
    pair = tab.context.pair_id
    # Helen deletes the version she saw; meanwhile this person edited it here.
    ws.record(pair, EventKind.NOTE_EDITED, note_id=note.note_id, base=note.revision, text="More")
    insert_partner_events(
        ws, pair, [(EventKind.NOTE_DELETED, {"note_id": note.note_id, "base": note.revision})],
        author=Role.MENTOR,
    )  # fmt: skip
    tab.refresh()
    stored = tab.context.state.notes[note.note_id]
    assert (stored.text, stored.deleted_by) == ("More", Role.MENTOR)
    tab._reload(note.note_id)
    assert tab.deleted_box.isVisible()
    assert "Dr Helen Marsh deleted this note" in tab.deleted_label.text()
    # A screen reader gets the words, not only a name.
    from PySide6.QtGui import QAccessible

    face = QAccessible.queryAccessibleInterface(tab.deleted_label)
    assert face is not None
    heard = face.text(QAccessible.Text.Name) + " " + face.text(QAccessible.Text.Value)
    assert "deleted this note" in heard
    qtbot.mouseClick(tab.keep_note, Qt.MouseButton.LeftButton)
    assert tab.context.state.notes[note.note_id].deleted_by is None
    assert not tab.deleted_box.isVisible()
