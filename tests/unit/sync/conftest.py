"""Two people, each with their own vault and identity, and the pairs between them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from mentorpair.crypto import kdf
from mentorpair.domain.model import Role
from mentorpair.storage.vault import Vault
from mentorpair.storage.workspace import Workspace
from mentorpair.sync.exchange import Exchange


@dataclass
class Person:
    """One vault, open, with its workspace and exchange."""

    vault: Vault
    ws: Workspace
    x: Exchange

    @classmethod
    def create(cls, folder: Path, name: str) -> Person:
        vault = Vault.create(
            folder, f"{name} passphrase for tests", name, params=kdf.minimum_params
        )
        ws = Workspace(vault)
        return cls(vault, ws, Exchange(ws))


@pytest.fixture
def people(tmp_path: Path) -> Iterator[tuple[Person, Person, Person]]:
    """Amira (mentee), Ben (mentor) and Carol (a stranger), each with a vault."""
    made = [Person.create(tmp_path / n, n) for n in ("Amira Mentee", "Ben Mentor", "Carol Else")]
    yield made[0], made[1], made[2]
    for person in made:
        person.vault.close()


def pair_up(mentee: Person, mentor: Person, *, verify: bool = True) -> str:
    """Pair the two through real invitation text, as the dialogs do; return the pair id."""
    pair_id = mentee.ws.create_pair(Role.MENTEE, "Ben")
    invitation = mentee.x.pairing.invite(pair_id)
    acceptance = mentor.x.pairing.join(mentor.x.pairing.read(invitation), "Amira")
    assert mentee.x.pairing.accept(mentee.x.pairing.read(acceptance)) == pair_id
    if verify:
        mentee.x.pairing.confirm(pair_id)
        mentor.x.pairing.confirm(pair_id)
    return pair_id


@pytest.fixture
def paired(people: tuple[Person, Person, Person]) -> tuple[Person, Person, str]:
    """Amira and Ben, paired and verified."""
    amira, ben, _ = people
    return amira, ben, pair_up(amira, ben)
