"""The key file: exact round trip, strict parsing, and no field changeable unnoticed."""

from __future__ import annotations

import base64
import json
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from mentorpair.crypto import kdf
from mentorpair.crypto.kdf import KdfParams
from mentorpair.crypto.keywrap import WrappedKey
from mentorpair.errors import CorruptFile, MadeByNewerVersion, NotFound, WrongPassphrase
from mentorpair.storage.header import MAX_SIZE, VaultHeader, read_header, write_header
from mentorpair.storage.vault import KEY_NAME, Vault
from tests.unit.storage.support import PASSPHRASE, copy_vault, snapshot

REFUSED = (WrongPassphrase, CorruptFile, MadeByNewerVersion)


def sample_header() -> VaultHeader:
    return VaultHeader(
        vault_id=bytes(range(16)),
        kdf=KdfParams(memory_kib=65536, iterations=3, lanes=4, salt=bytes(range(16, 32))),
        wrapped=WrappedKey(nonce=bytes(12), ciphertext=bytes(range(48))),
    )


def edit_key_file(folder: Path, change: Callable[[dict[str, Any]], object]) -> None:
    """Rewrite vault.key after ``change`` edited its parsed JSON in place."""
    path = folder / KEY_NAME
    doc = json.loads(path.read_bytes())
    change(doc)
    path.write_text(json.dumps(doc, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def flip_b64(value: str, index: int = 0) -> str:
    raw = bytearray(base64.b64decode(value))
    raw[index] ^= 0x01
    return base64.b64encode(bytes(raw)).decode("ascii")


def flip_hex(value: str) -> str:
    raw = bytearray.fromhex(value)
    raw[0] ^= 0x01
    return raw.hex()


@pytest.fixture
def no_argon2(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Fail loudly if Argon2id is even constructed; returns the calls seen."""
    calls: list[object] = []

    def refuse(**kwargs: object) -> object:
        calls.append(kwargs)
        raise AssertionError("Argon2id ran on parameters that should have been refused")

    monkeypatch.setattr(kdf, "Argon2id", refuse)
    return calls


# ---------------------------------------------------------------- format


headers = st.builds(
    VaultHeader,
    vault_id=st.binary(min_size=16, max_size=16),
    kdf=st.builds(
        KdfParams,
        memory_kib=st.integers(min_value=-(2**64), max_value=2**64),
        iterations=st.integers(min_value=-(2**64), max_value=2**64),
        lanes=st.integers(min_value=-(2**64), max_value=2**64),
        salt=st.binary(min_size=16, max_size=16),
    ),
    wrapped=st.builds(
        WrappedKey,
        nonce=st.binary(min_size=12, max_size=12),
        ciphertext=st.binary(min_size=48, max_size=48),
    ),
)


@given(headers)
def test_to_bytes_from_bytes_round_trip(header):
    data = header.to_bytes()
    assert VaultHeader.from_bytes(data) == header
    assert VaultHeader.from_bytes(data).to_bytes() == data


@given(headers, st.binary(max_size=12), st.binary(max_size=48))
def test_context_binds_everything_but_the_wrap_itself(header, nonce, ciphertext):
    rewrapped = VaultHeader(header.vault_id, header.kdf, WrappedKey(nonce, ciphertext))
    assert rewrapped.context() == header.context()
    assert VaultHeader.context_for(header.vault_id, header.kdf) == header.context()


@pytest.mark.parametrize(
    "changed",
    [
        lambda h: VaultHeader(bytes(16), h.kdf, h.wrapped),
        lambda h: VaultHeader(h.vault_id, KdfParams(65537, 3, 4, h.kdf.salt), h.wrapped),
        lambda h: VaultHeader(h.vault_id, KdfParams(65536, 4, 4, h.kdf.salt), h.wrapped),
        lambda h: VaultHeader(h.vault_id, KdfParams(65536, 3, 2, h.kdf.salt), h.wrapped),
        lambda h: VaultHeader(h.vault_id, KdfParams(65536, 3, 4, bytes(16)), h.wrapped),
    ],
    ids=["vault_id", "memory", "iterations", "lanes", "salt"],
)
def test_context_changes_with_every_public_field(changed):
    header = sample_header()
    assert changed(header).context() != header.context()


def test_file_carries_nothing_but_the_documented_fields():
    doc = json.loads(sample_header().to_bytes())
    assert doc == {
        "format": "mentorpair-vault-key",
        "version": 1,
        "vault_id": bytes(range(16)).hex(),
        "kdf": {
            "name": "argon2id",
            "memory_kib": 65536,
            "iterations": 3,
            "lanes": 4,
            "salt": base64.b64encode(bytes(range(16, 32))).decode(),
        },
        "wrap": {
            "name": "chacha20-poly1305",
            "nonce": base64.b64encode(bytes(12)).decode(),
            "wrapped_key": base64.b64encode(bytes(range(48))).decode(),
        },
    }


def with_doc(change: Callable[[dict[str, Any]], object]) -> bytes:
    doc = json.loads(sample_header().to_bytes())
    change(doc)
    return json.dumps(doc).encode()


DAMAGED: dict[str, bytes] = {
    "empty": b"",
    "whitespace": b"  \n",
    "truncated": sample_header().to_bytes()[:100],
    "not utf-8": b"\xff\xfe{}",
    "binary garbage": bytes(range(256)),
    "json list": b"[]",
    "json string": b'"mentorpair-vault-key"',
    "json null": b"null",
    "deeply nested": b"[" * 60_000,
    "huge integer": b'{"format": "mentorpair-vault-key", "version": 1' + b"0" * 5000 + b"}",
    "no format": with_doc(lambda d: d.pop("format")),
    "other format": with_doc(lambda d: d.update(format="mentorpair-vault")),
    "no version": with_doc(lambda d: d.pop("version")),
    "version 0": with_doc(lambda d: d.update(version=0)),
    "version text": with_doc(lambda d: d.update(version="1")),
    "version true": with_doc(lambda d: d.update(version=True)),
    "version float": with_doc(lambda d: d.update(version=1.0)),
    "no kdf": with_doc(lambda d: d.pop("kdf")),
    "kdf not a dict": with_doc(lambda d: d.update(kdf=[1, 2])),
    "other kdf": with_doc(lambda d: d["kdf"].update(name="scrypt")),
    "other wrap": with_doc(lambda d: d["wrap"].update(name="aes-gcm")),
    "memory as text": with_doc(lambda d: d["kdf"].update(memory_kib="65536")),
    "memory as float": with_doc(lambda d: d["kdf"].update(memory_kib=65536.0)),
    "lanes as bool": with_doc(lambda d: d["kdf"].update(lanes=True)),
    "iterations missing": with_doc(lambda d: d["kdf"].pop("iterations")),
    "salt not base64": with_doc(lambda d: d["kdf"].update(salt="not base64!")),
    "salt as number": with_doc(lambda d: d["kdf"].update(salt=12)),
    "nonce missing": with_doc(lambda d: d["wrap"].pop("nonce")),
    "wrapped key not base64": with_doc(lambda d: d["wrap"].update(wrapped_key="%%%%")),
    "vault id not hex": with_doc(lambda d: d.update(vault_id="zz" * 16)),
    "vault id short": with_doc(lambda d: d.update(vault_id="00" * 15)),
    "vault id long": with_doc(lambda d: d.update(vault_id="00" * 17)),
    "vault id number": with_doc(lambda d: d.update(vault_id=7)),
}


@pytest.mark.parametrize("data", DAMAGED.values(), ids=DAMAGED.keys())
def test_damaged_key_files_are_corrupt_files(data):
    with pytest.raises(CorruptFile) as caught:
        VaultHeader.from_bytes(data)
    assert "vault.key" in str(caught.value)
    assert caught.value.__suppress_context__ or caught.value.__context__ is None


@pytest.mark.parametrize("version", [2, 3, 2**40])
def test_newer_version_is_made_by_newer_version(version):
    with pytest.raises(MadeByNewerVersion, match="newer version"):
        VaultHeader.from_bytes(with_doc(lambda d: d.update(version=version)))


def test_read_header_refuses_oversized_file_even_if_valid(tmp_path: Path):
    path = tmp_path / KEY_NAME
    data = sample_header().to_bytes()
    path.write_bytes(data[:-1] + b" " * (MAX_SIZE + 1 - len(data)) + b"\n")
    with pytest.raises(CorruptFile):
        read_header(path)
    path.write_bytes(data[:-1] + b" " * (MAX_SIZE - len(data)) + b"\n")  # exactly the limit
    assert read_header(path) == sample_header()


def test_read_header_missing_file_is_not_found(tmp_path: Path):
    with pytest.raises(NotFound):
        read_header(tmp_path / KEY_NAME)


def test_write_then_read(tmp_path: Path):
    write_header(tmp_path / KEY_NAME, sample_header())
    assert read_header(tmp_path / KEY_NAME) == sample_header()
    assert (tmp_path / KEY_NAME).stat().st_mode & 0o077 == 0


# ---------------------------------------------------------------- tampering, end to end


FIELD_CHANGES: dict[str, Callable[[dict[str, Any]], object]] = {
    "memory": lambda d: d["kdf"].update(memory_kib=d["kdf"]["memory_kib"] + 1024),
    "iterations": lambda d: d["kdf"].update(iterations=d["kdf"]["iterations"] + 1),
    "lanes": lambda d: d["kdf"].update(lanes=2),
    "salt": lambda d: d["kdf"].update(salt=flip_b64(d["kdf"]["salt"])),
    "vault_id": lambda d: d.update(vault_id=flip_hex(d["vault_id"])),
    "nonce": lambda d: d["wrap"].update(nonce=flip_b64(d["wrap"]["nonce"])),
    "wrapped_key": lambda d: d["wrap"].update(wrapped_key=flip_b64(d["wrap"]["wrapped_key"])),
    "tag": lambda d: d["wrap"].update(wrapped_key=flip_b64(d["wrap"]["wrapped_key"], -1)),
}


@pytest.mark.parametrize("change", FIELD_CHANGES.values(), ids=FIELD_CHANGES.keys())
def test_changed_field_never_opens(vault_folder: Path, change):
    edit_key_file(vault_folder, change)
    before = snapshot(vault_folder)
    with pytest.raises(WrongPassphrase, match=r"^That passphrase does not open this vault\.$"):
        Vault.open(vault_folder, PASSPHRASE)
    assert snapshot(vault_folder) == before


STRUCTURE_CHANGES: dict[str, tuple[Callable[[dict[str, Any]], object], type[Exception]]] = {
    "kdf name": (lambda d: d["kdf"].update(name="argon2i"), CorruptFile),
    "wrap name": (lambda d: d["wrap"].update(name="aes-256-gcm"), CorruptFile),
    "format": (lambda d: d.update(format="something-else"), CorruptFile),
    "version 2": (lambda d: d.update(version=2), MadeByNewerVersion),
    "version 0": (lambda d: d.update(version=0), CorruptFile),
    # Wrong sizes are damage, found before any key derivation runs.
    "short nonce": (
        lambda d: d["wrap"].update(nonce=base64.b64encode(bytes(11)).decode()),
        CorruptFile,
    ),
    "short wrapped key": (
        lambda d: d["wrap"].update(wrapped_key=base64.b64encode(bytes(47)).decode()),
        CorruptFile,
    ),
    # Only our own fields, in canonical spelling: nothing unauthenticated rides along.
    "unknown field": (lambda d: d.update(comment="hello"), CorruptFile),
    "unknown kdf field": (lambda d: d["kdf"].update(pepper="x"), CorruptFile),
    "upper-case vault id": (lambda d: d.update(vault_id=d["vault_id"].upper()), CorruptFile),
    "spaced vault id": (lambda d: d.update(vault_id=" " + d["vault_id"][1:]), CorruptFile),
}


@pytest.mark.parametrize(
    ("change", "error"), STRUCTURE_CHANGES.values(), ids=STRUCTURE_CHANGES.keys()
)
def test_changed_structure_is_refused(vault_folder: Path, change, error):
    edit_key_file(vault_folder, change)
    before = snapshot(vault_folder)
    with pytest.raises(error):
        Vault.open(vault_folder, PASSPHRASE)
    assert snapshot(vault_folder) == before


UNSAFE_KDF: dict[str, dict[str, int]] = {
    "8MiB-t1": {"memory_kib": 8 * 1024, "iterations": 1},
    "64MiB-t1": {"iterations": 1},
    "64GiB": {"memory_kib": 64 * 1024 * 1024},
    "1000-passes": {"iterations": 1000},
    "256-lanes": {"lanes": 256},
    "negative-memory": {"memory_kib": -1},
}


@pytest.mark.parametrize("values", UNSAFE_KDF.values(), ids=UNSAFE_KDF.keys())
def test_unsafe_kdf_settings_are_refused_before_any_derivation(
    vault_folder: Path, values, no_argon2
):
    edit_key_file(vault_folder, lambda d: d["kdf"].update(values))
    before = snapshot(vault_folder)
    with pytest.raises(CorruptFile, match="unsafe key settings"):
        Vault.open(vault_folder, PASSPHRASE)
    assert no_argon2 == []
    assert snapshot(vault_folder) == before


KEY_FILE_DAMAGE: dict[str, Callable[[bytes], bytes]] = {
    "empty": lambda data: b"",
    "truncated": lambda data: data[: len(data) // 2],
    "one byte short": lambda data: data[:-3] + b"\n",
    "garbage": lambda data: bytes(range(256)) * 2,
    "huge": lambda data: data + b" " * (MAX_SIZE + 1),
    "nested": lambda data: b"[" * 60_000,
    "nul bytes": lambda data: bytes(len(data)),
}


@pytest.mark.parametrize("damage", KEY_FILE_DAMAGE.values(), ids=KEY_FILE_DAMAGE.keys())
def test_damaged_key_file_never_opens(vault_folder: Path, damage, no_argon2):
    key = vault_folder / KEY_NAME
    key.write_bytes(damage(key.read_bytes()))
    before = snapshot(vault_folder)
    with pytest.raises(CorruptFile, match=r"vault\.key"):
        Vault.open(vault_folder, PASSPHRASE)
    assert no_argon2 == []
    assert snapshot(vault_folder) == before


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_any_single_byte_change_never_opens(template_vault: Path, data):
    """Every opened example costs one Argon2id run (~0.15 s), hence few examples."""
    original = (template_vault / KEY_NAME).read_bytes()
    index = data.draw(st.integers(0, len(original) - 1), label="index")
    value = data.draw(st.integers(0, 255).filter(lambda b: b != original[index]), label="value")
    mutated = bytearray(original)
    mutated[index] = value
    try:
        parsed = VaultHeader.from_bytes(bytes(mutated))
    except REFUSED:
        parsed = None
    if parsed == VaultHeader.from_bytes(original):
        # Only the encoding changed (JSON whitespace, unused base64 bits):
        # the vault is the same vault, and opening it would be right.
        event("encoding-only change")
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = copy_vault(template_vault, Path(tmp) / "vault")
        (folder / KEY_NAME).write_bytes(bytes(mutated))
        before = snapshot(folder)
        with pytest.raises(REFUSED):
            Vault.open(folder, PASSPHRASE).close()
        assert snapshot(folder) == before
