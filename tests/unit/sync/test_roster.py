"""The person's computers and the partner's: records, peers, authors, cutoffs (sync/roster.py)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from mentorpair.crypto import kdf
from mentorpair.crypto.identity import Identity
from mentorpair.domain.canonical import canonical_json
from mentorpair.domain.model import Role
from mentorpair.errors import DeviceRefused, UpdateRefused
from mentorpair.storage.vault import Vault
from mentorpair.storage.workspace import Workspace, new_id
from mentorpair.sync.devices import DeviceCertificate, certify, remove_device
from mentorpair.sync.roster import Roster
from tests.unit.sync.conftest import Person, pair_up

NOW = datetime(2026, 12, 5, 9, 30, tzinfo=UTC)


def _text(cert: DeviceCertificate) -> str:
    return canonical_json(cert.to_json()).decode()


def linked_vault(folder: Path, person: Person, number: int = 1) -> tuple[Vault, DeviceCertificate]:
    """A second computer of ``person``, made as linking makes it."""
    device = Identity.generate()
    identity = person.vault.identity()
    cert = certify(identity, device.public(), number, NOW)
    vault = Vault.create_linked(
        folder, "second computer passphrase", "Amira", identity=identity, device=device,
        certificate=_text(cert), params=kdf.minimum_params,
    )  # fmt: skip
    return vault, cert


def test_a_linked_computer_signs_as_itself_and_holds_the_person_s_identity(
    tmp_path: Path, paired: tuple[Person, Person, str]
) -> None:
    amira, _, _ = paired
    vault, cert = linked_vault(tmp_path / "laptop", amira)
    with vault:
        assert vault.identity().public() == amira.vault.identity().public()
        assert vault.device().public() == cert.device
        assert vault.device_certificate() == _text(cert)
        assert Workspace(vault).origin == cert.device.device_id != amira.ws.origin
    assert amira.vault.device_certificate() is None
    assert amira.vault.device().public() == amira.vault.identity().public()


def test_the_first_computer_lists_itself_then_the_linked_ones_and_sends_to_them(
    tmp_path: Path, paired: tuple[Person, Person, str]
) -> None:
    amira, ben, pair_id = paired
    roster = Roster(amira.ws)
    only = roster.own_devices()
    assert [(d.number, d.this, d.mine) for d in only] == [(0, True, True)]
    assert roster.next_number() == 1
    vault, cert = linked_vault(tmp_path / "laptop", amira)
    vault.close()
    roster.add_own_device(cert)
    roster.add_own_device(cert)  # twice is once
    assert [(d.number, d.this) for d in roster.own_devices()] == [(0, True), (1, False)]
    assert roster.next_number() == 2
    partner = ben.vault.identity().public()
    peers = roster.peers(pair_id, partner)
    assert {(p.device_id, p.mine) for p in peers} == {
        (cert.device.device_id, True),
        (partner.device_id, False),
    }
    authors = roster.authors(pair_id, partner, Role.MENTEE)
    assert amira.ws.origin not in authors  # never itself
    assert authors[cert.device.device_id].role is Role.MENTEE
    assert authors[partner.device_id].role is Role.MENTOR
    assert all(a.cutoff is None for a in authors.values())


def test_a_certificate_from_someone_else_is_refused(
    tmp_path: Path, paired: tuple[Person, Person, str]
) -> None:
    amira, ben, _ = paired
    stranger_cert = certify(ben.vault.identity(), Identity.generate().public(), 1, NOW)
    with pytest.raises(DeviceRefused):
        Roster(amira.ws).add_own_device(stranger_cert)
    assert Roster(amira.ws).own_devices()[1:] == []


def test_removing_a_computer_keeps_what_it_signed_and_stops_sending_to_it(
    tmp_path: Path, paired: tuple[Person, Person, str]
) -> None:
    amira, ben, pair_id = paired
    roster = Roster(amira.ws)
    vault, cert = linked_vault(tmp_path / "laptop", amira)
    vault.close()
    roster.add_own_device(cert)
    laptop = cert.device.device_id
    with amira.vault.db.transaction() as db:  # it had signed three entries of this pair
        for seq in (1, 2, 3):
            db.execute(
                "INSERT INTO chains (pair_id, origin, seq, event_id, entry_hash, signature)"
                " VALUES (:p, :o, :s, :e, :h, :sig)",
                {"p": pair_id, "o": laptop, "s": seq, "e": new_id(), "h": bytes(32),
                 "sig": bytes(64)},
            )  # fmt: skip
    removal = roster.remove_own_device(laptop, NOW)
    assert removal.verifies_for(amira.vault.identity().public())
    assert removal.cutoffs == {pair_id: 3}
    partner = ben.vault.identity().public()
    assert laptop not in {p.device_id for p in roster.peers(pair_id, partner)}
    assert roster.authors(pair_id, partner, Role.MENTEE)[laptop].cutoff == 3
    assert [d.removed for d in roster.own_devices()] == [False, True]
    with pytest.raises(DeviceRefused):
        roster.remove_own_device(amira.ws.origin, NOW)  # not this computer
    with pytest.raises(DeviceRefused):
        roster.remove_own_device("e" * 32, NOW)  # not one of the person's


def test_a_partner_s_computer_is_learnt_announced_once_and_removed(
    tmp_path: Path, paired: tuple[Person, Person, str]
) -> None:
    amira, ben, pair_id = paired
    roster = Roster(amira.ws)
    partner = ben.vault.identity().public()
    bens_laptop = Identity.generate().public()
    cert = certify(ben.vault.identity(), bens_laptop, 1, NOW)
    with amira.vault.db.transaction() as db:
        roster.learn(db, pair_id, partner, [cert], [])
    assert [d.device_id for d in roster.unannounced(pair_id, partner)] == [bens_laptop.device_id]
    assert roster.authors(pair_id, partner, Role.MENTEE)[bens_laptop.device_id].role is Role.MENTOR
    roster.mark_announced(pair_id, bens_laptop.device_id)
    assert roster.unannounced(pair_id, partner) == []
    later = remove_device(ben.vault.identity(), bens_laptop.device_id, {pair_id: 7}, NOW)
    earlier = remove_device(
        ben.vault.identity(), bens_laptop.device_id, {pair_id: 4},
        NOW.replace(hour=8),
    )  # fmt: skip
    with amira.vault.db.transaction() as db:
        roster.learn(db, pair_id, partner, [], [later])
        roster.learn(db, pair_id, partner, [], [earlier])  # the earliest wins, in any order
        roster.learn(db, pair_id, partner, [], [later])
    assert roster.authors(pair_id, partner, Role.MENTEE)[bens_laptop.device_id].cutoff == 4
    assert bens_laptop.device_id not in {p.device_id for p in roster.peers(pair_id, partner)}
    certificates, removals = roster.documents(pair_id)
    assert certificates == [cert.to_json()] and removals == [earlier.to_json()]


def test_a_document_signed_by_neither_person_is_refused_and_nothing_stored(
    tmp_path: Path, people: tuple[Person, Person, Person]
) -> None:
    amira, ben, carol = people
    pair_id = pair_up(amira, ben)
    roster = Roster(amira.ws)
    partner = ben.vault.identity().public()
    forged = certify(carol.vault.identity(), Identity.generate().public(), 1, NOW)
    with pytest.raises(UpdateRefused), amira.vault.db.transaction() as db:
        roster.learn(db, pair_id, partner, [forged], [])
    forged_removal = remove_device(carol.vault.identity(), "d" * 32, {}, NOW)
    with pytest.raises(UpdateRefused), amira.vault.db.transaction() as db:
        roster.learn(db, pair_id, partner, [], [forged_removal])
    assert amira.vault.db.query("SELECT * FROM partner_devices") == []


def test_a_computer_learns_that_it_was_removed(
    tmp_path: Path, paired: tuple[Person, Person, str]
) -> None:
    amira, ben, pair_id = paired
    vault, cert = linked_vault(tmp_path / "laptop", amira)
    with vault:
        laptop = Roster(Workspace(vault))
        assert not laptop.this_computer_removed()
        removal = remove_device(amira.vault.identity(), cert.device.device_id, {}, NOW)
        with vault.db.transaction() as db:
            laptop.learn(db, pair_id, ben.vault.identity().public(), [cert], [removal])
        assert laptop.this_computer_removed()
        assert [(d.number, d.this, d.removed) for d in laptop.own_devices()] == [
            (0, False, False),
            (1, True, True),
        ]
        stored = vault.db.query_one("SELECT certificate FROM own_devices")
        assert stored is not None and json.loads(stored[0]) == cert.to_json()


def test_the_partner_s_certificates_drop_out_when_their_keys_change(
    tmp_path: Path, paired: tuple[Person, Person, str]
) -> None:
    amira, ben, pair_id = paired
    roster = Roster(amira.ws)
    cert = certify(ben.vault.identity(), Identity.generate().public(), 1, NOW)
    with amira.vault.db.transaction() as db:
        roster.learn(db, pair_id, ben.vault.identity().public(), [cert], [])
    new_keys = Identity.generate().public()
    assert [d.number for d in roster.partner_devices(pair_id, new_keys)] == [0]
    assert roster.partner_devices(pair_id, None) == []


def test_peers_are_looked_up_by_pair_and_named_in_plain_words(
    tmp_path: Path, paired: tuple[Person, Person, str]
) -> None:
    amira, ben, pair_id = paired
    roster = Roster(amira.ws)
    vault, cert = linked_vault(tmp_path / "laptop", amira)
    vault.close()
    roster.add_own_device(cert)
    bens_laptop = Identity.generate().public()
    bens_cert = certify(ben.vault.identity(), bens_laptop, 1, NOW)
    with amira.vault.db.transaction() as db:
        roster.learn(db, pair_id, ben.vault.identity().public(), [bens_cert], [])
    assert [(p.label, p.mine) for p in roster.peers(pair_id)] == [
        ("your computer 2", True),
        ("Ben Mentor's first computer", False),
        ("Ben Mentor's computer 2", False),
    ]
    assert [d.label for d in roster.own_devices()] == ["your first computer", "your computer 2"]
    assert roster.peer(pair_id, bens_laptop.device_id) is not None
    assert roster.peer(pair_id, amira.ws.origin) is None  # never itself
    assert [d.device_id for d in roster.unannounced(pair_id)] == [bens_laptop.device_id]
    # A pair not paired yet: only the person's own computers.
    lonely = amira.ws.create_pair(Role.MENTEE, "Nobody yet")
    assert [p.label for p in roster.peers(lonely)] == ["your computer 2"]
    assert roster.unannounced(lonely) == []
