"""One SQLCipher connection: transactions, named parameters, error translation.

SQLite's errors reach us as ``sqlcipher3`` exceptions with an error code. The
ones that describe the environment (disk full, read-only, busy, not a
database) become known errors with plain messages; the rest are bugs and
propagate unchanged to the crash handler.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

import sqlcipher3

from mentorpair.errors import (
    CorruptFile,
    DiskError,
    DiskFull,
    PermissionDenied,
    VaultBusy,
    VaultMismatch,
)
from mentorpair.storage.oserrors import translate_os_errors

__all__ = ["Database", "Params", "Row", "is_interrupted", "translate_sqlite_errors"]

#: Query parameters are always named (``:name``), never positional.
Params = Mapping[str, Any]
Row = tuple[Any, ...]

# Primary result codes (https://www.sqlite.org/rescode.html).
SQLITE_PERM = 3
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_INTERRUPT = 9
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26

NOT_A_DATABASE_MESSAGE = (
    "The vault's database cannot be read with its key file: either the database is "
    "damaged, or the key file belongs to another vault. Nothing was changed. If you "
    "have a backup of the vault folder, restore both files from it together."
)


@contextmanager
def translate_sqlite_errors() -> Iterator[None]:
    """Re-raise SQLite's environment errors as known errors.

    SQLCipher reports a wrong key as ``SQLITE_NOTADB`` on the first read; by
    then our own key file has already accepted the passphrase, so the database
    and key file do not belong together (or the database is damaged).
    """
    try:
        with translate_os_errors():
            yield
    except sqlcipher3.DatabaseError as exc:
        code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
        if code == SQLITE_NOTADB:
            raise VaultMismatch(NOT_A_DATABASE_MESSAGE) from None
        if code == SQLITE_CORRUPT:
            raise CorruptFile() from None
        if code == SQLITE_FULL:
            raise DiskFull() from None
        if code in (SQLITE_READONLY, SQLITE_PERM, SQLITE_CANTOPEN):
            raise PermissionDenied() from None
        if code in (SQLITE_BUSY, SQLITE_LOCKED):
            raise VaultBusy() from None
        if code == SQLITE_IOERR:
            raise DiskError() from None
        raise


def is_interrupted(exc: BaseException) -> bool:
    """Whether ``exc`` is SQLite saying :meth:`Database.interrupt` stopped the query."""
    if not isinstance(exc, sqlcipher3.OperationalError):
        return False
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return (code & 0xFF) == SQLITE_INTERRUPT
    return str(exc) == "interrupted"  # older bindings carry only the message


class Database:
    """A keyed SQLCipher connection in autocommit mode.

    Writes go through :meth:`transaction`, which holds the write lock from the
    start (``BEGIN IMMEDIATE``) so a transaction never fails half-way for lock
    reasons. The connection may be opened on a worker thread and used on the UI
    thread; an internal lock keeps one thread in it at a time.

    A read that may be cancelled (a search on a pool thread, replaced by a
    newer one) is run with ``interruptible=True``; :meth:`interrupt` stops
    such a read and nothing else, so no other thread's statement on the
    shared connection is ever cut short.
    """

    def __init__(self, connection: sqlcipher3.Connection) -> None:
        self._conn = connection
        self._lock = threading.RLock()
        self._depth = 0
        #: Guards :attr:`_interruptible`; never held while waiting for :attr:`_lock`.
        self._interrupt_guard = threading.Lock()
        #: True while an interruptible read runs (its thread holds :attr:`_lock`).
        self._interruptible = False
        #: Between detach and attach (a key rotation swapping the file), the
        #: database is not closed: other threads wait on the lock for the new one.
        self._swapping = False

    @property
    def swapping(self) -> bool:
        """True between :meth:`detach` and :meth:`attach`."""
        return self._swapping

    @property
    def in_transaction(self) -> bool:
        """True while some thread is inside :meth:`transaction`."""
        return self._depth > 0

    @property
    def closed(self) -> bool:
        """True after :meth:`close` (not while a rotation swaps the connection)."""
        return self._conn is None and not self._swapping

    def query(
        self, sql: str, params: Params | None = None, *, interruptible: bool = False
    ) -> list[Row]:
        """Run a read and return every row.

        Args:
            sql: the statement, with named parameters.
            params: their values.
            interruptible: :meth:`interrupt` may stop this read; it then raises
                the OperationalError that :func:`is_interrupted` recognises.
        """
        with self._lock, translate_sqlite_errors():
            conn = self._connection()
            if not interruptible:
                return list(conn.execute(sql, dict(params or {})).fetchall())
            with self._interrupt_guard:
                self._interruptible = True
            try:
                return list(conn.execute(sql, dict(params or {})).fetchall())
            finally:
                # Cleared before the lock is released: an interrupt can never
                # reach the next statement, whoever runs it.
                with self._interrupt_guard:
                    self._interruptible = False

    def interrupt(self) -> bool:
        """Stop the interruptible read running now, from any thread; True if one ran.

        Never waits for the connection's lock (the read holds it). A read
        that is about to finish may still complete; a read that has not
        started yet is not affected.
        """
        with self._interrupt_guard:
            conn = self._conn
            if not self._interruptible or conn is None:
                return False
            conn.interrupt()
            return True

    def query_one(self, sql: str, params: Params | None = None) -> Row | None:
        """Run a read and return its first row, or None."""
        rows = self.query(sql, params)
        return rows[0] if rows else None

    def execute(self, sql: str, params: Params | None = None) -> None:
        """Run one statement; outside a transaction it commits on its own."""
        with self._lock, translate_sqlite_errors():
            self._connection().execute(sql, dict(params or {}))

    def execute_many(self, sql: str, rows: Sequence[Params]) -> None:
        """Run one statement for each parameter set."""
        with self._lock, translate_sqlite_errors():
            self._connection().executemany(sql, [dict(r) for r in rows])

    def pragma(self, statement: str) -> Any:
        """Run a PRAGMA and return its first value (None if it returns nothing)."""
        with self._lock, translate_sqlite_errors():
            row = self._connection().execute(f"PRAGMA {statement}").fetchone()
        return None if row is None else row[0]

    @contextmanager
    def transaction(self) -> Iterator[Database]:
        """All statements inside commit together, or none do.

        Nested use joins the outer transaction.
        """
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield self
                finally:
                    self._depth -= 1
                return
            conn = self._connection()
            with translate_sqlite_errors():
                conn.execute("BEGIN IMMEDIATE")
            self._depth = 1
            try:
                yield self
            except BaseException:
                self._depth = 0
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            self._depth = 0
            try:
                with translate_sqlite_errors():
                    conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise

    def backup_to(
        self,
        target: Database,
        pages: int = -1,
        progress: Callable[[int, int], None] | None = None,
    ) -> None:
        """Copy the whole database into ``target`` with SQLite's online backup API.

        Args:
            target: an open, keyed database; SQLCipher re-encrypts each page
                under ``target``'s key, which is how the vault key rotates.
            pages: pages per step (-1: all at once).
            progress: called after each step with (pages copied, pages in all).
        """

        def report(_status: int, remaining: int, total: int) -> None:
            if progress is not None:
                progress(total - remaining, total)

        with self._lock, translate_sqlite_errors():
            self._connection().backup(target._connection(), pages=pages, progress=report)

    @contextmanager
    def held(self) -> Iterator[None]:
        """Keep other threads out for a whole multi-step operation (a key rotation)."""
        with self._lock:
            yield

    def detach(self) -> sqlcipher3.Connection:
        """Take the connection out, leaving this object closed until :meth:`attach`."""
        with self._lock:
            conn = self._connection()
            self._swapping = True
            self._conn = None
            return conn

    def attach(self, connection: sqlcipher3.Connection) -> None:
        """Use ``connection`` from now on (after a key rotation replaced the file).

        The object stays the same, so everything holding the vault's database
        keeps working across the swap.
        """
        with self._lock:
            if self._conn is not None:
                raise RuntimeError("a connection is already attached")
            self._conn = connection
            self._swapping = False

    def close(self) -> None:
        """Close the connection; SQLCipher wipes its copy of the key."""
        with self._lock:
            self._swapping = False
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def _connection(self) -> sqlcipher3.Connection:
        if self._conn is None:
            raise RuntimeError("the vault is locked")
        return self._conn
