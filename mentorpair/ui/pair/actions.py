"""The actions tab: what the pair agreed at their meetings — what, who, by when, done.

Either partner may add, edit and tick an action (the seeds: the mentee
chooses the actions, but both keep track of them). Overdue actions say so in
words in their own column, with a colour as a second cue, never colour alone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QItemSelection,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QKeySequence, QPalette, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mentorpair.domain.events import EventKind
from mentorpair.domain.model import Action, Meeting, Role
from mentorpair.domain.state import MAX_TITLE
from mentorpair.storage.workspace import new_id

from mentorpair.ui.keyed_rows import KeyedRows, RowChanges
from mentorpair.ui.pair.base import PairContext, PairTab
from mentorpair.ui.pair.goal_forms import OptionalDateField, dialog_buttons, empty_page
from mentorpair.ui.pair.goal_models import readable_check_boxes
from mentorpair.ui.table_fit import TableFit
from mentorpair.ui.widgets import buddy_label
from mentorpair.ui.wording import format_date, format_datetime, mode_word, role_word

__all__ = ["ACTION_ID_ROLE", "OVERDUE_ROLE", "ActionDialog", "ActionsModel", "ActionsTab"]

Index = QModelIndex | QPersistentModelIndex

# The action's id, on every cell of its row.
ACTION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
# True on every cell of an overdue action's row.
OVERDUE_ROLE = Qt.ItemDataRole.UserRole + 2

# Below this width the meeting column is left out.
_MEETING_COLUMN_MIN = 760

# The theme's error colours (light, dark): readable on either background.
_OVERDUE_COLOURS = ("#b3261e", "#f2b8b5")


def _overdue_colour() -> QColor:
    dark = QApplication.palette().color(QPalette.ColorRole.Base).lightness() < 128
    return QColor(_OVERDUE_COLOURS[dark])


def action_sort_key(action: Action) -> tuple[bool, bool, date, str, str]:
    """Open before done, then by due date (undated last), then alphabetically."""
    return (
        action.done,
        action.due is None,
        action.due or date.max,
        action.what.casefold(),
        action.action_id,
    )


def _local_date(at: datetime) -> date:
    return at.astimezone().date()


def _meeting_day(meeting: Meeting | None) -> date | None:
    return _local_date(meeting.starts_at) if meeting is not None else None


class ActionsModel(QAbstractTableModel):
    """The pair's actions, one per row, open ones first and soonest due first.

    Attributes:
        hidden_count: done actions left out by the "Hide done" filter.
    """

    DONE, WHAT, WHO, DUE, STATUS, MEETING = range(6)

    def __init__(
        self, on_toggle: Callable[[str, bool], None], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._on_toggle = on_toggle
        # Each action with the day of its meeting (what the Meeting column shows),
        # so a row changes when its meeting moves, and only then.
        self._actions: KeyedRows[str, tuple[Action, date | None]] = KeyedRows(
            self, lambda row: row[0].action_id
        )
        self._my_role = Role.MENTEE
        self._partner = ""
        self._today = date.min
        self._editable = False
        self.hidden_count = 0
        self._headers = (
            self.tr("Done"),
            self.tr("What"),
            self.tr("Who"),
            self.tr("Due"),
            self.tr("Status"),
            self.tr("Meeting"),
        )

    def set_actions(
        self,
        actions: Iterable[Action],
        *,
        meetings: Mapping[str, Meeting],
        my_role: Role,
        partner_name: str,
        today: date,
        hide_done: bool,
        editable: bool,
    ) -> RowChanges:
        """Show ``actions`` as of ``today``; ``editable`` lets the Done boxes be ticked.

        Only the rows that changed are announced (all of them if the reader,
        the day or editing changed); return which.
        """
        every = sorted(actions, key=action_sort_key)
        shown = [
            (a, _meeting_day(meetings.get(a.meeting_id or "")))
            for a in every
            if not (hide_done and a.done)
        ]
        self.hidden_count = len(every) - len(shown)
        context = (my_role, partner_name, today, editable)
        all_changed = context != (self._my_role, self._partner, self._today, self._editable)
        self._my_role, self._partner, self._today, self._editable = context
        return self._actions.replace(shown, all_changed=all_changed)

    def action_at(self, row: int) -> Action | None:
        """The action shown in ``row``, if any."""
        shown = self._actions.at(row)
        return None if shown is None else shown[0]

    def row_of(self, action_id: str) -> int:
        """The row showing ``action_id``, or -1."""
        return self._actions.row_of(action_id)

    def who(self, owner: Role) -> str:
        """Says "Me" for the reader, else the partner's name (their role when unnamed)."""
        if owner is self._my_role:
            return self.tr("Me")
        return role_word(owner, self._my_role, self._partner)

    def status(self, action: Action) -> str:
        """Where an action stands, in words."""
        if action.done:
            return self.tr("Done")
        if action.overdue(self._today):
            return self.tr("Overdue")
        if action.due == self._today:
            return self.tr("Due today")
        return self.tr("To do")

    # QAbstractItemModel.rowCount
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Number of actions shown (a flat table has no children)."""
        return 0 if parent.isValid() else len(self._actions)

    # QAbstractItemModel.columnCount
    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Number of columns (a flat table has no children)."""
        return 0 if parent.isValid() else len(self._headers)

    # QAbstractItemModel.data
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """What a cell shows or carries, by role."""
        shown = self._actions.at(index.row()) if index.isValid() else None
        if shown is None:
            return None
        action, meeting_day = shown
        column = index.column()
        overdue = action.overdue(self._today)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(action, meeting_day, column)
        if role == Qt.ItemDataRole.CheckStateRole and column == self.DONE:
            return Qt.CheckState.Checked if action.done else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.AccessibleTextRole and column == self.DONE:
            return self.tr("Done") if action.done else self.tr("Not done")
        if role == Qt.ItemDataRole.ToolTipRole and column == self.WHAT:
            return action.what
        if role == Qt.ItemDataRole.ForegroundRole:
            if overdue and column in (self.STATUS, self.DUE):
                return _overdue_colour()
            if action.done:
                return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.FontRole and overdue and column == self.STATUS:
            font = QFont()
            font.setBold(True)
            return font
        if role == ACTION_ID_ROLE:
            return action.action_id
        if role == OVERDUE_ROLE:
            return overdue
        return None

    def _display(self, action: Action, meeting_day: date | None, column: int) -> str | None:
        if column == self.WHAT:
            return action.what
        if column == self.WHO:
            return self.who(action.owner)
        if column == self.DUE:
            return format_date(action.due) if action.due else self.tr("No date")
        if column == self.STATUS:
            return self.status(action)
        if column == self.MEETING:
            return format_date(meeting_day) if meeting_day else "—"
        return None

    # QAbstractItemModel.flags
    def flags(self, index: Index) -> Qt.ItemFlag:
        """Enabled and selectable; the Done box is checkable while the pair is open."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._editable and index.column() == self.DONE:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    # QAbstractItemModel.setData
    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """A ticked or unticked Done box: the tab records the change."""
        action = self.action_at(index.row()) if index.isValid() else None
        if (
            action is None
            or role != Qt.ItemDataRole.CheckStateRole
            or index.column() != self.DONE
            or not self._editable
        ):
            return False
        done = Qt.CheckState(value) == Qt.CheckState.Checked
        if done != action.done:
            self._on_toggle(action.action_id, done)
        return True

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


class ActionDialog(QDialog):
    """Adds or edits one action: what, who, by when, and (when added) the meeting.

    Attributes:
        action: the action being edited, or None for a new one.
    """

    def __init__(
        self,
        action: Action | None,
        *,
        my_role: Role,
        partner_name: str,
        meetings: Iterable[Meeting],
        now: datetime,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.action = action
        self.setWindowTitle(self.tr("New action") if action is None else self.tr("Edit action"))
        self.setMinimumWidth(460)
        self.what_edit = QLineEdit(self)
        self.what_edit.setMaxLength(MAX_TITLE)
        self.what_edit.setAccessibleName(self.tr("What"))
        self.what_edit.setPlaceholderText(self.tr("For example: Ask the clinical lead for a slot"))
        self.who_combo = QComboBox(self)
        self.who_combo.setAccessibleName(self.tr("Who"))
        for role in (Role.MENTEE, Role.MENTOR):
            who = self.tr("Me") if role is my_role else role_word(role, my_role, partner_name)
            label = (
                self.tr("{0} (mentee)").format(who)
                if role is Role.MENTEE
                else self.tr("{0} (mentor)").format(who)
            )
            self.who_combo.addItem(label, role.value)
        today = _local_date(now)
        self.due = OptionalDateField(
            self.tr("Has a &due date"), self.tr("Due date"), today + timedelta(days=14), self
        )
        self.meeting_combo = QComboBox(self)
        self.meeting_combo.setAccessibleName(self.tr("Agreed at meeting"))
        self.meeting_combo.addItem(self.tr("Not linked to a meeting"), None)
        ordered = sorted(meetings, key=lambda m: (m.starts_at, m.meeting_id), reverse=True)
        for meeting in ordered:
            self.meeting_combo.addItem(
                self.tr("{0} · {1}").format(
                    format_datetime(meeting.starts_at), mode_word(meeting.mode)
                ),
                meeting.meeting_id,
            )
        form = QFormLayout()
        form.addRow(buddy_label(self.tr("&What:"), self.what_edit), self.what_edit)
        form.addRow(buddy_label(self.tr("W&ho:"), self.who_combo), self.who_combo)
        form.addRow(self.tr("Due:"), self.due)
        form.addRow(buddy_label(self.tr("&Meeting:"), self.meeting_combo), self.meeting_combo)
        self.buttons, self.ok_button = dialog_buttons(
            self, self.tr("Add action") if action is None else self.tr("Save changes")
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

        if action is None:
            # The mentee chooses the actions; most are theirs, agreed at the meeting just held.
            self.who_combo.setCurrentIndex(self.who_combo.findData(Role.MENTEE.value))
            self.due.set_value(today + timedelta(days=14))
            held = [m for m in ordered if m.starts_at <= now and not m.cancelled]
            if held:
                self.meeting_combo.setCurrentIndex(self.meeting_combo.findData(held[0].meeting_id))
        else:
            self.what_edit.setText(action.what)
            self.who_combo.setCurrentIndex(self.who_combo.findData(action.owner.value))
            self.due.set_value(action.due)
            row = self.meeting_combo.findData(action.meeting_id) if action.meeting_id else 0
            self.meeting_combo.setCurrentIndex(max(row, 0))
            # The domain keeps the meeting an action came from; it is shown, not changed.
            self.meeting_combo.setEnabled(False)
            self.meeting_combo.setToolTip(self.tr("The meeting an action came from stays fixed."))
        self.what_edit.textChanged.connect(self._validate)
        self._validate()

    def _validate(self) -> None:
        self.ok_button.setEnabled(bool(self.what_edit.text().strip()))

    def values(self) -> dict[str, Any]:
        """What, owner and due date as an action event carries them."""
        due = self.due.value()
        return {
            "what": self.what_edit.text().strip(),
            "owner": str(self.who_combo.currentData()),
            "due": None if due is None else due.isoformat(),
        }

    def meeting_id(self) -> str | None:
        """The meeting chosen for a new action, if any."""
        data = self.meeting_combo.currentData()
        return data if isinstance(data, str) else None

    def changes(self) -> dict[str, Any]:
        """The fields that differ from the action being edited (all for a new one)."""
        values = self.values()
        if self.action is None:
            return values
        a = self.action
        before = {
            "what": a.what,
            "owner": a.owner.value,
            "due": None if a.due is None else a.due.isoformat(),
        }
        return {key: value for key, value in values.items() if before[key] != value}


class ActionsTab(PairTab):
    """The table of actions with Add, Edit, Mark done and a Hide done filter.

    Attributes:
        model: the actions shown.
        action_dialog: the form while it is open (tests reach it here), else None.
    """

    def __init__(self, context: PairContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.action_dialog: ActionDialog | None = None
        self.summary = QLabel(self)
        self.summary.setObjectName("hint")
        self.summary.setWordWrap(True)
        self.add_button = QPushButton(self.tr("&Add action…"), self)
        self.add_button.setAccessibleName(self.tr("Add action"))
        self.add_button.setToolTip(self.tr("Write down something you agreed (Ctrl+N)"))
        self.add_button.clicked.connect(self.add_action)
        self.edit_button = QPushButton(self.tr("Ed&it action…"), self)
        self.edit_button.setAccessibleName(self.tr("Edit action"))
        self.edit_button.clicked.connect(self.edit_action)
        self.done_button = QPushButton(self.tr("Mar&k done"), self)
        self.done_button.setAccessibleName(self.tr("Mark done"))
        self.done_button.clicked.connect(self.toggle_done)
        self.hide_done = QCheckBox(self.tr("Hide &done"), self)
        self.hide_done.setAccessibleName(self.tr("Hide done actions"))
        self.hide_done.toggled.connect(lambda _on: self.refresh())
        bar = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.done_button):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.hide_done)

        self.model = ActionsModel(self._set_done, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Actions"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        readable_check_boxes(self.table)
        header = self.table.horizontalHeader()
        header.setAccessibleName(self.tr("Action columns"))
        self.table.verticalHeader().setAccessibleName(self.tr("Action rows"))
        header.setSectionResizeMode(ActionsModel.WHAT, QHeaderView.ResizeMode.Stretch)
        # Rows do not wrap (one height for all); the other columns fit their text,
        # measured only for rows that changed (ResizeToContents measured every row).
        self.table_fit = TableFit(
            self.table,
            columns=[c for c in range(self.model.columnCount()) if c != ActionsModel.WHAT],
            rows=False,
        )
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.table.activated.connect(self._on_activated)
        self.hidden_hint = QLabel(self)
        self.hidden_hint.setObjectName("hint")
        self.empty_label = QLabel(self)
        self.empty_page = empty_page(self.empty_label, self)
        table_page = QWidget(self)
        table_layout = QVBoxLayout(table_page)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addWidget(self.table, 1)
        table_layout.addWidget(self.hidden_hint)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(table_page)
        self.stack.addWidget(self.empty_page)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 10, 0, 0)
        layout.addWidget(self.summary)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)

        shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.New), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.add_action)
        # Filled when first shown (PairTab.showEvent), not while the pair opens.

    # ------------------------------------------------------------- showing
    @property
    def _editable(self) -> bool:
        return not self.context.read_only

    def _today(self) -> date:
        return _local_date(self.context.clock())

    def refresh(self) -> None:
        """Re-read the actions, keep the selected one selected, and update the summary."""
        state = self.context.state
        today = self._today()
        selected = self.current_action()
        self.model.set_actions(
            state.actions.values(),
            meetings=state.meetings,
            my_role=state.my_role,
            partner_name=state.partner_name,
            today=today,
            hide_done=self.hide_done.isChecked(),
            editable=self._editable,
        )
        self.add_button.setVisible(self._editable)
        # With nothing to edit or tick, only Add is offered.
        for button in (self.edit_button, self.done_button):
            button.setVisible(self._editable and bool(state.actions))
        self.hide_done.setVisible(bool(state.actions))
        self.summary.setText(self._summary(state.actions.values(), today))
        if not state.actions:
            self.empty_label.setText(
                self.tr(
                    "No actions yet.\n\nWhen you agree something at a meeting — who does what "
                    "by when — add it here with Add action (Ctrl+N). Either of you can add "
                    "actions and tick them off."
                )
                if self._editable
                else self.tr("No actions were agreed in this relationship.")
            )
            self.stack.setCurrentWidget(self.empty_page)
        else:
            self.stack.setCurrentIndex(0)
        hidden = self.model.hidden_count
        self.hidden_hint.setVisible(hidden > 0)
        self.hidden_hint.setText(
            self.tr("1 done action is hidden: untick “Hide done” to see it.")
            if hidden == 1
            else self.tr("{0} done actions are hidden: untick “Hide done” to see them.").format(
                hidden
            )
        )
        # Nothing is selected at first, so the first (most urgent) row shows its
        # overdue colour instead of the selection colour.
        row = self.model.row_of(selected.action_id) if selected else -1
        if row >= 0:
            self.table.selectRow(row)
        self._update_buttons()

    def _summary(self, actions: Iterable[Action], today: date) -> str:
        actions = list(actions)
        if self.context.read_only:
            return self.tr("This relationship has ended; its actions are kept read-only.")
        if not actions:
            return self.tr("Actions you agree at meetings: what, who, by when.")
        open_count = sum(not a.done for a in actions)
        late = sum(a.overdue(today) for a in actions)
        if open_count == 0:
            return self.tr("Everything agreed is done.")
        if late:
            return self.tr("{0} to do, {1} overdue.").format(open_count, late)
        return self.tr("{0} to do, none overdue.").format(open_count)

    def current_action(self) -> Action | None:
        """The action selected in the table, as it is now."""
        rows = self.table.selectionModel().selectedRows()
        action = self.model.action_at(rows[0].row()) if rows else None
        return None if action is None else self.context.state.actions.get(action.action_id)

    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._update_buttons()

    def _update_buttons(self) -> None:
        action = self.current_action()
        self.edit_button.setEnabled(action is not None)
        self.done_button.setEnabled(action is not None)
        done = action is not None and action.done
        self.done_button.setText(self.tr("Mar&k not done") if done else self.tr("Mar&k done"))
        self.done_button.setAccessibleName(
            self.tr("Mark not done") if done else self.tr("Mark done")
        )

    def _on_activated(self, index: QModelIndex) -> None:
        # Enter or double-click on the Done box is a tick, not a request to edit.
        if index.column() != ActionsModel.DONE:
            self.edit_action()

    # QWidget.resizeEvent
    def resizeEvent(self, event: QResizeEvent) -> None:
        """On a narrow window the meeting column gives its room to the action's text."""
        super().resizeEvent(event)
        self.table.setColumnHidden(ActionsModel.MEETING, event.size().width() < _MEETING_COLUMN_MIN)

    # QWidget.changeEvent
    def changeEvent(self, event: QEvent) -> None:
        """Follow a theme change in the check boxes and the overdue colour."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            readable_check_boxes(self.table)

    # ------------------------------------------------------------- changes
    def add_action(self) -> None:
        """Open the form for a new action."""
        if self._editable:
            self._open_dialog(None)

    def edit_action(self) -> None:
        """Open the selected action for editing."""
        action = self.current_action()
        if action is not None and self._editable:
            self._open_dialog(action)

    def _open_dialog(self, action: Action | None) -> None:
        state = self.context.state
        dialog = ActionDialog(
            action,
            my_role=state.my_role,
            partner_name=state.partner_name,
            meetings=state.meetings.values(),
            now=self.context.clock(),
            parent=self,
        )
        dialog.accepted.connect(lambda: self._save(dialog))
        dialog.finished.connect(lambda _result: self._forget(dialog))
        self.action_dialog = dialog
        dialog.open()

    def _forget(self, dialog: ActionDialog) -> None:
        if self.action_dialog is dialog:
            self.action_dialog = None
        dialog.deleteLater()

    def _save(self, dialog: ActionDialog) -> None:
        changes = dialog.changes()
        if dialog.action is None:
            self._record(
                EventKind.ACTION_ADDED,
                action_id=new_id(),
                meeting_id=dialog.meeting_id(),
                **changes,
            )
        elif changes:
            self._record(EventKind.ACTION_UPDATED, action_id=dialog.action.action_id, **changes)

    def toggle_done(self) -> None:
        """Tick the selected action done, or untick it."""
        action = self.current_action()
        if action is not None:
            self._set_done(action.action_id, not action.done)

    def _set_done(self, action_id: str, done: bool) -> None:
        if self._editable:
            self._record(EventKind.ACTION_UPDATED, action_id=action_id, done=done)

    def _record(self, event_kind: EventKind, /, **body: object) -> bool:
        """Record one change; on success show it here, then tell the other tabs."""
        if self.context.record(self, event_kind, **body) is None:
            return False
        self.reload()
        self.changed.emit()
        return True
