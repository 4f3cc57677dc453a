"""``--demo``: a throwaway vault in a temporary folder, filled with example data.

It opens without a prompt and its folder is deleted when the app exits. Its
passphrase is :data:`DEMO_PASSPHRASE`, shown on the unlock page, so a
newcomer can try locking and unlocking too: the data is invented, there is
nothing to protect.
"""

from __future__ import annotations

import logging
import secrets
import shutil
import tempfile
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from types import TracebackType

from mentorpair.crypto import kdf
from mentorpair.demo.history import fill_demo
from mentorpair.demo.people import DEMO_PASSPHRASE, load_demo_data
from mentorpair.domain.model import Role
from mentorpair.domain.wording import MONTH_NAMES
from mentorpair.storage.vault import Vault
from mentorpair.storage.workspace import Workspace

__all__ = ["DemoSession", "PeriodWords", "english_period"]

log = logging.getLogger(__name__)

# How the feedback period is worded from its first and last day.
PeriodWords = Callable[[date, date], str]


def english_period(opens: date, closes: date) -> str:
    """The period as "October 2026 to January 2027", in English whatever the system locale."""
    return " to ".join(f"{MONTH_NAMES[day.month - 1]} {day.year}" for day in (opens, closes))


def _pair(mentee: Workspace, mentor: Workspace, pair_id: str, folder: Path) -> None:
    """Pair the two demo copies as two people would: invitation, answer, safety code.

    Then updates both ways, so both show "verified", each holds the other's
    signed history, and neither has anything waiting to be sent. Both use
    ``folder`` as their shared folder, so a change made on one side arrives
    on the other after Ctrl+Shift+D.
    """
    from mentorpair.sync.exchange import Exchange
    from mentorpair.sync.folder import SharedFolder

    mentee_side, mentor_side = Exchange(mentee), Exchange(mentor)
    invitation = mentee_side.pairing.invite(pair_id)
    answer = mentor_side.pairing.join(mentor_side.pairing.read(invitation), "")
    mentee_side.pairing.accept(mentee_side.pairing.read(answer))
    for side in (mentee_side, mentor_side):
        side.pairing.confirm(pair_id)
    mentor_side.import_update(mentee_side.export(pair_id))
    mentee_side.import_update(mentor_side.export(pair_id))
    mentor_side.import_update(mentee_side.export(pair_id))  # acknowledges the mentor's
    for side in (mentee_side, mentor_side):
        SharedFolder(side).choose(pair_id, folder)


def _add_scheme(
    folder: Path, workspaces: list[Workspace], pair_id: str, now: datetime, words: PeriodWords
) -> None:
    """Give the pair a feedback scheme whose period is open, so the invitation shows.

    The coordinator's private key is thrown away: in the demo nobody reads the
    feedback, but the whole path up to the sealed file can be tried.
    """
    from mentorpair.crypto.hybrid import HybridKeyPair
    from mentorpair.feedback.pairside import PairFeedback
    from mentorpair.feedback.scheme import Period, new_scheme

    today = now.date()
    opens, closes = today - timedelta(days=40), today + timedelta(days=50)
    period = Period("demo", words(opens, closes), opens, closes)
    scheme = new_scheme(
        "Emergency Medicine Mentoring Scheme", HybridKeyPair.generate().public_bytes(), [period]
    )
    path = folder / "emergency-medicine-mentoring.mpscheme"
    path.write_text(scheme.to_json(), encoding="utf-8")
    for workspace in workspaces:
        PairFeedback(workspace, pair_id).import_scheme(path)


class DemoSession:
    """Owns the temporary folder and the two demo vaults; cleans up on exit.

    The example relationship exists twice, as in real life: once in the
    mentee's vault and once in the mentor's, each with its own private notes.
    One is open at a time; :meth:`switch_side` swaps them.

    Attributes:
        folder: the temporary folder (removed by :meth:`cleanup`).
        side: whose vault is open.
        vault: the open demo vault.
    """

    def __init__(
        self, now: datetime | None = None, period_words: PeriodWords = english_period
    ) -> None:
        """Make both vaults; ``period_words`` names the feedback period in the window's language.

        A real scheme's period label is the coordinator's, in their words; the
        demo's stands in for one written in the language the person chose.
        """
        now = now or datetime.now(UTC)
        self.folder = Path(tempfile.mkdtemp(prefix="mentorpair-demo-"))
        try:
            data = load_demo_data()
            names = {
                Role.MENTEE: data["viewer"]["display_name"],
                Role.MENTOR: data["partner"]["display_name"],
            }
            vaults, workspaces = {}, {}
            seed = secrets.token_hex(16)  # one history, two copies with the same ids
            for role in (Role.MENTOR, Role.MENTEE):
                # The floor profile: these vaults are thrown away, so skip calibration.
                vault = Vault.create(
                    self.vault_folder(role), DEMO_PASSPHRASE, names[role], params=kdf.minimum_params
                )
                workspaces[role] = Workspace(vault)
                pair_id = fill_demo(workspaces[role], role, now, seed)
                vaults[role] = vault
            _pair(workspaces[Role.MENTEE], workspaces[Role.MENTOR], pair_id, self.shared_folder())
            _add_scheme(self.folder, list(workspaces.values()), pair_id, now, period_words)
            vaults[Role.MENTOR].close()
            self.side = Role.MENTEE
            self.vault = vaults[Role.MENTEE]
        except BaseException:
            shutil.rmtree(self.folder, ignore_errors=True)
            raise
        log.info("demo vaults created")

    def shared_folder(self) -> Path:
        """A folder the two demo sides can use as their "shared folder"."""
        folder = self.folder / "shared"
        folder.mkdir(mode=0o700, exist_ok=True)
        return folder

    def vault_folder(self, role: Role) -> Path:
        """The folder of the mentee's or the mentor's demo vault."""
        return self.folder / role.value

    def switch_side(self) -> Vault:
        """Close the open vault and open the other side's; return it."""
        if not self.vault.closed:
            self.vault.close()
        self.side = self.side.other
        self.vault = Vault.open(self.vault_folder(self.side), DEMO_PASSPHRASE)
        return self.vault

    def cleanup(self) -> None:
        """Close the vault and delete the folder; safe to call twice."""
        if not self.vault.closed:
            self.vault.close()
        if self.folder.exists():
            shutil.rmtree(self.folder, ignore_errors=True)
            log.info("demo vault deleted")

    def __enter__(self) -> DemoSession:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.cleanup()
