"""The demo's feedback period is worded in the window's language, month names too."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from mentorpair.demo import DemoSession
from mentorpair.demo.session import english_period

from mentorpair.ui import i18n
from mentorpair.ui.feedback.tab import FeedbackTab
from mentorpair.ui.main_window import MainWindow
from mentorpair.ui.settings import Settings
from mentorpair.ui.wording import month_span

# The demo's period opens 40 days before and closes 50 days after "now".
NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


@pytest.fixture
def german(qapp: QApplication) -> Iterator[None]:
    """The German translators and date locale, removed again so other tests stay English."""
    i18n.apply_language(qapp, "de")
    yield
    i18n.remove_language(qapp)


def test_a_span_of_months_in_english(qapp: QApplication) -> None:
    assert month_span(date(2026, 10, 11), date(2027, 1, 9)) == "October 2026 to January 2027"


def test_a_span_of_months_in_german(german: None) -> None:
    assert month_span(date(2026, 10, 11), date(2027, 1, 9)) == "Oktober 2026 bis Januar 2027"


def test_without_a_window_the_demo_words_its_period_in_english() -> None:
    # strftime's %B would follow the system locale and mix languages.
    assert english_period(date(2026, 3, 1), date(2026, 5, 31)) == "March 2026 to May 2026"


def test_the_german_feedback_tab_shows_the_demo_period_in_german(
    qtbot: QtBot, settings: Settings, german: None
) -> None:
    with DemoSession(NOW, period_words=month_span) as session:
        window = MainWindow(
            session.vault_folder(session.side), settings, vault=session.vault, demo_session=session
        )
        qtbot.addWidget(window)
        window.show()
        view = window.workspace.pair_view
        assert view is not None
        tab = view.pages["feedback"]
        assert isinstance(tab, FeedbackTab)
        view.tabs.setCurrentWidget(tab)
        details = tab.scheme_details.text()
        window.close()
    assert "Oktober 2026 bis Januar 2027" in details
    assert "October" not in details and "January" not in details
