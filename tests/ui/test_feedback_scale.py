"""The feedback form's agreement scale: five points in one row at 800 px, in English and German."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from mentorpair.crypto.hybrid import HybridKeyPair
from mentorpair.domain.model import Role
from mentorpair.feedback.scheme import Period, new_scheme
from mentorpair.storage.workspace import Workspace
from tests.ui.conftest import show_tab

from mentorpair.ui import i18n
from mentorpair.ui.feedback.form import FeedbackDialog
from mentorpair.ui.feedback.tab import FeedbackTab

NOW = datetime(2026, 9, 15, 9, 30, tzinfo=UTC)
PERIOD = Period("2026-H2", "July to December 2026", date(2026, 7, 1), date(2026, 12, 31))
AGREE = ("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree")


@pytest.fixture(params=["en", "de"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """Each test once in English, once in German (longer words, same row)."""
    if request.param == "de":
        i18n.apply_language(qapp, "de")
    yield request.param
    i18n.remove_language(qapp)


@pytest.fixture
def form(qtbot: QtBot, ws: Workspace, language: str) -> FeedbackDialog:
    """The form for the default questions, 800 px wide, built after the language is set."""
    pair = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
    tab = show_tab(qtbot, FeedbackTab, ws, pair, NOW)
    assert isinstance(tab, FeedbackTab)
    scheme = new_scheme(
        "North London GP Mentoring", HybridKeyPair.generate().public_bytes(), [PERIOD]
    )
    dialog = tab.open_form(scheme)
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.resize(800, 600)
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.width() == 800)
    return dialog


def test_the_five_points_share_one_row_at_800_px(form: FeedbackDialog, language: str) -> None:
    group = form.choices["usefulness"]
    points = [group.button(index) for index in range(5)]
    corners = [point.mapTo(form, QPoint(0, 0)) for point in points]
    assert len({corner.y() for corner in corners}) == 1
    assert [corner.x() for corner in corners] == sorted(corner.x() for corner in corners)
    assert all(point.isVisible() for point in points)
    skip = group.checkedButton()  # "No answer", ticked until the person picks
    assert skip is not None
    assert skip.text() == ("Keine Antwort" if language == "de" else "No answer")
    assert skip.mapTo(form, QPoint(0, 0)).y() > corners[0].y()


def test_each_point_has_its_words_whole_beneath_it(form: FeedbackDialog, language: str) -> None:
    group = form.choices["usefulness"]
    card = group.button(0).parentWidget()
    assert card is not None
    words = {label.text(): label for label in card.findChildren(QLabel)}
    for index, text in enumerate(AGREE):
        label, point = words[text], group.button(index)
        assert label.geometry().top() > point.geometry().bottom()
        assert label.geometry().left() <= point.geometry().center().x() <= label.geometry().right()
        assert label.height() >= label.heightForWidth(label.width()), f"{text} is cut short"
        assert point.accessibleName().endswith(text)


def test_clicking_the_words_picks_the_point(
    form: FeedbackDialog, qtbot: QtBot, language: str
) -> None:
    group = form.choices["usefulness"]
    card = group.button(0).parentWidget()
    assert card is not None
    agree = next(label for label in card.findChildren(QLabel) if label.text() == "Agree")
    qtbot.mouseClick(agree, Qt.MouseButton.LeftButton)
    assert group.checkedId() == 3
    assert form.answers()["usefulness"] == 3
