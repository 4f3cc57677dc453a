"""The Notes tab: every note of the pair on the left, the chosen one's editor on the right.

Notes save themselves: 800 ms after the last keystroke, and at once when the
editor loses focus, another note is chosen or the tab is hidden. Each save is
a NOTE_EDITED event naming the revision the text was loaded from, so an edit
that crossed the partner's edit of the same note becomes a visible conflict to
resolve, never a silent overwrite.

Who may read a note is shown in words, colour and a glyph, in the list and
in a banner above the editor. In presenter mode private notes and reflections
are not in the list at all.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, QUrl
from PySide6.QtGui import (
    QDesktopServices,
    QHideEvent,
    QKeySequence,
    QResizeEvent,
    QShortcut,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QTextBrowser,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from mentorpair.domain.events import EventKind
from mentorpair.domain.model import Note, NoteKind, Role
from mentorpair.domain.rules import RuleViolation
from mentorpair.domain.state import MAX_TEXT, MAX_TITLE
from mentorpair.errors import KnownError
from mentorpair.storage.workspace import new_id

from mentorpair.ui.announce import StatusLabel
from mentorpair.ui.pair.base import PairContext, PairTab
from mentorpair.ui.pair.note_dialogs import NewNoteDialog
from mentorpair.ui.pair.note_list import KindBanner, NoteIdRole, NotesDelegate, NotesModel
from mentorpair.ui.pair.note_list import visible_notes as visible_notes
from mentorpair.ui.widgets import buddy_label, repolish, warning_box
from mentorpair.ui.wording import format_datetime, mode_word

__all__ = ["AUTOSAVE_MS", "NotesModel", "NotesTab"]

# Quiet time after the last keystroke before a note saves itself.
AUTOSAVE_MS = 800

# Link schemes the preview opens (on a click only); anything else is ignored.
_LINK_SCHEMES = frozenset({"http", "https", "mailto"})

_MARKDOWN = (
    QTextDocument.MarkdownFeature.MarkdownDialectGitHub
    | QTextDocument.MarkdownFeature.MarkdownNoHTML
)


class MarkdownPreview(QTextBrowser):
    """Read-only rendering of a note's Markdown that never fetches anything by itself.

    Qt's own Markdown support draws the text; raw HTML is switched off, images
    are not loaded (not even local files), and links open in the browser only
    when clicked.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._open_link)

    def show_markdown(self, text: str) -> None:
        """Render ``text`` as GitHub-flavoured Markdown without HTML."""
        self.document().setMarkdown(text, _MARKDOWN)

    def loadResource(self, kind: int, name: QUrl | str) -> object:  # QTextBrowser.loadResource
        """Load nothing: a note must not make the app read files or the network."""
        return None

    def _open_link(self, url: QUrl) -> None:
        if url.scheme().lower() in _LINK_SCHEMES:
            QDesktopServices.openUrl(url)


class _FixedLine(QWidget):
    """Holds a status line at a fixed size, so new words do not re-lay out the window.

    A label whose text changes asks its parent layouts to recompute; in a
    window this size that cost more than saving the note. A widget whose
    minimum and maximum size are equal does not ask, so the label is kept
    at exactly the size of this holder.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._held: QLabel | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def hold(self, label: QLabel, lines: int) -> None:
        """Keep ``label`` inside, ``lines`` lines high."""
        self._held = label
        self.setFixedHeight(label.fontMetrics().lineSpacing() * lines + 4)
        label.setFixedSize(self.size())

    def resizeEvent(self, event: QResizeEvent) -> None:  # QWidget.resizeEvent
        """The label takes the holder's new size (and only then re-lays out)."""
        super().resizeEvent(event)
        if self._held is not None:
            self._held.setFixedSize(event.size())


class NotesTab(PairTab):
    """Notes of one pair: list, filter, editor with autosave, conflicts, new and delete.

    Attributes:
        model: the notes the list shows.
        list: the list view.
        title_edit, body, preview: the editor's parts.
        save_state: "Saved", "Saving…" or "Not saved: …".
        new_note_dialog: the open "New note" dialog, if any.
    """

    def __init__(self, context: PairContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._note_id: str | None = None
        self._base = ""  # the revision the editor's text was loaded from or saved as
        self._dirty = False
        self._loading = False
        self._restoring = False
        self._kind_filter: NoteKind | None = None
        self.new_note_dialog: NewNoteDialog | None = None

        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.save)
        # Other tabs learn of a save a moment later: the list is reordered only
        # after the click or key press that caused the save has been handled.
        self._announce = QTimer(self)
        self._announce.setSingleShot(True)
        self._announce.setInterval(0)
        self._announce.timeout.connect(self._after_save)
        self._saved: set[str] = set()  # notes saved since the last announcement

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self._build_list())
        splitter.addWidget(self._build_editor())
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([300, 700])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(splitter)

        new_shortcut = QShortcut(QKeySequence("Ctrl+N"), self)
        new_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        new_shortcut.activated.connect(self.new_note)
        save_shortcut = QShortcut(QKeySequence("Ctrl+S"), self)
        save_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save_shortcut.activated.connect(self.save)
        delete_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.list)
        delete_shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_shortcut.activated.connect(self.delete_note)
        # Filled when first shown (PairTab.showEvent), not while the pair opens.

    # ------------------------------------------------------------- building
    def _build_list(self) -> QWidget:
        panel = QWidget(self)
        self.new_button = QPushButton(self.tr("&New note"), panel)
        self.new_button.setAccessibleName(self.tr("New note"))
        self.new_button.setToolTip(self.tr("Write a new note (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_note)
        self.filter_box = QComboBox(panel)
        self.filter_box.setAccessibleName(self.tr("Show notes of kind"))
        self.filter_box.currentIndexChanged.connect(self._on_filter_changed)
        self.model = NotesModel(self)
        # A flat QTreeView, not a QListView: a list view lays out every row again
        # when one row's data changes, which made each save cost ten thousand rows.
        self.list = QTreeView(panel)
        self.list.setAccessibleName(self.tr("Notes"))
        self.list.setModel(self.model)
        self.list.setItemDelegate(NotesDelegate(self.list))
        self.list.setUniformRowHeights(True)
        self.list.setHeaderHidden(True)
        self.list.header().setAccessibleName(self.tr("Notes"))
        self.list.setRootIsDecorated(False)
        self.list.setIndentation(0)
        self.list.setItemsExpandable(False)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.selectionModel().currentChanged.connect(self._on_current_changed)
        # Enter (or a double click) on a note: start writing in it.
        self.list.activated.connect(lambda _index: self.body.setFocus())
        self.list_empty = QLabel(panel)
        self.list_empty.setObjectName("hint")
        self.list_empty.setWordWrap(True)
        self.list_empty.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.list_stack = QStackedWidget(panel)
        self.list_stack.addWidget(self.list)
        self.list_stack.addWidget(self.list_empty)

        top = QHBoxLayout()
        top.addWidget(self.new_button)
        top.addStretch(1)
        show = QHBoxLayout()
        show.addWidget(buddy_label(self.tr("&Show:"), self.filter_box))
        show.addWidget(self.filter_box, 1)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.addLayout(top)
        layout.addLayout(show)
        layout.addWidget(self.list_stack, 1)
        panel.setMinimumWidth(200)
        return panel

    def _build_editor(self) -> QWidget:
        self.editor_stack = QStackedWidget(self)
        self.no_note_hint = QLabel(self.editor_stack)
        self.no_note_hint.setObjectName("hint")
        self.no_note_hint.setWordWrap(True)
        self.no_note_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_note_hint.setMargin(24)
        editor = QWidget(self.editor_stack)

        self.banner = KindBanner(editor)
        self.ended_notice = QLabel(
            self.tr("This relationship has ended, so its notes can be read but not changed."),
            editor,
        )
        self.ended_notice.setObjectName("hint")
        self.ended_notice.setWordWrap(True)
        self.conflict_box = self._build_conflict_box(editor)
        self.deleted_box = self._build_deleted_box(editor)

        self.title_edit = QLineEdit(editor)
        self.title_edit.setAccessibleName(self.tr("Note title"))
        self.title_edit.setPlaceholderText(self.tr("Untitled note"))
        self.title_edit.setMaxLength(MAX_TITLE)
        self.title_edit.textEdited.connect(lambda _text: self._on_edited())
        self.links = QLabel(editor)
        self.links.setObjectName("hint")
        self.links.setWordWrap(True)

        self.body = QPlainTextEdit(editor)
        self.body.setAccessibleName(self.tr("Note text (Markdown)"))
        self.body.setPlaceholderText(
            self.tr(
                "Write here. It saves by itself.\n\nMarkdown works: **bold**, *italic*, "
                "# Heading, - list item, [link](https://example.org)."
            )
        )
        self.body.setTabChangesFocus(True)
        self.body.textChanged.connect(self._on_edited)
        self.preview = MarkdownPreview(editor)
        self.preview.setAccessibleName(self.tr("Preview of the note"))
        self.modes = QTabWidget(editor)
        self.modes.setAccessibleName(self.tr("Write or preview"))
        self.modes.addTab(self.body, self.tr("&Write"))
        self.modes.addTab(self.preview, self.tr("&Preview"))
        self.modes.currentChanged.connect(self._on_mode_changed)
        for watched in (self.title_edit, self.body):
            watched.installEventFilter(self)

        save_line = _FixedLine(editor)
        self.save_state = StatusLabel(self.tr("Save state"), save_line)
        self.save_state.setWordWrap(True)  # a long reason takes a second line
        save_line.hold(self.save_state, lines=2)
        self.delete_button = QPushButton(self.tr("&Delete note"), editor)
        self.delete_button.setAccessibleName(self.tr("Delete note"))
        self.delete_button.clicked.connect(self.delete_note)
        bottom = QHBoxLayout()
        bottom.addWidget(save_line, 1)
        bottom.addWidget(self.delete_button)

        title_row = QHBoxLayout()
        title_row.addWidget(buddy_label(self.tr("T&itle:"), self.title_edit))
        title_row.addWidget(self.title_edit, 1)
        layout = QVBoxLayout(editor)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.ended_notice)
        layout.addWidget(self.conflict_box)
        layout.addWidget(self.deleted_box)
        layout.addLayout(title_row)
        layout.addWidget(self.links)
        layout.addWidget(self.modes, 1)
        layout.addLayout(bottom)
        self.editor = editor
        self.editor_stack.addWidget(self.no_note_hint)
        self.editor_stack.addWidget(editor)
        return self.editor_stack

    def _build_conflict_box(self, parent: QWidget) -> QWidget:
        box = warning_box(
            self.tr(
                "Edits of this note crossed: it was changed in more than one place from the "
                "same version. Choose the text to keep; the others are then let go."
            ),
            parent,
        )
        self.mine_view = QPlainTextEdit(box)
        self.theirs_view = QPlainTextEdit(box)
        # Three or more crossed edits keep every losing version: pick one to compare.
        self.other_versions = QComboBox(box)
        self.other_versions.setAccessibleName(self.tr("Which other version"))
        self.other_versions.currentIndexChanged.connect(self._show_other_version)
        versions = QHBoxLayout()
        for view, name in (
            (self.mine_view, self.tr("This version")),
            (self.theirs_view, self.tr("The other version")),
        ):
            view.setReadOnly(True)
            view.setAccessibleName(name)
            view.setMaximumHeight(120)
            view.setTabChangesFocus(True)
            column = QVBoxLayout()
            heading = QLabel(name, box)
            heading.setStyleSheet("font-weight: 600;")
            column.addWidget(heading)
            if view is self.theirs_view:
                column.addWidget(self.other_versions)
            column.addWidget(view)
            versions.addLayout(column)
        self.keep_mine = QPushButton(self.tr("&Keep this version"), box)
        self.keep_mine.setAccessibleName(self.tr("Keep this version"))
        self.keep_mine.clicked.connect(lambda: self._resolve(keep_other=False))
        self.keep_theirs = QPushButton(self.tr("Keep the ot&her version"), box)
        self.keep_theirs.setAccessibleName(self.tr("Keep the other version"))
        self.keep_theirs.clicked.connect(lambda: self._resolve(keep_other=True))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.keep_mine)
        buttons.addWidget(self.keep_theirs)
        layout = box.layout()
        assert isinstance(layout, QVBoxLayout)  # warning_box lays out vertically
        layout.addLayout(versions)
        layout.addLayout(buttons)
        return box

    def _build_deleted_box(self, parent: QWidget) -> QWidget:
        box = warning_box("", parent)
        plain = box.findChild(QLabel)
        assert plain is not None
        plain.hide()  # the notice's words change: a status line a reader hears
        self.deleted_label = StatusLabel(self.tr("Note deleted elsewhere"), box)
        self.deleted_label.setWordWrap(True)
        self.keep_note = QPushButton(self.tr("Keep this &note"), box)
        self.keep_note.setAccessibleName(self.tr("Keep this note"))
        self.keep_note.clicked.connect(lambda: self._resolve(keep_other=False))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.keep_note)
        layout = box.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.addWidget(self.deleted_label)
        layout.addLayout(row)
        return box

    def _show_other_version(self, choice: int) -> None:
        """Show the crossed version picked in the list (newest first)."""
        note = self.context.state.notes.get(self._note_id or "")
        if note is not None and 0 <= choice < len(note.conflicts):
            version = note.conflicts[len(note.conflicts) - 1 - choice]
            # The title only where the crossed versions differ in it.
            crossed_title = version.title != note.title
            self.theirs_view.setPlainText(
                f"{version.title}\n\n{version.text}" if crossed_title else version.text
            )

    # ------------------------------------------------------------- showing
    def refresh(self) -> None:
        """Re-read the notes; keep the chosen note and any unsaved typing."""
        self._reload(self._note_id)

    def _reload(self, wanted: str | None) -> None:
        """Fill the list and show ``wanted`` (or the newest note if it is not listed)."""
        state = self.context.state
        self._update_filter_choices()
        notes = visible_notes(
            state.notes.values(), presenter=self.context.presenter, kind=self._kind_filter
        )
        self._restoring = True
        try:
            self.model.set_notes(notes)
            row = self.model.row_of(wanted)
            if row < 0 and notes:
                row = 0
            if row >= 0:
                index = self.model.index(row, 0)
                self.list.setCurrentIndex(index)
                self.list.scrollTo(index)
        finally:
            self._restoring = False
        note = self.model.note_at(row)
        if note is None:
            self._close_editor()
        elif note.note_id != self._note_id:
            self._open(note)
        else:
            self._sync(note)
        self._show_empty_state(len(state.notes), len(notes))
        self.new_button.setEnabled(not self.context.read_only)

    def set_presenter(self, on: bool) -> None:
        """Save first, then hide private notes and reflections (and their titles)."""
        self.save()
        if self.new_note_dialog is not None:
            self.new_note_dialog.reject()
        super().set_presenter(on)

    def select_note(self, note_id: str) -> bool:
        """Show ``note_id`` in the editor (search results use this); False if hidden."""
        self.ensure_fresh()
        if self.context.presenter:
            note = self.context.state.notes.get(note_id)
            if note is None or note.kind is not NoteKind.SHARED:
                return False
        if self.model.row_of(note_id) < 0 and self._kind_filter is not None:
            self.filter_box.setCurrentIndex(0)  # show all kinds, then look again
        row = self.model.row_of(note_id)
        if row < 0:
            return False
        self.list.setCurrentIndex(self.model.index(row, 0))
        self.list.scrollTo(self.model.index(row, 0))
        return self._note_id == note_id

    def _update_filter_choices(self) -> None:
        # Item data is the kind's value, "" for all kinds.
        choices: list[tuple[str, str]] = [
            (self.tr("All notes"), ""),
            (self.tr("Shared"), NoteKind.SHARED.value),
        ]
        if not self.context.presenter:
            choices.append((self.tr("Private"), NoteKind.PRIVATE.value))
            if self.context.my_role is Role.MENTOR:
                choices.append((self.tr("Reflections"), NoteKind.REFLECTION.value))
        values = [value for _text, value in choices]
        current = [self.filter_box.itemData(i) for i in range(self.filter_box.count())]
        if current == values:
            return
        self.filter_box.blockSignals(True)
        self.filter_box.clear()
        for text, value in choices:
            self.filter_box.addItem(text, value)
        if self._kind_filter is not None and self._kind_filter.value not in values:
            self._kind_filter = None
        wanted = self._kind_filter.value if self._kind_filter is not None else ""
        self.filter_box.setCurrentIndex(values.index(wanted))
        self.filter_box.blockSignals(False)

    def _show_empty_state(self, total: int, shown: int) -> None:
        if shown:
            self.list_stack.setCurrentWidget(self.list)
            return
        if total and self.context.presenter:
            text = self.tr(
                "No shared notes yet. Presenter mode is on, so private notes and "
                "reflections are hidden."
            )
        elif total:
            text = self.tr("No notes of this kind. Choose “All notes” above to see the others.")
        elif self.context.read_only:
            text = self.tr("No notes were written in this relationship.")
        else:
            text = self.tr(
                "No notes yet.\n\nPress Ctrl+N or “New note” to write one. A shared "
                "session note is seen by both of you; a private note stays on this "
                "computer and only you see it."
            )
        self.list_empty.setText(text)
        self.list_stack.setCurrentWidget(self.list_empty)

    def _open(self, note: Note) -> None:
        """Load ``note`` into the editor (any unsaved text of the last one was saved)."""
        self._note_id = note.note_id
        self._load_text(note)
        self.editor_stack.setCurrentWidget(self.editor)
        self._set_saved()
        self._sync(note)

    def _load_text(self, note: Note) -> None:
        self._loading = True
        try:
            self.title_edit.setText(note.title)
            self.title_edit.setCursorPosition(0)  # show a long title's beginning
            self.body.setPlainText(note.text)
        finally:
            self._loading = False
        self._base = note.revision
        self._dirty = False
        if self.modes.currentWidget() is self.preview:
            self.preview.show_markdown(note.text)

    def _sync(self, note: Note) -> None:
        """Bring banner, links, conflict and editability in line with ``note``."""
        if note.revision != self._base and not self._dirty:
            self._load_text(note)  # changed elsewhere (the partner) and not being typed
        self.banner.set_kind(note.kind, self.context.state.partner_name)
        self.links.setText(self._link_text(note))
        self.links.setVisible(bool(self.links.text()))
        read_only = self.context.read_only
        self.ended_notice.setVisible(read_only)
        self.title_edit.setReadOnly(read_only)
        self.body.setReadOnly(read_only)
        self.delete_button.setEnabled(not read_only)
        self.conflict_box.setVisible(bool(note.conflicts))
        if note.conflicts:
            titles_differ = any(v.title != note.title for v in note.conflicts)
            self.mine_view.setPlainText(
                f"{note.title}\n\n{note.text}" if titles_differ else note.text
            )
            self.other_versions.blockSignals(True)
            self.other_versions.clear()
            for version in reversed(note.conflicts):
                self.other_versions.addItem(
                    self.tr("{0}, {1}").format(
                        self._who(version.author), format_datetime(version.at)
                    )
                )
            self.other_versions.setVisible(len(note.conflicts) > 1)
            self.other_versions.blockSignals(False)
            self.other_versions.setCurrentIndex(0)
            self._show_other_version(0)
            self.keep_mine.setEnabled(not read_only)
            self.keep_theirs.setEnabled(not read_only)
        self.deleted_box.setVisible(note.deleted_by is not None and not note.conflicts)
        if note.deleted_by is not None:
            self.deleted_label.setText(
                self.tr(
                    "{0} deleted this note while it was being edited elsewhere. It was kept so "
                    "that no words are lost: keep it, or delete it again."
                ).format(self._who(note.deleted_by))
            )
            self.keep_note.setEnabled(not read_only)
        if read_only:
            self.save_state.setText(self.tr("Read-only"))
            self.save_state.setObjectName("hint")
            repolish(self.save_state)

    def _link_text(self, note: Note) -> str:
        state = self.context.state
        parts = []
        meeting = state.meetings.get(note.meeting_id or "")
        if meeting is not None:
            parts.append(
                self.tr("From the meeting on {0} ({1})").format(
                    format_datetime(meeting.starts_at), mode_word(meeting.mode)
                )
            )
        goal = state.goals.get(note.goal_id or "")
        if goal is not None:
            parts.append(self.tr("About the goal “{0}”").format(goal.title))
        return "  ·  ".join(parts)

    def _close_editor(self) -> None:
        self._autosave.stop()
        self._note_id = None
        self._dirty = False
        self._base = ""
        self._loading = True
        try:
            self.title_edit.clear()
            self.body.clear()
            self.preview.clear()
            self.mine_view.clear()
            self.theirs_view.clear()
        finally:
            self._loading = False
        if self.model.rowCount():
            text = self.tr("Choose a note on the left, or press Ctrl+N to write a new one.")
        elif self.context.read_only:
            text = self.tr("There is nothing to show here.")
        else:
            text = self.tr("Your notes open here. Press Ctrl+N to write the first one.")
        self.no_note_hint.setText(text)
        self.editor_stack.setCurrentWidget(self.no_note_hint)

    # ------------------------------------------------------------- saving
    def save(self) -> bool:
        """Save unsaved typing now; return False (and say why) if it could not be saved."""
        self._autosave.stop()
        if not self._dirty or self._note_id is None:
            return True
        if self.context.workspace.vault.closed:
            return self._set_not_saved(self.tr("the vault is locked."))
        note = self.context.state.notes.get(self._note_id)
        text = self.body.toPlainText()
        if note is None:
            return self._set_not_saved(self.tr("this note was deleted elsewhere."))
        if len(text) > MAX_TEXT:
            return self._set_not_saved(
                self.tr(
                    "the note is longer than {0} characters; move part of it into a new note."
                ).format(f"{MAX_TEXT:,}")
            )
        try:
            # Straight to the workspace, not context.record: no pop-up in the middle
            # of typing; a refusal shows in the save state line instead. base is
            # the revision this text grew from: if the partner's edit of the same
            # revision arrived meanwhile, the fold keeps both as a conflict.
            event = self.context.workspace.record(
                self.context.pair_id,
                EventKind.NOTE_EDITED,
                note_id=note.note_id,
                base=self._base,
                title=self.title_edit.text(),
                text=text,
            )
        except (RuleViolation, KnownError) as exc:
            return self._set_not_saved(exc.message if isinstance(exc, KnownError) else str(exc))
        self._base = event.event_id
        self._dirty = False
        self._set_saved()
        self._saved.add(note.note_id)
        self._announce.start()
        return True

    def _after_save(self) -> None:
        """Show saved notes in their rows (newest first), then tell the other tabs.

        Only the saved rows change: a save must not re-read ten thousand notes.
        """
        saved, self._saved = self._saved, set()
        if self.context.workspace.vault.closed:
            return
        notes = self.context.state.notes
        for note_id in saved:
            note = notes.get(note_id)
            if note is not None:
                self.model.update_note(note)
        self.changed.emit()

    def _on_edited(self) -> None:
        if self._loading or self._note_id is None or self.context.read_only:
            return
        self._dirty = True
        self.save_state.setText(self.tr("Saving…"))
        self.save_state.setObjectName("hint")
        repolish(self.save_state)
        self._autosave.start()

    def _set_saved(self) -> None:
        self.save_state.setText(self.tr("Saved"))
        self.save_state.setObjectName("ok")
        repolish(self.save_state)

    def _set_not_saved(self, reason: str) -> bool:
        self.save_state.setText(self.tr("Not saved: {0}").format(reason))
        self.save_state.setObjectName("error")
        repolish(self.save_state)
        return False

    def _who(self, role: Role) -> str:
        """A person as this reader knows them: "You" or the partner's name."""
        if role is self.context.my_role:
            return self.tr("You")
        return self.context.state.partner_name

    def _resolve(self, keep_other: bool) -> None:
        """Settle crossed versions (or a deletion notice) with one text, as a resolving edit."""
        note = self.context.state.notes.get(self._note_id or "")
        if note is None or not (note.conflicts or note.deleted_by is not None):
            return
        self._autosave.stop()
        title, text = self.title_edit.text(), note.text
        if keep_other and note.conflicts:
            index = len(note.conflicts) - 1 - max(self.other_versions.currentIndex(), 0)
            title, text = note.conflicts[index].title, note.conflicts[index].text
        event = self.context.record(
            self,
            EventKind.NOTE_EDITED,
            note_id=note.note_id,
            base=note.revision,
            title=title,
            text=text,
            resolve=True,
        )
        if event is None:
            return
        resolved = self.context.state.notes[note.note_id]
        self._load_text(resolved)
        self._sync(resolved)
        self._set_saved()
        self.model.update_note(resolved)
        self.changed.emit()

    # ------------------------------------------------------------- commands
    def new_note(self) -> None:
        """Ask the kind (shared by default) and make a new, empty note."""
        if self.context.read_only or self.new_note_dialog is not None:
            return
        self.save()
        dialog = NewNoteDialog(
            self.context.state, self.context.clock(), self.context.presenter, self
        )
        dialog.accepted.connect(lambda: self._create(dialog))
        dialog.finished.connect(lambda _result: self._forget_dialog(dialog))
        self.new_note_dialog = dialog
        dialog.open()

    def _forget_dialog(self, dialog: NewNoteDialog) -> None:
        if self.new_note_dialog is dialog:
            self.new_note_dialog = None
        dialog.deleteLater()

    def _create(self, dialog: NewNoteDialog) -> None:
        note_id = new_id()
        if self.context.record(self, EventKind.NOTE_CREATED, note_id=note_id, **dialog.body()):
            # The new note must be in the list, whatever its kind.
            self._kind_filter = None
            self.filter_box.blockSignals(True)
            self.filter_box.setCurrentIndex(0)
            self.filter_box.blockSignals(False)
            self._reload(note_id)
            self.changed.emit()
            if self.title_edit.text():
                self.body.setFocus()
            else:
                self.title_edit.setFocus()

    def delete_note(self) -> None:
        """Delete the chosen note after asking."""
        note = self.context.state.notes.get(self._note_id or "")
        if note is None or self.context.read_only:
            return
        title = self.title_edit.text().strip() or self.tr("Untitled note")
        question = self.tr("Delete the note “{0}”? You cannot undo this.").format(title)
        if note.kind is NoteKind.SHARED:
            question += " " + self.tr("It is deleted for your partner too.")
        answer = QMessageBox.question(
            self,
            self.tr("Delete note"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._autosave.stop()
        # base: the version this person saw; if someone edited it meanwhile, the
        # note stays (with a notice) instead of taking their words with it.
        deleted = self.context.record(
            self, EventKind.NOTE_DELETED, note_id=note.note_id, base=note.revision
        )
        if deleted:
            row = self.model.row_of(note.note_id)
            self._dirty = False
            following = self.model.note_at(row + 1) or self.model.note_at(row - 1)
            self._reload(following.note_id if following is not None else None)
            self.changed.emit()

    # ------------------------------------------------------------- events
    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._restoring:
            return
        note_id = current.data(NoteIdRole) if current.isValid() else None
        if note_id == self._note_id:
            return
        if not self.save() and self.model.row_of(self._note_id) >= 0:
            # Typing that could not be saved is not thrown away: stay on its note
            # (once the click that moved away has been handled) with the reason shown.
            kept = self._note_id
            QTimer.singleShot(0, self, lambda: self._go_back(kept))
            return
        note = self.context.state.notes.get(note_id) if note_id else None
        if note is None:
            self._close_editor()
        else:
            self._open(note)

    def _go_back(self, note_id: str | None) -> None:
        row = self.model.row_of(note_id)
        if row >= 0 and note_id == self._note_id:
            self._restoring = True
            try:
                self.list.setCurrentIndex(self.model.index(row, 0))
            finally:
                self._restoring = False

    def _on_filter_changed(self, _index: int) -> None:
        self.save()
        data = self.filter_box.currentData()
        self._kind_filter = NoteKind(data) if data else None
        self.refresh()

    def _on_mode_changed(self, _index: int) -> None:
        if self.modes.currentWidget() is self.preview:
            self.save()
            self.preview.show_markdown(self.body.toPlainText())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # QObject.eventFilter
        """Save when the title or the text loses focus."""
        if event.type() == QEvent.Type.FocusOut and watched in (self.title_edit, self.body):
            self.save()
        return super().eventFilter(watched, event)

    def hideEvent(self, event: QHideEvent) -> None:  # QWidget.hideEvent
        """Save when the tab is left (another tab, another pair, the window locking)."""
        self.save()
        super().hideEvent(event)
