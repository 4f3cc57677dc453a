"""The committed test vectors of docs/formats/sync.md still read, or are refused, as listed."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from mentorpair import errors
from mentorpair.domain.model import Role
from mentorpair.sync.chain import GENESIS, ChainEntry, ChainHead, verify_entries
from mentorpair.sync.exchange import _parse_payload
from mentorpair.sync.invitation import read_document
from mentorpair.sync.update import open_update
from tests.data.make_sync_vectors import PAIR, identity

VECTORS = Path(__file__).resolve().parents[2] / "data" / "sync"
MANIFEST = json.loads((VECTORS / "manifest.json").read_text())
MENTEE, MENTOR = identity(1), identity(2)


def lookup(pair_id: str) -> tuple[object, Role] | None:
    return (MENTEE.public(), Role.MENTEE) if pair_id == PAIR else None


@pytest.mark.parametrize("vector", MANIFEST["vectors"], ids=lambda v: v["file"])
def test_update_vectors(vector):
    data = (VECTORS / vector["file"]).read_bytes()
    if vector["expect"] != "ok":
        with pytest.raises(getattr(errors, vector["expect"])):
            open_update(data, MENTOR, lookup)  # type: ignore[arg-type]
        return
    opened = open_update(data, MENTOR, lookup)  # type: ignore[arg-type]
    assert (opened.pair_id, opened.sender, opened.seq) == (PAIR, Role.MENTEE, 1)
    assert hashlib.sha256(opened.payload).hexdigest() == MANIFEST["payload_sha256"]
    assert opened.payload == (VECTORS / "payload.json").read_bytes()
    payload = _parse_payload(opened.payload)
    entries = [ChainEntry.from_dict(e) for e in payload["entries"]]
    new = verify_entries(
        entries, pair_id=PAIR, author=Role.MENTEE, keys=MENTEE.public(), head=ChainHead(), known={}
    )
    assert [e.seq for e, _ in new] == [1, 2]
    assert entries[0].prev == GENESIS


@pytest.mark.parametrize("vector", MANIFEST["invitations"], ids=lambda v: v["file"])
def test_invitation_vectors(vector):
    text = (VECTORS / vector["file"]).read_text()
    if vector["expect"] != "ok":
        with pytest.raises(getattr(errors, vector["expect"])):
            read_document(text)
        return
    doc = read_document(text)
    assert (doc.pair_id, doc.name, doc.role) == (PAIR, "Dr Test Mentee", Role.MENTEE)
    assert doc.keys == MENTEE.public()
