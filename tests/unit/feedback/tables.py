"""An independent check of table suppression: search every table that fits what is published.

Written without looking at :mod:`mentorpair.feedback.suppression`'s cycle
argument: a plain exhaustive search over the non-negative integer values of
the hidden numbers, with bounds tightened along every published row and column
sum so that it finishes in milliseconds. A hidden number is safe when some
table that agrees with every published number has another value there.
"""

from __future__ import annotations

from collections.abc import Sequence

Position = tuple[int, int]
Domains = dict[Position, tuple[int, int]]


def other_value_possible(
    cells: Sequence[Sequence[int]],
    k: int,
    hidden: frozenset[Position],
    target: Position,
    row_total_bounds: Sequence[tuple[int, int]] | None = None,
) -> bool:
    """Whether a table fitting everything published differs from ``cells`` at ``target``.

    What a reader knows: every published number; each hidden number is a
    whole number, 0 or more; one that is small (1..k-1) lies in 1..k-1; a row
    total lies within ``row_total_bounds`` when given.
    """
    rows, cols = len(cells), len(cells[0])
    true = {(i, j): cells[i][j] for i in range(rows) for j in range(cols)}
    for i in range(rows):
        true[(i, cols)] = sum(cells[i])
    for j in range(cols):
        true[(rows, j)] = sum(cells[i][j] for i in range(rows))
    grand = true[(rows, cols)] = sum(true[(i, cols)] for i in range(rows))
    sums = [([(i, j) for j in range(cols)], (i, cols)) for i in range(rows + 1)]
    sums += [([(i, j) for i in range(rows)], (rows, j)) for j in range(cols + 1)]

    start: Domains = {}
    for pos, value in true.items():
        if pos not in hidden:
            start[pos] = (value, value)
            continue
        low, high = (1, k - 1) if 0 < value < k else (0, grand)
        if row_total_bounds and pos[1] == cols and pos[0] < rows:
            low = max(low, row_total_bounds[pos[0]][0])
            high = min(high, row_total_bounds[pos[0]][1])
        start[pos] = (low, high)

    def tighten(dom: Domains) -> bool:
        changed = True
        while changed:
            changed = False
            for parts, total in sums:
                low_sum = sum(dom[p][0] for p in parts)
                high_sum = sum(dom[p][1] for p in parts)
                t_low, t_high = max(dom[total][0], low_sum), min(dom[total][1], high_sum)
                if t_low > t_high:
                    return False
                if (t_low, t_high) != dom[total]:
                    dom[total] = (t_low, t_high)
                    changed = True
                for p in parts:
                    low, high = dom[p]
                    new = (max(low, t_low - (high_sum - high)), min(high, t_high - (low_sum - low)))
                    if new[0] > new[1]:
                        return False
                    if new != (low, high):
                        dom[p] = new
                        low_sum += new[0] - low
                        high_sum += new[1] - high
                        changed = True
        return True

    def exists(dom: Domains) -> bool:
        if not tighten(dom):
            return False
        open_ = [p for p, (low, high) in dom.items() if low < high]
        if not open_:
            return True  # every number fixed and every sum holds
        pos = min(open_, key=lambda p: dom[p][1] - dom[p][0])
        low, high = dom[pos]
        middle = (low + high) // 2
        return any(exists({**dom, pos: half}) for half in ((low, middle), (middle + 1, high)))

    value = true[target]
    low, high = start[target]
    return any(
        exists({**start, target: half})
        for half in ((low, value - 1), (value + 1, high))
        if half[0] <= half[1]
    )
