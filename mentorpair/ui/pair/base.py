"""What every tab of a pair shares: the context it works in and how it reports changes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFrame, QMessageBox, QScrollArea, QVBoxLayout, QWidget

from mentorpair.domain.events import Event, EventKind
from mentorpair.domain.model import Role
from mentorpair.domain.rules import RuleViolation
from mentorpair.domain.state import PairState
from mentorpair.errors import KnownError
from mentorpair.storage.workspace import Workspace

__all__ = ["PairContext", "PairTab", "utc_now"]


def utc_now() -> datetime:
    """The current time in UTC (tests pass their own clock)."""
    return datetime.now(UTC)


class PairContext:
    """One pair as the UI sees it: its state, how to change it, presenter mode.

    Attributes:
        workspace: the vault's pairs.
        pair_id: this pair.
        presenter: True while presenter mode hides private notes and reflections.
        clock: the current time (UTC); injectable for tests.
    """

    def __init__(
        self, workspace: Workspace, pair_id: str, clock: Callable[[], datetime] = utc_now
    ) -> None:
        self.workspace = workspace
        self.pair_id = pair_id
        self.presenter = False
        self.clock = clock

    @property
    def state(self) -> PairState:
        """The pair's current state."""
        return self.workspace.state(self.pair_id)

    @property
    def my_role(self) -> Role:
        """Whether this person is the mentee or the mentor here."""
        return self.state.my_role

    @property
    def is_mentee(self) -> bool:
        """The mentee owns agenda and goals; the UI offers edits only to them."""
        return self.state.my_role is Role.MENTEE

    @property
    def read_only(self) -> bool:
        """True once the relationship has ended."""
        return self.state.read_only

    def record(self, parent: QWidget, kind: EventKind, /, **body: Any) -> Event | None:
        """Record a change; on refusal show the plain reason and return None.

        Rule violations and known errors (disk full …) are the person's to read;
        anything else is a bug and goes to the crash handler.
        """
        if self.workspace.vault.closed:
            # A late signal from a tab that is being torn down after a lock.
            return None
        try:
            return self.workspace.record(self.pair_id, kind, **body)
        except (RuleViolation, KnownError) as exc:
            message = exc.message if isinstance(exc, KnownError) else str(exc)
            QMessageBox.warning(
                parent, QCoreApplication.translate("PairContext", "Not saved"), message
            )
            return None


class PairTab(QWidget):
    """Base of the tabs of a pair.

    Subclasses build their widgets in ``__init__`` and fill them in
    :meth:`refresh`. A tab that is not on screen is not filled at once: it is
    marked stale (:meth:`update_later`) and fills itself when it is first
    shown, so opening a pair or saving in one tab costs only what is seen.

    Signals:
        changed(): this tab recorded a change and already shows it; the view
            brings the other tabs up to date.

    Attributes:
        stale: the pair changed since this tab was last filled.
        refresh_count: how often the tab was filled (tests count work with it).
    """

    changed = Signal()

    def __init__(self, context: PairContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.stale = True  # nothing shown yet: filled on first show
        self.refresh_count = 0

    def refresh(self) -> None:
        """Re-read the pair's state and show it; every tab overrides this.

        ``tests/ui/test_accessibility.py`` checks that each tab does, so a tab
        that forgot cannot show a stale pair silently.
        """

    def reload(self) -> None:
        """Fill the tab now (what :meth:`update_later` and first show call)."""
        self.stale = False
        self.refresh_count += 1
        self.refresh()

    def update_later(self) -> None:
        """The pair changed: fill the tab now if it is on screen, else on its next show."""
        if self.isVisible():
            self.reload()
        else:
            self.stale = True

    def ensure_fresh(self) -> None:
        """Fill the tab now if the pair changed since it was last filled."""
        if self.stale:
            self.reload()

    def set_presenter(self, on: bool) -> None:
        """Presenter mode changed (``context.presenter`` already holds ``on``).

        Not deferred like other changes: a tab filled before must not keep
        private words in its widgets, shown or not. One never filled holds none.
        """
        if self.refresh_count:
            self.reload()
        else:
            self.stale = True

    def showEvent(self, event: QShowEvent) -> None:  # QWidget.showEvent
        """A stale tab fills itself before it is painted."""
        self.ensure_fresh()
        super().showEvent(event)


def scrolling_column(owner: QWidget) -> tuple[QWidget, QVBoxLayout]:
    """A column of cards that scrolls and fills ``owner``; return (content, column).

    The tabs that read like a page (overview, agreement, feedback, partner)
    share this shape: at most 900 px wide, so lines stay readable on a wide
    screen, and scrolling on a small one.
    """
    content = QWidget(owner)
    content.setMaximumWidth(900)
    column = QVBoxLayout(content)
    column.setContentsMargins(4, 12, 12, 12)
    column.setSpacing(12)
    scroll = QScrollArea(owner)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(content)
    layout = QVBoxLayout(owner)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(scroll)
    return content, column
