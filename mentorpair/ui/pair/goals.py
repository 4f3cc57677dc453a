"""The goals tab: the mentee's goals, their milestones and history, the mentor's reflections.

The mentee owns their goals (seeds: "the mentee stays in control"), so only
the mentee sees the buttons that change them; the mentor sees the same goals
read-only and, beside each, their own reflections, which never leave this
computer and vanish from the screen in presenter mode. The domain refuses a
goal change by the mentor whatever this screen offers.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelection, QObject, Qt, QTimer
from PySide6.QtGui import (
    QKeySequence,
    QResizeEvent,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mentorpair.domain.events import EventKind
from mentorpair.domain.model import Goal, Note, NoteKind
from mentorpair.storage.workspace import new_id

from mentorpair.ui.pair.base import PairContext, PairTab
from mentorpair.ui.pair.goal_forms import (
    CategoriesDialog,
    GoalDialog,
    MilestoneDialog,
    PrivateNotice,
    ReflectionDialog,
    empty_page,
)
from mentorpair.ui.pair.goal_models import (
    GoalsModel,
    HistoryModel,
    MilestonesModel,
    ProgressDelegate,
    ReflectionsModel,
    readable_check_boxes,
)
from mentorpair.ui.table_fit import TableFit
from mentorpair.ui.wording import format_date, status_word

__all__ = ["GoalsTab"]

# Below this width the details go under the list instead of beside it.
_SIDE_BY_SIDE_MIN = 820


def _label(text: str, parent: QWidget, role: str = "", plain: bool = True) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    if plain:
        label.setTextFormat(Qt.TextFormat.PlainText)
    if role:
        label.setObjectName(role)
    return label


def fit_rows(view: QAbstractItemView, rows: int, most: int = 5) -> None:
    """Make a short list exactly as tall as its rows (at most ``most``), not a big empty box.

    Long lines wrap instead of ending in "…": a goal's milestone or a change
    in its history is read in full at 1280 px and narrower. Call it again
    when the view's width changes (the tab does, on resize), as the rows'
    heights follow the width.
    """
    if isinstance(view, QTableView | QListView):
        view.setWordWrap(True)
    view.setTextElideMode(Qt.TextElideMode.ElideNone)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    header = 0
    shown = max(1, min(rows, most))
    if isinstance(view, QTableView):
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.verticalHeader().setMinimumSectionSize(view.fontMetrics().height() + 10)
        view.resizeRowsToContents()
        if not view.horizontalHeader().isHidden():
            header = view.horizontalHeader().sizeHint().height()
        heights = [view.rowHeight(row) for row in range(min(rows, most))]
    else:
        if isinstance(view, QListView):
            view.setUniformItemSizes(False)
            view.setResizeMode(QListView.ResizeMode.Adjust)
        # The laid-out rows know their wrapped height; a size hint is one line.
        view.doItemsLayout()
        model = view.model()
        heights = [
            view.visualRect(model.index(row, 0)).height() or view.sizeHintForRow(row)
            for row in range(min(rows, most))
        ]
    line = view.fontMetrics().height() + 6
    body = sum(max(h, line) for h in heights) + line * (shown - len(heights))
    frame = 2 * view.frameWidth()
    view.setFixedHeight(header + frame + body + 2)


def _button(text: str, name: str, parent: QWidget) -> QPushButton:
    button = QPushButton(text, parent)
    button.setAccessibleName(name)
    return button


class GoalsTab(PairTab):
    """The goals list with a detail pane for the selected goal.

    Attributes:
        model: the goals shown in the table.
        goal_dialog, milestone_dialog, reflection_dialog: the form while it
            is open (tests and the keyboard reach it here), else None.
    """

    def __init__(self, context: PairContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.goal_dialog: GoalDialog | None = None
        self.milestone_dialog: MilestoneDialog | None = None
        self.reflection_dialog: ReflectionDialog | None = None
        self.intro = _label("", self, "hint")
        self.new_button = _button(self.tr("Ne&w goal…"), self.tr("New goal"), self)
        self.new_button.setToolTip(self.tr("Write down a new goal (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_goal)
        self.edit_button = _button(self.tr("Ed&it goal…"), self.tr("Edit goal"), self)
        self.edit_button.clicked.connect(self.edit_goal)
        self.show_closed = QCheckBox(self.tr("&Show dropped and achieved"), self)
        self.show_closed.setAccessibleName(self.tr("Show dropped and achieved goals"))
        self.show_closed.toggled.connect(lambda _on: self.refresh())
        bar = QHBoxLayout()
        bar.addWidget(self.new_button)
        bar.addWidget(self.edit_button)
        bar.addStretch(1)
        bar.addWidget(self.show_closed)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self._build_list())
        self.splitter.addWidget(self._build_details())
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 10, 0, 0)
        layout.addWidget(self.intro)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)
        # Wrapped rows are as tall as the view is narrow: refit when its width changes.
        self._widths: dict[QAbstractItemView, int] = {}
        for view in (self.milestones_view, self.history_view, self.reflections_view):
            view.installEventFilter(self)

        shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.New), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self._new_shortcut)
        # Filled when first shown (PairTab.showEvent), not while the pair opens.

    # ------------------------------------------------------------- building
    def _build_list(self) -> QWidget:
        self.model = GoalsModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Goals"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        # A long goal title wraps onto a second line rather than ending in "…".
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setMinimumSectionSize(self.table.fontMetrics().height() + 12)
        self.table.setItemDelegateForColumn(GoalsModel.PROGRESS, ProgressDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setAccessibleName(self.tr("Goal columns"))
        self.table.verticalHeader().setAccessibleName(self.tr("Goal rows"))
        header.setSectionResizeMode(GoalsModel.GOAL, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(GoalsModel.PROGRESS, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(GoalsModel.PROGRESS, 110)
        # Rows and the narrow columns fit their text, measured only where rows
        # changed (ResizeToContents measured all two thousand on every change).
        self.table_fit = TableFit(
            self.table, columns=(GoalsModel.CATEGORY, GoalsModel.STATUS, GoalsModel.TARGET)
        )
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.table.activated.connect(lambda _index: self.edit_goal())
        self.hidden_hint = _label("", self, "hint")
        table_page = QWidget(self)
        table_layout = QVBoxLayout(table_page)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addWidget(self.table, 1)
        table_layout.addWidget(self.hidden_hint)
        self.empty_label = _label("", self)
        self.empty_page = empty_page(self.empty_label, self)
        self.list_stack = QStackedWidget(self)
        self.list_stack.addWidget(table_page)
        self.list_stack.addWidget(self.empty_page)
        return self.list_stack

    def _build_details(self) -> QWidget:
        content = QWidget(self)
        self.detail_title = _label("", content, "subheading")
        self.detail_meta = _label("", content, "hint")
        self.detail_description = _label("", content)
        self.detail_description.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.milestones_model = MilestonesModel(self._toggle_milestone, self)
        self.milestones_view = QListView(content)
        self.milestones_view.setModel(self.milestones_model)
        self.milestones_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.milestones_view.setAccessibleName(self.tr("Milestones"))
        readable_check_boxes(self.milestones_view)
        self.milestones_empty = _label("", content, "hint")
        self.milestone_button = _button(
            self.tr("Add mi&lestone…"), self.tr("Add milestone"), content
        )
        self.milestone_button.clicked.connect(self.add_milestone)
        self.history_model = HistoryModel(self)
        self.history_view = QTableView(content)
        self.history_view.setModel(self.history_model)
        self.history_view.setAccessibleName(self.tr("History of this goal"))
        self.history_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history_view.setTabKeyNavigation(False)
        # Each change wraps to its full text (fit_rows sets the row heights).
        self.history_view.verticalHeader().hide()
        history_header = self.history_view.horizontalHeader()
        history_header.setAccessibleName(self.tr("History columns"))
        self.history_view.verticalHeader().setAccessibleName(self.tr("History rows"))
        history_header.setSectionResizeMode(
            HistoryModel.WHEN, QHeaderView.ResizeMode.ResizeToContents
        )
        history_header.setSectionResizeMode(
            HistoryModel.WHO, QHeaderView.ResizeMode.ResizeToContents
        )
        history_header.setStretchLastSection(True)

        layout = QVBoxLayout(content)
        layout.setContentsMargins(12, 4, 12, 12)
        layout.addWidget(self.detail_title)
        layout.addWidget(self.detail_meta)
        layout.addWidget(self.detail_description)
        layout.addSpacing(6)
        layout.addWidget(_label(self.tr("Milestones"), content, "subheading"))
        layout.addWidget(self.milestones_view)
        layout.addWidget(self.milestones_empty)
        layout.addWidget(self.milestone_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addSpacing(6)
        layout.addWidget(self._build_reflections(content))
        layout.addSpacing(6)
        layout.addWidget(_label(self.tr("History"), content, "subheading"))
        layout.addWidget(self.history_view)
        layout.addStretch(1)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        self.no_selection = _label("", self, "hint")
        self.no_selection.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_selection.setMargin(24)
        self.detail_stack = QStackedWidget(self)
        self.detail_stack.addWidget(self.no_selection)
        self.detail_stack.addWidget(scroll)
        return self.detail_stack

    def _build_reflections(self, parent: QWidget) -> QWidget:
        self.reflections_box = QFrame(parent)
        self.reflections_box.setObjectName("card")
        title = _label(self.tr("My reflections on this goal"), self.reflections_box, "subheading")
        # Said in words with a lock, never by colour alone.
        self.private_notice = PrivateNotice(
            self.tr("Private — only you can see this. Your mentee never does."),
            self.reflections_box,
        )
        self.reflections_model = ReflectionsModel(self)
        self.reflections_view = QListView(self.reflections_box)
        self.reflections_view.setModel(self.reflections_model)
        self.reflections_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.reflections_view.setAccessibleName(self.tr("My reflections on this goal"))
        self.reflections_view.selectionModel().currentChanged.connect(
            lambda _now, _before: self._show_reflection()
        )
        self.reflections_view.activated.connect(lambda _index: self.edit_reflection())
        self.reflection_text = _label("", self.reflections_box)
        self.reflection_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reflections_empty = _label(
            self.tr(
                "No reflections on this goal yet. Add one to note what you notice and how "
                "you might help."
            ),
            self.reflections_box,
            "hint",
        )
        self.add_reflection_button = _button(
            self.tr("Add &reflection…"), self.tr("Add reflection"), self.reflections_box
        )
        self.add_reflection_button.clicked.connect(self.add_reflection)
        self.edit_reflection_button = _button(
            self.tr("E&dit reflection…"), self.tr("Edit reflection"), self.reflections_box
        )
        self.edit_reflection_button.clicked.connect(self.edit_reflection)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_reflection_button)
        buttons.addWidget(self.edit_reflection_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self.reflections_box)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.addWidget(title)
        layout.addWidget(self.private_notice)
        layout.addWidget(self.reflections_view)
        layout.addWidget(self.reflection_text)
        layout.addWidget(self.reflections_empty)
        layout.addLayout(buttons)
        return self.reflections_box

    # ------------------------------------------------------------- showing
    @property
    def _can_edit_goals(self) -> bool:
        return self.context.is_mentee and not self.context.read_only

    @property
    def _shows_reflections(self) -> bool:
        return not self.context.is_mentee and not self.context.presenter

    def refresh(self) -> None:
        """Re-read the goals, keep the selected one selected, and show its details."""
        state = self.context.state
        if self.context.read_only:
            self.intro.setText(
                self.tr("This relationship has ended; its goals are kept read-only.")
            )
        elif self.context.is_mentee:
            self.intro.setText(
                self.tr("Your goals. Only you can change them; your mentor sees them read-only.")
            )
        else:
            self.intro.setText(self.tr("Your mentee's goals: only they can change them."))
        for button in (self.new_button, self.edit_button, self.milestone_button):
            button.setVisible(self._can_edit_goals)

        selected = self.current_goal()
        self.model.set_goals(state.goals.values(), self.show_closed.isChecked())
        self._show_list_state(bool(state.goals))
        row = self.model.row_of(selected.goal_id) if selected else -1
        if row < 0 and self.model.rowCount() > 0:
            row = 0
        if row >= 0:
            self.table.selectRow(row)
        self._show_details()

    def _show_list_state(self, any_goals: bool) -> None:
        # With nothing to select, the explanation gets the whole width.
        self.detail_stack.setVisible(any_goals)
        self.show_closed.setVisible(any_goals)
        if not any_goals:
            if self._can_edit_goals:
                text = self.tr(
                    "No goals yet.\n\nPress New goal (Ctrl+N) to write down what you want "
                    "from mentoring — a skill, a career step, a project — and how you will "
                    "know you got there."
                )
            elif self.context.is_mentee:
                text = self.tr("There were no goals in this relationship.")
            else:
                text = self.tr(
                    "Your mentee has not shared any goals yet.\n\nTheir goals appear here, "
                    "read-only, once they write them down."
                )
            self.empty_label.setText(text)
            self.list_stack.setCurrentWidget(self.empty_page)
            return
        self.list_stack.setCurrentIndex(0)
        hidden = self.model.hidden_count
        self.hidden_hint.setVisible(hidden > 0)
        if hidden == 1:
            self.hidden_hint.setText(
                self.tr("1 achieved or dropped goal is hidden: tick “Show dropped and achieved”.")
            )
        elif hidden:
            self.hidden_hint.setText(
                self.tr(
                    "{0} achieved or dropped goals are hidden: tick “Show dropped and achieved”."
                ).format(hidden)
            )

    def current_goal(self) -> Goal | None:
        """The goal selected in the table, as it is now."""
        rows = self.table.selectionModel().selectedRows()
        goal = self.model.goal_at(rows[0].row()) if rows else None
        return None if goal is None else self.context.state.goals.get(goal.goal_id)

    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_details()

    def _show_details(self) -> None:
        goal = self.current_goal()
        self.edit_button.setEnabled(goal is not None)
        if goal is None:
            self.no_selection.setText(
                self.tr("Select a goal to see its milestones and history.")
                if self.model.rowCount()
                else ""
            )
            self.detail_stack.setCurrentIndex(0)
            self._show_reflections(None)
            return
        self.detail_stack.setCurrentIndex(1)
        self.detail_title.setText(goal.title)
        meta = [status_word(goal.status), self.tr("{0} % done").format(goal.progress)]
        if goal.category:
            meta.insert(1, goal.category)
        if goal.target:
            meta.append(self.tr("target {0}").format(format_date(goal.target)))
        self.detail_meta.setText(" · ".join(meta))
        self.detail_description.setText(goal.description or self.tr("No description."))
        self.milestones_model.set_milestones(goal.milestones, self._can_edit_goals)
        fit_rows(self.milestones_view, len(goal.milestones), most=6)
        self.milestones_view.setVisible(bool(goal.milestones))
        self.milestones_empty.setVisible(not goal.milestones)
        self.milestones_empty.setText(
            self.tr("No milestones yet: add the steps that lead to this goal.")
            if self._can_edit_goals
            else self.tr("No milestones yet.")
        )
        self.history_model.set_history(goal.history, self.context.my_role)
        fit_rows(self.history_view, len(goal.history), most=8)
        self._show_reflections(goal)

    def _refit(self) -> None:
        """Fit the detail lists to their wrapped rows again (the width changed)."""
        goal = self.current_goal()
        if goal is None:
            return
        fit_rows(self.milestones_view, len(goal.milestones), most=6)
        fit_rows(self.history_view, len(goal.history), most=8)
        if self.reflections_box.isVisible():
            fit_rows(self.reflections_view, self.reflections_model.rowCount(), most=4)

    def _show_reflections(self, goal: Goal | None) -> None:
        # In presenter mode the reflections are dropped from the model, not only
        # hidden: nothing of them stays in the widgets while someone looks on.
        if goal is None or not self._shows_reflections:
            self.reflections_model.set_notes([])
            self.reflection_text.clear()
            self.reflections_box.setVisible(False)
            return
        self.reflections_box.setVisible(True)
        self.reflections_model.set_notes(self._reflections_on(goal))
        has_any = self.reflections_model.rowCount() > 0
        fit_rows(self.reflections_view, self.reflections_model.rowCount(), most=4)
        self.reflections_view.setVisible(has_any)
        self.reflections_empty.setVisible(not has_any)
        self.add_reflection_button.setEnabled(not self.context.read_only)
        if has_any:
            self.reflections_view.setCurrentIndex(self.reflections_model.index(0))
        self._show_reflection()

    def _reflections_on(self, goal: Goal) -> list[Note]:
        me = self.context.my_role
        return [
            n
            for n in self.context.state.notes.values()
            if n.kind is NoteKind.REFLECTION and n.author is me and n.goal_id == goal.goal_id
        ]

    def _current_reflection(self) -> Note | None:
        return self.reflections_model.note_at(self.reflections_view.currentIndex().row())

    def _show_reflection(self) -> None:
        note = self._current_reflection()
        self.reflection_text.setText(note.text if note else "")
        self.reflection_text.setVisible(bool(note and note.text))
        self.edit_reflection_button.setEnabled(note is not None and not self.context.read_only)

    # QWidget.changeEvent
    def changeEvent(self, event: QEvent) -> None:
        """Follow a theme change (light to dark) in the milestone check boxes."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            readable_check_boxes(self.milestones_view)

    # QObject.eventFilter
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Refit a detail list whose width changed (only the width: heights are ours)."""
        if event.type() == QEvent.Type.Resize and isinstance(watched, QAbstractItemView):
            width = watched.width()
            if self._widths.get(watched) != width:
                self._widths[watched] = width
                QTimer.singleShot(0, self, self._refit)  # dropped if the tab goes first
        return super().eventFilter(watched, event)

    # QWidget.resizeEvent
    def resizeEvent(self, event: QResizeEvent) -> None:
        """Details beside the list when wide, under it when narrow."""
        super().resizeEvent(event)
        wide = event.size().width() >= _SIDE_BY_SIDE_MIN
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if self.splitter.orientation() != orientation:
            self.splitter.setOrientation(orientation)
            # Under the list, the details need the larger share.
            total = self.splitter.width() if wide else self.splitter.height()
            share = 0.6 if wide else 0.35
            self.splitter.setSizes([round(total * share), round(total * (1 - share))])

    # ------------------------------------------------------------- changes
    def _new_shortcut(self) -> None:
        """Ctrl+N: a new goal for the mentee, a new reflection for the mentor."""
        if self._can_edit_goals:
            self.new_goal()
        elif self.reflections_box.isVisible() and self.add_reflection_button.isEnabled():
            self.add_reflection()

    def new_goal(self) -> None:
        """Open the form for a new goal."""
        if self._can_edit_goals:
            self._open_goal_dialog(None)

    def edit_goal(self) -> None:
        """Open the form for the selected goal."""
        goal = self.current_goal()
        if goal is not None and self._can_edit_goals:
            self._open_goal_dialog(goal)

    def _open_goal_dialog(self, goal: Goal | None) -> None:
        today = self.context.clock().astimezone().date()
        dialog = GoalDialog(self.context.state.categories, goal, today, self._edit_categories, self)
        dialog.accepted.connect(lambda: self._save_goal(dialog))
        dialog.finished.connect(lambda _result: self._forget_dialog("goal_dialog", dialog))
        self.goal_dialog = dialog
        dialog.open()

    def _forget_dialog(self, attribute: str, dialog: object) -> None:
        if getattr(self, attribute) is dialog:
            setattr(self, attribute, None)
        if isinstance(dialog, QWidget):
            dialog.deleteLater()

    def _save_goal(self, dialog: GoalDialog) -> None:
        changes = dialog.changes()
        category = changes.get("category", "")
        categories = self.context.state.categories
        # A category typed for the first time is offered again next time.
        if (
            category
            and category not in categories
            and not self._record(EventKind.CATEGORIES_SET, categories=[*categories, category])
        ):
            return
        if dialog.goal is None:
            self._record(EventKind.GOAL_CREATED, goal_id=new_id(), **changes)
        elif changes:
            self._record(EventKind.GOAL_UPDATED, goal_id=dialog.goal.goal_id, **changes)

    def _edit_categories(self, goal_dialog: GoalDialog) -> None:
        dialog = CategoriesDialog(self.context.state.categories, goal_dialog)
        goal_dialog.categories_dialog = dialog

        def save() -> None:
            if self._record(EventKind.CATEGORIES_SET, categories=dialog.categories()):
                goal_dialog.set_categories(self.context.state.categories)

        def forget() -> None:
            goal_dialog.categories_dialog = None
            dialog.deleteLater()

        dialog.accepted.connect(save)
        dialog.finished.connect(lambda _result: forget())
        dialog.open()

    def add_milestone(self) -> None:
        """Open the form for a new milestone of the selected goal."""
        goal = self.current_goal()
        if goal is None or not self._can_edit_goals:
            return
        dialog = MilestoneDialog(goal, self.context.clock().astimezone().date(), self)
        dialog.accepted.connect(
            lambda: self._record(
                EventKind.MILESTONE_ADDED,
                goal_id=goal.goal_id,
                milestone_id=new_id(),
                **dialog.values(),
            )
        )
        dialog.finished.connect(lambda _result: self._forget_dialog("milestone_dialog", dialog))
        self.milestone_dialog = dialog
        dialog.open()

    def _toggle_milestone(self, milestone_id: str, done: bool) -> None:
        goal = self.current_goal()
        if goal is not None:
            self._record(
                EventKind.MILESTONE_UPDATED,
                goal_id=goal.goal_id,
                milestone_id=milestone_id,
                done=done,
            )

    def add_reflection(self) -> None:
        """Open the form for a new private reflection on the selected goal."""
        goal = self.current_goal()
        if goal is not None and self._shows_reflections and not self.context.read_only:
            self._open_reflection_dialog(goal, None)

    def edit_reflection(self) -> None:
        """Open the selected reflection for editing."""
        goal, note = self.current_goal(), self._current_reflection()
        if goal is not None and note is not None and self._shows_reflections:
            self._open_reflection_dialog(goal, note)

    def _open_reflection_dialog(self, goal: Goal, note: Note | None) -> None:
        dialog = ReflectionDialog(goal, note, self)
        dialog.accepted.connect(lambda: self._save_reflection(goal, dialog))
        dialog.finished.connect(lambda _result: self._forget_dialog("reflection_dialog", dialog))
        self.reflection_dialog = dialog
        dialog.open()

    def _save_reflection(self, goal: Goal, dialog: ReflectionDialog) -> None:
        values = dialog.values()
        note = dialog.note
        if note is None:
            self._record(
                EventKind.NOTE_CREATED,
                note_id=new_id(),
                kind=NoteKind.REFLECTION.value,
                goal_id=goal.goal_id,
                **values,
            )
        elif values != {"title": note.title, "text": note.text}:
            self._record(EventKind.NOTE_EDITED, note_id=note.note_id, base=note.revision, **values)

    def _record(self, event_kind: EventKind, /, **body: object) -> bool:
        """Record one change; on success show it here, then tell the other tabs."""
        if self.context.record(self, event_kind, **body) is None:
            return False
        self.reload()
        self.changed.emit()
        return True

    def focus_goal(self, goal_id: str) -> bool:
        """Select ``goal_id`` (from an agenda link or search); False if it is not shown."""
        self.ensure_fresh()
        goal = self.context.state.goals.get(goal_id)
        if goal is None:
            return False
        if self.model.row_of(goal_id) < 0 and not self.show_closed.isChecked():
            self.show_closed.setChecked(True)
        row = self.model.row_of(goal_id)
        if row < 0:
            return False
        self.table.selectRow(row)
        self.table.setFocus()
        return True
