"""A key held in a buffer we can overwrite when it is no longer needed.

What "wipe" means here, exactly: :meth:`SecretKey.wipe` overwrites *this*
bytearray with zeros. It cannot reach other copies: the immutable ``bytes``
that :meth:`SecretKey.reveal` returns, text such as a key in hex, copies that
``cryptography``, OpenSSL or SQLCipher keep inside their own objects, or pages
the operating system swapped to disk. Those live until they are garbage
collected and their memory reused. So ``crypto/`` fills keys in place
(:meth:`SecretKey.filled_by`) and lends them without copying
(:meth:`SecretKey.view`); ``reveal`` is for callers that cannot take a view.
``docs/SECURITY.md`` (Honest limits) says the same to people.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
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

    @classmethod
    def filled_by(cls, length: int, purpose: str, fill: Callable[[bytearray], object]) -> SecretKey:
        """A key that ``fill`` writes straight into our buffer (``derive_into``, ``decrypt_into``).

        No immutable copy of the key is made on the way. If ``fill`` raises,
        whatever it wrote is wiped before the error goes on.
        """
        if length <= 0:
            raise ValueError("key must be non-empty bytes")
        key = cls.__new__(cls)
        key._buf = bytearray(length)
        key.purpose = purpose
        try:
            fill(key._buf)
        except BaseException:
            key.wipe()
            raise
        return key

    @contextmanager
    def view(self) -> Iterator[memoryview]:
        """Lend the key to a primitive without copying it, for the ``with`` block only."""
        if self._buf is None:
            raise RuntimeError(f"{self.purpose} was already wiped")
        lent = memoryview(self._buf)
        try:
            yield lent
        finally:
            lent.release()

    def reveal(self) -> bytes:
        """Return an immutable copy of the key, which :meth:`wipe` cannot reach.

        Prefer :meth:`view`; this is for APIs that insist on ``bytes``.
        """
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
        """Overwrite our buffer with zeros and forget it (not copies made elsewhere)."""
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
