"""The Meetings tab: when the pair meets, and the agenda of the chosen meeting.

Either partner may plan, move or cancel a meeting; the agenda beside it belongs
to the mentee (:mod:`mentorpair.ui.pair.agenda`). A meeting can be saved as a
calendar file that holds only what the person chooses to put in it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QStandardPaths, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mentorpair.domain.events import EventKind
from mentorpair.domain.model import Meeting
from mentorpair.errors import KnownError
from mentorpair.storage.calendar import meeting_to_ics, suggested_filename, write_ics
from mentorpair.storage.workspace import new_id

from mentorpair.ui.announce import StatusLabel
from mentorpair.ui.pair.agenda import AgendaPanel
from mentorpair.ui.pair.base import PairContext, PairTab
from mentorpair.ui.pair.meeting_dialogs import ExportDialog, MeetingDialog
from mentorpair.ui.pair.meeting_list import (
    ButtonFlow,
    MeetingListModel,
    MeetingStatus,
    WrappingTree,
    when_words,
)

__all__ = ["ExportDialog", "MeetingDialog", "MeetingListModel", "MeetingsTab"]


class MeetingsTab(PairTab):
    """Meetings on the left (upcoming first), the chosen meeting's agenda on the right."""

    def __init__(self, context: PairContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.model = MeetingListModel(self)
        # A flat tree, not a QListView: one changed meeting is measured alone.
        self.list = WrappingTree(self)
        self.list.setModel(self.model)
        self.list.setAccessibleName(self.tr("Meetings"))
        self.list.header().setAccessibleName(self.tr("Meetings"))
        self.list.doubleClicked.connect(self.edit_meeting)
        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        self.empty.setObjectName("hint")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.list)
        self.stack.addWidget(self.empty)

        self.new_button = self._button(self.tr("Ne&w meeting…"), self.tr("New meeting"))
        self.new_button.setToolTip(self.tr("Plan a meeting (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_meeting)
        self.edit_button = self._button(self.tr("E&dit meeting…"), self.tr("Edit meeting"))
        self.edit_button.clicked.connect(self.edit_meeting)
        self.cancel_button = self._button(self.tr("Cance&l meeting…"), self.tr("Cancel meeting"))
        self.cancel_button.clicked.connect(self.cancel_meeting)
        self.export_button = self._button(
            self.tr("E&xport to calendar…"), self.tr("Export to calendar")
        )
        self.export_button.setToolTip(self.tr("Save the meeting as a calendar (.ics) file"))
        self.export_button.clicked.connect(self.export_meeting)
        self.new_shortcut = QShortcut(QKeySequence("Ctrl+N"), self)
        self.new_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.new_shortcut.activated.connect(self.new_meeting)

        self.heading = QLabel(self.tr("Meetings"), self)
        self.heading.setObjectName("subheading")
        self.ended = QLabel(
            self.tr("This relationship has ended: its meetings are kept read-only."), self
        )
        self.ended.setObjectName("hint")
        self.ended.setWordWrap(True)
        self.status = StatusLabel(self.tr("Status"), self)
        self.status.setObjectName("ok")
        self.status.setWordWrap(True)

        buttons = ButtonFlow(
            [self.new_button, self.edit_button, self.cancel_button, self.export_button], self
        )
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(16, 16, 8, 12)
        left_layout.addWidget(self.heading)
        left_layout.addWidget(self.ended)
        left_layout.addWidget(self.stack, 1)
        left_layout.addWidget(buttons)
        left_layout.addWidget(self.status)

        self.agenda = AgendaPanel(context, self)
        self.agenda.changed.connect(self._agenda_changed)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.agenda)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([400, 600])  # scaled to the real width when first shown
        left.setMinimumWidth(200)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        self.list.selectionModel().currentChanged.connect(self._current_changed)
        # Filled when first shown (PairTab.showEvent), not while the pair opens.

    def _button(self, text: str, name: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(name)
        return button

    # ------------------------------------------------------------- showing
    def refresh(self) -> None:
        """Re-read meetings and keep the chosen one chosen (or choose the next one)."""
        state = self.context.state
        keep = self.selected_meeting_id()
        counts = {m: len(items) for m, items in state.agenda.items()}
        self.model.set_meetings(
            state.meetings.values(), self.context.clock(), counts, self.context.is_mentee
        )
        row = self.model.row_of(keep) if keep else -1
        if row < 0 and self.model.rowCount():
            statuses = [
                self.model.index(r).data(MeetingListModel.STATUS_ROLE)
                for r in range(self.model.rowCount())
            ]
            soon = (MeetingStatus.NOW, MeetingStatus.NEXT)
            row = next((r for r, s in enumerate(statuses) if s in soon), 0)
        if row >= 0:
            self.list.selectionModel().setCurrentIndex(
                self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        self.stack.setCurrentWidget(self.list if self.model.rowCount() else self.empty)
        self.empty.setText(
            self.tr(
                "No meetings yet.\n\nChoose New meeting (Ctrl+N) to plan one. Either of you "
                "can plan meetings; the mentee then prepares the agenda."
            )
            if not self.context.read_only
            else self.tr("No meetings were planned in this relationship.")
        )
        self._update_buttons()
        self._show_agenda()
        # With nothing planned yet, New meeting is the one thing to do: make it stand out.
        primary = "primary" if not self.model.rowCount() else ""
        if self.new_button.objectName() != primary:
            self.new_button.setObjectName(primary)
            self.new_button.style().unpolish(self.new_button)
            self.new_button.style().polish(self.new_button)

    def selected_meeting_id(self) -> str | None:
        """The id of the meeting whose agenda is shown, if any."""
        index = self.list.currentIndex()
        value = index.data(MeetingListModel.MEETING_ID_ROLE) if index.isValid() else None
        return str(value) if value else None

    def selected_meeting(self) -> Meeting | None:
        """The meeting whose agenda is shown, as the state has it now."""
        meeting_id = self.selected_meeting_id()
        return self.context.state.meetings.get(meeting_id) if meeting_id else None

    def select_meeting(self, meeting_id: str) -> None:
        """Show ``meeting_id`` and its agenda."""
        row = self.model.row_of(meeting_id)
        if row >= 0:
            self.list.selectionModel().setCurrentIndex(
                self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )

    def _show_agenda(self) -> None:
        meeting = self.selected_meeting()
        if (meeting.meeting_id if meeting else None) != self.agenda.meeting_id:
            self._say("")  # a message about another meeting would mislead
        self.agenda.show_meeting(meeting)

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        self._update_buttons()
        self._show_agenda()

    def _update_buttons(self) -> None:
        meeting = self.selected_meeting()
        writable = not self.context.read_only
        live = meeting is not None and not meeting.cancelled
        for button in (self.new_button, self.edit_button, self.cancel_button):
            button.setVisible(writable)
        self.new_button.setEnabled(writable)
        self.new_shortcut.setEnabled(writable)
        self.edit_button.setEnabled(writable and live)
        self.cancel_button.setEnabled(writable and live)
        self.export_button.setEnabled(live)
        self.ended.setVisible(not writable)

    def _say(self, text: str) -> None:
        self.status.setText(text)

    def _recorded(self) -> None:
        self.refresh()
        self.changed.emit()

    def _agenda_changed(self) -> None:
        # The list shows agenda counts: re-read it, then let the other tabs know.
        self.refresh()
        self.changed.emit()

    # ------------------------------------------------------------- changing
    def new_meeting(self) -> None:
        """Open the dialog to plan a meeting; record it when saved."""
        if self.context.read_only:
            return
        dialog = MeetingDialog(self.context, None, self)
        dialog.accepted.connect(lambda: self._save_new(dialog))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _save_new(self, dialog: MeetingDialog) -> None:
        meeting_id = new_id()
        if self.context.record(
            self, EventKind.MEETING_PLANNED, meeting_id=meeting_id, **dialog.body()
        ):
            self.refresh()
            self.select_meeting(meeting_id)
            self._say(self.tr("Meeting planned."))
            self.changed.emit()

    def edit_meeting(self) -> None:
        """Open the dialog to change the chosen meeting."""
        meeting = self.selected_meeting()
        if meeting is None or meeting.cancelled or self.context.read_only:
            return
        dialog = MeetingDialog(self.context, meeting, self)
        dialog.accepted.connect(lambda: self._save_edit(meeting.meeting_id, dialog))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _save_edit(self, meeting_id: str, dialog: MeetingDialog) -> None:
        if self.context.record(
            self, EventKind.MEETING_UPDATED, meeting_id=meeting_id, **dialog.body()
        ):
            self._say(self.tr("Meeting changed."))
            self._recorded()

    def cancel_meeting(self) -> None:
        """Cancel the chosen meeting after asking; its agenda is kept for reference."""
        meeting = self.selected_meeting()
        if meeting is None or meeting.cancelled or self.context.read_only:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Cancel meeting"),
            self.tr(
                "Cancel the meeting on {0}?\n\nIt stays in the list, marked cancelled, "
                "with its agenda. This cannot be undone; plan a new meeting instead."
            ).format(when_words(meeting)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        if self.context.record(self, EventKind.MEETING_CANCELLED, meeting_id=meeting.meeting_id):
            self._say(self.tr("Meeting cancelled."))
            self._recorded()

    def export_meeting(self) -> None:
        """Ask what the calendar entry may say, then where to save it."""
        meeting = self.selected_meeting()
        if meeting is None or meeting.cancelled:
            return
        dialog = ExportDialog(self.context.state.partner_name, self)
        dialog.accepted.connect(lambda: self._save_calendar_file(meeting, dialog))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _save_calendar_file(self, meeting: Meeting, dialog: ExportDialog) -> None:
        documents = Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        )
        folder = documents if documents.is_dir() else Path.home()
        name, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save calendar file"),
            str(folder / suggested_filename(meeting)),
            self.tr("Calendar files (*.ics)"),
        )
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() != ".ics":
            path = path.with_name(path.name + ".ics")
        # As it is now: it may have moved while the dialogs were open.
        meeting = self.context.state.meetings.get(meeting.meeting_id, meeting)
        data = meeting_to_ics(meeting, dialog.title.text(), dialog.include_place.isChecked())
        try:
            write_ics(path, data)
        except KnownError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), exc.message)
            return
        self._say(
            self.tr("Saved {0}. Open it to add the meeting to your calendar.").format(path.name)
        )
