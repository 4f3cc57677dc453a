"""The meeting list: wording for meetings, their order, and the list's item model.

Upcoming meetings come first (soonest first), then past ones (latest first);
status, mode and duration are said in words, never by colour alone.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QDateTime,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QLayout,
    QListView,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from mentorpair.domain.model import Meeting, MeetingMode

from mentorpair.ui.keyed_rows import KeyedRows, RowChanges
from mentorpair.ui.wording import format_date, mode_word

__all__ = [
    "ButtonFlow",
    "MeetingListModel",
    "MeetingStatus",
    "WrappedRowDelegate",
    "WrappingTree",
    "describe_meeting",
    "local_datetime",
    "meeting_end",
    "minutes_words",
    "mode_words",
    "order_meetings",
    "when_words",
    "wrapping_list",
]

Index = QModelIndex | QPersistentModelIndex


def mode_words(mode: MeetingMode) -> str:
    """How a meeting happens, in the words every screen uses."""
    return mode_word(mode)


def minutes_words(minutes: int) -> str:
    """A duration, short and plain: "45 min"."""
    return QCoreApplication.translate("Meetings", "{0} min").format(minutes)


def local_datetime(at: datetime) -> QDateTime:
    """An aware datetime as a local QDateTime (what people read on their clock)."""
    return QDateTime.fromSecsSinceEpoch(int(at.timestamp()))


def when_words(meeting: Meeting) -> str:
    """Day and time span on this computer's clock: "Tue 4 Mar 2025, 09:00–10:00"."""
    start = meeting.starts_at.astimezone()
    end = meeting_end(meeting).astimezone()
    return QCoreApplication.translate("Meetings", "{0}, {1}–{2}", "date, start–end time").format(
        format_date(start.date()), f"{start:%H:%M}", f"{end:%H:%M}"
    )


def describe_meeting(meeting: Meeting) -> str:
    """One line naming a meeting: when and how."""
    return QCoreApplication.translate("Meetings", "{0} · {1}", "when · how").format(
        when_words(meeting), mode_words(meeting.mode)
    )


class MeetingStatus(enum.Enum):
    """Where a meeting stands relative to now; shown in words, not colour."""

    NOW = "now"
    NEXT = "next"
    UPCOMING = "upcoming"
    PAST = "past"
    CANCELLED = "cancelled"


def meeting_end(meeting: Meeting) -> datetime:
    """When a meeting is over: until then it counts as upcoming."""
    return meeting.starts_at + timedelta(minutes=meeting.duration_min)


def order_meetings(
    meetings: Iterable[Meeting], now: datetime
) -> list[tuple[Meeting, MeetingStatus]]:
    """Upcoming meetings first (soonest first), then past ones (latest first).

    A meeting is upcoming until it has ended, so one in progress stays on top.
    The first upcoming meeting that is not cancelled is marked next (or now).
    """
    upcoming = sorted(
        (m for m in meetings if meeting_end(m) > now), key=lambda m: (m.starts_at, m.meeting_id)
    )
    past = sorted(
        (m for m in meetings if meeting_end(m) <= now),
        key=lambda m: (m.starts_at, m.meeting_id),
        reverse=True,
    )
    rows: list[tuple[Meeting, MeetingStatus]] = []
    next_found = False
    for meeting in upcoming:
        if meeting.cancelled:
            status = MeetingStatus.CANCELLED
        elif not next_found:
            next_found = True
            status = MeetingStatus.NOW if meeting.starts_at <= now else MeetingStatus.NEXT
        else:
            status = MeetingStatus.UPCOMING
        rows.append((meeting, status))
    rows.extend((m, MeetingStatus.CANCELLED if m.cancelled else MeetingStatus.PAST) for m in past)
    return rows


class MeetingListModel(QAbstractListModel):
    """The pair's meetings as list rows: date and time, then status, mode and duration.

    Attributes:
        MEETING_ID_ROLE: the meeting's id (str).
        MEETING_ROLE: the :class:`Meeting` itself.
        STATUS_ROLE: its :class:`MeetingStatus`.
    """

    MEETING_ID_ROLE = Qt.ItemDataRole.UserRole + 1
    MEETING_ROLE = Qt.ItemDataRole.UserRole + 2
    STATUS_ROLE = Qt.ItemDataRole.UserRole + 3

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Each meeting with its status and agenda count: what its row shows.
        self._rows: KeyedRows[str, tuple[Meeting, MeetingStatus, int]] = KeyedRows(
            self, lambda row: row[0].meeting_id
        )
        self._show_drafts = True

    def set_meetings(
        self,
        meetings: Iterable[Meeting],
        now: datetime,
        agenda_counts: dict[str, int],
        show_drafts: bool,
    ) -> RowChanges:
        """Show these meetings; ``show_drafts`` is False for the mentor (drafts are not theirs).

        Only the rows that changed are announced; return which.
        """
        rows = [
            (meeting, status, agenda_counts.get(meeting.meeting_id, 0))
            for meeting, status in order_meetings(meetings, now)
        ]
        all_changed = show_drafts != self._show_drafts
        self._show_drafts = show_drafts
        return self._rows.replace(rows, all_changed=all_changed)

    def row_of(self, meeting_id: str) -> int:
        """The row showing ``meeting_id``, or -1."""
        return self._rows.row_of(meeting_id)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008  # QAbstractItemModel.rowCount
        """Number of rows (a list has no children)."""
        return 0 if parent.isValid() else len(self._rows)

    def data(
        self, index: Index, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # QAbstractItemModel.data
        """What a row shows, by role."""
        row = self._rows.at(index.row()) if index.isValid() else None
        if row is None:
            return None
        meeting, status, count = row
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{self._first_line(meeting)}\n{self._second_line(meeting, status, count)}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{self._first_line(meeting)}. {self._second_line(meeting, status, count)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return meeting.place or None
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setStrikeOut(status is MeetingStatus.CANCELLED)
            font.setBold(status in (MeetingStatus.NEXT, MeetingStatus.NOW))
            return font
        if role == self.MEETING_ID_ROLE:
            return meeting.meeting_id
        if role == self.MEETING_ROLE:
            return meeting
        if role == self.STATUS_ROLE:
            return status
        return None

    def _first_line(self, meeting: Meeting) -> str:
        return when_words(meeting)

    def _second_line(self, meeting: Meeting, status: MeetingStatus, count: int) -> str:
        words = {
            MeetingStatus.NOW: self.tr("Happening now"),
            MeetingStatus.NEXT: self.tr("Next meeting"),
            MeetingStatus.UPCOMING: self.tr("Upcoming"),
            MeetingStatus.PAST: self.tr("Past"),
            MeetingStatus.CANCELLED: self.tr("Cancelled"),
        }
        parts = [
            words[status],
            mode_words(meeting.mode),
            minutes_words(meeting.duration_min),
        ]
        if meeting.agenda_ready and count:
            parts.append(self.tr("agenda shared"))
        elif self._show_drafts and count == 1:
            parts.append(self.tr("1 agenda item, draft"))
        elif self._show_drafts and count:
            parts.append(self.tr("{0} agenda items, draft").format(count))
        return " · ".join(parts)


class WrappedRowDelegate(QStyledItemDelegate):
    """Paints a row as a bold first line and plain lines below, wrapped to the list's width.

    Qt's own delegate measures wrapped text against a width it guesses, so rows
    could be cut off after the list was resized; this one always measures
    against the viewport the row is shown in.
    """

    PAD = 6

    def _width(self, option: QStyleOptionViewItem) -> int:
        view = option.widget
        width = view.viewport().width() if isinstance(view, QAbstractItemView) else 300
        spacing = view.spacing() if isinstance(view, QListView) else 0
        return max(80, width - 2 * spacing - 2 * self.PAD)

    @staticmethod
    def _fonts(font: QFont) -> tuple[QFont, QFont]:
        title = QFont(font)
        title.setWeight(QFont.Weight.DemiBold)
        return title, QFont(font)

    @staticmethod
    def _split(index: Index) -> tuple[str, str]:
        title, _, rest = str(index.data(Qt.ItemDataRole.DisplayRole) or "").partition("\n")
        return title, rest

    def sizeHint(
        self, option: QStyleOptionViewItem, index: Index
    ) -> QSize:  # QStyledItemDelegate.sizeHint
        """As tall as the wrapped lines need at the list's current width."""
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        width = self._width(opt)
        title_font, body_font = self._fonts(opt.font)
        title, rest = self._split(index)
        flags = int(Qt.TextFlag.TextWordWrap)
        height = QFontMetrics(title_font).boundingRect(0, 0, width, 10_000, flags, title).height()
        if rest:
            height += (
                QFontMetrics(body_font).boundingRect(0, 0, width, 10_000, flags, rest).height()
            )
        return QSize(width + 2 * self.PAD, height + 2 * self.PAD)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: Index
    ) -> None:  # QStyledItemDelegate.paint
        """Background and focus as the style draws them, then the two kinds of line."""
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget
        style = widget.style() if widget is not None else None
        rect: QRect = opt.rect
        palette: QPalette = opt.palette
        painter.save()
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(palette.color(role))
        title_font, body_font = self._fonts(opt.font)
        title, rest = self._split(index)
        area = rect.adjusted(self.PAD, self.PAD, -self.PAD, -self.PAD)
        flags = int(
            Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        )
        painter.setFont(title_font)
        used = painter.boundingRect(area, flags, title)
        painter.drawText(area, flags, title)
        if rest:
            painter.setFont(body_font)
            painter.drawText(area.adjusted(0, used.height(), 0, 0), flags, rest)
        painter.restore()


def wrapping_list(view: QListView) -> None:
    """Set up a list whose rows wrap to its width instead of scrolling sideways."""
    view.setItemDelegate(WrappedRowDelegate(view))
    view.setUniformItemSizes(False)
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)


class WrappingTree(QTreeView):
    """A flat list whose rows wrap to its width, like :func:`wrapping_list`, for long lists.

    A QListView lays out every row again when one row's data changes (two
    thousand meetings: a fifth of a second per change); a flat QTreeView
    keeps each row's measured height and measures again only the row that
    changed, and only rows it shows. Rows are measured again when the width
    changes, as their wrapping follows it.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(WrappedRowDelegate(self))
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setIndentation(0)
        self.setItemsExpandable(False)
        self.setUniformRowHeights(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)

    def resizeEvent(self, event: QResizeEvent) -> None:  # QWidget.resizeEvent
        """A new width wraps the rows differently: measure them again (shown ones first)."""
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.scheduleDelayedItemsLayout()


class ButtonFlow(QWidget):
    """Buttons in even rows of as many columns as fit: one row when wide, a column when narrow."""

    def __init__(self, buttons: list[QPushButton], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.buttons = buttons
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        # The minimum width is one button (we re-flow), not the current row of them.
        self._grid.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self._columns = 0
        self._arrange(len(buttons))

    def _widest(self) -> int:
        return max((b.sizeHint().width() for b in self.buttons), default=1)

    def _arrange(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for button in self.buttons:
            self._grid.removeWidget(button)
        for n, button in enumerate(self.buttons):
            button.setParent(self)
            self._grid.addWidget(button, n // columns, n % columns)
        self.updateGeometry()

    def minimumSizeHint(self) -> QSize:  # QWidget.minimumSizeHint
        """One button wide, as tall as the rows the current width needs."""
        return QSize(self._widest(), self._grid.minimumSize().height())

    def sizeHint(self) -> QSize:  # QWidget.sizeHint
        """All buttons in one row, if there is room."""
        return QSize(self._grid.sizeHint().width(), self._grid.minimumSize().height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # QWidget.resizeEvent
        """Re-flow the buttons for the new width, in rows as even as possible."""
        spacing = max(self._grid.horizontalSpacing(), 0)
        count = len(self.buttons)
        fit = max(1, min(count, (event.size().width() + spacing) // (self._widest() + spacing)))
        rows = -(-count // fit)
        self._arrange(-(-count // rows))
        super().resizeEvent(event)
