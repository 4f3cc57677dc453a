"""One person, two computers, and a partner (issue 15): format 3 end to end.

A mentor with two computers (the second made as linking makes it:
``Vault.create_linked``, a certificate, ``adopt_link_payload``) and a mentee,
each a real SQLCipher vault, exchanging real sealed update files.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from mentorpair.crypto.identity import Identity
from mentorpair.domain.events import EventKind as K
from mentorpair.errors import KnownError, UpdateAlreadyImported, UpdateNotForMe, UpdateRefused
from mentorpair.storage.workspace import new_id
from mentorpair.sync import update
from mentorpair.sync.devices import certify
from mentorpair.sync.exchange import NotAPeer, _parse_payload
from mentorpair.sync.folder import SharedFolder
from mentorpair.sync.pairing import PairingStatus
from mentorpair.sync.roster import Roster, ThisComputerRemoved
from tests.unit.domain.factory import shared_view
from tests.unit.sync.conftest import Person, pair_up
from tests.unit.sync.linked import NOW, link_computer, stored

SECRET = "Worried the trainee is not coping"  # a private note's text
REFLECTION = "I talked too much today"  # a reflection's text


@pytest.fixture
def three(people, tmp_path) -> Iterator[tuple[Person, Person, Person, str]]:
    """The mentee, the mentor's first computer and the mentor's second computer."""
    mentee, desk, _ = people
    pair_id = pair_up(mentee, desk)
    note(desk, pair_id, "Before linking")
    mentee.x.import_update(desk.x.export(pair_id))
    desk.x.import_update(mentee.x.export(pair_id))  # the mentee's confirmation: verified
    laptop = link_computer(desk, tmp_path / "laptop")
    yield mentee, desk, laptop, pair_id
    laptop.vault.close()


def note(person: Person, pair_id: str, title: str, kind: str = "shared", text: str = "") -> str:
    event = person.ws.record(
        pair_id, K.NOTE_CREATED, note_id=new_id(), kind=kind, title=title, text=text or title
    )
    return event.event_id


def titles(person: Person, pair_id: str) -> list[str]:
    return sorted(n.title for n in person.ws.state(pair_id).notes.values())


def send(sender: Person, receiver: Person, pair_id: str) -> None:
    receiver.x.import_update(sender.x.export(pair_id, to=receiver.ws.origin))


def opened_by(person: Person, pair_id: str, data: bytes) -> tuple[str, dict[str, object]]:
    """The payload of an update sealed to ``person``, opened with their keys only."""
    partner = person.x.pairing.partner(pair_id)
    assert partner is not None
    opened = update.open_sealed(data, person.vault.device(), lambda _p: [partner.pairing])
    return opened.payload.decode(), _parse_payload(opened.payload, opened.version)


def test_the_second_computer_holds_the_pair_and_its_peers_are_named(three):
    _mentee, desk, laptop, pair_id = three
    assert shared_view(laptop.ws.state(pair_id)) == shared_view(desk.ws.state(pair_id))
    assert laptop.ws.origin != desk.ws.origin
    assert laptop.x.pairing.link(pair_id).status is PairingStatus.VERIFIED
    assert [p.label for p in laptop.x.recipients(pair_id)] == [
        "your first computer",
        "Amira Mentee's first computer",
    ]
    assert [p.label for p in desk.x.recipients(pair_id)] == [
        "your computer 2",
        "Amira Mentee's first computer",
    ]
    # Nothing to resend: the link told each computer what the other holds.
    assert laptop.x.unsent(pair_id) == desk.x.unsent(pair_id) == 0


def test_both_computers_changes_reach_the_mentee_and_each_other(three):
    mentee, desk, laptop, pair_id = three
    note(desk, pair_id, "From the desk")
    note(laptop, pair_id, "From the laptop")
    send(desk, mentee, pair_id)
    send(laptop, mentee, pair_id)
    assert titles(mentee, pair_id) == ["Before linking", "From the desk", "From the laptop"]
    # Relayed: each mentor computer gets the other's change from the mentee.
    send(mentee, desk, pair_id)
    send(mentee, laptop, pair_id)
    for person in (desk, laptop):
        assert titles(person, pair_id) == titles(mentee, pair_id)
    # Direct, between the two computers: only acknowledgements are left.
    note(laptop, pair_id, "Laptop to desk")
    send(laptop, desk, pair_id)
    assert "Laptop to desk" in titles(desk, pair_id)
    send(desk, mentee, pair_id)  # the desk relays the laptop's note to the mentee
    assert "Laptop to desk" in titles(mentee, pair_id)
    assert shared_view(mentee.ws.state(pair_id)) == shared_view(desk.ws.state(pair_id))
    for person in (mentee, desk, laptop):
        assert person.ws.state(pair_id).rejected == []


def test_the_mentee_accepts_the_second_computer_without_a_new_check_and_is_told_once(three):
    mentee, desk, laptop, pair_id = three
    note(laptop, pair_id, "Hello from the laptop")
    send(laptop, mentee, pair_id)
    assert mentee.x.pairing.link(pair_id).status is PairingStatus.VERIFIED
    roster = Roster(mentee.ws)
    fresh = roster.unannounced(pair_id)
    assert [(d.device_id, d.label) for d in fresh] == [
        (laptop.ws.origin, "Ben Mentor's computer 2")
    ]
    roster.mark_announced(pair_id, laptop.ws.origin)
    note(laptop, pair_id, "Again")
    send(laptop, mentee, pair_id)
    send(desk, mentee, pair_id)
    assert roster.unannounced(pair_id) == []
    assert "Again" in titles(mentee, pair_id)


def test_private_notes_reach_the_other_computer_and_never_the_mentee(three, tmp_path):
    mentee, desk, laptop, pair_id = three
    secret_ids = {
        note(desk, pair_id, "Private", kind="private", text=SECRET),
        note(desk, pair_id, "Reflection", kind="reflection", text=REFLECTION),
        note(laptop, pair_id, "Laptop private", kind="private", text=SECRET + " (laptop)"),
    }
    note(desk, pair_id, "Shared one")
    for_mentee: list[bytes] = []
    # Every way a file reaches the mentee: direct, relayed, via the shared folder.
    for _ in range(2):
        for sender in (desk, laptop):
            data = sender.x.export(pair_id)  # the default recipient: the partner
            for_mentee.append(data)
            mentee.x.import_update(data)
            for other in (desk, laptop):
                if other is not sender:
                    send(sender, other, pair_id)
    folder = tmp_path / "shared"
    folder.mkdir()
    shared = [SharedFolder(p.x) for p in (mentee, desk, laptop)]
    for one in shared:
        one.choose(pair_id, folder)
    note(laptop, pair_id, "Via the folder", kind="private", text=SECRET + " (folder)")
    note(laptop, pair_id, "Shared via the folder")
    note(desk, pair_id, "Shared from the desk via the folder")
    for _ in range(3):
        for one in shared:
            one.sync(pair_id)
            for path in folder.glob("*.mpu"):
                for_mentee.append(path.read_bytes())
    assert {e for e in secret_ids} <= {e.event_id for e in laptop.ws.events(pair_id)}
    assert {e for e in secret_ids} <= {e.event_id for e in desk.ws.events(pair_id)}
    assert "Via the folder" in titles(desk, pair_id)
    assert "Private" not in titles(mentee, pair_id)
    opened = 0
    for data in for_mentee:
        try:
            text, payload = opened_by(mentee, pair_id, data)
        except UpdateNotForMe:
            continue  # written for one of the mentor's computers: the mentee cannot open it
        opened += 1
        assert payload["private"] == []
        assert SECRET not in text and REFLECTION not in text
        assert not any(event_id in text for event_id in secret_ids)
    assert opened >= 6  # four direct, and at least one from each computer via the folder
    # The mentor's two computers hold the same private notes.
    assert titles(desk, pair_id) == titles(laptop, pair_id)


def test_a_removed_computer_gets_nothing_more_and_its_later_changes_are_refused(three):
    mentee, desk, laptop, pair_id = three
    note(laptop, pair_id, "Before removal")
    send(laptop, desk, pair_id)
    removal = Roster(desk.ws).remove_own_device(laptop.ws.origin, NOW)
    assert removal.cutoffs[pair_id] == 1
    assert laptop.ws.origin not in {p.device_id for p in desk.x.recipients(pair_id)}
    with pytest.raises(NotAPeer):
        desk.x.export(pair_id, to=laptop.ws.origin)
    assert not desk.x.has_news(pair_id, laptop.ws.origin)
    send(desk, mentee, pair_id)  # the removal travels; the earlier change too (relayed)
    assert "Before removal" in titles(mentee, pair_id)
    assert laptop.ws.origin not in {p.device_id for p in mentee.x.recipients(pair_id)}
    note(laptop, pair_id, "After removal")  # the lost laptop does not know yet
    late = laptop.x.export(pair_id)
    for person in (mentee, desk):
        before = stored(person)
        with pytest.raises(UpdateRefused) as caught:
            person.x.import_update(
                late if person is mentee else laptop.x.export(pair_id, to=desk.ws.origin)
            )
        assert "removed" in caught.value.message
        assert stored(person) == before
        assert "After removal" not in titles(person, pair_id)
        assert "Before removal" in titles(person, pair_id)
    # A computer that learns it was removed sends nothing more.
    with laptop.vault.db.transaction() as db:
        Roster(laptop.ws).learn(db, pair_id, None, [], [removal])
    with pytest.raises(ThisComputerRemoved):
        laptop.x.export(pair_id)
    assert not laptop.x.has_news(pair_id)


# ---------------------------------------------------------------- a partner's modified client


def _forge(sender: Person, to: Person, pair_id: str, change, keys: Identity | None = None) -> bytes:
    """``sender``'s next update to ``to`` with its payload changed, sealed and signed as asked."""
    prepared = sender.x.prepare(pair_id, to=to.ws.origin)
    partner = to.x.pairing.partner(pair_id)
    assert partner is not None
    opened = update.open_sealed(prepared.data, to.vault.device(), lambda _p: [partner.pairing])
    doc = json.loads(opened.payload)
    change(doc)
    return update.seal_update(
        keys or sender.vault.device(), to.vault.device().public(), pair_id, opened.seq,
        json.dumps(doc).encode(), partner.pairing,
    )  # fmt: skip


def _refused(person: Person, data: bytes, error: type[KnownError] = UpdateRefused) -> str:
    before = stored(person)
    with pytest.raises(error) as caught:
        person.x.import_update(data)
    assert stored(person) == before
    return caught.value.message


def test_a_forged_certificate_is_refused_with_nothing_stored(three):
    mentee, desk, _laptop, pair_id = three
    # A computer "certified" by a key other than the mentor's verified identity.
    impostor = Identity.generate()
    fake = certify(Identity.generate(), impostor.public(), 2, NOW)

    def add(doc):
        doc["devices"].append(fake.to_json())

    _refused(mentee, _forge(desk, mentee, pair_id, add))
    # The impostor signs its own update, claiming the forged certificate.
    data = _forge(desk, mentee, pair_id, add, keys=impostor)
    _refused(mentee, data)
    assert Roster(mentee.ws).partner_devices(pair_id)[1:] == []


def test_a_replayed_update_is_refused_with_nothing_stored(three):
    mentee, _desk, laptop, pair_id = three
    note(laptop, pair_id, "One")
    first = laptop.x.export(pair_id)
    note(laptop, pair_id, "Two")
    second = laptop.x.export(pair_id)
    mentee.x.import_update(second)
    _refused(mentee, first, UpdateAlreadyImported)
    _refused(mentee, second, UpdateAlreadyImported)
    assert titles(mentee, pair_id).count("Two") == 1


def test_private_changes_sent_to_the_partner_are_refused_with_nothing_stored(three):
    mentee, desk, _laptop, pair_id = three
    secret_id = note(desk, pair_id, "P", "private")
    secret = next(e for e in desk.ws.events(pair_id) if e.event_id == secret_id)

    def leak(doc):
        doc["private"] = [secret.to_dict()]

    assert "never shared" in _refused(mentee, _forge(desk, mentee, pair_id, leak))
    assert "P" not in titles(mentee, pair_id)


def test_a_private_change_from_another_person_is_refused_by_the_own_computer(three):
    _mentee, desk, laptop, pair_id = three
    mine_id = note(desk, pair_id, "P", "private")
    mine = next(e for e in desk.ws.events(pair_id) if e.event_id == mine_id)
    # The same id with other content, from the person's own other computer.
    changed = mine.to_dict()
    changed["body"] = {**changed["body"], "text": "rewritten"}
    send(desk, laptop, pair_id)

    def rewrite(doc):
        doc["private"] = [changed]

    note(desk, pair_id, "Q", "private")
    _refused(laptop, _forge(desk, laptop, pair_id, rewrite))


def test_the_folder_holds_one_file_per_recipient_and_each_computer_tidies_its_own(three, tmp_path):
    mentee, desk, laptop, pair_id = three
    folder = tmp_path / "shared"
    folder.mkdir()
    shared = {p.ws.origin: SharedFolder(p.x) for p in (mentee, desk, laptop)}
    for one in shared.values():
        one.choose(pair_id, folder)
    note(desk, pair_id, "Desk")
    note(laptop, pair_id, "Laptop")
    note(mentee, pair_id, "Mentee")
    first = shared[desk.ws.origin].sync(pair_id)
    assert {to for to, _ in first.files} == {laptop.ws.origin, mentee.ws.origin}
    refused = []
    for _ in range(6):
        for one in shared.values():
            report = one.sync(pair_id)
            refused += report.refused
    assert refused == []
    for one in shared.values():  # quiet now
        assert one.sync(pair_id).files == []
    assert titles(mentee, pair_id) == titles(desk, pair_id) == titles(laptop, pair_id)
    assert {"Desk", "Laptop", "Mentee"} <= set(titles(mentee, pair_id))
    # At most one file per writer and recipient is left.
    assert len(list(folder.glob("*.mpu"))) <= 6


def test_a_safety_code_confirmed_on_one_computer_counts_on_the_other(people, tmp_path):
    mentee, desk, _ = people
    pair_id = pair_up(mentee, desk, verify=False)
    laptop = link_computer(desk, tmp_path / "laptop")
    try:
        note(laptop, pair_id, "Waits for the code")
        assert not laptop.x.pairing.may_share(pair_id)
        send(laptop, desk, pair_id)  # own computers share at once
        assert "Waits for the code" in titles(desk, pair_id)
        desk.x.pairing.confirm(pair_id)
        send(desk, laptop, pair_id)
        assert laptop.x.pairing.may_share(pair_id)
        mentee.x.pairing.confirm(pair_id)
        send(laptop, mentee, pair_id)
        assert "Waits for the code" in titles(mentee, pair_id)
    finally:
        laptop.vault.close()
