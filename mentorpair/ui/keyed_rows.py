"""Rows of a flat item model, keyed by id, that tell the view only what changed.

A model that re-reads the pair after every change used to replace all its
rows with one reset: the view then forgot the selection and scroll position
and measured every row again (two seconds for two thousand goals). Handing
the fresh rows to :meth:`KeyedRows.replace` instead announces, by key:

* rows that are gone: ``beginRemoveRows``/``endRemoveRows``, one run at a time,
  from the bottom up;
* rows whose place changed: one ``beginMoveRows``/``endMoveRows`` per moved row
  while few moved (a goal whose status changed, an action ticked done); the
  rows that keep their order are the longest increasing run, so one row that
  moved is one move, not the rows it passed. Past :data:`MAX_MOVES` (a new
  sort order) it is one ``layoutChanged`` with the persistent indexes mapped
  by key: still no reset, so the selection follows its row, but the view lays
  out every row once, which is what a new order costs anyway;
* new rows: ``beginInsertRows``/``endInsertRows``, one run at a time;
* rows whose value changed (compared with ``==``; domain values are frozen, so
  an unchanged goal is mostly the very same object): ``dataChanged`` over each
  run of changed rows, across all columns.

Never a reset, so a view keeps its selection, current row and scroll position.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex

__all__ = ["MAX_MOVES", "KeyedRows", "RowChanges"]

K = TypeVar("K", bound=Hashable)
R = TypeVar("R")

# More moved rows than this are one layoutChanged (a new order), not single moves.
MAX_MOVES = 8


@dataclass(frozen=True, slots=True)
class RowChanges:
    """What one :meth:`KeyedRows.replace` announced (tests and table fitting read it).

    Attributes:
        removed: rows removed (counted, their old rows are gone).
        inserted: rows inserted, as rows of the new list.
        moved: rows moved one by one, as rows of the new list.
        changed: rows whose data changed, as rows of the new list.
        relaid: True if the order changed so much that it was one layoutChanged.
    """

    removed: int = 0
    inserted: tuple[int, ...] = ()
    moved: tuple[int, ...] = ()
    changed: tuple[int, ...] = ()
    relaid: bool = False

    @property
    def touched(self) -> tuple[int, ...]:
        """Rows of the new list that are new, moved or changed (each once, in order)."""
        return tuple(sorted({*self.inserted, *self.moved, *self.changed}))


def _runs(rows: Sequence[int]) -> Iterator[tuple[int, int]]:
    """Sorted rows as (first, last) runs of consecutive numbers."""
    start = previous = -2
    for row in rows:
        if row != previous + 1:
            if start >= 0:
                yield start, previous
            start = row
        previous = row
    if start >= 0:
        yield start, previous


def _increasing(values: Sequence[int]) -> set[int]:
    """The positions of a longest strictly increasing run of ``values`` (patience sorting)."""
    tails: list[int] = []  # tails[n]: position ending the best run of length n + 1
    before = [-1] * len(values)
    for position, value in enumerate(values):
        low, high = 0, len(tails)
        while low < high:
            middle = (low + high) // 2
            if values[tails[middle]] < value:
                low = middle + 1
            else:
                high = middle
        before[position] = tails[low - 1] if low else -1
        if low == len(tails):
            tails.append(position)
        else:
            tails[low] = position
    kept: set[int] = set()
    position = tails[-1] if tails else -1
    while position >= 0:
        kept.add(position)
        position = before[position]
    return kept


class KeyedRows(Generic[K, R]):
    """The rows a flat model shows, replaced by key with row-level signals.

    The model reads its rows from here (``rows[n]``, ``len(rows)``) and calls
    :meth:`replace` with the fresh list; the model's ``data`` must read from
    this object, which is updated between each ``begin…`` and ``end…`` call.

    Args:
        model: the model whose signals are emitted (a flat list or table).
        key: a row's identity (its id): equal keys are the same row.
    """

    def __init__(self, model: QAbstractItemModel, key: Callable[[R], K]) -> None:
        self._model = model
        self._key = key
        self._rows: list[R] = []
        self._where: dict[K, int] | None = {}

    # ------------------------------------------------------------- reading
    def __len__(self) -> int:
        return len(self._rows)

    def __iter__(self) -> Iterator[R]:
        return iter(self._rows)

    def __getitem__(self, row: int) -> R:
        return self._rows[row]

    def at(self, row: int) -> R | None:
        """The value in ``row``, or None outside the rows."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, key: K) -> int:
        """The row with ``key``, or -1."""
        if self._where is None:
            self._where = {self._key(value): n for n, value in enumerate(self._rows)}
        return self._where.get(key, -1)

    # ------------------------------------------------------------- changing
    def replace(self, new: Sequence[R], *, all_changed: bool = False) -> RowChanges:
        """Show ``new`` instead, announcing removals, moves, insertions and changed rows.

        ``all_changed`` marks every kept row changed, for a change that is not
        in the row values (the reader's role, today's date).
        """
        new = list(new)
        new_keys = [self._key(value) for value in new]
        if len(set(new_keys)) != len(new_keys):
            raise ValueError("two rows with the same key")
        wanted = set(new_keys)
        old_keys = [self._key(value) for value in self._rows]
        root = QModelIndex()

        gone = [n for n, key in enumerate(old_keys) if key not in wanted]
        for first, last in reversed(list(_runs(gone))):
            self._model.beginRemoveRows(root, first, last)
            del self._rows[first : last + 1]
            self._where = None
            self._model.endRemoveRows()

        kept_keys = {self._key(value) for value in self._rows}
        order = [key for key in new_keys if key in kept_keys]
        moved, relaid = self._reorder(order)

        added = [n for n, key in enumerate(new_keys) if key not in kept_keys]
        for first, last in _runs(added):
            self._model.beginInsertRows(root, first, last)
            self._rows[first:first] = new[first : last + 1]
            self._where = None
            self._model.endInsertRows()

        fresh = set(added)
        changed = [
            n
            for n, (shown, value) in enumerate(zip(self._rows, new, strict=True))
            if n not in fresh and (all_changed or (shown is not value and shown != value))
        ]
        self._rows = new
        self._where = None
        # A list model's columnCount is private in PySide6: a list has one column.
        flat = isinstance(self._model, QAbstractListModel)
        last_column = 0 if flat else max(self._model.columnCount(root) - 1, 0)
        for first, last in _runs(changed):
            self._model.dataChanged.emit(
                self._model.index(first, 0, root), self._model.index(last, last_column, root)
            )
        moved_rows = tuple(sorted(new_keys.index(key) for key in moved))
        return RowChanges(len(gone), tuple(added), moved_rows, tuple(changed), relaid)

    def put(self, value: R, target: int) -> None:
        """Show ``value`` in place of its key's row, moved to ``target``: one move, one change.

        For one row saved by the person (a note moved to the top): cheaper
        than :meth:`replace` with ten thousand rows, as nothing else is compared.
        """
        source = self.row_of(self._key(value))
        if source < 0 or not 0 <= target < len(self._rows):
            raise IndexError("no such row")
        root = QModelIndex()
        if target != source:
            self._model.beginMoveRows(
                root, source, source, root, target if target < source else target + 1
            )
            self._rows.insert(target, self._rows.pop(source))
            self._where = None
            self._model.endMoveRows()
        self._rows[target] = value
        flat = isinstance(self._model, QAbstractListModel)
        last_column = 0 if flat else max(self._model.columnCount(root) - 1, 0)
        self._model.dataChanged.emit(
            self._model.index(target, 0, root), self._model.index(target, last_column, root)
        )

    def _reorder(self, order: list[K]) -> tuple[list[K], bool]:
        """Put the kept rows in ``order``; return the keys moved one by one, and if relaid."""
        keys = [self._key(value) for value in self._rows]
        if keys == order:
            return [], False
        target = {key: n for n, key in enumerate(order)}
        staying = _increasing([target[key] for key in keys])
        moving = [key for n, key in enumerate(keys) if n not in staying]
        if len(moving) > MAX_MOVES:
            self._relayout(order)
            return [], True
        moving_set = set(moving)
        by_key = dict(zip(keys, self._rows, strict=True))
        root = QModelIndex()
        done: list[K] = []
        for place, key in enumerate(order):
            if key not in moving_set:
                continue
            source = keys.index(key)
            # Right after the row that comes before it in the new order.
            after = keys.index(order[place - 1]) + 1 if place else 0
            if after in (source, source + 1):
                continue  # already there
            self._model.beginMoveRows(root, source, source, root, after)
            del keys[source]
            destination = after - 1 if after > source else after
            keys.insert(destination, key)
            self._rows = [by_key[k] for k in keys]
            self._where = None
            self._model.endMoveRows()
            done.append(key)
        return done, False

    def _relayout(self, order: list[K]) -> None:
        """One layoutChanged for a new order, the persistent indexes following their rows."""
        model = self._model
        model.layoutAboutToBeChanged.emit()
        by_key = {self._key(value): value for value in self._rows}
        old_keys = [self._key(value) for value in self._rows]
        self._rows = [by_key[key] for key in order]
        self._where = None
        before = model.persistentIndexList()
        after = [
            model.index(self.row_of(old_keys[index.row()]), index.column(), QModelIndex())
            for index in before
        ]
        model.changePersistentIndexList(before, after)
        model.layoutChanged.emit()
