"""SecretKey: key bytes that can be wiped and never print or pickle themselves."""

from __future__ import annotations

import copy
import pickle

import pytest

from mentorpair.crypto.secret import SecretKey

KEY = bytes(range(0xA0, 0xC0))


def test_reveal_returns_the_key_and_a_copy_of_the_input():
    source = bytearray(KEY)
    key = SecretKey(source, "test key")
    source[0] ^= 0xFF  # the caller's buffer is not the key's buffer
    assert key.reveal() == KEY
    assert len(key) == 32
    assert not key.wiped


def test_wipe_zeroes_the_buffer_in_place():
    key = SecretKey(KEY, "test key")
    buffer = key._buf  # the very bytearray that held the key
    assert buffer == bytearray(KEY)
    key.wipe()
    assert buffer == bytearray(len(KEY))
    assert key.wiped
    assert len(key) == 0


def test_wiped_key_cannot_be_revealed_and_wipe_is_repeatable():
    key = SecretKey(KEY, "test key")
    key.wipe()
    key.wipe()
    with pytest.raises(RuntimeError, match="test key was already wiped"):
        key.reveal()


@pytest.mark.parametrize("render", [repr, str, format, lambda k: f"{k!r} {k}"])
def test_text_forms_never_contain_key_bytes(render):
    key = SecretKey(KEY, "vault key")
    text = render(key)
    assert "vault key" in text
    for leak in (KEY.hex(), KEY.hex().upper(), repr(KEY), KEY.decode("latin-1"), str(list(KEY))):
        assert leak not in text
    key.wipe()
    assert "wiped" in repr(key)


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_cannot_be_pickled(protocol):
    with pytest.raises(TypeError, match="cannot be pickled"):
        pickle.dumps(SecretKey(KEY, "test key"), protocol=protocol)


@pytest.mark.parametrize("duplicate", [copy.copy, copy.deepcopy])
def test_cannot_be_copied_behind_our_back(duplicate):
    with pytest.raises(TypeError):
        duplicate(SecretKey(KEY, "test key"))


@pytest.mark.parametrize("bad", [b"", bytearray(), "not bytes", 123, None])
def test_refuses_empty_or_non_bytes(bad):
    with pytest.raises(ValueError, match="non-empty bytes"):
        SecretKey(bad, "test key")
