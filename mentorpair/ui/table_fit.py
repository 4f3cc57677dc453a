"""Fit a table's wrapped rows and narrow columns to their text, measuring only what changed.

``QHeaderView.ResizeToContents`` measures every row again whenever any row
changes: with two thousand goals one changed goal cost a quarter of a second
and more (issue 12). :class:`TableFit` sets the sections to fixed sizes and
measures them itself, driven by the model's row-level signals (see
:mod:`mentorpair.ui.keyed_rows`):

* rows inserted or changed: those rows' heights are measured at once, and a
  fitted column grows if one of them needs more room (it never shrinks for
  one row: that would need every row measured);
* the first rows, or many rows at once (a new order, ``modelReset``/``layoutChanged``)
  or a column width change (the window resized, so the wrapping changed):
  the rows on screen are measured at once and the others in small steps
  while the event loop is idle, so the window never freezes for them.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QTimer
from PySide6.QtWidgets import QHeaderView, QTableView

__all__ = ["CHUNK", "TableFit"]

# Rows measured in one idle step, and the most measured at once for one change.
CHUNK = 100

Index = QModelIndex | QPersistentModelIndex


class TableFit(QObject):
    """Keeps a table's row heights and some column widths fitted to their contents.

    Args:
        view: the table, with its model already set.
        columns: columns as wide as their widest cell (the others keep their mode,
            e.g. one that stretches).
        rows: fit each row's height to its wrapped text; False leaves rows at one
            uniform height (a table whose text does not wrap).

    Attributes:
        measured: how many rows were measured so far (tests count work with it).
    """

    def __init__(self, view: QTableView, columns: Sequence[int] = (), rows: bool = True) -> None:
        super().__init__(view)
        self._view = view
        self._columns = tuple(columns)
        self._rows = rows
        self.measured = 0
        self._next = -1  # the next row the idle steps measure; -1: none left
        self._sizing_columns = False  # our own column fit: its resize signals are expected
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._step)
        header = view.horizontalHeader()
        for column in self._columns:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        if rows:
            view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            header.sectionResized.connect(self._on_column_resized)
        model = view.model()
        model.rowsInserted.connect(self._on_inserted)
        model.rowsRemoved.connect(self._on_removed)
        model.dataChanged.connect(self._on_changed)
        model.modelReset.connect(self.fit_all)
        model.layoutChanged.connect(self.fit_all)

    # ------------------------------------------------------------- public
    def fit_all(self) -> None:
        """Measure every fitted column and row again: the rows on screen first."""
        self._sizing_columns = True
        try:
            # At most the header's resizeContentsPrecision rows (1000) per column.
            for column in self._columns:
                self._view.resizeColumnToContents(column)
        finally:
            self._sizing_columns = False
        self._restart()

    def pending(self) -> bool:
        """Whether rows are still waiting to be measured in idle steps."""
        return self._next >= 0

    def finish(self) -> None:
        """Measure whatever is still waiting now (tests, and a grab of the table)."""
        while self._next >= 0:
            self._step()
        self._timer.stop()

    # ------------------------------------------------------------- signals
    def _on_inserted(self, parent: Index, first: int, last: int) -> None:
        if parent.isValid():
            return
        if self._next > first:
            self._next += last - first + 1
        count = last - first + 1
        if count > CHUNK or count == self._view.model().rowCount():
            self.fit_all()  # many rows, or the first ones: the columns start from their text
        else:
            self._fit(first, last)

    def _on_removed(self, parent: Index, first: int, last: int) -> None:
        if not parent.isValid() and self._next > first:
            self._next = max(first, self._next - (last - first + 1))

    def _on_changed(self, top_left: QModelIndex, bottom_right: QModelIndex, _roles: object) -> None:
        if top_left.parent().isValid():
            return
        first, last = top_left.row(), bottom_right.row()
        if last - first + 1 > CHUNK:
            self.fit_all()
        else:
            self._fit(first, last)

    def _on_column_resized(self, _column: int, before: int, after: int) -> None:
        # The wrapped rows' heights follow the widths: measure them again, lazily.
        if before != after and not self._sizing_columns and self._view.model().rowCount() > 0:
            self._restart()

    # ------------------------------------------------------------- measuring
    def _restart(self) -> None:
        self._next = 0
        self._fit_on_screen()
        self._timer.start()

    def _fit_on_screen(self) -> None:
        """The rows in the viewport now, so what is seen is right before the next paint."""
        view = self._view
        count = view.model().rowCount()
        if not count:
            return
        top = max(view.rowAt(0), 0)
        bottom = view.rowAt(view.viewport().height())
        bottom = count - 1 if bottom < 0 else bottom
        self._fit(top, min(bottom, top + CHUNK - 1), grow_columns=False)

    def _step(self) -> None:
        """One idle step: measure the next rows."""
        count = self._view.model().rowCount()
        if self._next < 0 or self._next >= count:
            self._next = -1
            return
        last = min(self._next + CHUNK, count) - 1
        first, self._next = self._next, last + 1
        self._fit(first, last, grow_columns=False)
        if self._next >= count:
            self._next = -1
        else:
            self._timer.start()

    def _fit(self, first: int, last: int, grow_columns: bool = True) -> None:
        """Measure rows ``first`` to ``last``: their heights, and columns that must grow."""
        view = self._view
        model = view.model()
        last = min(last, model.rowCount() - 1)
        if last < first:
            return
        if grow_columns:
            grid = 1 if view.showGrid() else 0
            for column in self._columns:
                need = max(
                    view.sizeHintForIndex(model.index(row, column)).width() + grid
                    for row in range(first, last + 1)
                )
                if need > view.columnWidth(column):
                    view.setColumnWidth(column, need)
        if self._rows:
            for row in range(first, last + 1):
                view.resizeRowToContents(row)
            self.measured += last - first + 1
