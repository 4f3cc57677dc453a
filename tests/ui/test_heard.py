"""A screen reader hears every status and error line: its words, and each change.

What is checked is what assistive technology gets through QAccessible (the
name of the label's accessible interface), not the widget's own properties;
announcements are caught where the app hands them to Qt's accessibility.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import QLabel, QWidget

from mentorpair.demo import DemoSession
from mentorpair.storage.vault import Vault
from tests.ui.conftest import PASSPHRASE, unlock

from mentorpair.ui.announce import StatusLabel, plain_text
from mentorpair.ui.feedback.tab import FeedbackTab
from mentorpair.ui.main_window import MainWindow
from mentorpair.ui.pair.overview import OverviewTab


def heard(widget: QWidget) -> tuple[str, str]:
    """The name and description a screen reader gets for ``widget``."""
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None
    return interface.text(QAccessible.Text.Name), interface.text(QAccessible.Text.Description)


class Announcements:
    """Every accessibility event the app raises, as (event type, widget)."""

    def __init__(self, monkeypatch) -> None:
        self.events: list[tuple[QAccessible.Event, object]] = []
        real = QAccessible.updateAccessibility

        def record(event: QAccessibleEvent) -> None:
            self.events.append((event.type(), event.object()))
            real(event)

        monkeypatch.setattr(QAccessible, "updateAccessibility", record)

    def of(self, widget: QWidget) -> list[QAccessible.Event]:
        return [kind for kind, target in self.events if target is widget]


def test_a_wrong_passphrase_is_heard_and_announced(make_window, existing_vault, qtbot, monkeypatch):
    window = make_window(existing_vault)
    said = Announcements(monkeypatch)
    unlock(qtbot, window, "wrong wrong wrong")
    message = window.unlock_page.message
    name, description = heard(message)
    assert name == message.text() and "passphrase" in name.lower()
    assert description == "Unlock message"
    assert said.of(message)[:2] == [QAccessible.Event.NameChanged, QAccessible.Event.Alert]


def test_a_welcome_problem_is_heard(make_window, vault_folder, monkeypatch):
    window = make_window(vault_folder)
    said = Announcements(monkeypatch)
    page = window.welcome_page
    page.problem.setText("Please enter your name.")
    page.problem.show()
    assert heard(page.problem) == ("Please enter your name.", "Problem")
    assert QAccessible.Event.Alert in said.of(page.problem)


def test_a_status_line_is_named_by_its_words_and_each_change_announced(qtbot, monkeypatch):
    parent = QWidget()
    qtbot.addWidget(parent)
    line = StatusLabel("Save state", parent, text="Saved")
    parent.show()
    said = Announcements(monkeypatch)
    line.setText("Saving…")
    line.setText("Saving…")  # no change, no announcement
    line.setText("<b>Saved</b> at 10:04")
    assert heard(line) == ("Saved at 10:04", "Save state")
    assert said.of(line) == [QAccessible.Event.NameChanged, QAccessible.Event.NameChanged]
    line.hide()
    line.setText("Not saved")  # hidden: heard when it appears
    assert said.of(line)[-1:] == [QAccessible.Event.NameChanged]
    line.show()
    assert len(said.of(line)) == 3


def words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text))


def fixed_names(root: QWidget) -> list[str]:
    """Labels whose words a reader never gets: named otherwise, and not in the description.

    (The safety code is named "Safety code" and read out group by group from
    its description; that is heard.)
    """
    found = []
    for label in root.findChildren(QLabel):
        text = plain_text(label.text())
        name, description = heard(label)
        unheard = words(text) not in (words(name), words(description))
        if text and name != text and label.buddy() is None and unheard:
            found.append(f"{name!r} instead of {text!r}")
    return found


def unnamed_images(root: QWidget) -> list[str]:
    return [
        label.objectName() or type(label.parentWidget()).__name__
        for label in root.findChildren(QLabel)
        if not label.pixmap().isNull() and not heard(label)[0]
    ]


def test_every_tab_of_both_sides_speaks_its_status_lines(qtbot, settings):
    with DemoSession() as session:
        window = MainWindow(
            session.vault_folder(session.side), settings, vault=session.vault, demo_session=session
        )
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        try:
            check_both_sides(window)
        finally:
            window.close()


def check_both_sides(window: MainWindow) -> None:
    for _side in range(2):
        view = window.workspace.pair_view
        assert view is not None
        for page in view.pages.values():
            view.tabs.setCurrentWidget(page)
            assert fixed_names(page) == [], type(page).__name__
            assert unnamed_images(page) == [], type(page).__name__
        overview = view.pages["overview"]
        assert isinstance(overview, OverviewTab)
        name, description = heard(overview.next_when)
        assert name == overview.next_when.text() and name
        assert description == "Next meeting"
        feedback = view.pages["feedback"]
        assert isinstance(feedback, FeedbackTab)
        assert heard(feedback.scheme_details) == (
            feedback.scheme_details.text(),
            "About this scheme",
        )
        assert heard(feedback.banner_text)[1] == "Invitation to give feedback"
        window.switch_demo_side()
    # The first side's pages are deleted later; let that happen before the sweep.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    view = window.workspace.pair_view
    assert view is not None
    assert fixed_names(window) == []
    assert heard(window.lock_state)[0].startswith("Unlocked")


def test_the_search_summary_is_heard(make_window, existing_vault, qtbot):
    window = make_window(existing_vault, vault=Vault.open(existing_vault, PASSPHRASE))
    window.show_search()
    panel = window.search_panel
    panel.box.setText("nothing matches this")
    qtbot.waitUntil(lambda: bool(panel.status.text()), timeout=5000)
    assert heard(panel.status) == (panel.status.text(), "Search results summary")
