"""KeyedRows: a new list of rows becomes row-level signals, never a reset."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from mentorpair.ui.keyed_rows import MAX_MOVES, KeyedRows

Index = QModelIndex | QPersistentModelIndex


class _Model(QAbstractListModel):
    """Rows of (key, text); a shadow list follows the signals as a view would."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: KeyedRows[str, tuple[str, str]] = KeyedRows(self, lambda row: row[0])
        self.shadow: list[str] = []
        self.changed: list[tuple[int, int]] = []
        self.resets = 0
        self.relaid = 0
        self.rowsRemoved.connect(lambda _p, first, last: self._removed(first, last))
        self.rowsInserted.connect(lambda _p, first, last: self._inserted(first, last))
        self.rowsMoved.connect(lambda _p, first, last, _d, to: self._moved(first, last, to))
        self.dataChanged.connect(lambda a, b, _r: self.changed.append((a.row(), b.row())))
        self.modelReset.connect(self._reset)
        self.layoutChanged.connect(self._relaid)

    def _removed(self, first: int, last: int) -> None:
        del self.shadow[first : last + 1]

    def _inserted(self, first: int, last: int) -> None:
        self.shadow[first:first] = [self.rows.at(n)[0] for n in range(first, last + 1)]  # type: ignore[index]

    def _moved(self, first: int, last: int, to: int) -> None:
        moving = self.shadow[first : last + 1]
        del self.shadow[first : last + 1]
        at = to if to < first else to - len(moving)
        self.shadow[at:at] = moving

    def _reset(self) -> None:
        self.resets += 1

    def _relaid(self) -> None:
        self.relaid += 1
        self.shadow = [row[0] for row in self.rows]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.rows.at(index.row())
        return None if row is None or role != Qt.ItemDataRole.DisplayRole else row[1]


def _rows(keys: list[str], text: str = "") -> list[tuple[str, str]]:
    return [(key, text or key) for key in keys]


def test_one_changed_row_is_one_data_changed_of_that_row(qapp):
    model = _Model()
    model.rows.replace(_rows(list("abcdef")))
    model.changed.clear()
    new = _rows(list("abcdef"))
    new[3] = ("d", "D")
    changes = model.rows.replace(new)
    assert model.changed == [(3, 3)]
    assert changes.touched == (3,)
    assert model.resets == 0


def test_one_row_moved_far_is_one_move(qapp):
    model = _Model()
    model.rows.replace(_rows(list("abcdefghijklmnop")))
    model.shadow = list("abcdefghijklmnop")
    moves: list[int] = []
    model.rowsMoved.connect(lambda *_a: moves.append(1))
    model.rows.replace(_rows(list("bcdefghijklmnopa")))
    assert moves == [1]
    assert model.shadow == list("bcdefghijklmnopa")


@settings(max_examples=300, deadline=None)
@given(
    old=st.lists(st.sampled_from("abcdefghijklmnopqrstuvwxyz"), unique=True),
    new=st.lists(st.sampled_from("abcdefghijklmnopqrstuvwxyz"), unique=True),
    edited=st.sets(st.sampled_from("abcdefghijklmnopqrstuvwxyz")),
)
def test_any_new_list_is_reached_by_row_signals(qapp, old, new, edited):
    model = _Model()
    model.rows.replace(_rows(old))
    model.shadow = list(old)
    model.changed.clear()
    fresh = [(key, key.upper() if key in edited else key) for key in new]
    changes = model.rows.replace(fresh)
    assert model.resets == 0
    assert model.shadow == new
    assert [row for row in model.rows] == fresh
    changed = {row for first, last in model.changed for row in range(first, last + 1)}
    assert changed == {n for n, key in enumerate(new) if key in edited and key in old}
    assert model.relaid == int(changes.relaid)
    if changes.relaid:
        assert len(changes.moved) == 0
    else:
        assert len(changes.moved) <= MAX_MOVES


def test_a_new_order_is_one_layout_change_and_the_selection_follows_its_row(qtbot):
    from PySide6.QtWidgets import QListView

    model = _Model()
    keys = list("abcdefghijklmnopqrst")
    model.rows.replace(_rows(keys))
    view = QListView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.setCurrentIndex(model.index(2, 0))  # "c"
    changes = model.rows.replace(_rows(keys[::-1]))
    assert changes.relaid and model.relaid == 1 and model.resets == 0
    assert view.currentIndex().row() == len(keys) - 3
    assert view.currentIndex().data() == "c"
    assert [index.row() for index in view.selectionModel().selectedIndexes()] == [len(keys) - 3]


def test_put_moves_one_row_and_changes_it(qapp):
    model = _Model()
    model.rows.replace(_rows(list("abcdef")))
    model.shadow = list("abcdef")
    model.changed.clear()
    model.rows.put(("e", "E"), 1)
    assert model.shadow == list("aebcdf") and model.resets == 0
    assert model.changed == [(1, 1)]
    assert model.rows.row_of("e") == 1 and model.rows[1] == ("e", "E")
