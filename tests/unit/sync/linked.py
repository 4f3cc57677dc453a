"""A person's second computer, made as linking makes it (for the linked-sync tests)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from mentorpair.crypto import kdf
from mentorpair.crypto.identity import Identity
from mentorpair.domain.canonical import canonical_json
from mentorpair.storage.vault import Vault
from mentorpair.storage.workspace import Workspace
from mentorpair.sync.devices import certify
from mentorpair.sync.exchange import Exchange
from mentorpair.sync.roster import Roster
from tests.unit.sync.conftest import Person

NOW = datetime(2026, 12, 5, 9, 30, tzinfo=UTC)


def link_computer(person: Person, folder: Path) -> Person:
    """Certify fresh keys with ``person``'s identity and give the new vault their pairs."""
    roster = Roster(person.ws)
    identity = person.vault.identity()
    device = Identity.generate()
    cert = certify(identity, device.public(), roster.next_number(), NOW)
    roster.add_own_device(cert)
    payload = roster.link_payload(cert.device.device_id)
    vault = Vault.create_linked(
        folder, "second computer passphrase", person.vault.display_name(),
        identity=identity, device=device,
        certificate=canonical_json(cert.to_json()).decode(), params=kdf.minimum_params,
    )  # fmt: skip
    ws = Workspace(vault)
    Roster(ws).adopt_link_payload(payload)
    return Person(vault, ws, Exchange(ws))


def stored(person: Person) -> tuple[object, ...]:
    """Everything an import could change, as a comparable value."""
    db = person.vault.db
    return tuple(
        db.query(sql)
        for sql in (
            "SELECT * FROM events ORDER BY event_id",
            "SELECT * FROM chains ORDER BY pair_id, origin, seq",
            "SELECT * FROM peers ORDER BY pair_id, device_id",
            "SELECT * FROM partner_keys ORDER BY pair_id",
            "SELECT * FROM own_devices ORDER BY device_id",
            "SELECT * FROM partner_devices ORDER BY pair_id, device_id",
            "SELECT * FROM meta ORDER BY key",
        )
    )
