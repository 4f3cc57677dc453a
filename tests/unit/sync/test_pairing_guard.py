"""Pairing that cannot be hijacked: the adversary answers first, forwards, or plants.

Carol intercepts Amira's invitation and answers it before Ben does. Until
Amira compares the safety code nothing of the pair reaches Carol; when the
code does not match, everything Carol's key signed leaves Amira's record, so
once Ben is paired both records agree. Updates name their recipient and the
pairing they belong to, so an old or forwarded one is refused.
"""

from __future__ import annotations

import json

import pytest

from mentorpair.crypto import hybrid
from mentorpair.domain.events import Event, EventKind
from mentorpair.domain.model import Role
from mentorpair.errors import UpdateRefused
from mentorpair.storage.workspace import new_id
from mentorpair.sync import update
from mentorpair.sync.pairing import PairingStatus
from tests.unit.domain.factory import shared_view
from tests.unit.sync.conftest import Person


def _invite(mentee: Person, pair_id: str, other: Person, name: str) -> None:
    """``other`` answers ``mentee``'s newest invitation; ``mentee`` takes the answer."""
    invitation = mentee.x.pairing.invite(pair_id)
    acceptance = other.x.pairing.join(other.x.pairing.read(invitation), name)
    mentee.x.pairing.accept(mentee.x.pairing.read(acceptance), accept_new_keys=True)


def _verified(amira: Person, ben: Person) -> str:
    """A new pair of Amira (mentee) and Ben, paired through real documents and verified."""
    pair_id = amira.ws.create_pair(Role.MENTEE, "Ben")
    _invite(amira, pair_id, ben, "Amira")
    for person in (amira, ben):
        person.x.pairing.confirm(pair_id)
    return pair_id


def _entries(receiver: Person, data: bytes) -> list[object]:
    """What an update carries, opened with the receiver's own keys (as their code would)."""
    opened = update.open_update(data, receiver.vault.identity(), receiver.x.pairing.partner)
    return list(json.loads(opened.payload)["entries"])


def test_nothing_of_the_pair_reaches_whoever_answered_before_the_code_is_compared(people):
    amira, _ben, carol = people
    pair_id = amira.ws.create_pair(Role.MENTEE, "Ben")
    amira.ws.record(pair_id, EventKind.NOTE_CREATED, note_id=new_id(), kind="shared",
                    title="Bullying on the ward", text="What happened on Tuesday")  # fmt: skip
    amira.ws.record(pair_id, EventKind.GOAL_CREATED, goal_id=new_id(), title="Leave the rota")
    _invite(amira, pair_id, carol, "Amira")  # Carol got the invitation first
    assert not amira.x.pairing.may_share(pair_id)
    data = amira.x.export(pair_id)  # the shared folder would do this on its own
    assert _entries(carol, data) == []
    carol.x.import_update(data)
    assert carol.ws.state(pair_id).notes == {} and carol.ws.state(pair_id).goals == {}
    # Only once Amira has compared the code (with the wrong person!) would it flow:
    # the confirmation is the gate, and the code is what exposes Carol.
    assert amira.x.pairing.link(pair_id).safety_code != ""


def test_it_does_not_match_sets_aside_what_the_rejected_key_signed(people):
    amira, ben, carol = people
    pair_id = amira.ws.create_pair(Role.MENTEE, "Ben")
    _invite(amira, pair_id, carol, "Amira")
    # Carol, as "mentor", plants a shared note and a suggestion, and Amira imports it.
    carol.x.pairing.confirm(pair_id)
    carol.ws.record(pair_id, EventKind.NOTE_CREATED, note_id=new_id(), kind="shared",
                    title="Planted", text="Tell me everything")  # fmt: skip
    amira.x.import_update(carol.x.export(pair_id))
    assert [n.title for n in amira.ws.state(pair_id).notes.values()] == ["Planted"]
    assert amira.ws.search("Planted")
    # The codes are read aloud and do not match.
    amira.x.pairing.disconnect(pair_id)
    assert amira.ws.state(pair_id).notes == {}
    assert amira.ws.search("Planted") == []
    # Amira pairs with the real Ben, compares, and both records agree.
    amira.ws.record(pair_id, EventKind.NOTE_CREATED, note_id=new_id(), kind="shared",
                    title="Session 1", text="Agenda")  # fmt: skip
    _invite(amira, pair_id, ben, "Amira")
    amira.x.pairing.confirm(pair_id)
    ben.x.pairing.confirm(pair_id)
    ben.x.import_update(amira.x.export(pair_id))
    amira.x.import_update(ben.x.export(pair_id))
    assert shared_view(amira.ws.state(pair_id)) == shared_view(ben.ws.state(pair_id))
    assert [n.title for n in ben.ws.state(pair_id).notes.values()] == ["Session 1"]
    assert amira.x.pairing.link(pair_id).status is PairingStatus.VERIFIED
    # Carol's later updates are refused: her key is no longer this pair's partner.
    carol.ws.record(pair_id, EventKind.NOTE_CREATED, note_id=new_id(), kind="shared",
                    title="Again", text="…")  # fmt: skip
    with pytest.raises(UpdateRefused):
        amira.x.import_update(carol.x.export(pair_id))


def test_an_update_from_an_earlier_pairing_of_the_same_pair_is_refused(people):
    amira, ben, _carol = people
    pair_id = _verified(amira, ben)
    ben.ws.record(pair_id, EventKind.NOTE_CREATED, note_id=new_id(), kind="shared",
                  title="Old", text="…")  # fmt: skip
    kept = ben.x.export(pair_id)  # someone keeps a copy of this file
    # They pair again (a new invitation): a new pairing of the same pair and keys.
    _invite(amira, pair_id, ben, "Amira")
    before = amira.vault.db.query("SELECT COUNT(*) FROM events")
    with pytest.raises(UpdateRefused) as caught:
        amira.x.import_update(kept)
    assert "for this pairing" in caught.value.message
    assert amira.vault.db.query("SELECT COUNT(*) FROM events") == before


def test_an_update_forwarded_by_the_intruder_to_the_real_partner_is_refused(people):
    amira, ben, carol = people
    pair_id = amira.ws.create_pair(Role.MENTEE, "Ben")
    _invite(amira, pair_id, carol, "Amira")  # Carol answered first
    amira.x.pairing.confirm(pair_id)  # and Amira, misreading the code, confirmed
    amira.ws.record(pair_id, EventKind.GOAL_CREATED, goal_id=new_id(), title="Old goal")
    to_carol = amira.x.export(pair_id)
    # The codes are compared again, do not match, and Amira pairs with Ben.
    amira.x.pairing.disconnect(pair_id)
    _invite(ben, ben.ws.create_pair(Role.MENTOR, "Amira", pair_id=pair_id), amira, "Ben")
    # Carol re-seals Amira's old update to Ben: same header, body and Amira's own
    # signature, only the envelope now opens with Ben's key.
    carol_id = carol.vault.identity().public().device_id
    ben_keys = ben.vault.identity().public()
    header = to_carol[: update.HEADER_LENGTH]
    envelope = to_carol[update.HEADER_LENGTH : update.HEADER_LENGTH + update.ENVELOPE_LENGTH]
    inner = hybrid.open_sealed(
        carol.vault.identity().hpke_private_key(), envelope,
        update._INFO + header + bytes.fromhex(carol_id),
    )  # fmt: skip
    forwarded = (
        header
        + hybrid.seal(
            ben_keys.hybrid_public_bytes(),
            inner,
            update._INFO + header + bytes.fromhex(ben_keys.device_id),
        )
        + to_carol[update.HEADER_LENGTH + update.ENVELOPE_LENGTH :]
    )
    with pytest.raises(UpdateRefused) as caught:
        ben.x.import_update(forwarded)
    assert "forwarded by someone else" in caught.value.message
    assert ben.ws.state(pair_id).goals == {}


def test_pairing_again_with_a_key_once_rejected_takes_its_changes_back(people):
    amira, ben, _carol = people
    pair_id = amira.ws.create_pair(Role.MENTEE, "Ben")
    _invite(amira, pair_id, ben, "Amira")
    ben.x.pairing.confirm(pair_id)
    ben.ws.record(pair_id, EventKind.NOTE_CREATED, note_id=new_id(), kind="shared",
                  title="Real", text="…")  # fmt: skip
    amira.x.import_update(ben.x.export(pair_id))
    amira.x.pairing.disconnect(pair_id)  # a misread code
    assert amira.ws.state(pair_id).notes == {}
    _invite(amira, pair_id, ben, "Amira")
    assert [n.title for n in amira.ws.state(pair_id).notes.values()] == ["Real"]


def test_a_change_that_pretends_not_to_have_seen_the_ending_is_refused(people):
    amira, ben, _carol = people
    pair_id = _verified(amira, ben)
    ben.ws.record(pair_id, EventKind.NOTE_CREATED, note_id=new_id(), kind="shared",
                  title="Before", text="…")  # fmt: skip
    amira.x.import_update(ben.x.export(pair_id))
    amira.ws.record(pair_id, EventKind.RELATIONSHIP_ENDED, summary="Thank you")
    ben.x.import_update(amira.x.export(pair_id))
    amira.x.import_update(ben.x.export(pair_id))  # Ben's app acknowledges the ending
    # A modified app on Ben's side then writes a note stamped as if it never saw it.
    state = ben.ws.state(pair_id)
    me = ben.ws.origin
    forged = Event(
        new_id(), pair_id, Role.MENTOR, EventKind.NOTE_CREATED, ben.ws.now(),
        {"note_id": new_id(), "kind": "shared", "title": "Late", "text": "…"},
    ).restamped(state.max_clock + 1, me, state.heads[me][0] + 1, {})  # fmt: skip
    ben.vault.db.execute(
        "INSERT INTO events (event_id, pair_id, author, kind, at, shareable, body, clock,"
        " origin, seq, seen) VALUES (:i, :p, 'mentor', 'note.created', :at, 1, :b, :c, :o,"
        " :s, '{}')",
        {"i": forged.event_id, "p": pair_id, "at": forged.to_dict()["at"],
         "b": json.dumps(dict(forged.body)), "c": forged.clock, "o": me, "s": forged.seq},
    )  # fmt: skip
    ben.ws.forget(pair_id)
    with pytest.raises(UpdateRefused) as caught:
        amira.x.import_update(ben.x.export(pair_id))
    assert "claim not to have seen" in caught.value.message
    assert "Late" not in [n.title for n in amira.ws.state(pair_id).notes.values()]


def test_a_change_made_before_the_news_of_the_ending_arrived_is_kept_and_marked(people):
    amira, ben, _carol = people
    pair_id = _verified(amira, ben)
    amira.ws.record(pair_id, EventKind.RELATIONSHIP_ENDED, summary="Thank you")
    # Ben, offline, writes a note before the ending reaches him.
    ben.ws.record(pair_id, EventKind.NOTE_CREATED, note_id=new_id(), kind="shared",
                  title="Offline", text="…")  # fmt: skip
    ben.x.import_update(amira.x.export(pair_id))
    amira.x.import_update(ben.x.export(pair_id))
    for person in (amira, ben):
        state = person.ws.state(pair_id)
        assert state.read_only and state.rejected == []
        assert [n.title for n in state.notes.values()] == ["Offline"]
        assert len(state.unaware_of_ending) == 1
    assert shared_view(amira.ws.state(pair_id)) == shared_view(ben.ws.state(pair_id))
