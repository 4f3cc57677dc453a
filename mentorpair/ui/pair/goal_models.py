"""Item models of the goals tab: the goals, one goal's milestones, history and reflections.

Each model is a thin, read-mostly adapter over frozen domain values; the tab
hands it fresh values after every change and the model announces only the
rows that came, went, moved or changed (:class:`~mentorpair.ui.keyed_rows.KeyedRows`),
so the selection, keyboard focus and scroll position survive a refresh (a
ticked milestone keeps focus on the next row to tick) and a view measures
only those rows again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    Qt,
)
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionProgressBar,
    QStyleOptionViewItem,
)

from mentorpair.domain.model import Goal, GoalChange, GoalStatus, Milestone, Note, Role

from mentorpair.ui.keyed_rows import KeyedRows, RowChanges
from mentorpair.ui.wording import (
    format_date,
    format_datetime,
    goal_change_words,
    role_word,
    status_word,
)

__all__ = [
    "GOAL_ID_ROLE",
    "ID_ROLE",
    "PROGRESS_ROLE",
    "GoalsModel",
    "HistoryModel",
    "MilestonesModel",
    "ProgressDelegate",
    "ReflectionsModel",
    "goal_sort_key",
    "readable_check_boxes",
]

Index = QModelIndex | QPersistentModelIndex

# The goal's id, on every cell of its row.
GOAL_ID_ROLE = Qt.ItemDataRole.UserRole + 1
# Progress in percent as an int, for the progress bar delegate.
PROGRESS_ROLE = Qt.ItemDataRole.UserRole + 2
# The id of a milestone or reflection in the detail lists.
ID_ROLE = Qt.ItemDataRole.UserRole + 3

# The order goals are listed in: what is being worked on first, closed ones last.
_STATUS_ORDER = {
    GoalStatus.ACTIVE: 0,
    GoalStatus.PROPOSED: 1,
    GoalStatus.PAUSED: 2,
    GoalStatus.ACHIEVED: 3,
    GoalStatus.DROPPED: 4,
}
CLOSED = frozenset({GoalStatus.ACHIEVED, GoalStatus.DROPPED})


def goal_sort_key(goal: Goal) -> tuple[int, int, date, str, str]:
    """By status, then target date (goals without one after those with), then title."""
    return (
        _STATUS_ORDER[goal.status],
        goal.target is None,
        goal.target or date.min,
        goal.title.casefold(),
        goal.goal_id,
    )


def readable_check_boxes(view: QAbstractItemView) -> None:
    """Give the check boxes inside ``view`` an outline that shows on its background.

    Fusion outlines an item's check box in the window colour darkened, which
    in the dark theme is the list's own background: the boxes vanish. A
    window colour half-way between background and text keeps them visible in
    both themes; call again when the palette changes.
    """
    app_palette = QApplication.palette()
    base, text = (
        app_palette.color(QPalette.ColorRole.Base),
        app_palette.color(QPalette.ColorRole.Text),
    )
    middle = QColor(
        (base.red() + text.red()) // 2,
        (base.green() + text.green()) // 2,
        (base.blue() + text.blue()) // 2,
    )
    palette = view.palette()
    palette.setColor(QPalette.ColorRole.Window, middle)
    view.setPalette(palette)


def _none_word() -> str:
    return QApplication.translate("GoalsModel", "—")


class GoalsModel(QAbstractTableModel):
    """The pair's goals, one per row, in :func:`goal_sort_key` order.

    Attributes:
        hidden_count: goals left out because they are achieved or dropped.
    """

    GOAL, CATEGORY, STATUS, PROGRESS, TARGET = range(5)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._goals: KeyedRows[str, Goal] = KeyedRows(self, lambda goal: goal.goal_id)
        self.hidden_count = 0
        self._headers = (
            self.tr("Goal"),
            self.tr("Category"),
            self.tr("Status"),
            self.tr("Progress"),
            self.tr("Target date"),
        )

    def set_goals(self, goals: Iterable[Goal], show_closed: bool) -> RowChanges:
        """Show ``goals``; achieved and dropped ones only if ``show_closed``.

        Only the rows that changed are announced; return which.
        """
        every = sorted(goals, key=goal_sort_key)
        shown = [g for g in every if show_closed or g.status not in CLOSED]
        self.hidden_count = len(every) - len(shown)
        return self._goals.replace(shown)

    def goal_at(self, row: int) -> Goal | None:
        """The goal shown in ``row``, if any."""
        return self._goals.at(row)

    def row_of(self, goal_id: str) -> int:
        """The row showing ``goal_id``, or -1."""
        return self._goals.row_of(goal_id)

    # QAbstractItemModel.rowCount
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Number of rows (a flat model has no children)."""
        return 0 if parent.isValid() else len(self._goals)

    # QAbstractItemModel.columnCount
    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Number of columns (a flat model has no children)."""
        return 0 if parent.isValid() else len(self._headers)

    # QAbstractItemModel.data
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """What a cell shows or carries, by role."""
        goal = self.goal_at(index.row()) if index.isValid() else None
        if goal is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(goal, column)
        if role == GOAL_ID_ROLE:
            return goal.goal_id
        if role == PROGRESS_ROLE and column == self.PROGRESS:
            return goal.progress
        if role == Qt.ItemDataRole.ToolTipRole and column == self.GOAL and goal.description:
            return goal.description
        if role == Qt.ItemDataRole.AccessibleTextRole and column == self.PROGRESS:
            return self.tr("{0} percent done").format(goal.progress)
        return None

    def _display(self, goal: Goal, column: int) -> str:
        if column == self.GOAL:
            return goal.title
        if column == self.CATEGORY:
            return goal.category or _none_word()
        if column == self.STATUS:
            return status_word(goal.status)
        if column == self.PROGRESS:
            return self.tr("{0} %").format(goal.progress)
        return format_date(goal.target) if goal.target else self.tr("No date")

    # QAbstractItemModel.headerData
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None


class ProgressDelegate(QStyledItemDelegate):
    """Draws a goal's progress as a bar with its percentage written on it."""

    # QStyledItemDelegate.paint
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        """Paint the cell background, then the bar with its percentage."""
        value = index.data(PROGRESS_ROLE)
        if not isinstance(value, int):
            super().paint(painter, option, index)
            return
        # The cell background (selection highlight) first, then the bar inside it.
        base = QStyleOptionViewItem(option)
        self.initStyleOption(base, index)
        base.text = ""
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, base, painter, widget)
        bar = QStyleOptionProgressBar()
        rect: QRect = option.rect
        bar.rect = rect.adjusted(4, 4, -4, -4)
        bar.minimum = 0
        bar.maximum = 100
        bar.progress = value
        bar.text = str(index.data(Qt.ItemDataRole.DisplayRole))
        bar.textVisible = True
        bar.textAlignment = Qt.AlignmentFlag.AlignCenter
        # Drawn as in an unselected row: a highlight-coloured bar on a
        # highlight-coloured row (high contrast: yellow on yellow) is unreadable.
        bar.state = (
            option.state & ~QStyle.StateFlag.State_Selected
        ) | QStyle.StateFlag.State_Horizontal
        bar.palette = option.palette
        # Fusion leaves the groove see-through: give it the unselected background.
        painter.fillRect(bar.rect, option.palette.color(QPalette.ColorRole.Base))
        style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter, widget)


class MilestonesModel(QAbstractListModel):
    """One goal's milestones, with a check box the mentee ticks when one is done."""

    def __init__(
        self, on_toggle: Callable[[str, bool], None], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._on_toggle = on_toggle
        self._milestones: KeyedRows[str, Milestone] = KeyedRows(self, lambda m: m.milestone_id)
        self._editable = False

    def set_milestones(self, milestones: Sequence[Milestone], editable: bool) -> None:
        """Show ``milestones``; ``editable`` lets the check boxes be ticked."""
        all_changed = editable != self._editable
        self._editable = editable
        self._milestones.replace(milestones, all_changed=all_changed)

    # QAbstractItemModel.rowCount
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Number of rows (a flat model has no children)."""
        return 0 if parent.isValid() else len(self._milestones)

    # QAbstractItemModel.data
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """What a cell shows or carries, by role."""
        m = self._milestones.at(index.row()) if index.isValid() else None
        if m is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            due = self.tr(" — due {0}").format(format_date(m.due)) if m.due else ""
            done = self.tr(" (done)") if m.done else ""
            return f"{m.title}{due}{done}"
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if m.done else Qt.CheckState.Unchecked
        if role == ID_ROLE:
            return m.milestone_id
        return None

    # QAbstractItemModel.flags
    def flags(self, index: Index) -> Qt.ItemFlag:
        """Enabled and selectable; checkable only for the mentee."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._editable:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    # QAbstractItemModel.setData
    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """A ticked or unticked check box: the tab records the change."""
        milestone = self._milestones.at(index.row()) if index.isValid() else None
        if role != Qt.ItemDataRole.CheckStateRole or not self._editable or milestone is None:
            return False
        done = Qt.CheckState(value) == Qt.CheckState.Checked
        if done != milestone.done:
            # The tab records the change; the refresh that follows shows it.
            self._on_toggle(milestone.milestone_id, done)
        return True


class HistoryModel(QAbstractTableModel):
    """A goal's history, newest first: when, who, what changed."""

    WHEN, WHO, WHAT = range(3)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # A goal's changes have no id and are only ever added: the place in the
        # goal's list (oldest 0) is one, so a new change is one row inserted on top.
        self._changes: KeyedRows[int, tuple[int, GoalChange]] = KeyedRows(self, lambda c: c[0])
        self._my_role = Role.MENTEE
        self._headers = (self.tr("When"), self.tr("Who"), self.tr("What changed"))

    def set_history(self, changes: Sequence[GoalChange], my_role: Role) -> None:
        """Show ``changes`` (oldest first, as the goal keeps them) newest first."""
        all_changed = my_role is not self._my_role
        self._my_role = my_role
        self._changes.replace(list(reversed(list(enumerate(changes)))), all_changed=all_changed)

    # QAbstractItemModel.rowCount
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Number of rows (a flat model has no children)."""
        return 0 if parent.isValid() else len(self._changes)

    # QAbstractItemModel.columnCount
    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Number of columns (a flat model has no children)."""
        return 0 if parent.isValid() else len(self._headers)

    # QAbstractItemModel.data
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """What a cell shows or carries, by role."""
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        numbered = self._changes.at(index.row()) if index.isValid() else None
        if numbered is None:
            return None
        change = numbered[1]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{format_datetime(change.at)}\n{goal_change_words(change)}"
        if index.column() == self.WHEN:
            return format_date(change.at.astimezone().date())
        if index.column() == self.WHO:
            # The goal is the mentee's: the partner is named by role, not by name.
            return role_word(change.author, self._my_role)
        return goal_change_words(change)

    # QAbstractItemModel.headerData
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None


class ReflectionsModel(QAbstractListModel):
    """The mentor's own reflections on one goal, newest first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._notes: KeyedRows[str, Note] = KeyedRows(self, lambda n: n.note_id)

    def set_notes(self, notes: Iterable[Note]) -> None:
        """Show ``notes`` (empty to forget them, as in presenter mode)."""
        self._notes.replace(sorted(notes, key=lambda n: (n.updated_at, n.note_id), reverse=True))

    def note_at(self, row: int) -> Note | None:
        """The reflection shown in ``row``, if any."""
        return self._notes.at(row)

    # QAbstractItemModel.rowCount
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Number of rows (a flat model has no children)."""
        return 0 if parent.isValid() else len(self._notes)

    # QAbstractItemModel.data
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """What a cell shows or carries, by role."""
        note = self.note_at(index.row()) if index.isValid() else None
        if note is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            lines = note.text.strip().splitlines() or [self.tr("Untitled")]
            title = note.title or lines[0][:80]
            return self.tr("{0} — {1}").format(title, format_date(note.updated_at.astimezone()))
        if role == Qt.ItemDataRole.ToolTipRole:
            return note.text
        if role == ID_ROLE:
            return note.note_id
        return None
