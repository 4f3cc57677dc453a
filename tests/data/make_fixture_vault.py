"""Make the fixture vault for the current schema version under tests/data/vaults/.

Run once per released schema version, with the code of that version, and
commit the result::

    python tests/data/make_fixture_vault.py

The folder is named after the schema version (``v1.0``). Its passphrase and
display name are not secret: they are written in its README.txt so that
``tests/unit/storage/test_migrations.py`` can open every old fixture with the
current code. Everything in it is made up.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: import mentorpair from this tree
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from mentorpair import __version__
from mentorpair.crypto import kdf
from mentorpair.storage import migrations
from mentorpair.storage.vault import DB_NAME, KEY_NAME, Vault

#: Not a secret: written into the fixture's README.txt for the tests.
PASSPHRASE = "fixture vault passphrase, not a secret"
DISPLAY_NAME = "Fixture Person"
#: One row a test can look for, to prove the data came through.
MARKER = ("fixture_marker", "made by make_fixture_vault.py")
FIXTURE_PARTNER = "Fixture Mentor"
FIXTURE_GOAL = "Fixture goal"

README = """\
Fixture vault made by tests/data/make_fixture_vault.py with mentorpair {app}.

Schema version: {schema}
Passphrase: {passphrase}
Display name: {name}
Marker: {marker_key} = {marker_value}

Everything here is made up; the passphrase is published on purpose so tests can
open the vault with every later version of mentorpair. Never change these
files: a new schema version gets a new folder. Made with the floor Argon2id
profile (64 MiB, t=3, p=4) and checkpointed, so there are no -wal/-shm files.
"""


def make_fixture(target_root: Path) -> Path:
    """Create ``target_root / v<major>.<minor>`` and return it; refuse to overwrite."""
    folder = target_root / f"v{migrations.CURRENT}"
    if folder.exists():
        raise SystemExit(f"{folder} already exists; fixtures are never remade")
    with Vault.create(folder, PASSPHRASE, DISPLAY_NAME, params=kdf.minimum_params) as vault:
        with vault.db.transaction():
            vault.db.execute(
                "INSERT INTO meta (key, value) VALUES (:key, :value)",
                {"key": MARKER[0], "value": MARKER[1]},
            )
        if migrations.SchemaVersion(1, 1) <= migrations.CURRENT:
            # Since 1.1 vaults hold pairs: one with a goal, so later versions
            # prove they still read events made by this one.
            from mentorpair.domain.events import EventKind
            from mentorpair.domain.model import Role
            from mentorpair.storage.workspace import Workspace

            workspace = Workspace(vault)
            pair = workspace.create_pair(Role.MENTEE, FIXTURE_PARTNER)
            workspace.record(pair, EventKind.GOAL_CREATED, goal_id="g" * 32, title=FIXTURE_GOAL)
            if migrations.SchemaVersion(1, 4) <= migrations.CURRENT:
                # Since 1.4 vaults save pair states; a pair this small is not
                # saved on its own, so save it here for later versions to read.
                from mentorpair.storage.snapshots import Snapshots

                snapshots = Snapshots(vault.db)
                marker = snapshots.marker()
                row = vault.db.query_one(
                    "SELECT MAX(rowid), COUNT(*) FROM events WHERE pair_id = :p", {"p": pair}
                )
                assert row is not None
                state = Workspace(vault).state(pair)
                if not snapshots.save(state, int(row[0]), int(row[1]), marker):
                    raise SystemExit("the fixture's pair state was not saved")
    # The note of which computer last opened it is this machine's, not the fixture's.
    (folder / "vault.machine").unlink(missing_ok=True)
    # close() checkpointed the WAL (TRUNCATE) and SQLite removed it on close.
    leftovers = sorted(p.name for p in folder.iterdir() if p.name not in (DB_NAME, KEY_NAME))
    if leftovers:
        raise SystemExit(f"unexpected files in the fixture: {leftovers}")
    (folder / "README.txt").write_text(
        README.format(
            app=__version__,
            schema=migrations.CURRENT,
            passphrase=PASSPHRASE,
            name=DISPLAY_NAME,
            marker_key=MARKER[0],
            marker_value=MARKER[1],
        ),
        encoding="utf-8",
    )
    return folder


def main() -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--into",
        type=Path,
        default=Path(__file__).resolve().parent / "vaults",
        help="folder that holds one folder per schema version",
    )
    args = parser.parse_args()
    print(make_fixture(args.into))
    return 0


if __name__ == "__main__":
    sys.exit(main())
