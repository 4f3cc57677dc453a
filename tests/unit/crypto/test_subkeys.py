"""HKDF subkeys: one root key, unrelated keys per purpose and per vault."""

from __future__ import annotations

import hashlib
import hmac
import itertools

import pytest

from mentorpair.crypto.secret import SecretKey
from mentorpair.crypto.subkeys import Purpose, derive_subkey

ROOT = bytes(range(32))
SALT = bytes(range(100, 116))
#: Pinned: if this changes, every existing vault's database key changes with it.
PAGE_KEY_VECTOR = "c78d67fd3f64410727614dd6e13b70a04cbb7f25a817494f95912f7ef70dd32a"


def rfc5869_hkdf_sha256(ikm: bytes, salt: bytes, info: bytes, length: int) -> bytes:
    """RFC 5869 written out with the standard library, independent of `cryptography`."""
    prk = hmac.new(salt, ikm, hashlib.sha256).digest()
    okm, block = b"", b""
    for counter in range(1, -(-length // 32) + 1):
        block = hmac.new(prk, block + info + bytes([counter]), hashlib.sha256).digest()
        okm += block
    return okm[:length]


def root() -> SecretKey:
    return SecretKey(ROOT, "root")


def test_known_answer_matches_pinned_vector_and_plain_rfc5869():
    key = derive_subkey(root(), Purpose.SQLCIPHER_PAGE_KEY, SALT)
    assert key.reveal().hex() == PAGE_KEY_VECTOR
    expected = rfc5869_hkdf_sha256(ROOT, SALT, Purpose.SQLCIPHER_PAGE_KEY.value, 32)
    assert key.reveal() == expected
    assert key.purpose == "sqlcipher_page_key"


@pytest.mark.parametrize("length", [16, 33, 64])
def test_length_is_honoured(length):
    key = derive_subkey(root(), Purpose.SQLCIPHER_PAGE_KEY, SALT, length=length)
    assert key.reveal() == rfc5869_hkdf_sha256(ROOT, SALT, Purpose.SQLCIPHER_PAGE_KEY.value, length)


def test_different_salts_give_unrelated_keys():
    a = derive_subkey(root(), Purpose.SQLCIPHER_PAGE_KEY, SALT).reveal()
    b = derive_subkey(root(), Purpose.SQLCIPHER_PAGE_KEY, bytes(16)).reveal()
    assert a != b


def test_the_purpose_string_is_the_info_so_other_purposes_give_other_keys():
    key = derive_subkey(root(), Purpose.SQLCIPHER_PAGE_KEY, SALT).reveal()
    for other_info in (b"", b"mentorpair/v1/vault/other-purpose"):
        assert key != rfc5869_hkdf_sha256(ROOT, SALT, other_info, 32)


def test_every_purpose_is_distinct_and_gives_its_own_key():
    # An Enum member with a repeated value silently becomes an alias of the
    # first: two jobs would then share one key.
    assert len(Purpose.__members__) == len(list(Purpose))
    values = [p.value for p in Purpose]
    assert all(v.startswith(b"mentorpair/v") for v in values)
    keys = {p: derive_subkey(root(), p, SALT).reveal() for p in Purpose}
    for a, b in itertools.combinations(Purpose, 2):
        assert keys[a] != keys[b]


def test_different_roots_give_different_keys():
    a = derive_subkey(root(), Purpose.SQLCIPHER_PAGE_KEY, SALT).reveal()
    b = derive_subkey(SecretKey(bytes(32), "root"), Purpose.SQLCIPHER_PAGE_KEY, SALT).reveal()
    assert a != b


@pytest.mark.parametrize(
    ("root_bytes", "purpose", "salt", "length", "error"),
    [
        (bytes(31), Purpose.SQLCIPHER_PAGE_KEY, SALT, 32, ValueError),
        (ROOT, "sqlcipher page key", SALT, 32, TypeError),
        (ROOT, Purpose.SQLCIPHER_PAGE_KEY, bytes(15), 32, ValueError),
        (ROOT, Purpose.SQLCIPHER_PAGE_KEY, "not bytes" * 2, 32, ValueError),
        (ROOT, Purpose.SQLCIPHER_PAGE_KEY, SALT, 15, ValueError),
        (ROOT, Purpose.SQLCIPHER_PAGE_KEY, SALT, 65, ValueError),
    ],
)
def test_refuses_bad_arguments(root_bytes, purpose, salt, length, error):
    with pytest.raises(error):
        derive_subkey(SecretKey(root_bytes, "root"), purpose, salt, length)
