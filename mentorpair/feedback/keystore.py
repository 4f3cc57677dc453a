"""The coordinator's private scheme key (``.mpschemekey``), sealed under a passphrase.

Whoever holds this key can read every feedback file of the scheme, so it
never sits on disk in the clear: the 96-byte hybrid private key is sealed with
ChaCha20-Poly1305 under an Argon2id key derived from the coordinator's
passphrase, as the vault key is (``docs/formats/feedback.md``). All public
fields are bound in as associated data, so swapping the scheme id or
weakening the KDF settings makes the file fail to open, exactly like a wrong
passphrase.

:func:`init_scheme` makes a new scheme: the key pair, the key file and the
public scheme file to hand out.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import json
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mentorpair.crypto import kdf
from mentorpair.crypto.hybrid import PRIVATE_LENGTH, HybridKeyPair
from mentorpair.crypto.kdf import SALT_LENGTH, KdfParams
from mentorpair.crypto.keywrap import NONCE_LENGTH, TAG_LENGTH, UnwrapFailed, WrappedKey
from mentorpair.crypto.sealbox import open_bytes, seal_bytes
from mentorpair.errors import CorruptFile, KnownError, MadeByNewerVersion, WrongPassphrase
from mentorpair.feedback.scheme import (
    DEFAULT_MIN_COMMENTS,
    DEFAULT_MIN_GROUP,
    EXTENSION,
    Period,
    Question,
    Scheme,
    new_scheme,
)
from mentorpair.storage.atomic import fsync_folder
from mentorpair.storage.oserrors import translate_os_errors

__all__ = [
    "KEY_EXTENSION",
    "CreatedScheme",
    "SchemeFilesExist",
    "SchemeKeyFile",
    "init_scheme",
    "key_matches_scheme",
    "open_key_file",
    "read_key_file",
    "scheme_path_beside",
    "slug",
]

FORMAT = "mentorpair-scheme-key"
VERSION = 1
KEY_EXTENSION = ".mpschemekey"
MAX_SIZE = 64 * 1024
WRAP_NAME = "chacha20-poly1305"
_TOP_FIELDS = {"format", "version", "scheme_id", "kdf", "wrap"}
_WRAP_FIELDS = {"name", "nonce", "sealed_key"}
_SCHEME_ID = re.compile(r"[0-9a-f]{32}")

WRONG_PASSPHRASE_MESSAGE = "That passphrase does not open this scheme key."  # noqa: S105 - a message


class SchemeFilesExist(KnownError):
    """A scheme with this name is already in the folder; overwriting it would lose its key."""

    default_message = (
        "A scheme with this name already exists in that folder. Choose another folder or "
        "another name; the existing files were not changed."
    )


@dataclass(frozen=True, slots=True)
class SchemeKeyFile:
    """The parsed key file.

    Attributes:
        scheme_id: the scheme this key belongs to (32 hex).
        kdf: Argon2id settings for the passphrase.
        sealed: the private key sealed under the passphrase's key.
    """

    scheme_id: str
    kdf: KdfParams
    sealed: WrappedKey

    def context(self) -> bytes:
        """Associated data: every field but the nonce and the sealed key, canonical JSON."""
        return json.dumps(self._public_fields(), sort_keys=True, separators=(",", ":")).encode()

    def _public_fields(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "scheme_id": self.scheme_id,
            "kdf": kdf.params_to_document(self.kdf),
            "wrap": {"name": WRAP_NAME},
        }

    def to_bytes(self) -> bytes:
        """The file's bytes."""
        doc = self._public_fields()
        doc["wrap"]["nonce"] = _b64(self.sealed.nonce)
        doc["wrap"]["sealed_key"] = _b64(self.sealed.ciphertext)
        return (json.dumps(doc, indent=2, sort_keys=True) + "\n").encode("utf-8")

    @classmethod
    def seal(cls, keypair: HybridKeyPair, scheme_id: str, passphrase: str) -> SchemeKeyFile:
        """Seal ``keypair`` under ``passphrase`` with fresh KDF settings."""
        params = kdf.default_params()
        header = cls(scheme_id, params, WrappedKey(b"", b""))
        kek = kdf.derive_kek(passphrase, params)
        try:
            sealed = seal_bytes(keypair.private_bytes(), kek, header.context())
        finally:
            kek.wipe()
        return cls(scheme_id, params, sealed)

    def open(self, passphrase: str) -> HybridKeyPair:
        """The private key.

        Raises:
            WrongPassphrase: wrong passphrase, or a public field was changed.
        """
        kek = kdf.derive_kek(passphrase, self.kdf)
        try:
            private = open_bytes(self.sealed, kek, self.context(), PRIVATE_LENGTH)
        except UnwrapFailed:
            raise WrongPassphrase(WRONG_PASSPHRASE_MESSAGE) from None
        finally:
            kek.wipe()
        return HybridKeyPair.from_private_bytes(private)

    @classmethod
    def from_bytes(cls, data: bytes) -> SchemeKeyFile:
        """Parse and check a key file; sizes and KDF bounds before any derivation.

        Raises:
            MadeByNewerVersion, CorruptFile.
        """
        try:
            doc = json.loads(data.decode("utf-8"))
        except (ValueError, RecursionError):
            raise _corrupt() from None
        if not isinstance(doc, dict) or doc.get("format") != FORMAT:
            raise _corrupt()
        version = doc.get("version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise _corrupt()
        if version > VERSION:
            raise MadeByNewerVersion(
                "This scheme key was made by a newer version of mentorpair. Please update "
                "the app to use it. Nothing was changed."
            )
        try:
            kdf_doc, wrap_doc = doc["kdf"], doc["wrap"]
            if (
                set(doc) != _TOP_FIELDS
                or not isinstance(wrap_doc, dict)
                or set(wrap_doc) != _WRAP_FIELDS
                or wrap_doc["name"] != WRAP_NAME
                or not isinstance(doc["scheme_id"], str)
                or not _SCHEME_ID.fullmatch(doc["scheme_id"])
            ):
                raise _corrupt()
            params = kdf.params_from_document(kdf_doc)
            sealed = WrappedKey(_unb64(wrap_doc["nonce"]), _unb64(wrap_doc["sealed_key"]))
        except (KeyError, TypeError, ValueError, binascii.Error):
            raise _corrupt() from None
        if (
            len(sealed.nonce) != NONCE_LENGTH
            or len(sealed.ciphertext) != PRIVATE_LENGTH + TAG_LENGTH
            or len(params.salt) != SALT_LENGTH
        ):
            raise _corrupt()
        try:
            kdf.check_params(params)
        except CorruptFile:
            raise _corrupt() from None
        return cls(doc["scheme_id"], params, sealed)


def read_key_file(path: Path) -> SchemeKeyFile:
    """Read a key file, refusing an oversized one before reading it whole."""
    with translate_os_errors(), path.open("rb") as handle:
        data = handle.read(MAX_SIZE + 1)
    if len(data) > MAX_SIZE:
        raise _corrupt()
    return SchemeKeyFile.from_bytes(data)


def open_key_file(path: Path, passphrase: str) -> tuple[str, HybridKeyPair]:
    """The scheme id and the private key from a key file.

    Raises:
        WrongPassphrase: "That passphrase does not open this scheme key."
        CorruptFile, MadeByNewerVersion, NotFound, PermissionDenied, DiskError.
    """
    key_file = read_key_file(path)
    return key_file.scheme_id, key_file.open(passphrase)


def key_matches_scheme(scheme_id: str, keypair: HybridKeyPair, scheme: Scheme) -> bool:
    """Whether a key file and a scheme file belong together."""
    return scheme_id == scheme.scheme_id and keypair.public_bytes() == scheme.coordinator_key


def scheme_path_beside(key_path: Path) -> Path:
    """Where init-scheme put the public scheme file for this key file."""
    return key_path.with_suffix(EXTENSION)


# ----------------------------------------------------------------- new schemes
@dataclass(frozen=True, slots=True)
class CreatedScheme:
    """What :func:`init_scheme` wrote."""

    scheme: Scheme
    scheme_path: Path
    key_path: Path


def slug(name: str) -> str:
    """A file name stem from a scheme name ("North London Mentoring" → "north-london-mentoring")."""
    words = re.findall(r"[^\W_]+", name.casefold())
    return "-".join(words)[:60].strip("-") or "scheme"


def init_scheme(
    folder: Path,
    name: str,
    passphrase: str,
    periods: Sequence[Period],
    questions: Sequence[Question] | None = None,
    min_group: int = DEFAULT_MIN_GROUP,
    min_comments: int = DEFAULT_MIN_COMMENTS,
) -> CreatedScheme:
    """Make a scheme: key pair, ``<slug>.mpschemekey`` and ``<slug>.mpscheme`` in ``folder``.

    Both files are owner-only and neither is ever overwritten.

    Raises:
        InvalidScheme: a setting is out of range.
        SchemeFilesExist: either file is already there.
        DiskFull, PermissionDenied, NotFound, DiskError.
    """
    keypair = HybridKeyPair.generate()
    scheme = new_scheme(name, keypair.public_bytes(), periods, questions, min_group, min_comments)
    stem = slug(scheme.name)
    scheme_path = folder / f"{stem}{EXTENSION}"
    key_path = folder / f"{stem}{KEY_EXTENSION}"
    if scheme_path.exists() or key_path.exists():
        raise SchemeFilesExist()
    key_bytes = SchemeKeyFile.seal(keypair, scheme.scheme_id, passphrase).to_bytes()
    _create_new(key_path, key_bytes)
    try:
        _create_new(scheme_path, scheme.to_json().encode("utf-8"))
    except BaseException:
        with contextlib.suppress(OSError):
            key_path.unlink()
        raise
    with translate_os_errors():
        fsync_folder(folder)
    return CreatedScheme(scheme, scheme_path, key_path)


def _create_new(path: Path, data: bytes) -> None:
    """Write a new owner-only file; refuse if it exists (O_EXCL, no race)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    with translate_os_errors():
        try:
            fd = os.open(path, flags, 0o600)
        except FileExistsError:
            raise SchemeFilesExist() from None
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        except BaseException:
            with contextlib.suppress(OSError):
                path.unlink()
            raise


def _corrupt() -> CorruptFile:
    return CorruptFile(
        "This scheme key file is damaged or was changed outside mentorpair, so it cannot "
        "be used. Nothing was changed. If you have a backup of it, use that instead."
    )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(value: object) -> bytes:
    if not isinstance(value, str):
        raise TypeError("expected a string")
    return base64.b64decode(value, validate=True)
