"""Database.interrupt: it stops an interruptible read, and nothing else (issue 12)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3

from mentorpair.storage.database import Database, is_interrupted
from mentorpair.storage.vault import Vault
from tests.unit.storage.support import PASSPHRASE

# Counts to a billion: minutes of work unless something stops it. It calls
# started() first, so the test knows the statement is running.
ENDLESS = (
    "WITH RECURSIVE c(x) AS (SELECT started() UNION ALL SELECT x + 1 FROM c"
    " WHERE x < 1000000000) SELECT count(*) FROM c"
)
# About a tenth of a second of work, also calling started() first.
SHORT = (
    "WITH RECURSIVE c(x) AS (SELECT started() UNION ALL SELECT x + 1 FROM c"
    " WHERE x < 300000) SELECT count(*) FROM c"
)


@pytest.fixture
def db(vault_folder: Path) -> Iterator[Database]:
    vault = Vault.open(vault_folder, PASSPHRASE)
    yield vault.db
    vault.close()


def in_thread(
    db: Database, sql: str, interruptible: bool
) -> tuple[threading.Thread, dict[str, Any]]:
    """Run ``sql`` on a thread; return it and where its outcome lands, once it ran."""
    started = threading.Event()
    outcome: dict[str, Any] = {"started": started}

    def mark() -> int:
        started.set()
        return 1

    db._connection().create_function("started", 0, mark)

    def run() -> None:
        try:
            outcome["rows"] = db.query(sql, interruptible=interruptible)
        except BaseException as exc:
            outcome["error"] = exc

    thread = threading.Thread(target=run)
    thread.start()
    assert started.wait(10)
    return thread, outcome


def test_interrupt_stops_a_long_read_and_the_connection_stays_usable(db):
    thread, outcome = in_thread(db, ENDLESS, interruptible=True)
    assert db.interrupt()
    thread.join(10)
    assert not thread.is_alive()
    assert "rows" not in outcome
    assert isinstance(outcome["error"], sqlcipher3.OperationalError)
    assert is_interrupted(outcome["error"])
    # Nothing lingers: the next statements, reads and writes, run normally.
    assert db.query("SELECT 1") == [(1,)]
    with db.transaction():
        db.execute("INSERT INTO meta (key, value) VALUES ('probe', 'x')")
    assert db.query_one("SELECT value FROM meta WHERE key = 'probe'") == ("x",)


def test_interrupt_never_touches_a_read_that_did_not_ask_for_it(db):
    # A sync's reads share the connection: interrupting a search must never
    # cut one of them short.
    thread, outcome = in_thread(db, SHORT, interruptible=False)
    assert not db.interrupt()
    thread.join(10)
    assert outcome.get("error") is None
    assert outcome["rows"] == [(300000,)]


def test_an_interrupt_with_nothing_running_changes_nothing(db):
    assert not db.interrupt()
    assert db.query("SELECT 1", interruptible=True) == [(1,)]
    assert db.query("SELECT 2") == [(2,)]


def test_is_interrupted_tells_the_interrupt_from_other_errors(db):
    with pytest.raises(sqlcipher3.OperationalError) as info:
        db.query("SELECT * FROM no_such_table")
    assert not is_interrupted(info.value)
    assert not is_interrupted(RuntimeError("interrupted"))
