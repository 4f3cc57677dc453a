"""The vault's schema version and the steps that bring old vaults forward.

The version lives in ``PRAGMA user_version`` as ``major << 16 | minor``
(qutebrowser's scheme). A newer *minor* only adds things an older app can
ignore, so it still opens; a newer *major* is refused before anything is
written. Every step is idempotent, so a step interrupted by a crash simply
runs again on the next open.

To change the schema: add a step at the end of :data:`STEPS` with the next
version, never edit an old one, and add a fixture vault made by the new
version to ``tests/data/vaults/`` with ``tests/data/make_fixture_vault.py``, so
every later version is tested against a real file from each earlier one
(see ``docs/formats/vault.md``).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass

from mentorpair.crypto.identity import Identity, PublicIdentity
from mentorpair.errors import MadeByNewerVersion
from mentorpair.storage.database import Database

__all__ = ["CURRENT", "STEPS", "SchemaVersion", "migrate", "read_version"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, order=True, slots=True)
class SchemaVersion:
    """A schema version: ``major`` changes break old apps, ``minor`` ones do not."""

    major: int
    minor: int

    @classmethod
    def unpack(cls, packed: int) -> SchemaVersion:
        """Read ``PRAGMA user_version``."""
        return cls(packed >> 16, packed & 0xFFFF)

    def pack(self) -> int:
        """Value for ``PRAGMA user_version``."""
        return (self.major << 16) | self.minor

    def __str__(self) -> str:
        return f"{self.major}.{self.minor}"


@dataclass(frozen=True, slots=True)
class Step:
    """One forward migration to ``version``."""

    version: SchemaVersion
    description: str
    apply: Callable[[Database], None]


def _v1_0(db: Database) -> None:
    db.execute(
        "CREATE TABLE IF NOT EXISTS meta ( key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT"
    )
    db.execute(
        "CREATE TABLE IF NOT EXISTS profile ("
        " id INTEGER PRIMARY KEY CHECK (id = 1),"
        " display_name TEXT NOT NULL,"
        " created_at TEXT NOT NULL) STRICT"
    )
    db.execute(
        "CREATE TABLE IF NOT EXISTS identity ("
        " id INTEGER PRIMARY KEY CHECK (id = 1),"
        " signing_key BLOB NOT NULL,"
        " agreement_key BLOB NOT NULL,"
        " kem_seed BLOB NOT NULL,"
        " created_at TEXT NOT NULL) STRICT"
    )


def _v1_1(db: Database) -> None:
    # The pair's history: state is derived from it (domain/state.py).
    db.execute(
        "CREATE TABLE IF NOT EXISTS events ("
        " event_id TEXT PRIMARY KEY,"
        " pair_id TEXT NOT NULL,"
        " author TEXT NOT NULL,"
        " kind TEXT NOT NULL,"
        " at TEXT NOT NULL,"
        " shareable INTEGER NOT NULL,"
        " body TEXT NOT NULL) STRICT"
    )
    db.execute("CREATE INDEX IF NOT EXISTS events_by_pair ON events (pair_id, at, event_id)")
    # Full-text search lives inside the encrypted database, never beside it.
    db.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS search USING fts5("
        " pair_id UNINDEXED, entity UNINDEXED, kind UNINDEXED, private UNINDEXED,"
        " title, body, tokenize = 'unicode61 remove_diacritics 2')"
    )
    # Which index row holds which thing: FTS5 cannot look up an UNINDEXED column fast.
    db.execute(
        "CREATE TABLE IF NOT EXISTS search_rows ("
        " entity TEXT PRIMARY KEY, pair_id TEXT NOT NULL, fts_rowid INTEGER NOT NULL) STRICT"
    )
    db.execute("CREATE INDEX IF NOT EXISTS search_rows_by_pair ON search_rows (pair_id)")
    # FTS5 keeps deleted text in its index until a merge unless told otherwise.
    db.execute("INSERT INTO search (search, rank) VALUES ('secure-delete', 1)")


def _v1_2(db: Database) -> None:
    # Pairing and sync (docs/formats/sync.md): the partner's public keys and
    # what each side confirmed; the invitation this vault sent, until answered.
    db.execute(
        "CREATE TABLE IF NOT EXISTS partner_keys ("
        " pair_id TEXT PRIMARY KEY,"
        " signing BLOB NOT NULL, agreement BLOB NOT NULL, kem BLOB NOT NULL,"
        " partner_name TEXT NOT NULL,"
        " confirmed_by_me INTEGER NOT NULL DEFAULT 0,"
        " confirmed_by_partner INTEGER NOT NULL DEFAULT 0,"
        " keys_changed INTEGER NOT NULL DEFAULT 0,"
        " since TEXT NOT NULL) STRICT"
    )
    db.execute(
        "CREATE TABLE IF NOT EXISTS invitations ("
        " pair_id TEXT PRIMARY KEY, document BLOB NOT NULL, created_at TEXT NOT NULL) STRICT"
    )
    # Each author's shared events as a signed hash chain: mine = 1 for ours.
    db.execute(
        "CREATE TABLE IF NOT EXISTS chain ("
        " pair_id TEXT NOT NULL, mine INTEGER NOT NULL, seq INTEGER NOT NULL,"
        " event_id TEXT NOT NULL UNIQUE, entry_hash BLOB NOT NULL, signature BLOB NOT NULL,"
        " PRIMARY KEY (pair_id, mine, seq)) STRICT"
    )
    db.execute(
        "CREATE TABLE IF NOT EXISTS sync_state ("
        " pair_id TEXT PRIMARY KEY,"
        " updates_sent INTEGER NOT NULL DEFAULT 0,"
        " updates_received INTEGER NOT NULL DEFAULT 0,"
        " partner_has INTEGER NOT NULL DEFAULT 0,"
        " partner_got INTEGER NOT NULL DEFAULT 0,"
        " sent_head INTEGER NOT NULL DEFAULT 0,"
        " sent_ack INTEGER NOT NULL DEFAULT 0,"
        " sent_confirmed INTEGER NOT NULL DEFAULT 0,"
        " folder TEXT) STRICT"
    )
    db.execute(
        "CREATE TABLE IF NOT EXISTS sync_files ("
        " pair_id TEXT NOT NULL, name TEXT NOT NULL, outcome TEXT NOT NULL,"
        " PRIMARY KEY (pair_id, name)) STRICT"
    )
    # Feedback to a scheme (docs/formats/feedback.md): the scheme files a pair
    # imported, which periods this person answered (never what), and the names
    # the scrubber must always remove.
    db.execute(
        "CREATE TABLE IF NOT EXISTS feedback_schemes ("
        " pair_id TEXT NOT NULL, scheme_id TEXT NOT NULL, document TEXT NOT NULL,"
        " imported_at TEXT NOT NULL, PRIMARY KEY (pair_id, scheme_id)) STRICT"
    )
    db.execute(
        "CREATE TABLE IF NOT EXISTS feedback_sent ("
        " scheme_id TEXT NOT NULL, period_id TEXT NOT NULL, revision INTEGER NOT NULL,"
        " sent_on TEXT NOT NULL, PRIMARY KEY (scheme_id, period_id)) STRICT"
    )
    db.execute("CREATE TABLE IF NOT EXISTS never_send (name TEXT PRIMARY KEY) STRICT")


def _v1_3(db: Database) -> None:
    # Sync format 2 (docs/formats/sync.md): every event carries its causal
    # stamp, chains are per device (origin) instead of per side, and a
    # partner's key can be rejected with all it signed (quarantined).
    columns = {str(row[1]) for row in db.query("PRAGMA table_info(events)")}
    for name, declaration in (
        ("clock", "INTEGER NOT NULL DEFAULT 0"),
        ("origin", "TEXT NOT NULL DEFAULT ''"),
        ("seq", "INTEGER NOT NULL DEFAULT 0"),
        ("seen", "TEXT NOT NULL DEFAULT '{}'"),
        ("quarantined", "INTEGER NOT NULL DEFAULT 0"),
    ):
        if name not in columns:
            db.execute(f"ALTER TABLE events ADD COLUMN {name} {declaration}")
    db.execute("CREATE INDEX IF NOT EXISTS events_by_chain ON events (pair_id, origin, seq)")
    # "Is this pair here, and whose copy is it?" is asked on every export and
    # import: without this it reads every event of the pair.
    db.execute("CREATE INDEX IF NOT EXISTS events_by_kind ON events (pair_id, kind)")
    db.execute(
        "CREATE TABLE IF NOT EXISTS chains ("
        " pair_id TEXT NOT NULL, origin TEXT NOT NULL, seq INTEGER NOT NULL,"
        " event_id TEXT NOT NULL UNIQUE, entry_hash BLOB NOT NULL, signature BLOB NOT NULL,"
        " PRIMARY KEY (pair_id, origin, seq)) STRICT"
    )
    key_columns = {str(row[1]) for row in db.query("PRAGMA table_info(partner_keys)")}
    if "pairing" not in key_columns:
        # Digest of the invitation and acceptance that made this pairing;
        # NULL for pairings made before format 2 (a digest of both keys stands in).
        db.execute("ALTER TABLE partner_keys ADD COLUMN pairing BLOB")
    sync_columns = {str(row[1]) for row in db.query("PRAGMA table_info(sync_state)")}
    for name in ("ack_floor_seq", "ack_floor"):
        # What the partner had confirmed holding of this vault's chain when
        # their chain stood at ack_floor_seq: their later changes must have seen it.
        if name not in sync_columns:
            db.execute(f"ALTER TABLE sync_state ADD COLUMN {name} INTEGER NOT NULL DEFAULT 0")
    db.execute(
        "CREATE TABLE IF NOT EXISTS rejected_keys ("
        " pair_id TEXT NOT NULL, origin TEXT NOT NULL, at TEXT NOT NULL,"
        " PRIMARY KEY (pair_id, origin)) STRICT"
    )
    _search_rows_per_pair(db)
    _stamp_unsent_events(db)
    # Format-1 chains end here: what both sides hold stays as it is, and each
    # side's format-2 chain starts at 1 with what the partner had not confirmed.
    db.execute("DROP TABLE IF EXISTS chain")
    db.execute(
        "UPDATE sync_state SET partner_has = 0, sent_head = 0, sent_ack = 0, sent_confirmed = 0"
    )


def _search_rows_per_pair(db: Database) -> None:
    """Key the search's bookkeeping by (pair, thing), not by the thing's id alone.

    Ids are unique within a pair; a partner in two pairs could reuse one from
    the other pair, which used to remove that pair's entry from search.
    """
    row = db.query_one("SELECT sql FROM sqlite_master WHERE name = 'search_rows'")
    if row is None or "PRIMARY KEY (pair_id, entity)" in str(row[0]):
        return
    db.execute(
        "CREATE TABLE search_rows_new ("
        " entity TEXT NOT NULL, pair_id TEXT NOT NULL, fts_rowid INTEGER NOT NULL,"
        " PRIMARY KEY (pair_id, entity)) STRICT"
    )
    db.execute(
        "INSERT INTO search_rows_new (entity, pair_id, fts_rowid)"
        " SELECT entity, pair_id, fts_rowid FROM search_rows"
    )
    db.execute("DROP TABLE search_rows")
    db.execute("ALTER TABLE search_rows_new RENAME TO search_rows")
    db.execute("CREATE INDEX IF NOT EXISTS search_rows_by_pair ON search_rows (pair_id)")


def _stamp_unsent_events(db: Database) -> None:
    """Give this person's shared events that the partner has not confirmed a chain position.

    They travel again in format 2. Their clock stays 0 (as for everything
    from before), so they keep their old place in every copy of the pair.
    """
    if not db.query_one("SELECT 1 FROM sqlite_master WHERE name = 'chain'"):
        return  # already done (this step is re-run after an interruption)
    row = db.query_one("SELECT signing_key, agreement_key, kem_seed FROM identity WHERE id = 1")
    if row is None:
        return
    keys = Identity.from_private_bytes(bytes(row[0]), bytes(row[1]), bytes(row[2]))
    origin = keys.public().device_id
    pairs = db.query(
        "SELECT e.pair_id, e.body FROM events e WHERE e.kind = 'pair.created' AND e.origin = ''"
    )
    for pair_id, body in pairs:
        my_role = json.loads(body).get("my_role")
        acked = db.query_one(
            "SELECT partner_has FROM sync_state WHERE pair_id = :p", {"p": pair_id}
        )
        confirmed = {
            str(r[0])
            for r in db.query(
                "SELECT event_id FROM chain WHERE pair_id = :p AND mine = 1 AND seq <= :s",
                {"p": pair_id, "s": int(acked[0]) if acked else 0},
            )
        }
        unsent = [
            str(r[0])
            for r in db.query(
                "SELECT event_id FROM events WHERE pair_id = :p AND author = :me"
                " AND shareable = 1 ORDER BY at, event_id",
                {"p": pair_id, "me": my_role},
            )
            if str(r[0]) not in confirmed
        ]
        db.execute_many(
            "UPDATE events SET origin = :o, seq = :s WHERE event_id = :e",
            [{"o": origin, "s": n, "e": e} for n, e in enumerate(unsent, start=1)],
        )


def _v1_4(db: Database) -> None:
    # A saved state per pair (issue 12; storage/snapshots.py): opening a pair
    # restores it and folds only the events stored after it (rowid > covers).
    db.execute(
        "CREATE TABLE IF NOT EXISTS pair_snapshots ("
        " pair_id TEXT PRIMARY KEY,"
        " format INTEGER NOT NULL,"
        " made_by TEXT NOT NULL,"
        " covers INTEGER NOT NULL,"
        " events INTEGER NOT NULL,"
        " state TEXT NOT NULL) STRICT"
    )
    # The triggers keep a snapshot from outliving the history it was folded
    # from, whoever changes it: this app, an older one (1.3 opens a 1.4 vault
    # and knows nothing of snapshots), or a repair by hand. Deleting or
    # changing any stored event (a quarantine, a stamp adopted, a pair
    # destroyed) drops the pair's snapshot; so does an event stored at or below
    # the rowid a snapshot covers, which only a renumbered table could give.
    db.execute(
        "CREATE TRIGGER IF NOT EXISTS pair_snapshots_on_delete AFTER DELETE ON events"
        " BEGIN DELETE FROM pair_snapshots WHERE pair_id = OLD.pair_id; END"
    )
    db.execute(
        "CREATE TRIGGER IF NOT EXISTS pair_snapshots_on_update AFTER UPDATE ON events"
        " BEGIN DELETE FROM pair_snapshots WHERE pair_id IN (OLD.pair_id, NEW.pair_id); END"
    )
    db.execute(
        "CREATE TRIGGER IF NOT EXISTS pair_snapshots_on_early_insert AFTER INSERT ON events"
        " WHEN NEW.rowid <= (SELECT covers FROM pair_snapshots WHERE pair_id = NEW.pair_id)"
        " BEGIN DELETE FROM pair_snapshots WHERE pair_id = NEW.pair_id; END"
    )


def _v1_5(db: Database) -> None:
    # One person, several computers (issue 15; docs/formats/devices.md).
    # On a linked computer, its own keys and the person's certificate for them
    # (the identity table then holds the person's keys, given by the link).
    db.execute(
        "CREATE TABLE IF NOT EXISTS device ("
        " id INTEGER PRIMARY KEY CHECK (id = 1),"
        " signing_key BLOB NOT NULL, agreement_key BLOB NOT NULL, kem_seed BLOB NOT NULL,"
        " certificate TEXT NOT NULL) STRICT"
    )
    # The person's linked computers; the first computer is the identity itself.
    db.execute(
        "CREATE TABLE IF NOT EXISTS own_devices ("
        " device_id TEXT PRIMARY KEY, certificate TEXT NOT NULL, removal TEXT) STRICT"
    )
    # Each partner's linked computers, as their person certified them.
    db.execute(
        "CREATE TABLE IF NOT EXISTS partner_devices ("
        " pair_id TEXT NOT NULL, device_id TEXT NOT NULL, certificate TEXT NOT NULL,"
        " removal TEXT, announced INTEGER NOT NULL DEFAULT 0,"
        " PRIMARY KEY (pair_id, device_id)) STRICT"
    )
    # What this computer knows of each other computer of a pair (its "peer"):
    # update numbers both ways, how much of each chain it acknowledged, what
    # our last update to it told (so a file is written only when there is
    # news), its knowledge floor, and which of the person's never-shared
    # events it holds (own computers only; see sync/exchange.py).
    db.execute(
        "CREATE TABLE IF NOT EXISTS peers ("
        " pair_id TEXT NOT NULL, device_id TEXT NOT NULL,"
        " updates_sent INTEGER NOT NULL DEFAULT 0,"
        " updates_received INTEGER NOT NULL DEFAULT 0,"
        " got INTEGER NOT NULL DEFAULT 0,"
        " has TEXT NOT NULL DEFAULT '{}',"
        " sent_heads TEXT NOT NULL DEFAULT '{}',"
        " sent_ack TEXT NOT NULL DEFAULT '{}',"
        " sent_confirmed INTEGER NOT NULL DEFAULT 0,"
        " ack_floor_seq INTEGER NOT NULL DEFAULT 0,"
        " ack_floor INTEGER NOT NULL DEFAULT 0,"
        " private_has INTEGER NOT NULL DEFAULT 0,"
        " private_pending TEXT NOT NULL DEFAULT '[]',"
        " PRIMARY KEY (pair_id, device_id)) STRICT"
    )
    _peers_from_sync_state(db)
    # Private notes and reflections now travel between the person's computers:
    # a Lamport clock of their own orders them (domain/events.py, pclock).
    # Those made before keep 0 and sort as they always did.
    columns = {str(row[1]) for row in db.query("PRAGMA table_info(events)")}
    if "pclock" not in columns:
        db.execute("ALTER TABLE events ADD COLUMN pclock INTEGER NOT NULL DEFAULT 0")


def _peers_from_sync_state(db: Database) -> None:
    """Carry each paired pair's bookkeeping over to its partner's first computer.

    Before 1.5 a pair had one partner device, the partner's identity: its
    ``peers`` row continues exactly where ``sync_state`` stood, and the
    shared folder's journal names it as the recipient of the files written
    for it (``sent:<device>:<n>``, ``pending:<device>:<n>``). ``sync_state``
    keeps the pair's shared folder. Idempotent: rows already carried over
    are left alone.
    """
    row = db.query_one("SELECT signing_key, agreement_key, kem_seed FROM identity WHERE id = 1")
    if row is None:
        return
    me = Identity.from_private_bytes(bytes(row[0]), bytes(row[1]), bytes(row[2])).public()
    paired = db.query(
        "SELECT s.pair_id, s.updates_sent, s.updates_received, s.partner_has, s.partner_got,"
        " s.sent_head, s.sent_ack, s.sent_confirmed, s.ack_floor_seq, s.ack_floor,"
        " k.signing, k.agreement, k.kem"
        " FROM sync_state s JOIN partner_keys k ON k.pair_id = s.pair_id"
    )
    for pair_id, sent, received, has, got, head, ack, confirmed, floor_seq, floor, *keys in paired:
        partner = PublicIdentity(bytes(keys[0]), bytes(keys[1]), bytes(keys[2])).device_id
        db.execute(
            "INSERT OR IGNORE INTO peers (pair_id, device_id, updates_sent, updates_received,"
            " got, has, sent_heads, sent_ack, sent_confirmed, ack_floor_seq, ack_floor)"
            " VALUES (:p, :d, :s, :r, :g, :has, :heads, :ack, :c, :fs, :f)",
            {
                "p": pair_id, "d": partner, "s": sent, "r": received, "g": got,
                "has": json.dumps({me.device_id: has} if has else {}),
                "heads": json.dumps({me.device_id: head} if head else {}),
                "ack": json.dumps({partner: ack} if ack else {}),
                "c": confirmed, "fs": floor_seq, "f": floor,
            },
        )  # fmt: skip
        for state in ("sent", "pending"):
            db.execute(
                "UPDATE sync_files SET outcome = :state || ':' || :d || ':'"
                " || substr(outcome, length(:state) + 2)"
                " WHERE pair_id = :p AND outcome GLOB :old AND outcome NOT GLOB :new",
                {
                    "state": state,
                    "d": partner,
                    "p": pair_id,
                    "old": f"{state}:[0-9]*",
                    "new": f"{state}:*:*",
                },
            )


#: Every schema version ever released, oldest first.
STEPS: tuple[Step, ...] = (
    Step(SchemaVersion(1, 0), "vault metadata, profile and identity", _v1_0),
    Step(SchemaVersion(1, 1), "pair events and full-text search", _v1_1),
    Step(SchemaVersion(1, 2), "pairing, sync and feedback", _v1_2),
    Step(SchemaVersion(1, 3), "causal stamps, per-device chains, rejected keys", _v1_3),
    Step(SchemaVersion(1, 4), "saved pair states (snapshots)", _v1_4),
    Step(SchemaVersion(1, 5), "linked computers and per-computer sync", _v1_5),
)

CURRENT = STEPS[-1].version


def read_version(db: Database) -> SchemaVersion:
    """The schema version stored in the database (0.0 for a new one)."""
    return SchemaVersion.unpack(int(db.pragma("user_version")))


def check_supported(found: SchemaVersion) -> None:
    """Refuse a database whose major version is newer than ours.

    Raises:
        MadeByNewerVersion: before anything was written.
    """
    if found.major > CURRENT.major:
        raise MadeByNewerVersion(
            "This vault was made by a newer version of mentorpair. Please update the app "
            "to open it. Nothing was changed."
        )


def migrate(db: Database, target: SchemaVersion = CURRENT) -> SchemaVersion:
    """Bring the schema up to ``target``; return the version found before.

    Each step and its version bump commit together, so the database is at one
    released version or the next, never between.
    """
    found = read_version(db)
    check_supported(found)
    for step in STEPS:
        if found < step.version <= target:
            with db.transaction():
                step.apply(db)
                db.execute(f"PRAGMA user_version = {step.version.pack()}")
            log.info("vault schema migrated to %s", step.version)
    return found
