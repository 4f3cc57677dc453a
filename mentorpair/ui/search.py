"""Full-text search over notes, goals, agenda items and actions, for the main window.

The words typed are looked up in the vault's encrypted index a quarter of a
second after the last keystroke. Results show the matched words highlighted,
what kind of thing each one is in words (for a note: who may read it), and,
when searching every pair, whose pair it belongs to. In presenter mode
private notes and reflections are never searched, so not even a title of
one can appear on a shared screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QKeyEvent, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mentorpair.domain.model import NoteKind

from mentorpair.ui.announce import StatusLabel
from mentorpair.ui.pair.note_list import kind_colour, kind_pixmap
from mentorpair.ui.wording import kind_label

if TYPE_CHECKING:  # the locked window needs no vault code (issue 12)
    from mentorpair.storage.workspace import SearchHit, Workspace

__all__ = ["SEARCH_DELAY_MS", "SearchPanel", "SearchResult", "SearchResultsModel"]

# Quiet time after the last keystroke before searching.
SEARCH_DELAY_MS = 250

# Custom roles of :class:`SearchResultsModel`.
PairIdRole = Qt.ItemDataRole.UserRole + 1
EntityKindRole = Qt.ItemDataRole.UserRole + 2
EntityIdRole = Qt.ItemDataRole.UserRole + 3
TitleHtmlRole = Qt.ItemDataRole.UserRole + 4
SnippetHtmlRole = Qt.ItemDataRole.UserRole + 5
KindTextRole = Qt.ItemDataRole.UserRole + 6
NoteKindRole = Qt.ItemDataRole.UserRole + 7

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class SearchResult:
    """One row: the hit, and what the panel worked out about it for people.

    Attributes:
        hit: the storage's result (title and snippet carry match marks).
        kind_text: what it is, in words ("Goal", "Note · Private — only me").
        where: whose pair it is in, when searching every pair; else empty.
        note_kind: for a note, who may read it (drives stripe and glyph).
    """

    hit: SearchHit
    kind_text: str
    where: str
    note_kind: NoteKind | None


class SearchResultsModel(QAbstractListModel):
    """The results of one search, best first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._results: list[SearchResult] = []

    def set_results(self, results: list[SearchResult]) -> None:
        """Show ``results`` instead of the previous ones."""
        self.beginResetModel()
        self._results = list(results)
        self.endResetModel()

    def result_at(self, row: int) -> SearchResult | None:
        """The result in ``row``, if any."""
        return self._results[row] if 0 <= row < len(self._results) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008  # QAbstractItemModel.rowCount
        """Number of results (a list has no children)."""
        return 0 if parent.isValid() else len(self._results)

    def data(
        self, index: Index, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # QAbstractItemModel.data
        """Plain or highlighted title and snippet, ids and kind, by role."""
        # Lazy: it imports the vault's search code, which the locked window leaves alone.
        from mentorpair.storage.search_marks import marks_to_html, strip_marks

        result = self.result_at(index.row()) if index.isValid() else None
        if result is None:
            return None
        hit = result.hit
        title = strip_marks(hit.title).strip() or self.tr("Untitled")
        if role == Qt.ItemDataRole.DisplayRole:
            return title
        if role == PairIdRole:
            return hit.pair_id
        if role == EntityKindRole:
            return hit.kind
        if role == EntityIdRole:
            return hit.entity_id
        if role == TitleHtmlRole:
            return marks_to_html(hit.title) if hit.title.strip() else self.tr("Untitled")
        if role == SnippetHtmlRole:
            # One line: the snippet's line breaks (Markdown lists, headings) become spaces.
            return marks_to_html(" ".join(hit.snippet.split()))
        if role == KindTextRole:
            return f"{result.kind_text}  ·  {result.where}" if result.where else result.kind_text
        if role == NoteKindRole:
            # "" for things that are not notes: the delegate tests it for truth.
            return result.note_kind.value if result.note_kind is not None else ""
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            parts = [title, result.kind_text, result.where, strip_marks(hit.snippet)]
            return ". ".join(p for p in parts if p.strip())
        return None


class SearchResultsDelegate(QStyledItemDelegate):
    """Paints a result: title and snippet with matches bold on a marker colour, kind line."""

    PAD = 8
    STRIPE = 5
    ICON = 16

    def sizeHint(
        self, option: QStyleOptionViewItem, index: Index
    ) -> QSize:  # QStyledItemDelegate.sizeHint
        """Title, kind and place, snippet: each wrapped to the list's width, never cut off."""
        widget = option.widget
        width = widget.viewport().width() if isinstance(widget, QAbstractItemView) else 300
        docs = self._lines(option, index, QRect(0, 0, width, 0), "#000", "#000")
        height = sum(round(doc.size().height()) for _x, doc in docs) + 3 * (len(docs) - 1)
        return QSize(200, height + 2 * self.PAD + 2)

    def _lines(
        self, option: QStyleOptionViewItem, index: Index, rect: QRect, text: str, muted: str
    ) -> list[tuple[int, QTextDocument]]:
        """The three lines as documents wrapped to their width, with their left edges."""
        left = rect.left() + self.STRIPE + self.PAD
        kind_left = left + (self.ICON + 6 if index.data(NoteKindRole) else 0)
        rows = (
            (left, str(index.data(TitleHtmlRole)), text),
            (kind_left, escape(str(index.data(KindTextRole))), muted),
            (left, str(index.data(SnippetHtmlRole)), text),
        )
        right = rect.left() + rect.width() - self.PAD
        docs = []
        for x, html, ink in rows:
            doc = self._document(html, option, ink)
            doc.setTextWidth(max(40, right - x))
            docs.append((x, doc))
        return docs

    def _document(self, html: str, option: QStyleOptionViewItem, colour: str) -> QTextDocument:
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultFont(option.font)
        background, ink = self._marker(option)
        doc.setDefaultStyleSheet(f"b {{ background-color: {background}; color: {ink}; }}")
        doc.setHtml(f'<span style="color:{colour}">{html}</span>')
        return doc

    @staticmethod
    def _marker(option: QStyleOptionViewItem) -> tuple[str, str]:
        """Background and text colour of a matched word (its own, readable when selected)."""
        palette: QPalette = option.palette
        dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
        return ("#6b5a12", "#ffffff") if dark else ("#ffe58a", "#1d232b")

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: Index
    ) -> None:  # QStyledItemDelegate.paint
        """Draw background, kind stripe (notes), then the three lines."""
        # No initStyleOption(): everything drawn comes from our own roles.
        opt = option
        widget = opt.widget
        rect: QRect = opt.rect
        palette: QPalette = opt.palette
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        painter.save()
        if widget is not None:
            widget.style().drawPrimitive(
                QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, widget
            )
        left = rect.left() + self.STRIPE + self.PAD
        # Through QVariant a StrEnum comes back as its plain string value.
        raw_kind = index.data(NoteKindRole)
        note_kind = NoteKind(raw_kind) if raw_kind else None
        line = opt.fontMetrics.height()
        if note_kind is not None:
            colour = kind_colour(note_kind, palette)
            painter.fillRect(QRect(rect.left(), rect.top(), self.STRIPE, rect.height()), colour)
            ratio = widget.devicePixelRatioF() if widget is not None else 1.0
            glyph = palette.color(QPalette.ColorRole.HighlightedText) if selected else colour
            painter.drawPixmap(
                left, rect.top() + self.PAD + line + 3 + (line - self.ICON) // 2,
                kind_pixmap(note_kind, glyph, self.ICON, ratio),
            )  # fmt: skip
        text = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        ).name()
        muted = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        ).name()
        y = rect.top() + self.PAD
        for x, doc in self._lines(opt, index, rect, text, muted):
            painter.save()
            painter.translate(x, y)
            context = QAbstractTextDocumentLayout.PaintContext()
            doc.documentLayout().draw(painter, context)
            painter.restore()
            y += round(doc.size().height()) + 3
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(rect.left(), rect.bottom(), rect.right(), rect.bottom())
        painter.restore()


class _SearchBox(QLineEdit):
    """The search field: Down moves into the results, Escape clears.

    Signals:
        down_pressed(): the person wants to go into the results.
    """

    down_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # QWidget.keyPressEvent
        """Down arrow goes to the results; Escape empties the field."""
        if event.key() == Qt.Key.Key_Down:
            self.down_pressed.emit()
            return
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            return
        super().keyPressEvent(event)


class SearchPanel(QWidget):
    """A search box and its results, for one pair or every pair.

    Signals:
        result_activated(str, str, str): pair id, kind ("note", "goal",
            "agenda", "action", "suggestion") and entity id of the result the
            person opened (Enter or double-click).

    Attributes:
        box: the search field.
        status: the count of results, or the empty state in words.
        results: the list view; ``model`` its :class:`SearchResultsModel`.
    """

    result_activated = Signal(str, str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace: Workspace | None = None
        self._pair_id: str | None = None
        self._presenter = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.box = _SearchBox(self)
        self.box.setAccessibleName(self.tr("Search"))
        self.box.setPlaceholderText(self.tr("Search notes, goals, agenda and actions  (Ctrl+F)"))
        self.box.setClearButtonEnabled(True)
        for button in self.box.findChildren(QToolButton):
            button.setAccessibleName(self.tr("Clear search"))
        self.box.setEnabled(False)  # until a vault is open
        self.box.textChanged.connect(lambda _text: self._timer.start())
        self.box.returnPressed.connect(self.run_search)
        self.box.down_pressed.connect(self._enter_results)
        self.status = StatusLabel(self.tr("Search results summary"), self)
        self.status.setObjectName("hint")
        self.status.setWordWrap(True)
        self.model = SearchResultsModel(self)
        self.results = QListView(self)
        self.results.setAccessibleName(self.tr("Search results"))
        self.results.setModel(self.model)
        self.results.setItemDelegate(SearchResultsDelegate(self.results))
        # Rows as tall as their wrapped words; laid out again when the dock's width changes.
        self.results.setUniformItemSizes(False)
        self.results.setResizeMode(QListView.ResizeMode.Adjust)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.activated.connect(self._on_activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)
        layout.addStretch(0)  # keeps the status line at the top while the list is hidden
        self.setFocusProxy(self.box)
        self._show_results([])

    def set_context(
        self, workspace: Workspace | None, pair_id: str | None, presenter: bool
    ) -> None:
        """Search ``workspace`` (None: locked), in one pair or all (None).

        The current words are searched again at once, so turning presenter
        mode on removes private results immediately, not after a delay.
        """
        self._workspace = workspace
        self._pair_id = pair_id
        self._presenter = presenter
        if workspace is None:
            self._timer.stop()
            self.box.clear()
        self.box.setEnabled(workspace is not None)
        self.run_search()

    def focus_search(self) -> None:
        """Ctrl+F: put the cursor in the box with its words selected, ready to retype."""
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()

    def run_search(self) -> None:
        """Search now for what is in the box."""
        self._timer.stop()
        # Control characters (a pasted NUL) are not words, and SQLite's parser
        # would stop at a NUL: they never reach the query.
        text = "".join(c for c in self.box.text() if c.isprintable() or c.isspace()).strip()
        if self._workspace is None or not text:
            self._show_results([])
            return
        hits = self._workspace.search(
            text, pair_id=self._pair_id, include_private=not self._presenter
        )
        if self._presenter:
            hits = [h for h in hits if not h.private]  # never rely on one guard alone
        self._show_results([self._describe(hit) for hit in hits])

    def _describe(self, hit: SearchHit) -> SearchResult:
        assert self._workspace is not None
        state = self._workspace.state(hit.pair_id)
        note_kind: NoteKind | None = None
        if hit.kind == "note":
            note = state.notes.get(hit.entity_id)
            note_kind = note.kind if note is not None else None
            kind_text = (
                self.tr("Note · {0}").format(kind_label(note_kind))
                if note_kind is not None
                else self.tr("Note")
            )
        else:
            kind_text = {
                "goal": self.tr("Goal"),
                "agenda": self.tr("Agenda item"),
                "action": self.tr("Action"),
                "suggestion": self.tr("Suggested agenda item"),
            }.get(hit.kind, hit.kind)
        where = self.tr("with {0}").format(state.partner_name) if self._pair_id is None else ""
        return SearchResult(hit, kind_text, where, note_kind)

    def _show_results(self, results: list[SearchResult]) -> None:
        self.model.set_results(results)
        text = self.box.text().strip()
        if self._workspace is None:
            self.status.setText(self.tr("Unlock the vault to search."))
        elif not text:
            where = self.tr("this pair") if self._pair_id else self.tr("all your pairs")
            self.status.setText(
                self.tr(
                    "Type a word to find it in the notes, goals, agenda and actions of {0}."
                ).format(where)
            )
        elif not results:
            self.status.setText(
                self.tr("No matches for “{0}”. Try fewer or shorter words.").format(text)
            )
        else:
            count = (
                self.tr("1 result.")
                if len(results) == 1
                else self.tr("{0} results.").format(len(results))
            )
            self.status.setText(count + " " + self.tr("Press Enter on one to open it."))
        self.results.setVisible(bool(results))
        if results:
            self.results.setCurrentIndex(self.model.index(0, 0))

    def _enter_results(self) -> None:
        if self.model.rowCount():
            self.results.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_activated(self, index: QModelIndex) -> None:
        result = self.model.result_at(index.row())
        if result is not None:
            self.result_activated.emit(result.hit.pair_id, result.hit.kind, result.hit.entity_id)
