"""A person's pairs: their events in the vault, their derived state, and search.

Every change goes through :meth:`Workspace.record`: it is stamped (its place
in the pair's causal order, ``domain/events.py``), checked against the pair's
rules by applying it to the current state *first*, and only then stored, in
one transaction together with its search entry. A refused change therefore
stores nothing, and a failed write (disk full) leaves the state as it was on
disk. State is cached per pair and rebuilt from the events when needed;
changes that arrive from elsewhere and come after everything held are applied
to the cached state, so their cost does not grow with the history.
"""

from __future__ import annotations

import json
import logging
import secrets
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from mentorpair.domain.events import Event, EventKind
from mentorpair.domain.model import NoteKind, Role
from mentorpair.domain.rules import RuleViolation, is_shareable
from mentorpair.domain.state import PairState, fold, fold_order
from mentorpair.storage.database import Database
from mentorpair.storage.snapshots import SNAPSHOT_MIN_EVENTS, Snapshots, refresh_due
from mentorpair.storage.vault import Vault

__all__ = ["SEARCH_LIMIT", "PairSummary", "SearchHit", "Workspace", "new_id"]

log = logging.getLogger(__name__)

#: Marks around matched words in search results (control characters cannot
#: appear in stored text, so they never collide with what people write).
MATCH_START, MATCH_END = "\x02", "\x03"
#: At most this many search hits: ranking, marking and showing more would take
#: longer than a person waits, and nobody reads that far (issue 12).
SEARCH_LIMIT = 1000
#: FTS5 upkeep before removals (see :meth:`Workspace._tidy_index`): segments
#: merged at a time, and pages of merge work per entry about to be removed.
USERMERGE = 2
MERGE_PAGES_PER_REMOVAL = 16
MERGE_PAGES_MIN = 16


def new_id() -> str:
    """A random id for a pair, event or thing (32 hex digits)."""
    return secrets.token_hex(16)


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class PairSummary:
    """What the sidebar shows of a pair."""

    pair_id: str
    partner_name: str
    my_role: Role
    ended: bool


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One search result; ``title`` and ``snippet`` mark matches with MATCH_START/END."""

    pair_id: str
    entity_id: str
    kind: str  # note, goal, agenda, action, suggestion
    title: str
    snippet: str
    private: bool


#: The kinds that decide a pair's line in :meth:`Workspace.pairs`.
_PAIR_SUMMARY_KINDS = frozenset({EventKind.PAIR_CREATED, EventKind.RELATIONSHIP_ENDED})


class Workspace:
    """The pairs in one open vault.

    Attributes:
        vault: the open vault.
    """

    def __init__(self, vault: Vault, clock: Callable[[], datetime] = _utc_now) -> None:
        self.vault = vault
        self._clock = clock
        self._states: dict[str, PairState] = {}
        self._last_at: dict[str, datetime] = {}
        self._origin: str | None = None
        self._snapshots = Snapshots(vault.db)
        # pairs(), kept until a pair is made, ended, set aside or destroyed: the
        # sidebar and reminders ask often, also while a long pair is being
        # opened on a pool thread, which holds the database for a while.
        self._summaries: list[PairSummary] | None = None
        self._summaries_generation = 0

    @property
    def _db(self) -> Database:
        return self.vault.db

    # ------------------------------------------------------------- pairs
    def pairs(self) -> list[PairSummary]:
        """Every pair in the vault, by partner name.

        Its cost does not grow with the history: the partner's name, this
        person's role and the ending are decided by the pair's PAIR_CREATED
        and RELATIONSHIP_ENDED events alone (no other change touches them,
        and whether these apply depends on nothing else), so only those are
        read and folded, through the (pair, kind) index.
        """
        cached = self._summaries
        if cached is not None:
            return list(cached)
        generation = self._summaries_generation
        summaries = []
        for pair_id in self._pair_ids():
            state = self._states.get(pair_id)
            if state is None:
                rows = self._db.query(
                    f"SELECT {_COLUMNS}, quarantined FROM events"  # noqa: S608 - our column list
                    " WHERE pair_id = :pair AND kind IN (:created, :ended)",
                    {
                        "pair": pair_id,
                        "created": EventKind.PAIR_CREATED.value,
                        "ended": EventKind.RELATIONSHIP_ENDED.value,
                    },
                )
                if not any(r[3] == EventKind.PAIR_CREATED.value for r in rows):
                    continue
                state = fold(pair_id, [_row_to_event(r[:-1]) for r in rows if not r[-1]])
            summaries.append(
                PairSummary(pair_id, state.partner_name, state.my_role, state.read_only)
            )
        summaries.sort(key=lambda p: (p.ended, p.partner_name.casefold(), p.pair_id))
        if generation == self._summaries_generation:  # nothing changed while we read
            self._summaries = summaries
        return list(summaries)

    def _pairs_changed(self) -> None:
        """A pair was made, ended, set aside or destroyed: pairs() reads them again."""
        self._summaries_generation += 1
        self._summaries = None

    def _pair_ids(self) -> list[str]:
        """The ids of every pair that has events, one index seek each (not a scan)."""
        rows = self._db.query(
            "WITH RECURSIVE p(id) AS ("
            " SELECT (SELECT MIN(pair_id) FROM events)"
            " UNION ALL"
            " SELECT (SELECT MIN(pair_id) FROM events WHERE pair_id > p.id) FROM p"
            " WHERE p.id IS NOT NULL)"
            " SELECT id FROM p WHERE id IS NOT NULL"
        )
        return [str(r[0]) for r in rows]

    def create_pair(self, my_role: Role, partner_name: str, pair_id: str | None = None) -> str:
        """Start a pair on this machine; return its id.

        ``pair_id`` is given when joining a pair the partner started (their
        invitation names it); otherwise a new one is made.
        """
        pair_id = pair_id or new_id()
        self._states[pair_id] = PairState(pair_id)
        self._states[pair_id].my_role = my_role
        self.record(
            pair_id, EventKind.PAIR_CREATED, my_role=my_role.value, partner_name=partner_name
        )
        return pair_id

    def now(self) -> datetime:
        """This workspace's clock (tests pass their own)."""
        return self._clock()

    @property
    def origin(self) -> str:
        """This device's chain id: every change made here is stamped with it."""
        if self._origin is None:
            self._origin = self.vault.device().public().device_id
        return self._origin

    def has_pair(self, pair_id: str) -> bool:
        """Whether the pair exists in this vault."""
        row = self._db.query_one(
            "SELECT 1 FROM events WHERE pair_id = :pair AND kind = :kind LIMIT 1",
            {"pair": pair_id, "kind": EventKind.PAIR_CREATED.value},
        )
        return row is not None

    def reload(self) -> None:
        """Forget every cached state and the pair list (after a rolled-back bulk write)."""
        self._states.clear()
        self._last_at.clear()
        self._pairs_changed()

    def forget(self, pair_id: str) -> None:
        """Drop the cached state of a pair (it is rebuilt from the stored events)."""
        self._states.pop(pair_id, None)
        self._last_at.pop(pair_id, None)

    def state(self, pair_id: str) -> PairState:
        """The pair's current state (cached; on first use restored or folded, see below)."""
        state = self._states.get(pair_id)
        if state is None:
            state = self._states[pair_id] = self._open_state(pair_id)
        return state

    def _open_state(self, pair_id: str) -> PairState:
        """Restore the pair's saved state and take the events stored since, or fold them all.

        The saved state (``storage/snapshots.py``) is used when every event
        stored after it sorts after it; a change that sorts earlier (a
        partner's late delivery) means folding everything. A fold of a long
        history is saved for the next time.
        """
        marker = self._snapshots.marker()  # before reading: a change after it skips saving
        saved = self._snapshots.load(pair_id)
        if saved is not None:
            rows = self._db.query(
                f"SELECT rowid, {_COLUMNS} FROM events"  # noqa: S608 - our column list
                " WHERE pair_id = :pair AND rowid > :covers AND quarantined = 0",
                {"pair": pair_id, "covers": saved.covers},
            )
            later = sorted((_row_to_event(row[1:]) for row in rows), key=fold_order)
            state = saved.state
            if all(state.sees_after(event) for event in later):
                for event in later:
                    state.take(event)
                if refresh_due(saved, len(rows)):
                    covers = max(int(row[0]) for row in rows)
                    self._snapshots.save(state, covers, saved.events + len(rows), marker)
                return state
            log.info("a change sorts before the saved pair state: folding the history")
        # Unordered: the fold sorts by its own key anyway, and an ORDER BY
        # here makes SQLite sort every row, bodies and all, first.
        rows = self._db.query(
            f"SELECT rowid, {_COLUMNS} FROM events WHERE pair_id = :pair AND quarantined = 0",  # noqa: S608 - our column list
            {"pair": pair_id},
        )
        state = fold(pair_id, [_row_to_event(row[1:]) for row in rows])
        if len(rows) >= SNAPSHOT_MIN_EVENTS:
            covers = max(int(row[0]) for row in rows)
            self._snapshots.save(state, covers, len(rows), marker)
        return state

    def events(self, pair_id: str) -> list[Event]:
        """All stored events of a pair that count (not those of a rejected key)."""
        rows = self._db.query(
            f"SELECT {_COLUMNS} FROM events WHERE pair_id = :pair AND quarantined = 0"  # noqa: S608 - our column list
            " ORDER BY clock, at, event_id",
            {"pair": pair_id},
        )
        return [_row_to_event(row) for row in rows]

    def shareable_events(self, pair_id: str) -> list[Event]:
        """The events that may be sent to the partner (never a private note or reflection)."""
        rows = self._db.query(
            f"SELECT {_COLUMNS} FROM events"  # noqa: S608 - our column list
            " WHERE pair_id = :pair AND shareable = 1 AND quarantined = 0"
            " ORDER BY clock, at, event_id",
            {"pair": pair_id},
        )
        return [_row_to_event(row) for row in rows]

    def chain_events(self, pair_id: str, origin: str, after: int) -> list[Event]:
        """One device's shared events after position ``after``, in chain order."""
        rows = self._db.query(
            f"SELECT {_COLUMNS} FROM events WHERE pair_id = :pair AND origin = :o AND seq > :s"  # noqa: S608 - our column list
            " ORDER BY seq",
            {"pair": pair_id, "o": origin, "s": after},
        )
        return [_row_to_event(row) for row in rows]

    def chain_event(self, pair_id: str, origin: str, seq: int) -> Event | None:
        """Entry ``seq`` of one device's chain, if this vault holds it (one row)."""
        row = self._db.query_one(
            f"SELECT {_COLUMNS} FROM events WHERE pair_id = :pair AND origin = :o AND seq = :s",  # noqa: S608 - our column list
            {"pair": pair_id, "o": origin, "s": seq},
        )
        return None if row is None else _row_to_event(row)

    def private_events(
        self, pair_id: str, after: int, *, not_from: str = "", limit: int | None = None
    ) -> list[tuple[int, Event]]:
        """The person's never-shared events of a pair stored after rowid ``after``, in order.

        For the person's own computers only (sync format 3): private notes,
        reflections and this copy's own facts, with their rowid, leaving out
        those that came from the computer ``not_from``.
        """
        rows = self._db.query(
            f"SELECT rowid, {_COLUMNS} FROM events WHERE pair_id = :p AND shareable = 0"  # noqa: S608 - our column list
            " AND quarantined = 0 AND rowid > :after AND origin != :o ORDER BY rowid"
            + ("" if limit is None else f" LIMIT {int(limit)}"),
            {"p": pair_id, "after": after, "o": not_from or "-"},
        )
        return [(int(row[0]), _row_to_event(row[1:])) for row in rows]

    def held(self, event_ids: Sequence[str]) -> dict[str, Event]:
        """The events with these ids that this vault holds, in any pair."""
        found: dict[str, Event] = {}
        for start in range(0, len(event_ids), 500):
            chunk = list(event_ids[start : start + 500])
            marks = ", ".join(f":i{n}" for n in range(len(chunk)))
            rows = self._db.query(
                f"SELECT {_COLUMNS} FROM events WHERE event_id IN ({marks})",  # noqa: S608
                {f"i{n}": v for n, v in enumerate(chunk)},
            )
            found.update((str(r[0]), _row_to_event(r)) for r in rows)
        return found

    def quarantine(self, pair_id: str, origin: str, *, restore: bool = False) -> int:
        """Take every change signed by one device key out of the pair's record.

        For a key the person rejected ("It does not match"): what it signed
        stays in the vault, marked, but no longer counts, is not searchable
        and is never sent on, so both partners' records agree once the right
        person is paired. ``restore`` takes them back (the key was trusted
        again). Returns how many changes were set aside (or taken back).
        """
        with self._db.transaction():
            row = self._db.query_one(
                "SELECT COUNT(*) FROM events WHERE pair_id = :p AND origin = :o"
                " AND quarantined = :was",
                {"p": pair_id, "o": origin, "was": int(restore)},
            )
            self._db.execute(
                "UPDATE events SET quarantined = :q WHERE pair_id = :p AND origin = :o",
                {"p": pair_id, "o": origin, "q": int(not restore)},
            )
            self.forget(pair_id)
            self._pairs_changed()
            self._reindex_pair(pair_id)
        return int(row[0]) if row else 0

    def event_count(self, pair_id: str) -> int:
        """How many stored changes the pair has (a count over the pair index, no bodies).

        The UI asks before opening a pair: a long history is folded off the UI thread.
        """
        row = self._db.query_one(
            "SELECT COUNT(*) FROM events WHERE pair_id = :pair", {"pair": pair_id}
        )
        return int(row[0]) if row else 0

    def is_open(self, pair_id: str) -> bool:
        """Whether the pair's state is cached, so :meth:`state` returns at once."""
        return pair_id in self._states

    def load(self, pair_id: str) -> PairState:
        """:meth:`state`, safe to call on a pool thread (opening a long pair).

        The whole read, fold and caching runs under the database's lock, so a
        save or a sync import (which take the same lock for their transaction)
        cannot come in between and leave a state without their change cached.
        """
        with self._db.held():
            return self.state(pair_id)

    # ------------------------------------------------------------- changes
    def record(self, pair_id: str, kind: EventKind, /, **body: Any) -> Event:
        """Make a change as this vault's person; return the stored event.

        Raises:
            RuleViolation: the change is not allowed (message for people).
            MalformedEvent: a field is missing or wrong (a bug in the caller).
            DiskFull and other known errors: nothing was stored.
        """
        return self.record_many(pair_id, [(kind, body)])[0]

    def record_many(
        self, pair_id: str, changes: Iterable[tuple[EventKind, dict[str, Any]]]
    ) -> list[Event]:
        """Make several changes in one transaction: all are stored, or none.

        Used where many changes belong together (the demo, an import); one
        commit instead of one per change.
        """
        events: list[Event] = []
        try:
            # The state is taken inside the transaction: its lock keeps a
            # background import from changing the pair between reading the
            # state and stamping the change (two changes with one position).
            with self._db.transaction():
                state = self.state(pair_id)
                for kind, body in changes:
                    events.append(self._store(state, kind, body))
                self._reindex(state, _touched_by(events, state))
        except BaseException:
            # The cached state may hold changes that were not stored: rebuild it.
            self._states.pop(pair_id, None)
            raise
        log.debug("recorded %d change(s)", len(events))
        return events

    def _store(self, state: PairState, kind: EventKind, body: dict[str, Any]) -> Event:
        draft = Event(new_id(), state.pair_id, state.my_role, kind, self._next_time(state), body)
        shareable = is_shareable(draft, state)  # decided before the event changes the state
        event = self._stamp(state, draft, shareable)
        state.apply(event)
        state.take_applied(event)
        self._insert(state, event, shareable)
        return event

    def _stamp(self, state: PairState, event: Event, shareable: bool) -> Event:
        """Give a change made here its place after everything this device holds.

        A shared change gets the next position in this device's chain and a
        clock one above every shared change held; one that never leaves gets
        the current clock (it sorts after the shared changes of that clock)
        and the next private clock, so the person's other computers order it
        after every private change this one held. Both record what this
        device had seen of every other chain.
        """
        me = self.origin
        seen = {o: seq for o, (seq, _) in state.heads.items() if o != me}
        if not shareable:
            return event.restamped(state.max_clock, me, 0, seen, state.max_pclock + 1)
        seq = state.heads.get(me, (0, 0))[0] + 1
        return event.restamped(state.max_clock + 1, me, seq, seen)

    def add_events(
        self,
        pair_id: str,
        events: Sequence[Event],
        *,
        received: bool = False,
        relayed: bool = False,
        private: bool = False,
        adopt: bool = False,
        also: Callable[[Database], None] | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> list[Event]:
        """Store events made elsewhere: all of them, or none; return the new ones.

        For changes this vault's person did not type here: the partner's
        (``received`` from an update) or a prepared history (the demo). The
        pair's history with the new events is folded first; if the rules
        refuse any new event, nothing is stored and the reason is raised.
        Events already stored (same id) are skipped.

        Args:
            pair_id: the pair.
            events: the events, in any order.
            received: they came from the partner, so each must be the
                partner's and shareable (a private note never arrives).
            relayed: (with ``received``) shared changes of this person's may
                come too: made on their other computers, whose keys sync
                admitted (format 3).
            private: (with ``received``) from one of the person's own
                computers: changes that never leave the person (``seq`` 0:
                private notes, reflections) may come too, and only those.
            adopt: the person's whole history of the pair, from their other
                computer (a link): stored as it is there, whatever the fold
                makes of each change.
            also: more writes to commit in the same transaction (sync's
                bookkeeping), so the events and it are stored together or not.
            progress: called with (events stored, events to store).

        Raises:
            RuleViolation: a new event is not allowed; nothing was stored.
        """
        if any(e.pair_id != pair_id for e in events):
            raise RuleViolation("These changes belong to a different pair.")
        # One transaction from reading the state to storing: the database lock
        # keeps a change typed meanwhile from being stamped against a stale state.
        with self._db.transaction():
            return self._add_events(
                pair_id, events, received, also, progress, relayed, private, adopt
            )

    def _add_events(
        self,
        pair_id: str,
        events: Sequence[Event],
        received: bool,
        also: Callable[[Database], None] | None,
        progress: Callable[[int, int], None] | None,
        relayed: bool = False,
        private: bool = False,
        adopt: bool = False,
    ) -> list[Event]:
        held = self.held([e.event_id for e in events])
        if any(h.pair_id != pair_id for h in held.values()):
            raise RuleViolation("These changes reuse the id of a change in another pair.")
        # Changes held from before causal stamps, now arriving stamped (both
        # sides upgraded): they take the stamp, so every copy orders them alike.
        adopted = [
            e for e in events if e.event_id in held and not held[e.event_id].origin and e.origin
        ]
        new = sorted((e for e in events if e.event_id not in held), key=fold_order)
        cached = self.state(pair_id)
        if not adopted and all(cached.sees_after(e) for e in new):
            trial = cached  # the usual case: new changes come after all we hold
            self._states.pop(pair_id, None)
            for event in new:
                trial.take(event)
        else:
            stamped = {e.event_id: e for e in adopted}
            existing = [stamped.get(e.event_id, e) for e in self.events(pair_id)]
            trial = fold(pair_id, existing + new)
        refused = dict(trial.rejected)
        for event in new:
            if not received and not adopt and event.event_id in refused:
                raise RuleViolation(refused[event.event_id])
            if received and not _may_arrive(event, trial, relayed=relayed, private=private):
                raise RuleViolation("These changes include something that is never shared.")
        try:
            with self._db.transaction():
                for event in adopted:
                    self._db.execute(
                        "UPDATE events SET clock = :c, origin = :o, seq = :s, seen = :seen,"
                        " pclock = :pc WHERE event_id = :id",
                        {
                            "c": event.clock, "o": event.origin, "s": event.seq,
                            "seen": _seen_json(event), "pc": event.pclock,
                            "id": event.event_id,
                        },
                    )  # fmt: skip
                for index, event in enumerate(new, start=1):
                    # The folded state knows every note's kind, also of deleted ones.
                    self._insert(trial, event, is_shareable(event, trial))
                    if progress is not None and (index % 100 == 0 or index == len(new)):
                        progress(index, len(new))
                self._reindex(trial, _touched_by(new, trial))
                if also is not None:
                    also(self._db)
        finally:
            self._states.pop(pair_id, None)
        self._states[pair_id] = trial
        log.debug("added %d event(s) made elsewhere", len(new))
        return new

    def _insert(self, state: PairState, event: Event, shareable: bool) -> None:
        """Write one event (inside the caller's transaction; :meth:`_reindex` follows)."""
        if event.kind in _PAIR_SUMMARY_KINDS:
            self._pairs_changed()
        self._db.execute(
            "INSERT INTO events (event_id, pair_id, author, kind, at, shareable, body,"
            " clock, origin, seq, seen, pclock)"
            " VALUES (:id, :pair, :author, :kind, :at, :shareable, :body,"
            " :clock, :origin, :seq, :seen, :pclock)",
            {
                "id": event.event_id,
                "pair": state.pair_id,
                "author": event.author.value,
                "kind": event.kind.value,
                "at": _iso(event.at),
                "shareable": int(shareable),
                "body": json.dumps(dict(event.body), ensure_ascii=False, sort_keys=True),
                "clock": event.clock,
                "origin": event.origin,
                "seq": event.seq,
                "seen": _seen_json(event),
                "pclock": event.pclock,
            },
        )

    def _next_time(self, state: PairState) -> datetime:
        """Now, but after this device's last change: its own changes read in order.

        Only this device's own times count, so a partner whose clock runs
        years ahead never drags the times shown for changes made here.
        """
        pair_id = state.pair_id
        last = self._last_at.get(pair_id)
        if last is None:
            row = self._db.query_one(
                "SELECT MAX(at) FROM events WHERE pair_id = :p"
                " AND (origin = :me OR (origin = '' AND author = :role))",
                {"p": pair_id, "me": self.origin, "role": state.my_role.value},
            )
            last = datetime.fromisoformat(row[0]) if row and row[0] else None
        now = self._clock()
        if last is not None and now <= last:
            now = last + timedelta(microseconds=1)
        self._last_at[pair_id] = now
        return now

    def destroy_pair(self, pair_id: str) -> None:
        """Erase a pair from this vault for good.

        ``secure_delete`` overwrites the freed pages and FTS5's secure-delete
        removes the words from the index; the WAL is then checkpointed and
        truncated so no old page lingers there.
        """
        with self._db.transaction():
            self._db.execute("DELETE FROM events WHERE pair_id = :pair", {"pair": pair_id})
            self._snapshots.drop(pair_id)  # the trigger did already; said here for the reader
            self._db.execute(
                "DELETE FROM search WHERE rowid IN"
                " (SELECT fts_rowid FROM search_rows WHERE pair_id = :pair)",
                {"pair": pair_id},
            )
            self._db.execute("DELETE FROM search_rows WHERE pair_id = :pair", {"pair": pair_id})
        self._db.pragma("wal_checkpoint(TRUNCATE)")
        self._states.pop(pair_id, None)
        self._pairs_changed()
        log.info("pair destroyed")

    # ------------------------------------------------------------- search
    def search(
        self,
        text: str,
        *,
        pair_id: str | None = None,
        include_private: bool = True,
        limit: int = SEARCH_LIMIT,
    ) -> list[SearchHit]:
        """Find notes, goals, agenda items, suggestions and actions containing every word.

        May run on a pool thread while the UI thread uses the workspace: it
        reads the database alone (through its lock), never the cached states.
        :meth:`interrupt_search` cuts it short.

        Args:
            text: what the person typed; each word matches as a prefix.
            pair_id: only this pair (None: every pair).
            include_private: False in presenter mode: private notes and
                reflections are left out entirely.
            limit: at most this many hits, best first (never more than
                :data:`SEARCH_LIMIT`).
        """
        limit = max(0, min(limit, SEARCH_LIMIT))
        query = _fts_query(text)
        if not query:
            return []
        rows = self._db.query(
            "SELECT pair_id, entity, kind, private,"
            " highlight(search, 4, :a, :b), snippet(search, 5, :a, :b, '…', 16)"
            " FROM search WHERE search MATCH :q"
            " AND (:pair IS NULL OR pair_id = :pair)"
            " AND (:private = 1 OR private = 0)"
            " ORDER BY rank LIMIT :limit",
            {
                "q": query,
                "a": MATCH_START,
                "b": MATCH_END,
                "pair": pair_id,
                "private": int(include_private),
                "limit": limit,
            },
            interruptible=True,
        )
        return [SearchHit(r[0], r[1], r[2], r[4], r[5], bool(r[3])) for r in rows]

    def interrupt_search(self) -> bool:
        """Stop a search running on another thread; True if one was running.

        The search then raises the error :func:`~mentorpair.storage.database.is_interrupted`
        recognises. Safe from any thread, and after the vault was locked.
        """
        if self.vault.closed:
            return False
        return self._db.interrupt()

    def _reindex_pair(self, pair_id: str) -> None:
        """Rebuild a pair's search entries from its current state."""
        self._db.execute(
            "DELETE FROM search WHERE rowid IN"
            " (SELECT fts_rowid FROM search_rows WHERE pair_id = :pair)",
            {"pair": pair_id},
        )
        self._db.execute("DELETE FROM search_rows WHERE pair_id = :pair", {"pair": pair_id})
        state = self.state(pair_id)
        self._reindex(state, _touched_by(self.events(pair_id), state))

    def _reindex(self, state: PairState, touched: Iterable[tuple[str, str]]) -> None:
        """Bring the search entries of the things changed up to date with ``state``.

        Called once per transaction with everything it changed, each thing
        once, whatever number of changes touched it: with FTS5's secure
        delete a removal costs far more than an insert, and removals between
        inserts make it write out many small index segments. So all old
        entries go first, then the new ones.
        """
        pair = state.pair_id
        things = list(dict.fromkeys(touched))
        old: list[tuple[str, int]] = []
        for start in range(0, len(things), 500):
            chunk = [entity for _, entity in things[start : start + 500]]
            marks = ", ".join(f":e{n}" for n in range(len(chunk)))
            # Per pair: another pair may use the same id (a partner in two
            # pairs could), and must never touch this pair's entry.
            rows = self._db.query(
                "SELECT entity, fts_rowid FROM search_rows"  # noqa: S608 - placeholders only
                f" WHERE pair_id = :pair AND entity IN ({marks})",
                {"pair": pair, **{f"e{n}": v for n, v in enumerate(chunk)}},
            )
            old.extend((str(r[0]), int(r[1])) for r in rows)
        if old:
            self._tidy_index(len(old))
            self._db.execute_many("DELETE FROM search WHERE rowid = :r", [{"r": r} for _, r in old])
            self._db.execute_many(
                "DELETE FROM search_rows WHERE pair_id = :pair AND entity = :e",
                [{"pair": pair, "e": e} for e, _ in old],
            )
        for kind, entity_id in things:
            entry = _search_entry(state, kind, entity_id)
            if entry is None:
                continue
            title, body, private = entry
            self._db.execute(
                "INSERT INTO search (pair_id, entity, kind, private, title, body)"
                " VALUES (:pair, :entity, :kind, :private, :title, :body)",
                {
                    "pair": pair,
                    "entity": entity_id,
                    "kind": kind,
                    "private": int(private),
                    "title": title,
                    "body": body,
                },
            )
            self._db.execute(
                "INSERT INTO search_rows (entity, pair_id, fts_rowid)"
                " VALUES (:e, :pair, last_insert_rowid())",
                {"e": entity_id, "pair": pair},
            )

    def _tidy_index(self, removals: int) -> None:
        """Merge some of the index's segments before ``removals`` entries are removed.

        FTS5's secure delete rewrites the deleted words' pages in every segment
        that holds them, so a removal costs in proportion to the number of
        segments. FTS5 merges on its own only once four segments of a level
        pile up (``automerge``); here every batch of removals first does
        merge work in proportion to its size, two segments at a time
        (``usermerge``), so the count stays low (filling 10,000 events: a
        fifth less time, issue 12). Both are a setting and a command of FTS5
        itself, kept in the table's own ``search_config``: the schema does not
        change, and what a search finds does not either.
        """
        # Set once per vault (older vaults on their first removal); it persists.
        if self._db.query_one("SELECT v FROM search_config WHERE k = 'usermerge'") != (USERMERGE,):
            self._db.execute(
                "INSERT INTO search (search, rank) VALUES ('usermerge', :n)", {"n": USERMERGE}
            )
        pages = max(MERGE_PAGES_MIN, MERGE_PAGES_PER_REMOVAL * removals)
        self._db.execute("INSERT INTO search (search, rank) VALUES ('merge', :n)", {"n": pages})


def _touched_by(events: Iterable[Event], state: PairState) -> Iterable[tuple[str, str]]:
    """Every searchable thing some of ``events`` changed, (kind, id), once each."""
    seen: dict[tuple[str, str], None] = {}
    for event in events:
        seen.update(dict.fromkeys(_touched(event, state)))
    return seen


def _touched(event: Event, state: PairState) -> Iterable[tuple[str, str]]:
    """The searchable things an event changed: (kind, id)."""
    b = event.body
    kind = event.kind
    if kind.value.startswith("note."):
        yield "note", str(b["note_id"])
    elif kind.value.startswith("goal.") and "goal_id" in b:
        yield "goal", str(b["goal_id"])
    elif kind in (
        EventKind.AGENDA_ITEM_ADDED,
        EventKind.AGENDA_ITEM_UPDATED,
        EventKind.AGENDA_ITEM_REMOVED,
    ):
        yield "agenda", str(b["item_id"])
    elif kind is EventKind.SUGGESTION_ADDED:
        yield "suggestion", str(b["suggestion_id"])
    elif kind in (EventKind.SUGGESTION_ACCEPTED, EventKind.SUGGESTION_DISMISSED):
        yield "suggestion", str(b["suggestion_id"])
        if kind is EventKind.SUGGESTION_ACCEPTED:
            yield "agenda", str(b["item_id"])
    elif kind.value.startswith("action."):
        yield "action", str(b["action_id"])


def _search_entry(state: PairState, kind: str, entity_id: str) -> tuple[str, str, bool] | None:
    """(title, body, private) as the entity is now, or None if it is gone."""
    if kind == "note":
        note = state.notes.get(entity_id)
        if note is None:
            return None
        return note.title, note.text, note.kind is not NoteKind.SHARED
    if kind == "goal":
        goal = state.goals.get(entity_id)
        if goal is None:
            return None
        stones = "\n".join(m.title for m in goal.milestones)
        return goal.title, f"{goal.description}\n{goal.category}\n{stones}", False
    if kind == "agenda":
        for items in state.agenda.values():
            for item in items:
                if item.item_id == entity_id:
                    return item.title, f"{item.why}\n{item.outcome}", False
        return None
    if kind == "suggestion":
        sug = state.suggestions.get(entity_id)
        if sug is None or sug.status != "open":
            return None
        return sug.title, sug.why, False
    if kind == "action":
        action = state.actions.get(entity_id)
        return None if action is None else (action.what, "", False)
    raise ValueError(f"unknown search kind {kind}")


def _fts_query(text: str) -> str:
    """Each word as a quoted prefix term, all required: no FTS5 syntax reaches SQLite."""
    # Quotes would end the quoted term; control characters (NUL above all) make
    # SQLite's tokenizer fail. Neither belongs in a search word.
    cleaned = "".join(" " if ch == '"' or ord(ch) < 32 or ord(ch) == 127 else ch for ch in text)
    words = cleaned.split()
    return " ".join(f'"{w}"*' for w in words[:20])


def _iso(at: datetime) -> str:
    return at.astimezone(UTC).isoformat(timespec="microseconds")


def _may_arrive(event: Event, state: PairState, *, relayed: bool, private: bool) -> bool:
    """Whether a change made elsewhere may arrive here at all.

    A shared change (in a chain) must be shareable, and this person's own
    only from their other computers; a never-shared one (``seq`` 0) only
    from one of this person's own computers, and it must be theirs and
    never shared.
    """
    shareable = is_shareable(event, state)
    if event.seq == 0:
        return private and event.author is state.my_role and not shareable
    return shareable and (relayed or event.author is not state.my_role)


_COLUMNS = "event_id, pair_id, author, kind, at, body, clock, origin, seq, seen, pclock"


def _seen_json(event: Event) -> str:
    return json.dumps(dict(event.seen), sort_keys=True, separators=(",", ":"))


def _row_to_event(row: tuple[Any, ...]) -> Event:
    event_id, pair_id, author, kind, at, body, clock, origin, seq, seen, pclock = row
    return Event.from_stored(
        event_id, pair_id, author, kind, at, _loads(body), clock, origin, seq,
        {} if seen == "{}" else _loads(seen), pclock,
    )  # fmt: skip


_loads = json.JSONDecoder().decode
