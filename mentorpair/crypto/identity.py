"""A person's long-term keys: who they are to their partners.

Each vault holds one identity, made when the vault is created and kept only
inside it:

* Ed25519 to sign everything the person authors (events, invitations);
* X25519 and ML-KEM-768, which together form the hybrid post-quantum HPKE key
  (RFC 9180 with the ML-KEM-768 + X25519 KEM) partners encrypt to, so a copy
  recorded today stays closed even against a future quantum computer.

The fingerprint is a short, stable rendering of all three public keys that two
people can read aloud to each other. Its shape follows Signal's safety number
(iterated SHA-512, 30 digits in groups of five): a pair's safety code is the
two partners' fingerprints side by side.
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric import ed25519, mlkem, x25519

__all__ = [
    "FINGERPRINT_ITERATIONS",
    "SIGNATURE_LENGTH",
    "Identity",
    "PublicIdentity",
    "fingerprint",
    "safety_code",
]

ED25519_LENGTH = 32
X25519_LENGTH = 32
MLKEM768_SEED_LENGTH = 64
MLKEM768_PUBLIC_LENGTH = 1184
SIGNATURE_LENGTH = 64

FINGERPRINT_VERSION = b"\x00\x01"
DEVICE_DOMAIN = b"mentorpair/v2/device-id\x00"
FINGERPRINT_DOMAIN = b"mentorpair/v1/identity-fingerprint"
#: Signal's count: enough to make a brute-force search for a look-alike costly.
FINGERPRINT_ITERATIONS = 5200


@dataclass(frozen=True, slots=True)
class PublicIdentity:
    """The public half of an identity: what an invitation carries.

    Attributes:
        signing: Ed25519 public key, 32 bytes.
        agreement: X25519 public key, 32 bytes.
        kem: ML-KEM-768 encapsulation key, 1184 bytes.
    """

    signing: bytes
    agreement: bytes
    kem: bytes

    def __post_init__(self) -> None:
        if (
            not all(isinstance(v, bytes) for v in (self.signing, self.agreement, self.kem))
            or len(self.signing) != ED25519_LENGTH
            or len(self.agreement) != X25519_LENGTH
            or len(self.kem) != MLKEM768_PUBLIC_LENGTH
        ):
            raise ValueError("public keys have the wrong type or size")

    def __repr__(self) -> str:
        return f"<PublicIdentity {self.signing[:4].hex()}…>"

    def encoded(self) -> bytes:
        """All three keys in one fixed-layout byte string."""
        return self.signing + self.agreement + self.kem

    @property
    def device_id(self) -> str:
        """This key's chain id in a pair's log (32 hex digits; ``docs/formats/sync.md``).

        Derived from the signing key, so a change can only be credited to the
        device whose key signed it, and a rejected key's changes are found by it.
        """
        return hashlib.sha256(DEVICE_DOMAIN + self.signing).digest()[:16].hex()

    def hpke_public_key(self) -> hpke.MLKEM768X25519PublicKey:
        """The hybrid key partners seal messages to."""
        return hpke.MLKEM768X25519PublicKey(
            mlkem.MLKEM768PublicKey.from_public_bytes(self.kem),
            x25519.X25519PublicKey.from_public_bytes(self.agreement),
        )

    def verify_key(self) -> ed25519.Ed25519PublicKey:
        """The key that checks this person's signatures."""
        return ed25519.Ed25519PublicKey.from_public_bytes(self.signing)

    def hybrid_public_bytes(self) -> bytes:
        """The HPKE key in :mod:`mentorpair.crypto.hybrid`'s encoding."""
        return self.kem + self.agreement

    def verifies(self, signature: bytes, message: bytes) -> bool:
        """Whether ``signature`` is this person's Ed25519 signature over ``message``."""
        if not isinstance(signature, bytes) or len(signature) != SIGNATURE_LENGTH:
            return False
        try:
            self.verify_key().verify(signature, message)
        except InvalidSignature:
            return False
        return True


class Identity:
    """The private keys of one person. Lives only inside their vault."""

    __slots__ = ("_agreement", "_kem", "_signing")

    def __init__(
        self,
        signing: ed25519.Ed25519PrivateKey,
        agreement: x25519.X25519PrivateKey,
        kem: mlkem.MLKEM768PrivateKey,
    ) -> None:
        self._signing = signing
        self._agreement = agreement
        self._kem = kem

    @classmethod
    def generate(cls) -> Identity:
        """Fresh keys from the operating system's CSPRNG."""
        return cls(
            ed25519.Ed25519PrivateKey.generate(),
            x25519.X25519PrivateKey.generate(),
            mlkem.MLKEM768PrivateKey.generate(),
        )

    @classmethod
    def from_private_bytes(cls, signing: bytes, agreement: bytes, kem_seed: bytes) -> Identity:
        """Rebuild an identity from what :meth:`private_bytes` returned."""
        if (
            len(signing) != ED25519_LENGTH
            or len(agreement) != X25519_LENGTH
            or len(kem_seed) != MLKEM768_SEED_LENGTH
        ):
            raise ValueError("private keys have the wrong size")
        return cls(
            ed25519.Ed25519PrivateKey.from_private_bytes(signing),
            x25519.X25519PrivateKey.from_private_bytes(agreement),
            mlkem.MLKEM768PrivateKey.from_seed_bytes(kem_seed),
        )

    def private_bytes(self) -> tuple[bytes, bytes, bytes]:
        """(signing, agreement, ML-KEM seed): only for storing inside the vault."""
        return (
            self._signing.private_bytes_raw(),
            self._agreement.private_bytes_raw(),
            self._kem.private_bytes_raw(),
        )

    def public(self) -> PublicIdentity:
        """The public keys, safe to hand to anyone."""
        return PublicIdentity(
            signing=self._signing.public_key().public_bytes_raw(),
            agreement=self._agreement.public_key().public_bytes_raw(),
            kem=self._kem.public_key().public_bytes_raw(),
        )

    def sign(self, message: bytes) -> bytes:
        """An Ed25519 signature by this person over ``message``."""
        return self._signing.sign(message)

    def hpke_private_key(self) -> hpke.MLKEM768X25519PrivateKey:
        """The hybrid key that opens what partners sealed to us."""
        return hpke.MLKEM768X25519PrivateKey(self._kem, self._agreement)

    def __repr__(self) -> str:
        return "<Identity (private keys hidden)>"


def fingerprint(public: PublicIdentity) -> str:
    """Thirty digits in six groups of five, e.g. ``"01234 56789 …"``.

    Iterated SHA-512 over the versioned encoding of all public keys, as in
    Signal's safety number; each group is five bytes of the digest modulo 10^5.
    """
    return _fingerprint(public.encoded())


@functools.lru_cache(maxsize=64)
def _fingerprint(keys: bytes) -> str:
    # Costly on purpose (5,200 hashes, ~25 ms); the pair views ask often.
    digest = hashlib.sha512(FINGERPRINT_VERSION + FINGERPRINT_DOMAIN + keys).digest()
    for _ in range(FINGERPRINT_ITERATIONS - 1):
        digest = hashlib.sha512(digest + keys).digest()
    groups = [int.from_bytes(digest[i : i + 5], "big") % 100_000 for i in range(0, 30, 5)]
    return " ".join(f"{g:05d}" for g in groups)


def safety_code(mine: PublicIdentity, theirs: PublicIdentity) -> str:
    """The pair's safety code: 60 digits in 12 groups of five.

    Both fingerprints side by side, the one of the lower key first, so both
    partners see the same code (Signal's safety number). A changed key on
    either side changes half of it.
    """
    halves = sorted([(mine.encoded(), fingerprint(mine)), (theirs.encoded(), fingerprint(theirs))])
    return f"{halves[0][1]} {halves[1][1]}"
