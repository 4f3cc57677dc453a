"""SecretKey: key bytes that can be wiped and never print or pickle themselves."""

from __future__ import annotations

import copy
import pickle
from collections.abc import Callable

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


def test_filled_by_keeps_what_the_primitive_wrote_in_its_own_buffer():
    written: list[bytearray] = []

    def fill(buf: bytearray) -> None:
        buf[:] = KEY
        written.append(buf)

    key = SecretKey.filled_by(len(KEY), "test key", fill)
    assert key.reveal() == KEY
    assert key._buf is written[0]  # no copy on the way in
    key.wipe()
    assert written[0] == bytearray(len(KEY))


def test_filled_by_wipes_a_half_written_key_when_the_primitive_fails():
    seen: list[bytearray] = []

    def fail(buf: bytearray) -> None:
        buf[:4] = KEY[:4]
        seen.append(buf)
        raise ValueError("did not authenticate")

    with pytest.raises(ValueError, match="did not authenticate"):
        SecretKey.filled_by(len(KEY), "test key", fail)
    assert seen[0] == bytearray(len(KEY))


def test_view_lends_the_buffer_without_a_copy_and_only_for_the_block():
    key = SecretKey(KEY, "test key")
    with key.view() as lent:
        assert lent.obj is key._buf
        assert bytes(lent) == KEY
    with pytest.raises(ValueError, match="released"):
        bytes(lent)
    key.wipe()
    with pytest.raises(RuntimeError, match="already wiped"), key.view():
        pass


def test_crypto_never_takes_an_unwipeable_copy_of_a_key(monkeypatch: pytest.MonkeyPatch):
    """SECURITY.md, Honest limits: crypto/ lends keys by view and fills them in place."""
    from mentorpair.crypto import kdf, keywrap, sealbox, subkeys

    def no_copies(self: SecretKey) -> bytes:
        raise AssertionError(f"crypto/ took a bytes copy of the {self.purpose}")

    monkeypatch.setattr(SecretKey, "reveal", no_copies)
    kek = kdf.derive_kek("copper lantern orbit velvet muffin", kdf.minimum_params())
    vault_key = keywrap.new_key("vault key")
    wrapped = keywrap.wrap_key(vault_key, kek, b"context")
    opened = keywrap.unwrap_key(wrapped, kek, b"context", "vault key")
    page_key = subkeys.derive_subkey(opened, subkeys.Purpose.SQLCIPHER_PAGE_KEY, bytes(16))
    sealed = sealbox.seal_bytes(b"token key", kek, b"context")
    assert sealbox.open_bytes(sealed, kek, b"context", len(b"token key")) == b"token key"
    assert len(sealbox.keyed_token(page_key, b"period")) == 32
    monkeypatch.undo()
    assert opened.reveal() == vault_key.reveal()


def test_no_key_reaches_the_log_in_any_form(tmp_path, monkeypatch: pytest.MonkeyPatch, caplog):
    """SECURITY.md: the log never holds a key, raw, as hex or as base64."""
    import base64
    import logging

    from mentorpair.storage.vault import Vault

    keys: list[bytes] = []
    original_init, original_fill = SecretKey.__init__, SecretKey.filled_by

    def recording_init(self: SecretKey, key: bytes | bytearray, purpose: str) -> None:
        original_init(self, key, purpose)
        keys.append(bytes(key))

    def recording_fill(
        cls: type[SecretKey], length: int, purpose: str, fill: Callable[[bytearray], object]
    ) -> SecretKey:
        made = original_fill(length, purpose, fill)
        keys.append(made.reveal())
        return made

    monkeypatch.setattr(SecretKey, "__init__", recording_init)
    monkeypatch.setattr(SecretKey, "filled_by", classmethod(recording_fill))
    caplog.set_level(logging.DEBUG, logger="mentorpair")
    folder, new = tmp_path / "vault", "violet tractor humming seaweed"
    Vault.create(folder, "copper lantern orbit velvet muffin", "Dr Amara Okafor").close()
    with Vault.open(folder, "copper lantern orbit velvet muffin") as vault:
        vault.change_passphrase("copper lantern orbit velvet muffin", new)
        vault.backup_to(tmp_path / "backup")
    Vault.open(folder, new).close()

    assert len({k for k in keys if len(k) == 32}) >= 3  # KEK, vault key, page key at least
    logged = "\n".join(caplog.messages + [r.exc_text or "" for r in caplog.records])
    assert caplog.records  # the flow does log; the check below is not vacuous
    for key in keys:
        for form in (key.hex(), key.hex().upper(), base64.b64encode(key).decode(), repr(key)):
            assert form not in logged
