"""The sidebar: the person's pairs, or an explanation of pairs when there are none."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QListView,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mentorpair.domain.model import Role

from mentorpair.ui.keyed_rows import KeyedRows

if TYPE_CHECKING:  # the locked window builds the sidebar without the vault code (issue 12)
    from mentorpair.storage.workspace import PairSummary
    from mentorpair.sync.pairing import PairingStatus

__all__ = ["PairListModel", "PairsSidebar"]

PAIR_ID_ROLE = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex


class PairListModel(QAbstractListModel):
    """The pairs of the open vault, one row each."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Each pair with its link to the partner: what its row shows.
        self._pairs: KeyedRows[str, tuple[PairSummary, PairingStatus | None]] = KeyedRows(
            self, lambda row: row[0].pair_id
        )

    def set_pairs(
        self, pairs: list[PairSummary], sharing: dict[str, PairingStatus] | None = None
    ) -> None:
        """Show ``pairs``, announcing only the rows that changed (the selection stays).

        ``sharing`` gives each pair's link to the partner, shown in words and
        as an icon.
        """
        links = sharing or {}
        self._pairs.replace([(pair, links.get(pair.pair_id)) for pair in pairs])

    def row_of(self, pair_id: str) -> int:
        """The row showing ``pair_id``, or -1."""
        return self._pairs.row_of(pair_id)

    def rowCount(self, parent: _Index | None = None) -> int:  # QAbstractItemModel.rowCount
        """Number of pairs (a list has no children)."""
        return 0 if parent is not None and parent.isValid() else len(self._pairs)

    def data(
        self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # QAbstractItemModel.data
        """Partner name and role in words; the pair id under PAIR_ID_ROLE."""
        row = self._pairs.at(index.row()) if index.isValid() else None
        if row is None:
            return None
        pair, status = row
        if role == Qt.ItemDataRole.DisplayRole:
            their_role = (
                self.tr("your mentor") if pair.my_role is Role.MENTEE else self.tr("your mentee")
            )
            text = self.tr("{0}\n{1}").format(pair.partner_name, their_role)
            text += self.tr(" · ended") if pair.ended else ""
            if status is None:
                return text
            # Lazy: it imports the sync code, which the locked window leaves alone.
            from mentorpair.ui.sync.wording import status_short

            return f"{text}\n{status_short(status)}"
        if role == Qt.ItemDataRole.DecorationRole:
            if status is None:
                return None
            from mentorpair.ui.sync.wording import status_icon  # lazy: as above

            return status_icon(status)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.data(index)  # the whole of a long name the narrow list cuts off
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.data(index).replace("\n", ", ")
        if role == PAIR_ID_ROLE:
            return pair.pair_id
        return None


class PairsSidebar(QFrame):
    """The list of pairs; with none yet, it explains what a pair is and how one starts.

    Signals:
        pair_selected(str): the person chose a pair.
        new_pair_requested(): the person asked to start a pair.
    """

    pair_selected = Signal(str)
    new_pair_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        # Narrow windows (800 px) need the room for the tabs; names wrap.
        self.setMinimumWidth(150)
        title = QLabel(self.tr("Pairs"), self)
        title.setObjectName("subheading")
        self.model = PairListModel(self)
        self.list = QListView(self)
        self.list.setModel(self.model)
        self.list.setAccessibleName(self.tr("Pairs"))
        self.list.setSpacing(2)
        # A long name wraps onto another line in a narrow window, never scrolls sideways.
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setWordWrap(True)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.selectionModel().currentChanged.connect(self._on_current)
        self.empty = QLabel(
            self.tr(
                "<b>No pairs yet</b><br><br>"
                "A pair is one mentoring relationship: you and your mentor, or you and "
                "your mentee. What you write in it stays between the two of you.<br><br>"
                "To start one, choose <b>New pair</b> below and say who your partner is. "
                "Later, you will invite them and read a short safety code to each other, "
                "in person or by phone, so you both know no one is in between."
            ),
            self,
        )
        self.empty.setObjectName("hint")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.list)
        self.new_button = QPushButton(self.tr("&New pair…"), self)
        self.new_button.setAccessibleName(self.tr("New pair"))
        self.new_button.clicked.connect(self.new_pair_requested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 16, 12, 12)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.new_button)

    def set_pairs(
        self,
        pairs: list[PairSummary],
        current: str | None = None,
        sharing: dict[str, PairingStatus] | None = None,
    ) -> None:
        """Show ``pairs`` (with their ``sharing`` state) and select ``current`` (or the first)."""
        self.model.set_pairs(pairs, sharing)
        self.stack.setCurrentWidget(self.list if pairs else self.empty)
        row = self.model.row_of(current) if current else (0 if pairs else -1)
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row))

    def current_pair(self) -> str | None:
        """The selected pair's id."""
        index = self.list.currentIndex()
        return str(index.data(PAIR_ID_ROLE)) if index.isValid() else None

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.pair_selected.emit(str(current.data(PAIR_ID_ROLE)))
