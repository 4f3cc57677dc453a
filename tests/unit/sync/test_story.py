"""The issue's story end to end: two people pair through real files and end identical."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from mentorpair.domain.events import EventKind
from mentorpair.domain.model import Role
from mentorpair.errors import UpdateNotForMe, UpdateRefused
from mentorpair.storage.workspace import new_id
from mentorpair.sync import update
from mentorpair.sync.folder import SharedFolder
from mentorpair.sync.pairing import PairingStatus
from tests.unit.domain.factory import shared_view
from tests.unit.sync.conftest import Person


def test_pair_by_files_exchange_by_hand_and_by_folder_and_end_identical(
    people, tmp_path: Path, caplog: pytest.LogCaptureFixture
):
    caplog.set_level(logging.DEBUG)
    amira, ben, carol = people
    mail = tmp_path / "mail"
    mail.mkdir()

    # Amira starts the pair and e-mails an invitation file.
    pair_id = amira.ws.create_pair(Role.MENTEE, "Dr Ben Mentor")
    (mail / "invitation.mpinvite").write_text(amira.x.pairing.invite(pair_id))
    # Ben opens it, joins, and sends back his answer as a file.
    doc = ben.x.pairing.read((mail / "invitation.mpinvite").read_text())
    (mail / "answer.mpinvite").write_text(ben.x.pairing.join(doc, "Dr Amira Mentee"))
    amira.x.pairing.accept(amira.x.pairing.read((mail / "answer.mpinvite").read_text()))
    # They read the code to each other on the phone: the same 60 digits.
    code = amira.x.pairing.link(pair_id).safety_code
    assert ben.x.pairing.link(pair_id).safety_code == code
    amira.x.pairing.confirm(pair_id)
    ben.x.pairing.confirm(pair_id)

    # By hand: Amira prepares the agenda and a goal; Ben writes the shared note.
    goal = new_id()
    amira.ws.record(pair_id, EventKind.GOAL_CREATED, goal_id=goal, title="Consultant interview")
    amira.ws.record(pair_id, EventKind.NOTE_CREATED, note_id=new_id(), kind="private",
                    title="My worries", text="only for me")  # fmt: skip
    ben.ws.record(pair_id, EventKind.NOTE_CREATED, note_id=new_id(), kind="shared",
                  title="Session 1", text="We agreed three actions.")  # fmt: skip
    (mail / "from-amira.mpu").write_bytes(amira.x.export(pair_id))
    (mail / "from-ben.mpu").write_bytes(ben.x.export(pair_id))
    assert ben.x.import_update(update.read_file(mail / "from-amira.mpu")).counts == {"goals": 1}
    assert amira.x.import_update(update.read_file(mail / "from-ben.mpu")).counts == {"notes": 1}

    # Carol, a third vault, can neither read nor inject.
    with pytest.raises(UpdateNotForMe):
        carol.x.import_update(update.read_file(mail / "from-amira.mpu"))
    with pytest.raises(UpdateRefused, match="partner's keys"):
        amira.x.import_update(_carol_pretending(carol, amira, pair_id))

    # Then through a shared folder, without a click.
    folder = tmp_path / "Nextcloud" / "Mentoring"
    folder.mkdir(parents=True)
    SharedFolder(amira.x).choose(pair_id, folder)
    SharedFolder(ben.x).choose(pair_id, folder)
    amira.ws.record(pair_id, EventKind.GOAL_UPDATED, goal_id=goal, progress=40)
    for _ in range(3):
        SharedFolder(amira.x).sync(pair_id)
        SharedFolder(ben.x).sync(pair_id)

    assert shared_view(amira.ws.state(pair_id)) == shared_view(ben.ws.state(pair_id))
    assert ben.ws.state(pair_id).goals[goal].progress == 40
    assert "My worries" not in [n.title for n in ben.ws.state(pair_id).notes.values()]
    assert amira.x.pairing.link(pair_id).status is PairingStatus.VERIFIED
    assert ben.x.pairing.link(pair_id).status is PairingStatus.VERIFIED
    # Secrets never reach the log: no name, title, text, path or code.
    logged = caplog.text
    assert caplog.records  # the exchange did log (counts and kinds)
    for secret in ("Consultant interview", "My worries", "only for me", "Session 1",
                   "We agreed three actions", "Amira", "Ben", "Nextcloud", code[:11]):  # fmt: skip
        assert secret not in logged, secret


def _carol_pretending(carol: Person, amira: Person, pair_id: str) -> bytes:
    """An update Carol seals to Amira for Amira's pair, signed with Carol's own key."""
    payload = b'{"ack":{},"got":0,"confirmed":null,"entries":[]}'
    return update.seal_update(
        carol.vault.identity(), amira.vault.identity().public(), pair_id, 99, payload, bytes(32)
    )
