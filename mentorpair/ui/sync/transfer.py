"""Export for partner and Import from partner: update files carried by hand.

Both run off the UI thread. An import checks the file's size before reading
a byte of it (a 2 GB file is refused at once), and a large one shows a
progress dialog that can be cancelled: nothing is stored until the whole
update was checked, so cancelling changes nothing.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QPushButton, QWidget

from mentorpair.crypto.random import random_bytes
from mentorpair.errors import KnownError
from mentorpair.storage.atomic import atomic_write
from mentorpair.storage.oserrors import translate_os_errors
from mentorpair.sync.exchange import ImportSummary
from mentorpair.sync.folder import content_name
from mentorpair.sync.update import check_size, read_file

from mentorpair.ui.sync.wording import changes_words

if TYPE_CHECKING:
    from mentorpair.ui.pair.base import PairContext
    from mentorpair.ui.sync.controller import Progress, SyncController, _Job

__all__ = ["PROGRESS_FROM_BYTES", "FileTransfer", "TransferHost"]

# Files from this size on show a progress dialog while they are imported.
PROGRESS_FROM_BYTES = 1 << 20


class TransferHost(Protocol):
    """What the file flows need from the tab that shows them.

    A protocol rather than the Partner tab itself, so this module does not
    import the tab that imports it.
    """

    @property
    def sync(self) -> SyncController:
        """The vault's sync controller, which runs the background jobs."""
        ...

    @property
    def context(self) -> PairContext:
        """The pair the tab shows."""
        ...

    @property
    def partner(self) -> str:
        """The partner's name, as the pair shows it."""
        ...

    def say(self, text: str, ok: bool) -> None:
        """Show the outcome of an import or export beside its buttons."""
        ...

    def refresh(self) -> None:
        """Show the pair's state again after a change."""
        ...


class FileTransfer(QObject):
    """The file flows of one Partner tab.

    Attributes:
        tab: the tab that shows the outcomes.
        dialog_parent: the widget the file and progress dialogs belong to.
        progress: the open progress dialog, while a large file is handled.
    """

    def __init__(self, tab: TransferHost, dialog_parent: QWidget) -> None:
        """Serve ``tab``; ``dialog_parent`` owns the file and progress dialogs."""
        super().__init__(dialog_parent)
        self.tab = tab
        self.dialog_parent = dialog_parent
        self.progress: QProgressDialog | None = None

    @property
    def _pair_id(self) -> str:
        return self.tab.context.pair_id

    def _busy(self) -> bool:
        if self.tab.sync.busy(self._pair_id):
            self.tab.say(self.tr("Still busy with the last update; try again in a moment."), False)
            return True
        return False

    # ------------------------------------------------------------- export
    def export_update(self) -> None:
        """Ask where to save, then seal what the partner lacks into one file there."""
        sync = self.tab.sync
        if self._busy():
            return
        if sync.pairing.partner(self._pair_id) is None:
            self.tab.say(
                self.tr("Invite {0} first: your copies are not connected yet.").format(
                    self.tab.partner
                ),
                False,
            )
            return
        # A name like the shared folder's: it says nothing about who or what.
        suggested = content_name(random_bytes(32))
        path, _filter = QFileDialog.getSaveFileName(
            self.dialog_parent,
            self.tr("Save the update for {0}").format(self.tab.partner),
            suggested,
            self.tr("mentorpair updates (*.mpu);;All files (*)"),
        )
        if not path:
            return
        target = Path(path)
        exchange = sync.exchange
        pair_id = self._pair_id

        def work(progress: Progress) -> int:
            count = max(exchange.unsent(pair_id), 0)
            data = exchange.export(pair_id, progress)
            with translate_os_errors():
                atomic_write(target, data, mode=0o644)
            return count

        job = sync.run(pair_id, work, lambda count: self._exported(count, target), self._failed)
        if job is not None:
            self.tab.say(self.tr("Saving the update…"), True)

    def _exported(self, count: int, target: Path) -> None:
        if count:
            text = self.tr("Saved {0} for {1} in {2}. Send this file to them.").format(
                changes_words(count), self.tab.partner, target.name
            )
        else:
            text = self.tr(
                "Saved {0}. It has no new changes, only what you received so far. "
                "Send it to {1} anyway."
            ).format(target.name, self.tab.partner)
        self.tab.say(text, True)
        self.tab.sync.notice.emit(text)
        self.tab.refresh()

    def _failed(self, exc: KnownError) -> None:
        self.tab.say(exc.message, False)

    # ------------------------------------------------------------- import
    def import_update(self) -> None:
        """Ask for the file, check its size, then import it in the background."""
        if self._busy():
            return
        path, _filter = QFileDialog.getOpenFileName(
            self.dialog_parent,
            self.tr("Open an update from {0}").format(self.tab.partner),
            "",
            self.tr("mentorpair updates (*.mpu);;All files (*)"),
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        """Import ``path``; its size is checked before anything is read."""
        try:
            with translate_os_errors():
                size = os.stat(path).st_size
            check_size(size)
        except KnownError as exc:
            self.tab.say(exc.message, False)
            return
        exchange = self.tab.sync.exchange

        def work(progress: Progress) -> ImportSummary:
            # Checked again while reading: the file may have grown since.
            return exchange.import_update(read_file(path), progress)

        show = size >= PROGRESS_FROM_BYTES
        job = self.tab.sync.run(
            self._pair_id,
            work,
            self._imported,
            self._failed,
            progress=self._on_progress if show else None,
        )
        if job is None:
            return
        self.tab.say(self.tr("Importing…"), True)
        if show:
            self._show_progress(job)

    def _imported(self, summary: ImportSummary) -> None:
        text = self.tab.sync.take_summary(summary)
        self.tab.say(text, True)
        self.tab.sync.notice.emit(text)

    # ------------------------------------------------------------- progress
    def _show_progress(self, job: _Job) -> None:
        dialog = QProgressDialog(
            self.tr("Checking and importing the update…"),
            self.tr("Cancel"),
            0,
            1000,
            self.dialog_parent,
        )
        cancel = QPushButton(self.tr("Cancel"), dialog)
        cancel.setAccessibleName(self.tr("Cancel the import"))
        dialog.setCancelButton(cancel)
        dialog.setWindowTitle(self.tr("Importing"))
        dialog.setAccessibleName(self.tr("Import progress"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setValue(0)
        dialog.canceled.connect(job.cancel)
        dialog.canceled.connect(
            lambda: self.tab.say(self.tr("Import cancelled. Nothing was changed."), False)
        )
        job.ended.connect(self._close_progress)
        self.progress = dialog

    def _on_progress(self, done: int, total: int) -> None:
        if self.progress is not None and total > 0:
            self.progress.setValue(min(1000, done * 1000 // total))

    def _close_progress(self) -> None:
        dialog, self.progress = self.progress, None
        if dialog is not None:
            # Closing a progress dialog emits canceled(): not a cancel by the person.
            dialog.canceled.disconnect()
            dialog.close()
            dialog.deleteLater()
