"""A key held in a buffer we can overwrite when it is no longer needed.

Python cannot promise that no copy of a secret survives (the interpreter and
the libraries we call may copy it), so wiping is best effort. It still shortens
the time key material sits in memory after a lock, which is what the lock
promise asks of us. ``docs/SECURITY.md`` states this limit plainly.
"""

from __future__ import annotations

from typing import NoReturn

__all__ = ["SecretKey"]


class SecretKey:
    """Key bytes that can be wiped, and that never print themselves.

    Attributes:
        purpose: a short label for debugging ("vault key"); never the key itself.
    """

    __slots__ = ("_buf", "purpose")

    def __init__(self, key: bytes | bytearray, purpose: str) -> None:
        if not isinstance(key, bytes | bytearray) or len(key) == 0:
            raise ValueError("key must be non-empty bytes")
        self._buf: bytearray | None = bytearray(key)
        self.purpose = purpose

    def reveal(self) -> bytes:
        """Return the key bytes for a primitive that needs them right now."""
        if self._buf is None:
            raise RuntimeError(f"{self.purpose} was already wiped")
        return bytes(self._buf)

    def __len__(self) -> int:
        return 0 if self._buf is None else len(self._buf)

    @property
    def wiped(self) -> bool:
        """True once :meth:`wipe` has run."""
        return self._buf is None

    def wipe(self) -> None:
        """Overwrite the buffer with zeros and forget it."""
        if self._buf is not None:
            for i in range(len(self._buf)):
                self._buf[i] = 0
            self._buf = None

    def __repr__(self) -> str:
        state = "wiped" if self._buf is None else f"{len(self._buf)} bytes"
        return f"<SecretKey {self.purpose}: {state}>"

    __str__ = __repr__

    def __reduce__(self) -> NoReturn:
        raise TypeError("secret keys cannot be pickled")
