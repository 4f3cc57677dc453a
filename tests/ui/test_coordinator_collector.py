"""The collector's journey through the real windows, and the window's title (issue 13).

The collector makes keys in File ▸ Coordinator… ▸ Collector; the coordinator
names their card in New scheme; people send feedback; the collector receives
and releases a batch; the coordinator's Report reads the batch and, before
that, nothing.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from mentorpair.feedback.report import Report
from mentorpair.feedback.scheme import load_scheme
from mentorpair.feedback.submission import Response, random_file_name, seal_response
from tests.ui.test_accessibility import unnamed
from tests.ui.test_coordinator_report import wait_done
from tests.ui.test_coordinator_scheme import COORDINATOR_PASSPHRASE, fill

from mentorpair.ui.coordinator.report_page import ReportPage
from mentorpair.ui.coordinator.window import CoordinatorWindow

COLLECTOR_PASSPHRASE = "harbour violet teapot glacier 9"


def shown(page: ReportPage) -> Report:
    """The report the page shows now (a function, so each call is looked at afresh)."""
    assert page.report is not None
    return page.report


def test_title_is_not_doubled(qtbot: QtBot) -> None:
    window = CoordinatorWindow()
    qtbot.addWidget(window)
    # Qt appends the application's display name; the title must not carry it too.
    assert window.windowTitle() == "Coordinator"
    assert "Mentorpair" not in window.windowTitle()


def test_collector_journey_through_the_windows(qtbot: QtBot, tmp_path: Path) -> None:
    window = CoordinatorWindow()
    qtbot.addWidget(window)
    window.show()
    page = window.collector_page
    window.tabs.setCurrentWidget(page)

    # 1. The collector makes keys.
    guardian = tmp_path / "guardian"
    guardian.mkdir()
    page.name_edit.setText("Freedom to Speak Up Guardian")
    page.new_passphrase.edit.setText(COLLECTOR_PASSPHRASE)
    page.confirm.edit.setText(COLLECTOR_PASSPHRASE)
    page.keys_folder.setText(str(guardian))
    assert page.make_button.isEnabled()
    qtbot.mouseClick(page.make_button, Qt.MouseButton.LeftButton)
    wait_done(qtbot)
    card = guardian / "freedom-to-speak-up-guardian.mpcollector"
    assert card.is_file() and card.name in page.status.text()
    status = QAccessible.queryAccessibleInterface(page.status)
    assert status.text(QAccessible.Text.Name) == "What the collector did"
    assert card.name in status.text(QAccessible.Text.Value) or card.name in page.status.text()

    # 2. The coordinator names the collector in a new scheme.
    form = window.scheme_form
    window.tabs.setCurrentWidget(form)
    scheme_dir = tmp_path / "scheme"
    scheme_dir.mkdir()
    fill(form, scheme_dir)
    form.collector_edit.setText(str(card))
    form.drop_edit.setText(r"\\trust-fs\mentoring\feedback")
    qtbot.mouseClick(form.create_button, Qt.MouseButton.LeftButton)
    wait_done(qtbot)
    scheme_path = scheme_dir / "north-london-gp-mentoring.mpscheme"
    scheme = load_scheme(scheme_path)
    assert scheme.collector is not None
    assert scheme.collector.name == "Freedom to Speak Up Guardian"
    assert scheme.drop_folder == r"\\trust-fs\mentoring\feedback"

    # 3. Seven people send files to the collector.
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    period = scheme.periods[0].period_id
    for person in range(7):
        token = f"{person:064x}"
        answer = Response(scheme.scheme_id, period, token, 1, {"usefulness": 3}, {}, token[::-1])
        (inbox / random_file_name()).write_bytes(seal_response(answer, scheme))

    # 4. Before any batch, the coordinator's report reads nothing.
    report = window.report_page
    window.tabs.setCurrentWidget(report)
    report.key_edit.setText(str(scheme_dir / "north-london-gp-mentoring.mpschemekey"))
    report.passphrase.edit.setText(COORDINATOR_PASSPHRASE)
    report.folder_edit.setText(str(inbox))
    qtbot.mouseClick(report.read_button, Qt.MouseButton.LeftButton)
    wait_done(qtbot)
    assert shown(report).responses == 0
    assert report.view is not None
    assert "fewer than 5 files" not in report.view.summary.text()  # 7 files were read

    # 5. The collector receives and releases.
    window.tabs.setCurrentWidget(page)
    page.key_edit.setText(str(guardian / "freedom-to-speak-up-guardian.mpcollectorkey"))
    page.scheme_edit.setText(str(scheme_path))
    page.store_edit.setText(str(tmp_path / "store"))
    page.inbox_edit.setText(str(inbox))
    page.passphrase.edit.setText(COLLECTOR_PASSPHRASE)
    qtbot.mouseClick(page.receive_button, Qt.MouseButton.LeftButton)
    wait_done(qtbot)
    assert "New people: 7" in page.status.text(), page.problem.text()
    assert page.passphrase.text() == ""
    out = tmp_path / "for-coordinator"
    out.mkdir()
    page.out_edit.setText(str(out))
    page.passphrase.edit.setText(COLLECTOR_PASSPHRASE)
    qtbot.mouseClick(page.release_button, Qt.MouseButton.LeftButton)
    wait_done(qtbot)
    assert "7 people" in page.status.text(), page.problem.text()
    assert unnamed(window) == []

    # 6. The coordinator's report reads the batch, and says what it covers.
    window.tabs.setCurrentWidget(report)
    report.folder_edit.setText(str(out))
    report.passphrase.edit.setText(COORDINATOR_PASSPHRASE)
    qtbot.mouseClick(report.read_button, Qt.MouseButton.LeftButton)
    wait_done(qtbot)
    assert shown(report).responses == 7
    assert report.view is not None
    notes = [label.text() for label in report.view.findChildren(QLabel)]
    assert any("never differ by fewer than 5 people" in text for text in notes)
    assert "read 7 files — 7 responses" in report.view.summary.text()


def test_a_wrong_collector_passphrase_is_a_plain_message(qtbot: QtBot, tmp_path: Path) -> None:
    window = CoordinatorWindow()
    qtbot.addWidget(window)
    page = window.collector_page
    key = tmp_path / "nothing.mpcollectorkey"
    page.key_edit.setText(str(key))
    page.scheme_edit.setText(str(tmp_path / "nothing.mpscheme"))
    page.store_edit.setText(str(tmp_path / "store"))
    page.inbox_edit.setText(str(tmp_path))
    page.passphrase.edit.setText(COLLECTOR_PASSPHRASE)
    qtbot.mouseClick(page.receive_button, Qt.MouseButton.LeftButton)
    wait_done(qtbot)
    assert page.problem.text() and "Traceback" not in page.problem.text()
    problem = QAccessible.queryAccessibleInterface(page.problem)
    assert problem.text(QAccessible.Text.Name) == "Problem"
    assert not (tmp_path / "store").exists()


def test_the_window_shows_no_count_below_k(qtbot: QtBot) -> None:
    """Issue 13: "read 1 files — 1 responses" becomes "fewer than 5 …", plurals right."""
    from mentorpair.crypto.hybrid import HybridKeyPair
    from mentorpair.feedback.report import build_report, scheme_info
    from mentorpair.feedback.scheme import Period, new_scheme

    from mentorpair.ui.coordinator.report_view import ReportView

    period = Period("2026-H2", "July to December 2026", date(2026, 7, 1), date(2026, 12, 31))
    scheme = new_scheme("North London", HybridKeyPair.generate().public_bytes(), [period])
    one = Response(scheme.scheme_id, period.period_id, "a" * 64, 1, {"usefulness": 3}, {})
    view = ReportView(build_report(scheme_info(scheme), [one]))
    qtbot.addWidget(view)
    text = view.summary.text()
    assert "fewer than 5 files" in text and "fewer than 5 responses" in text
    assert "1 file" not in text.replace("1 file left", "") and "1 response" not in text
    assert "0 files left out" in text
    captions = [label.text() for label in view.findChildren(QLabel)]
    assert any("fewer than 5 answered" in caption for caption in captions)
    assert not any(": 1 answered" in caption for caption in captions)
