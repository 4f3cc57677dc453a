"""The main window: welcome, unlock or workspace, with menus, tray and status line.

Locking (Ctrl+L, the tray menu, the idle timer, a suspend or a locked
screen) closes the vault, which closes the database connection and wipes the
vault key; everything on screen that came from the vault is cleared, and the
unlock page comes back. Reminders go on while locked. Where there is a tray,
closing the window locks it and keeps the app in the tray (File ▸ Quit ends it).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QSystemTrayIcon,
    QWidget,
)

from mentorpair import APP_TITLE
from mentorpair.domain.model import Role
from mentorpair.errors import KnownError
from mentorpair.resources import resource_path
from mentorpair.storage.layout import VaultState, vault_state

from mentorpair.ui import workers
from mentorpair.ui.announce import StatusLabel
from mentorpair.ui.desktop.notify import DesktopNotifier
from mentorpair.ui.desktop.session_lock import SessionLockWatcher
from mentorpair.ui.lock import IdleLock
from mentorpair.ui.reminders import ReminderScheduler
from mentorpair.ui.settings import Settings
from mentorpair.ui.unlock import UnlockPage
from mentorpair.ui.welcome import WelcomePage
from mentorpair.ui.workspace import WorkspacePage

if TYPE_CHECKING:
    # Loaded when a vault opens or a dialog does: the locked window needs none (issue 12).
    from mentorpair.demo import DemoSession
    from mentorpair.storage.vault import Vault
    from mentorpair.storage.workspace import Workspace

    from mentorpair.ui.linking import LinkThisComputerPage
    from mentorpair.ui.new_pair import NewPairDialog
    from mentorpair.ui.preferences import PreferencesDialog
    from mentorpair.ui.search import SearchPanel

__all__ = ["MainWindow"]

log = logging.getLogger(__name__)

# How long a lock waits for a running background task (e.g. a re-key) to finish.
LOCK_RETRY_MS = 200

# After unlocking, the first look for due reminders waits this long.
REMINDERS_DELAY_MS = 1000


def app_icon() -> QIcon:
    """The application icon (also used for the tray)."""
    return QIcon(str(resource_path("icons", "mentorpair.svg")))


class MainWindow(QMainWindow):
    """The one window of the app.

    Signals:
        locked(): the vault was closed and key material dropped.
        unlocked(): a vault was opened (created, unlocked, or the demo).
        settings_changed(): Preferences were applied (the app re-applies the theme).

    Attributes:
        vault: the open vault, or None while locked.
    """

    locked = Signal()
    unlocked = Signal()
    settings_changed = Signal()

    def __init__(
        self,
        vault_folder: Path,
        settings: Settings,
        vault: Vault | None = None,
        demo: bool = False,
        parent: QWidget | None = None,
        demo_session: DemoSession | None = None,
    ) -> None:
        super().__init__(parent)
        self.vault_folder = vault_folder
        self.settings = settings
        self.demo = demo or demo_session is not None
        self.demo_session = demo_session
        self.vault: Vault | None = None
        self._preferences: PreferencesDialog | None = None
        #: The last Link another computer and Your computers dialogs opened (tests use them).
        self.link_dialog: QDialog | None = None
        self.computers_dialog: QDialog | None = None
        self.coordinator_window: QMainWindow | None = None
        # No names in the title: it shows in task switchers and screen shares.
        self.setWindowTitle(APP_TITLE)
        self.setWindowIcon(app_icon())
        self.setMinimumSize(640, 480)

        self.stack = QStackedWidget(self)
        self.unlock_page = UnlockPage(vault_folder, self)
        self.stack.addWidget(self.unlock_page)
        # The welcome and workspace pages are built when first shown (see their
        # properties): a locked window shows neither (issue 12: a fast start).
        self._welcome_page: WelcomePage | None = None
        self._link_page: LinkThisComputerPage | None = None
        self._workspace_page: WorkspacePage | None = None
        self.setCentralWidget(self.stack)
        if demo:
            from mentorpair.demo import DEMO_PASSPHRASE

            self.unlock_page.show_demo_hint(DEMO_PASSPHRASE)
        self.unlock_page.unlocked.connect(self.open_vault)

        # Built with the first unlock (see search_panel): the locked window has no search.
        self._search_panel: SearchPanel | None = None

        self.reminders = ReminderScheduler(self._open_workspace, parent=self)
        self.reminders.notify.connect(self._show_reminder)
        self._apply_reminder_settings()

        self.idle_lock = IdleLock(settings.idle_minutes, self)
        self.idle_lock.idle.connect(self._on_idle)

        self._build_actions()
        self._build_menus()
        self._build_status_bar()
        self._build_tray()
        self.notifier = DesktopNotifier(self, self.tray)
        self.session_lock = SessionLockWatcher(self)
        self.session_lock.lock_requested.connect(self._on_session_lock)
        self._told_about_tray = False

        geometry = settings.window_geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1100, 720)

        if vault is not None:
            self.open_vault(vault)
        elif vault_state(vault_folder) is VaultState.PRESENT:
            self._show_locked()
        else:
            self.stack.setCurrentWidget(self.welcome_page)
            self._refresh_state()

    # ------------------------------------------------------------- building
    def _action(
        self,
        text: str,
        slot: object,
        shortcut: str | QKeySequence | QKeySequence.StandardKey | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)  # shortcuts work whichever page has focus
        return action

    def _build_actions(self) -> None:
        self.lock_action = self._action(self.tr("&Lock"), self.lock, "Ctrl+L")
        self.lock_action.setStatusTip(self.tr("Close the vault until the passphrase is entered"))
        self.preferences_action = self._action(
            self.tr("&Preferences…"), self.show_preferences, "Ctrl+,"
        )
        self.backup_action = self._action(self.tr("&Back up vault…"), self.back_up)
        self.quit_action = self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.about_action = self._action(self.tr("&About Mentorpair"), self.show_about)
        self.new_pair_action = self._action(self.tr("&New pair…"), self.new_pair, "Ctrl+Shift+N")
        self.join_action = self._action(
            self.tr("&Join a pair from an invitation…"), self.join_pair, "Ctrl+Shift+J"
        )
        self.link_action = self._action(
            self.tr("Lin&k another computer…"), self.link_computer, "Ctrl+Shift+L"
        )
        self.link_action.setStatusTip(
            self.tr("Use mentorpair on another computer of yours, with all your pairs and notes")
        )
        self.computers_action = self._action(self.tr("&Your computers…"), self.show_computers)
        self.export_action = self._action(
            self.tr("&Export for partner…"), self.export_for_partner, "Ctrl+Shift+E"
        )
        self.import_action = self._action(
            self.tr("&Import from partner…"), self.import_from_partner, "Ctrl+Shift+I"
        )
        self.presenter_action = self._action(
            self.tr("&Presenter mode"), self.set_presenter, "Ctrl+Shift+P"
        )
        self.presenter_action.setCheckable(True)
        self.demo_side_action = self._action(
            self.tr("See the &other side (demo)"), self.switch_demo_side, "Ctrl+Shift+D"
        )
        self.demo_side_action.setVisible(self.demo_session is not None)
        self.find_action = self._action(
            self.tr("&Find…"), self.show_search, QKeySequence.StandardKey.Find
        )
        self.presenter_action.setStatusTip(
            self.tr("Hide private notes and reflections while sharing your screen")
        )
        self.show_action = self._action(self.tr("&Show Mentorpair"), self.bring_to_front)
        self.coordinator_action = self._action(self.tr("&Coordinator…"), self.show_coordinator)
        self.coordinator_action.setStatusTip(
            self.tr("Make a feedback scheme or report on its feedback (no vault needed)")
        )

    def _build_menus(self) -> None:
        menu_bar = self.menuBar()
        menu_bar.setAccessibleName(self.tr("Menu bar"))
        file_menu = menu_bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.new_pair_action)
        file_menu.addAction(self.join_action)
        file_menu.addSeparator()
        file_menu.addAction(self.link_action)
        file_menu.addAction(self.computers_action)
        file_menu.addSeparator()
        file_menu.addAction(self.export_action)
        file_menu.addAction(self.import_action)
        file_menu.addSeparator()
        file_menu.addAction(self.backup_action)
        file_menu.addSeparator()
        file_menu.addAction(self.coordinator_action)
        file_menu.addSeparator()
        file_menu.addAction(self.lock_action)
        file_menu.addAction(self.preferences_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        view_menu = menu_bar.addMenu(self.tr("&View"))
        view_menu.addAction(self.find_action)
        view_menu.addAction(self.presenter_action)
        if self.demo_session is not None:
            view_menu.addSeparator()
            view_menu.addAction(self.demo_side_action)
        help_menu = menu_bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)

    def _build_status_bar(self) -> None:
        self.lock_state = StatusLabel(self.tr("Lock state"), self)
        self.presenter_state = StatusLabel(
            self.tr("Presenter mode"), self, text=self.tr("Presenter mode: private notes hidden")
        )
        self.presenter_state.setObjectName("ok")
        self.presenter_state.hide()
        # A partner's newly linked computer, said once and calmly; it stays until a lock.
        self.partner_notice = StatusLabel(self.tr("News about your partners"), self)
        self.partner_notice.setObjectName("ok")
        self.partner_notice.hide()
        self.statusBar().addWidget(self.partner_notice, 1)
        self.statusBar().addPermanentWidget(self.presenter_state)
        self.statusBar().addPermanentWidget(self.lock_state)
        if self.demo:
            demo_label = QLabel(self.tr("Demo vault: deleted when you quit"), self)
            demo_label.setObjectName("hint")
            self.statusBar().addWidget(demo_label)

    def _build_tray(self) -> None:
        """The tray menu exists always (tests use it); the icon only where a tray does."""
        self.tray_menu = QMenu(self)
        self.tray_menu.setAccessibleName(self.tr("Tray menu"))
        self.tray_menu.addAction(self.show_action)
        self.tray_menu.addAction(self.lock_action)
        self.tray_menu.addSeparator()
        self.tray_menu.addAction(self.quit_action)
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(app_icon(), self)
            self.tray.setToolTip(APP_TITLE)
            self.tray.setContextMenu(self.tray_menu)
            self.tray.activated.connect(self.bring_to_front)
            self.tray.show()

    @property
    def welcome_page(self) -> WelcomePage:
        """The page that creates a vault, built the first time it is needed."""
        if self._welcome_page is None:
            self._welcome_page = WelcomePage(self.vault_folder, self)
            self._welcome_page.created.connect(self.open_vault)
            self._welcome_page.link_requested.connect(self.show_link_page)
            self.stack.addWidget(self._welcome_page)
        return self._welcome_page

    @property
    def link_page(self) -> LinkThisComputerPage:
        """The new computer's linking pages, built the first time they are needed."""
        if self._link_page is None:
            from mentorpair.ui.linking import LinkThisComputerPage

            self._link_page = LinkThisComputerPage(self.vault_folder, self)
            self._link_page.created.connect(self.open_vault)
            self._link_page.back.connect(self._back_to_welcome)
            self.stack.addWidget(self._link_page)
        return self._link_page

    def show_link_page(self) -> None:
        """The welcome page's "I already use mentorpair on another computer"."""
        self.stack.setCurrentWidget(self.link_page)
        self._refresh_state()

    def _back_to_welcome(self) -> None:
        self.link_page.reset()
        self.stack.setCurrentWidget(self.welcome_page)

    @property
    def workspace(self) -> WorkspacePage:
        """The unlocked vault's page (pairs and the pair on screen), built when first needed."""
        if self._workspace_page is None:
            page = WorkspacePage(self)
            page.new_pair_requested.connect(self.new_pair)
            page.notice.connect(lambda text: self.statusBar().showMessage(text, 15_000))
            self.stack.addWidget(page)
            self._workspace_page = page
        return self._workspace_page

    @property
    def search_panel(self) -> SearchPanel:
        """The search panel, built the first time it is needed (issue 12: a fast start)."""
        if self._search_panel is None:
            from mentorpair.ui.search import SearchPanel

            self._search_panel = SearchPanel(self)
            self._search_panel.result_activated.connect(self.workspace.show_search_result)
            self.search_dock = QDockWidget(self.tr("Search"), self)
            self.search_dock.setObjectName("searchDock")
            self.search_dock.setAccessibleName(self.tr("Search"))
            self.search_dock.setWidget(self._search_panel)
            self.search_dock.setAllowedAreas(
                Qt.DockWidgetArea.RightDockWidgetArea | Qt.DockWidgetArea.LeftDockWidgetArea
            )
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.search_dock)
            self.search_dock.hide()
        return self._search_panel

    # ------------------------------------------------------------- lock state
    def open_vault(self, vault: Vault) -> None:
        """Show the workspace for a freshly opened vault."""
        self.vault = vault
        from mentorpair.storage.workspace import Workspace

        self.workspace.show_person(vault.display_name(), self.settings.idle_minutes, self.demo)
        workspace = Workspace(vault)
        self.workspace.set_workspace(workspace)
        self.search_panel.set_context(workspace, None, self.presenter_action.isChecked())
        # Reminders read every pair's meetings: once the window and the pair are on
        # screen, not before (a zero delay would still come before the first paint).
        self.reminders.start(first_check_ms=REMINDERS_DELAY_MS)
        self.stack.setCurrentWidget(self.workspace)
        self.idle_lock.set_minutes(self.settings.idle_minutes)
        self.idle_lock.start()
        self._refresh_state()
        if self.workspace.sync is not None:
            self.workspace.sync.pair_changed.connect(lambda _pair: self.announce_partner_devices())
        self.announce_partner_devices()
        self.unlocked.emit()

    def lock(self) -> None:
        """Close the vault and return to the unlock page."""
        if self.vault is None:
            return
        # No new sync may start while the lock waits; running ones are cancelled.
        self.workspace.stop_sync()
        # A running search is interrupted and waited for (briefly): it lets go of the
        # database before the vault closes, and its late result is dropped.
        self.search_panel.stop()
        if workers.pending_count():
            # A re-key or backup is still using the vault key; lock right after it.
            QTimer.singleShot(LOCK_RETRY_MS, self.lock)
            return
        if self._preferences is not None:
            self._preferences.reject()
            self._preferences = None
        self.idle_lock.stop()
        self.workspace.flush()
        self.set_presenter(False)
        self.search_panel.set_context(None, None, False)
        self.search_dock.hide()
        # Reminders go on while locked, from the meetings' times read just now.
        self.reminders.refresh_plan()
        self.workspace.clear()
        self.partner_notice.setText("")
        self.partner_notice.hide()
        vault, self.vault = self.vault, None
        vault.close()
        self._show_locked()
        self.locked.emit()

    def _show_locked(self) -> None:
        self.unlock_page.reset()
        self.stack.setCurrentWidget(self.unlock_page)
        self._refresh_state()

    def _on_idle(self) -> None:
        log.info("locking after %d idle minutes", self.settings.idle_minutes)
        self.lock()

    def _on_session_lock(self, reason: str) -> None:
        if self.vault is not None:
            log.info("locking: %s", reason)
            self.lock()

    def _refresh_state(self) -> None:
        unlocked = self.vault is not None
        for action in (
            self.lock_action,
            self.preferences_action,
            self.backup_action,
            self.new_pair_action,
            self.join_action,
            self.link_action,
            self.computers_action,
            self.export_action,
            self.import_action,
            self.presenter_action,
            self.find_action,
            self.demo_side_action,
        ):
            action.setEnabled(unlocked)
        if unlocked:
            self.lock_state.setText(
                self.tr("Unlocked · locks after {0} min without use").format(
                    self.settings.idle_minutes
                )
            )
        elif self.stack.currentWidget() in (self._welcome_page, self._link_page):
            self.lock_state.setText(self.tr("No vault yet"))
        else:
            self.lock_state.setText(self.tr("Locked"))

    # ------------------------------------------------------------- commands
    def switch_demo_side(self) -> None:
        """Demo only: close this side's vault and open the partner's copy of the pair."""
        session = self.demo_session
        if session is None or self.vault is None:
            return
        if workers.pending_count():
            # A folder sync still runs; switch once it ended, so nothing is lost.
            QTimer.singleShot(LOCK_RETRY_MS, self.switch_demo_side)
            return
        self.workspace.flush()
        # What was just done (say, "Ready to share") reaches the other side now.
        self.workspace.send_waiting()
        self.idle_lock.stop()
        self.set_presenter(False)
        self.workspace.clear()
        current, self.vault = self.vault, None
        current.close()  # after a lock and unlock it is not the session's own object
        vault = session.switch_side()
        self.vault_folder = session.vault_folder(session.side)
        self.unlock_page.vault_folder = self.vault_folder
        self.open_vault(vault)
        # Shows what the other side just shared at once, not a moment later.
        self.workspace.sync_now()
        who = self.tr("the mentor's") if session.side is Role.MENTOR else self.tr("the mentee's")
        self.statusBar().showMessage(
            self.tr("Now showing {0} copy of the pair, with their own private notes.").format(who),
            10_000,
        )

    def new_pair(self) -> None:
        """Ask who the partner is, then start the pair and show it."""
        if self.workspace.workspace is None:
            return
        from mentorpair.ui.new_pair import NewPairDialog

        dialog = NewPairDialog(self)
        dialog.accepted.connect(lambda: self._create_pair(dialog))
        dialog.finished.connect(lambda _code: dialog.deleteLater())
        dialog.open()

    def _create_pair(self, dialog: NewPairDialog) -> None:
        workspace = self.workspace.workspace
        if workspace is None:
            return
        try:
            pair_id = workspace.create_pair(dialog.role, dialog.partner_name)
        except KnownError as exc:
            QMessageBox.warning(self, self.tr("Pair not created"), exc.message)
            return
        self.workspace.refresh_pairs(select=pair_id)

    def join_pair(self) -> None:
        """File ▸ Join a pair from an invitation (also takes an answer to one's own)."""
        if self.vault is None:
            return
        dialog = self.workspace.join_pair()
        if dialog is not None:
            # A lock takes the invitation and the safety code off screen.
            self.locked.connect(dialog.reject)

    def link_computer(self) -> None:
        """File ▸ Link another computer: the link, the answer, the code, the link file."""
        workspace = self.workspace.workspace if self.vault is not None else None
        if workspace is None:
            return
        from mentorpair.ui.linking import LinkComputerDialog

        dialog = LinkComputerDialog(workspace, self)
        # A lock takes the link, the code and the link file's bytes away.
        self.locked.connect(dialog.reject)
        dialog.finished.connect(lambda _code: dialog.deleteLater())
        dialog.open()
        self.link_dialog = dialog

    def show_computers(self) -> None:
        """File ▸ Your computers: the person's computers, and Remove."""
        workspace = self.workspace.workspace if self.vault is not None else None
        if workspace is None:
            return
        from mentorpair.ui.linking import YourComputersDialog

        dialog = YourComputersDialog(workspace, self)
        dialog.link_requested.connect(self.link_computer)
        dialog.removed.connect(lambda _device: self.workspace.send_waiting())
        dialog.pairs_taken.connect(lambda taken: self.workspace.refresh_pairs(taken[0]))
        self.locked.connect(dialog.reject)
        dialog.finished.connect(lambda _code: dialog.deleteLater())
        dialog.open()
        self.computers_dialog = dialog

    def announce_partner_devices(self) -> None:
        """Say once that a partner now also uses another computer (then it is marked told)."""
        workspace = self.workspace.workspace if self.vault is not None else None
        if workspace is None:
            return
        from mentorpair.ui.linking import partner_device_notices

        try:
            found = partner_device_notices(workspace)
        except KnownError as exc:  # never in the way of the vault opening
            log.warning("partner computers not checked: %s", exc.message)
            return
        if found:
            self.partner_notice.setText(" ".join(found))
            self.partner_notice.show()

    def export_for_partner(self) -> None:
        """Ctrl+Shift+E: the open pair's Export for partner."""
        tab = self.workspace.partner_tab() if self.vault is not None else None
        if tab is not None:
            tab.export_update()

    def import_from_partner(self) -> None:
        """Ctrl+Shift+I: the open pair's Import from partner."""
        tab = self.workspace.partner_tab() if self.vault is not None else None
        if tab is not None:
            tab.import_update()

    def set_presenter(self, on: bool) -> None:
        """Presenter mode: private notes, reflections and their titles disappear everywhere."""
        self.presenter_action.setChecked(on)
        self.presenter_state.setVisible(on)
        self.workspace.set_presenter(on)
        if self.workspace.workspace is not None:
            self.search_panel.set_context(self.workspace.workspace, None, on)

    def show_search(self) -> None:
        """Ctrl+F: open the search panel with the cursor in its box."""
        if self.vault is None:
            return
        if self.search_dock.isHidden():
            self.search_dock.show()
            # Wide enough for a result's title and snippet to read well.
            width = max(320, min(420, self.width() // 3))
            self.resizeDocks([self.search_dock], [width], Qt.Orientation.Horizontal)
        self.search_panel.focus_search()

    def show_preferences(self) -> None:
        """Open Preferences (only while unlocked: it shows vault contents)."""
        if self.vault is None:
            return
        workspace = self.workspace.workspace
        partners = [p.partner_name for p in workspace.pairs()] if workspace else []
        from mentorpair.ui.preferences import PreferencesDialog

        dialog = PreferencesDialog(self.vault, self.settings, self, partner_names=partners)
        dialog.applied.connect(self._on_preferences_applied)
        self._preferences = dialog
        dialog.finished.connect(lambda _code: self._forget_preferences(dialog))
        dialog.open()

    def _forget_preferences(self, dialog: PreferencesDialog) -> None:
        if self._preferences is dialog:
            self._preferences = None
        dialog.deleteLater()

    def _on_preferences_applied(self) -> None:
        if self.vault is not None:
            self.workspace.show_person(
                self.vault.display_name(), self.settings.idle_minutes, self.demo
            )
        self.idle_lock.set_minutes(self.settings.idle_minutes)
        self._apply_reminder_settings()
        self._refresh_state()
        self.settings_changed.emit()

    def _open_workspace(self) -> Workspace | None:
        """The unlocked vault's pairs, or None while locked (reminders then stay quiet)."""
        return self.workspace.workspace if self.vault is not None else None

    def _apply_reminder_settings(self) -> None:
        self.reminders.notify_before_min = self.settings.reminder_minutes
        self.reminders.agenda_nudge_days = self.settings.agenda_nudge_days

    def _show_reminder(self, title: str, message: str) -> None:
        """The tray or the desktop's notifications, the taskbar, and the status line."""
        self.notifier.notify(title, message)
        self.statusBar().showMessage(f"{title}: {message}", 30_000)

    def back_up(self) -> None:
        """Write an encrypted copy of the vault into a folder the person chooses."""
        if self.vault is None:
            return
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose an empty folder for the backup")
        )
        if folder:
            self.back_up_to(Path(folder))

    def back_up_to(self, folder: Path) -> None:
        """Back up into ``folder`` and say how it went."""
        if self.vault is None:
            return
        try:
            self.vault.backup_to(folder)
        except KnownError as exc:
            QMessageBox.warning(self, self.tr("Backup not made"), exc.message)
            return
        self.statusBar().showMessage(
            self.tr("Backup made. It opens with your current passphrase."), 8000
        )

    def show_coordinator(self) -> None:
        """Open the Coordinator window; it needs no vault, so it works locked too."""
        from mentorpair.ui.coordinator.window import CoordinatorWindow

        if self.coordinator_window is None:
            self.coordinator_window = CoordinatorWindow(self)
        self.coordinator_window.show()
        self.coordinator_window.raise_()
        self.coordinator_window.activateWindow()

    def show_about(self) -> None:
        """Version, licence and, when unlocked, this person's fingerprint."""
        from mentorpair.ui.about import AboutDialog

        dialog = AboutDialog(self.vault, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # A lock takes the fingerprint off screen with everything else.
        self.locked.connect(dialog.close)
        dialog.open()

    def bring_to_front(self) -> None:
        """Show the window from the tray or behind others (tray click, a second launch)."""
        self.showNormal()
        self.raise_()
        self.activateWindow()
        if not self.isActiveWindow():
            # Desktops may refuse focus to a program that was not clicked; ask instead.
            QApplication.alert(self)

    def hides_to_tray(self, spontaneous: bool) -> bool:
        """Whether a close goes to the tray: only the window's own close button, with a tray."""
        return spontaneous and self.tray is not None and self.tray.isVisible()

    def hide_to_tray(self) -> None:
        """Lock, hide the window and keep running in the tray, so reminders still come."""
        self.settings.set_window_geometry(self.saveGeometry())
        self.lock()
        self.hide()
        if self.tray is not None and not self._told_about_tray:
            self._told_about_tray = True
            self.tray.showMessage(
                APP_TITLE,
                self.tr("Mentorpair is locked and keeps running here for reminders."),
                QSystemTrayIcon.MessageIcon.Information,
                10_000,
            )

    # ------------------------------------------------------------- Qt overrides
    def closeEvent(self, event: QCloseEvent) -> None:  # QWidget.closeEvent
        """Lock on the way out and remember the window's geometry.

        The window's close button, where there is a tray, only hides the
        window (locked); File ▸ Quit, the tray's Quit and a signal end the app.
        """
        if self.hides_to_tray(event.spontaneous()):
            event.ignore()
            self.hide_to_tray()
            return
        self.settings.set_window_geometry(self.saveGeometry())
        self.settings.sync()
        self.idle_lock.detach()
        self.reminders.stop()
        self.workspace.stop_sync()
        self.workspace.flush()
        if self._search_panel is not None:
            self._search_panel.set_context(None, None, False)
        self.workspace.clear()
        if self.vault is not None:
            vault, self.vault = self.vault, None
            vault.close()
        if self.tray is not None:
            self.tray.hide()
        super().closeEvent(event)
