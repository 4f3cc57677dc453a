"""One pair on screen: a header and the tabs, kept in step with each other."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from mentorpair.domain.model import Role

from mentorpair.ui.feedback.tab import FeedbackTab
from mentorpair.ui.pair.actions import ActionsTab
from mentorpair.ui.pair.agreement import AgreementTab
from mentorpair.ui.pair.base import PairContext, PairTab
from mentorpair.ui.pair.goals import GoalsTab
from mentorpair.ui.pair.meetings import MeetingsTab
from mentorpair.ui.pair.notes import NotesTab
from mentorpair.ui.pair.overview import OverviewTab
from mentorpair.ui.sync.controller import SyncController
from mentorpair.ui.sync.partner_tab import PartnerTab
from mentorpair.ui.sync.wording import status_title

__all__ = ["PairView"]


class PairView(QWidget):
    """Header plus tabs for one pair.

    Attributes:
        context: the pair being shown.
        tabs: the QTabWidget; ``pages`` maps a short name to each tab.
    """

    def __init__(
        self,
        context: PairContext,
        parent: QWidget | None = None,
        sync: SyncController | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        # Without the window's controller (tests of one view), the view brings its own.
        self.sync = sync if sync is not None else SyncController(context.workspace, self)
        self.sync.pair_changed.connect(self._on_pair_changed)
        self.heading = QLabel(self)
        self.heading.setObjectName("heading")
        self.heading.setWordWrap(True)
        self.subtitle = QLabel(self)
        self.subtitle.setObjectName("hint")
        self.subtitle.setWordWrap(True)
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Pair sections"))
        self.tabs.setDocumentMode(True)
        self.pages: dict[str, PairTab] = {
            "overview": OverviewTab(context, self),
            "meetings": MeetingsTab(context, self),
            "goals": GoalsTab(context, self),
            "notes": NotesTab(context, self),
            "actions": ActionsTab(context, self),
            "agreement": AgreementTab(context, self),
            "feedback": FeedbackTab(context, self),
            "partner": PartnerTab(context, self.sync, self),
        }
        labels = {
            "overview": self.tr("&Overview"),
            "meetings": self.tr("&Meetings and agenda"),
            "goals": self.tr("&Goals"),
            "notes": self.tr("No&tes"),
            "actions": self.tr("A&ctions"),
            "agreement": self.tr("Agr&eement"),
            "feedback": self.tr("Feedbac&k"),
            "partner": self.tr("&Partner"),
        }
        # At 800 px eight long labels do not fit and the last tabs hid behind
        # scroll arrows; then the long label shortens (its tooltip keeps it).
        self._labels = labels
        self._short_labels = {"meetings": self.tr("&Meetings")}
        self._short = False
        for number, (name, page) in enumerate(self.pages.items(), start=1):
            self.tabs.addTab(page, labels[name])
            self.tabs.setTabToolTip(number - 1, labels[name].replace("&", ""))
            page.changed.connect(lambda page=page: self._on_page_changed(page))
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self)
            shortcut.activated.connect(lambda index=number - 1: self.tabs.setCurrentIndex(index))
        overview = self.pages["overview"]
        if isinstance(overview, OverviewTab):
            overview.open_page.connect(self.show_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 10)
        layout.setSpacing(6)
        layout.addWidget(self.heading)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.tabs, 1)
        # Only the header now: each tab fills itself when it is first shown.
        self._refresh_header()

    def _fit_tab_labels(self) -> None:
        """Short labels when the long ones would not all fit beside each other."""
        bar = self.tabs.tabBar()
        metrics = bar.fontMetrics()
        long_width = 0
        for index, name in enumerate(self.pages):
            shown = self.tabs.tabText(index).replace("&", "")
            padding = bar.tabSizeHint(index).width() - metrics.horizontalAdvance(shown)
            long_width += padding + metrics.horizontalAdvance(self._labels[name].replace("&", ""))
        short = long_width > self.tabs.width()
        if short != self._short:
            self._short = short
            for index, name in enumerate(self.pages):
                label = self._short_labels.get(name, self._labels[name]) if short else None
                self.tabs.setTabText(index, label or self._labels[name])
        # Longer words (German) may still not fit: tighter tabs, and as a last
        # resort labels that end in "…" (the tooltip has them), never arrows.
        bar.setStyleSheet("")
        if short and bar.sizeHint().width() > self.tabs.width():
            bar.setStyleSheet("QTabBar::tab { padding: 5px 7px; }")
        bar.setUsesScrollButtons(False)
        bar.setElideMode(Qt.TextElideMode.ElideRight)

    # QWidget.resizeEvent
    def resizeEvent(self, event: QResizeEvent) -> None:
        """Fit the tab labels to the new width."""
        super().resizeEvent(event)
        self._fit_tab_labels()

    def refresh(self) -> None:
        """The pair changed: update the header and the tab on screen; the others go stale."""
        if self.context.workspace.vault.closed:
            return  # a late signal while the vault locks
        self._refresh_header()
        for page in self.pages.values():
            page.update_later()

    def _on_page_changed(self, source: PairTab) -> None:
        """A tab recorded a change and shows it already: bring only the others up to date."""
        if self.context.workspace.vault.closed:
            return
        self._refresh_header()
        for page in self.pages.values():
            if page is not source:
                page.update_later()

    def _refresh_header(self) -> None:
        state = self.context.state
        self.heading.setText(state.partner_name)
        if state.my_role is Role.MENTEE:
            who = self.tr("Your mentor. You own the agenda and your goals.")
        else:
            who = self.tr(
                "Your mentee. They own the agenda and their goals; your reflections stay private."
            )
        sharing = (
            self.tr("This relationship has ended; its record is read-only.")
            if state.read_only
            else self.tr("Sharing: {0}.").format(
                status_title(self.sync.pairing.link(self.context.pair_id).status)
            )
        )
        self.subtitle.setText(f"{who} {sharing}")

    def _on_pair_changed(self, pair_id: str) -> None:
        """Changes arrived from the partner, or the link changed: show them."""
        if pair_id == self.context.pair_id:
            self.refresh()

    def set_presenter(self, on: bool) -> None:
        """Hide (or show again) private notes and reflections in every tab."""
        self.context.presenter = on
        for page in self.pages.values():
            page.set_presenter(on)

    def flush(self) -> None:
        """Save what is being typed (before locking or quitting): autosave waits 800 ms."""
        notes = self.pages["notes"]
        if isinstance(notes, NotesTab):
            notes.save()

    def show_entity(self, kind: str, entity_id: str) -> None:
        """Open the tab that shows a search result, with the thing selected."""
        page_name = {
            "note": "notes",
            "goal": "goals",
            "agenda": "meetings",
            "suggestion": "meetings",
            "action": "actions",
        }.get(kind, "overview")
        page = self.show_page(page_name)
        if isinstance(page, NotesTab):
            page.select_note(entity_id)
        elif isinstance(page, GoalsTab):
            page.focus_goal(entity_id)

    def show_page(self, name: str) -> PairTab:
        """Bring one tab to the front and return it."""
        page = self.pages[name]
        self.tabs.setCurrentWidget(page)
        page.ensure_fresh()  # shown or not (a hidden window), it is read next
        return page
