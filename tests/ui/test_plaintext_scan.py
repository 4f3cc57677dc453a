"""Plaintext scan: a run through the real windows leaves no canary in any file we wrote.

Issue 14, item 5. The mentee creates a vault in the main window, starts a
pair, and pairs with a mentor through real invitation text; both write shared
and private notes and a reflection, the mentee an agenda and a goal, the
mentor a private reflection on it; they sync through a shared folder; the
mentee changes the passphrase, sends feedback, locks, unlocks and quits.
Afterwards every file under the data, config, state (logs), cache, temp,
vault and shared folders, and the settings store, is scanned for each canary
in UTF-8, UTF-16 LE and BE, and case-folded. The only place a canary may be
is the export the person made (the feedback file they saved), which is
sealed and kept apart.
"""

from __future__ import annotations

import logging
import tempfile
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QWidget

from mentorpair.crypto.hybrid import HybridKeyPair
from mentorpair.domain.model import NoteKind
from mentorpair.feedback.scheme import Period, new_scheme
from mentorpair.logs import setup_logging
from mentorpair.paths import log_folder
from tests.ui.conftest import unlock
from tests.ui.sync_support import Files, Side, make_side, pair_up

from mentorpair.ui import workers
from mentorpair.ui.feedback.tab import FeedbackTab
from mentorpair.ui.main_window import MainWindow
from mentorpair.ui.new_pair import NewPairDialog
from mentorpair.ui.pair.agenda_dialogs import AgendaItemDialog
from mentorpair.ui.pair.goals import GoalsTab
from mentorpair.ui.pair.meetings import MeetingDialog, MeetingsTab
from mentorpair.ui.pair.notes import NotesTab
from mentorpair.ui.settings import Settings

pytestmark = pytest.mark.slow

CANARIES = {
    "mentee name": "Zorblatt Quenby",
    "mentor name": "Vexmoor Haddle",
    "passphrase": "quokka canary tundra 5521 zephyr",
    "new passphrase": "wombat canary fjord 8803 ibex",
    "shared note": "Sharedcanary plinth narwhal",
    "private note": "Privcanary obelisk marmot",
    "mentor reflection note": "Reflcanary gazebo lemur",
    "agenda title": "Agendacanary turnip",
    "agenda why": "Whycanary sextant",
    "agenda outcome": "Outcanary lagoon",
    "goal title": "Goalcanary trombone",
    "goal description": "Goaldesc canary parsnip",
    "goal reflection": "Goalrefl canary walrus",
    "feedback text": "Fbcanary quince cobbler",
}


def needles(text: str) -> list[bytes]:
    """Every form in which ``text`` could sit in a file."""
    forms = {text, text.casefold(), text.upper()}
    return [f.encode(enc) for f in forms for enc in ("utf-8", "utf-16-le", "utf-16-be")]


def found_in(data: bytes) -> list[str]:
    """The canaries in ``data``, raw or with ASCII letters folded."""
    folded = data.lower()
    return [
        what
        for what, canary in CANARIES.items()
        if any(n in data or n.lower() in folded for n in needles(canary))
    ]


def files_under(*roots: Path) -> list[Path]:
    return sorted({p for root in roots if root.exists() for p in root.rglob("*") if p.is_file()})


def test_the_scan_finds_each_form(tmp_path: Path):
    canary = CANARIES["shared note"]
    for data in (
        canary.encode(),
        canary.encode("utf-16-le"),
        canary.encode("utf-16-be"),
        canary.upper().encode("utf-16"),
        canary.lower().encode(),
    ):
        assert found_in(b"xx" + data + b"yy") == ["shared note"]
    assert found_in(b"nothing here") == []


def _new_note(tab: NotesTab, qtbot, kind: NoteKind, title: str, text: str) -> None:
    tab.new_note()
    dialog = tab.new_note_dialog
    assert dialog is not None
    dialog.kind_buttons[kind].click()
    dialog.title_edit.setText(title)
    dialog.accept()
    tab.body.setFocus()
    qtbot.keyClicks(tab.body, text)
    qtbot.waitUntil(lambda: tab.save_state.text() == "Saved", timeout=5_000)


def _visible(widget: QWidget, kind: type[QWidget]) -> Any:
    """The one open dialog of ``kind`` (a closed one may wait for deleteLater)."""
    (dialog,) = [d for d in widget.findChildren(kind) if d.isVisible()]
    return dialog


def _agenda(tab: MeetingsTab, qtbot) -> None:
    tab.new_button.click()
    meeting = _visible(tab, MeetingDialog)
    meeting.buttons.button(meeting.buttons.StandardButton.Save).click()
    panel = tab.agenda
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    item = _visible(panel, AgendaItemDialog)
    qtbot.keyClicks(item.title, CANARIES["agenda title"])
    item.why.setPlainText(CANARIES["agenda why"])
    item.outcome.setPlainText(CANARIES["agenda outcome"])
    item.buttons.button(item.buttons.StandardButton.Save).click()
    panel.ready_check.click()


def _goal(tab: GoalsTab, qtbot) -> None:
    tab.new_goal()
    dialog = tab.goal_dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.title_edit, CANARIES["goal title"])
    dialog.description_edit.setPlainText(CANARIES["goal description"])
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def test_no_canary_in_any_file_after_a_run_through_the_windows(
    qtbot, make_window, tmp_path, isolated_home, monkeypatch
):
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    exports = tmp_path / "exports"  # what the person chose to save: kept apart
    exports.mkdir()
    shared = tmp_path / "Sync" / "mentoring"
    shared.mkdir(parents=True)
    setup_logging(level=logging.DEBUG)
    files = Files(monkeypatch)

    # Create the vault in the main window.
    folder = tmp_path / "vault"
    window: MainWindow = make_window(folder)
    page = window.welcome_page
    page.name_edit.setText(CANARIES["mentee name"])
    page.passphrase.edit.setText(CANARIES["passphrase"])
    page.confirm.edit.setText(CANARIES["passphrase"])
    with qtbot.waitSignal(window.unlocked, timeout=20_000):
        page.create_button.click()

    # Start a pair (File ▸ New pair), then pair with the mentor through real text.
    window.new_pair()
    dialog = _visible(window, NewPairDialog)
    dialog.name_edit.setText(CANARIES["mentor name"])
    dialog.accept()
    ws, sync = window.workspace.workspace, window.workspace.sync
    assert ws is not None and sync is not None
    (summary,) = ws.pairs()
    assert window.vault is not None
    mentee = Side(window.vault, ws, sync, window)
    mentor = make_side(qtbot, tmp_path / "mentor", CANARIES["mentor name"])
    pair_id = pair_up(qtbot, mentee, mentor, summary.pair_id)
    assert mentee.view is not None and mentor.view is not None

    # Notes, agenda, goals: the mentee's side.
    notes = mentee.view.pages["notes"]
    assert isinstance(notes, NotesTab)
    _new_note(notes, qtbot, NoteKind.SHARED, "Session", CANARIES["shared note"])
    _new_note(notes, qtbot, NoteKind.PRIVATE, "Mine", CANARIES["private note"])
    meetings = mentee.view.pages["meetings"]
    assert isinstance(meetings, MeetingsTab)
    _agenda(meetings, qtbot)
    goals = mentee.view.pages["goals"]
    assert isinstance(goals, GoalsTab)
    _goal(goals, qtbot)

    # Folder sync both ways; then the mentor reflects on the goal and in a note.
    files.folder = shared
    for side in (mentee, mentor):
        side.show(qtbot, pair_id)
        side.tab.choose_button.click()
        side.sync.scan_timer.setInterval(100)
        side.sync.debounce.setInterval(20)
        side.sync.start()
        side.sync.local_change(pair_id)
    qtbot.waitUntil(lambda: bool(mentor.state(pair_id).goals), timeout=20_000)
    mentor_view = mentor.show(qtbot, pair_id)
    mentor_notes = mentor_view.pages["notes"]
    assert isinstance(mentor_notes, NotesTab)
    _new_note(mentor_notes, qtbot, NoteKind.REFLECTION, "Me", CANARIES["mentor reflection note"])
    mentor_goals = mentor_view.pages["goals"]
    assert isinstance(mentor_goals, GoalsTab)
    mentor_goals.refresh()
    mentor_goals.table.selectRow(0)
    mentor_goals.add_reflection()
    reflection = mentor_goals.reflection_dialog
    assert reflection is not None
    qtbot.keyClicks(reflection.title_edit, "On the goal")
    reflection.text_edit.setPlainText(CANARIES["goal reflection"])
    qtbot.mouseClick(reflection.ok_button, Qt.MouseButton.LeftButton)
    mentor.sync.local_change(pair_id)
    qtbot.waitUntil(
        lambda: (
            mentee.sync.exchange.unsent(pair_id) == 0 and mentor.sync.exchange.unsent(pair_id) == 0
        ),
        timeout=20_000,
    )

    # The canaries really went in, and across to the partner where they should.
    texts = {n.text for n in mentor.state(pair_id).notes.values()}
    assert CANARIES["shared note"] in texts and CANARIES["goal reflection"] in texts
    assert CANARIES["private note"] not in texts
    (goal,) = mentor.state(pair_id).goals.values()
    assert goal.title == CANARIES["goal title"]
    items = [i.title for agenda in mentor.state(pair_id).agenda.values() for i in agenda]
    assert items == [CANARIES["agenda title"]]

    # Feedback: a scheme file, the form, the preview, a file the person saves.
    coordinator = HybridKeyPair.generate()
    today = date.today()
    period = Period("now", "This period", today - timedelta(days=30), today + timedelta(days=30))
    scheme = new_scheme("Canary-free scheme", coordinator.public_bytes(), [period])
    scheme_path = exports / "scheme.mpscheme"
    scheme_path.write_text(scheme.to_json(), encoding="utf-8")
    feedback = mentee.view.pages["feedback"]
    assert isinstance(feedback, FeedbackTab)
    feedback.import_scheme(scheme_path)
    form = feedback.open_form(scheme)
    assert form is not None
    qtbot.addWidget(form)
    form.choices["usefulness"].button(4).click()
    form.texts["improve"].edit.setFocus()
    qtbot.keyClicks(form.texts["improve"].edit, CANARIES["feedback text"])
    qtbot.mouseClick(form.preview_button, Qt.MouseButton.LeftButton)
    form.confirm_box.click()
    saved = exports / "answers.mpfb"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(saved), ""))
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert saved.exists()
    form.close()

    # A new passphrase (the vault key rotates), lock, unlock, quit.
    window.show_preferences()
    prefs = window._preferences
    assert prefs is not None
    prefs.current.edit.setText(CANARIES["passphrase"])
    prefs.new.edit.setText(CANARIES["new passphrase"])
    prefs.confirm.edit.setText(CANARIES["new passphrase"])
    prefs.change_button.click()
    qtbot.waitUntil(lambda: "changed" in prefs.passphrase_message.text(), timeout=20_000)
    prefs.reject()
    mentor.sync.stop()
    window.lock()
    qtbot.waitUntil(lambda: window.vault is None, timeout=10_000)
    unlock(qtbot, window, CANARIES["new passphrase"])
    assert window.vault is not None
    window.close()
    qtbot.waitUntil(lambda: workers.pending_count() == 0, timeout=10_000)
    mentor.vault.close()
    for handler in logging.getLogger("mentorpair").handlers:
        handler.flush()

    settings_file = Path(Settings().file_name)
    logs = files_under(log_folder())
    scanned = files_under(isolated_home, temp, folder, tmp_path / "mentor", shared)
    assert settings_file in scanned and logs and logs[0] in scanned, "must scan real files"
    assert any(p.parent == shared for p in scanned), "the shared folder held updates"
    leaks = {str(p.relative_to(tmp_path)): found_in(p.read_bytes()) for p in scanned}
    print(f"plaintext scan: {len(scanned)} files, {sum(map(len, leaks.values()))} canaries found")
    print(*sorted(leaks), sep="\n")
    assert {path: what for path, what in leaks.items() if what} == {}
    # The scan would have seen them: the saved export and the typed text are real.
    assert found_in(scheme_path.read_bytes()) == []
    assert saved.stat().st_size > 0
