"""The committed test vectors of docs/formats/sync.md still read, or are refused, as listed.

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
from mentorpair.sync.update import Sender, open_update
from tests.data.make_sync_vectors import PAIR, PAIRING, identity

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
        with pytest.raises(getattr(errors, vector["expect"])):
            open_update(data, MENTOR, lookup)
        return
    opened = open_update(data, MENTOR, lookup)
    assert (opened.pair_id, opened.sender, opened.seq) == (PAIR, Role.MENTEE, 1)
    assert opened.origin == MENTEE.public().device_id
    assert hashlib.sha256(opened.payload).hexdigest() == MANIFEST["payload_sha256"]
    assert opened.payload == (V2 / "payload.json").read_bytes()
    payload = _parse_payload(opened.payload)
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
