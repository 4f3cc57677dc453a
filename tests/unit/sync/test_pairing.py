"""Invitations, acceptances, the safety code and its verification."""

from __future__ import annotations

import base64
import json
import re
from typing import Any

import pytest

from mentorpair.crypto.identity import Identity, safety_code
from mentorpair.domain.events import EventKind
from mentorpair.domain.model import Role
from mentorpair.errors import InvitationRefused, MadeByNewerVersion
from mentorpair.storage.workspace import new_id
from mentorpair.sync.folder import SharedFolder
from mentorpair.sync.invitation import read_document
from mentorpair.sync.pairing import KeysChanged, PairingStatus
from tests.unit.sync.conftest import Person, pair_up

BLOCK = re.compile(r"-----BEGIN [A-Z ]+-----\n(.*?)-----END", re.DOTALL)


def decode(text: str) -> dict[str, Any]:
    match = BLOCK.search(text)
    assert match is not None
    doc: dict[str, Any] = json.loads(base64.b64decode("".join(match.group(1).split())))
    return doc


def encode(doc: dict[str, Any], label: str = "INVITATION") -> str:
    raw = base64.b64encode(json.dumps(doc, sort_keys=True, separators=(",", ":")).encode())
    return f"-----BEGIN MENTORPAIR {label}-----\n{raw.decode()}\n-----END MENTORPAIR {label}-----"


def test_pairing_walks_from_local_to_verified(people):
    amira, ben, _ = people
    pair_id = amira.ws.create_pair(Role.MENTEE, "Ben")
    assert amira.x.pairing.link(pair_id).status is PairingStatus.LOCAL
    invitation = amira.x.pairing.invite(pair_id)
    assert amira.x.pairing.link(pair_id).status is PairingStatus.INVITED
    doc = ben.x.pairing.read(invitation)
    assert (doc.name, doc.role, doc.pair_id) == ("Amira Mentee", Role.MENTEE, pair_id)
    acceptance = ben.x.pairing.join(doc, "Amira")
    assert ben.ws.state(pair_id).my_role is Role.MENTOR
    assert ben.ws.state(pair_id).partner_name == "Amira"
    amira.x.pairing.accept(amira.x.pairing.read(acceptance))
    a_link, b_link = amira.x.pairing.link(pair_id), ben.x.pairing.link(pair_id)
    assert a_link.status is b_link.status is PairingStatus.UNVERIFIED
    # The same 60 digits on both screens, in 12 groups of 5.
    assert a_link.safety_code == b_link.safety_code
    assert re.fullmatch(r"(\d{5} ){11}\d{5}", a_link.safety_code)
    amira.x.pairing.confirm(pair_id)
    assert amira.x.pairing.link(pair_id).status is PairingStatus.UNVERIFIED  # Ben has not yet
    ben.x.pairing.confirm(pair_id)
    ben.x.import_update(amira.x.export(pair_id))
    amira.x.import_update(ben.x.export(pair_id))
    assert amira.x.pairing.link(pair_id).status is PairingStatus.VERIFIED
    assert ben.x.pairing.link(pair_id).status is PairingStatus.VERIFIED


def test_a_whole_email_with_quoting_still_reads(people):
    amira, ben, _ = people
    pair_id = amira.ws.create_pair(Role.MENTOR, "Ben")
    invitation = amira.x.pairing.invite(pair_id)
    quoted = "Hi Ben,\n\nhere it is.\n\n" + "\n".join(
        "> " + line for line in invitation.splitlines()
    )
    assert ben.x.pairing.read(quoted).pair_id == pair_id


def test_the_safety_code_changes_when_either_key_changes():
    a, b, c = (Identity.generate().public() for _ in range(3))
    assert safety_code(a, b) == safety_code(b, a)
    assert safety_code(a, b) != safety_code(a, c)
    halves = safety_code(a, b).split(" ")
    assert len(halves) == 12


def test_own_invitation_is_refused(people):
    amira, _, _ = people
    pair_id = amira.ws.create_pair(Role.MENTEE, "Ben")
    with pytest.raises(InvitationRefused, match="your own vault"):
        amira.x.pairing.read(amira.x.pairing.invite(pair_id))


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.update(name="Mallory"),
        lambda d: d.update(role="mentor"),
        lambda d: d.update(pair="0" * 32),
        lambda d: d["keys"].update(signing=base64.b64encode(bytes(32)).decode()),
        lambda d: d.update(sig=base64.b64encode(bytes(64)).decode()),
        lambda d: d.update(extra="field"),
        lambda d: d.pop("answers"),
    ],
)
def test_an_altered_invitation_is_refused(people, change):
    amira, ben, _ = people
    doc = decode(amira.x.pairing.invite(amira.ws.create_pair(Role.MENTEE, "Ben")))
    change(doc)
    with pytest.raises(InvitationRefused):
        ben.x.pairing.read(encode(doc))


def test_text_without_a_block_and_a_newer_version_are_explained(people):
    amira, ben, _ = people
    with pytest.raises(InvitationRefused, match="No mentorpair invitation"):
        ben.x.pairing.read("Dear Ben, see attached.")
    doc = decode(amira.x.pairing.invite(amira.ws.create_pair(Role.MENTEE, "Ben")))
    doc["version"] = 3
    with pytest.raises(MadeByNewerVersion):
        read_document(encode(doc))
    with pytest.raises(InvitationRefused, match="far too long"):
        read_document("x" * 100_000)


def test_an_acceptance_must_answer_the_newest_invitation(people):
    amira, ben, _ = people
    pair_id = amira.ws.create_pair(Role.MENTEE, "Ben")
    first = amira.x.pairing.invite(pair_id)
    amira.vault.set_display_name("Dr Amira Mentee")
    amira.x.pairing.invite(pair_id)  # sent again, different: only the newest counts
    acceptance = ben.x.pairing.join(ben.x.pairing.read(first), "Amira")
    with pytest.raises(InvitationRefused, match="older invitation"):
        amira.x.pairing.accept(amira.x.pairing.read(acceptance))
    assert amira.x.pairing.link(pair_id).status is PairingStatus.INVITED


def test_an_acceptance_from_a_stranger_answers_nothing(people):
    amira, ben, carol = people
    pair_id = amira.ws.create_pair(Role.MENTEE, "Ben")
    invitation = amira.x.pairing.invite(pair_id)
    ben.x.pairing.join(ben.x.pairing.read(invitation), "Amira")
    carol_pair = carol.ws.create_pair(Role.MENTEE, "Someone")
    carol_invite = carol.x.pairing.invite(carol_pair)
    stray = ben.x.pairing.join(ben.x.pairing.read(carol_invite), "Carol")
    with pytest.raises(InvitationRefused, match="not made in this vault"):
        amira.x.pairing.accept(amira.x.pairing.read(stray))


def test_changed_keys_need_the_persons_consent_and_show_until_confirmed(people, tmp_path):
    amira, ben, _ = people
    pair_id = pair_up(amira, ben)
    amira.ws.record(pair_id, EventKind.GOAL_CREATED, goal_id=new_id(), title="Kept for Ben")
    shared_folder = tmp_path / "shared"
    shared_folder.mkdir()
    SharedFolder(amira.x).choose(pair_id, shared_folder)
    ben.x.import_update(amira.x.export(pair_id))
    amira.x.import_update(ben.x.export(pair_id))
    # Ben sets up mentorpair again: a new vault, new keys; Amira invites again.
    new_ben = Person.create(tmp_path / "ben-again", "Ben Mentor")
    try:
        invitation = amira.x.pairing.invite(pair_id)
        acceptance = new_ben.x.pairing.join(new_ben.x.pairing.read(invitation), "Amira")
        doc = amira.x.pairing.read(acceptance)
        with pytest.raises(KeysChanged):
            amira.x.pairing.accept(doc)
        assert amira.x.pairing.link(pair_id).status is PairingStatus.VERIFIED  # unchanged
        amira.x.pairing.accept(doc, accept_new_keys=True)
        link = amira.x.pairing.link(pair_id)
        assert link.status is PairingStatus.KEYS_CHANGED
        assert link.keys == new_ben.vault.identity().public()
        # The shared folder stays chosen (it used to be cleared silently).
        assert SharedFolder(amira.x).folder(pair_id) == shared_folder.resolve()
        # Nothing goes to the new keys before Amira compared the new code...
        new_ben.x.import_update(amira.x.export(pair_id))
        assert new_ben.ws.state(pair_id).goals == {}
        amira.x.pairing.confirm(pair_id)
        assert amira.x.pairing.link(pair_id).status is PairingStatus.UNVERIFIED
        # ...then the new Ben gets everything.
        new_ben.x.import_update(amira.x.export(pair_id))
        assert [g.title for g in new_ben.ws.state(pair_id).goals.values()] == ["Kept for Ben"]
    finally:
        new_ben.vault.close()


def test_joining_twice_answers_again_without_change(people):
    amira, ben, _ = people
    pair_id = amira.ws.create_pair(Role.MENTEE, "Ben")
    doc = ben.x.pairing.read(amira.x.pairing.invite(pair_id))
    ben.x.pairing.join(doc, "Amira")
    again = ben.x.pairing.join(doc, "Amira")
    assert len(ben.ws.pairs()) == 1
    amira.x.pairing.accept(amira.x.pairing.read(again))
    assert amira.x.pairing.link(pair_id).status is PairingStatus.UNVERIFIED


def test_disconnecting_after_a_mismatch_stops_all_exchange_until_paired_again(people):
    from mentorpair.errors import UpdateNotForMe
    from mentorpair.sync.exchange import NotPaired

    amira, ben, _ = people
    pair_id = pair_up(amira, ben)
    stale = ben.x.export(pair_id)
    amira.x.pairing.disconnect(pair_id)
    assert amira.x.pairing.link(pair_id).status is PairingStatus.LOCAL
    with pytest.raises(NotPaired):
        amira.x.export(pair_id)
    with pytest.raises(UpdateNotForMe):
        amira.x.import_update(stale)
    assert amira.ws.has_pair(pair_id)  # the pair and its history stay
    # Pairing again through a fresh invitation works, with the full history resent.
    invitation = amira.x.pairing.invite(pair_id)
    amira.x.pairing.accept(
        amira.x.pairing.read(ben.x.pairing.join(ben.x.pairing.read(invitation), "A"))
    )
    ben.x.import_update(amira.x.export(pair_id))
    amira.x.import_update(ben.x.export(pair_id))
    assert amira.x.pairing.link(pair_id).status is PairingStatus.UNVERIFIED
