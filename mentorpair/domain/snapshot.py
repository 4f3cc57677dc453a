"""A pair's folded state as plain JSON values, and back (issue 12: instant at any size).

Folding a long history costs seconds; a saved state (a *snapshot*) lets the
vault restore it and fold only what came after (``storage/snapshots.py``).
:func:`to_snapshot` covers every attribute a fold produces, also the
bookkeeping that later changes depend on (rejected changes, chain heads,
the note versions crossed edits are compared with), so that::

    from_snapshot(pair_id, to_snapshot(fold(pair_id, h))) == fold(pair_id, h)

in every attribute, and taking more events on the restored state gives what
folding everything would have given.

The many small records (notes, goal history, note fingerprints) are lists in
their dataclass's field order rather than objects: that halves the text and
the decoding time. The order is checked, not trusted: each snapshot carries
:data:`LAYOUT`, derived from the dataclasses' fields, and one written for
other fields is refused like one of another :data:`SNAPSHOT_FORMAT`. Bump
``SNAPSHOT_FORMAT`` when what a field *means* changes. Values are plain
JSON, never code: a snapshot is data the vault holds, like its events.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import Any

from mentorpair.domain.model import (
    Action,
    AgendaItem,
    Agreement,
    Ending,
    Goal,
    GoalChange,
    GoalStatus,
    History,
    Meeting,
    MeetingMode,
    Milestone,
    Note,
    NoteKind,
    NoteVersion,
    Role,
    Suggestion,
)
from mentorpair.domain.state import PairState

__all__ = [
    "LAYOUT",
    "SNAPSHOT_FORMAT",
    "MalformedSnapshot",
    "from_snapshot",
    "layout",
    "to_snapshot",
]

#: The meaning of a snapshot's values; a snapshot of another format is not read.
SNAPSHOT_FORMAT = 2

_RECORDS: tuple[type, ...] = (
    Action, AgendaItem, Agreement, Ending, Goal, GoalChange, Meeting, Milestone, Note,
    NoteVersion, Suggestion,
)  # fmt: skip


def layout(records: tuple[type, ...] = _RECORDS) -> str:
    """A digest of the state's attributes and the records' fields, in their order."""
    names = (
        sorted(vars(PairState("")).keys()),
        [(t.__name__, [f.name for f in dataclasses.fields(t)]) for t in records],
    )
    return hashlib.sha256(repr(names).encode()).hexdigest()[:16]


#: This code's layout; a snapshot saved with another is not read.
LAYOUT = layout()


class MalformedSnapshot(ValueError):
    """A snapshot could not be read: of another format or layout, or damaged.

    The caller folds the history from the start instead (nothing is lost: a
    snapshot only saves time).
    """


_ROLES = {r.value: r for r in Role}
_KINDS = {k.value: k for k in NoteKind}
_MODES = {m.value: m for m in MeetingMode}
_STATUSES = {s.value: s for s in GoalStatus}
_dt = datetime.fromisoformat


def _iso(value: date | datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _opt_dt(value: str | None) -> datetime | None:
    return None if value is None else _dt(value)


def _opt_date(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


# ----------------------------------------------------------------- records
def _agreement(a: Agreement) -> list[Any]:
    return [
        a.revision, a.frequency, _iso(a.starts_on), _iso(a.review_on), [m.value for m in a.modes],
        a.confidentiality, a.limits, a.no_fault_ending, sorted(r.value for r in a.confirmed_by),
    ]  # fmt: skip


def _read_agreement(r: list[Any]) -> Agreement:
    return Agreement(
        r[0], r[1], _opt_date(r[2]), _opt_date(r[3]), tuple(_MODES[m] for m in r[4]),
        r[5], r[6], _bool(r[7]), frozenset(_ROLES[x] for x in r[8]),
    )  # fmt: skip


def _meeting(m: Meeting) -> list[Any]:
    return [
        m.meeting_id, _iso(m.starts_at), m.duration_min, m.mode.value, m.place, m.cancelled,
        m.agenda_ready,
    ]  # fmt: skip


def _read_meeting(r: list[Any]) -> Meeting:
    return Meeting(r[0], _dt(r[1]), r[2], _MODES[r[3]], r[4], _bool(r[5]), _bool(r[6]))


def _item(i: AgendaItem) -> list[Any]:
    return [i.item_id, i.meeting_id, i.title, i.why, i.outcome, i.goal_id, i.from_suggestion]


def _read_item(r: list[Any]) -> AgendaItem:
    return AgendaItem(r[0], r[1], r[2], r[3], r[4], r[5], r[6])


def _suggestion(s: Suggestion) -> list[Any]:
    return [s.suggestion_id, s.meeting_id, s.title, s.why, s.status]


def _read_suggestion(r: list[Any]) -> Suggestion:
    return Suggestion(r[0], r[1], r[2], r[3], r[4])


def _milestone(m: Milestone) -> list[Any]:
    return [m.milestone_id, m.title, _iso(m.due), m.done]


def _read_milestone(r: list[Any]) -> Milestone:
    return Milestone(r[0], r[1], _opt_date(r[2]), _bool(r[3]))


def _change(c: GoalChange) -> list[Any]:
    return [_iso(c.at), c.author.value, c.description, c.what, c.subject, c.changes]


def _read_change(r: list[Any]) -> GoalChange:
    changes = tuple((str(f), str(b), str(a)) for f, b, a in r[5]) if r[5] else ()
    return GoalChange(_dt(r[0]), _ROLES[r[1]], r[2], r[3], r[4], changes)


def _goal(g: Goal) -> list[Any]:
    # The history is kept once per goal (``_goal_history``); the goal holds a view of it.
    return [
        g.goal_id, g.title, g.description, g.category, _iso(g.target), g.status.value,
        g.progress, [_milestone(m) for m in g.milestones], len(g.history),
    ]  # fmt: skip


def _read_goal(r: list[Any], histories: dict[str, list[GoalChange]]) -> Goal:
    length = r[8]
    if not isinstance(length, int):
        raise TypeError("history length")
    history: History | tuple[GoalChange, ...] = ()
    if length:
        items = histories[r[0]]
        if length > len(items):
            raise ValueError("history shorter than a goal's view of it")
        history = History(items, length)
    return Goal(
        r[0], r[1], r[2], r[3], _opt_date(r[4]), _STATUSES[r[5]], r[6],
        tuple(_read_milestone(m) for m in r[7]), history,
    )  # fmt: skip


def _version(v: NoteVersion) -> list[Any]:
    return [v.revision, v.title, v.text, v.author.value, _iso(v.at)]


def _read_version(r: list[Any]) -> NoteVersion:
    return NoteVersion(r[0], r[1], r[2], _ROLES[r[3]], _dt(r[4]))


def _note(n: Note) -> list[Any]:
    return [
        n.note_id, n.kind.value, n.author.value, n.title, n.text, _iso(n.created_at),
        _iso(n.updated_at), n.revision, n.meeting_id, n.goal_id,
        [_version(v) for v in n.conflicts],
        None if n.edited_by is None else n.edited_by.value,
        None if n.deleted_by is None else n.deleted_by.value,
    ]  # fmt: skip


def _read_note(r: list[Any]) -> Note:
    # The most numerous record: lookups inline, and the creation time parsed once.
    created = _dt(r[5])
    edited, deleted = r[11], r[12]
    return Note(
        r[0], _KINDS[r[1]], _ROLES[r[2]], r[3], r[4], created,
        created if r[6] == r[5] else _dt(r[6]), r[7], r[8], r[9],
        tuple(_read_version(v) for v in r[10]) if r[10] else (),
        None if edited is None else _ROLES[edited], None if deleted is None else _ROLES[deleted],
    )  # fmt: skip


def _action(a: Action) -> list[Any]:
    return [a.action_id, a.what, a.owner.value, _iso(a.due), a.done, a.meeting_id]


def _read_action(r: list[Any]) -> Action:
    return Action(r[0], r[1], _ROLES[r[2]], _opt_date(r[3]), _bool(r[4]), r[5])


def _ending(e: Ending) -> list[Any]:
    return [_iso(e.at), e.by.value, e.summary, e.reason]


def _read_ending(r: list[Any]) -> Ending:
    return Ending(_dt(r[0]), _ROLES[r[1]], r[2], r[3])


def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise TypeError("expected true or false")
    return value


def _keyed(records: Iterable[list[Any]], read: Callable[[list[Any]], Any]) -> dict[str, Any]:
    """Records whose first field is their key, in their saved (insertion) order."""
    found = {}
    for record in records:
        found[record[0]] = read(record)
    return found


# ----------------------------------------------------------------- the state
def to_snapshot(state: PairState) -> dict[str, Any]:
    """Every attribute of ``state`` as JSON values (see the module docstring)."""
    s = state
    last = s.last_key
    return {
        "format": SNAPSHOT_FORMAT,
        "layout": LAYOUT,
        "pair": s.pair_id,
        "my_role": s.my_role.value,
        "partner_name": s.partner_name,
        "created_at": _iso(s.created_at),
        "agreement": None if s.agreement is None else _agreement(s.agreement),
        "meetings": [_meeting(m) for m in s.meetings.values()],
        "agenda": [[k, [_item(i) for i in items]] for k, items in s.agenda.items()],
        "suggestions": [_suggestion(x) for x in s.suggestions.values()],
        "goals": [_goal(g) for g in s.goals.values()],
        "notes": [_note(n) for n in s.notes.values()],
        "actions": [_action(a) for a in s.actions.values()],
        "categories": list(s.categories),
        "ending": None if s.ending is None else _ending(s.ending),
        "rejected": [list(r) for r in s.rejected],
        "agreement_versions": [[k, _agreement(a)] for k, a in s.agreement_versions.items()],
        "deleted_notes": [_note(n) for n in s.deleted_notes.values()],
        "unaware_of_ending": list(s.unaware_of_ending),
        "heads": [[o, seq, clock] for o, (seq, clock) in s.heads.items()],
        "max_clock": s.max_clock,
        "max_pclock": s.max_pclock,
        "last_key": None
        if last is None
        else [last[0], last[1][0], last[1][1], last[1][2], _iso(last[1][3]), last[1][4]],
        "note_origin": [[n, k.value, r.value] for n, (k, r) in s._note_origin.items()],
        "ending_mark": None if s._ending_mark is None else list(s._ending_mark),
        "item_meeting": [[i, m] for i, m in s._item_meeting.items()],
        "removed_items": [_item(i) for i in s._removed_items.values()],
        "goal_history": [[g, [_change(c) for c in h]] for g, h in s._goal_history.items()],
        "note_versions": [[e, t, x] for e, (t, x) in s._note_versions.items()],
    }


def from_snapshot(pair_id: str, data: Any) -> PairState:
    """The state :func:`to_snapshot` saved, for taking further events.

    Raises:
        MalformedSnapshot: another format or layout, another pair, or damaged.
    """
    if not isinstance(data, dict):
        raise MalformedSnapshot("a snapshot is an object")
    if data.get("format") != SNAPSHOT_FORMAT or data.get("layout") != LAYOUT:
        raise MalformedSnapshot("a snapshot of another format")
    if data.get("pair") != pair_id:
        raise MalformedSnapshot("a snapshot of another pair")
    try:
        return _restore(pair_id, data)
    except (KeyError, IndexError, TypeError, ValueError, AttributeError) as exc:
        raise MalformedSnapshot(f"damaged snapshot: {type(exc).__name__}") from None


def _restore(pair_id: str, d: dict[str, Any]) -> PairState:
    s = PairState(pair_id)
    s.my_role = _ROLES[d["my_role"]]
    s.partner_name = str(d["partner_name"])
    s.created_at = _opt_dt(d["created_at"])
    s.agreement = None if d["agreement"] is None else _read_agreement(d["agreement"])
    s.meetings = _keyed(d["meetings"], _read_meeting)
    s.agenda = {k: [_read_item(i) for i in items] for k, items in d["agenda"]}
    s.suggestions = _keyed(d["suggestions"], _read_suggestion)
    s._goal_history = {g: [_read_change(c) for c in h] for g, h in d["goal_history"]}
    s.goals = {r[0]: _read_goal(r, s._goal_history) for r in d["goals"]}
    s.notes = _keyed(d["notes"], _read_note)
    s.actions = _keyed(d["actions"], _read_action)
    s.categories = tuple(str(c) for c in d["categories"])
    s.ending = None if d["ending"] is None else _read_ending(d["ending"])
    s.rejected = [(str(e), str(reason)) for e, reason in d["rejected"]]
    s.agreement_versions = {k: _read_agreement(a) for k, a in d["agreement_versions"]}
    s.deleted_notes = _keyed(d["deleted_notes"], _read_note)
    s.unaware_of_ending = [str(e) for e in d["unaware_of_ending"]]
    s.heads = {str(o): (_count(seq), _count(clock)) for o, seq, clock in d["heads"]}
    s.max_clock = _count(d["max_clock"])
    s.max_pclock = _count(d["max_pclock"])
    last = d["last_key"]
    if last is not None:
        s.last_key = (
            _bool(last[0]),
            (_count(last[1]), _bool(last[2]), _count(last[3]), _dt(last[4]), str(last[5])),
        )
    s._note_origin = {n: (_KINDS[k], _ROLES[r]) for n, k, r in d["note_origin"]}
    mark = d["ending_mark"]
    s._ending_mark = None if mark is None else (str(mark[0]), _count(mark[1]))
    s._item_meeting = {str(i): str(m) for i, m in d["item_meeting"]}
    s._removed_items = _keyed(d["removed_items"], _read_item)
    s._note_versions = {e: (t, x) for e, t, x in d["note_versions"]}
    return s


def _count(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError("expected a whole number")
    return value
