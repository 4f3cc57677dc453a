"""Two people, each with their own vault and window parts, for the sync UI tests."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from mentorpair.crypto import kdf
from mentorpair.domain.model import Role
from mentorpair.storage.vault import Vault
from mentorpair.storage.workspace import Workspace

from mentorpair.ui.pair.base import PairContext
from mentorpair.ui.pair.view import PairView
from mentorpair.ui.sync.controller import SyncController
from mentorpair.ui.sync.join import JoinDialog
from mentorpair.ui.sync.partner_tab import PartnerTab

PASSPHRASE = "tangerine orbit velvet lantern 42"


@dataclass
class Side:
    """One person: their vault, workspace, controller and (once made) the pair's view."""

    vault: Vault
    ws: Workspace
    sync: SyncController
    holder: QWidget
    view: PairView | None = None

    @property
    def tab(self) -> PartnerTab:
        assert self.view is not None
        tab = self.view.pages["partner"]
        assert isinstance(tab, PartnerTab)
        return tab

    def show(self, qtbot: QtBot, pair_id: str) -> PairView:
        self.view = PairView(PairContext(self.ws, pair_id), sync=self.sync)
        qtbot.addWidget(self.view)
        self.view.resize(1000, 700)
        self.view.show()
        self.view.show_page("partner")
        return self.view

    def state(self, pair_id: str):
        self.ws.forget(pair_id)
        return self.ws.state(pair_id)


def make_side(qtbot: QtBot, folder: Path, name: str) -> Side:
    vault = Vault.create(folder, PASSPHRASE, name, params=kdf.minimum_params)
    ws = Workspace(vault)
    sync = SyncController(ws)
    # Owned by a widget qtbot closes and deletes, so no controller outlives its test.
    holder = QWidget()
    qtbot.addWidget(holder)
    sync.setParent(holder)
    return Side(vault, ws, sync, holder)


def join_through_dialog(qtbot: QtBot, sync: SyncController, text: str) -> JoinDialog:
    """Paste ``text`` into File ▸ Join a pair and continue; the dialog is left open."""
    dialog = JoinDialog(sync)
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.paste.setPlainText(text)
    dialog.continue_button.click()
    return dialog


def pair_up(qtbot: QtBot, mentee: Side, mentor: Side, pair_id: str, *, verify: bool = True) -> str:
    """Invite (mentee) → join (mentor) → connect (mentee), all through the dialogs.

    ``verify``: both then click "It matches", as people do after reading the
    safety code to each other; until then nothing of the pair is shared.
    """
    mentee.show(qtbot, pair_id)
    mentee.tab.invite_button.click()
    invite = mentee.tab.invite_dialog
    assert invite is not None
    invite.block.copy_button.click()
    from PySide6.QtGui import QGuiApplication

    invitation = QGuiApplication.clipboard().text()
    invite.reject()
    join = join_through_dialog(qtbot, mentor.sync, invitation)
    join.join_button.click()
    answer = join.reply.text.toPlainText()
    join.accept()
    mentee.tab.answer_button.click()
    dialog = mentee.tab.findChild(JoinDialog)
    assert dialog is not None
    dialog.paste.setPlainText(answer)
    dialog.continue_button.click()
    dialog.connect_button.click()
    dialog.accept()
    if verify:
        for side in (mentee, mentor):
            side.show(qtbot, pair_id)
            side.tab.match_button.click()
    mentor.show(qtbot, pair_id)
    return pair_id


def new_pair(side: Side, partner: str, role: Role = Role.MENTEE) -> str:
    return side.ws.create_pair(role, partner)


class Files:
    """Answers the file dialogs with chosen paths (QFileDialog's static methods)."""

    def __init__(self, monkeypatch) -> None:
        self.save_to: Path | None = None
        self.open_from: Path | None = None
        self.folder: Path | None = None
        self.suggested: list[str] = []
        monkeypatch.setattr(QFileDialog, "getSaveFileName", self._save)
        monkeypatch.setattr(QFileDialog, "getOpenFileName", self._open)
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", self._folder)

    def _save(self, parent, caption="", directory="", *args, **kwargs):
        self.suggested.append(directory)
        return (str(self.save_to) if self.save_to else "", "")

    def _open(self, parent, caption="", directory="", *args, **kwargs):
        return (str(self.open_from) if self.open_from else "", "")

    def _folder(self, parent, caption="", *args, **kwargs):
        return str(self.folder) if self.folder else ""


def export_by_hand(qtbot: QtBot, side: Side, files: Files, target: Path) -> None:
    files.save_to = target
    side.tab.export_button.click()
    qtbot.waitUntil(lambda: "Saved" in side.tab.result.text(), timeout=10_000)


def import_by_hand(qtbot: QtBot, side: Side, files: Files, source: Path) -> str:
    files.open_from = source
    side.tab.import_button.click()
    qtbot.waitUntil(
        lambda: (
            not side.sync.busy(side.tab.context.pair_id)
            and side.tab.result.text() not in ("", "Importing…")
        ),
        timeout=10_000,
    )
    return side.tab.result.text()
