"""One pass over a pair's shared folder in a process of its own, to be killed on purpose.

    python tests/e2e/folder_pass.py VAULT_FOLDER PAIR_ID STALL_MARKER

The passphrase comes in ``MENTORPAIR_TEST_PASSPHRASE``. ``MENTORPAIR_TEST_STALL``
makes the pass stop for good in the middle of writing its update, after
creating ``STALL_MARKER`` so the test knows when to ``kill -9`` it:

* ``prepared``: the update is sealed and its number reserved, nothing is
  written yet;
* ``tmp``: the update's bytes are in its temporary file (``.<name>.*.tmp``),
  not yet on disk for sure (fsync) nor renamed;
* ``renamed``: the file has its final name in the folder, but the pass has
  not yet recorded it as sent.

Without it the pass runs to the end and prints its report as JSON.
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from mentorpair.storage import atomic
from mentorpair.storage.vault import Vault
from mentorpair.storage.workspace import Workspace
from mentorpair.sync.exchange import Exchange, Prepared
from mentorpair.sync.folder import Progress, SharedFolder

if TYPE_CHECKING:
    from _typeshed import HasFileno

_TEMPORARY = re.compile(r"\.[a-z2-7]{26}\.mpu\..+\.tmp")


def stall_forever(marker: Path) -> NoReturn:
    """Tell the test where we are, then wait for the kill."""
    marker.write_text("stalled")
    time.sleep(600)
    raise SystemExit("not killed within 10 minutes")


def install_stall(how: str, shared: Path, marker: Path) -> None:
    """Make the write stop at the chosen point (see the module docstring)."""
    if how == "prepared":
        real_prepare = Exchange.prepare

        def prepare(
            self: Exchange, pair_id: str, progress: Progress | None = None, *, to: str | None = None
        ) -> Prepared:
            real_prepare(self, pair_id, progress, to=to)
            stall_forever(marker)

        Exchange.prepare = prepare  # type: ignore[method-assign]
    elif how == "tmp":
        real_fsync = os.fsync

        def fsync(fd: int | HasFileno) -> None:
            number = fd if isinstance(fd, int) else fd.fileno()
            if _TEMPORARY.fullmatch(Path(os.readlink(f"/proc/self/fd/{number}")).name):
                stall_forever(marker)
            real_fsync(fd)

        os.fsync = fsync
    elif how == "renamed":
        real_fsync_folder = atomic.fsync_folder

        def fsync_folder(folder: Path) -> None:
            real_fsync_folder(folder)
            if folder.resolve() == shared:
                stall_forever(marker)

        atomic.fsync_folder = fsync_folder
    elif how:
        raise SystemExit(f"unknown MENTORPAIR_TEST_STALL: {how}")


def main(argv: list[str]) -> int:
    """Open the vault, run one pass, print what it did."""
    vault_folder, pair_id, marker = Path(argv[1]), argv[2], Path(argv[3])
    vault = Vault.open(vault_folder, os.environ["MENTORPAIR_TEST_PASSPHRASE"])
    try:
        folder = SharedFolder(Exchange(Workspace(vault)))
        shared = folder.folder(pair_id)
        assert shared is not None
        install_stall(os.environ.get("MENTORPAIR_TEST_STALL", ""), shared.resolve(), marker)
        report = folder.sync(pair_id)
    finally:
        vault.close()
    print(json.dumps({"written": report.written, "removed": report.removed,
                      "imported": len(report.imported), "refused": report.refused}))  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
