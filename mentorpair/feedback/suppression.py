"""Cell suppression for a two-way table, so that no small group can be worked out.

A cross-tab of a question's answers (rows) against a fact such as role
(columns) is published with its row totals, column totals and grand total. A
cell holding 1 to k-1 people is hidden (*primary* suppression), and so is a
total of 1 to k-1. Hiding one number of a row is useless while the rest of the
row and its total are shown: subtraction gives it back. So more numbers are
hidden (*secondary* suppression) until no hidden number can be recovered.

The check is exact, not a rule of thumb. Write the table with its totals as an
(R+1)×(C+1) grid whose totals carry a minus sign; then every row and every
column of the grid sums to zero. The hidden numbers are the edges of a
bipartite graph between grid rows and grid columns, and another table that
agrees with everything published differs from this one by a circulation on
that graph. By conformal decomposition, a hidden number can take another value
exactly when some simple cycle through it can be walked with alternating +1/-1
steps while every hidden number stays within what an attacker knows of it: a
primary number lies in 1..k-1, any other in 0 or more, and a row total may
have bounds from the question's published answer counts. :func:`protect` adds
complements until every hidden number passes that check, or hides the whole
table when it cannot.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["Protection", "protect"]

Position = tuple[int, int]
#: No upper bound: a number nobody knows more about than "0 or more".
_UNBOUNDED = 1 << 62


@dataclass(frozen=True)
class Protection:
    """Which numbers of a table with totals may be published.

    Positions are in the grid with totals: ``(i, j)`` for ``i < rows`` and
    ``j < columns`` is a cell, ``(i, columns)`` is row ``i``'s total,
    ``(rows, j)`` column ``j``'s, and ``(rows, columns)`` the grand total.

    Attributes:
        whole_table: the table cannot be published at all (its total is below k,
            or no choice of complements protects it); every number is hidden.
        hidden: the positions to hide when ``whole_table`` is false.
        primary: the hidden positions that hold 1..k-1 people themselves.
    """

    whole_table: bool
    hidden: frozenset[Position]
    primary: frozenset[Position]


class _Grid:
    """The table with its totals, bounds and the current hidden set."""

    def __init__(
        self,
        cells: Sequence[Sequence[int]],
        k: int,
        row_total_bounds: Sequence[tuple[int, int]] | None,
    ) -> None:
        self.rows = len(cells)
        self.columns = len(cells[0]) if cells else 0
        self.k = k
        values: dict[Position, int] = {}
        for i, row in enumerate(cells):
            for j, value in enumerate(row):
                values[(i, j)] = value
            values[(i, self.columns)] = sum(row)
        for j in range(self.columns):
            values[(self.rows, j)] = sum(cells[i][j] for i in range(self.rows))
        values[(self.rows, self.columns)] = sum(values[(i, self.columns)] for i in range(self.rows))
        self.values = values
        #: Numbers the public already knows from elsewhere: never "hidden".
        self.fixed: set[Position] = {(self.rows, self.columns)}
        self.bounds: dict[Position, tuple[int, int]] = {}
        for i in range(self.rows):
            low, high = row_total_bounds[i] if row_total_bounds else (0, _UNBOUNDED)
            if low == high:
                self.fixed.add((i, self.columns))
            self.bounds[(i, self.columns)] = (low, high)
        self.primary = {
            pos for pos, value in values.items() if 0 < value < k and pos not in self.fixed
        }
        self.hidden: set[Position] = set(self.primary)

    def sign(self, pos: Position) -> int:
        """+1 for cells and the grand total, -1 for row and column totals."""
        i, j = pos
        return -1 if (i == self.rows) != (j == self.columns) else 1

    def limits(self, pos: Position) -> tuple[int, int]:
        """What an attacker knows about the number at ``pos`` if it is hidden."""
        low, high = (1, self.k - 1) if pos in self.primary else (0, _UNBOUNDED)
        known_low, known_high = self.bounds.get(pos, (0, _UNBOUNDED))
        return max(low, known_low), min(high, known_high)

    def lines(self) -> list[list[Position]]:
        """Every grid row and grid column: each sums to zero with signs."""
        grid_rows = [[(i, j) for j in range(self.columns + 1)] for i in range(self.rows + 1)]
        grid_cols = [[(i, j) for i in range(self.rows + 1)] for j in range(self.columns + 1)]
        return grid_rows + grid_cols

    def complement(self, line: Sequence[Position]) -> Position | None:
        """The best published number of ``line`` to hide beside a lone hidden one.

        Small non-zero cells first: a zero protects little (it is often the
        only value left) and a hidden total forces more totals to be hidden.
        """
        candidates = [pos for pos in line if pos not in self.hidden and pos not in self.fixed]
        if not candidates:
            return None
        return min(
            candidates,
            key=lambda pos: (
                pos[0] == self.rows or pos[1] == self.columns,
                self.values[pos] == 0,
                self.values[pos],
                pos,
            ),
        )

    def can_move(self, start: Position) -> bool:
        """Whether the hidden number at ``start`` can take another value."""
        return self._cycle(start, +1) or self._cycle(start, -1)

    def _fits(self, pos: Position, step: int) -> bool:
        low, high = self.limits(pos)
        return low <= self.values[pos] + self.sign(pos) * step <= high

    def _cycle(self, start: Position, step: int) -> bool:
        if not self._fits(start, step):
            return False
        home_row, first_col = start
        by_row: dict[int, list[Position]] = {}
        by_col: dict[int, list[Position]] = {}
        for pos in self.hidden:
            by_row.setdefault(pos[0], []).append(pos)
            by_col.setdefault(pos[1], []).append(pos)

        def walk(at_col: int | None, at_row: int | None, change: int, used: set[Position]) -> bool:
            # Alternate: leave a column along a hidden number in it, then a row.
            if at_col is not None:
                for pos in by_col.get(at_col, ()):
                    if pos in used or not self._fits(pos, change):
                        continue
                    if pos[0] == home_row:
                        return True
                    if pos[0] in visited_rows:
                        continue
                    visited_rows.add(pos[0])
                    if walk(None, pos[0], -change, used | {pos}):
                        return True
                    visited_rows.discard(pos[0])
                return False
            assert at_row is not None  # one of the two is always set
            for pos in by_row.get(at_row, ()):
                if pos in used or pos[1] in visited_cols or not self._fits(pos, change):
                    continue
                visited_cols.add(pos[1])
                if walk(pos[1], None, -change, used | {pos}):
                    return True
                visited_cols.discard(pos[1])
            return False

        visited_rows: set[int] = {home_row}
        visited_cols: set[int] = {first_col}
        return walk(first_col, None, -step, {start})


def protect(
    cells: Sequence[Sequence[int]],
    k: int,
    row_total_bounds: Sequence[tuple[int, int]] | None = None,
) -> Protection:
    """Decide which numbers of a table and its totals to hide.

    Args:
        cells: counts of people, ``cells[row][column]``; at least one of each.
        k: the scheme's minimum group size (2 or more).
        row_total_bounds: what the public already knows of each row total,
            as ``(low, high)``, from the question's published answer counts;
            a row total with ``low == high`` is public anyway and never hidden.

    Returns:
        The positions to hide, or ``whole_table`` when nothing can be shown.
    """
    grid = _Grid(cells, k, row_total_bounds)
    if grid.values[(grid.rows, grid.columns)] < k:
        return _everything(grid)
    lines = grid.lines()
    # Each pass either hides one more number or stops, so this ends.
    for _ in range(len(grid.values) + 2):
        lone = next((line for line in lines if _count_hidden(grid, line) == 1), None)
        if lone is not None:
            extra = grid.complement(lone)
            if extra is None:
                return _everything(grid)
            grid.hidden.add(extra)
            continue
        stuck = next((pos for pos in sorted(grid.hidden) if not grid.can_move(pos)), None)
        if stuck is None:
            return Protection(False, frozenset(grid.hidden), frozenset(grid.primary))
        extra = _widen(grid, stuck, lines)
        if extra is None:
            return _everything(grid)
        grid.hidden.add(extra)
    return _everything(grid)


def _count_hidden(grid: _Grid, line: Sequence[Position]) -> int:
    return sum(1 for pos in line if pos in grid.hidden)


def _widen(grid: _Grid, stuck: Position, lines: Sequence[Sequence[Position]]) -> Position | None:
    """One more number to hide so that ``stuck`` gains room to move."""
    choices = [grid.complement(line) for line in lines if stuck in line]
    found = [pos for pos in choices if pos is not None]
    if not found:
        return None
    return min(found, key=lambda pos: (grid.values[pos] == 0, grid.values[pos], pos))


def _everything(grid: _Grid) -> Protection:
    return Protection(True, frozenset(grid.values), frozenset(grid.primary))
