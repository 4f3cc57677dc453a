"""Sealing a message to someone's public key (HPKE, RFC 9180), post-quantum safe.

One suite everywhere: the hybrid KEM ML-KEM-768 + X25519, HKDF-SHA256 and
ChaCha20-Poly1305, from the ``cryptography`` package. The hybrid KEM stays
closed as long as *either* half holds, so a file recorded today does not open
to a future quantum computer (ML-KEM), nor to a flaw found in the young
ML-KEM (X25519).

HPKE's base mode uses a fresh ephemeral key for every message: the sender
cannot open what they sealed, and nothing in the sealed bytes names them.
Authentication of the sender, where needed, is a signature by the caller
(pair updates); feedback is deliberately anonymous.

``info`` is bound into HPKE's key schedule: a message sealed for one purpose
(say, an update of pair A) does not open as another (feedback, or pair B).
"""

from __future__ import annotations

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric import mlkem, x25519

__all__ = [
    "ENC_LENGTH",
    "OVERHEAD",
    "PRIVATE_LENGTH",
    "PUBLIC_LENGTH",
    "HybridKeyPair",
    "OpenFailed",
    "open_sealed",
    "seal",
]

MLKEM_PUBLIC_LENGTH = 1184
MLKEM_SEED_LENGTH = 64
X25519_LENGTH = 32
#: The encoded public key: ML-KEM-768 encapsulation key, then X25519.
PUBLIC_LENGTH = MLKEM_PUBLIC_LENGTH + X25519_LENGTH
#: The encoded private key: ML-KEM-768 seed, then X25519.
PRIVATE_LENGTH = MLKEM_SEED_LENGTH + X25519_LENGTH
#: HPKE's encapsulated key for this KEM: ML-KEM ciphertext plus X25519 share.
ENC_LENGTH = 1088 + X25519_LENGTH
TAG_LENGTH = 16
#: Bytes a sealed message adds to its plaintext.
OVERHEAD = ENC_LENGTH + TAG_LENGTH

_SUITE = hpke.Suite(hpke.KEM.MLKEM768_X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.CHACHA20_POLY1305)


class OpenFailed(Exception):
    """Not sealed to this key, sealed for another purpose, or altered.

    An AEAD cannot tell these apart; the caller chooses the message.
    """


class HybridKeyPair:
    """A private hybrid key (the coordinator's scheme key, for example)."""

    __slots__ = ("_kem", "_x25519")

    def __init__(self, kem: mlkem.MLKEM768PrivateKey, agreement: x25519.X25519PrivateKey) -> None:
        self._kem = kem
        self._x25519 = agreement

    @classmethod
    def generate(cls) -> HybridKeyPair:
        """Fresh keys from the operating system's CSPRNG."""
        return cls(mlkem.MLKEM768PrivateKey.generate(), x25519.X25519PrivateKey.generate())

    @classmethod
    def from_private_bytes(cls, data: bytes) -> HybridKeyPair:
        """Rebuild from :meth:`private_bytes`.

        Raises:
            ValueError: not a private key of the right size.
        """
        if not isinstance(data, bytes) or len(data) != PRIVATE_LENGTH:
            raise ValueError("private key has the wrong size")
        return cls(
            mlkem.MLKEM768PrivateKey.from_seed_bytes(data[:MLKEM_SEED_LENGTH]),
            x25519.X25519PrivateKey.from_private_bytes(data[MLKEM_SEED_LENGTH:]),
        )

    def private_bytes(self) -> bytes:
        """Seed and X25519 key (96 bytes): store only encrypted."""
        return self._kem.private_bytes_raw() + self._x25519.private_bytes_raw()

    def public_bytes(self) -> bytes:
        """The public key to hand out (1216 bytes)."""
        return public_bytes(
            self._kem.public_key().public_bytes_raw(), self._x25519.public_key().public_bytes_raw()
        )

    def hpke_private_key(self) -> hpke.MLKEM768X25519PrivateKey:
        """The key in the form the HPKE suite takes."""
        return hpke.MLKEM768X25519PrivateKey(self._kem, self._x25519)

    def __repr__(self) -> str:
        return "<HybridKeyPair (private keys hidden)>"


def public_bytes(kem_public: bytes, x25519_public: bytes) -> bytes:
    """Encode a hybrid public key from its halves (see :data:`PUBLIC_LENGTH`)."""
    if len(kem_public) != MLKEM_PUBLIC_LENGTH or len(x25519_public) != X25519_LENGTH:
        raise ValueError("public key halves have the wrong size")
    return kem_public + x25519_public


def _public_key(encoded: bytes) -> hpke.MLKEM768X25519PublicKey:
    if not isinstance(encoded, bytes) or len(encoded) != PUBLIC_LENGTH:
        raise ValueError("public key has the wrong size")
    try:
        return hpke.MLKEM768X25519PublicKey(
            mlkem.MLKEM768PublicKey.from_public_bytes(encoded[:MLKEM_PUBLIC_LENGTH]),
            x25519.X25519PublicKey.from_public_bytes(encoded[MLKEM_PUBLIC_LENGTH:]),
        )
    except ValueError:
        raise ValueError("not a valid public key") from None


def seal(recipient: bytes, plaintext: bytes, info: bytes) -> bytes:
    """Seal ``plaintext`` so only the holder of ``recipient``'s private key opens it.

    Args:
        recipient: an encoded hybrid public key (:data:`PUBLIC_LENGTH` bytes).
        plaintext: what to seal.
        info: the purpose and context, bound into the keys; must match on opening.

    Returns:
        The encapsulated key followed by the ciphertext (``OVERHEAD`` bytes longer).
    """
    if not isinstance(plaintext, bytes) or not isinstance(info, bytes):
        raise TypeError("plaintext and info must be bytes")
    return _SUITE.encrypt(plaintext, _public_key(recipient), info=info)


def open_sealed(
    private: hpke.MLKEM768X25519PrivateKey | HybridKeyPair, sealed: bytes, info: bytes
) -> bytes:
    """Open what :func:`seal` made.

    Raises:
        OpenFailed: wrong key, other ``info``, or any byte changed.
    """
    key = private.hpke_private_key() if isinstance(private, HybridKeyPair) else private
    if not isinstance(sealed, bytes) or len(sealed) < OVERHEAD:
        raise OpenFailed("too short to be sealed")
    try:
        return _SUITE.decrypt(sealed, key, info=info)
    except (InvalidTag, ValueError):
        raise OpenFailed("does not open") from None
