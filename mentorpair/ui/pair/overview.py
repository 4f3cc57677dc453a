"""The first thing a person sees of a pair: what is next, what is late, where things stand.

A busy clinician opens the app minutes before a meeting: the next meeting and
the state of its agenda come first, then overdue actions, then the goals and
the agreement at a glance. Every empty state says what to do next, and the
page says plainly that nothing has been shared with the partner yet.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mentorpair.domain.model import Action, GoalStatus, Meeting, Role
from mentorpair.domain.state import PairState
from mentorpair.feedback.pairside import PairFeedback
from mentorpair.sync.pairing import Pairing

from mentorpair.ui.announce import StatusLabel
from mentorpair.ui.keyed_rows import KeyedRows
from mentorpair.ui.pair.base import PairContext, PairTab, scrolling_column
from mentorpair.ui.pair.ending import KEPT, EndRelationshipDialog, export_with_warning
from mentorpair.ui.sync.wording import status_detail, status_title
from mentorpair.ui.widgets import repolish
from mentorpair.ui.wording import format_date, mode_word, role_word

__all__ = ["ACTION_ID_ROLE", "OverdueActionsModel", "OverviewTab"]

# The id of the action a row shows.
ACTION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
# The overdue list grows up to this many rows before it scrolls.
MAX_VISIBLE_ROWS = 5
# An overview shows the oldest overdue actions, not all of them: laying out thousands
# of word-wrapped rows blocked opening a long pair for ~1.7 s, and the Actions page
# is where a long list is worked through.
MAX_LISTED = 20

_Index = QModelIndex | QPersistentModelIndex


def _local(at: datetime) -> datetime:
    """A stored (UTC) time in this computer's time zone, where the person lives."""
    return at.astimezone()


class OverdueActionsModel(QAbstractListModel):
    """Actions past their date and not done, oldest first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._actions: KeyedRows[str, Action] = KeyedRows(self, lambda action: action.action_id)
        self._my_role = Role.MENTEE
        self._partner = ""

    def set_actions(self, actions: list[Action], my_role: Role, partner: str) -> None:
        """Show ``actions``, announcing only the rows that changed."""
        all_changed = (my_role, partner) != (self._my_role, self._partner)
        self._my_role, self._partner = my_role, partner
        self._actions.replace(actions, all_changed=all_changed)

    def rowCount(self, parent: _Index | None = None) -> int:  # QAbstractItemModel.rowCount
        """Number of overdue actions (a list has no children)."""
        return 0 if parent is not None and parent.isValid() else len(self._actions)

    def data(
        self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # QAbstractItemModel.data
        """What to do, whose it is and since when; the action id under ACTION_ID_ROLE."""
        action = self._actions.at(index.row()) if index.isValid() else None
        if action is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{action.what}\n{self._detail(action)}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{action.what}. {self._detail(action)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return action.what
        if role == ACTION_ID_ROLE:
            return action.action_id
        return None

    def _detail(self, action: Action) -> str:
        who = (
            self.tr("for you")
            if action.owner is self._my_role
            else self.tr("for {0}").format(role_word(action.owner, self._my_role, self._partner))
        )
        since = format_date(action.due) if action.due else ""
        return self.tr("Overdue since {0} · {1}").format(since, who)


def _card(title: str, parent: QWidget) -> tuple[QFrame, QVBoxLayout, QLabel]:
    card = QFrame(parent)
    card.setObjectName("card")
    layout = QVBoxLayout(card)
    layout.setContentsMargins(18, 14, 18, 14)
    layout.setSpacing(6)
    heading = QLabel(title, card)
    heading.setObjectName("subheading")
    layout.addWidget(heading)
    return card, layout, heading


def _label(parent: QWidget, role: str = "", purpose: str = "") -> QLabel:
    # A purpose makes it a status line a screen reader hears by its words.
    label = StatusLabel(purpose, parent) if purpose else QLabel(parent)
    # Names, places and summaries are what people typed: never interpret them as HTML.
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if role:
        label.setObjectName(role)
    return label


def _button(text: str, name: str, parent: QWidget) -> QPushButton:
    button = QPushButton(text, parent)
    button.setAccessibleName(name)
    return button


class OverviewTab(PairTab):
    """Next meeting, overdue actions, goals and agreement at a glance; the ending.

    Signals:
        open_page(str): the person asked for another tab ("meetings", "actions",
            "goals", "agreement"); the pair view shows it.
        relationship_ended(str): the relationship was ended here: "kept" (this
            copy is now read-only) or "destroyed" (the pair is gone: the main
            window drops its view and refreshes the sidebar).

    Attributes:
        ending_dialog: the open "End mentoring" dialog, if any.
    """

    open_page = Signal(str)
    relationship_ended = Signal(str)

    def __init__(self, context: PairContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.ending_dialog: EndRelationshipDialog | None = None
        content, column = scrolling_column(self)

        self._build_ended_banner(content, column)
        self._build_feedback_invitation(content, column)
        self._build_next_meeting(content, column)
        self._build_overdue(content, column)
        self._build_goals_and_agreement(content, column)

        self.sharing_badge = QLabel(content)
        self.sharing_badge.setStyleSheet("font-weight: 600;")
        self.sharing = _label(content, "hint", purpose=self.tr("Sharing"))
        column.addWidget(self.sharing_badge)
        column.addWidget(self.sharing)
        self.end_button = _button(self.tr("E&nd mentoring…"), self.tr("End mentoring"), content)
        self.end_button.clicked.connect(self.end_mentoring)
        column.addWidget(self.end_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addStretch(1)
        # Filled when first shown (PairTab.showEvent), not while the pair opens.

    # ------------------------------------------------------------- building
    def _build_ended_banner(self, parent: QWidget, column: QVBoxLayout) -> None:
        self.ended_banner = QFrame(parent)
        self.ended_banner.setObjectName("warningBox")
        layout = QVBoxLayout(self.ended_banner)
        layout.setContentsMargins(14, 12, 14, 12)
        self.ended_title = _label(self.ended_banner)
        self.ended_title.setStyleSheet("font-weight: 600;")
        self.ended_summary = _label(self.ended_banner)
        self.export_button = _button(
            self.tr("E&xport my record…"), self.tr("Export my record"), self.ended_banner
        )
        self.export_button.clicked.connect(self.export)
        layout.addWidget(self.ended_title)
        layout.addWidget(self.ended_summary)
        layout.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.ended_banner)

    def _build_feedback_invitation(self, parent: QWidget, column: QVBoxLayout) -> None:
        """A scheme asks for feedback: say so here too, where people look first."""
        self.feedback_card, layout, _ = _card(self.tr("Feedback to your scheme"), parent)
        self.feedback_text = _label(self.feedback_card, purpose=self.tr("Feedback invitation"))
        self.feedback_button = _button(
            self.tr("Open &feedback"), self.tr("Open the feedback tab"), self.feedback_card
        )
        self.feedback_button.clicked.connect(lambda: self.open_page.emit("feedback"))
        layout.addWidget(self.feedback_text)
        layout.addWidget(self.feedback_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.feedback_card)

    def _build_next_meeting(self, parent: QWidget, column: QVBoxLayout) -> None:
        card, layout, _ = _card(self.tr("Next meeting"), parent)
        self.next_when = _label(card, purpose=self.tr("Next meeting"))
        self.next_when.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self.next_details = _label(card)
        self.next_agenda = _label(card)
        self.next_button = _button("", "", card)
        self.next_button.clicked.connect(lambda: self.open_page.emit("meetings"))
        for widget in (self.next_when, self.next_details, self.next_agenda):
            layout.addWidget(widget)
        layout.addWidget(self.next_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(card)

    def _build_overdue(self, parent: QWidget, column: QVBoxLayout) -> None:
        card, layout, self.overdue_heading = _card(self.tr("Overdue actions"), parent)
        self.overdue_model = OverdueActionsModel(self)
        self.overdue_view = QListView(card)
        self.overdue_view.setModel(self.overdue_model)
        self.overdue_view.setAccessibleName(self.tr("Overdue actions"))
        self.overdue_view.setWordWrap(True)
        self.overdue_view.setAlternatingRowColors(True)
        self.overdue_view.setStyleSheet("QListView::item { padding: 4px 6px; }")
        self.overdue_view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.overdue_view.activated.connect(lambda _index: self.open_page.emit("actions"))
        self.overdue_empty = _label(card, "hint")
        self.overdue_more = _label(card, "hint")
        self.overdue_button = _button(self.tr("Go to &actions"), self.tr("Go to actions"), card)
        self.overdue_button.clicked.connect(lambda: self.open_page.emit("actions"))
        layout.addWidget(self.overdue_view)
        layout.addWidget(self.overdue_empty)
        layout.addWidget(self.overdue_more)
        layout.addWidget(self.overdue_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(card)

    def _build_goals_and_agreement(self, parent: QWidget, column: QVBoxLayout) -> None:
        card, layout, _ = _card(self.tr("Goals"), parent)
        self.goals_text = _label(card, purpose=self.tr("Goals at a glance"))
        self.goals_button = _button(self.tr("See goa&ls"), self.tr("See goals"), card)
        self.goals_button.clicked.connect(lambda: self.open_page.emit("goals"))
        layout.addWidget(self.goals_text)
        layout.addWidget(self.goals_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(card)

        card, layout, _ = _card(self.tr("Agreement"), parent)
        self.agreement_text = _label(card, purpose=self.tr("Agreement state"))
        self.agreement_hint = _label(card, "hint")
        self.agreement_button = _button("", self.tr("Open the agreement"), card)
        self.agreement_button.clicked.connect(lambda: self.open_page.emit("agreement"))
        layout.addWidget(self.agreement_text)
        layout.addWidget(self.agreement_hint)
        layout.addWidget(self.agreement_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(card)

    # ------------------------------------------------------------- showing
    def refresh(self) -> None:
        """Re-read the pair and fill every card."""
        state = self.context.state
        if state.created_at is None:
            return  # destroyed: the main window is about to drop this view
        now = self.context.clock()
        self._show_ending(state)
        self._show_feedback_invitation(state)
        self._show_next_meeting(state, now)
        self._show_overdue(state, _local(now).date())
        self._show_goals(state)
        self._show_agreement(state)
        status = Pairing(self.context.workspace).link(self.context.pair_id).status
        self.sharing_badge.setText(status_title(status))
        self.sharing.setText(
            self.tr("{0} Your private notes are never sent. More in the Partner tab.").format(
                status_detail(status, state.partner_name)
            )
        )
        self.end_button.setVisible(not state.read_only)

    def _show_feedback_invitation(self, state: PairState) -> None:
        invitations = [] if state.read_only else self._feedback().invitations()
        self.feedback_card.setVisible(bool(invitations))
        if invitations:
            first = invitations[0]
            self.feedback_text.setText(
                self.tr(
                    "{0} asks for feedback until {1}. It takes a few minutes, and it is "
                    "voluntary: you see exactly what would be sent before anything is saved."
                ).format(first.scheme.name, format_date(first.period.closes))
            )

    def _feedback(self) -> PairFeedback:
        return PairFeedback(self.context.workspace, self.context.pair_id, self.context.clock)

    def _show_ending(self, state: PairState) -> None:
        ending = state.ending
        self.ended_banner.setVisible(ending is not None)
        if ending is None:
            return
        day = format_date(_local(ending.at).date())
        who = self.tr("you") if ending.by is state.my_role else state.partner_name
        self.ended_title.setText(
            self.tr("This mentoring ended on {0} ({1} ended it). Your copy is read-only.").format(
                day, who
            )
        )
        summary = (
            self.tr("Closing summary: {0}").format(ending.summary)
            if ending.summary
            else self.tr("No closing summary was written.")
        )
        late = len(state.unaware_of_ending)
        if late:
            # Kept, not refused: their authors had not heard of the ending yet.
            summary += "\n" + (
                self.tr(
                    "1 change was made before the news of the ending reached its author; "
                    "it is kept."
                )
                if late == 1
                else self.tr(
                    "{0} changes were made before the news of the ending reached their authors; "
                    "they are kept."
                ).format(late)
            )
        self.ended_summary.setText(summary)

    def _show_next_meeting(self, state: PairState, now: datetime) -> None:
        meeting = None if state.read_only else state.next_meeting(now)
        if meeting is None:
            self.next_details.setObjectName("hint")
            if state.read_only:
                self.next_when.setText(self.tr("No further meetings"))
                self.next_details.setText(self.tr("The mentoring has ended."))
            else:
                self.next_when.setText(self.tr("No meeting planned"))
                self.next_details.setText(
                    self.tr("Plan one in Meetings (Ctrl+2): when, how and where you meet.")
                )
            self.next_agenda.hide()
            self.next_button.setText(self.tr("Plan a meet&ing"))
            self.next_button.setAccessibleName(self.tr("Plan a meeting"))
            self.next_button.setVisible(not state.read_only)
            repolish(self.next_details)
            return
        self.next_details.setObjectName("")
        repolish(self.next_details)
        self.next_when.setText(self._when_words(meeting.starts_at, now))
        parts = [mode_word(meeting.mode), self._minutes(meeting.duration_min)]
        if meeting.place:
            parts.append(meeting.place)
        self.next_details.setText(" · ".join(parts))
        self.next_agenda.setText(self._agenda_words(state, meeting))
        self.next_agenda.show()
        self.next_button.show()
        if state.my_role is Role.MENTEE:
            self.next_button.setText(self.tr("Prepare the agen&da"))
            self.next_button.setAccessibleName(self.tr("Prepare the agenda"))
        else:
            self.next_button.setText(self.tr("&View the agenda"))
            self.next_button.setAccessibleName(self.tr("View the agenda"))

    def _show_overdue(self, state: PairState, today: date) -> None:
        # Once ended nothing is "overdue" any more: say what was left open instead.
        late = [] if state.read_only else state.overdue_actions(today)
        self.overdue_model.set_actions(late[:MAX_LISTED], state.my_role, state.partner_name)
        self.overdue_heading.setText(
            self.tr("Overdue actions ({0})").format(len(late)) if late else self.tr("Actions")
        )
        self.overdue_view.setVisible(bool(late))
        self.overdue_empty.setVisible(not late)
        hidden = len(late) - MAX_LISTED
        self.overdue_more.setVisible(hidden > 0)
        if hidden > 0:
            self.overdue_more.setText(
                self.tr("The oldest {0} are listed; {1} more are on the Actions page.").format(
                    MAX_LISTED, hidden
                )
            )
        still_open = sum(not a.done for a in state.actions.values())
        if not state.actions:
            self.overdue_empty.setText(
                self.tr("No actions yet. Agree them at a meeting: what, who and by when.")
            )
        elif state.read_only:
            self.overdue_empty.setText(
                self.tr("{0} of {1} actions were still open when the mentoring ended.").format(
                    still_open, len(state.actions)
                )
            )
        else:
            self.overdue_empty.setText(self.tr("Nothing is overdue."))
        if late:
            rows = min(len(late), MAX_VISIBLE_ROWS)
            row_height = max(self.overdue_view.sizeHintForRow(0), 1)
            frame = 2 * self.overdue_view.frameWidth()
            self.overdue_view.setFixedHeight(rows * row_height + frame + 2)

    def _show_goals(self, state: PairState) -> None:
        counts = {status: 0 for status in GoalStatus}
        for goal in state.goals.values():
            counts[goal.status] += 1
        words = {
            GoalStatus.ACTIVE: self.tr("{0} active"),
            GoalStatus.PROPOSED: self.tr("{0} proposed"),
            GoalStatus.PAUSED: self.tr("{0} paused"),
            GoalStatus.ACHIEVED: self.tr("{0} achieved"),
            GoalStatus.DROPPED: self.tr("{0} dropped"),
        }
        parts = [text.format(counts[status]) for status, text in words.items() if counts[status]]
        if parts:
            self.goals_text.setObjectName("")
            self.goals_text.setText(" · ".join(parts))
        elif state.my_role is Role.MENTEE:
            self.goals_text.setObjectName("hint")
            self.goals_text.setText(
                self.tr("No goals yet. Set your first in Goals (Ctrl+3): what you want, by when.")
            )
        else:
            self.goals_text.setObjectName("hint")
            self.goals_text.setText(
                self.tr("No goals yet. Your mentee sets their goals; you will see them here.")
            )
        repolish(self.goals_text)

    def _show_agreement(self, state: PairState) -> None:
        agreement = state.agreement
        partner = state.partner_name
        if state.read_only:
            # Nothing can be confirmed any more: say how it stood at the end.
            if agreement is None:
                self.agreement_text.setText(self.tr("No agreement was written down"))
            elif agreement.confirmed:
                self.agreement_text.setText(self.tr("Agreed by both of you"))
            else:
                self.agreement_text.setText(self.tr("Not confirmed by both of you before the end"))
            self.agreement_hint.setText(agreement.frequency if agreement else "")
            self.agreement_button.setText(self.tr("Open the ag&reement"))
        elif agreement is None:
            self.agreement_text.setText(self.tr("No agreement yet"))
            self.agreement_hint.setText(
                self.tr(
                    "Write down together how often you meet, what stays confidential and "
                    "its limits (Ctrl+6)."
                )
            )
            self.agreement_button.setText(self.tr("&Write the agreement"))
        elif agreement.confirmed:
            self.agreement_text.setText(self.tr("Agreed by both of you"))
            self.agreement_hint.setText(agreement.frequency)
            self.agreement_button.setText(self.tr("Open the ag&reement"))
        elif state.my_role in agreement.confirmed_by:
            self.agreement_text.setText(self.tr("Waiting for {0} to confirm").format(partner))
            self.agreement_hint.setText(
                self.tr(
                    "{0} confirms it on their own device; you see it here once their update "
                    "arrives."
                ).format(partner)
            )
            self.agreement_button.setText(self.tr("Open the ag&reement"))
        else:
            self.agreement_text.setText(self.tr("{0} proposed an agreement").format(partner))
            self.agreement_hint.setText(self.tr("Read it and confirm it if you agree."))
            self.agreement_button.setText(self.tr("Read and confi&rm"))
        self.agreement_button.setVisible(not (state.read_only and agreement is None))

    # ------------------------------------------------------------- wording
    def _when_words(self, starts_at: datetime, now: datetime) -> str:
        local = _local(starts_at)
        days = (local.date() - _local(now).date()).days
        if days == 0:
            relative = self.tr("today")
        elif days == 1:
            relative = self.tr("tomorrow")
        else:
            relative = self.tr("in {0} days").format(days)
        return self.tr("{0} at {1:02d}:{2:02d} ({3})").format(
            format_date(local.date()), local.hour, local.minute, relative
        )

    def _minutes(self, minutes: int) -> str:
        return self.tr("{0} minutes").format(minutes)

    def _items(self, n: int) -> str:
        return self.tr("1 item") if n == 1 else self.tr("{0} items").format(n)

    def _agenda_words(self, state: PairState, meeting: Meeting) -> str:
        n = len(state.agenda_for(meeting.meeting_id))
        if state.my_role is Role.MENTEE:
            if n == 0:
                return self.tr("Agenda: nothing yet. Add what you want to discuss.")
            if meeting.agenda_ready:
                return self.tr("Agenda: {0}, ready").format(self._items(n))
            return self.tr("Agenda: {0}, draft").format(self._items(n))
        if meeting.agenda_ready:
            return self.tr("Your mentee's agenda is ready ({0})").format(self._items(n))
        return self.tr("Your mentee's agenda is not shared yet")

    # ------------------------------------------------------------- commands
    def export(self) -> None:
        """Export my record (after the not-encrypted warning)."""
        my_name = self.context.workspace.vault.display_name()
        paths = export_with_warning(self, self.context.state, my_name)
        if paths is not None:
            self.ended_summary.setText(
                self.ended_summary.text()
                + "\n\n"
                + self.tr("Exported to {0} as {1} and {2}.").format(
                    paths[0].parent, paths[0].name, paths[1].name
                )
            )

    def end_mentoring(self) -> EndRelationshipDialog:
        """Open the "End mentoring" dialog (window-modal; it reports back when closed)."""
        dialog = EndRelationshipDialog(self.context, self)
        dialog.finished.connect(lambda _result: self._on_ending_closed(dialog))
        self.ending_dialog = dialog
        dialog.open()
        return dialog

    def _on_ending_closed(self, dialog: EndRelationshipDialog) -> None:
        self.ending_dialog = None
        outcome = dialog.outcome
        dialog.deleteLater()
        if outcome is None:
            return
        if outcome == KEPT:
            self.refresh()
            self.changed.emit()
        self.relationship_ended.emit(outcome)
