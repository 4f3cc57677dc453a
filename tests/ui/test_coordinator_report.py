"""The Coordinator window's Report tab: reads in the background, shows charts, exports."""

from __future__ import annotations

import hashlib
import threading
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from mentorpair.crypto.hybrid import HybridKeyPair
from mentorpair.feedback.folder import open_scheme_key
from mentorpair.feedback.keystore import CreatedScheme, init_scheme
from mentorpair.feedback.report import SUPPRESSED
from mentorpair.feedback.scheme import Period, Scheme
from mentorpair.feedback.submission import Response, random_file_name, seal_response
from tests.ui.test_accessibility import unnamed
from tests.ui.test_coordinator_scheme import COORDINATOR_PASSPHRASE

from mentorpair.ui import workers
from mentorpair.ui.coordinator.charts import DistributionChart
from mentorpair.ui.coordinator.pdf import render_pages
from mentorpair.ui.coordinator.report_page import ReportPage
from mentorpair.ui.coordinator.window import CoordinatorWindow


def sealed(scheme: Scheme, person: int, revision: int = 1, usefulness: int = 3) -> bytes:
    token = hashlib.sha256(f"person {person}".encode()).hexdigest()
    answers: dict[str, int | str] = {"usefulness": usefulness, "improve": "More evening slots"}
    facts: dict[str, str | tuple[str, ...]] = {"role": "mentee" if person % 4 else "mentor"}
    return seal_response(
        Response(scheme.scheme_id, "2026-H1", token, revision, answers, facts), scheme
    )


@pytest.fixture
def made(tmp_path: Path) -> CreatedScheme:
    keys = tmp_path / "keys"
    keys.mkdir()
    periods = [
        Period("2026-H1", "January to June 2026", date(2026, 1, 1), date(2026, 6, 30)),
        Period("2026-H2", "July to December 2026", date(2026, 7, 1), date(2026, 12, 31)),
    ]
    return init_scheme(keys, "North London GP Mentoring", COORDINATOR_PASSPHRASE, periods)


@pytest.fixture
def inbox(tmp_path: Path, made: CreatedScheme) -> Path:
    """Twelve people (one sent twice), a damaged file and one for another scheme."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    for person in range(12):
        (folder / random_file_name()).write_bytes(sealed(made.scheme, person))
    (folder / random_file_name()).write_bytes(sealed(made.scheme, 0, revision=2, usefulness=4))
    damaged = bytearray(sealed(made.scheme, 99))
    damaged[12000] ^= 0x10
    (folder / "damaged.mpfb").write_bytes(bytes(damaged))
    return folder


@pytest.fixture
def page(qtbot: QtBot) -> ReportPage:
    page = ReportPage()
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    return page


def start_reading(
    qtbot: QtBot, page: ReportPage, made: CreatedScheme, inbox: Path, passphrase: str
) -> None:
    page.key_edit.setText(str(made.key_path))
    page.passphrase.edit.setText(passphrase)
    page.folder_edit.setText(str(inbox))
    qtbot.mouseClick(page.read_button, Qt.MouseButton.LeftButton)


def wait_done(qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: workers.pending_count() == 0, timeout=30_000)


def test_reads_in_the_background_and_shows_the_report(
    qtbot: QtBot, page: ReportPage, made: CreatedScheme, inbox: Path
) -> None:
    start_reading(qtbot, page, made, inbox, COORDINATOR_PASSPHRASE)

    # The click returns at once: the window stays usable while files are read.
    assert page.progress.isVisible() and page.stop_button.isVisible()
    assert not page.read_button.isEnabled()
    wait_done(qtbot)

    report = page.report
    assert report is not None and page.view is not None
    assert report.responses == 12 and report.duplicates_dropped is SUPPRESSED
    # Issue 13: plurals right, and no count of fewer than k (5) people.
    assert (
        "read 14 files — 12 responses, fewer than 5 older copies dropped, 1 file left out."
        in page.view.summary.text()
    )
    usefulness = [c for c in page.view.charts if c.accessibleName().startswith("January")]
    assert usefulness[0].shown
    assert "Agree: 11" in usefulness[0].accessibleDescription()
    later = [c for c in page.view.charts if c.accessibleName().startswith("July")]
    assert later and not any(c.shown for c in later)  # nobody answered in H2
    name, reason = page.view.skipped.item(0, 0), page.view.skipped.item(0, 1)
    assert name is not None and reason is not None
    assert (name.text(), reason.text()) == (
        "damaged.mpfb",
        "damaged or changed after it was sealed",
    )
    assert page.passphrase.text() == ""  # not kept once the key is open
    assert all(b.isEnabled() for b in page.export_buttons.values())


def test_a_wrong_passphrase_says_so_and_shows_nothing(
    qtbot: QtBot, page: ReportPage, made: CreatedScheme, inbox: Path
) -> None:
    start_reading(qtbot, page, made, inbox, "not the right passphrase at all")
    wait_done(qtbot)

    assert page.problem.text() == "That passphrase does not open this scheme key."
    assert page.report is None
    assert not page.export_buttons["pdf"].isEnabled()
    assert page.read_button.isEnabled()


def test_a_missing_folder_says_so(
    qtbot: QtBot, page: ReportPage, made: CreatedScheme, tmp_path: Path
) -> None:
    start_reading(qtbot, page, made, tmp_path / "nowhere", COORDINATOR_PASSPHRASE)
    wait_done(qtbot)

    assert "feedback folder could not be found" in page.problem.text()


def test_stop_ends_the_reading(
    qtbot: QtBot,
    page: ReportPage,
    made: CreatedScheme,
    inbox: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    opened = threading.Event()
    go_on = threading.Event()
    real = open_scheme_key

    def slow_open(*args: object) -> tuple[Scheme, HybridKeyPair]:
        opened.set()
        go_on.wait(10)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr("mentorpair.ui.coordinator.report_page.open_scheme_key", slow_open)
    start_reading(qtbot, page, made, inbox, COORDINATOR_PASSPHRASE)
    qtbot.waitUntil(opened.is_set)
    qtbot.mouseClick(page.stop_button, Qt.MouseButton.LeftButton)
    go_on.set()
    wait_done(qtbot)

    assert page.report is None
    assert page.status.text() == "Reading was stopped. Nothing was changed."
    assert page.problem.text() == ""


def test_progress_follows_thousands_of_files_without_flooding_the_window(
    qtbot: QtBot, page: ReportPage, made: CreatedScheme, tmp_path: Path
) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    one = sealed(made.scheme, 1)
    for n in range(1000):  # copies of one file: the same person, counted once
        (folder / f"{n:04d}.mpfb").write_bytes(one)
    updates: list[tuple[int, int]] = []
    page._progress.advanced.connect(lambda done, total: updates.append((done, total)))

    start_reading(qtbot, page, made, folder, COORDINATOR_PASSPHRASE)
    wait_done(qtbot)

    assert updates[-1] == (1000, 1000)
    assert len(updates) <= 202  # about 200 steps, not one signal per file
    assert page.report is not None and page.report.duplicates_dropped == 999


def test_exports_write_the_three_kinds(
    qtbot: QtBot,
    page: ReportPage,
    made: CreatedScheme,
    inbox: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    start_reading(qtbot, page, made, inbox, COORDINATOR_PASSPHRASE)
    wait_done(qtbot)
    out = tmp_path / "out"
    out.mkdir()
    for kind in ("pdf", "csv", "json"):
        target = out / f"report-{kind}"  # no ending typed: the right one is added
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, t=target: (str(t), ""))
        qtbot.mouseClick(page.export_buttons[kind], Qt.MouseButton.LeftButton)
        assert (out / f"report-{kind}.{kind}").exists(), kind

    assert (out / "report-pdf.pdf").read_bytes().startswith(b"%PDF")
    assert (out / "report-json.json").read_text("utf-8").lstrip().startswith("{")
    assert "Saved report-json.json." in page.status.text()


def test_an_export_into_a_missing_folder_is_a_message(
    qtbot: QtBot, page: ReportPage, made: CreatedScheme, inbox: Path, tmp_path: Path
) -> None:
    start_reading(qtbot, page, made, inbox, COORDINATOR_PASSPHRASE)
    wait_done(qtbot)

    page.write("csv", tmp_path / "gone" / "r.csv")

    assert page.problem.text()  # a plain known-error message, not a crash


def test_the_window_with_a_report_is_fully_named(
    qtbot: QtBot, made: CreatedScheme, inbox: Path
) -> None:
    window = CoordinatorWindow()
    qtbot.addWidget(window)
    window.show()
    start_reading(qtbot, window.report_page, made, inbox, COORDINATOR_PASSPHRASE)
    wait_done(qtbot)

    assert window.report_page.view is not None
    assert unnamed(window) == []
    window.show_new_scheme()
    assert unnamed(window.scheme_form) == []


def test_the_window_chart_and_the_pdf_page_agree_on_what_is_hidden(
    qtbot: QtBot, page: ReportPage, made: CreatedScheme, inbox: Path
) -> None:
    start_reading(qtbot, page, made, inbox, COORDINATOR_PASSPHRASE)
    wait_done(qtbot)
    report = page.report
    assert report is not None

    assert page.view is not None
    hidden_in_report = len([d for d in report.distributions if d.counts is SUPPRESSED])
    hidden_on_screen = len([c for c in page.view.findChildren(DistributionChart) if not c.shown])
    assert hidden_on_screen == hidden_in_report
    pages = render_pages(report, width=400)
    assert len(pages) >= 5
    assert not pages[0].isNull()
