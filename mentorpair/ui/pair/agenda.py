"""The agenda of one meeting: the mentee's items, in the mentee's order, and mentor suggestions.

The mentee drafts items (what, why now, what outcome, which goal), orders them
by dragging or with Alt+Up / Alt+Down, and marks the agenda ready to share.
The mentor sees a shared agenda read-only and may suggest items, which the
mentee accepts onto the agenda or dismisses. The domain refuses any other
change, so what the widgets offer here is a courtesy, not the safeguard.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mentorpair.domain.events import EventKind
from mentorpair.domain.model import AgendaItem, Meeting
from mentorpair.storage.workspace import new_id
from mentorpair.sync.pairing import Pairing, PairingStatus

from mentorpair.ui.announce import StatusLabel
from mentorpair.ui.pair.agenda_dialogs import AgendaItemDialog, SuggestionDialog
from mentorpair.ui.pair.agenda_models import AgendaModel, SuggestionModel, clip
from mentorpair.ui.pair.base import PairContext
from mentorpair.ui.pair.meeting_list import ButtonFlow, describe_meeting, wrapping_list

__all__ = ["AgendaPanel"]


class AgendaPanel(QWidget):
    """One meeting's agenda and suggestions, editable only by the mentee.

    Signals:
        changed(): a change was recorded (the tab and the other tabs refresh).
    """

    changed = Signal()

    def __init__(self, context: PairContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.meeting_id: str | None = None
        self._removed: tuple[AgendaItem, int] | None = None

        self.heading = QLabel(self.tr("Agenda"), self)
        self.heading.setObjectName("subheading")
        self.when = QLabel(self)
        self.when.setWordWrap(True)
        self.status = StatusLabel(self.tr("Agenda status"), self)
        self.status.setObjectName("hint")
        self.status.setWordWrap(True)

        self.model = AgendaModel(self._record_order, self)
        self.list = QListView(self)
        self.list.setModel(self.model)
        self.list.setAccessibleName(self.tr("Agenda items"))
        wrapping_list(self.list)
        self.list.setSpacing(2)
        self.list.setMinimumHeight(150)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setDropIndicatorShown(True)
        self.list.activated.connect(self.edit_item)
        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        self.empty.setObjectName("hint")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.list)
        self.stack.addWidget(self.empty)

        self.add_button = self._button(self.tr("&Add item…"), self.tr("Add agenda item"))
        self.add_button.setToolTip(self.tr("Add an agenda item (Alt+A, or Insert in the list)"))
        self.add_button.clicked.connect(self.add_item)
        self.edit_button = self._button(self.tr("Edit &item…"), self.tr("Edit agenda item"))
        self.edit_button.setToolTip(self.tr("Change the chosen item (Enter)"))
        self.edit_button.clicked.connect(self.edit_item)
        self.remove_button = self._button(self.tr("&Remove"), self.tr("Remove agenda item"))
        self.remove_button.setToolTip(self.tr("Remove the chosen item (Delete); you can undo"))
        self.remove_button.clicked.connect(self.remove_item)
        self.up_button = self._button(self.tr("Move up"), self.tr("Move item up"))
        self.up_button.setToolTip(self.tr("Move the chosen item up (Alt+Up)"))
        self.up_button.clicked.connect(self.move_up)
        self.down_button = self._button(self.tr("Move down"), self.tr("Move item down"))
        self.down_button.setToolTip(self.tr("Move the chosen item down (Alt+Down)"))
        self.down_button.clicked.connect(self.move_down)
        self.edit_row = ButtonFlow(
            [
                self.add_button,
                self.edit_button,
                self.remove_button,
                self.up_button,
                self.down_button,
            ],
            self,
        )

        self.undo_bar = QFrame(self)
        self.undo_bar.setObjectName("warningBox")
        self.undo_text = QLabel(self.undo_bar)
        self.undo_text.setWordWrap(True)
        self.undo_button = self._button(self.tr("&Undo"), self.tr("Undo remove"))
        self.undo_button.setParent(self.undo_bar)
        self.undo_button.clicked.connect(self.undo_remove)
        undo_layout = QHBoxLayout(self.undo_bar)
        undo_layout.setContentsMargins(10, 4, 6, 4)
        undo_layout.addWidget(self.undo_text, 1)
        undo_layout.addWidget(self.undo_button)
        self.undo_bar.hide()

        self.ready_check = QCheckBox(self.tr("Read&y to share with my mentor"), self)
        self.ready_check.setAccessibleName(self.tr("Ready to share with my mentor"))
        # toggled, not clicked: a screen reader's Toggle action and Space both
        # toggle without a click. refresh() sets the box with signals blocked.
        self.ready_check.toggled.connect(self.set_ready)

        self.suggestions_heading = QLabel(self)
        self.suggestions_heading.setObjectName("subheading")
        self.suggestions_heading.setWordWrap(True)
        self.suggestions_hint = QLabel(self)
        self.suggestions_hint.setObjectName("hint")
        self.suggestions_hint.setWordWrap(True)
        self.suggestion_model = SuggestionModel(self)
        self.suggestions = QListView(self)
        self.suggestions.setModel(self.suggestion_model)
        self.suggestions.setAccessibleName(self.tr("Suggestions"))
        wrapping_list(self.suggestions)
        self.suggestions.setSpacing(2)
        self.suggestions.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.accept_button = self._button(self.tr("Acce&pt"), self.tr("Accept suggestion"))
        self.accept_button.setToolTip(
            self.tr("Put the chosen suggestion on the agenda (Enter in the list)")
        )
        self.suggestions.activated.connect(self.accept_suggestion)
        self.accept_button.clicked.connect(self.accept_suggestion)
        self.dismiss_button = self._button(self.tr("Di&smiss"), self.tr("Dismiss suggestion"))
        self.dismiss_button.clicked.connect(self.dismiss_suggestion)
        self.suggest_button = self._button(
            self.tr("&Suggest an item…"), self.tr("Suggest an agenda item")
        )
        self.suggest_button.clicked.connect(self.suggest)
        suggestion_row = QHBoxLayout()
        for button in (self.accept_button, self.dismiss_button, self.suggest_button):
            suggestion_row.addWidget(button)
        suggestion_row.addStretch(1)

        self.body = QWidget(self)
        body = QVBoxLayout(self.body)
        body.setContentsMargins(8, 16, 16, 12)
        body.addWidget(self.heading)
        body.addWidget(self.when)
        body.addWidget(self.status)
        body.addWidget(self.stack, 1)
        body.addWidget(self.edit_row)
        body.addWidget(self.undo_bar)
        body.addWidget(self.ready_check)
        body.addSpacing(10)
        body.addWidget(self.suggestions_heading)
        body.addWidget(self.suggestions_hint)
        body.addWidget(self.suggestions)
        body.addLayout(suggestion_row)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

        # Filters last: events arrive at once, and the filter needs every widget above.
        self.list.installEventFilter(self)
        self.suggestions.viewport().installEventFilter(self)
        self.list.selectionModel().currentChanged.connect(self._update_buttons)
        self.suggestions.selectionModel().currentChanged.connect(self._update_buttons)
        # Filled by show_meeting(), which the Meetings tab calls when it is filled.

    def _button(self, text: str, name: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(name)
        return button

    # ------------------------------------------------------------- state
    @property
    def meeting(self) -> Meeting | None:
        """The meeting shown, as the state has it now."""
        return self.context.state.meetings.get(self.meeting_id) if self.meeting_id else None

    @property
    def editable(self) -> bool:
        """The mentee may change this agenda (not after the end, not once cancelled)."""
        meeting = self.meeting
        return (
            self.context.is_mentee
            and not self.context.read_only
            and meeting is not None
            and not meeting.cancelled
        )

    def _shows_agenda(self) -> bool:
        """The mentee always sees their agenda; the mentor only once it is shared."""
        meeting = self.meeting
        return meeting is not None and (self.context.is_mentee or meeting.agenda_ready)

    def show_meeting(self, meeting: Meeting | None) -> None:
        """Show the agenda of ``meeting`` (None: nothing chosen)."""
        meeting_id = meeting.meeting_id if meeting else None
        if meeting_id != self.meeting_id:
            self._removed = None  # an undo belongs to the meeting it was offered on
        self.meeting_id = meeting_id
        self.refresh()

    def refresh(self) -> None:
        """Re-read the agenda and suggestions of the shown meeting."""
        state = self.context.state
        meeting = self.meeting
        goals = {g.goal_id: g.title for g in state.goals.values()}
        items = state.agenda_for(meeting.meeting_id) if meeting else []
        keep = self.selected_item_id()
        self.when.setText(describe_meeting(meeting) if meeting else "")
        self.when.setVisible(meeting is not None)
        self.model.set_items(items if self._shows_agenda() else [], goals, self.editable)
        self.list.setDragEnabled(self.editable)
        self.list.setAcceptDrops(self.editable)
        self.list.setDragDropMode(
            QAbstractItemView.DragDropMode.InternalMove
            if self.editable
            else QAbstractItemView.DragDropMode.NoDragDrop
        )
        if keep:
            self._select_item(keep)
        has_rows = self.model.rowCount() > 0
        self.stack.setCurrentWidget(self.list if has_rows else self.empty)
        self.empty.setText(self._empty_text())
        self.status.setText(self._status_text())
        self.ready_check.setVisible(self.context.is_mentee and meeting is not None)
        blocked = self.ready_check.blockSignals(True)
        self.ready_check.setChecked(bool(meeting and meeting.agenda_ready))
        self.ready_check.blockSignals(blocked)
        self.ready_check.setEnabled(
            self.editable and (has_rows or bool(meeting and meeting.agenda_ready))
        )
        self.undo_bar.setVisible(self._removed is not None and self.editable)
        self._refresh_suggestions()
        self._update_buttons()

    def _empty_text(self) -> str:
        meeting = self.meeting
        if meeting is None and not self.context.state.meetings:
            return self.tr(
                "Once a meeting is planned, its agenda appears here: what to discuss, "
                "why it matters now and what outcome is wanted."
            )
        if meeting is None:
            return self.tr("Choose a meeting to see its agenda.")
        if not self.context.is_mentee and not meeting.agenda_ready:
            return self.tr(
                "Your mentee prepares the agenda and shares it when ready. "
                "Meanwhile you can suggest items below."
            )
        if self.editable:
            return self.tr(
                "Nothing on the agenda yet.\n\nAdd what you want to discuss (Alt+A): why it "
                "matters now and what you hope to come away with. Link an item to one of your "
                "goals to keep track of it."
            )
        return self.tr("There are no items on this agenda.")

    def _status_text(self) -> str:
        meeting = self.meeting
        if meeting is None:
            return ""
        if self.context.read_only:
            return self.tr("This relationship has ended: the agenda is kept read-only.")
        if meeting.cancelled:
            return self.tr("This meeting was cancelled; its agenda is kept as it was.")
        if not self.context.is_mentee:
            if meeting.agenda_ready:
                return self.tr("Your mentee's agenda: only they can change it.")
            return self.tr("Your mentee has not shared an agenda for this meeting yet.")
        if meeting.agenda_ready:
            return self._ready_text()
        return self.tr("Draft — only you can see it until you mark it ready.")

    def _ready_text(self) -> str:
        """Where a ready agenda goes, from how far the pair is connected."""
        status = Pairing(self.context.workspace).link(self.context.pair_id).status
        if status is PairingStatus.VERIFIED:
            return self.tr("Ready — your mentor sees it once your next update reaches them.")
        if status is PairingStatus.UNVERIFIED:
            return self.tr(
                "Ready — your mentor sees it once your next update reaches them. "
                "Compare the safety code in the Partner tab to be sure only they can read it."
            )
        if status is PairingStatus.KEYS_CHANGED:
            return self.tr(
                "Ready — but nothing is sent until you check your mentor's new keys "
                "in the Partner tab."
            )
        return self.tr("Ready — your mentor will see it once you are paired.")

    def _refresh_suggestions(self) -> None:
        state = self.context.state
        mentee = self.context.is_mentee
        mine = [s for s in state.suggestions.values() if s.meeting_id == self.meeting_id]
        shown = [s for s in mine if s.status == "open"] if mentee else mine
        self.suggestion_model.set_suggestions(shown, with_status=not mentee)
        meeting = self.meeting
        self.suggestions_heading.setText(
            self.tr("Suggestions from your mentor") if mentee else self.tr("Your suggestions")
        )
        if meeting is None:
            hint = ""
        elif mentee:
            hint = (
                self.tr("Accept one to put it on the agenda, or dismiss it.")
                if shown
                else self.tr("No open suggestions from your mentor for this meeting.")
            )
        else:
            hint = self.tr(
                "Suggest things your mentee might bring to this meeting; "
                "they decide what goes on the agenda."
            )
        self.suggestions_hint.setText(hint)
        visible = meeting is not None
        self.suggestions_heading.setVisible(visible)
        self.suggestions_hint.setVisible(visible)
        self.suggestions.setVisible(visible and bool(shown))
        self._fit_suggestions()

    def _fit_suggestions(self) -> None:
        """As tall as its rows, up to about three of them: a short list stays short."""
        view = self.suggestions
        rows = sum(
            view.sizeHintForRow(r) + 2 * view.spacing()
            for r in range(min(3, self.suggestion_model.rowCount()))
        )
        view.setFixedHeight(max(48, rows + 2 * view.frameWidth() + 2))

    def _update_buttons(self) -> None:
        editable = self.editable
        has_item = self.list.currentIndex().isValid() and self.model.rowCount() > 0
        row = self.list.currentIndex().row()
        self.edit_row.setVisible(editable)
        self.add_button.setEnabled(editable)
        self.edit_button.setEnabled(editable and has_item)
        self.remove_button.setEnabled(editable and has_item)
        self.up_button.setEnabled(editable and has_item and row > 0)
        self.down_button.setEnabled(editable and has_item and row < self.model.rowCount() - 1)
        meeting = self.meeting
        mentee = self.context.is_mentee
        writable = meeting is not None and not meeting.cancelled and not self.context.read_only
        has_suggestion = self.suggestions.currentIndex().isValid() and bool(
            self.suggestion_model.rowCount()
        )
        for button in (self.accept_button, self.dismiss_button):
            button.setVisible(mentee and writable and self.suggestion_model.rowCount() > 0)
            button.setEnabled(mentee and writable and has_suggestion)
        self.suggest_button.setVisible(not mentee and writable)
        self.suggest_button.setEnabled(not mentee and writable)

    def selected_item_id(self) -> str | None:
        """The id of the chosen agenda item, if any."""
        index = self.list.currentIndex()
        value = index.data(AgendaModel.ITEM_ID_ROLE) if index.isValid() else None
        return str(value) if value else None

    def _select_item(self, item_id: str) -> None:
        row = self.model.row_of(item_id)
        if row >= 0:
            self.list.selectionModel().setCurrentIndex(
                self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )

    def _selected_item(self) -> AgendaItem | None:
        index = self.list.currentIndex()
        item = index.data(AgendaModel.ITEM_ROLE) if index.isValid() else None
        return item if isinstance(item, AgendaItem) else None

    def _record(self, kind: EventKind, /, **body: Any) -> bool:
        """Record a change; on success re-read and tell the tab."""
        if kind is not EventKind.AGENDA_ITEM_REMOVED:
            self._removed = None  # an undo is offered for the latest change only
        if self.context.record(self, kind, **body) is None:
            self.refresh()  # undo whatever the widgets showed ahead of the state
            return False
        self.refresh()
        self.changed.emit()
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # QObject.eventFilter
        """Keyboard commands of the agenda list: Alt+Up/Down, Delete, Insert."""
        if watched is self.suggestions.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_suggestions()  # wrapped rows grow taller as the panel narrows
        if watched is self.list and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key, mods = event.key(), event.modifiers()
            alt = mods == Qt.KeyboardModifier.AltModifier
            if alt and key == Qt.Key.Key_Up:
                self.move_up()
                return True
            if alt and key == Qt.Key.Key_Down:
                self.move_down()
                return True
            if mods == Qt.KeyboardModifier.NoModifier and key == Qt.Key.Key_Delete:
                self.remove_item()
                return True
            if mods == Qt.KeyboardModifier.NoModifier and key == Qt.Key.Key_Insert:
                self.add_item()
                return True
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------- the mentee's changes
    def add_item(self) -> None:
        """Open the dialog for a new agenda item."""
        if not self.editable:
            return
        dialog = AgendaItemDialog(list(self.context.state.goals.values()), None, self)
        dialog.accepted.connect(lambda: self._save_new(dialog.values()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _save_new(self, values: dict[str, Any]) -> None:
        item_id = new_id()
        if self._record(
            EventKind.AGENDA_ITEM_ADDED, meeting_id=self.meeting_id, item_id=item_id, **values
        ):
            self._select_item(item_id)

    def edit_item(self) -> None:
        """Open the dialog to change the chosen item."""
        item = self._selected_item()
        if item is None or not self.editable:
            return
        dialog = AgendaItemDialog(list(self.context.state.goals.values()), item, self)
        dialog.accepted.connect(lambda: self._save_edit(item, dialog.values()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _save_edit(self, item: AgendaItem, values: dict[str, Any]) -> None:
        changed = {k: v for k, v in values.items() if getattr(item, k) != v}
        if changed:
            self._record(EventKind.AGENDA_ITEM_UPDATED, item_id=item.item_id, **changed)

    def remove_item(self) -> None:
        """Remove the chosen item at once; the undo bar can bring it back."""
        item = self._selected_item()
        if item is None or not self.editable:
            return
        row = self.list.currentIndex().row()
        self._removed = (item, row)
        if self._record(EventKind.AGENDA_ITEM_REMOVED, item_id=item.item_id):
            self.undo_text.setText(self.tr("Removed “{0}”.").format(clip(item.title)))
            self.undo_bar.show()
            if self.model.rowCount():
                self.list.setCurrentIndex(self.model.index(min(row, self.model.rowCount() - 1)))
            self.list.setFocus()
        else:
            self._removed = None

    def undo_remove(self) -> None:
        """Put the last removed item back where it was."""
        if self._removed is None or not self.editable:
            return
        item, row = self._removed
        self._removed = None
        item_id = new_id()
        fields = {"title": item.title, "why": item.why, "outcome": item.outcome}
        if item.goal_id is not None and item.goal_id in self.context.state.goals:
            fields["goal_id"] = item.goal_id
        if not self._record(
            EventKind.AGENDA_ITEM_ADDED, meeting_id=item.meeting_id, item_id=item_id, **fields
        ):
            return
        order = self.model.item_ids()
        order.remove(item_id)
        order.insert(min(row, len(order)), item_id)
        if order != self.model.item_ids():
            self._record(EventKind.AGENDA_REORDERED, meeting_id=item.meeting_id, order=order)
        self._select_item(item_id)
        self.list.setFocus()

    def move_up(self) -> None:
        """Move the chosen item one place up."""
        row = self.list.currentIndex().row()
        if row > 0:
            self.model.moveRows(QModelIndex(), row, 1, QModelIndex(), row - 1)

    def move_down(self) -> None:
        """Move the chosen item one place down."""
        row = self.list.currentIndex().row()
        if 0 <= row < self.model.rowCount() - 1:
            self.model.moveRows(QModelIndex(), row, 1, QModelIndex(), row + 2)

    def _record_order(self, order: list[str]) -> bool:
        """Record a move the model already shows; on refusal the state's order comes back.

        Not guarded by :attr:`editable`: the model only moves rows while it
        was editable, and if that changed meanwhile (the relationship ended in
        another window) the domain's refusal tells the person why.
        """
        if self.meeting_id is None:
            self.refresh()
            return False
        keep = self.selected_item_id()
        done = self._record(EventKind.AGENDA_REORDERED, meeting_id=self.meeting_id, order=order)
        if keep:
            self._select_item(keep)
        self._update_buttons()
        return done

    def set_ready(self, ready: bool) -> None:
        """Mark the agenda ready to share, or back to draft."""
        if self.meeting_id is None or not self.editable:
            self.refresh()
            return
        self._record(EventKind.AGENDA_READY, meeting_id=self.meeting_id, ready=ready)

    def _selected_suggestion_id(self) -> str | None:
        index = self.suggestions.currentIndex()
        value = index.data(SuggestionModel.SUGGESTION_ID_ROLE) if index.isValid() else None
        return str(value) if value else None

    def accept_suggestion(self) -> None:
        """Put the chosen suggestion on the agenda, as the mentee's own item."""
        suggestion_id = self._selected_suggestion_id()
        if suggestion_id is None or not self.editable:
            return
        item_id = new_id()
        if self._record(
            EventKind.SUGGESTION_ACCEPTED, suggestion_id=suggestion_id, item_id=item_id
        ):
            self._select_item(item_id)

    def dismiss_suggestion(self) -> None:
        """Leave the chosen suggestion off the agenda."""
        suggestion_id = self._selected_suggestion_id()
        if suggestion_id is None or not self.editable:
            return
        self._record(EventKind.SUGGESTION_DISMISSED, suggestion_id=suggestion_id)

    # ------------------------------------------------------------- the mentor's changes
    def suggest(self) -> None:
        """Open the dialog for a suggestion (mentor only)."""
        meeting = self.meeting
        if self.context.is_mentee or self.context.read_only or meeting is None or meeting.cancelled:
            return
        dialog = SuggestionDialog(self)
        dialog.accepted.connect(lambda: self._save_suggestion(dialog.values()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _save_suggestion(self, values: dict[str, Any]) -> None:
        self._record(
            EventKind.SUGGESTION_ADDED,
            meeting_id=self.meeting_id,
            suggestion_id=new_id(),
            **values,
        )
