"""The vault's key file (``vault.key``): KDF parameters and the wrapped vault key.

Format (version 1, UTF-8 JSON, documented in ``docs/formats/vault.md``)::

    {"format": "mentorpair-vault-key", "version": 1,
     "vault_id": "<32 hex>",
     "kdf": {"name": "argon2id", "memory_kib": 262144, "iterations": 2,
             "lanes": 4, "salt": "<base64>"},
     "wrap": {"name": "chacha20-poly1305", "nonce": "<base64>",
              "wrapped_key": "<base64>"}}

Everything but ``wrap.nonce`` and ``wrap.wrapped_key`` is bound into the
wrap's associated data (:meth:`VaultHeader.context`), so no field can change
without the unwrap failing. The file holds no secret a thief can use without
the passphrase, and nothing personal.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mentorpair.crypto.kdf import SALT_LENGTH, KdfParams, params_from_document, params_to_document
from mentorpair.crypto.keywrap import NONCE_LENGTH, WrappedKey
from mentorpair.errors import CorruptFile, MadeByNewerVersion
from mentorpair.storage.atomic import atomic_write
from mentorpair.storage.oserrors import translate_os_errors

__all__ = ["FORMAT", "VERSION", "VaultHeader", "read_header", "write_header"]

FORMAT = "mentorpair-vault-key"
VERSION = 1
#: A real header is under 1 KiB; refuse to read anything much larger.
MAX_SIZE = 64 * 1024
_TOP_FIELDS = {"format", "version", "vault_id", "kdf", "wrap"}
_WRAP_FIELDS = {"name", "nonce", "wrapped_key"}
_VAULT_ID = re.compile(r"[0-9a-f]{32}")
#: A sealed 256-bit key plus its 16-byte Poly1305 tag.
WRAPPED_LENGTH = 32 + 16
WRAP_NAME = "chacha20-poly1305"


@dataclass(frozen=True, slots=True)
class VaultHeader:
    """The parsed key file.

    Attributes:
        vault_id: 16 random bytes naming this vault; also stored in the database.
        kdf: the Argon2id parameters for the passphrase.
        wrapped: the vault key sealed under the passphrase's key.
    """

    vault_id: bytes
    kdf: KdfParams
    wrapped: WrappedKey

    def context(self) -> bytes:
        """The associated data that binds every public field to the wrapped key."""
        return _canonical(self._public_fields())

    def _public_fields(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "vault_id": self.vault_id.hex(),
            "kdf": params_to_document(self.kdf),
            "wrap": {"name": WRAP_NAME},
        }

    def to_bytes(self) -> bytes:
        """The file's bytes."""
        doc = self._public_fields()
        doc["wrap"]["nonce"] = _b64(self.wrapped.nonce)
        doc["wrap"]["wrapped_key"] = _b64(self.wrapped.ciphertext)
        return (json.dumps(doc, indent=2, sort_keys=True) + "\n").encode("utf-8")

    @classmethod
    def context_for(cls, vault_id: bytes, kdf: KdfParams) -> bytes:
        """The associated data for a header that is about to be written."""
        placeholder = WrappedKey(nonce=b"", ciphertext=b"")
        return cls(vault_id=vault_id, kdf=kdf, wrapped=placeholder).context()

    @classmethod
    def from_bytes(cls, data: bytes) -> VaultHeader:
        """Parse and validate a key file.

        Raises:
            MadeByNewerVersion: ``version`` is above what we understand.
            CorruptFile: anything else is off: not JSON, missing or mistyped
                fields, wrong sizes.
        """
        try:
            doc = json.loads(data.decode("utf-8"))
        except (ValueError, RecursionError):
            # ValueError covers bad UTF-8, bad JSON and integers too long to
            # convert; RecursionError deeply nested arrays: all mean damage.
            raise _corrupt() from None
        if not isinstance(doc, dict) or doc.get("format") != FORMAT:
            raise _corrupt()
        version = doc.get("version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise _corrupt()
        if version > VERSION:
            raise MadeByNewerVersion(
                "This vault was made by a newer version of mentorpair. Please update the "
                "app to open it. Nothing was changed."
            )
        try:
            kdf_doc = doc["kdf"]
            wrap_doc = doc["wrap"]
            # Exactly our fields: an unknown one would be unauthenticated baggage.
            if (
                set(doc) != _TOP_FIELDS
                or not isinstance(wrap_doc, dict)
                or set(wrap_doc) != _WRAP_FIELDS
                or wrap_doc["name"] != WRAP_NAME
                or not _VAULT_ID.fullmatch(_str(doc["vault_id"]))
            ):
                raise _corrupt()
            vault_id = bytes.fromhex(doc["vault_id"])
            kdf = params_from_document(kdf_doc)
            wrapped = WrappedKey(
                nonce=_unb64(wrap_doc["nonce"]), ciphertext=_unb64(wrap_doc["wrapped_key"])
            )
        except (KeyError, TypeError, ValueError, binascii.Error):
            raise _corrupt() from None
        # Sizes are checked here, so a damaged file is called damaged without
        # first spending a key derivation on it.
        if (
            len(wrapped.nonce) != NONCE_LENGTH
            or len(wrapped.ciphertext) != WRAPPED_LENGTH
            or len(kdf.salt) != SALT_LENGTH
        ):
            raise _corrupt()
        return cls(vault_id=vault_id, kdf=kdf, wrapped=wrapped)


def read_header(path: Path) -> VaultHeader:
    """Read the key file, refusing an oversized one before reading it whole."""
    with translate_os_errors(), path.open("rb") as handle:
        data = handle.read(MAX_SIZE + 1)
    if len(data) > MAX_SIZE:
        raise _corrupt()
    return VaultHeader.from_bytes(data)


def write_header(path: Path, header: VaultHeader) -> None:
    """Replace the key file atomically: a crash leaves the old or the new one."""
    atomic_write(path, header.to_bytes())


def _corrupt() -> CorruptFile:
    return CorruptFile(
        "The vault's key file (vault.key) is damaged or was changed outside mentorpair, "
        "so the vault cannot be opened. Nothing was changed. If you have a backup of "
        "the vault folder, restore vault.key from it."
    )


def _canonical(doc: dict[str, Any]) -> bytes:
    return json.dumps(doc, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(value: object) -> bytes:
    return base64.b64decode(_str(value), validate=True)


def _str(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError("expected a string")
    return value
