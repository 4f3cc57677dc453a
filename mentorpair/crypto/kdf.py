"""Passphrase → key-encryption key, with Argon2id (RFC 9106).

Parameters are stored in the vault header, so an attacker who can write that
file could try to weaken them, and a damaged file could ask for absurd memory.
:func:`check_params` therefore refuses anything outside fixed bounds *before*
any derivation runs; the header's authentication (see ``keywrap``) then proves
the parameters are the ones the vault was made with.

Two floors, on purpose: what we *write* for a new key file (at least 3 passes
over at least 64 MiB, :func:`check_new_params`) and what we still *open*
(memory × passes at least 64 MiB × 3, so a vault an earlier build made with
256 MiB and one pass keeps opening until its passphrase is next changed).
"""

from __future__ import annotations

import base64
import binascii
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from mentorpair.crypto.random import random_bytes
from mentorpair.crypto.secret import SecretKey
from mentorpair.errors import CorruptFile

__all__ = [
    "MAX_MEMORY_KIB",
    "MIN_MEMORY_KIB",
    "KdfParams",
    "calibrate",
    "check_new_params",
    "check_params",
    "derive_kek",
    "minimum_params",
]

SALT_LENGTH = 16
KEY_LENGTH = 32

#: RFC 9106's second recommended profile (64 MiB, t=3, p=4) is our floor.
MIN_MEMORY_KIB = 64 * 1024
MIN_ITERATIONS_AT_MIN_MEMORY = 3
#: memory × passes must reach the floor profile's product, whatever the mix.
MIN_COST_PRODUCT = MIN_MEMORY_KIB * MIN_ITERATIONS_AT_MIN_MEMORY
#: Above this a damaged or hostile header could exhaust memory: refuse it.
MAX_MEMORY_KIB = 2 * 1024 * 1024
MAX_ITERATIONS = 16
#: A hostile header could also ask for 2 GiB × many passes so every unlock
#: takes minutes; cap the product at what 256 MiB × 16 passes costs.
MAX_COST_PRODUCT = 256 * 1024 * MAX_ITERATIONS
LANES = 4
MAX_LANES = 16

#: Every key file we write gets at least this many passes, whatever the machine:
#: RFC 9106's second recommended option is t=3, and fewer passes let an attacker
#: trade memory for time more cheaply.
NEW_MIN_ITERATIONS = 3

#: What new vaults aim for: 256 MiB, passes chosen so one unlock takes ~0.5 s.
TARGET_MEMORY_KIB = 256 * 1024
TARGET_SECONDS = 0.5
#: If three passes at 256 MiB would take longer than this (an old laptop), we
#: use less memory rather than fewer passes or a long wait at every unlock.
MAX_SECONDS = 2.0
#: The memory sizes tried, largest first; the last is the floor.
_MEMORY_STEPS_KIB = (TARGET_MEMORY_KIB, 128 * 1024, MIN_MEMORY_KIB)


@dataclass(frozen=True, slots=True)
class KdfParams:
    """Argon2id settings for one vault.

    Attributes:
        memory_kib: memory cost in KiB.
        iterations: number of passes (t).
        lanes: parallelism (p).
        salt: random per vault, 16 bytes.
    """

    memory_kib: int
    iterations: int
    lanes: int
    salt: bytes

    def __repr__(self) -> str:
        return (
            f"KdfParams(memory_kib={self.memory_kib}, iterations={self.iterations}, "
            f"lanes={self.lanes})"
        )


def check_params(params: KdfParams) -> None:
    """Refuse parameters that are too weak or absurdly large.

    Raises:
        CorruptFile: the parameters are outside the bounds; the message says the
            key file is damaged, since we never write such values ourselves.
    """
    ok = (
        isinstance(params.salt, bytes)
        and len(params.salt) == SALT_LENGTH
        and MIN_MEMORY_KIB <= params.memory_kib <= MAX_MEMORY_KIB
        and 1 <= params.iterations <= MAX_ITERATIONS
        and MIN_COST_PRODUCT <= params.memory_kib * params.iterations <= MAX_COST_PRODUCT
        and 1 <= params.lanes <= MAX_LANES
        and params.memory_kib >= 8 * params.lanes
    )
    if not ok:
        raise CorruptFile(
            "The vault's key file asks for unsafe key settings, so it was not used. "
            "It is damaged or was changed outside mentorpair. Nothing was changed."
        )


def check_new_params(params: KdfParams) -> None:
    """Refuse to write a key file below the floor for new ones.

    :func:`check_params` still opens older, cheaper mixes; this is the
    stricter rule for what we make now.

    Raises:
        ValueError: fewer than 3 passes or less than 64 MiB; a bug, never the
            person's doing.
    """
    check_params(params)
    if params.iterations < NEW_MIN_ITERATIONS or params.memory_kib < MIN_MEMORY_KIB:
        raise ValueError(f"new key files need at least {NEW_MIN_ITERATIONS} passes and 64 MiB")


def derive_kek(passphrase: str, params: KdfParams) -> SecretKey:
    """Derive the key-encryption key from a passphrase.

    The passphrase is normalised to NFC first, so the same words typed on two
    keyboards that compose accents differently give the same key.
    """
    if not isinstance(passphrase, str) or not passphrase:
        raise ValueError("passphrase must be a non-empty string")
    check_params(params)
    material = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    kdf = Argon2id(
        salt=params.salt,
        length=KEY_LENGTH,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return SecretKey.filled_by(
        KEY_LENGTH, "key-encryption key", lambda buf: kdf.derive_into(material, buf)
    )


def minimum_params() -> KdfParams:
    """The floor profile with a fresh salt (RFC 9106 second recommendation)."""
    return KdfParams(
        memory_kib=MIN_MEMORY_KIB,
        iterations=MIN_ITERATIONS_AT_MIN_MEMORY,
        lanes=LANES,
        salt=random_bytes(SALT_LENGTH),
    )


def calibrate(target_seconds: float = TARGET_SECONDS) -> KdfParams:
    """Choose parameters for a new vault (or a new passphrase) on this machine.

    Times one pass at 256 MiB, then keeps 256 MiB unless three passes would
    take more than :data:`MAX_SECONDS` (then 128 MiB, else the 64 MiB floor),
    and picks as many passes as take about ``target_seconds``: never fewer
    than 3, never more than 16. A machine that cannot spare 256 MiB gets the
    floor profile (64 MiB, 3 passes).
    """
    salt = random_bytes(SALT_LENGTH)
    try:
        start = time.perf_counter()
        Argon2id(
            salt=salt, length=KEY_LENGTH, iterations=1, lanes=LANES, memory_cost=TARGET_MEMORY_KIB
        ).derive(b"calibration")
        one_pass = max(time.perf_counter() - start, 1e-6)
    except MemoryError:
        return minimum_params()
    # A pass costs about the same per MiB at any size, so scale the one timing.
    memory_kib = next(
        (
            m
            for m in _MEMORY_STEPS_KIB
            if NEW_MIN_ITERATIONS * one_pass * m / TARGET_MEMORY_KIB <= MAX_SECONDS
        ),
        MIN_MEMORY_KIB,
    )
    per_pass = one_pass * memory_kib / TARGET_MEMORY_KIB
    # Nearest, not floor: 0.11 s a pass gives 5 passes (0.55 s), not 4 (0.44 s).
    wanted = round(target_seconds / per_pass)
    iterations = max(NEW_MIN_ITERATIONS, min(MAX_ITERATIONS, wanted))
    params = KdfParams(memory_kib=memory_kib, iterations=iterations, lanes=LANES, salt=salt)
    check_new_params(params)
    return params


#: New vaults get their parameters from here; tests swap in ``minimum_params``.
default_params: Callable[[], KdfParams] = calibrate


#: The KDF's name in a key file's ``kdf`` object.
KDF_NAME = "argon2id"
_DOCUMENT_FIELDS = {"name", "memory_kib", "iterations", "lanes", "salt"}


def params_to_document(params: KdfParams) -> dict[str, Any]:
    """The ``kdf`` object of a key file (the vault's, the scheme coordinator's)."""
    return {
        "name": KDF_NAME,
        "memory_kib": params.memory_kib,
        "iterations": params.iterations,
        "lanes": params.lanes,
        "salt": base64.b64encode(params.salt).decode("ascii"),
    }


def params_from_document(doc: object) -> KdfParams:
    """Read a ``kdf`` object strictly: exactly its fields, whole numbers, base64 salt.

    Bounds are not checked here (see :func:`check_params`), so the caller can
    call a file damaged before it calls its settings unsafe.

    Raises:
        ValueError: anything is missing, extra or of the wrong type.
    """
    if not isinstance(doc, dict) or set(doc) != _DOCUMENT_FIELDS or doc["name"] != KDF_NAME:
        raise ValueError("not a kdf object")
    numbers = [doc[key] for key in ("memory_kib", "iterations", "lanes")]
    if any(not isinstance(n, int) or isinstance(n, bool) for n in numbers):
        raise ValueError("kdf settings must be whole numbers")
    if not isinstance(doc["salt"], str):
        raise ValueError("salt must be base64 text")
    try:
        salt = base64.b64decode(doc["salt"], validate=True)
    except binascii.Error:
        raise ValueError("salt is not base64") from None
    return KdfParams(memory_kib=numbers[0], iterations=numbers[1], lanes=numbers[2], salt=salt)
