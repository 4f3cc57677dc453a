"""Schema versions and migrations: old vaults come forward with their data intact."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mentorpair import __version__
from mentorpair.crypto.identity import Identity
from mentorpair.errors import MadeByNewerVersion
from mentorpair.storage import migrations
from mentorpair.storage.database import Database
from mentorpair.storage.migrations import CURRENT, STEPS, SchemaVersion, Step, migrate, read_version
from mentorpair.storage.vault import DB_NAME, KEY_NAME, Vault
from tests.unit.storage.support import PASSPHRASE, keyed_database

FIXTURES = Path(__file__).resolve().parents[2] / "data" / "vaults"


# ---------------------------------------------------------------- version numbers


@given(st.integers(0, 0x7FFF), st.integers(0, 0xFFFF))
def test_version_packs_into_user_version_and_back(major, minor):
    version = SchemaVersion(major, minor)
    packed = version.pack()
    assert 0 <= packed < 2**31  # PRAGMA user_version is a signed 32-bit integer
    assert SchemaVersion.unpack(packed) == version
    assert str(version) == f"{major}.{minor}"


@given(
    st.tuples(st.integers(0, 0x7FFF), st.integers(0, 0xFFFF)),
    st.tuples(st.integers(0, 0x7FFF), st.integers(0, 0xFFFF)),
)
def test_version_order_is_the_order_of_the_packed_numbers(a, b):
    va, vb = SchemaVersion(*a), SchemaVersion(*b)
    assert (va < vb) == (va.pack() < vb.pack())


def test_steps_are_in_strictly_increasing_order_and_current_is_the_last():
    versions = [step.version for step in STEPS]
    assert versions == sorted(set(versions))
    assert versions[0] > SchemaVersion(0, 0)
    assert versions[-1] == CURRENT


# ---------------------------------------------------------------- data each version knew


@dataclass(frozen=True)
class VersionData:
    """How to fill a database at one schema version, and how to check it survived."""

    fill: Callable[[Database], None]
    check: Callable[[Vault], None]


SIGNING, AGREEMENT, KEM_SEED = bytes(range(32)), bytes(range(32, 64)), bytes(range(64))


def fill_v1_0(db: Database) -> None:
    with db.transaction():
        db.execute("INSERT INTO meta (key, value) VALUES ('created_by', '0.1.0')")
        db.execute("INSERT INTO meta (key, value) VALUES ('note', 'kept since 1.0')")
        db.execute(
            "INSERT INTO profile (id, display_name, created_at)"
            " VALUES (1, 'Fixture Person', '2025-01-01T00:00:00+00:00')"
        )
        db.execute(
            "INSERT INTO identity (id, signing_key, agreement_key, kem_seed, created_at)"
            " VALUES (1, :s, :a, :k, '2025-01-01T00:00:00+00:00')",
            {"s": SIGNING, "a": AGREEMENT, "k": KEM_SEED},
        )


def check_v1_0(vault: Vault) -> None:
    assert vault.display_name() == "Fixture Person"
    expected = Identity.from_private_bytes(SIGNING, AGREEMENT, KEM_SEED).public()
    assert vault.identity().public() == expected
    assert vault.db.query_one("SELECT value FROM meta WHERE key = 'note'") == ("kept since 1.0",)


PAIR = "p" * 32
EVENT_BODY = '{"my_role": "mentee", "partner_name": "Fixture Mentor"}'


def fill_v1_1(db: Database) -> None:
    with db.transaction():
        db.execute(
            "INSERT INTO events (event_id, pair_id, author, kind, at, shareable, body)"
            " VALUES (:id, :pair, 'mentee', 'pair.created', '2025-02-01T09:00:00.000000+00:00',"
            " 0, :body)",
            {"id": "e" * 32, "pair": PAIR, "body": EVENT_BODY},
        )


def check_v1_1(vault: Vault) -> None:
    from mentorpair.storage.workspace import Workspace

    state = Workspace(vault).state(PAIR)
    assert state.partner_name == "Fixture Mentor"
    assert state.rejected == []


def fill_v1_2(db: Database) -> None:
    with db.transaction():
        db.execute(
            "INSERT INTO partner_keys (pair_id, signing, agreement, kem, partner_name,"
            " confirmed_by_me, since) VALUES (:pair, :s, :a, :k, 'Fixture Mentor', 1,"
            " '2025-03-01T09:00:00+00:00')",
            {"pair": PAIR, "s": SIGNING, "a": AGREEMENT, "k": bytes(1184)},
        )
        db.execute("INSERT INTO never_send (name) VALUES ('Fixture Colleague')")


def check_v1_2(vault: Vault) -> None:
    row = vault.db.query_one(
        "SELECT partner_name, confirmed_by_me FROM partner_keys WHERE pair_id = :p", {"p": PAIR}
    )
    assert row == ("Fixture Mentor", 1)
    assert vault.db.query("SELECT name FROM never_send") == [("Fixture Colleague",)]


def fill_v1_3(db: Database) -> None:
    with db.transaction():
        db.execute(
            "INSERT INTO events (event_id, pair_id, author, kind, at, shareable, body,"
            " clock, origin, seq, seen) VALUES (:id, :pair, 'mentee', 'goal.created',"
            " '2025-04-01T09:00:00.000000+00:00', 1, :body, 7, :origin, 3, :seen)",
            {
                "id": "f" * 32, "pair": PAIR, "body": '{"goal_id": "g1", "title": "Fixture"}',
                "origin": "a" * 32, "seen": '{"' + "b" * 32 + '":2}',
            },
        )  # fmt: skip


def check_v1_3(vault: Vault) -> None:
    from mentorpair.storage.workspace import Workspace

    (event,) = Workspace(vault).chain_events(PAIR, "a" * 32, after=0)
    assert (event.clock, event.seq, dict(event.seen)) == (7, 3, {"b" * 32: 2})


def fill_v1_4(db: Database) -> None:
    # A saved state of the pair as 1.4 writes it: the fold of its stored events.
    from mentorpair.domain.snapshot import to_snapshot
    from mentorpair.domain.state import fold
    from mentorpair.storage.workspace import _row_to_event

    # 1.4's columns (1.5 added pclock, 0 for everything made before it).
    columns = "event_id, pair_id, author, kind, at, body, clock, origin, seq, seen, 0"
    rows = db.query(f"SELECT rowid, {columns} FROM events WHERE pair_id = :p", {"p": PAIR})
    state = fold(PAIR, [_row_to_event(r[1:]) for r in rows])
    with db.transaction():
        db.execute(
            "INSERT INTO pair_snapshots (pair_id, format, made_by, covers, events, state)"
            " VALUES (:p, 1, :v, :c, :n, :s)",
            {
                "p": PAIR, "v": __version__, "c": max(r[0] for r in rows), "n": len(rows),
                "s": json.dumps(to_snapshot(state)),
            },
        )  # fmt: skip


def check_v1_4(vault: Vault) -> None:
    from mentorpair.storage.workspace import Workspace

    row = vault.db.query_one(
        "SELECT format, events FROM pair_snapshots WHERE pair_id = :p", {"p": PAIR}
    )
    assert row == (1, 2)
    state = Workspace(vault).state(PAIR)
    assert state.partner_name == "Fixture Mentor"
    assert "g1" in state.goals


def fill_v1_5(db: Database) -> None:
    # A partner's second computer, as their person certified it.
    with db.transaction():
        db.execute(
            "INSERT INTO partner_devices (pair_id, device_id, certificate) VALUES (:p, :d, '{}')",
            {"p": PAIR, "d": "c" * 32},
        )
        db.execute(
            "INSERT INTO peers (pair_id, device_id, updates_received, has)"
            " VALUES (:p, :d, 4, :has)",
            {"p": PAIR, "d": "c" * 32, "has": json.dumps({"a" * 32: 3})},
        )


def check_v1_5(vault: Vault) -> None:
    peer = vault.db.query_one(
        "SELECT updates_received, has FROM peers WHERE pair_id = :p AND device_id = :d",
        {"p": PAIR, "d": "c" * 32},
    )
    assert peer == (4, json.dumps({"a" * 32: 3}))
    row = vault.db.query_one(
        "SELECT certificate, removal, announced FROM partner_devices"
        " WHERE pair_id = :p AND device_id = :d",
        {"p": PAIR, "d": "c" * 32},
    )
    assert row == ("{}", None, 0)
    assert vault.device_certificate() is None  # the first computer
    assert vault.device().public() == vault.identity().public()


def test_a_pair_s_sync_state_continues_as_its_partner_s_first_computer(tmp_path: Path):
    db, _ = keyed_database(tmp_path / "vault")
    try:
        migrate(db, target=SchemaVersion(1, 4))
        me = Identity.generate()
        private = me.private_bytes()
        partner = Identity.generate().public()
        with db.transaction():
            db.execute(
                "INSERT INTO identity (id, signing_key, agreement_key, kem_seed, created_at)"
                " VALUES (1, :s, :a, :k, '2025-01-01T00:00:00+00:00')",
                {"s": private[0], "a": private[1], "k": private[2]},
            )
            db.execute(
                "INSERT INTO partner_keys (pair_id, signing, agreement, kem, partner_name, since)"
                " VALUES (:p, :s, :a, :k, 'Ben', '2025-01-01T00:00:00+00:00')",
                {"p": PAIR, "s": partner.signing, "a": partner.agreement, "k": partner.kem},
            )
            db.execute(
                "INSERT INTO sync_state (pair_id, updates_sent, updates_received, partner_has,"
                " partner_got, sent_head, sent_ack, sent_confirmed, ack_floor_seq, ack_floor)"
                " VALUES (:p, 9, 7, 5, 8, 6, 4, 1, 3, 2)",
                {"p": PAIR},
            )
            db.execute_many(
                "INSERT INTO sync_files (pair_id, name, outcome) VALUES (:p, :n, :o)",
                [{"p": PAIR, "n": f"{n}.mpu", "o": o}
                 for n, o in enumerate(["sent:9", "pending:10", "imported", "sent-removed"])],
            )  # fmt: skip
        migrate(db)
        migrations._v1_5(db)  # a step interrupted after its work runs again: nothing changes
        row = db.query_one(
            "SELECT device_id, updates_sent, updates_received, got, has, sent_heads, sent_ack,"
            " sent_confirmed, ack_floor_seq, ack_floor, private_has, private_pending"
            " FROM peers WHERE pair_id = :p",
            {"p": PAIR},
        )
        mine, theirs = me.public().device_id, partner.device_id
        assert row == (
            theirs, 9, 7, 8, json.dumps({mine: 5}), json.dumps({mine: 6}), json.dumps({theirs: 4}),
            1, 3, 2, 0, "[]",
        )  # fmt: skip
        outcomes = [r[0] for r in db.query("SELECT outcome FROM sync_files ORDER BY name")]
        assert outcomes == [f"sent:{theirs}:9", f"pending:{theirs}:10", "imported", "sent-removed"]
    finally:
        db.close()


#: One entry per step in STEPS: what that version added, and how to check it.
VERSION_DATA: dict[SchemaVersion, VersionData] = {
    SchemaVersion(1, 0): VersionData(fill_v1_0, check_v1_0),
    SchemaVersion(1, 1): VersionData(fill_v1_1, check_v1_1),
    SchemaVersion(1, 2): VersionData(fill_v1_2, check_v1_2),
    SchemaVersion(1, 3): VersionData(fill_v1_3, check_v1_3),
    SchemaVersion(1, 4): VersionData(fill_v1_4, check_v1_4),
    SchemaVersion(1, 5): VersionData(fill_v1_5, check_v1_5),
}


def test_every_step_has_test_data():
    # Adding a migration step means saying here what its version stores.
    assert set(VERSION_DATA) == {step.version for step in STEPS}


def build_vault_at(folder: Path, target: SchemaVersion) -> None:
    """A vault whose database stops at ``target``, filled as those versions would."""
    db, vault_id = keyed_database(folder)
    try:
        migrate(db, target=target)
        assert read_version(db) == target
        # Every version keeps the vault id in meta: Vault.open checks it.
        db.execute("INSERT INTO meta (key, value) VALUES ('vault_id', :v)", {"v": vault_id.hex()})
        for step in STEPS:
            if step.version <= target:
                VERSION_DATA[step.version].fill(db)
    finally:
        db.close()


@pytest.mark.parametrize("step", STEPS, ids=lambda s: f"from-{s.version}")
def test_vault_at_each_version_opens_with_current_code(tmp_path: Path, step: Step):
    folder = tmp_path / "vault"
    build_vault_at(folder, step.version)
    with Vault.open(folder, PASSPHRASE) as vault:
        assert read_version(vault.db) == CURRENT
        for earlier in STEPS:
            if earlier.version <= step.version:
                VERSION_DATA[earlier.version].check(vault)
    with Vault.open(folder, PASSPHRASE) as vault:  # and again, with nothing left to do
        assert read_version(vault.db) == CURRENT


def test_migrate_from_nothing_returns_what_it_found(tmp_path: Path):
    db, _ = keyed_database(tmp_path / "vault")
    try:
        assert migrate(db) == SchemaVersion(0, 0)
        assert read_version(db) == CURRENT
        assert migrate(db) == CURRENT  # nothing left to do
    finally:
        db.close()


def schema(db: Database) -> list[tuple[str, str]]:
    return [(r[0], r[1]) for r in db.query("SELECT name, sql FROM sqlite_master ORDER BY name")]


@pytest.mark.parametrize("step", STEPS, ids=lambda s: str(s.version))
def test_each_step_can_run_again_after_a_crash(tmp_path: Path, step: Step):
    db, _ = keyed_database(tmp_path / "vault")
    try:
        migrate(db, target=step.version)
        before = schema(db)
        with db.transaction():  # as if the version bump had not committed
            step.apply(db)
        assert schema(db) == before
    finally:
        db.close()


def test_failed_step_leaves_the_previous_version(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    def half_done(db: Database) -> None:
        db.execute("CREATE TABLE half_done (x INTEGER) STRICT")
        raise RuntimeError("crash in the middle of a step")

    upcoming = SchemaVersion(CURRENT.major, CURRENT.minor + 1)
    monkeypatch.setattr(migrations, "STEPS", (*STEPS, Step(upcoming, "fails", half_done)))
    db, _ = keyed_database(tmp_path / "vault")
    try:
        with pytest.raises(RuntimeError, match="crash"):
            migrate(db, target=upcoming)
        assert read_version(db) == CURRENT  # the earlier steps committed
        assert "half_done" not in [name for name, _ in schema(db)]
    finally:
        db.close()


def test_migrate_refuses_a_newer_major_without_writing(tmp_path: Path):
    db, _ = keyed_database(tmp_path / "vault")
    try:
        newer = SchemaVersion(CURRENT.major + 1, 0)
        db.execute(f"PRAGMA user_version = {newer.pack()}")
        with pytest.raises(MadeByNewerVersion):
            migrate(db)
        assert schema(db) == []
        assert read_version(db) == newer
    finally:
        db.close()


# ---------------------------------------------------------------- real files from old versions


def fixture_folders() -> list[Path]:
    return sorted(p for p in FIXTURES.iterdir() if p.is_dir())


def readme_field(folder: Path, field: str) -> str:
    text = (folder / "README.txt").read_text(encoding="utf-8")
    match = re.search(rf"^{field}: (.+)$", text, re.MULTILINE)
    assert match, f"{folder.name}/README.txt does not state its {field}"
    return match.group(1).strip()


def test_there_is_a_fixture_vault_for_every_schema_version():
    # make_fixture_vault.py makes one; run it when you add a step.
    assert {p.name for p in fixture_folders()} >= {f"v{step.version}" for step in STEPS}


@pytest.mark.parametrize("fixture", fixture_folders(), ids=lambda p: p.name)
def test_fixture_vault_opens_with_current_code(fixture: Path, tmp_path: Path):
    assert sorted(p.name for p in fixture.iterdir()) == ["README.txt", DB_NAME, KEY_NAME]
    folder = tmp_path / fixture.name
    shutil.copytree(fixture, folder)  # opening may migrate: never in place
    passphrase = readme_field(fixture, "Passphrase")
    with Vault.open(folder, passphrase) as vault:
        assert read_version(vault.db) == CURRENT
        assert vault.display_name() == readme_field(fixture, "Display name")
        key, value = readme_field(fixture, "Marker").split(" = ")
        assert vault.db.query_one("SELECT value FROM meta WHERE key = :k", {"k": key}) == (value,)
        identity = vault.identity()
        identity.public().verify_key().verify(identity.sign(b"still me"), b"still me")
        # Pairs made by an old version fold without a single refused event.
        from mentorpair.storage.workspace import Workspace

        workspace = Workspace(vault)
        for pair in workspace.pairs():
            assert workspace.state(pair.pair_id).rejected == []
            assert workspace.state(pair.pair_id).goals
        vault.set_display_name("Fixture Person Renamed")  # and it is writable
    with Vault.open(folder, passphrase) as vault:
        assert vault.display_name() == "Fixture Person Renamed"


SNAPSHOT_TRIGGERS = {
    "pair_snapshots_on_delete",
    "pair_snapshots_on_update",
    "pair_snapshots_on_early_insert",
}


@pytest.mark.parametrize("fixture", fixture_folders(), ids=lambda p: p.name)
def test_fixture_vault_pair_states_equal_a_fold_after_migration(fixture: Path, tmp_path: Path):
    # 1.4 saves pair states: an older vault gets the table and its triggers,
    # and every pair, restored from a saved state (1.4 on) or folded, is as a fold says.
    from mentorpair.domain.snapshot import SNAPSHOT_FORMAT
    from mentorpair.domain.state import fold
    from mentorpair.storage.snapshots import Snapshots
    from mentorpair.storage.workspace import Workspace
    from tests.unit.domain.factory import fingerprint

    folder = tmp_path / fixture.name
    shutil.copytree(fixture, folder)
    with Vault.open(folder, readme_field(fixture, "Passphrase")) as vault:
        triggers = vault.db.query("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        assert {str(r[0]) for r in triggers} >= SNAPSHOT_TRIGGERS
        workspace = Workspace(vault)
        for pair in workspace.pairs():
            row = vault.db.query_one(
                "SELECT format, made_by FROM pair_snapshots WHERE pair_id = :p", {"p": pair.pair_id}
            )
            made_at = SchemaVersion(*map(int, fixture.name[1:].split(".")))
            assert (row is not None) == (made_at >= SchemaVersion(1, 4))
            if row == (SNAPSHOT_FORMAT, __version__):  # else ignored, and folded
                assert Snapshots(vault.db).load(pair.pair_id) is not None
            state = workspace.state(pair.pair_id)
            expected = fold(pair.pair_id, workspace.events(pair.pair_id))
            assert fingerprint(state, rejected=True) == fingerprint(expected, rejected=True)
            assert (state.heads, state.max_clock, state.last_key) == (
                expected.heads,
                expected.max_clock,
                expected.last_key,
            )
