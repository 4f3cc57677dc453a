"""One harness per reader of outside data, built over a :class:`~tests.fuzz.world.World`.

Readers and where they live (owners differ; see the report in CONTRIBUTING):

* ``update``: an update file into Ben's vault (``sync/exchange.py``, ``update.py``);
* ``update-payload``: the JSON inside an update, sealed with the partner's
  real keys so it gets past the envelope (``sync/exchange.py``, ``chain.py``);
* ``invitation`` / ``acceptance``: pasted pairing text (``sync/pairing.py``,
  ``invitation.py``), joined by Ben or accepted by Amira; ``*-json``: the
  JSON inside them, wrapped as pasted text;
* ``scheme``: a scheme file (``feedback/scheme.py``);
* ``feedback``: a feedback file opened by the coordinator (``feedback/submission.py``);
* ``collector``: a feedback file taken in by the collector (``feedback/batches.py``);
* ``manifest`` / ``batch-file``: a released batch read by the coordinator
  (``feedback/folder.py``);
* ``key-file``: ``vault.key`` (``storage/header.py``);
* ``vault-db``: ``vault.db`` opened with the right passphrase (``storage/vault.py``);
  ``vault-wal``: the same beside a WAL that a kill left to replay.

There is no reader of imported records or calendars: ``storage/export.py`` and
``storage/calendar.py`` only write.
"""

from __future__ import annotations

import base64
import shutil

from mentorpair.errors import CorruptFile
from mentorpair.feedback import batches
from mentorpair.feedback.folder import read_batches
from mentorpair.feedback.scheme import parse_scheme
from mentorpair.feedback.submission import open_feedback_bytes, random_file_name
from mentorpair.storage.header import VaultHeader
from mentorpair.storage.vault import DB_NAME, Vault
from mentorpair.sync.update import open_update, seal_update
from tests.fuzz.engine import Harness, load_corpus
from tests.fuzz.world import PASSPHRASES, World


def _text(data: bytes) -> str:
    """Pasted text reaches the reader as a str; undecodable bytes never get that far."""
    return data.decode("utf-8", errors="replace")


def harnesses(world: World) -> list[Harness]:
    """Every harness, seeded with the world's valid inputs and the committed corpus."""
    w = world
    made: list[Harness] = []

    def add(name: str, seeds: list[bytes], harness: Harness) -> None:
        harness.seeds = [*seeds, *load_corpus(name)]
        made.append(harness)

    add("update", w.updates, Harness(
        "update", [], lambda d: w.ben.exchange.import_update(d), [w.ben.folder], w.ben.reset,
    ))  # fmt: skip

    def join(data: bytes) -> object:
        pairing = w.ben.exchange.pairing
        return pairing.join(pairing.read(_text(data)), "Carol")

    add("invitation", [w.invitation], Harness(
        "invitation", [], join, [w.ben.folder], w.ben.reset,
    ))  # fmt: skip

    def accept(data: bytes) -> object:
        pairing = w.amira.exchange.pairing
        return pairing.accept(pairing.read(_text(data)))

    add("acceptance", [w.acceptance], Harness(
        "acceptance", [], accept, [w.amira.folder], w.amira.reset,
    ))  # fmt: skip

    add("update-payload", [_payload(w, u) for u in w.updates[:1]], _update_payload(w))
    add("invitation-json", [_unarmor(w.invitation)], Harness(
        "invitation-json", [], lambda d: join(_armor("INVITATION", d)), [w.ben.folder], w.ben.reset,
    ))  # fmt: skip
    add("acceptance-json", [_unarmor(w.acceptance)], Harness(
        "acceptance-json", [], lambda d: accept(_armor("ACCEPTANCE", d)), [w.amira.folder],
        w.amira.reset,
    ))  # fmt: skip
    add("scheme", [w.scheme.to_json().encode(), w.open_scheme.to_json().encode()],
        Harness("scheme", [], parse_scheme))  # fmt: skip
    add("feedback", w.feedback_open, Harness(
        "feedback", [], lambda d: open_feedback_bytes(d, w.open_scheme, w.coordinator),
    ))  # fmt: skip
    add("collector", w.feedback_collected, _collector(w))
    add("manifest", [(w.batch_folder / "manifest.mpbatch").read_bytes()], _batch(w, True))
    member = next(p for p in sorted(w.batch_folder.iterdir()) if p.name != "manifest.mpbatch")
    add("batch-file", [member.read_bytes()], _batch(w, False))
    key_file = (w.template_vault / "vault.key").read_bytes()
    add("key-file", [key_file], Harness("key-file", [], VaultHeader.from_bytes))
    add("vault-db", [(w.template_vault / DB_NAME).read_bytes()], _vault_db(w))
    add("vault-wal", [(w.crashed_vault / DB_NAME).read_bytes()], _vault_db(w, crashed=True))
    return made


def _armor(label: str, data: bytes) -> bytes:
    """Wrap JSON as pasted pairing text, so mutations reach the JSON inside."""
    body = base64.b64encode(data).decode("ascii")
    lines = [body[i : i + 64] for i in range(0, len(body), 64)]
    return "\n".join(
        [f"-----BEGIN MENTORPAIR {label}-----", *lines, f"-----END MENTORPAIR {label}-----", ""]
    ).encode()


def _unarmor(text: bytes) -> bytes:
    inner = text.decode().split("-----")[2]
    return base64.b64decode("".join(inner.split()))


def _payload(w: World, update: bytes) -> bytes:
    """The JSON inside a real update, as Ben opens it."""
    ben = w.ben.vault.identity()
    return open_update(update, ben, w.ben.exchange.pairing.partner).payload


def _update_payload(w: World) -> Harness:
    """Amira seals the input as a genuine update number 1; Ben imports it.

    Sealing with Amira's real keys gets past the envelope, so the mutations
    reach the payload's parser and the admission rules behind it.
    """
    amira = w.amira.vault.identity()
    ben_public = w.ben.vault.identity().public()
    (pair_id,) = [p.pair_id for p in w.amira.exchange.workspace.pairs() if p.partner_name == "Ben"]
    link = w.amira.exchange.pairing.partner(pair_id)
    assert link is not None

    def read(data: bytes) -> object:
        sealed = seal_update(amira, ben_public, pair_id, 1, data[: 1 << 20], link.pairing)
        return w.ben.exchange.import_update(sealed)

    return Harness("update-payload", [], read, [w.ben.folder], w.ben.reset)


def _collector(w: World) -> Harness:
    """The collector takes one file into its store; a refused file leaves the store as it was."""
    inbox = w.root / "collector-inbox"
    inbox.mkdir(exist_ok=True)
    pristine = w.root / "store.pristine"
    shutil.copytree(w.store, pristine)

    def reset() -> None:
        shutil.rmtree(w.store)
        shutil.copytree(pristine, w.store)

    def take(data: bytes) -> object:
        path = inbox / random_file_name()
        path.write_bytes(data)
        try:
            received = batches.receive(w.store, w.scheme, w.collector, [path])
        finally:
            path.unlink()
        if received.skipped:
            # The collector's reader reports a refused file as skipped, with a reason.
            raise CorruptFile(received.skipped[0].reason)
        return received

    return Harness("collector", [], take, [w.store], reset)


def _batch(w: World, manifest: bool) -> Harness:
    """The coordinator reads a released batch with one file replaced by the input."""
    folder = w.root / ("read-manifest" if manifest else "read-member")
    target_name = (
        "manifest.mpbatch"
        if manifest
        else next(p.name for p in sorted(w.batch_folder.iterdir()) if p.name != "manifest.mpbatch")
    )

    def read(data: bytes) -> object:
        if folder.exists():
            shutil.rmtree(folder)
        shutil.copytree(w.batch_folder, folder / w.batch_folder.name)
        (folder / w.batch_folder.name / target_name).write_bytes(data)
        result = read_batches(folder, w.scheme, w.coordinator)
        if result.skipped:
            raise CorruptFile(result.skipped[0].reason)
        return result

    return Harness("manifest" if manifest else "batch-file", [], read)


def _vault_db(w: World, crashed: bool = False) -> Harness:
    """Open a copy of a vault whose ``vault.db`` is the input, with the right passphrase.

    ``crashed``: the copy is of a vault a kill left with a WAL to replay; only
    SQLite's index of that WAL (``-shm``) may change on a refusal.
    """
    name = "vault-wal" if crashed else "vault-db"
    folder = w.root / name
    template = w.crashed_vault if crashed else w.template_vault
    ignored = ("-shm",) if crashed else ()
    harness = Harness(name, [], lambda _d: None, [folder], ignored=ignored)

    def place(data: bytes) -> None:
        if folder.exists():
            shutil.rmtree(folder)
        shutil.copytree(template, folder)
        (folder / DB_NAME).write_bytes(data)

    def read(_data: bytes) -> object:
        Vault.open(folder, PASSPHRASES["carol"]).close()
        return None

    harness.read = read
    harness.place = place
    return harness
