"""The committed test vectors of docs/formats/sync.md still read, or are refused, as listed.

Format 3 (``tests/data/sync/v3/``) is imported into a real vault holding the
recipient's fixed test keys: linked computers certified inside the update,
forged certificates, a removed sender, a private note sent to the partner.
Format 2 (``tests/data/sync/v2/``) opens and admits as its manifest says. Format
1 (``tests/data/sync/``) is no longer read: every file of it is refused, the
valid one with "your partner needs to update", and nothing opens.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from mentorpair import errors
from mentorpair.domain.model import Role
from mentorpair.sync.chain import GENESIS, Author, ChainEntry, ChainHead, verify_entries
from mentorpair.sync.exchange import _parse_payload
from mentorpair.sync.invitation import read_document
from mentorpair.sync.roster import Roster
from mentorpair.sync.update import Sender, open_update
from tests.data.make_sync_vectors import PAIR, PAIRING, identity
from tests.unit.sync.conftest import Person

VECTORS = Path(__file__).resolve().parents[2] / "data" / "sync"
V2 = VECTORS / "v2"
MANIFEST = json.loads((V2 / "manifest.json").read_text())
V1_MANIFEST = json.loads((VECTORS / "manifest.json").read_text())
MENTEE, MENTOR = identity(1), identity(2)


def lookup(pair_id: str) -> Sender | None:
    return Sender(MENTEE.public(), Role.MENTEE, PAIRING) if pair_id == PAIR else None


@pytest.mark.parametrize("vector", MANIFEST["vectors"], ids=lambda v: v["file"])
def test_update_vectors(vector):
    data = (V2 / vector["file"]).read_bytes()
    if vector["expect"] != "ok":
        expected: tuple[type[Exception], ...] = (getattr(errors, vector["expect"]),)
        if vector["file"] == "update-newer-version.mpu":
            # Made as "version 3" when 3 was unknown; format 3 is read now, and
            # this made-up file (a format-2 envelope under a changed header) does not open.
            expected = (errors.MadeByNewerVersion, errors.UpdateNotForMe)
        with pytest.raises(expected):
            open_update(data, MENTOR, lookup)
        return
    opened = open_update(data, MENTOR, lookup)
    assert (opened.pair_id, opened.sender, opened.seq) == (PAIR, Role.MENTEE, 1)
    assert opened.origin == MENTEE.public().device_id
    assert hashlib.sha256(opened.payload).hexdigest() == MANIFEST["payload_sha256"]
    assert opened.payload == (V2 / "payload.json").read_bytes()
    payload = _parse_payload(opened.payload, version=2)
    entries = [ChainEntry.from_dict(e) for e in payload["entries"]]
    author = Author(MENTEE.public(), Role.MENTEE)
    new = verify_entries(
        entries,
        pair_id=PAIR,
        authors={author.origin: author},
        heads={MENTOR.public().device_id: ChainHead()},
        held=lambda _origin, _seq: None,
    )
    assert [e.seq for e, _ in new] == [1, 2]
    assert [e.event.clock for e, _ in new] == [1, 2]
    assert entries[0].prev == GENESIS


@pytest.mark.parametrize("vector", V1_MANIFEST["vectors"], ids=lambda v: v["file"])
def test_format_1_files_are_refused_and_never_opened(vector):
    data = (VECTORS / vector["file"]).read_bytes()
    expected: type[Exception] = errors.UpdateRefused
    if vector["expect"] == "ok":
        expected = errors.PartnerNeedsUpdate
    with pytest.raises((expected, errors.MadeByNewerVersion)):
        open_update(data, MENTOR, lookup)


@pytest.mark.parametrize(
    "vector", [*MANIFEST["invitations"], *V1_MANIFEST["invitations"]], ids=lambda v: v["file"]
)
def test_invitation_vectors(vector):
    folder = V2 if vector in MANIFEST["invitations"] else VECTORS
    text = (folder / vector["file"]).read_text()
    if vector["expect"] != "ok":
        with pytest.raises(getattr(errors, vector["expect"])):
            read_document(text)
        return
    doc = read_document(text)
    assert (doc.pair_id, doc.name, doc.role) == (PAIR, "Dr Test Mentee", Role.MENTEE)
    assert doc.keys == MENTEE.public()


# ---------------------------------------------------------------- format 3

V3 = VECTORS / "v3"
V3_MANIFEST = json.loads((V3 / "manifest.json").read_text())


def _mentor_vault(folder: Path) -> Person:
    """A vault holding identity(2), the mentor, paired with identity(1) under PAIRING."""
    from mentorpair.crypto import kdf
    from mentorpair.storage.vault import Vault
    from mentorpair.storage.workspace import Workspace
    from mentorpair.sync.exchange import Exchange

    vault = Vault.create(folder, "vector passphrase", "Dr Test Mentor", params=kdf.minimum_params)
    signing, agreement, kem_seed = MENTOR.private_bytes()
    keys = MENTEE.public()
    with vault.db.transaction() as db:
        db.execute(
            "UPDATE identity SET signing_key = :s, agreement_key = :a, kem_seed = :k",
            {"s": signing, "a": agreement, "k": kem_seed},
        )
        db.execute(
            "INSERT INTO partner_keys (pair_id, signing, agreement, kem, partner_name,"
            " confirmed_by_me, since, pairing) VALUES (:p, :s, :a, :k, 'Dr Test Mentee', 1,"
            " '2026-11-01T09:00:00+00:00', :pairing)",
            {"p": PAIR, "s": keys.signing, "a": keys.agreement, "k": keys.kem,
             "pairing": PAIRING},
        )  # fmt: skip
    ws = Workspace(vault)
    ws.create_pair(Role.MENTOR, "Dr Test Mentee", pair_id=PAIR)
    return Person(vault, ws, Exchange(ws))


@pytest.mark.parametrize("vector", V3_MANIFEST["vectors"], ids=lambda v: v["file"])
def test_format_3_vectors(vector, tmp_path):
    data = (V3 / vector["file"]).read_bytes()
    mentor = _mentor_vault(tmp_path / "mentor")
    try:
        if vector["expect"] != "ok":
            with pytest.raises(getattr(errors, vector["expect"])):
                mentor.x.import_update(data)
            assert mentor.vault.db.query("SELECT * FROM partner_devices") == []
            assert mentor.vault.db.query("SELECT * FROM chains") == []
            return
        summary = mentor.x.import_update(data)
        assert summary.counts == {"goals": 1, "notes": 1}
        goals = mentor.ws.state(PAIR).goals
        assert [g.title for g in goals.values()] == ["Prepare for the consultant interview"]
        laptop = identity(4).public().device_id
        known = {d.device_id for d in Roster(mentor.ws).partner_devices(PAIR)}
        assert (laptop in known) == (vector["file"] != "update-format-2.mpu")
        assert summary.sender in (MENTEE.public().device_id, laptop)
    finally:
        mentor.vault.close()
