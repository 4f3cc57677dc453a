"""The Coordinator window: reachable without a vault; New scheme makes the two files."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mentorpair.feedback.keystore import open_key_file
from mentorpair.feedback.scheme import QuestionType, default_questions, load_scheme
from mentorpair.storage.vault import Vault
from tests.ui.conftest import PASSPHRASE

from mentorpair.ui import workers
from mentorpair.ui.coordinator.questions import QuestionEditor
from mentorpair.ui.coordinator.scheme_form import SchemeForm, period_for
from mentorpair.ui.coordinator.window import CoordinatorWindow

COORDINATOR_PASSPHRASE = "marble quince lighthouse fennel 7"


def test_reachable_from_the_file_menu_with_no_vault(make_window, vault_folder: Path) -> None:
    window = make_window(vault_folder)  # the welcome page: no vault yet
    file_menu = window.menuBar().actions()[0].menu()

    assert window.coordinator_action in file_menu.actions()
    assert window.coordinator_action.isEnabled()
    window.coordinator_action.trigger()

    assert isinstance(window.coordinator_window, CoordinatorWindow)
    assert window.coordinator_window.isVisible()


def test_reachable_while_locked_and_while_unlocked(make_window, existing_vault: Path) -> None:
    locked = make_window(existing_vault)
    assert locked.coordinator_action.isEnabled()
    unlocked = make_window(existing_vault, vault=Vault.open(existing_vault, PASSPHRASE))
    unlocked.show_coordinator()
    first = unlocked.coordinator_window
    unlocked.show_coordinator()

    assert unlocked.coordinator_window is first  # one window, brought forward again


@pytest.fixture
def form(qtbot: QtBot) -> SchemeForm:
    form = SchemeForm()
    qtbot.addWidget(form)
    form.show()
    return form


def fill(form: SchemeForm, folder: Path, passphrase: str = COORDINATOR_PASSPHRASE) -> None:
    form.name_edit.setText("North London GP Mentoring")
    form.passphrase.edit.setText(passphrase)
    form.confirm.edit.setText(passphrase)
    form.folder_edit.setText(str(folder))


def test_new_scheme_makes_both_files_with_the_chosen_settings(
    qtbot: QtBot, form: SchemeForm, tmp_path: Path
) -> None:
    fill(form, tmp_path)
    form.min_group.setValue(6)
    form.min_comments.setValue(12)
    form.add_period()  # the half-year after the first
    editor = form.questions
    editor.list.setCurrentRow(len(editor.questions()) - 1)  # the free-text question
    editor.remove_question()
    assert form.create_button.isEnabled()

    qtbot.mouseClick(form.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: workers.pending_count() == 0 and form.result.isVisible(), timeout=20_000
    )

    scheme = load_scheme(tmp_path / "north-london-gp-mentoring.mpscheme")
    assert (scheme.min_group, scheme.min_comments) == (6, 12)
    assert len(scheme.periods) == 2
    assert [q.type for q in scheme.questions].count(QuestionType.TEXT) == 0
    _, keypair = open_key_file(
        tmp_path / "north-london-gp-mentoring.mpschemekey", COORDINATOR_PASSPHRASE
    )
    assert keypair.public_bytes() == scheme.coordinator_key
    assert scheme.key_code() in form.result.text()
    assert form.passphrase.text() == "" and form.confirm.text() == ""


def test_a_weak_or_mismatched_passphrase_keeps_the_button_off(
    form: SchemeForm, tmp_path: Path
) -> None:
    fill(form, tmp_path, passphrase="password1")
    assert not form.create_button.isEnabled()
    form.passphrase.edit.setText(COORDINATOR_PASSPHRASE)
    form.confirm.edit.setText(COORDINATOR_PASSPHRASE + "x")

    assert not form.create_button.isEnabled()
    assert "not the same" in form.problem.text()


def test_existing_files_are_never_overwritten(
    qtbot: QtBot, form: SchemeForm, tmp_path: Path
) -> None:
    (tmp_path / "north-london-gp-mentoring.mpscheme").write_text("mine", encoding="utf-8")
    fill(form, tmp_path)

    qtbot.mouseClick(form.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: workers.pending_count() == 0 and bool(form.problem.text()), timeout=20_000
    )

    assert (tmp_path / "north-london-gp-mentoring.mpscheme").read_text(encoding="utf-8") == "mine"
    assert form.create_button.isEnabled()


def test_thresholds_are_explained_in_plain_words(form: SchemeForm) -> None:
    form.min_group.setValue(7)

    assert "at least 7 people" in form.threshold_note.text()
    assert form.min_comments.minimum() == 7  # comments never need fewer people than scores
    assert "at least 10 people wrote one" in form.threshold_note.text()


def test_overlapping_periods_are_refused_in_words(form: SchemeForm, tmp_path: Path) -> None:
    fill(form, tmp_path)
    start = form.period_rows[0][0]
    form.add_period()
    form.period_rows[1][0].setDate(start.date())

    assert "overlap" in form.problem.text()
    assert not form.create_button.isEnabled()


def test_half_years_get_short_ids() -> None:
    from datetime import date

    assert period_for(date(2026, 7, 1), date(2026, 12, 31)).period_id == "2026-H2"
    assert period_for(date(2026, 9, 1), date(2027, 8, 31)).period_id == "20260901-20270831"


def test_question_editor_adds_removes_reorders_and_changes_kind(qtbot: QtBot) -> None:
    editor = QuestionEditor()
    qtbot.addWidget(editor)
    start = [q.question_id for q in default_questions()]
    assert [q.question_id for q in editor.questions()] == start

    editor.add_question()
    editor.text.setText("The scheme office answered my questions quickly.")
    editor.text.textEdited.emit(editor.text.text())
    editor.kind.setCurrentIndex(editor.kind.findData(QuestionType.CHOICE))
    editor.options.setPlainText("Yes\nNo\nI did not ask")
    added = editor.questions()[-1]
    assert added.type is QuestionType.CHOICE
    assert added.text == "The scheme office answered my questions quickly."
    assert added.options == ("Yes", "No", "I did not ask")

    editor.move_question(-1)
    assert editor.questions()[-2] == added
    editor.list.setCurrentRow(0)
    editor.remove_question()
    assert editor.questions()[0].question_id == start[1]

    editor.list.setCurrentRow(0)
    editor.kind.setCurrentIndex(editor.kind.findData(QuestionType.TEXT))
    first = editor.questions()[0]
    assert first.type is QuestionType.TEXT and first.options == () and first.max_length > 0
    assert not editor.options.isVisible()
