"""The coordinator's key file: sealed under a passphrase, strict, never overwritten."""

from __future__ import annotations

import json
import os
import stat

import pytest

from mentorpair.crypto import kdf
from mentorpair.errors import CorruptFile, MadeByNewerVersion, WrongPassphrase
from mentorpair.feedback.keystore import (
    SchemeFilesExist,
    SchemeKeyFile,
    init_scheme,
    key_matches_scheme,
    open_key_file,
    read_key_file,
    scheme_path_beside,
    slug,
)
from mentorpair.feedback.scheme import load_scheme
from tests.unit.feedback.support import COORDINATOR_PASSPHRASE, PERIOD_H1, PERIOD_H2


@pytest.fixture
def created(tmp_path):
    return init_scheme(
        tmp_path, "North London GP Mentoring", COORDINATOR_PASSPHRASE, [PERIOD_H1, PERIOD_H2]
    )


def test_init_writes_both_files_owner_only(created, tmp_path):
    assert created.scheme_path == tmp_path / "north-london-gp-mentoring.mpscheme"
    assert created.key_path == tmp_path / "north-london-gp-mentoring.mpschemekey"
    for path in (created.scheme_path, created.key_path):
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert load_scheme(created.scheme_path) == created.scheme
    assert scheme_path_beside(created.key_path) == created.scheme_path


def test_the_right_passphrase_opens_the_matching_key(created):
    scheme_id, keypair = open_key_file(created.key_path, COORDINATOR_PASSPHRASE)
    assert scheme_id == created.scheme.scheme_id
    assert key_matches_scheme(scheme_id, keypair, created.scheme)


def test_wrong_passphrase_has_its_own_message(created):
    with pytest.raises(WrongPassphrase, match="does not open this scheme key"):
        open_key_file(created.key_path, COORDINATOR_PASSPHRASE + "x")


def test_key_file_holds_no_private_key_in_the_clear(created):
    _, keypair = open_key_file(created.key_path, COORDINATOR_PASSPHRASE)
    raw = created.key_path.read_bytes()
    private = keypair.private_bytes()
    assert private not in raw
    assert private.hex().encode() not in raw
    import base64

    assert base64.b64encode(private) not in raw


def test_refuses_to_overwrite(created, tmp_path):
    before = created.key_path.read_bytes()
    with pytest.raises(SchemeFilesExist):
        init_scheme(tmp_path, "North London GP Mentoring", COORDINATOR_PASSPHRASE, [PERIOD_H1])
    assert created.key_path.read_bytes() == before
    created.scheme_path.unlink()
    with pytest.raises(SchemeFilesExist):  # the key alone is there: still refused
        init_scheme(tmp_path, "North London GP Mentoring", COORDINATOR_PASSPHRASE, [PERIOD_H1])
    assert created.key_path.read_bytes() == before


def test_swapping_a_public_field_fails_like_a_wrong_passphrase(created, tmp_path):
    doc = json.loads(created.key_path.read_text())
    doc["scheme_id"] = "0" * 32
    changed = tmp_path / "changed.mpschemekey"
    changed.write_text(json.dumps(doc))
    with pytest.raises(WrongPassphrase):
        open_key_file(changed, COORDINATOR_PASSPHRASE)


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.update(extra=1),
        lambda d: d.pop("wrap"),
        lambda d: d["kdf"].update(memory_kib=1024),  # too weak: refused before deriving
        lambda d: d["kdf"].update(memory_kib=2**30),  # absurd: refused before deriving
        lambda d: d["wrap"].update(sealed_key="AAAA"),
        lambda d: d["wrap"].update(nonce="!!"),
        lambda d: d.update(scheme_id="XYZ"),
        lambda d: d.update(version="1"),
    ],
)
def test_damaged_files_are_refused_before_any_derivation(created, tmp_path, monkeypatch, change):
    doc = json.loads(created.key_path.read_text())
    change(doc)
    path = tmp_path / "damaged.mpschemekey"
    path.write_text(json.dumps(doc))
    monkeypatch.setattr(kdf, "derive_kek", lambda *a: pytest.fail("derived a key"))
    with pytest.raises(CorruptFile):
        read_key_file(path).open(COORDINATOR_PASSPHRASE)


def test_newer_version(created, tmp_path):
    doc = json.loads(created.key_path.read_text())
    doc["version"] = 3
    path = tmp_path / "new.mpschemekey"
    path.write_text(json.dumps(doc))
    with pytest.raises(MadeByNewerVersion):
        read_key_file(path)


def test_oversized_file_is_refused(tmp_path):
    path = tmp_path / "big.mpschemekey"
    path.write_bytes(b" " * 70_000)
    with pytest.raises(CorruptFile):
        read_key_file(path)


def test_uses_default_params_and_they_round_trip(created):
    key_file = read_key_file(created.key_path)
    assert key_file.kdf.memory_kib == kdf.MIN_MEMORY_KIB  # tests swap in the floor profile
    assert SchemeKeyFile.from_bytes(key_file.to_bytes()) == key_file


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("North London GP Mentoring", "north-london-gp-mentoring"),
        ("Ärzte & Co!", "ärzte-co"),
        ("!!!", "scheme"),
    ],
)
def test_slug(name, expected):
    assert slug(name) == expected
