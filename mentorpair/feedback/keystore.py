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

Version 2 key files also hold the scheme's Ed25519 signing key (after the
96 bytes of the hybrid key), which signs the scheme file. The collector's key
file (``.mpcollectorkey``) has the same form under its own format name, with
a ``collector_id`` in place of the scheme id.
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
from mentorpair.crypto.signing import PRIVATE_LENGTH as SIGNING_LENGTH
from mentorpair.crypto.signing import SigningKey
from mentorpair.errors import CorruptFile, KnownError, MadeByNewerVersion, WrongPassphrase
from mentorpair.feedback.scheme import (
    DEFAULT_MIN_COMMENTS,
    DEFAULT_MIN_GROUP,
    EXTENSION,
    Collector,
    Period,
    Question,
    Scheme,
    new_scheme,
)
from mentorpair.storage.atomic import fsync_folder
from mentorpair.storage.oserrors import translate_os_errors

__all__ = [
    "COLLECTOR_KEY",
    "KEY_EXTENSION",
    "SCHEME_KEY",
    "CreatedScheme",
    "KeyKind",
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
VERSION = 2
KEY_EXTENSION = ".mpschemekey"
MAX_SIZE = 64 * 1024
WRAP_NAME = "chacha20-poly1305"
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
class KeyKind:
    """Which passphrase-sealed key file: the coordinator's or the collector's.

    Attributes:
        format: the ``format`` field.
        version: the newest version this app writes and reads.
        id_field: the name of the 32-hex id field.
        noun: how messages name the file ("scheme key").
    """

    format: str
    version: int
    id_field: str
    noun: str


SCHEME_KEY = KeyKind(FORMAT, VERSION, "scheme_id", "scheme key")
COLLECTOR_KEY = KeyKind("mentorpair-collector-key", 1, "collector_id", "collector key")


@dataclass(frozen=True, slots=True)
class SchemeKeyFile:
    """The parsed key file.

    Attributes:
        scheme_id: the scheme (or, for a collector key, the collector) this key
            belongs to (32 hex).
        kdf: Argon2id settings for the passphrase.
        sealed: the private keys sealed under the passphrase's key.
        version: 1 (the hybrid key only) or 2 (and the signing key).
        kind: scheme key or collector key.
    """

    scheme_id: str
    kdf: KdfParams
    sealed: WrappedKey
    version: int = VERSION
    kind: KeyKind = SCHEME_KEY

    @property
    def sealed_length(self) -> int:
        """Bytes of private key in this version: the hybrid key, then the signing key."""
        if self.kind is SCHEME_KEY and self.version == 1:
            return PRIVATE_LENGTH
        return PRIVATE_LENGTH + SIGNING_LENGTH

    def context(self) -> bytes:
        """Associated data: every field but the nonce and the sealed key, canonical JSON."""
        return json.dumps(self._public_fields(), sort_keys=True, separators=(",", ":")).encode()

    def _public_fields(self) -> dict[str, Any]:
        return {
            "format": self.kind.format,
            "version": self.version,
            self.kind.id_field: self.scheme_id,
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
    def seal(
        cls,
        keypair: HybridKeyPair,
        scheme_id: str,
        passphrase: str,
        signer: SigningKey | None = None,
        kind: KeyKind = SCHEME_KEY,
    ) -> SchemeKeyFile:
        """Seal ``keypair`` (and ``signer``: version 2) under ``passphrase``, fresh KDF settings."""
        if signer is None and kind is not SCHEME_KEY:
            raise ValueError("a collector key always holds a signing key")
        version = kind.version if signer is not None else 1
        params = kdf.default_params()
        header = cls(scheme_id, params, WrappedKey(b"", b""), version, kind)
        private = keypair.private_bytes() + (b"" if signer is None else signer.private_bytes())
        kek = kdf.derive_kek(passphrase, params)
        try:
            sealed = seal_bytes(private, kek, header.context())
        finally:
            kek.wipe()
        return cls(scheme_id, params, sealed, version, kind)

    def open(self, passphrase: str) -> HybridKeyPair:
        """The private hybrid key.

        Raises:
            WrongPassphrase: wrong passphrase, or a public field was changed.
        """
        return self.open_keys(passphrase)[0]

    def open_keys(self, passphrase: str) -> tuple[HybridKeyPair, SigningKey | None]:
        """The private hybrid key and the signing key (None in a version 1 scheme key).

        Raises:
            WrongPassphrase: wrong passphrase, or a public field was changed.
        """
        kek = kdf.derive_kek(passphrase, self.kdf)
        try:
            private = open_bytes(self.sealed, kek, self.context(), self.sealed_length)
        except UnwrapFailed:
            raise WrongPassphrase(f"That passphrase does not open this {self.kind.noun}.") from None
        finally:
            kek.wipe()
        keypair = HybridKeyPair.from_private_bytes(private[:PRIVATE_LENGTH])
        rest = private[PRIVATE_LENGTH:]
        return keypair, SigningKey.from_private_bytes(rest) if rest else None

    @classmethod
    def from_bytes(cls, data: bytes, kind: KeyKind = SCHEME_KEY) -> SchemeKeyFile:
        """Parse and check a key file; sizes and KDF bounds before any derivation.

        Raises:
            MadeByNewerVersion, CorruptFile.
        """
        try:
            doc = json.loads(data.decode("utf-8"))
        except (ValueError, RecursionError):
            raise _corrupt(kind) from None
        if not isinstance(doc, dict) or doc.get("format") != kind.format:
            raise _corrupt(kind)
        version = doc.get("version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise _corrupt(kind)
        if version > kind.version:
            raise MadeByNewerVersion(
                f"This {kind.noun} was made by a newer version of mentorpair. Please update "
                "the app to use it. Nothing was changed."
            )
        try:
            kdf_doc, wrap_doc = doc["kdf"], doc["wrap"]
            if (
                set(doc) != {"format", "version", kind.id_field, "kdf", "wrap"}
                or not isinstance(wrap_doc, dict)
                or set(wrap_doc) != _WRAP_FIELDS
                or wrap_doc["name"] != WRAP_NAME
                or not isinstance(doc[kind.id_field], str)
                or not _SCHEME_ID.fullmatch(doc[kind.id_field])
            ):
                raise _corrupt(kind)
            params = kdf.params_from_document(kdf_doc)
            sealed = WrappedKey(_unb64(wrap_doc["nonce"]), _unb64(wrap_doc["sealed_key"]))
        except (KeyError, TypeError, ValueError, binascii.Error):
            raise _corrupt(kind) from None
        parsed = cls(doc[kind.id_field], params, sealed, version, kind)
        if (
            len(sealed.nonce) != NONCE_LENGTH
            or len(sealed.ciphertext) != parsed.sealed_length + TAG_LENGTH
            or len(params.salt) != SALT_LENGTH
        ):
            raise _corrupt(kind)
        try:
            kdf.check_params(params)
        except CorruptFile:
            raise _corrupt(kind) from None
        return parsed


def read_key_file(path: Path, kind: KeyKind = SCHEME_KEY) -> SchemeKeyFile:
    """Read a key file, refusing an oversized one before reading it whole."""
    with translate_os_errors(), path.open("rb") as handle:
        data = handle.read(MAX_SIZE + 1)
    if len(data) > MAX_SIZE:
        raise _corrupt(kind)
    return SchemeKeyFile.from_bytes(data, kind)


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
    collector: Collector | None = None,
    drop_folder: str = "",
) -> CreatedScheme:
    """Make a scheme: key pair, ``<slug>.mpschemekey`` and ``<slug>.mpscheme`` in ``folder``.

    The scheme is signed (version 2) and may name a collector (from their
    ``.mpcollector`` card) and a drop folder. Both files are owner-only and
    neither is ever overwritten.

    Raises:
        InvalidScheme: a setting is out of range.
        SchemeFilesExist: either file is already there.
        DiskFull, PermissionDenied, NotFound, DiskError.
    """
    keypair, signer = HybridKeyPair.generate(), SigningKey.generate()
    scheme = new_scheme(
        name,
        keypair.public_bytes(),
        periods,
        questions,
        min_group,
        min_comments,
        signer=signer,
        collector=collector,
        drop_folder=drop_folder,
    )
    stem = slug(scheme.name)
    scheme_path = folder / f"{stem}{EXTENSION}"
    key_path = folder / f"{stem}{KEY_EXTENSION}"
    if scheme_path.exists() or key_path.exists():
        raise SchemeFilesExist()
    key_bytes = SchemeKeyFile.seal(keypair, scheme.scheme_id, passphrase, signer).to_bytes()
    write_pair(key_path, key_bytes, scheme_path, scheme.to_json().encode("utf-8"))
    return CreatedScheme(scheme, scheme_path, key_path)


def write_pair(key_path: Path, key_bytes: bytes, public_path: Path, public_bytes: bytes) -> None:
    """Write a new key file and its public file together: both or neither.

    Raises:
        SchemeFilesExist: either file is already there.
        DiskFull, PermissionDenied, NotFound, DiskError.
    """
    _create_new(key_path, key_bytes)
    try:
        _create_new(public_path, public_bytes)
    except BaseException:
        with contextlib.suppress(OSError):
            key_path.unlink()
        raise
    with translate_os_errors():
        fsync_folder(key_path.parent)


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


def _corrupt(kind: KeyKind = SCHEME_KEY) -> CorruptFile:
    return CorruptFile(
        f"This {kind.noun} file is damaged or was changed outside mentorpair, so it cannot "
        "be used. Nothing was changed. If you have a backup of it, use that instead."
    )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(value: object) -> bytes:
    if not isinstance(value, str):
        raise TypeError("expected a string")
    return base64.b64decode(value, validate=True)
