"""The Feedback tab with a collector, a pinned scheme key, and "might be a name — remove?"."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QFileDialog, QMessageBox

from mentorpair.crypto.hybrid import HybridKeyPair
from mentorpair.crypto.signing import SigningKey
from mentorpair.feedback.collector import CollectorCard
from mentorpair.feedback.envelope import open_envelope
from mentorpair.feedback.scheme import SIGNATURE_PURPOSE, new_scheme
from mentorpair.feedback.scrub import MARKER
from tests.ui.conftest import show_tab
from tests.ui.test_feedback_tab import NOW, OPEN, pair  # noqa: F401 - the pair fixture

from mentorpair.ui.feedback.tab import FeedbackTab


@pytest.fixture(scope="module")
def keys():
    return {
        "coordinator": HybridKeyPair.generate(),
        "signer": SigningKey.generate(),
        "collector": HybridKeyPair.generate(),
        "collector_signer": SigningKey.generate(),
    }


def collected_scheme(keys, **kw):
    card = CollectorCard(
        "Freedom to Speak Up Guardian",
        keys["collector"].public_bytes(),
        keys["collector_signer"].public_bytes(),
    )
    return new_scheme(
        "North London GP Mentoring",
        keys["coordinator"].public_bytes(),
        [OPEN],
        signer=keys["signer"],
        collector=card.collector(),
        **kw,
    )


@pytest.fixture
def tab(qtbot, ws, pair):  # noqa: F811 - pytest fixture injection
    return show_tab(qtbot, FeedbackTab, ws, pair, NOW)


def test_collector_scheme_says_who_receives_the_file(tab, keys, tmp_path, qtbot, monkeypatch):
    scheme = collected_scheme(keys)
    path = tmp_path / "scheme.mpscheme"
    path.write_text(scheme.to_json(), encoding="utf-8")
    tab.import_scheme(path)
    assert "Freedom to Speak Up Guardian" in tab.scheme_details.text()
    assert len(scheme.key_code().replace("-", "")) == 20
    dialog = tab.open_form(scheme)
    qtbot.addWidget(dialog)
    dialog.choices["usefulness"].button(3).click()
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert "sealed twice" in dialog.preview.toPlainText()
    dialog.confirm_box.click()
    target = tmp_path / "answers.mpfb"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    done = dialog.done_text.text()
    assert "Send this file to Freedom to Speak Up Guardian" in done
    assert "e-mail is fine" in done and "cannot tell they are yours" in done
    envelope = open_envelope(target.read_bytes(), scheme, keys["collector"])
    assert envelope.period_id == OPEN.period_id


def test_the_save_dialog_starts_in_the_drop_folder(tab, keys, tmp_path, qtbot, monkeypatch):
    drop = tmp_path / "drop"
    drop.mkdir()
    scheme = new_scheme(
        "North London GP Mentoring",
        keys["coordinator"].public_bytes(),
        [OPEN],
        signer=keys["signer"],
        drop_folder=str(drop),
    )
    path = tmp_path / "scheme.mpscheme"
    path.write_text(scheme.to_json(), encoding="utf-8")
    tab.import_scheme(path)
    dialog = tab.open_form(scheme)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    dialog.confirm_box.click()
    offered: list[str] = []

    def save_dialog(_parent, _title, suggested, _filter):
        offered.append(suggested)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert offered and offered[0].startswith(str(drop))
    assert dialog.stack.currentIndex() == 1  # cancelled: nothing saved, nothing counted
    assert tab.feedback.sent(scheme.scheme_id, OPEN.period_id) is None


def test_drop_folder_is_offered_and_never_called_anonymous(tab, keys, tmp_path, qtbot):
    scheme = new_scheme(
        "North London GP Mentoring",
        keys["coordinator"].public_bytes(),
        [OPEN],
        signer=keys["signer"],
        drop_folder=r"\\trust-fs\mentoring\feedback",
    )
    path = tmp_path / "scheme.mpscheme"
    path.write_text(scheme.to_json(), encoding="utf-8")
    tab.import_scheme(path)
    dialog = tab.open_form(scheme)
    qtbot.addWidget(dialog)
    advice = dialog.sending_advice("x.mpfb")
    assert r"\\trust-fs\mentoring\feedback" in advice
    assert "If you e-mail this file, the coordinator can see it came from you." in advice
    assert "anonymous" not in advice.casefold()


def test_a_swapped_scheme_key_is_refused_with_a_warning(tab, keys, tmp_path, monkeypatch):
    scheme = collected_scheme(keys)
    path = tmp_path / "scheme.mpscheme"
    path.write_text(scheme.to_json(), encoding="utf-8")
    assert tab.import_scheme(path) is not None
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: shown.append(text))
    other = tmp_path / "swapped.mpscheme"
    # Re-signed properly by the attacker's own key: valid on its own, refused as a swap.
    attacker = SigningKey.generate()
    forged = new_scheme(
        "North London GP Mentoring",
        HybridKeyPair.generate().public_bytes(),
        [OPEN],
        min_group=2,
        min_comments=2,
        signer=attacker,
    )
    swapped = replace(forged, scheme_id=scheme.scheme_id)
    swapped = replace(swapped, signature=attacker.sign(SIGNATURE_PURPOSE, swapped.signed_bytes()))
    other.write_text(swapped.to_json(), encoding="utf-8")
    assert tab.import_scheme(other) is None
    assert shown and "different key" in shown[0] and "key code" in shown[0]
    assert tab.feedback.schemes()[0].coordinator_key == scheme.coordinator_key


def test_might_be_a_name_is_offered_and_removed_with_one_click(tab, keys, tmp_path, qtbot):
    scheme = collected_scheme(keys)
    path = tmp_path / "scheme.mpscheme"
    path.write_text(scheme.to_json(), encoding="utf-8")
    tab.import_scheme(path)
    dialog = tab.open_form(scheme)
    qtbot.addWidget(dialog)
    dialog.texts["improve"].edit.setPlainText("The rota was hard. Luckily Zainab covered for me.")
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert dialog.undecided_box.isVisible()
    assert [b.text() for b in dialog.undecided_buttons] == ["Remove “Zainab”"]
    button = dialog.undecided_buttons[0]
    assert dialog.focusWidget() is button  # first in line for the keyboard
    assert QAccessible.queryAccessibleInterface(button).text(QAccessible.Text.Name) == (
        "Might be a name: remove Zainab"
    )
    label = QAccessible.queryAccessibleInterface(dialog.undecided_label)
    assert label.text(QAccessible.Text.Name) == "Words that might be names"
    assert "might be names" in label.text(QAccessible.Text.Value) or "might be names" in (
        dialog.undecided_label.text()
    )
    qtbot.keyClick(button, Qt.Key.Key_Space)  # one key
    preview = dialog.preview.toPlainText()
    assert "Zainab" not in preview and f"Luckily {MARKER} covered" in preview
    assert not dialog.undecided_box.isVisible()
    # What the person typed is unchanged; the word is gone only from what leaves.
    assert "Zainab" in dialog.texts["improve"].edit.toPlainText()
    assert dialog.response is not None and "Zainab" not in str(dialog.response.answers)
