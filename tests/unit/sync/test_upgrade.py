"""A pair made with format 1 carries on after the upgrade: nothing unsent is lost.

Amira's vault is built at schema 1.2 as the previous version left it: one
shared goal Ben acknowledged (in her format-1 chain) and one he had not.
Opened by this version, the acknowledged goal keeps its place as it is on
both sides, the unacknowledged one gets a place in her format-2 chain, and
the next update brings exactly it to Ben's (also upgraded) vault. A format-1
file still in flight is refused with "your partner needs to update".
"""

from __future__ import annotations

import json
from pathlib import Path

from mentorpair.crypto.identity import Identity
from mentorpair.domain.model import Role
from mentorpair.storage.database import Database
from mentorpair.storage.migrations import SchemaVersion, migrate
from mentorpair.storage.vault import Vault
from mentorpair.storage.workspace import Workspace
from mentorpair.sync.exchange import Exchange
from tests.unit.domain.factory import shared_view
from tests.unit.storage.support import PASSPHRASE, keyed_database
from tests.unit.sync.conftest import Person

PAIR = "ab" * 16
CREATED = ("c0" * 16, "pair.created", 0, {"my_role": "mentee", "partner_name": "Ben"})
ACKED = ("a1" * 16, "goal.created", 1, {"goal_id": "g1" * 16, "title": "Acknowledged"})
UNSENT = ("a2" * 16, "goal.created", 1, {"goal_id": "g2" * 16, "title": "Not yet sent"})


def _insert(db: Database, event: tuple[str, str, int, dict[str, str]], minute: int) -> None:
    event_id, kind, shareable, body = event
    db.execute(
        "INSERT INTO events (event_id, pair_id, author, kind, at, shareable, body)"
        " VALUES (:i, :p, 'mentee', :k, :at, :s, :b)",
        {"i": event_id, "p": PAIR, "k": kind, "at": f"2026-10-01T09:{minute:02d}:00.000000+00:00",
         "s": shareable, "b": json.dumps(body, sort_keys=True)},
    )  # fmt: skip


def _amira_at_1_2(folder: Path, amira: Identity, ben: Identity) -> None:
    db, vault_id = keyed_database(folder)
    try:
        migrate(db, target=SchemaVersion(1, 2))
        signing, agreement, kem_seed = amira.private_bytes()
        db.execute("INSERT INTO meta (key, value) VALUES ('vault_id', :v)", {"v": vault_id.hex()})
        db.execute("INSERT INTO profile (id, display_name, created_at)"
                   " VALUES (1, 'Amira', '2026-10-01T09:00:00+00:00')")  # fmt: skip
        db.execute(
            "INSERT INTO identity (id, signing_key, agreement_key, kem_seed, created_at)"
            " VALUES (1, :s, :a, :k, '2026-10-01T09:00:00+00:00')",
            {"s": signing, "a": agreement, "k": kem_seed},
        )
        for minute, event in enumerate((CREATED, ACKED, UNSENT)):
            _insert(db, event, minute)
        keys = ben.public()
        db.execute(
            "INSERT INTO partner_keys (pair_id, signing, agreement, kem, partner_name,"
            " confirmed_by_me, confirmed_by_partner, since) VALUES (:p, :s, :a, :k, 'Ben', 1, 1,"
            " '2026-10-01T09:00:00+00:00')",
            {"p": PAIR, "s": keys.signing, "a": keys.agreement, "k": keys.kem},
        )
        db.execute(
            "INSERT INTO chain (pair_id, mine, seq, event_id, entry_hash, signature)"
            " VALUES (:p, 1, 1, :e, :h, :sig)",
            {"p": PAIR, "e": ACKED[0], "h": bytes(32), "sig": bytes(64)},
        )
        db.execute(
            "INSERT INTO sync_state (pair_id, updates_sent, updates_received, partner_has)"
            " VALUES (:p, 3, 2, 1)",
            {"p": PAIR},
        )
    finally:
        db.close()


def test_unsent_changes_travel_after_the_upgrade_and_held_ones_keep_their_place(tmp_path):
    amira_keys, ben_keys = Identity.generate(), Identity.generate()
    _amira_at_1_2(tmp_path / "amira", amira_keys, ben_keys)
    # Ben upgraded too: he holds the acknowledged goal from format 1.
    ben = Person.create(tmp_path / "ben", "Ben")
    ben.vault.db.execute("DELETE FROM identity")
    signing, agreement, kem_seed = ben_keys.private_bytes()
    ben.vault.db.execute(
        "INSERT INTO identity (id, signing_key, agreement_key, kem_seed, created_at)"
        " VALUES (1, :s, :a, :k, '2026-10-01T09:00:00+00:00')",
        {"s": signing, "a": agreement, "k": kem_seed},
    )
    ben.ws = Workspace(ben.vault)
    ben.x = Exchange(ben.ws)
    ben.ws.create_pair(Role.MENTOR, "Amira", pair_id=PAIR)
    with ben.vault.db.transaction() as db:
        _insert(db, ACKED, 1)
        keys = amira_keys.public()
        db.execute(
            "INSERT INTO partner_keys (pair_id, signing, agreement, kem, partner_name,"
            " confirmed_by_me, confirmed_by_partner, since) VALUES (:p, :s, :a, :k, 'Amira', 1,"
            " 1, '2026-10-01T09:00:00+00:00')",
            {"p": PAIR, "s": keys.signing, "a": keys.agreement, "k": keys.kem},
        )
        # Ben's vault is of the current schema: his counters are per computer.
        db.execute(
            "INSERT INTO peers (pair_id, device_id, updates_sent, updates_received)"
            " VALUES (:p, :d, 2, 3)",
            {"p": PAIR, "d": keys.device_id},
        )
    ben.ws.forget(PAIR)

    with Vault.open(tmp_path / "amira", PASSPHRASE) as vault:
        ws = Workspace(vault)
        amira = Person(vault, ws, Exchange(ws))
        events = {e.event_id: e for e in ws.events(PAIR)}
        assert (events[ACKED[0]].origin, events[ACKED[0]].seq) == ("", 0)
        assert (events[UNSENT[0]].origin, events[UNSENT[0]].seq) == (ws.origin, 1)
        assert amira.x.unsent(PAIR) == 1
        summary = ben.x.import_update(amira.x.export(PAIR))
        assert summary.counts == {"goals": 1}
        amira.x.import_update(ben.x.export(PAIR))
        assert amira.x.unsent(PAIR) == 0
        titles = sorted(g.title for g in ben.ws.state(PAIR).goals.values())
        assert titles == ["Acknowledged", "Not yet sent"]
        assert shared_view(amira.ws.state(PAIR)) == shared_view(ben.ws.state(PAIR))
        assert amira.ws.state(PAIR).rejected == ben.ws.state(PAIR).rejected == []
    ben.vault.close()
