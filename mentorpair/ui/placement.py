"""What the locked pages say about where a vault lives (issue 15).

Two things go wrong when one vault folder is used from two computers: a sync
engine keeps one side's database and loses the other's notes, or mixes one
computer's database with the other's log. The welcome and unlock pages warn
when the folder sits inside a sync engine's folder, and the unlock page
explains a refusal to open a vault that another computer used lately.
"""

from __future__ import annotations

from datetime import timedelta
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFrame, QWidget

from mentorpair.ui.widgets import warning_box

__all__ = ["synced_folder_box", "used_elsewhere_text"]


def synced_folder_box(folder: Path, parent: QWidget | None = None) -> QFrame | None:
    """A warning if ``folder`` is inside a sync engine's folder, else None."""
    # Lazy: the locked pages import no storage code until they are shown.
    from mentorpair.storage.placement import synced_by

    synced = synced_by(folder)
    if synced is None:
        return None
    text = QCoreApplication.translate(
        "Placement",
        "<b>Your vault is in a folder that {0} keeps in sync</b> ({1}). Open it on "
        "one computer only: if two computers open it, one computer's notes are lost. "
        "Safest is to keep the vault outside the synced folder. To use mentorpair on "
        "a second computer, link it instead: File ▸ Link another computer.",
    ).format(escape(synced.engine), escape(str(synced.root)))
    box = warning_box(text, parent)
    box.setAccessibleName(QCoreApplication.translate("Placement", "Sync warning"))
    return box


def used_elsewhere_text(ago: timedelta) -> str:
    """Why the vault did not open: another computer used it ``ago``."""
    hours = int(ago.total_seconds() // 3600)
    if hours < 1:
        when = QCoreApplication.translate("Placement", "less than an hour ago")
    elif hours == 1:
        when = QCoreApplication.translate("Placement", "an hour ago")
    elif hours < 48:
        when = QCoreApplication.translate("Placement", "{0} hours ago").format(hours)
    else:
        when = QCoreApplication.translate("Placement", "{0} days ago").format(hours // 24)
    return QCoreApplication.translate(
        "Placement",
        "This vault was open on another computer {0}, so it was not opened here and "
        "nothing was changed: a vault opened on two computers loses notes. Keep using "
        "it there. If you moved it here for good, choose “Use it on this computer”.",
    ).format(when)
