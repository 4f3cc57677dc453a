"""Translations: the German file is complete and current, and the window really speaks it.

A German-speaking doctor who chooses Deutsch must not meet a stray English
label; a developer who adds a string must not forget to translate it.
"""

from __future__ import annotations

import importlib.util
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    Qt,
    QTranslator,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QGroupBox,
    QLabel,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from mentorpair.resources import resource_path

from mentorpair.ui import i18n
from mentorpair.ui.settings import LanguageChoice, Settings
from mentorpair.ui.wording import format_date

FOLDER = resource_path("translations")
TS_FILE = FOLDER / "mentorpair_de.ts"
QM_FILE = FOLDER / "mentorpair_de.qm"
PLACEHOLDER = re.compile(r"\{[0-9]+(?::[^}]*)?\}")


@dataclass(frozen=True)
class Message:
    """One message of a .ts file."""

    context: str
    source: str
    comment: str
    translation: str
    kind: str  # "" when finished, else "unfinished", "obsolete", "vanished"


def read_ts(path: Path) -> list[Message]:
    """The messages of a Qt Linguist file, in file order."""
    messages = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            messages.append(
                Message(
                    name,
                    message.findtext("source", ""),
                    message.findtext("comment", ""),
                    translation.text or "",
                    translation.get("type", ""),
                )
            )
    return messages


def update_script() -> ModuleType:
    """resources/translations/update.py, the one place that knows how to run the tools."""
    spec = importlib.util.spec_from_file_location("translations_update", FOLDER / "update.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def committed() -> list[Message]:
    return read_ts(TS_FILE)


def test_the_german_file_is_complete_and_nothing_is_left_over(committed: list[Message]) -> None:
    assert len(committed) > 500
    assert [m.source for m in committed if m.kind] == []
    assert [m.source for m in committed if not m.translation.strip()] == []


@pytest.mark.slow
def test_every_string_in_the_code_is_in_the_german_file(
    committed: list[Message], tmp_path: Path
) -> None:
    fresh = tmp_path / "fresh.ts"
    update_script().lupdate(fresh)
    in_code = {(m.context, m.source, m.comment) for m in read_ts(fresh)}
    in_file = {(m.context, m.source, m.comment) for m in committed}
    assert sorted(in_code - in_file) == [], "run: python resources/translations/update.py"
    assert sorted(in_file - in_code) == [], "run: python resources/translations/update.py"


@pytest.mark.slow
def test_the_committed_qm_is_compiled_from_the_ts(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.qm"
    update_script().lrelease(TS_FILE, fresh)
    assert fresh.read_bytes() == QM_FILE.read_bytes(), (
        "run: python resources/translations/update.py"
    )


def test_every_translation_keeps_its_placeholders(committed: list[Message]) -> None:
    changed = [
        (m.source, m.translation)
        for m in committed
        if sorted(PLACEHOLDER.findall(m.source)) != sorted(PLACEHOLDER.findall(m.translation))
    ]
    assert changed == []


def test_mnemonics_survive_translation(committed: list[Message]) -> None:
    """A label with an Alt+letter in English keeps exactly one in German."""
    lost = [
        (m.source, m.translation)
        for m in committed
        if "<" not in m.source
        and len(re.findall(r"&(?!&)\w", m.source)) == 1
        and len(re.findall(r"&(?!&)\w", m.translation)) != 1
    ]
    assert lost == []


def test_the_language_follows_the_choice_and_the_system(qapp: QApplication) -> None:
    from PySide6.QtCore import QLocale

    german, french = QLocale(QLocale.Language.German), QLocale(QLocale.Language.French)
    assert i18n.resolve(LanguageChoice.SYSTEM, german) == "de"
    assert i18n.resolve(LanguageChoice.SYSTEM, french) == "en"  # not shipped: English
    assert i18n.resolve(LanguageChoice.ENGLISH, german) == "en"
    assert i18n.resolve(LanguageChoice.GERMAN, french) == "de"


def test_the_language_choice_is_kept_in_the_settings(settings: Settings) -> None:
    assert settings.language is LanguageChoice.SYSTEM
    settings.language = LanguageChoice.GERMAN
    assert Settings().language is LanguageChoice.GERMAN


@pytest.fixture
def german(qapp: QApplication) -> Iterator[None]:
    """The German translators and date locale, removed again so other tests stay English."""
    i18n.apply_language(qapp, "de")
    yield
    i18n.remove_language(qapp)
    assert QCoreApplication.translate("Wording", "Active", "goal status") == "Active"


def test_dates_read_the_german_way(german: None) -> None:
    assert format_date(date(2026, 12, 1)) == "Di., 1. Dez. 2026"


def english_patterns(committed: list[Message]) -> tuple[set[str], list[re.Pattern[str]]]:
    """English texts that German has its own words for: as plain text, and as patterns."""
    plain: set[str] = set()
    patterns = []
    for m in committed:
        source, translation = strip(m.source), strip(m.translation)
        if source == translation:
            continue  # the same in both languages ("Agenda", "Video"): not a tell
        if PLACEHOLDER.search(source):
            literal = PLACEHOLDER.sub("", source)
            if sum(ch.isalpha() for ch in literal) >= 4:
                parts = [re.escape(part) for part in PLACEHOLDER.split(source)]
                patterns.append(re.compile("(?s)" + ".+".join(parts)))
        else:
            plain.add(source)
    return plain, patterns


def strip(text: str) -> str:
    """A text as a person reads it: without mnemonic markers."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip()


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """Every label, button, group title, tab and menu entry below ``root``, with its kind."""
    found = [("window title", root.windowTitle())]
    for label in root.findChildren(QLabel):
        if label.isVisibleTo(root):
            found.append(("label", label.text()))
    for button in root.findChildren(QAbstractButton):
        if button.isVisibleTo(root):
            found.append(("button", button.text()))
    for box in root.findChildren(QGroupBox):
        found.append(("group", box.title()))
    for tabs in root.findChildren(QTabWidget):
        found += [("tab", tabs.tabText(i)) for i in range(tabs.count())]
    for widget in [root, *root.findChildren(QWidget)]:
        found += [("menu", action.text()) for action in widget.actions()]
        if widget.isVisibleTo(root) or widget is root:
            # What a screen reader says and a tooltip shows is the UI too.
            found += [
                ("accessible name", widget.accessibleName()),
                ("accessible description", widget.accessibleDescription()),
                ("tooltip", widget.toolTip()),
            ]
    for view in root.findChildren(QAbstractItemView):
        model = view.model()
        if model is None or not view.isVisibleTo(root):
            continue
        for row in range(min(model.rowCount(QModelIndex()), 40)):
            # QAbstractListModel keeps columnCount private: a list has one column.
            columns = (
                1 if isinstance(model, QAbstractListModel) else model.columnCount(QModelIndex())
            )
            for column in range(columns):
                value = model.index(row, column).data(Qt.ItemDataRole.DisplayRole)
                if isinstance(value, str):
                    found.append(("list row", value))
    return [(kind, strip(text)) for kind, text in found if text.strip()]


def english_left(
    root: QWidget, plain: set[str], patterns: list[re.Pattern[str]]
) -> list[tuple[str, str]]:
    """Texts that are English, whole or in part ("Stärke: Very weak. Use …")."""
    # Fragments: English sentences of three words or more inside a German text.
    fragments = [p for p in plain if len(p.split()) >= 3]
    return [
        (kind, text)
        for kind, text in visible_texts(root)
        if text in plain
        or any(p.fullmatch(text) for p in patterns)
        or any(fragment in text for fragment in fragments)
    ]


def test_with_german_chosen_no_english_text_is_left_on_screen(
    qtbot: QtBot, settings: Settings, german: None, committed: list[Message]
) -> None:
    from mentorpair.demo import DemoSession

    from mentorpair.ui.main_window import MainWindow
    from mentorpair.ui.pair.agenda_dialogs import AgendaItemDialog
    from mentorpair.ui.pair.goals import GoalsTab
    from mentorpair.ui.preferences import PreferencesDialog

    plain, patterns = english_patterns(committed)
    with DemoSession() as session:
        window = MainWindow(
            session.vault_folder(session.side), settings, vault=session.vault, demo_session=session
        )
        qtbot.addWidget(window)
        window.show()
        left: list[tuple[str, str]] = []
        for _side in range(2):  # the mentee's copy, then the mentor's
            view = window.workspace.pair_view
            assert view is not None
            for index in range(view.tabs.count()):
                view.tabs.setCurrentIndex(index)
                if view.tabs.currentWidget() is view.pages["goals"]:
                    goals = view.pages["goals"]
                    assert isinstance(goals, GoalsTab)
                    goals.table.selectRow(0)  # its milestones and history
                left += english_left(window, plain, patterns)
            dialog = AgendaItemDialog(list(view.context.state.goals.values()), None, window)
            qtbot.addWidget(dialog)
            left += english_left(dialog, plain, patterns)
            picker = [dialog.goal.itemText(i) for i in range(dialog.goal.count())]
            left += [("goal picker", text) for text in picker if text in plain]
            window.switch_demo_side()
        window.show_search()
        window.search_panel.box.setText("OSCE")
        qtbot.waitUntil(lambda: window.search_panel.model.rowCount() > 0, timeout=5000)
        left += english_left(window.search_dock, plain, patterns)
        assert window.vault is not None
        preferences = PreferencesDialog(window.vault, settings, window)
        qtbot.addWidget(preferences)
        for index in range(preferences.tabs.count()):
            preferences.tabs.setCurrentIndex(index)
            left += english_left(preferences, plain, patterns)
        assert preferences.tabs.tabText(0) == "&Allgemein"
        preferences.close()
        window.lock()
        left += english_left(window, plain, patterns)
        window.close()
    assert sorted(set(left)) == []


def test_the_translator_can_be_loaded(qapp: QApplication) -> None:
    translator = QTranslator()
    assert translator.load(str(QM_FILE))
    assert translator.translate("Wording", "Achieved", "goal status") == "Erreicht"


@pytest.mark.warnings_expected
def test_a_bundle_without_the_german_file_starts_in_english_and_says_why(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def missing(*parts: str) -> Path:
        raise FileNotFoundError("/".join(parts))

    caplog.set_level("INFO", logger="mentorpair")
    monkeypatch.setattr(i18n, "resource_path", missing)
    try:
        i18n.apply_language(qapp, "de")  # no exception: a window in English beats none
        assert QCoreApplication.translate("MainWindow", "&File") == "&File"
        assert "its translation file is missing" in caplog.text
    finally:
        i18n.remove_language(qapp)
    monkeypatch.undo()
    i18n.apply_language(qapp, "de")
    try:
        assert "window language de: translation loaded" in caplog.text
    finally:
        i18n.remove_language(qapp)
