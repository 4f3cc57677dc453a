"""The world the harnesses read into: real vaults, a pair, a scheme, a collector.

Everything is made fresh in a temporary folder with real keys, so the valid
seeds (an update, an invitation, an acceptance, feedback files, a released
batch) are exactly what the app writes. Vaults are reopened from a byte copy
after an input that was accepted (it may have written), and the passphrase's
key derivation is cached per parameter set so a reopen costs no Argon2id.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from mentorpair.crypto import kdf
from mentorpair.crypto.hybrid import HybridKeyPair
from mentorpair.crypto.secret import SecretKey
from mentorpair.crypto.signing import SigningKey
from mentorpair.domain.events import EventKind
from mentorpair.domain.model import Role
from mentorpair.feedback import batches
from mentorpair.feedback.collector import CollectorCard, CollectorKeys
from mentorpair.feedback.scheme import Period, Scheme, new_scheme
from mentorpair.feedback.submission import Response, random_file_name, seal_response
from mentorpair.storage.vault import Vault
from mentorpair.storage.workspace import Workspace, new_id
from mentorpair.sync.exchange import Exchange

PASSPHRASES = {
    "amira": "amira fuzz passphrase",
    "ben": "ben fuzz passphrase",
    "carol": "carol fuzz",
}
PERIOD = Period("2026-H1", "January to June 2026", date(2026, 1, 1), date(2026, 6, 30))


@contextmanager
def cached_kdf() -> Iterator[None]:
    """Derive each (passphrase, parameters) once; hand out fresh copies after that."""
    real = kdf.derive_kek
    cache: dict[tuple[str, kdf.KdfParams], bytes] = {}

    def derive(passphrase: str, params: kdf.KdfParams) -> SecretKey:
        key = (passphrase, params)
        if key not in cache:
            derived = real(passphrase, params)
            cache[key] = derived.reveal()
            derived.wipe()
        return SecretKey(cache[key], "key-encryption key")

    kdf.derive_kek = derive
    try:
        yield
    finally:
        kdf.derive_kek = real


class LiveVault:
    """An open vault that can be put back to its starting bytes at any time.

    Attributes:
        folder: where it lives.
        vault: the open vault.
        exchange: its exchange (workspace, pairing).
    """

    def __init__(self, folder: Path, passphrase: str) -> None:
        self.folder = folder
        self.passphrase = passphrase
        self._pristine = folder.with_name(folder.name + ".pristine")
        shutil.copytree(folder, self._pristine)
        self.vault = Vault.open(folder, passphrase)
        self.exchange = Exchange(Workspace(self.vault))

    def reset(self) -> None:
        """Close, restore the starting bytes, reopen."""
        self.vault.close()
        shutil.rmtree(self.folder)
        shutil.copytree(self._pristine, self.folder)
        self.vault = Vault.open(self.folder, self.passphrase)
        self.exchange = Exchange(Workspace(self.vault))

    def close(self) -> None:
        """Lock for good."""
        self.vault.close()


@dataclass
class World:
    """Every reader's counterpart, with the valid inputs they produced."""

    root: Path
    ben: LiveVault
    amira: LiveVault
    updates: list[bytes]
    invitation: bytes
    acceptance: bytes
    template_vault: Path
    crashed_vault: Path
    scheme: Scheme
    open_scheme: Scheme
    coordinator: HybridKeyPair
    collector: CollectorKeys
    feedback_open: list[bytes]
    feedback_collected: list[bytes]
    store: Path
    batch_folder: Path

    def close(self) -> None:
        """Lock both vaults."""
        self.ben.close()
        self.amira.close()


def make_world(root: Path) -> World:
    """Build the world in ``root`` (empty); takes a few seconds."""
    params = kdf.minimum_params
    for name in ("amira", "ben", "carol"):
        Vault.create(root / name, PASSPHRASES[name], name.title(), params=params).close()
    template = root / "template"
    shutil.copytree(root / "carol", template)
    # The same vault as a kill leaves it: a committed change still in the WAL.
    crashed = root / "crashed"
    with Vault.open(template, PASSPHRASES["carol"]) as vault:
        with vault.db.transaction():
            vault.db.execute("INSERT INTO meta (key, value) VALUES ('wal', 'not replayed')")
        shutil.copytree(template, crashed)
    shutil.rmtree(template)
    shutil.copytree(root / "carol", template)
    a = Vault.open(root / "amira", PASSPHRASES["amira"])
    b = Vault.open(root / "ben", PASSPHRASES["ben"])
    c = Vault.open(root / "carol", PASSPHRASES["carol"])
    try:
        ax, bx, cx = (Exchange(Workspace(v)) for v in (a, b, c))
        pair_id = ax.workspace.create_pair(Role.MENTEE, "Ben")
        accepted = bx.pairing.join(bx.pairing.read(ax.pairing.invite(pair_id)), "Amira")
        ax.pairing.accept(ax.pairing.read(accepted))
        ax.pairing.confirm(pair_id)
        bx.pairing.confirm(pair_id)
        updates = []
        for n in range(2):
            ax.workspace.record(
                pair_id, EventKind.NOTE_CREATED, note_id=new_id(), kind="shared",
                title=f"fuzz note {n}", text="a shared note",
            )  # fmt: skip
            ax.workspace.record(pair_id, EventKind.GOAL_CREATED, goal_id=new_id(), title="goal")
            updates.append(ax.export(pair_id))
        # Carol invites Ben (Ben's reader: join); Amira invites Carol (Amira's: accept).
        invitation = cx.pairing.invite(cx.workspace.create_pair(Role.MENTOR, "Ben"))
        second = ax.workspace.create_pair(Role.MENTEE, "Carol")
        acceptance = cx.pairing.join(cx.pairing.read(ax.pairing.invite(second)), "Amira")
    finally:
        for v in (a, b, c):
            v.close()

    coordinator = HybridKeyPair.generate()
    keys = CollectorKeys(HybridKeyPair.generate(), SigningKey.generate())
    card = CollectorCard("Guardian", keys.keypair.public_bytes(), keys.signer.public_bytes())
    signer = SigningKey.generate()
    scheme = new_scheme("Fuzz Scheme", coordinator.public_bytes(), [PERIOD], min_group=2,
                        min_comments=2, signer=signer, collector=card.collector())  # fmt: skip
    open_scheme = new_scheme("Open Scheme", coordinator.public_bytes(), [PERIOD], signer=signer)
    answers: Callable[[Scheme, int], Response] = lambda s, i: Response(  # noqa: E731
        s.scheme_id, PERIOD.period_id, f"{i:064x}", 1, {"usefulness": i % 5}, {}, f"{i + 99:064x}"
    )
    feedback_open = [seal_response(answers(open_scheme, i), open_scheme) for i in range(2)]
    feedback_collected = [seal_response(answers(scheme, i), scheme) for i in range(3)]
    # The collector takes three people in and releases one batch of answers.
    inbox, store, out = root / "inbox", root / "store", root / "released"
    inbox.mkdir()
    paths = []
    for data in feedback_collected:
        path = inbox / random_file_name()
        path.write_bytes(data)
        paths.append(path)
    batches.receive(store, scheme, keys, paths)
    out.mkdir()
    batches.release(store, scheme, keys, out)
    batch_folder = next(p for p in out.rglob("*") if p.is_dir())
    return World(
        root, LiveVault(root / "ben", PASSPHRASES["ben"]),
        LiveVault(root / "amira", PASSPHRASES["amira"]), updates, invitation.encode(),
        acceptance.encode(), template, crashed, scheme, open_scheme, coordinator, keys,
        feedback_open, feedback_collected, store, batch_folder,
    )  # fmt: skip
