"""A writer to be killed with SIGKILL at a random moment (see ``test_kill.py``).

    python -m tests.unit.storage.kill_child MODE VAULT PAIR_ID [ARG]

The passphrase comes in ``MENTORPAIR_TEST_PASSPHRASE``. After opening the vault
the child prints ``ready``; then, forever until killed, it prints one line per
change that is durable by the app's own account (the call returned):

* ``saves``: records a shared or private note, prints ``saved <note id>``;
* ``import``: imports the update files in folder ARG in name order, prints
  ``imported <file name>`` (then idles);
* ``folder``: records a note, prints ``saved <note id>``, runs one pass over
  the pair's shared folder, prints ``pass``;
* ``rekey``: changes the passphrase to ARG and back again, and again, printing
  ``now <passphrase index>`` after each change and ``page`` on progress.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from pathlib import Path

from mentorpair.crypto import kdf
from mentorpair.domain.events import EventKind
from mentorpair.errors import UpdateAlreadyImported
from mentorpair.storage.vault import Vault
from mentorpair.storage.workspace import Workspace, new_id
from mentorpair.sync.exchange import Exchange
from mentorpair.sync.folder import SharedFolder


def say(line: str) -> None:
    """One line the parent reads; flushed, so a kill cannot hold it back."""
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def save_note(ws: Workspace, pair_id: str, n: int) -> None:
    """One note, shared or private, with enough text to span pages now and then."""
    note_id = new_id()
    kind = "private" if n % 3 == 0 else "shared"
    ws.record(
        pair_id, EventKind.NOTE_CREATED, note_id=note_id, kind=kind, title=f"note {n}",
        text=f"kill test note {n} " * (1 + n % 50),
    )  # fmt: skip
    say(f"saved {note_id}")


def main(argv: list[str]) -> int:
    """Run one mode until killed."""
    mode, folder, pair_id = argv[1], Path(argv[2]), argv[3]
    extra = argv[4] if len(argv) > 4 else ""
    passphrase = os.environ["MENTORPAIR_TEST_PASSPHRASE"]
    vault = Vault.open(folder, passphrase)
    ws = Workspace(vault)
    say("ready")
    n = 0
    if mode == "saves":
        while True:
            n += 1
            save_note(ws, pair_id, n)
    elif mode == "import":
        exchange = Exchange(ws)
        for path in sorted(Path(extra).iterdir()):
            with contextlib.suppress(UpdateAlreadyImported):
                exchange.import_update(path.read_bytes())
            say(f"imported {path.name}")
        say("done")
        time.sleep(600)
    elif mode == "folder":
        shared = SharedFolder(Exchange(ws))
        while True:
            n += 1
            save_note(ws, pair_id, n)
            shared.sync(pair_id)
            say("pass")
    elif mode == "rekey":
        phrases = [passphrase, extra]
        current = 0
        while True:
            target = 1 - current
            vault.change_passphrase(
                phrases[current], phrases[target], params=kdf.minimum_params,
                progress=lambda _done, _total: say("page"),
            )  # fmt: skip
            current = target
            say(f"now {current}")
    raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    sys.exit(main(sys.argv))
