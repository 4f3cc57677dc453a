"""The link payload: a new computer takes over the person's pairs, whole, or nothing (M3)."""

from __future__ import annotations

import json
import time
from dataclasses import replace
from pathlib import Path

import pytest

from mentorpair.crypto import kdf
from mentorpair.crypto.identity import Identity
from mentorpair.domain.canonical import canonical_json
from mentorpair.domain.events import EventKind as K
from mentorpair.errors import LinkRefused
from mentorpair.storage.vault import Vault
from mentorpair.storage.workspace import Workspace, new_id
from mentorpair.sync.devices import certify, remove_device
from mentorpair.sync.exchange import Exchange
from mentorpair.sync.linkpayload import LinkPayloadRefused
from mentorpair.sync.pairing import PairingStatus
from mentorpair.sync.roster import Roster
from tests.unit.domain.factory import shared_view
from tests.unit.sync.conftest import Person, pair_up
from tests.unit.sync.linked import NOW, stored


def _new_computer(person: Person, folder: Path) -> tuple[Person, bytes]:
    """A certified, linked, still empty vault of ``person`` and the payload made for it."""
    roster = Roster(person.ws)
    device = Identity.generate()
    cert = certify(person.vault.identity(), device.public(), roster.next_number(), NOW)
    roster.add_own_device(cert)
    payload = roster.link_payload(cert.device.device_id)
    vault = Vault.create_linked(
        folder, "second computer passphrase", "Someone", identity=person.vault.identity(),
        device=device, certificate=canonical_json(cert.to_json()).decode(),
        params=kdf.minimum_params,
    )  # fmt: skip
    ws = Workspace(vault)
    return Person(vault, ws, Exchange(ws)), payload


@pytest.fixture
def linked(people, tmp_path):
    """The mentor's desk (with a history) and a fresh laptop with the payload made for it."""
    mentee, desk, carol = people
    pair_id = pair_up(mentee, desk)
    desk.ws.record(pair_id, K.NOTE_CREATED, note_id=new_id(), kind="shared", title="S", text="s")
    desk.ws.record(
        pair_id, K.NOTE_CREATED, note_id=new_id(), kind="reflection", title="R", text="r"
    )
    mentee.ws.record(pair_id, K.GOAL_CREATED, goal_id=new_id(), title="Exam")
    mentee.x.import_update(desk.x.export(pair_id))
    desk.x.import_update(mentee.x.export(pair_id))
    other = pair_up(carol, desk)  # a second pair, not verified
    laptop, payload = _new_computer(desk, tmp_path / "laptop")
    yield mentee, desk, laptop, payload, (pair_id, other)
    laptop.vault.close()


def test_the_new_computer_takes_over_every_pair_with_its_private_notes(linked):
    _mentee, desk, laptop, payload, (pair_id, other) = linked
    assert sorted(Roster(laptop.ws).adopt_link_payload(payload)) == sorted([pair_id, other])
    assert laptop.vault.display_name() == desk.vault.display_name()
    for pid in (pair_id, other):
        assert laptop.ws.state(pid).notes == desk.ws.state(pid).notes  # private ones too
        assert shared_view(laptop.ws.state(pid)) == shared_view(desk.ws.state(pid))
        assert laptop.x.heads(pid) == desk.x.heads(pid)
        assert laptop.x.pairing.link(pid) == desk.x.pairing.link(pid)
    assert laptop.x.pairing.link(pair_id).status is PairingStatus.VERIFIED
    assert laptop.x.pairing.link(other).status is PairingStatus.UNVERIFIED
    # Each knows what the other holds: nothing goes again but what is new.
    assert laptop.x.unsent(pair_id) == 0
    desk_to_laptop = desk.x.export(pair_id, to=laptop.ws.origin)
    summary = laptop.x.import_update(desk_to_laptop)
    assert summary.new_events == 0
    assert [d.this for d in Roster(laptop.ws).own_devices()] == [False, True]


def test_the_link_payload_is_for_a_linked_computer_of_the_person_only(linked, tmp_path):
    _mentee, desk, _laptop, payload, _ = linked
    with pytest.raises(LinkRefused):
        Roster(desk.ws).link_payload("e" * 32)
    with pytest.raises(LinkRefused):
        Roster(desk.ws).link_payload(desk.ws.origin)
    before = stored(desk)
    with pytest.raises(LinkPayloadRefused):  # the first computer links nobody's pairs
        Roster(desk.ws).adopt_link_payload(payload)
    assert stored(desk) == before


def _changed(payload: bytes, change) -> bytes:
    doc = json.loads(payload)
    change(doc)
    return json.dumps(doc).encode()


def _entry_of(doc):
    return next(p for p in doc["pairs"] if p["chains"])["chains"][0]


def _change_signed_event(doc):
    """Change the text of an event in a signed chain (one not yet linked has no hash to break)."""
    pair = next(p for p in doc["pairs"] if p["chains"])
    event_id = pair["chains"][0]["event"]
    event = next(e for e in pair["events"] if e["id"] == event_id)
    event["body"]["title"] = "Changed"


HOSTILE = {
    "not JSON": lambda p: b"\x00not json",
    "another format": lambda p: _changed(p, lambda d: d.update(format="mentorpair-other")),
    "a newer version": lambda p: _changed(p, lambda d: d.update(version=2)),
    "nested too deep": lambda p: b"[" * 100 + b"]" * 100,
    "a pair without its creation": lambda p: _changed(
        p,
        lambda d: d["pairs"][0].update(
            events=[e for e in d["pairs"][0]["events"] if e["kind"] != "pair.created"]
        ),
    ),
    "a changed event": lambda p: _changed(p, _change_signed_event),
    "a forged signature": lambda p: _changed(
        p, lambda d: _entry_of(d).update(sig=_entry_of(d)["sig"][::-1])
    ),
    "a broken chain": lambda p: _changed(p, lambda d: _entry_of(d).update(seq=2)),
    "an event of another pair": lambda p: _changed(
        p, lambda d: d["pairs"][0]["events"][0].update(pair="ab" * 16)
    ),
    "a bad peer": lambda p: _changed(p, lambda d: d["pairs"][0]["peers"].update(x={"has": 1})),
    "keys that do not decode": lambda p: _changed(
        p, lambda d: [q["partner"]["keys"].update(kem="AAAA") for q in d["pairs"]]
    ),
}


@pytest.mark.parametrize("damage", HOSTILE, ids=list(HOSTILE))
def test_a_damaged_or_forged_payload_writes_nothing(linked, damage):
    _mentee, _desk, laptop, payload, _ = linked
    before = stored(laptop)
    with pytest.raises(LinkPayloadRefused):
        Roster(laptop.ws).adopt_link_payload(HOSTILE[damage](payload))
    assert stored(laptop) == before
    assert laptop.ws.pairs() == []
    # The real one still goes in afterwards.
    assert len(Roster(laptop.ws).adopt_link_payload(payload)) == 2


def test_a_computer_certified_by_someone_else_is_refused(linked):
    _mentee, _desk, laptop, payload, _ = linked
    stranger = certify(Identity.generate(), Identity.generate().public(), 3, NOW)
    bad = _changed(
        payload, lambda d: d["devices"].append({"certificate": stranger.to_json(), "removal": None})
    )
    before = stored(laptop)
    with pytest.raises(LinkPayloadRefused):
        Roster(laptop.ws).adopt_link_payload(bad)
    assert stored(laptop) == before


def test_removals_and_partner_computers_come_along(people, tmp_path):
    mentee, desk, _ = people
    pair_id = pair_up(mentee, desk)
    roster = Roster(desk.ws)
    old = Identity.generate().public()
    old_cert = certify(desk.vault.identity(), old, 1, NOW)
    roster.add_own_device(old_cert)
    roster.remove_own_device(old.device_id, NOW)
    partner_laptop = certify(mentee.vault.identity(), Identity.generate().public(), 1, NOW)
    removal = remove_device(
        mentee.vault.identity(), partner_laptop.device.device_id, {pair_id: 0}, NOW
    )
    with desk.vault.db.transaction() as db:
        roster.learn(db, pair_id, mentee.vault.identity().public(), [partner_laptop], [removal])
    laptop, payload = _new_computer(desk, tmp_path / "laptop")
    try:
        Roster(laptop.ws).adopt_link_payload(payload)
        mine = [(d.number, d.removed, d.this) for d in Roster(laptop.ws).own_devices()]
        assert mine == [(0, False, False), (1, True, False), (2, False, True)]
        theirs = Roster(laptop.ws).partner_devices(pair_id)
        assert [(d.number, d.removed) for d in theirs] == [(0, False), (1, True)]
    finally:
        laptop.vault.close()


def test_ten_thousand_events_link_in_seconds(people, tmp_path):
    mentee, desk, _ = people
    pair_id = pair_up(mentee, desk)
    base = desk.ws.record(
        pair_id, K.NOTE_CREATED, note_id=new_id(), kind="private", title="t", text="x"
    )
    events = [
        replace(base, event_id=new_id(), body={**base.body, "note_id": new_id(), "text": f"{n}"})
        for n in range(10_000)
    ]
    desk.ws.add_events(pair_id, events, adopt=True)
    started = time.monotonic()
    laptop, payload = _new_computer(desk, tmp_path / "laptop")
    try:
        made = time.monotonic() - started
        started = time.monotonic()
        Roster(laptop.ws).adopt_link_payload(payload)
        adopted = time.monotonic() - started
        assert len(laptop.ws.state(pair_id).notes) == len(desk.ws.state(pair_id).notes)
        assert len(payload) < 6 * 1024 * 1024  # well inside a link bundle
        assert made < 10 and adopted < 20, (made, adopted)
    finally:
        laptop.vault.close()
