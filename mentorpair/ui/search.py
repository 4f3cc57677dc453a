"""Full-text search over notes, goals, agenda items and actions, for the main window.

The words typed are looked up in the vault's encrypted index a quarter of a
second after the last keystroke, on a pool thread, so typing never waits for
the index (issue 12). Each keystroke interrupts the search still running and
only the newest search's results are shown; one that takes a while says
"Searching…". Results show the matched words highlighted,
what kind of thing each one is in words (for a note: who may read it), and,
when searching every pair, whose pair it belongs to. In presenter mode
private notes and reflections are never searched, so not even a title of
one can appear on a shared screen.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from functools import partial
from html import escape
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QLocale,
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
from mentorpair.errors import KnownError
from mentorpair.storage.database import is_interrupted
from mentorpair.storage.search_marks import marks_to_html, strip_marks
from mentorpair.storage.workspace import SEARCH_LIMIT, SearchHit, Workspace

from mentorpair.ui.announce import StatusLabel
from mentorpair.ui.pair.note_list import kind_colour, kind_pixmap
from mentorpair.ui.wording import kind_label
from mentorpair.ui.workers import Job, run_in_background

# The locked window never builds the search panel, so this module may import
# the vault code (issue 12): the page is made on the first unlock.
__all__ = [
    "SEARCHING_AFTER_MS",
    "SEARCH_DELAY_MS",
    "SearchPanel",
    "SearchResult",
    "SearchResultsModel",
]

# Quiet time after the last keystroke before searching.
SEARCH_DELAY_MS = 250
# A search still running after this long says so ("Searching…").
SEARCHING_AFTER_MS = 150
# How long locking waits for an interrupted search to let go of the database.
STOP_WAIT_SECONDS = 2.0
# Rows laid out per turn of the event loop: a thousand wrapped rows at once
# would hold up the window (each is measured as three text documents).
LAYOUT_BATCH = 25

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
        # Which search's results may be shown: each new one (and a stop) counts up,
        # and a result that comes back with an older number is dropped.
        self._generation = 0
        self._job: Job | None = None
        # Set when the running search is no longer wanted (read on its thread).
        self._dropped = threading.Event()
        self._searching_timer = QTimer(self)
        self._searching_timer.setSingleShot(True)
        self._searching_timer.setInterval(SEARCHING_AFTER_MS)
        self._searching_timer.timeout.connect(self._show_searching)
        self.box = _SearchBox(self)
        self.box.setAccessibleName(self.tr("Search"))
        self.box.setPlaceholderText(self.tr("Search notes, goals, agenda and actions  (Ctrl+F)"))
        self.box.setClearButtonEnabled(True)
        for button in self.box.findChildren(QToolButton):
            button.setAccessibleName(self.tr("Clear search"))
        self.box.setEnabled(False)  # until a vault is open
        self.box.textChanged.connect(self._on_text_changed)
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
        self.results.setLayoutMode(QListView.LayoutMode.Batched)
        self.results.setBatchSize(LAYOUT_BATCH)
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
        if workspace is None:
            self.stop()  # the vault is about to close
        else:
            self._cancel()
        self._workspace = workspace
        self._pair_id = pair_id
        self._presenter = presenter
        if workspace is None:
            self._timer.stop()
            self.box.clear()
        elif presenter:
            # Private results leave the screen now, not when the new search is done.
            shown = [self.model.result_at(row) for row in range(self.model.rowCount())]
            self.model.set_results([r for r in shown if r is not None and not r.hit.private])
        self.box.setEnabled(workspace is not None)
        self.run_search()

    def stop(self) -> None:
        """Stop a running search and wait for it to let go of the database.

        Called before the vault is locked: afterwards no search reads the
        database, and a result still on its way is dropped.
        """
        job = self._cancel()
        workspace = self._workspace
        if job is None or workspace is None:
            return
        deadline = time.monotonic() + STOP_WAIT_SECONDS
        # A search that had not reached the database at the first interrupt
        # (it waited for the pool or the lock) is interrupted once it does.
        # Should it outlast the wait, closing the database waits for its lock.
        while not job.wait(0.02) and time.monotonic() < deadline:
            workspace.interrupt_search()

    def focus_search(self) -> None:
        """Ctrl+F: put the cursor in the box with its words selected, ready to retype."""
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()

    def run_search(self) -> None:
        """Search for what is in the box, on a pool thread; the results follow."""
        self._timer.stop()
        self._cancel()
        # Control characters (a pasted NUL) are not words, and SQLite's parser
        # would stop at a NUL: they never reach the query.
        text = "".join(c for c in self.box.text() if c.isprintable() or c.isspace()).strip()
        workspace = self._workspace
        if workspace is None or not text:
            self._show_results([])
            return
        generation = self._generation
        pair_id, include_private = self._pair_id, not self._presenter
        dropped = self._dropped = threading.Event()

        def work() -> list[SearchHit] | None:
            if dropped.is_set():
                return None  # replaced while it waited for a thread
            hits = workspace.search(text, pair_id=pair_id, include_private=include_private)
            # Each hit is described from its pair's state (the partner's name, a
            # note's kind): a pair not opened yet is folded here, not on the UI
            # thread, under the database's lock so no save lands half-way.
            for pair in dict.fromkeys(hit.pair_id for hit in hits):
                if dropped.is_set():
                    return None
                with workspace.vault.db.held():
                    workspace.state(pair)
            return hits

        self._job = run_in_background(
            work,
            partial(self._on_found, generation),
            partial(self._on_failed, generation),
            owner=self,
        )
        self._searching_timer.start()

    @property
    def searching(self) -> bool:
        """True while a search runs whose results will be shown."""
        return self._job is not None

    def _on_text_changed(self, _text: str) -> None:
        # What is running now searches for words no longer in the box.
        self._cancel()
        self._timer.start()

    def _cancel(self) -> Job | None:
        """Forget the running search (its result will be dropped) and interrupt it."""
        self._generation += 1
        self._dropped.set()
        self._searching_timer.stop()
        job, self._job = self._job, None
        if job is not None:
            job.cancel()
            if self._workspace is not None:
                self._workspace.interrupt_search()
        return job

    def _show_searching(self) -> None:
        if self._job is not None:
            self.status.setText(self.tr("Searching…"))

    def _on_found(self, generation: int, hits: list[SearchHit] | None) -> None:
        if generation != self._generation or hits is None or self._workspace is None:
            return  # a newer search, a lock or a stop came first
        self._job = None
        self._searching_timer.stop()
        capped = len(hits) >= SEARCH_LIMIT
        if self._presenter:
            hits = [h for h in hits if not h.private]  # never rely on one guard alone
        self._show_results([self._describe(hit) for hit in hits], capped)

    def _on_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return  # replaced by a newer search: nobody waits for this one
        self._job = None
        self._searching_timer.stop()
        if is_interrupted(exc):
            return  # only a stop interrupts, and it comes with a newer number
        if not isinstance(exc, KnownError):
            raise exc  # a bug: to the crash handler, as on the UI thread
        self.model.set_results([])
        self.results.setVisible(False)
        self.status.setText(exc.message)

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

    def _show_results(self, results: list[SearchResult], capped: bool = False) -> None:
        """Show ``results``; ``capped``: the search stopped at :data:`SEARCH_LIMIT`."""
        self.model.set_results(results)
        self._show_status(len(results), capped)
        self.results.setVisible(bool(results))
        if results:
            self.results.setCurrentIndex(self.model.index(0, 0))

    def _show_status(self, count: int, capped: bool) -> None:
        """The status line for ``count`` results shown (or the empty and locked states)."""
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
        elif not count:
            self.status.setText(
                self.tr("No matches for “{0}”. Try fewer or shorter words.").format(text)
            )
        elif capped:
            # The storage stops at the limit: there may be more than are shown.
            self.status.setText(
                self.tr("Showing the first {0} matches. Add a word to narrow the search.").format(
                    QLocale().toString(SEARCH_LIMIT)
                )
            )
        else:
            words = self.tr("1 result.") if count == 1 else self.tr("{0} results.").format(count)
            self.status.setText(words + " " + self.tr("Press Enter on one to open it."))

    def _enter_results(self) -> None:
        if self.model.rowCount():
            self.results.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_activated(self, index: QModelIndex) -> None:
        result = self.model.result_at(index.row())
        if result is not None:
            self.result_activated.emit(result.hit.pair_id, result.hit.kind, result.hit.entity_id)
