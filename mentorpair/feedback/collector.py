"""The collector's identity: a public card (``.mpcollector``) and a sealed key file.

A collector is someone the scheme trusts to stand between the people who give
feedback and the coordinator — a Freedom to Speak Up Guardian, an L&D
officer. They make their keys with ``mentorpair coordinator collector init``,
keep the key file (``.mpcollectorkey``, sealed under their passphrase like
the coordinator's, ``feedback/keystore.py``) and hand the card to the
coordinator, who names it in the scheme file. The card holds two public keys:
the hybrid HPKE key that the outer layer of every feedback file is sealed to,
and the Ed25519 key that signs every batch the collector releases.

The card lists the aggregation modes the collector's app can do; only
``"batch"`` exists now. A later two-party mode (Prio3 under IETF DAP, where
collector and coordinator each hold one share and only sums leave) adds a
name there and in the scheme, without changing these keys.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass, field
from pathlib import Path

from mentorpair.crypto import signing
from mentorpair.crypto.hybrid import PUBLIC_LENGTH, HybridKeyPair
from mentorpair.crypto.random import random_bytes
from mentorpair.crypto.signing import SigningKey
from mentorpair.errors import CorruptFile, MadeByNewerVersion
from mentorpair.feedback.keystore import (
    COLLECTOR_KEY,
    SchemeKeyFile,
    read_key_file,
    slug,
    write_pair,
)
from mentorpair.feedback.scheme import AGGREGATION_BATCH, MAX_COLLECTOR_NAME, Collector, Scheme
from mentorpair.storage.oserrors import translate_os_errors

__all__ = [
    "CARD_EXTENSION",
    "KEY_EXTENSION",
    "CollectorCard",
    "CollectorKeyMismatch",
    "CollectorKeys",
    "CreatedCollector",
    "init_collector",
    "load_card",
    "open_collector_key",
    "parse_card",
]

CARD_FORMAT = "mentorpair-collector"
CARD_VERSION = 1
CARD_EXTENSION = ".mpcollector"
KEY_EXTENSION = ".mpcollectorkey"
MAX_CARD_SIZE = 16 * 1024
_CARD_FIELDS = {"format", "version", "name", "key", "signing_key", "aggregation"}


class CollectorKeyMismatch(CorruptFile):
    """The collector's key file is not the one the scheme names."""

    default_message = (
        "This collector key is not the one this scheme names as its collector, so "
        "nothing was read or released. Use the key file you made for this scheme."
    )


def _invalid_card() -> CorruptFile:
    return CorruptFile(
        "This collector card is damaged or is not a mentorpair collector card. Ask the "
        "collector to send their .mpcollector file again. Nothing was made."
    )


@dataclass(frozen=True, slots=True)
class CollectorCard:
    """The collector's public card.

    Attributes:
        name: how people see them, e.g. "Freedom to Speak Up Guardian".
        key: hybrid public key (HPKE) for the outer layer.
        signing_key: Ed25519 public key for batch manifests.
        aggregation: the modes their app can do, ``("batch",)`` for now.
    """

    name: str
    key: bytes = field(repr=False)
    signing_key: bytes = field(repr=False)
    aggregation: tuple[str, ...] = (AGGREGATION_BATCH,)

    def collector(self) -> Collector:
        """The collector entry for a scheme file (batch mode)."""
        return Collector(self.name, self.key, self.signing_key, AGGREGATION_BATCH)

    def to_json(self) -> str:
        """The card's text."""
        doc = {
            "format": CARD_FORMAT,
            "version": CARD_VERSION,
            "name": self.name,
            "key": base64.b64encode(self.key).decode("ascii"),
            "signing_key": base64.b64encode(self.signing_key).decode("ascii"),
            "aggregation": list(self.aggregation),
        }
        return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def parse_card(data: bytes) -> CollectorCard:
    """Parse and check a collector card.

    Raises:
        MadeByNewerVersion, CorruptFile.
    """
    try:
        doc = json.loads(data.decode("utf-8"))
    except (ValueError, RecursionError):
        raise _invalid_card() from None
    if not isinstance(doc, dict) or doc.get("format") != CARD_FORMAT:
        raise _invalid_card()
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _invalid_card()
    if version > CARD_VERSION:
        raise MadeByNewerVersion(
            "This collector card was made by a newer version of mentorpair. Please update "
            "the app to use it. Nothing was made."
        )
    try:
        name, modes = doc["name"], doc["aggregation"]
        if set(doc) != _CARD_FIELDS or not isinstance(name, str) or not isinstance(modes, list):
            raise _invalid_card()
        card = CollectorCard(
            name=name,
            key=base64.b64decode(doc["key"], validate=True),
            signing_key=base64.b64decode(doc["signing_key"], validate=True),
            aggregation=tuple(str(m) for m in modes),
        )
    except (KeyError, TypeError, ValueError, binascii.Error):
        raise _invalid_card() from None
    if (
        len(card.key) != PUBLIC_LENGTH
        or len(card.signing_key) != signing.PUBLIC_LENGTH
        or not 0 < len(card.name) <= MAX_COLLECTOR_NAME
        or card.name != card.name.strip()
        or not card.name.isprintable()
        or AGGREGATION_BATCH not in card.aggregation
    ):
        raise _invalid_card()
    return card


def load_card(path: Path) -> CollectorCard:
    """Read a collector card, refusing an oversized one unread."""
    with translate_os_errors(), path.open("rb") as handle:
        data = handle.read(MAX_CARD_SIZE + 1)
    if len(data) > MAX_CARD_SIZE:
        raise _invalid_card()
    return parse_card(data)


@dataclass(frozen=True, slots=True)
class CreatedCollector:
    """What :func:`init_collector` wrote."""

    card: CollectorCard
    card_path: Path
    key_path: Path


@dataclass(frozen=True, slots=True)
class CollectorKeys:
    """The collector's private keys, opened with their passphrase."""

    keypair: HybridKeyPair
    signer: SigningKey

    def check_for(self, scheme: Scheme) -> None:
        """Refuse to work on a scheme that names someone else (or no one) as collector.

        Raises:
            CollectorKeyMismatch.
        """
        collector = scheme.collector
        if (
            collector is None
            or collector.key != self.keypair.public_bytes()
            or collector.signing_key != self.signer.public_bytes()
        ):
            raise CollectorKeyMismatch()


def init_collector(folder: Path, name: str, passphrase: str) -> CreatedCollector:
    """Make a collector's keys: ``<slug>.mpcollectorkey`` (keep) and ``<slug>.mpcollector``.

    Raises:
        CorruptFile: the name is not 1 to 120 printable characters.
        SchemeFilesExist: either file is already there.
        DiskFull, PermissionDenied, NotFound, DiskError.
    """
    clean = name.strip()
    if not 0 < len(clean) <= MAX_COLLECTOR_NAME or not clean.isprintable():
        raise CorruptFile(
            f"The collector's name must be 1 to {MAX_COLLECTOR_NAME} characters on one line. "
            "Nothing was made."
        )
    keypair, signer = HybridKeyPair.generate(), SigningKey.generate()
    card = CollectorCard(clean, keypair.public_bytes(), signer.public_bytes())
    key_file = SchemeKeyFile.seal(
        keypair, random_bytes(16).hex(), passphrase, signer, kind=COLLECTOR_KEY
    )
    stem = slug(clean)
    card_path, key_path = folder / f"{stem}{CARD_EXTENSION}", folder / f"{stem}{KEY_EXTENSION}"
    write_pair(key_path, key_file.to_bytes(), card_path, card.to_json().encode("utf-8"))
    return CreatedCollector(card, card_path, key_path)


def open_collector_key(path: Path, passphrase: str) -> CollectorKeys:
    """The collector's private keys.

    Raises:
        WrongPassphrase: "That passphrase does not open this collector key."
        CorruptFile, MadeByNewerVersion, NotFound, PermissionDenied, DiskError.
    """
    keypair, signer = read_key_file(path, COLLECTOR_KEY).open_keys(passphrase)
    if signer is None:  # a collector key file always holds one; sizes were checked
        raise CorruptFile()
    return CollectorKeys(keypair, signer)
