"""``mentorpair --self-check``: prove an installed copy can keep notes safely.

A packaged build can start and still be broken: a crypto or SQLCipher library
left out of the bundle, or one that silently stores plaintext. This check runs
the real code paths on a throwaway vault in a temporary folder: create it, add
a pair and a private note, lock it, unlock it, read the note back, make sure a
wrong passphrase is refused and that the note's words are in no file's bytes.
Then it seals an update between two throwaway identities (post-quantum HPKE,
the STREAM body) and scrubs a phone number from feedback text (the phone
number library loads its data lazily, which a bundle can miss). No Qt is
needed, so it runs on build machines without a display.
"""

from __future__ import annotations

import secrets
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from mentorpair.crypto import kdf
from mentorpair.domain.events import EventKind
from mentorpair.domain.model import NoteKind, Role
from mentorpair.errors import KnownError, WrongPassphrase
from mentorpair.storage.vault import Vault
from mentorpair.storage.workspace import Workspace, new_id

__all__ = ["PASSED_MESSAGE", "SelfCheckFailed", "find_plaintext", "run_self_check"]

PASSED_MESSAGE = "self-check passed: vault, encryption, notes, sync and feedback work"

# A throwaway vault with invented content: nothing here needs to stay secret.
_PASSPHRASE = "self-check lantern meadow quartz"  # noqa: S105
_WRONG_PASSPHRASE = "self-check wrong passphrase"  # noqa: S105


class SelfCheckFailed(Exception):
    """The check found a problem; ``str()`` is one plain line saying which step failed."""


def find_plaintext(folder: Path, texts: Iterable[str]) -> list[str]:
    """Names of files under ``folder`` that hold any of ``texts`` unencrypted.

    Looks for UTF-8 and both UTF-16 byte orders, the ways text commonly sits
    in a file.
    """
    needles = [t.encode(enc) for t in texts for enc in ("utf-8", "utf-16-le", "utf-16-be")]
    return sorted(
        str(path.relative_to(folder))
        for path in folder.rglob("*")
        if path.is_file() and any(needle in path.read_bytes() for needle in needles)
    )


@contextmanager
def _step(what: str) -> Iterator[None]:
    """Turn any error inside into :class:`SelfCheckFailed` naming the step."""
    try:
        yield
    except SelfCheckFailed:
        raise
    except KnownError as exc:
        raise SelfCheckFailed(f"{what}: {_one_line(exc.message)}") from exc
    except Exception as exc:
        raise SelfCheckFailed(f"{what}: {type(exc).__name__}: {_one_line(str(exc))}") from exc


def _one_line(text: str) -> str:
    return " ".join(text.split()) or "no details"


def run_self_check(parent: Path | None = None) -> None:
    """Run the check in a new temporary folder (inside ``parent`` if given), then delete it.

    Raises:
        SelfCheckFailed: a step failed; the message says which and why.
    """
    with _step("could not make a temporary folder"):
        folder = Path(tempfile.mkdtemp(prefix="mentorpair-selfcheck-", dir=parent))
    try:
        _check(folder / "vault")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if folder.exists():
        raise SelfCheckFailed(f"the temporary folder could not be deleted: {folder}")


def _check(vault_folder: Path) -> None:
    # Random words, so a match in the files cannot come from anything but this run.
    marker = secrets.token_hex(8)
    partner = f"Selfcheck Partner {marker}"
    note_text = f"self-check private note {marker}: the words must never sit on disk"

    with _step("could not create a vault"):
        vault = Vault.create(vault_folder, _PASSPHRASE, "Self Check", params=kdf.minimum_params)
    try:
        with _step("could not store a note"):
            workspace = Workspace(vault)
            pair_id = workspace.create_pair(Role.MENTEE, partner)
            note_id = new_id()
            workspace.record(
                pair_id,
                EventKind.NOTE_CREATED,
                note_id=note_id,
                kind=NoteKind.PRIVATE.value,
                title="Self-check",
                text=note_text,
            )
    finally:
        with _step("could not lock the vault"):
            vault.close()

    with _step("could not unlock the vault again"):
        vault = Vault.open(vault_folder, _PASSPHRASE)
    try:
        with _step("could not read the note back"):
            note = Workspace(vault).state(pair_id).notes.get(note_id)
        if note is None or note.text != note_text:
            raise SelfCheckFailed("the note read back is missing or different from the one stored")
    finally:
        with _step("could not lock the vault"):
            vault.close()

    try:
        Vault.open(vault_folder, _WRONG_PASSPHRASE).close()
    except WrongPassphrase:
        pass
    except Exception as exc:
        raise SelfCheckFailed(
            f"a wrong passphrase gave an unexpected error: {type(exc).__name__}"
        ) from exc
    else:
        raise SelfCheckFailed("the vault opened with a wrong passphrase")

    with _step("could not read the vault's files"):
        leaked = find_plaintext(vault_folder, [note_text, partner, marker])
    if leaked:
        raise SelfCheckFailed(f"unencrypted note text found in: {', '.join(leaked)}")
    _check_sync_and_feedback(marker)


def _check_sync_and_feedback(marker: str) -> None:
    """An update sealed for one identity opens for it alone; a phone number is scrubbed."""
    from mentorpair.crypto.identity import Identity
    from mentorpair.errors import UpdateNotForMe
    from mentorpair.feedback.scrub import Scrubber
    from mentorpair.sync.update import Sender, open_update, seal_update

    pair_id, payload = secrets.token_hex(16), f"self-check update {marker}".encode()
    pairing = secrets.token_bytes(32)
    with _step("could not seal an update"):
        sender, recipient, stranger = (Identity.generate() for _ in range(3))
        data = seal_update(sender, recipient.public(), pair_id, 1, payload, pairing)
        if payload in data:
            raise SelfCheckFailed("an update holds its content unencrypted")
        known = Sender(sender.public(), Role.MENTEE, pairing)
        opened = open_update(data, recipient, lambda _pair: known)
    if opened.payload != payload:
        raise SelfCheckFailed("an update opened to something other than what was sealed")
    try:
        open_update(data, stranger, lambda _pair: known)
    except UpdateNotForMe:
        pass
    else:
        raise SelfCheckFailed("an update opened for someone it was not sealed to")
    with _step("could not scrub feedback text"):
        scrubbed = Scrubber([]).scrub("Ring me on 07700 900123 or +44 20 7946 0958.")
    if "900123" in scrubbed or "7946" in scrubbed:
        raise SelfCheckFailed("a phone number survived the feedback scrubber")
