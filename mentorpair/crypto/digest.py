"""The one hash function for content: SHA-256 (hash chains, file names), and its HMAC."""

from __future__ import annotations

import hashlib
import hmac

__all__ = ["DIGEST_LENGTH", "hmac_sha256", "same_digest", "sha256"]

DIGEST_LENGTH = 32


def sha256(*parts: bytes) -> bytes:
    """SHA-256 over the concatenated parts; callers use fixed-length or tagged parts."""
    h = hashlib.sha256()
    for part in parts:
        h.update(part)
    return h.digest()


def hmac_sha256(key: bytes, *parts: bytes) -> bytes:
    """HMAC-SHA256 (RFC 2104) under ``key`` over the concatenated parts."""
    if not isinstance(key, bytes) or not key:
        raise ValueError("an HMAC key must be non-empty bytes")
    mac = hmac.new(key, digestmod=hashlib.sha256)
    for part in parts:
        mac.update(part)
    return mac.digest()


def same_digest(a: bytes, b: bytes) -> bool:
    """Whether two digests or MACs are equal, in time that does not depend on where they differ."""
    return hmac.compare_digest(a, b)
