"""Journeys at the sizes people use: nothing cut off at 1280 px, every tab in view at 800 px.

Through the real demo window: the goal picker says each goal's status, goal
titles, milestones and history wrap instead of ending in "…", search results
wrap to the dock's width, and at 800×600 all eight tabs sit in the tab bar
without scroll arrows.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QStyleOptionViewItem

from mentorpair.demo import DemoSession
from mentorpair.domain.model import GoalStatus

from mentorpair.ui import workers
from mentorpair.ui.main_window import MainWindow
from mentorpair.ui.pair.agenda_dialogs import AgendaItemDialog
from mentorpair.ui.pair.goals import GoalsTab


@pytest.fixture
def demo(qtbot, settings) -> Iterator[tuple[MainWindow, object]]:
    with DemoSession() as session:
        window = MainWindow(
            session.vault_folder(session.side), settings, vault=session.vault, demo_session=session
        )
        qtbot.addWidget(window)
        window.show()
        try:
            yield window, qtbot
        finally:
            window.close()
            qtbot.waitUntil(lambda: workers.pending_count() == 0, timeout=10_000)


def sized(demo, width: int, height: int) -> MainWindow:
    window, qtbot = demo
    assert isinstance(window, MainWindow)
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.width() == width)
    qtbot.wait(50)  # the deferred refits after a resize
    return window


def texts(combo: QComboBox) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def test_the_goal_picker_puts_open_goals_first_and_says_each_status(demo, qtbot):
    window = sized(demo, 1280, 800)
    view = window.workspace.pair_view
    assert view is not None
    goals = list(view.context.state.goals.values())
    by_status = {g.status: g.title for g in goals}
    assert GoalStatus.ACHIEVED in by_status and GoalStatus.ACTIVE in by_status
    dialog = AgendaItemDialog(goals, None, window)
    qtbot.addWidget(dialog)
    shown = texts(dialog.goal)
    assert shown[0] == "No goal"
    achieved = f"{by_status[GoalStatus.ACHIEVED]} (Achieved)"
    assert achieved in shown
    assert f"{by_status[GoalStatus.PAUSED]} (Paused)" in shown
    assert by_status[GoalStatus.ACTIVE] in shown  # active: no mark
    # Every goal still being worked on comes before the achieved ones, after a line.
    first_closed = shown.index(achieved)
    assert dialog.goal.itemText(first_closed - 1) == ""  # the separator
    assert all("(Achieved)" not in text for text in shown[:first_closed])


def needed_height(view: QAbstractItemView, index: QModelIndex, width: int) -> int:
    text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
    flags = int(Qt.TextFlag.TextWordWrap)
    return view.fontMetrics().boundingRect(QRect(0, 0, width, 10_000), flags, text).height()


@pytest.mark.parametrize("size", [(1280, 800), (800, 600)], ids=["1280x800", "800x600"])
def test_goal_titles_milestones_and_history_are_never_cut_off(demo, size):
    window = sized(demo, *size)
    view = window.workspace.pair_view
    assert view is not None
    tab = view.show_page("goals")
    assert isinstance(tab, GoalsTab)
    tab.table.selectRow(0)
    demo[1].wait(50)
    checked = 0
    for table, column in ((tab.table, 0), (tab.history_view, 2)):
        assert table.textElideMode() == Qt.TextElideMode.ElideNone
        model = table.model()
        for row in range(model.rowCount()):
            index = model.index(row, column)
            width = table.columnWidth(column) - 8
            assert table.rowHeight(row) >= needed_height(table, index, width), index.data()
            checked += 1
    milestones = tab.milestones_view
    for row in range(milestones.model().rowCount()):
        index = milestones.model().index(row, 0)
        rect = milestones.visualRect(index)
        width = rect.width() - 24  # the check box and its margins
        assert rect.height() >= needed_height(milestones, index, width), index.data()
        assert rect.bottom() <= milestones.viewport().height(), "a milestone below the box"
        checked += 1
    assert checked > 10


@pytest.mark.parametrize("size", [(800, 600), (1280, 800)], ids=["800x600", "1280x800"])
def test_every_tab_is_in_view_without_scroll_arrows(demo, size):
    window = sized(demo, *size)
    view = window.workspace.pair_view
    assert view is not None
    bar = view.tabs.tabBar()
    for index in range(bar.count()):
        assert bar.tabRect(index).right() <= bar.width(), bar.tabText(index)
    assert not bar.usesScrollButtons()
    if size[0] == 1280:
        assert bar.tabText(1) == "&Meetings and agenda"
    assert view.tabs.tabToolTip(1) == "Meetings and agenda"


def test_search_results_wrap_to_the_dock_instead_of_being_cut(demo):
    window = sized(demo, 1280, 800)
    window.show_search()
    panel = window.search_panel
    panel.box.setText("OSCE")
    qtbot = demo[1]
    qtbot.waitUntil(lambda: panel.model.rowCount() > 3, timeout=5000)
    assert window.search_dock.width() >= 320
    delegate = panel.results.itemDelegate()
    index = panel.model.index(0, 0)
    option = QStyleOptionViewItem()
    option.initFrom(panel.results)
    option.widget = panel.results
    wide = delegate.sizeHint(option, index).height()
    window.resizeDocks([window.search_dock], [200], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: window.search_dock.width() < 260)
    narrow = delegate.sizeHint(option, index).height()
    assert narrow > wide  # the words wrap onto more lines rather than running off


def test_in_german_every_tab_is_in_view_at_800(qtbot, settings, qapp):
    # German labels are longer: the tabs tighten rather than hide behind arrows.
    from mentorpair.ui import i18n

    i18n.apply_language(qapp, "de")
    try:
        with DemoSession() as session:
            window = MainWindow(
                session.vault_folder(session.side), settings, vault=session.vault,
                demo_session=session,
            )  # fmt: skip
            qtbot.addWidget(window)
            window.show()
            window.resize(800, 600)
            qtbot.waitUntil(lambda: window.width() == 800)
            view = window.workspace.pair_view
            assert view is not None
            bar = view.tabs.tabBar()
            assert bar.tabText(7) == "&Gegenüber"
            assert not bar.usesScrollButtons()
            for index in range(bar.count()):
                assert bar.tabRect(index).right() <= bar.width(), bar.tabText(index)
                text = bar.tabText(index).replace("&", "")
                shown = bar.fontMetrics().horizontalAdvance(text)
                assert bar.tabRect(index).width() > shown, f"{text} is cut short"
            window.close()
    finally:
        i18n.remove_language(qapp)
