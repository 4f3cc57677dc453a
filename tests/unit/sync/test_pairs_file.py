"""A pair made after linking reaches the person's other computers in a file of pairs.

Real vaults and real sealed files: the mentor links a laptop, then pairs
with a second mentee on the desk (and a third on the laptop); a file of
pairs carries each to the other computer, which then syncs it like any
other. The adversary: a file for another computer, from the partner, from a
removed computer, altered, replayed, or from a newer version.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from mentorpair.crypto.identity import Identity
from mentorpair.errors import MadeByNewerVersion, PairsFileRefused
from mentorpair.sync import pairsfile
from mentorpair.sync.linkpayload import make_link_payload
from mentorpair.sync.pairing import PairingStatus
from mentorpair.sync.roster import Roster
from tests.unit.sync.conftest import Person, pair_up
from tests.unit.sync.linked import NOW, link_computer, stored
from tests.unit.sync.test_linked_sync import REFLECTION, note, send, titles


@pytest.fixture
def linked(people, tmp_path) -> Iterator[tuple[Person, Person, Person, Person, str, str]]:
    """Amira (paired before linking), the desk, the laptop, Carol (paired on the desk after)."""
    amira, desk, carol = people
    first = pair_up(amira, desk)
    laptop = link_computer(desk, tmp_path / "laptop")
    later = pair_up(carol, desk)
    note(desk, later, "Made after linking")
    note(desk, later, "Only mine", kind="reflection", text=REFLECTION)
    desk.x.import_update(carol.x.export(later))  # her confirmation: verified on the desk
    yield amira, desk, laptop, carol, first, later
    laptop.vault.close()


def test_a_pair_made_after_linking_reaches_the_other_computer_and_syncs(linked):
    _amira, desk, laptop, carol, first, later = linked
    assert not laptop.ws.has_pair(later)
    data = Roster(desk.ws).pairs_file(laptop.ws.origin)
    taken, held = Roster(laptop.ws).take_pairs_file(data)
    assert (taken, held) == ([later], 1)
    assert titles(laptop, later) == ["Made after linking", "Only mine"]
    # Still verified: the desk compared the safety code with Carol.
    assert laptop.x.pairing.link(later).status is PairingStatus.VERIFIED
    # The laptop now writes in it; Carol and the desk take it, as from any computer.
    note(laptop, later, "From the laptop")
    send(laptop, carol, later)
    send(laptop, desk, later)
    assert "From the laptop" in titles(carol, later)
    # The desk's change Carol had not received travels on from the laptop
    # (signed before it was handed over); the reflection never does.
    assert "Made after linking" in titles(carol, later)
    assert "Only mine" not in titles(carol, later)
    assert "From the laptop" in titles(desk, later)
    # And what Carol writes reaches the laptop directly.
    note(carol, later, "From Carol")
    send(carol, laptop, later)
    assert "From Carol" in titles(laptop, later)
    # The pair made before linking is untouched.
    assert titles(laptop, first) == titles(desk, first)


def test_a_pair_made_on_the_linked_computer_reaches_the_first(linked, tmp_path):
    _amira, desk, laptop, _carol, _first, _later = linked
    dana = Person.create(tmp_path / "dana", "Dana Mentee")
    try:
        third = pair_up(dana, laptop)
        note(laptop, third, "Made on the laptop")
        taken, held = Roster(desk.ws).take_pairs_file(Roster(laptop.ws).pairs_file(desk.ws.origin))
        assert (taken, held) == ([third], 1)  # the laptop does not hold Carol's pair yet
        assert titles(desk, third) == ["Made on the laptop"]
        note(desk, third, "Back from the desk")
        send(desk, dana, third)
        assert "Back from the desk" in titles(dana, third)
    finally:
        dana.vault.close()


def test_taking_the_same_file_again_changes_nothing(linked):
    _, desk, laptop, _, _, later = linked
    data = Roster(desk.ws).pairs_file(laptop.ws.origin)
    assert Roster(laptop.ws).take_pairs_file(data) == ([later], 1)
    before = stored(laptop)
    assert Roster(laptop.ws).take_pairs_file(data) == ([], 2)
    assert stored(laptop) == before


def test_only_the_computer_it_was_made_for_opens_it(linked):
    amira, desk, laptop, carol, _, _ = linked
    data = Roster(desk.ws).pairs_file(laptop.ws.origin)
    for other in (amira, carol):  # the partners hold no key that opens it
        with pytest.raises(PairsFileRefused, match="another of your computers"):
            pairsfile.open_pairs_file(data, other.vault.device(), desk.vault.identity().public())


def test_a_file_made_by_someone_else_is_refused_and_nothing_changes(linked):
    _amira, desk, laptop, carol, _first, _ = linked
    before = stored(laptop)
    # Carol, with her real keys and her own code, seals a file to the laptop.
    payload = make_link_payload(Roster(desk.ws), laptop.ws.origin, more=True)
    forged = pairsfile.seal_pairs_file(carol.vault.device(), None, laptop.vault.device().public(),
                                       payload)  # fmt: skip
    with pytest.raises(PairsFileRefused):
        Roster(laptop.ws).take_pairs_file(forged)
    # A stranger's keys with a certificate the person never signed.
    stranger = Identity.generate()
    with pytest.raises(PairsFileRefused):
        Roster(laptop.ws).take_pairs_file(
            pairsfile.seal_pairs_file(stranger, None, laptop.vault.device().public(), payload)
        )
    assert stored(laptop) == before


def test_an_altered_or_newer_file_is_refused(linked):
    _, desk, laptop, _, _, _ = linked
    data = Roster(desk.ws).pairs_file(laptop.ws.origin)
    before = stored(laptop)
    for position in (0, 20, len(data) // 2, len(data) - 1):
        altered = bytearray(data)
        altered[position] ^= 1
        with pytest.raises(PairsFileRefused):
            Roster(laptop.ws).take_pairs_file(bytes(altered))
    with pytest.raises(PairsFileRefused):
        Roster(laptop.ws).take_pairs_file(data[:100])
    newer = bytearray(data)
    newer[8:10] = (2).to_bytes(2, "big")
    with pytest.raises(MadeByNewerVersion):
        Roster(laptop.ws).take_pairs_file(bytes(newer))
    assert stored(laptop) == before


def test_a_removed_computer_gets_no_file_and_its_files_are_refused(linked, tmp_path):
    _, desk, laptop, _, _, _ = linked
    from_laptop = Roster(laptop.ws).pairs_file(desk.ws.origin)
    Roster(desk.ws).remove_own_device(laptop.ws.origin, NOW)
    with pytest.raises(PairsFileRefused, match="not one of your other computers"):
        Roster(desk.ws).pairs_file(laptop.ws.origin)
    before = stored(desk)
    with pytest.raises(PairsFileRefused, match="removed"):
        Roster(desk.ws).take_pairs_file(from_laptop)
    assert stored(desk) == before


def test_a_file_made_here_is_refused_here(linked):
    _, desk, _laptop, _, _, _ = linked
    # Sealed to this very computer by itself: never a way in.
    own = pairsfile.seal_pairs_file(desk.vault.device(), None, desk.vault.device().public(), b"{}")
    with pytest.raises(PairsFileRefused, match="made on this computer"):
        Roster(desk.ws).take_pairs_file(own)
