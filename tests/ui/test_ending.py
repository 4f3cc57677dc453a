"""Ending a relationship through the dialog: export first, then keep read-only or destroy."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from mentorpair.demo import fill_demo
from mentorpair.domain.events import EventKind
from mentorpair.domain.model import Role
from mentorpair.domain.rules import RuleViolation
from tests.ui.conftest import interactive_widgets

from mentorpair.ui.pair.base import PairContext
from mentorpair.ui.pair.ending import EndRelationshipDialog
from mentorpair.ui.pair.overview import OverviewTab

NOW = datetime(2025, 11, 27, 9, 30, tzinfo=UTC)


@pytest.fixture
def pair_id(ws):
    return fill_demo(ws, Role.MENTEE, NOW)


@pytest.fixture
def make_dialog(qtbot, ws):
    def make(pair):
        dialog = EndRelationshipDialog(PairContext(ws, pair, clock=lambda: NOW))
        qtbot.addWidget(dialog)
        dialog.open()
        return dialog

    return make


class Questions:
    """The warning and folder questions asked, in order; answers Ok and a folder."""

    def __init__(self, folder):
        self.folder = folder
        self.seen = []
        self.answer = QMessageBox.StandardButton.Ok

    def warning(self, parent, title, text, buttons=None, default=None):
        self.seen.append(("warning", text))
        return self.answer

    def choose_folder(self, parent, caption="", *args, **kwargs):
        self.seen.append(("folder", caption))
        return str(self.folder)

    def kinds(self):
        return [kind for kind, _ in self.seen]


@pytest.fixture
def questions(monkeypatch, tmp_path):
    folder = tmp_path / "export"
    folder.mkdir()
    asked = Questions(folder)
    # The very classes the dialog module uses (PySide6's own).
    monkeypatch.setattr(QMessageBox, "warning", asked.warning)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", asked.choose_folder)
    return asked


def test_export_warns_that_it_is_not_encrypted_before_asking_where(
    make_dialog, pair_id, questions, qtbot
):
    folder = questions.folder
    dialog = make_dialog(pair_id)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)

    assert questions.kinds() == ["warning", "folder"]
    assert "NOT encrypted" in questions.seen[0][1]
    assert "your private notes" in questions.seen[0][1]
    md_path, json_path = dialog.exported
    assert md_path.parent == folder
    assert {p.name for p in folder.iterdir()} == {md_path.name, json_path.name}
    data = json.loads(json_path.read_text(encoding="utf-8"))
    assert data["me"]["name"] == "Dr Amara Okafor"
    assert data["partner"]["name"] == "Dr Helen Marsh"
    assert md_path.name in dialog.export_status.text()
    # Exporting alone ends nothing.
    assert dialog.context.state.ending is None


def test_cancelling_the_warning_writes_nothing(make_dialog, pair_id, questions):
    questions.answer = QMessageBox.StandardButton.Cancel
    dialog = make_dialog(pair_id)
    dialog.export_button.click()
    assert questions.kinds() == ["warning"]
    assert list(questions.folder.iterdir()) == []
    assert dialog.exported is None


def test_end_and_keep_a_read_only_copy(make_dialog, pair_id, ws, qtbot):
    dialog = make_dialog(pair_id)
    assert dialog.keep.isChecked()  # the safe choice is the default
    qtbot.keyClicks(dialog.summary, "We met ten times. The OSCE is passed.")
    qtbot.keyClicks(dialog.reason, "Moving to Leeds in January.")
    assert dialog.end_button.isEnabled()
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.end_button, Qt.MouseButton.LeftButton)

    assert dialog.outcome == "kept"
    state = ws.state(pair_id)
    assert state.read_only
    assert state.ending.summary == "We met ten times. The OSCE is passed."
    assert state.ending.reason == "Moving to Leeds in January."
    # The end travels to the partner later; the reason never does.
    shared = {e.kind for e in ws.shareable_events(pair_id)}
    assert EventKind.RELATIONSHIP_ENDED in shared
    assert EventKind.ENDING_REASON not in shared
    with pytest.raises(RuleViolation):
        ws.record(pair_id, EventKind.NOTE_CREATED, note_id="late", kind="private", text="x")


def test_no_reason_means_no_reason_event(make_dialog, pair_id, ws):
    dialog = make_dialog(pair_id)
    dialog.end_button.click()
    assert dialog.outcome == "kept"
    kinds = [e.kind for e in ws.events(pair_id)]
    assert EventKind.RELATIONSHIP_ENDED in kinds
    assert EventKind.ENDING_REASON not in kinds


def test_destroy_needs_the_exact_word_or_name(make_dialog, pair_id, qtbot):
    dialog = make_dialog(pair_id)
    assert not dialog.destroy_box.isVisible()
    dialog.destroy_choice.click()
    assert dialog.destroy_box.isVisible()
    assert not dialog.end_button.isEnabled()
    qtbot.keyClicks(dialog.confirm, "destroy")
    assert not dialog.end_button.isEnabled()
    dialog.confirm.setText("Dr Helen")
    assert not dialog.end_button.isEnabled()
    dialog.confirm.setText("Dr Helen Marsh")
    assert dialog.end_button.isEnabled()
    dialog.confirm.setText("DESTROY")
    assert dialog.end_button.isEnabled()
    # Changing one's mind back to keeping needs no typing.
    dialog.keep.click()
    dialog.confirm.clear()
    assert dialog.end_button.isEnabled()


def test_destroyed_copy_is_gone_from_state_and_search(make_dialog, pair_id, ws, qtbot):
    other = ws.create_pair(Role.MENTOR, "Dr Sam Patel")
    ws.record(other, EventKind.NOTE_CREATED, note_id="o1", kind="shared", text="huddle at ten")
    assert ws.search("huddle", pair_id=pair_id)
    dialog = make_dialog(pair_id)
    dialog.destroy_choice.click()
    qtbot.keyClicks(dialog.confirm, "DESTROY")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.end_button, Qt.MouseButton.LeftButton)

    assert dialog.outcome == "destroyed"
    assert ws.events(pair_id) == []
    assert pair_id not in {p.pair_id for p in ws.pairs()}
    assert ws.state(pair_id).created_at is None
    for word in ("huddle", "OSCE", "withdrawing", "rota"):
        assert [h for h in ws.search(word) if h.pair_id == pair_id] == []
    # Another pair is untouched.
    assert [h.pair_id for h in ws.search("huddle")] == [other]


def test_cancel_changes_nothing(make_dialog, pair_id, ws):
    dialog = make_dialog(pair_id)
    dialog.summary.setPlainText("Not yet.")
    dialog.reject()
    assert dialog.outcome is None
    assert ws.state(pair_id).ending is None


def test_overview_opens_the_dialog_and_reports_the_outcome(qtbot, ws, pair_id):
    tab = OverviewTab(PairContext(ws, pair_id, clock=lambda: NOW))
    qtbot.addWidget(tab)
    tab.show()
    tab.end_button.click()
    dialog = tab.ending_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.summary.setPlainText("Thank you.")
    with qtbot.waitSignal(tab.relationship_ended) as blocker:
        dialog.end_button.click()
    assert blocker.args == ["kept"]
    assert tab.ended_banner.isVisible()
    assert tab.ended_summary.text() == "Closing summary: Thank you."
    assert not tab.end_button.isVisible()


def test_overview_of_an_ended_pair_exports_too(qtbot, ws, pair_id, questions):
    ws.record(pair_id, EventKind.RELATIONSHIP_ENDED, summary="Done.")
    tab = OverviewTab(PairContext(ws, pair_id, clock=lambda: NOW))
    qtbot.addWidget(tab)
    tab.show()
    tab.export_button.click()
    assert questions.kinds() == ["warning", "folder"]
    assert len(list(questions.folder.iterdir())) == 2
    assert "Exported to" in tab.ended_summary.text()


def test_every_control_is_named(make_dialog, pair_id):
    dialog = make_dialog(pair_id)
    dialog.destroy_choice.click()
    widgets = [*interactive_widgets(dialog), dialog.summary, dialog.reason]
    assert len(widgets) >= 8
    assert [w for w in widgets if not w.accessibleName()] == []


def test_an_unusual_partner_name_is_shown_and_typed_literally(make_dialog, ws, qtbot):
    pair = ws.create_pair(Role.MENTEE, "<b>Sam</b> & Co")
    dialog = make_dialog(pair)
    heading = dialog.findChildren(type(dialog.export_status))[0]
    assert heading.text() == "End mentoring with <b>Sam</b> & Co"
    assert heading.textFormat() == Qt.TextFormat.PlainText
    dialog.destroy_choice.click()
    qtbot.keyClicks(dialog.confirm, "<b>Sam</b> & Co")
    assert dialog.end_button.isEnabled()
    dialog.end_button.click()
    assert dialog.outcome == "destroyed"
