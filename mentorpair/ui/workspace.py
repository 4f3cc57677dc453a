"""The unlocked window's body: the pairs sidebar and the content area.

The locked window builds this page too, so its module imports no vault,
sync or pair code at the top (issue 12): they load when a vault opens.

A pair with a long history is opened off the UI thread (issue 12): its state
is folded on a pool thread while the content area says so; the pair's screens
are built on the UI thread once it is ready, if it is still the pair wanted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mentorpair.errors import KnownError

from mentorpair.ui.announce import StatusLabel
from mentorpair.ui.pairs_sidebar import PairsSidebar
from mentorpair.ui.workers import run_in_background

if TYPE_CHECKING:
    from mentorpair.storage.workspace import PairSummary, Workspace
    from mentorpair.sync.pairing import PairingStatus

    from mentorpair.ui.pair.view import PairView
    from mentorpair.ui.sync.controller import SyncController
    from mentorpair.ui.sync.join import JoinDialog
    from mentorpair.ui.sync.partner_tab import PartnerTab

__all__ = ["WorkspacePage"]

# After unlocking, the chosen pair opens once the window is painted, or after this.
OPEN_FALLBACK_MS = 300

#: A pair with more stored changes than this is folded on a pool thread (about
#: a tenth of a second of folding on the UI thread at this size).
BACKGROUND_OPEN_EVENTS = 2000


def _label(text: str, parent: QWidget, role: str = "") -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    if role:
        label.setObjectName(role)
    return label


class HomePanel(QWidget):
    """What the person sees before choosing a pair: who they are, how the vault is kept."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.greeting = _label("", self, "heading")
        self.greeting.setAccessibleDescription(self.tr("Greeting"))  # the name is its words
        card = QFrame(self)
        card.setObjectName("card")
        card_title = _label(self.tr("Your vault"), card, "subheading")
        self.vault_text = _label("", card)
        self.lock_text = _label("", card, "hint")
        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(18, 16, 18, 16)
        card_layout.setSpacing(6)
        card_layout.addWidget(card_title)
        card_layout.addWidget(self.vault_text)
        card_layout.addWidget(self.lock_text)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.setSpacing(18)
        layout.addWidget(self.greeting)
        layout.addWidget(card)
        layout.addStretch(1)


class _Opening(QWidget):
    """The empty content area while a pair opens; says when it has been painted.

    Signals:
        painted(): drawn on screen (the pair may now take its time to open).
    """

    painted = Signal()

    def paintEvent(self, event: QPaintEvent) -> None:  # QWidget.paintEvent
        """Tell the page, after Qt drew this (empty) area."""
        super().paintEvent(event)
        self.painted.emit()


class OpeningPanel(QWidget):
    """Says that a long pair is opening (a busy bar), or why it could not be.

    Signals:
        retry_requested(): the Try again button was used.
    """

    retry_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = StatusLabel(self.tr("Opening status"), self)
        self.status.setWordWrap(True)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setAccessibleName(self.tr("Opening the pair"))
        self.retry = QPushButton(self.tr("Try again"), self)
        self.retry.setAccessibleName(self.tr("Try again"))
        self.retry.hide()
        self.retry.clicked.connect(self.retry_requested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.setSpacing(12)
        layout.addWidget(self.status)
        layout.addWidget(self.busy)
        layout.addWidget(self.retry, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

    def show_opening(self, partner_name: str) -> None:
        """A pair with ``partner_name`` is being opened."""
        self.status.alert = False
        self.status.setObjectName("")
        self.status.setText(
            self.tr("Opening your pair with {0}… A long history takes a moment.").format(
                partner_name
            )
        )
        self.busy.show()
        self.retry.hide()

    def show_failed(self, reason: str) -> None:
        """The pair could not be opened, and why; the person may try again."""
        self.status.alert = True
        self.status.setObjectName("error")
        self.status.setText(self.tr("This pair could not be opened. {0}").format(reason))
        self.busy.hide()
        self.retry.show()

    def clear(self) -> None:
        """No words from the vault left (on lock)."""
        self.status.setText("")
        self.retry.hide()


class WorkspacePage(QSplitter):
    """Sidebar of pairs on the left; on the right the chosen pair, or the home panel.

    Filled on unlock, emptied on lock: nothing from the vault stays on screen.

    Signals:
        new_pair_requested(): the sidebar's New pair button was used.
        notice(str): something for the status line (what arrived from a partner).

    Attributes:
        sync: pairing and sync for the open vault (None while locked).
    """

    new_pair_requested = Signal()
    notice = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.workspace: Workspace | None = None
        self._view: PairView | None = None
        self.sync: SyncController | None = None
        self._presenter = False
        # On unlock the window paints first; the pair chosen opens right after.
        self._defer_open = False
        self._opening: str | None = None
        #: The pair being folded on a pool thread, and what to show in it once open.
        self._loading: str | None = None
        self._show_after_open: tuple[str, str] | None = None
        self._names: dict[str, str] = {}
        self.sidebar = PairsSidebar(self)
        self.home = HomePanel(self)
        self.placeholder = _Opening(self)
        self.placeholder.painted.connect(self._painted)
        self.opening_panel = OpeningPanel(self)
        self.opening_panel.retry_requested.connect(self._retry)
        self.content = QStackedWidget(self)
        self.content.addWidget(self.home)
        self.content.addWidget(self.placeholder)
        self.content.addWidget(self.opening_panel)
        self.addWidget(self.sidebar)
        self.addWidget(self.content)
        self.setStretchFactor(0, 0)
        self.setStretchFactor(1, 1)
        self.setSizes([210, 990])
        self.setChildrenCollapsible(False)
        self.sidebar.pair_selected.connect(self.open_pair)
        self.sidebar.new_pair_requested.connect(self.new_pair_requested)

    # QWidget.resizeEvent
    def resizeEvent(self, event: QResizeEvent) -> None:
        """A narrow window gives the pairs list less room, so every tab stays in view."""
        super().resizeEvent(event)
        width = event.size().width()
        if event.oldSize().width() != width and width > 0:
            side = max(150, min(210, width // 5))
            self.setSizes([side, max(0, width - side - self.handleWidth())])

    def show_person(self, display_name: str, idle_minutes: int, demo: bool) -> None:
        """Fill the home panel for the unlocked vault."""
        self.home.greeting.setText(self.tr("Hello, {0}").format(display_name))
        if demo:
            self.home.vault_text.setText(
                self.tr(
                    "This is a demonstration vault with invented people in it. It is "
                    "encrypted like a real one and deleted when you quit."
                )
            )
        else:
            self.home.vault_text.setText(
                self.tr(
                    "Everything here is encrypted on this computer and opens only with "
                    "your passphrase."
                )
            )
        self.update_idle(idle_minutes)

    def update_idle(self, idle_minutes: int) -> None:
        """Say when the vault locks itself."""
        self.home.lock_text.setText(
            self.tr(
                "It locks after {0} minutes without use, or at once with Ctrl+L. "
                "Change this in Preferences."
            ).format(idle_minutes)
        )

    def set_workspace(self, workspace: Workspace) -> None:
        """Show the pairs of a freshly unlocked vault; open the first one."""
        from mentorpair.ui.sync.controller import SyncController  # lazy: see the module

        self.workspace = workspace
        self.sync = SyncController(workspace, self)
        # The open pair's view refreshes itself; the sidebar shows the new state.
        self.sync.pair_changed.connect(lambda _pair: self._show_sidebar())
        self.sync.pairs_changed.connect(self.refresh_pairs)
        self.sync.notice.connect(self.notice)
        self._defer_open = True
        try:
            self.refresh_pairs()
        finally:
            self._defer_open = False
        self.sync.start()

    @property
    def pair_view(self) -> PairView | None:
        """The pair on screen; one still waiting to open (just unlocked) opens now."""
        if self._opening is not None:
            self._open_waiting()
        return self._view

    def _painted(self) -> None:
        if self._opening is not None:
            QTimer.singleShot(0, self, self._open_waiting)

    def _open_waiting(self) -> None:
        pair_id, self._opening = self._opening, None
        if pair_id is not None and self.workspace is not None and not self.workspace.vault.closed:
            self.open_pair(pair_id)

    def stop_sync(self) -> None:
        """Stop automatic sync and cancel running jobs (first step of a lock)."""
        if self.sync is not None:
            self.sync.stop()

    def send_waiting(self) -> None:
        """Write changes still waiting for the shared folder now (the vault closes next)."""
        if self.sync is not None:
            self.sync.send_waiting()

    def sync_now(self) -> None:
        """Take in what waits in the shared folders now (a demo side that just opened)."""
        if self.sync is not None:
            self.sync.sync_now()

    def join_pair(self) -> JoinDialog | None:
        """File ▸ Join a pair: paste or open an invitation (or an answer)."""
        if self.sync is None:
            return None
        from mentorpair.ui.sync.join import JoinDialog  # lazy: see the module

        dialog = JoinDialog(self.sync, self.window())
        dialog.pair_ready.connect(lambda pair_id: self.refresh_pairs(select=pair_id))
        dialog.finished.connect(lambda _code: dialog.deleteLater())
        dialog.open()
        return dialog

    def partner_tab(self) -> PartnerTab | None:
        """The open pair's Partner tab, brought to the front (for the menu's commands)."""
        from mentorpair.ui.sync.partner_tab import PartnerTab  # lazy: see the module

        view = self.pair_view
        if view is None:
            return None
        page = view.show_page("partner")
        return page if isinstance(page, PartnerTab) else None

    def refresh_pairs(self, select: str | None = None) -> None:
        """Reload the sidebar (after a pair was created, ended or destroyed)."""
        if self.workspace is None:
            return
        pairs = self.workspace.pairs()
        self._names = {p.pair_id: p.partner_name for p in pairs}
        current = select or self._shown_pair()
        if current not in {p.pair_id for p in pairs}:
            current = None
        self.sidebar.set_pairs(pairs, current, self._sharing(pairs))
        if not pairs:
            self._loading = None
            self._drop_pair_view()
            self.content.setCurrentWidget(self.home)
        elif self._view is None or self._view.context.pair_id != self.sidebar.current_pair():
            self.open_pair(self.sidebar.current_pair() or pairs[0].pair_id)
        else:
            self._view.refresh()

    def _shown_pair(self) -> str | None:
        """The pair on screen, or the one about to open."""
        if self._opening is not None:
            return self._opening
        if self._loading is not None:
            return self._loading
        return self._view.context.pair_id if self._view else None

    def _sharing(self, pairs: list[PairSummary]) -> dict[str, PairingStatus]:
        if self.sync is None:
            return {}
        return {p.pair_id: self.sync.pairing.link(p.pair_id).status for p in pairs}

    def _show_sidebar(self) -> None:
        """Show every pair's current sharing state (after an import or a confirmation)."""
        if self.workspace is None or self.workspace.vault.closed:
            return
        pairs = self.workspace.pairs()
        current = self._shown_pair()
        self.sidebar.set_pairs(pairs, current, self._sharing(pairs))

    def open_pair(self, pair_id: str) -> None:
        """Show one pair (just after unlocking: once the window has been painted)."""
        if self.workspace is None:
            return
        if self._defer_open:
            # The pair's state and its tab cost most of an unlock at ten thousand notes;
            # the person sees the window (greeting, pairs) first, the pair a moment later.
            if self._opening is None:
                # Normally the paint comes first; a hidden window is never painted.
                QTimer.singleShot(OPEN_FALLBACK_MS, self, self._open_waiting)
            self._opening = pair_id
            self.content.setCurrentWidget(self.placeholder)
            return
        self._opening = None
        if self._view is not None and self._view.context.pair_id == pair_id:
            self._loading = None
            return
        if self._loading == pair_id:
            return  # already opening on a pool thread
        workspace = self.workspace
        if (
            not workspace.is_open(pair_id)
            and workspace.event_count(pair_id) > BACKGROUND_OPEN_EVENTS
        ):
            self._open_in_background(pair_id)
            return
        self._loading = None
        self._show_pair_view(pair_id)

    def _open_in_background(self, pair_id: str) -> None:
        """Fold a long pair on a pool thread; its screens follow on the UI thread."""
        workspace = self.workspace
        if workspace is None:
            return
        self._drop_pair_view()
        self._loading = pair_id
        self.opening_panel.show_opening(self._names.get(pair_id, ""))
        self.content.setCurrentWidget(self.opening_panel)
        run_in_background(
            lambda: workspace.load(pair_id),
            lambda _state: self._opened(workspace, pair_id),
            lambda exc: self._open_failed(workspace, pair_id, exc),
        )

    def _still_wanted(self, workspace: Workspace, pair_id: str) -> bool:
        """Whether a pair that finished opening is still wanted (no lock, no other click)."""
        return (
            self._loading == pair_id and self.workspace is workspace and not workspace.vault.closed
        )

    def _opened(self, workspace: Workspace, pair_id: str) -> None:
        if not self._still_wanted(workspace, pair_id):
            return
        self._loading = None
        self._show_pair_view(pair_id)
        entity, self._show_after_open = self._show_after_open, None
        if entity is not None and self._view is not None:
            self._view.show_entity(*entity)

    def _open_failed(self, workspace: Workspace, pair_id: str, exc: BaseException) -> None:
        if not self._still_wanted(workspace, pair_id):
            return
        self._show_after_open = None
        if isinstance(exc, KnownError):
            self.opening_panel.show_failed(exc.message)
            return
        self.opening_panel.show_failed(
            self.tr("Something unexpected went wrong; it was written to the log.")
        )
        raise exc  # a bug: the crash handler reports it

    def _retry(self) -> None:
        pair_id, self._loading = self._loading, None
        if pair_id is not None and self.workspace is not None:
            self.open_pair(pair_id)

    def _show_pair_view(self, pair_id: str) -> None:
        """Build the pair's screens (its state is cached, or quick to fold)."""
        if self.workspace is None:
            return
        # Lazy: the pair's screens load with the first pair (see the module).
        from mentorpair.ui.pair.base import PairContext
        from mentorpair.ui.pair.overview import OverviewTab
        from mentorpair.ui.pair.view import PairView

        self._drop_pair_view()
        context = PairContext(self.workspace, pair_id)
        context.presenter = self._presenter
        self._view = PairView(context, self.content, sync=self.sync)
        self._view.set_presenter(self._presenter)
        if self.sync is not None:
            sync = self.sync
            for page in self._view.pages.values():
                # A change typed here goes to the shared folder a few seconds later.
                page.changed.connect(lambda pair=pair_id: sync.local_change(pair))
        overview = self._view.pages["overview"]
        if isinstance(overview, OverviewTab):
            overview.relationship_ended.connect(self._on_relationship_ended)
        self.content.addWidget(self._view)
        self.content.setCurrentWidget(self._view)

    def show_search_result(self, pair_id: str, kind: str, entity_id: str) -> None:
        """Open the pair of a search result and the tab that shows the thing found."""
        self.refresh_pairs(select=pair_id)
        self.open_pair(pair_id)
        if self._loading == pair_id:
            self._show_after_open = (kind, entity_id)  # shown once the pair is open
        elif self._view is not None:
            self._view.show_entity(kind, entity_id)

    def flush(self) -> None:
        """Save typing in progress before the vault closes."""
        if self._view is not None:
            self._view.flush()

    def _on_relationship_ended(self, outcome: str) -> None:
        """Kept: the pair stays, read-only. Destroyed: it is gone from the list and screen."""
        if outcome == "destroyed":
            self._drop_pair_view()
        self.refresh_pairs()
        if self._view is None:
            self.content.setCurrentWidget(self.home)

    def set_presenter(self, on: bool) -> None:
        """Presenter mode: private notes and reflections vanish everywhere."""
        self._presenter = on
        if self._view is not None:
            self._view.set_presenter(on)

    def _drop_pair_view(self) -> None:
        if self._view is not None:
            self.content.removeWidget(self._view)
            self._view.deleteLater()
            self._view = None

    def clear(self) -> None:
        """Remove everything that came from the vault (on lock)."""
        self._opening = None
        # A pair still opening on a pool thread is not shown when it is done.
        self._loading = None
        self._show_after_open = None
        self._names = {}
        self.opening_panel.clear()
        self._drop_pair_view()
        if self.sync is not None:
            self.sync.stop()
            self.sync.deleteLater()
            self.sync = None
        self.workspace = None
        self.sidebar.set_pairs([])
        self.content.setCurrentWidget(self.home)
        self.home.greeting.clear()
        self.home.vault_text.clear()
        self.home.lock_text.clear()
