"""Item models of the agenda panel: the mentee's items (reorderable) and mentor suggestions.

The agenda model supports drag and drop and :meth:`AgendaModel.moveRows`; a
move changes the rows at once and hands the new order to a callback that
records it (AGENDA_REORDERED with the full order).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from mentorpair.domain.model import AgendaItem, Suggestion

from mentorpair.ui.keyed_rows import KeyedRows

__all__ = ["AGENDA_MIME", "AgendaModel", "SuggestionModel", "clip"]

Index = QModelIndex | QPersistentModelIndex

# Drag-and-drop payload: a JSON list of the dragged item ids (only this view reads it).
AGENDA_MIME = "application/x-mentorpair-agenda-items"
# A row shows this many characters of each field; the tooltip and the editor show all.
_ROW_CHARS = 160


def clip(text: str) -> str:
    """One line of at most ``_ROW_CHARS`` characters."""
    line = " ".join(text.split())
    return line if len(line) <= _ROW_CHARS else line[: _ROW_CHARS - 1].rstrip() + "…"


class AgendaModel(QAbstractListModel):
    """The items of one meeting's agenda, in the mentee's order.

    Moving rows (by drag and drop or keyboard) changes the rows at once and
    hands the new order to ``on_reorder``, which records it; if that refuses,
    the panel re-reads the state and the old order comes back.

    Attributes:
        ITEM_ID_ROLE: the item's id (str).
        ITEM_ROLE: the :class:`AgendaItem`.
    """

    ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 1
    ITEM_ROLE = Qt.ItemDataRole.UserRole + 2

    def __init__(
        self, on_reorder: Callable[[list[str]], bool], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._on_reorder = on_reorder
        # Each item with the title of its goal (shown on its goal line) and its number.
        self._items: KeyedRows[str, tuple[AgendaItem, str | None, int]] = KeyedRows(
            self, lambda row: row[0].item_id
        )
        self.editable = False

    def set_items(self, items: Sequence[AgendaItem], goals: dict[str, str], editable: bool) -> None:
        """Show ``items``; ``goals`` maps goal ids to titles for the goal line.

        Only changed rows are announced, so the selection and any drag in
        progress stay undisturbed.
        """
        rows = [
            (item, None if item.goal_id is None else goals.get(item.goal_id), number)
            for number, item in enumerate(items, start=1)
        ]
        all_changed = editable != self.editable
        self.editable = editable
        self._items.replace(rows, all_changed=all_changed)

    def item_ids(self) -> list[str]:
        """The ids in the order shown."""
        return [row[0].item_id for row in self._items]

    def row_of(self, item_id: str) -> int:
        """The row of ``item_id``, or -1."""
        return self._items.row_of(item_id)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008  # QAbstractItemModel.rowCount
        """Number of rows (a list has no children)."""
        return 0 if parent.isValid() else len(self._items)

    def data(
        self, index: Index, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # QAbstractItemModel.data
        """What a row shows, by role."""
        row = self._items.at(index.row()) if index.isValid() else None
        if row is None:
            return None
        item, goal, _number = row
        if role == Qt.ItemDataRole.DisplayRole:
            return "\n".join(self._lines(index.row(), item, goal, shorten=True))
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return "\n".join(self._lines(index.row(), item, goal, shorten=False))
        if role == self.ITEM_ID_ROLE:
            return item.item_id
        if role == self.ITEM_ROLE:
            return item
        return None

    def _lines(self, row: int, item: AgendaItem, goal: str | None, shorten: bool) -> list[str]:
        show = clip if shorten else (lambda text: text)
        lines = [self.tr("{0}. {1}").format(row + 1, show(item.title))]
        if item.why.strip():
            lines.append(self.tr("Why now: {0}").format(show(item.why)))
        if item.outcome.strip():
            lines.append(self.tr("Outcome wanted: {0}").format(show(item.outcome)))
        if item.goal_id is not None:
            title = goal if goal is not None else self.tr("a goal no longer listed")
            lines.append(self.tr("Goal: {0}").format(show(title)))
        if item.from_suggestion is not None:
            lines.append(self.tr("Suggested by your mentor"))
        return lines

    def flags(self, index: Index) -> Qt.ItemFlag:  # QAbstractItemModel.flags
        """Items drag only while the mentee may edit; drops land between items."""
        if not index.isValid():
            # Drops land between items (on the root), never onto one.
            return Qt.ItemFlag.ItemIsDropEnabled if self.editable else Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
        if self.editable:
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def supportedDropActions(self) -> Qt.DropAction:  # QAbstractItemModel.supportedDropActions
        """Moving is the only drop; none while read-only."""
        return Qt.DropAction.MoveAction if self.editable else Qt.DropAction.IgnoreAction

    def supportedDragActions(self) -> Qt.DropAction:  # QAbstractItemModel.supportedDragActions
        """Same as the drops: items move, never copy."""
        return self.supportedDropActions()

    def mimeTypes(self) -> list[str]:  # QAbstractItemModel.mimeTypes
        """The one payload this model reads and writes."""
        return [AGENDA_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # QAbstractItemModel.mimeData
        """The dragged item ids, as JSON."""
        rows = sorted({i.row() for i in indexes if i.isValid()})
        data = QMimeData()
        shown = self.item_ids()
        ids = [shown[r] for r in rows if r < len(shown)]
        data.setData(AGENDA_MIME, json.dumps(ids).encode("utf-8"))
        return data

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: Index,
    ) -> bool:  # QAbstractItemModel.dropMimeData
        """Move the dropped item to ``row`` and record the new order."""
        if action == Qt.DropAction.IgnoreAction:
            return True
        if not self.editable or action != Qt.DropAction.MoveAction:
            return False
        if not data.hasFormat(AGENDA_MIME):
            return False
        try:
            ids = json.loads(bytes(data.data(AGENDA_MIME).data()).decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            return False
        if not isinstance(ids, list) or len(ids) != 1 or self.row_of(str(ids[0])) < 0:
            return False
        if row < 0:
            # Dropped onto an item: before it; onto empty space: at the end.
            row = parent.row() if parent.isValid() else len(self._items)
        source = self.row_of(str(ids[0]))
        # Returning True tells the view the drop is handled; the default
        # removeRows (which refuses) keeps it from deleting the source row.
        return self.moveRows(QModelIndex(), source, 1, QModelIndex(), row)

    def moveRows(
        self,
        source_parent: Index,
        source_row: int,
        count: int,
        destination_parent: Index,
        destination_child: int,
    ) -> bool:  # QAbstractItemModel.moveRows
        """Move rows, then hand the full new order to the callback that records it."""
        end = source_row + count
        if (
            not self.editable
            or source_parent.isValid()
            or destination_parent.isValid()
            or count < 1
            or source_row < 0
            or end > len(self._items)
            or not 0 <= destination_child <= len(self._items)
            or source_row <= destination_child <= end  # lands where it already is
        ):
            return False
        rows = list(self._items)
        moving = rows[source_row:end]
        rest = rows[:source_row] + rows[end:]
        at = destination_child if destination_child < source_row else destination_child - count
        # The rows move, and the numbers in front of the titles change in between.
        order = rest[:at] + moving + rest[at:]
        self._items.replace([(item, goal, n) for n, (item, goal, _) in enumerate(order, start=1)])
        return self._on_reorder(self.item_ids())


class SuggestionModel(QAbstractListModel):
    """Suggestions for one meeting: the mentee sees open ones, the mentor all of theirs.

    Attributes:
        SUGGESTION_ID_ROLE: the suggestion's id (str).
    """

    SUGGESTION_ID_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._suggestions: KeyedRows[str, Suggestion] = KeyedRows(
            self, lambda suggestion: suggestion.suggestion_id
        )
        self._with_status = False

    def set_suggestions(self, suggestions: Sequence[Suggestion], with_status: bool) -> None:
        """Show ``suggestions``; the mentor also sees what became of each."""
        all_changed = with_status != self._with_status
        self._with_status = with_status
        self._suggestions.replace(suggestions, all_changed=all_changed)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008  # QAbstractItemModel.rowCount
        """Number of rows (a list has no children)."""
        return 0 if parent.isValid() else len(self._suggestions)

    def data(
        self, index: Index, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # QAbstractItemModel.data
        """What a row shows, by role."""
        suggestion = self._suggestions.at(index.row()) if index.isValid() else None
        if suggestion is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            lines = [clip(suggestion.title)]
            if suggestion.why.strip():
                lines.append(self.tr("Why: {0}").format(clip(suggestion.why)))
            if self._with_status:
                status = {
                    "open": self.tr("Waiting for your mentee"),
                    "accepted": self.tr("Added to the agenda"),
                    "dismissed": self.tr("Not taken up"),
                }
                lines.append(status.get(suggestion.status, suggestion.status))
            return "\n".join(lines)
        if role == Qt.ItemDataRole.ToolTipRole:
            return suggestion.why or None
        if role == self.SUGGESTION_ID_ROLE:
            return suggestion.suggestion_id
        return None
