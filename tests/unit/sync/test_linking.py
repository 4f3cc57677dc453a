"""Linking another computer, both sides (sync/linking.py), and the adversaries the code stops."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from mentorpair.crypto import kdf
from mentorpair.domain.events import EventKind
from mentorpair.domain.model import Role
from mentorpair.errors import LinkExpired, LinkRefused
from mentorpair.storage.layout import VaultState, vault_state
from mentorpair.storage.workspace import Workspace, new_id
from mentorpair.sync import linking
from mentorpair.sync.linking import LinkAbandoned, NewSide, OldSide, Stage
from mentorpair.sync.linkpayload import LinkPayloadRefused
from mentorpair.sync.roster import Roster
from tests.unit.sync.conftest import Person

NOW = datetime(2026, 12, 5, 9, 30, tzinfo=UTC)
LATER = NOW + timedelta(minutes=5)
PASS = "second computer passphrase for tests"


@pytest.fixture
def amira(tmp_path: Path) -> Iterator[Person]:
    person = Person.create(tmp_path / "desk", "Amira Mentee")
    yield person
    person.vault.close()


@pytest.fixture
def sealed(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    """Every bundle sealed during the test (to show none was made)."""
    made: list[bytes] = []
    real = linking.seal_link_bundle  # type: ignore[attr-defined]  # patched where linking uses it

    def spy(*args: object) -> bytes:
        bundle = real(*args)  # type: ignore[arg-type]
        made.append(bundle)
        return bundle

    monkeypatch.setattr(linking, "seal_link_bundle", spy)
    return made


def _linked_ids(person: Person) -> list[str]:
    return [d.device_id for d in Roster(person.ws).own_devices() if d.number]


def test_both_sides_show_the_same_code_and_the_new_computer_becomes_the_person_s(
    tmp_path: Path, amira: Person
) -> None:
    old, new = OldSide(amira.ws), NewSide()
    offer = old.start(NOW)
    assert offer.startswith("-----BEGIN MENTORPAIR LINK OFFER-----")
    answer, code = new.read_offer(offer, LATER)
    assert new.name == "Amira Mentee"
    assert old.take_answer(answer, LATER) == code
    assert len(code.replace(" ", "")) == 20
    assert old.take_answer(answer, LATER) == code  # the same answer twice is one answer
    assert _linked_ids(amira) == []  # nothing recorded before the person confirms
    bundle = old.confirm_and_bundle(LATER)
    assert old.stage is Stage.BUNDLED
    assert _linked_ids(amira) == [old.device_id]
    vault = new.finish(bundle, tmp_path / "laptop", PASS, kdf.minimum_params)
    with vault:
        assert vault.identity().public() == amira.vault.identity().public()
        assert vault.device().public().device_id == old.device_id
        assert vault.display_name() == "Amira Mentee"
        ws = Workspace(vault)
        assert ws.origin == old.device_id
        mine = Roster(ws).own_devices()  # the payload told it about the person's others
        assert [d.device_id for d in mine if d.this] == [old.device_id]
        assert mine[0].device_id == amira.ws.origin
    with pytest.raises(LinkAbandoned):  # one bundle per offer
        old.confirm_and_bundle(LATER)


def test_a_thief_who_answers_first_shows_another_code_and_gets_nothing(
    tmp_path: Path, amira: Person, sealed: list[bytes]
) -> None:
    old = OldSide(amira.ws)
    offer = old.start(NOW)
    thief, person = NewSide(), NewSide()
    thief_answer, thief_code = thief.read_offer(offer)
    real_answer, real_code = person.read_offer(offer)
    assert thief_code != real_code
    # The thief's answer arrives first and is a valid answer: the code exposes it.
    assert old.take_answer(thief_answer, LATER) == thief_code != real_code
    # The person's own answer then comes second: the offer ends, nothing is sent.
    with pytest.raises(LinkAbandoned, match="second, different answer"):
        old.take_answer(real_answer, LATER)
    assert old.stage is Stage.ABANDONED
    with pytest.raises(LinkAbandoned):
        old.confirm_and_bundle(LATER)
    with pytest.raises(LinkAbandoned):
        old.take_answer(thief_answer, LATER)
    assert sealed == []
    assert _linked_ids(amira) == []


def test_codes_that_differ_end_the_link_without_a_bundle(
    amira: Person, sealed: list[bytes]
) -> None:
    old = OldSide(amira.ws)
    answer, _ = NewSide().read_offer(old.start(NOW))
    old.take_answer(answer, LATER)
    old.abandon()  # "They do not match"
    with pytest.raises(LinkAbandoned):
        old.confirm_and_bundle(LATER)
    assert sealed == [] and _linked_ids(amira) == []


def test_a_bundle_made_for_the_thief_does_not_open_on_the_person_s_computer(
    tmp_path: Path, amira: Person
) -> None:
    old = OldSide(amira.ws)
    offer = old.start(NOW)
    thief, person = NewSide(), NewSide()
    old.take_answer(thief.read_offer(offer)[0], LATER)
    person.read_offer(offer)
    bundle = old.confirm_and_bundle(LATER)  # the person wrongly said the codes match
    with pytest.raises(LinkRefused, match="made for another computer"):
        person.finish(bundle, tmp_path / "laptop", PASS, kdf.minimum_params)
    assert not (tmp_path / "laptop").exists()


def test_an_expired_offer_is_refused_on_both_sides_and_ends(
    amira: Person, sealed: list[bytes]
) -> None:
    old = OldSide(amira.ws)
    offer = old.start(NOW)
    late = NOW + timedelta(hours=1, minutes=1)
    with pytest.raises(LinkExpired):
        NewSide().read_offer(offer, late)
    answer, _ = NewSide().read_offer(offer)  # a new computer whose clock is behind
    with pytest.raises(LinkExpired):
        old.take_answer(answer, late)
    assert old.stage is Stage.ABANDONED
    with pytest.raises(LinkAbandoned):
        old.take_answer(answer, LATER)
    assert sealed == []


def test_the_code_compared_too_late_makes_no_bundle(amira: Person, sealed: list[bytes]) -> None:
    old = OldSide(amira.ws)
    old.take_answer(NewSide().read_offer(old.start(NOW))[0], LATER)
    with pytest.raises(LinkExpired):
        old.confirm_and_bundle(NOW + timedelta(hours=2))
    assert sealed == [] and _linked_ids(amira) == []


def test_an_answer_to_another_offer_is_refused_and_the_right_one_still_works(
    amira: Person,
) -> None:
    old, older = OldSide(amira.ws), OldSide(amira.ws)
    stale, _ = NewSide().read_offer(older.start(NOW))
    new = NewSide()
    answer, code = new.read_offer(old.start(NOW))
    with pytest.raises(LinkRefused, match="belongs to another link"):
        old.take_answer(stale, LATER)
    assert old.stage is Stage.OFFERED
    assert old.take_answer(answer, LATER) == code


def test_a_tampered_answer_is_refused(amira: Person) -> None:
    old = OldSide(amira.ws)
    answer, code = NewSide().read_offer(old.start(NOW))
    lines = answer.splitlines()
    middle = lines[3]
    lines[3] = middle[:10] + ("A" if middle[10] != "A" else "B") + middle[11:]
    with pytest.raises(LinkRefused):
        old.take_answer("\n".join(lines), LATER)
    with pytest.raises(LinkRefused, match="No mentorpair link"):
        old.take_answer("hello", LATER)
    assert old.take_answer(answer, LATER) == code  # the right paste still works


def test_pasting_the_wrong_document_says_which_computer_it_belongs_to(amira: Person) -> None:
    old = OldSide(amira.ws)
    offer = old.start(NOW)
    with pytest.raises(LinkRefused, match="not the answer"):
        old.take_answer(offer, LATER)
    answer, _ = NewSide().read_offer(offer)
    with pytest.raises(LinkRefused, match="not the link"):
        NewSide().read_offer(answer)


def test_a_bundle_replayed_for_another_offer_is_refused(tmp_path: Path, amira: Person) -> None:
    first, second = OldSide(amira.ws), OldSide(amira.ws)
    new = NewSide()
    first.take_answer(new.read_offer(first.start(NOW))[0], LATER)
    bundle = first.confirm_and_bundle(LATER)
    # The same new computer reads a second offer: fresh keys, another secret.
    second.start(NOW)
    new.read_offer(second.offer.armoured())
    with pytest.raises(LinkRefused):
        new.finish(bundle, tmp_path / "laptop", PASS, kdf.minimum_params)
    # Another computer that read the first offer cannot open it either.
    other = NewSide()
    other.read_offer(first.offer.armoured())
    with pytest.raises(LinkRefused, match="made for another computer"):
        other.finish(bundle, tmp_path / "other", PASS, kdf.minimum_params)


def test_each_offer_read_gets_fresh_keys(amira: Person) -> None:
    old = OldSide(amira.ws)
    offer = old.start(NOW)
    new = NewSide()
    first = new.read_offer(offer)
    second = new.read_offer(offer)
    assert first[0] != second[0] and first[1] != second[1]


def test_steps_out_of_order_are_refused(tmp_path: Path, amira: Person) -> None:
    old = OldSide(amira.ws)
    with pytest.raises(LinkAbandoned):
        old.confirm_and_bundle(NOW)
    old.start(NOW)
    with pytest.raises(LinkAbandoned):
        old.start(NOW)  # one offer per object
    with pytest.raises(LinkAbandoned):
        old.confirm_and_bundle(NOW)  # no answer yet
    with pytest.raises(LinkAbandoned):
        NewSide().finish(b"x", tmp_path / "laptop", PASS, kdf.minimum_params)


def test_linking_twice_numbers_the_computers(tmp_path: Path, amira: Person) -> None:
    for n in (1, 2):
        old, new = OldSide(amira.ws), NewSide()
        old.take_answer(new.read_offer(old.start(NOW))[0], LATER)
        new.finish(
            old.confirm_and_bundle(LATER), tmp_path / f"c{n}", PASS, kdf.minimum_params
        ).close()
    assert [d.number for d in Roster(amira.ws).own_devices()] == [0, 1, 2]


def test_the_person_s_pairs_and_private_notes_come_along(tmp_path: Path, amira: Person) -> None:
    pair_id = amira.ws.create_pair(Role.MENTEE, "Ben")
    amira.ws.record(
        pair_id, EventKind.NOTE_CREATED, note_id=new_id(), kind="private", title="Mine",
        text="only mine",
    )  # fmt: skip
    old, new = OldSide(amira.ws), NewSide()
    old.take_answer(new.read_offer(old.start(NOW))[0], LATER)
    with new.finish(
        old.confirm_and_bundle(LATER), tmp_path / "laptop", PASS, kdf.minimum_params
    ) as vault:
        ws = Workspace(vault)
        assert [p.pair_id for p in ws.pairs()] == [pair_id]
        assert [n.text for n in ws.state(pair_id).notes.values()] == ["only mine"]


def test_pairs_that_cannot_be_taken_over_leave_no_vault_and_a_retry_works(
    tmp_path: Path, amira: Person, monkeypatch: pytest.MonkeyPatch
) -> None:
    old, new = OldSide(amira.ws), NewSide()
    old.take_answer(new.read_offer(old.start(NOW))[0], LATER)
    bundle = old.confirm_and_bundle(LATER)

    def refuse(self: Roster, data: bytes) -> list[str]:
        raise LinkPayloadRefused()

    with monkeypatch.context() as patch:
        patch.setattr(Roster, "adopt_link_payload", refuse)
        with pytest.raises(LinkPayloadRefused):
            new.finish(bundle, tmp_path / "laptop", PASS, kdf.minimum_params)
    assert vault_state(tmp_path / "laptop") is VaultState.ABSENT
    new.finish(bundle, tmp_path / "laptop", PASS, kdf.minimum_params).close()
