"""The Feedback tab through its widgets: import, invitation, answer, preview, save, decrypt."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from mentorpair.crypto.hybrid import HybridKeyPair
from mentorpair.domain.events import EventKind
from mentorpair.domain.model import Role
from mentorpair.feedback.scheme import Period, new_scheme
from mentorpair.feedback.scrub import MARKER
from mentorpair.feedback.submission import FEEDBACK_FILE_SIZE, open_feedback_file
from tests.ui.conftest import interactive_widgets, show_tab
from tests.unit.feedback.support import assert_not_in_sealed, words_sent

from mentorpair.ui.feedback.tab import FeedbackTab

NOW = datetime(2026, 9, 15, 9, 30, tzinfo=UTC)
PARTNER = "Dr Helen Marsh"
OPEN = Period(
    "2026-H2",
    "July to December 2026",
    NOW.date().replace(month=7, day=1),
    NOW.date().replace(month=12, day=31),
)


@pytest.fixture(scope="module")
def keypair():
    return HybridKeyPair.generate()


@pytest.fixture
def scheme_file(tmp_path, keypair):
    scheme = new_scheme("North London GP Mentoring", keypair.public_bytes(), [OPEN])
    path = tmp_path / "north-london.mpscheme"
    path.write_text(scheme.to_json(), encoding="utf-8")
    return scheme, path


@pytest.fixture
def pair(ws):
    pair_id = ws.create_pair(Role.MENTEE, PARTNER)
    for i, days in enumerate((30, 10)):
        ws.record(
            pair_id,
            EventKind.MEETING_PLANNED,
            meeting_id=f"m{i}",
            starts_at=(NOW - timedelta(days=days)).isoformat(),
            mode="video",
        )
    return pair_id


@pytest.fixture
def tab(qtbot, ws, pair):
    return show_tab(qtbot, FeedbackTab, ws, pair, NOW)


def test_without_a_scheme_it_explains_what_to_do(tab):
    assert tab.scheme_name.text() == "No scheme yet"
    assert ".mpscheme" in tab.scheme_details.text()
    assert not tab.banner.isVisible()
    assert not tab.answer_button.isVisible()


def test_import_shows_scheme_and_invites(tab, scheme_file, monkeypatch, qtbot):
    scheme, path = scheme_file
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    qtbot.mouseClick(tab.import_button, Qt.MouseButton.LeftButton)
    assert tab.scheme_name.text() == "North London GP Mentoring"
    details = tab.scheme_details.text()
    assert scheme.key_code() in details
    assert "July to December 2026" in details
    assert "at least 5 people" in details and "at least 10 people commented" in details
    assert tab.banner.isVisible()
    assert "North London GP Mentoring asks for feedback until" in tab.banner_text.text()
    assert "voluntary" in tab.banner_text.text()
    assert "31 Dec 2026" in tab.banner_text.text()


def test_the_invitation_can_be_dismissed(tab, scheme_file, qtbot):
    tab.import_scheme(scheme_file[1])
    qtbot.mouseClick(tab.banner_dismiss, Qt.MouseButton.LeftButton)
    assert not tab.banner.isVisible()
    assert tab.answer_button.isVisible()  # still possible to answer


def test_a_bad_scheme_file_gives_a_plain_message(tab, tmp_path, monkeypatch):
    bad = tmp_path / "bad.mpscheme"
    bad.write_text("not json")
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    assert tab.import_scheme(bad) is None
    assert shown and "not imported" in shown[0]


def test_never_send_names(tab, qtbot):
    qtbot.keyClicks(tab.never_edit, "Dr Ben Carter")
    qtbot.keyClick(tab.never_edit, Qt.Key.Key_Return)
    assert [tab.never_list.item(i).text() for i in range(tab.never_list.count())] == [
        "Dr Ben Carter"
    ]
    assert tab.never_edit.text() == ""
    tab.never_list.setCurrentRow(0)
    qtbot.mouseClick(tab.never_remove, Qt.MouseButton.LeftButton)
    assert tab.never_list.count() == 0


def answer_everything(dialog, qtbot):
    dialog.choices["usefulness"].button(4).click()
    dialog.choices["recommend"].button(0).click()
    dialog.texts["improve"].edit.setFocus()
    qtbot.keyClicks(
        dialog.texts["improve"].edit,
        "Helen and Dr Ben Carter were great. Ring me on 07700 900123 or ben@nhs.net; "
        "we met on 12 March 2026 at N19 5NF. GMC 7123456, NHS 943 476 5919. Amara agreed.",
    )
    dialog.fact_boxes["meetings"].click()
    dialog.fact_boxes["role"].click()


def test_answer_preview_save_and_the_coordinator_reads_it(
    tab, scheme_file, keypair, qtbot, tmp_path, monkeypatch, ws
):
    scheme, path = scheme_file
    tab.import_scheme(path)
    tab.feedback.add_never_send("Dr Ben Carter")
    tab.refresh()
    dialog = tab.open_form(scheme)
    qtbot.addWidget(dialog)
    assert "2 to" not in dialog.fact_boxes["meetings"].text()
    assert "1 to 2 meetings" in dialog.fact_boxes["meetings"].text()
    assert not any(box.isChecked() for box in dialog.fact_boxes.values())  # opt-in only
    answer_everything(dialog, qtbot)
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert dialog.stack.currentIndex() == 1
    preview = dialog.preview.toPlainText()
    assert MARKER in preview
    for secret in (
        "Helen",
        "Ben",
        "Carter",
        "07700",
        "nhs.net",
        "12 March",
        "N19",
        "7123456",
        "943 476",
        "Amara",
    ):
        assert secret not in preview, secret
    assert "Strongly agree" in preview and "1 to 2 meetings" in preview and "mentee" in preview
    assert "How you met" not in preview  # not ticked, not sent
    assert not dialog.save_button.isEnabled()  # must confirm first
    dialog.confirm_box.click()
    target = tmp_path / "answers.mpfb"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.stack.currentIndex() == 2
    done = dialog.done_text.text()
    # No collector: the app says what e-mailing the file reveals, and never "anonymous".
    assert "If you e-mail this file, the coordinator can see it came from you." in done
    assert "anonymous" not in done.casefold()

    raw = target.read_bytes()
    assert len(raw) == FEEDBACK_FILE_SIZE
    response = open_feedback_file(target, scheme, keypair)
    plain = words_sent(response)
    for secret in (
        "Helen",
        "Marsh",
        "Ben",
        "Carter",
        "Okafor",
        "Amara",
        "07700",
        "nhs.net",
        "2026-0",
        "N19",
        "7123456",
        "5919",
        tab.context.pair_id,
    ):
        assert secret not in plain, secret
        assert_not_in_sealed(secret, raw)
    assert response.answers["usefulness"] == 4
    assert str(response.answers["improve"]).startswith(f"{MARKER} and {MARKER} were great")
    assert response.facts == {"role": "mentee", "meetings": "1-2"}
    assert set(json.loads(response.to_plaintext())) == {
        "scheme",
        "period",
        "token",
        "revision",
        "answers",
        "facts",
    }
    dialog.close_button.click()
    assert not tab.banner.isVisible()
    assert "You saved feedback on" in tab.scheme_status.text()


def test_text_is_capped_with_a_live_count(tab, scheme_file, qtbot):
    scheme, path = scheme_file
    tab.import_scheme(path)
    dialog = tab.open_form(scheme)
    qtbot.addWidget(dialog)
    dialog.texts["improve"].edit.setPlainText("x" * 1200)
    assert len(dialog.texts["improve"].edit.toPlainText()) == 1000
    assert dialog.texts["improve"].count.text() == "1000 of 1000 characters"


def test_a_disk_problem_is_explained_and_not_counted(
    tab, scheme_file, qtbot, tmp_path, monkeypatch
):
    scheme, path = scheme_file
    tab.import_scheme(path)
    dialog = tab.open_form(scheme)
    qtbot.addWidget(dialog)
    dialog.choices["usefulness"].button(2).click()
    dialog.show_preview()
    dialog.confirm_box.click()
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "gone" / "x.mpfb"), "")
    )
    shown = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda parent, title, text: shown.append((title, text))
    )
    dialog.save()
    assert shown and shown[0][0] == "The file was not saved"
    assert "could not be found" in shown[0][1]
    assert dialog.stack.currentIndex() == 1
    assert tab.feedback.sent(scheme.scheme_id, "2026-H2") is None


def test_every_widget_is_named(tab, scheme_file, qtbot):
    from tests.ui.test_accessibility import unnamed

    scheme, path = scheme_file
    tab.import_scheme(path)
    assert interactive_widgets(tab)
    assert unnamed(tab) == []
    dialog = tab.open_form(scheme)
    qtbot.addWidget(dialog)
    assert unnamed(dialog) == []
