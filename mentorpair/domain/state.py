"""A pair's current state, derived from its events and nothing else.

:func:`fold` sorts events by their causal stamp (:attr:`Event.sort_key`:
Lamport clock, then the displayed time and id between changes that did not
know of each other) and applies them one by one, so the same set of events
gives the same state whatever order they arrived in, on every device. A new
event that sorts after everything applied so far is simply applied to the
cached state (:meth:`PairState.take`), which is how a vault keeps up with a
long history at the cost of the change, not of the history.

Changes that crossed each other are never refused for it; each case has one
rule, the same everywhere (``docs/formats/events.md``, *Crossed changes*):

* an edit of a note the other deleted brings it back, marked ``deleted_by``;
* a delete of a note that was edited meanwhile keeps it, marked the same;
* crossed edits (text or title, two or more) keep every losing version;
* a confirmation of an earlier agreement version counts for that version;
* after the relationship ended, a change made by someone who had seen the
  ending is refused; one made before they knew is kept and listed in
  :attr:`PairState.unaware_of_ending`.

An event that is malformed or breaks a role rule is skipped and listed in
:attr:`PairState.rejected`; it changes nothing.

A vault saves folded states (``domain/snapshot.py``) and trusts them while
the app version is the same: a change to what a fold produces from the same
events needs ``SNAPSHOT_FORMAT`` raised there; a new attribute here or a new
field of a record changes its ``LAYOUT`` by itself.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from typing import Any, TypeVar

from mentorpair.domain.events import Event, EventKind, MalformedEvent, SortKey
from mentorpair.domain.model import (
    DEFAULT_CATEGORIES,
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
from mentorpair.domain.rules import RuleViolation, check_permission

__all__ = ["FoldKey", "PairState", "fingerprint", "fold", "fold_order"]

#: :func:`fold_order`'s key: this copy's creation first, then the causal order.
FoldKey = tuple[bool, SortKey]

E = TypeVar("E")

MAX_TEXT = 200_000  # characters in one note; more is surely a mistake
MAX_TITLE = 300


class PairState:
    """Everything one person can see of one pair, at one point in its history.

    Attributes:
        pair_id: the pair.
        my_role: the role of the person whose vault this is.
        partner_name: how this person names their partner.
        created_at: when the pair was created here.
        agreement, meetings, agenda, suggestions, goals, notes, actions,
        categories, ending: the derived state.
        rejected: (event id, reason) for events that were refused.
        agreement_versions: every agreement version by revision, each with
            the roles that confirmed it (also after a newer one replaced it).
        deleted_notes: the last version of each deleted note (an edit that
            crossed the delete brings it back).
        unaware_of_ending: changes made after the relationship ended by
            someone who did not know yet; kept, and shown as such.
        heads: for each chain (device), its last position and clock held.
        max_clock: the highest clock of any shared change held.
        max_pclock: the highest private clock of any change held that never
            leaves the person (their private notes and reflections).
        last_key: the fold key of the last event taken.
    """

    def __init__(self, pair_id: str) -> None:
        self.pair_id = pair_id
        self.my_role = Role.MENTEE
        self.partner_name = ""
        self.created_at: datetime | None = None
        self.agreement: Agreement | None = None
        self.meetings: dict[str, Meeting] = {}
        self.agenda: dict[str, list[AgendaItem]] = {}
        self.suggestions: dict[str, Suggestion] = {}
        self.goals: dict[str, Goal] = {}
        self.notes: dict[str, Note] = {}
        self.actions: dict[str, Action] = {}
        self.categories: tuple[str, ...] = DEFAULT_CATEGORIES
        self.ending: Ending | None = None
        self.rejected: list[tuple[str, str]] = []
        self.agreement_versions: dict[str, Agreement] = {}
        self.deleted_notes: dict[str, Note] = {}
        self.unaware_of_ending: list[str] = []
        self.heads: dict[str, tuple[int, int]] = {}
        self.max_clock = 0
        self.max_pclock = 0
        self.last_key: FoldKey | None = None
        self._note_origin: dict[str, tuple[NoteKind, Role]] = {}
        self._ending_mark: tuple[str, int] | None = None
        self._item_meeting: dict[str, str] = {}
        self._removed_items: dict[str, AgendaItem] = {}
        self._goal_history: dict[str, list[GoalChange]] = {}
        self._note_versions: dict[str, tuple[int, int]] = {}

    # ------------------------------------------------------------- queries
    def note_origin(self, note_id: str) -> tuple[NoteKind, Role] | None:
        """The kind and author of a note, also after it was deleted."""
        return self._note_origin.get(note_id)

    def next_meeting(self, now: datetime) -> Meeting | None:
        """The first meeting that has not started yet and is not cancelled."""
        upcoming = [m for m in self.meetings.values() if not m.cancelled and m.starts_at >= now]
        return min(upcoming, key=lambda m: (m.starts_at, m.meeting_id), default=None)

    def meetings_in_order(self) -> list[Meeting]:
        """All meetings, newest first."""
        return sorted(
            self.meetings.values(), key=lambda m: (m.starts_at, m.meeting_id), reverse=True
        )

    def overdue_actions(self, today: date) -> list[Action]:
        """Actions past their date and not done, oldest first."""
        late = [a for a in self.actions.values() if a.overdue(today)]
        return sorted(late, key=lambda a: (a.due or today, a.action_id))

    def agenda_for(self, meeting_id: str) -> list[AgendaItem]:
        """The agenda of one meeting, in the mentee's order."""
        return list(self.agenda.get(meeting_id, []))

    def earlier_confirmations(self) -> list[tuple[Role, Agreement]]:
        """Confirmations of agreement versions that a newer one replaced.

        A partner who confirmed the terms while the other changed them
        offline: the confirmation counts for the version they saw, and the
        agreement says so instead of refusing it.
        """
        current = self.agreement.revision if self.agreement else None
        found = []
        for revision, version in self.agreement_versions.items():
            if revision == current:
                continue
            for role in sorted(version.confirmed_by):
                found.append((role, version))
        return found

    def sees_after(self, event: Event) -> bool:
        """Whether ``event`` sorts after everything taken so far (so it can be applied)."""
        return self.last_key is None or fold_order(event) > self.last_key

    @property
    def read_only(self) -> bool:
        """True once the relationship has ended."""
        return self.ending is not None

    # ------------------------------------------------------------- applying
    def take(self, event: Event) -> bool:
        """Take the next event in fold order: apply it, or list it as rejected.

        Its position and clock count as held either way (a refused change
        still happened, and later changes were stamped after it).
        """
        try:
            self.apply(event)
        except (RuleViolation, MalformedEvent) as exc:
            self.rejected.append((event.event_id, str(exc)))
            self.take_applied(event)
            return False
        self.take_applied(event)
        return True

    def take_applied(self, event: Event) -> None:
        """Count ``event`` as held: its chain position, clock and place in the order."""
        if event.seq:
            seq, clock = self.heads.get(event.origin, (0, 0))
            self.heads[event.origin] = (max(seq, event.seq), max(clock, event.clock))
        if event.clock > self.max_clock:
            self.max_clock = event.clock
        if event.pclock > self.max_pclock:
            self.max_pclock = event.pclock
        key = fold_order(event)
        if self.last_key is None or key > self.last_key:
            self.last_key = key

    def apply(self, event: Event) -> None:
        """Apply one event, or raise without changing anything.

        Raises:
            RuleViolation: the author may not make this change.
            MalformedEvent: the body is missing fields or has wrong types.
        """
        if event.pair_id != self.pair_id:
            raise RuleViolation("This change belongs to a different pair.")
        if event.kind is not EventKind.PAIR_CREATED and self.created_at is None:
            raise RuleViolation("The pair does not exist yet.")
        check_permission(event, self)
        unaware = False
        if self.ending is not None and event.kind is not EventKind.ENDING_REASON:
            if self._knew_of_ending(event):
                raise RuleViolation(
                    "This mentoring relationship has ended; its record is read-only."
                )
            unaware = True
        handler = _HANDLERS[event.kind]
        handler(self, event, event.body)
        if unaware:
            self.unaware_of_ending.append(event.event_id)

    def _knew_of_ending(self, event: Event) -> bool:
        """Whether the author of ``event`` had seen the ending when they made it.

        Decided by the event's own stamp (what its device had seen), never by
        clocks: a change made before the news arrived is kept wherever the
        clocks put it, and one made after is refused however it is dated.
        Changes from before causal stamps follow the old rule: refused.
        """
        if self._ending_mark is None or not event.origin:
            return True
        return event.saw(*self._ending_mark)

    def _require_meeting(self, meeting_id: str) -> Meeting:
        meeting = self.meetings.get(meeting_id)
        if meeting is None:
            raise RuleViolation("That meeting does not exist.")
        return meeting

    def _require_goal(self, goal_id: str) -> Goal:
        goal = self.goals.get(goal_id)
        if goal is None:
            raise RuleViolation("That goal does not exist.")
        return goal


def fold_order(event: Event) -> FoldKey:
    """The canonical order: this copy's PAIR_CREATED first, then the causal order.

    PAIR_CREATED says whose copy this is; it is never shared, and a partner
    may well have started writing before this copy was made, so it opens the
    history whatever its stamp.
    """
    return (event.kind is not EventKind.PAIR_CREATED, event.sort_key)


def fingerprint(text: str) -> int:
    """A note version's fingerprint: the same in every process, so it can be saved.

    Python's own ``hash`` of a string changes with each start (hash
    randomisation), which a saved state (``domain/snapshot.py``) cannot keep.
    Lone surrogates (which JSON can carry) are hashed as they are.
    """
    digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "big")


def fold(pair_id: str, events: Iterable[Event]) -> PairState:
    """Build a pair's state from its events, in their canonical order (O(n log n))."""
    state = PairState(pair_id)
    for event in sorted(events, key=fold_order):
        state.take(event)
    return state


# ----------------------------------------------------------------- body fields
def _text(body: Mapping[str, Any], key: str, limit: int = MAX_TITLE, required: bool = False) -> str:
    value = body.get(key, "")
    if not isinstance(value, str) or len(value) > limit:
        raise MalformedEvent(f"{key} must be text of at most {limit} characters")
    if required and not value.strip():
        raise MalformedEvent(f"{key} must not be empty")
    return value


def _id(body: Mapping[str, Any], key: str) -> str:
    value = body.get(key)
    if not isinstance(value, str) or not value or len(value) > 64:
        raise MalformedEvent(f"{key} must be an id")
    return value


def _opt_id(body: Mapping[str, Any], key: str) -> str | None:
    return None if body.get(key) is None else _id(body, key)


def _date(body: Mapping[str, Any], key: str) -> date | None:
    value = body.get(key)
    if value is None or value == "":
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise MalformedEvent(f"{key} must be a date") from None


def _datetime(body: Mapping[str, Any], key: str) -> datetime:
    try:
        value = datetime.fromisoformat(str(body[key]))
    except (KeyError, ValueError):
        raise MalformedEvent(f"{key} must be a date and time") from None
    if value.tzinfo is None:
        raise MalformedEvent(f"{key} must carry a time zone")
    return value


def _int(body: Mapping[str, Any], key: str, low: int, high: int) -> int:
    value = body.get(key)
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise MalformedEvent(f"{key} must be a whole number from {low} to {high}")
    return value


def _bool(body: Mapping[str, Any], key: str) -> bool:
    value = body.get(key)
    if not isinstance(value, bool):
        raise MalformedEvent(f"{key} must be true or false")
    return value


def _enum(body: Mapping[str, Any], key: str, kind: Callable[[str], E]) -> E:
    value = body.get(key)
    members: dict[object, E] = getattr(kind, "_value2member_map_", {})
    if type(value) is str and value in members:
        return members[value]  # the usual case, without the enum's slower call
    try:
        return kind(str(value))
    except ValueError:
        raise MalformedEvent(f"{key} has an unknown value") from None


# ----------------------------------------------------------------- handlers
def _pair_created(s: PairState, e: Event, b: Mapping[str, Any]) -> None:
    if s.created_at is not None:
        raise RuleViolation("The pair already exists.")
    role = _enum(b, "my_role", Role)
    if e.author is not role:
        raise RuleViolation("This change can only be made on this computer.")
    s.partner_name = _text(b, "partner_name", 80, required=True)
    s.my_role = role
    s.created_at = e.at


def _ended(s: PairState, e: Event, b: Mapping[str, Any]) -> None:
    summary = _text(b, "summary", MAX_TEXT)
    if s.ending is not None:
        return  # both ended it without knowing of each other: the first ending stands
    s.ending = Ending(at=e.at, by=e.author, summary=summary)
    s._ending_mark = (e.origin, e.seq) if e.origin and e.seq else None


def _ending_reason(s: PairState, e: Event, b: Mapping[str, Any]) -> None:
    if s.ending is None:
        raise RuleViolation("The relationship has not ended.")
    s.ending = Ending(s.ending.at, s.ending.by, s.ending.summary, _text(b, "reason", MAX_TEXT))


def _agreement_set(s: PairState, e: Event, b: Mapping[str, Any]) -> None:
    modes = b.get("modes", [])
    if not isinstance(modes, list):
        raise MalformedEvent("modes must be a list")
    s.agreement = Agreement(
        revision=e.event_id,
        frequency=_text(b, "frequency", required=True),
        starts_on=_date(b, "starts_on"),
        review_on=_date(b, "review_on"),
        modes=tuple(_enum({"mode": m}, "mode", MeetingMode) for m in modes),
        confidentiality=_text(b, "confidentiality", MAX_TEXT),
        limits=_text(b, "limits", MAX_TEXT),
        no_fault_ending=_bool(b, "no_fault_ending"),
        # Whoever sets the terms agrees to them.
        confirmed_by=frozenset({e.author}),
    )
    s.agreement_versions[e.event_id] = s.agreement


def _agreement_confirmed(s: PairState, e: Event, b: Mapping[str, Any]) -> None:
    revision = _id(b, "revision")
    version = s.agreement_versions.get(revision)
    if version is None:
        raise RuleViolation("That version of the agreement does not exist.")
    if e.origin and s.agreement is not None and revision != s.agreement.revision:
        # Confirmed while the other changed the terms: it counts for the version
        # its author saw (earlier_confirmations), not for the new one.
        s.agreement_versions[revision] = dataclasses.replace(
            version, confirmed_by=version.confirmed_by | {e.author}
        )
        return
    if s.agreement is None or revision != s.agreement.revision:
        raise RuleViolation("The agreement changed since; confirm the current version.")
    s.agreement = dataclasses.replace(version, confirmed_by=version.confirmed_by | {e.author})
    s.agreement_versions[revision] = s.agreement


def _meeting_fields(b: Mapping[str, Any], base: Meeting | None, meeting_id: str) -> Meeting:
    def pick(key: str, read: Callable[[], Any], default: Any) -> Any:
        return read() if key in b else default

    return Meeting(
        meeting_id=meeting_id,
        starts_at=pick(
            "starts_at", lambda: _datetime(b, "starts_at"), base.starts_at if base else None
        ),
        duration_min=pick(
            "duration_min",
            lambda: _int(b, "duration_min", 5, 24 * 60),
            base.duration_min if base else 60,
        ),
        mode=pick(
            "mode",
            lambda: _enum(b, "mode", MeetingMode),
            base.mode if base else MeetingMode.IN_PERSON,
        ),
        place=pick("place", lambda: _text(b, "place"), base.place if base else ""),
        cancelled=base.cancelled if base else False,
        agenda_ready=base.agenda_ready if base else False,
    )


def _meeting_planned(s: PairState, e: Event, b: Mapping[str, Any]) -> None:
    meeting_id = _id(b, "meeting_id")
    if meeting_id in s.meetings:
        raise RuleViolation("That meeting exists already.")
    if "starts_at" not in b:
        raise MalformedEvent("starts_at is required")
    s.meetings[meeting_id] = _meeting_fields(b, None, meeting_id)


def _meeting_updated(s: PairState, e: Event, b: Mapping[str, Any]) -> None:
    meeting = s._require_meeting(_id(b, "meeting_id"))
    s.meetings[meeting.meeting_id] = _meeting_fields(b, meeting, meeting.meeting_id)


def _meeting_cancelled(s: PairState, e: Event, b: Mapping[str, Any]) -> None:
    m = s._require_meeting(_id(b, "meeting_id"))
    s.meetings[m.meeting_id] = Meeting(
        m.meeting_id, m.starts_at, m.duration_min, m.mode, m.place, True, m.agenda_ready
    )


def _item_fields(b: Mapping[str, Any], base: AgendaItem) -> AgendaItem:
    return AgendaItem(
        item_id=base.item_id,
        meeting_id=base.meeting_id,
        title=_text(b, "title", required=True) if "title" in b else base.title,
        why=_text(b, "why", MAX_TEXT) if "why" in b else base.why,
        outcome=_text(b, "outcome", MAX_TEXT) if "outcome" in b else base.outcome,
        goal_id=_opt_id(b, "goal_id") if "goal_id" in b else base.goal_id,
        from_suggestion=base.from_suggestion,
    )


def _find_item(s: PairState, item_id: str) -> tuple[list[AgendaItem], int]:
    meeting_id = s._item_meeting.get(item_id)
    if meeting_id is None:
        raise RuleViolation("That agenda item does not exist.")
    items = s.agenda[meeting_id]
    for index, item in enumerate(items):
        if item.item_id == item_id:
            return items, index
    raise AssertionError("agenda index out of step")  # pragma: no cover - a bug


def _check_goal_link(s: PairState, item: AgendaItem) -> None:
    if item.goal_id is not None:
        s._require_goal(item.goal_id)


def _item_added(
    s: PairState, e: Event, b: Mapping[str, Any], suggestion: str | None = None
) -> None:
    meeting = s._require_meeting(_id(b, "meeting_id"))
    item_id = _id(b, "item_id")
    if item_id in s._item_meeting or item_id in s._removed_items:
        raise RuleViolation("That agenda item exists already.")
    base = AgendaItem(item_id, meeting.meeting_id, "", from_suggestion=suggestion)
    item = _item_fields({"title": "", **b}, base)
    if not item.title.strip():
        raise MalformedEvent("title must not be empty")
    _check_goal_link(s, item)
    s.agenda.setdefault(meeting.meeting_id, []).append(item)
    s._item_meeting[item_id] = meeting.meeting_id


def _item_updated(s: PairState, e: Event, b: Mapping[str, Any]) -> None:
    item_id = _id(b, "item_id")
    removed = s._removed_items.get(item_id)
    if removed is not None:
        # Edited on one device while removed on another: the edit brings it back.
        item = _item_fields(b, removed)
        _check_goal_link(s, item)
        del s._removed_items[item_id]
        s.agenda.setdefault(item.meeting_id, []).append(item)
        s._item_meeting[item_id] = item.meeting_id
        return
    items, index = _find_item(s, item_id)
    item = _item_fields(b, items[index])
    _check_goal_link(s, item)
    items[index] = item


def _item_removed(s: PairState, e: Event, b: Mapping[str, Any]) -> None:
    item_id = _id(b, "item_id")
    if item_id in s._removed_items and e.origin:
        return  # removed on two devices: once is enough
    items, index = _find_item(s, item_id)
    s._removed_items[item_id] = items.pop(index)
    del s._item_meeting[item_id]


def _reordered(s: PairState, e: Event, b: Mapping[str, Any]) -> None:
    meeting = s._require_meeting(_id(b, "meeting_id"))
    order = b.get("order")
    if not isinstance(order, list) or not all(isinstance(i, str) for i in order):
        raise MalformedEvent("order must be a list of item ids")
    items = s.agenda.get(meeting.meeting_id, [])
    rank = {item_id: n for n, item_id in enumerate(order)}
    # Items the order does not know (added concurrently) keep their place at the end.
    items.sort(key=lambda i: (rank.get(i.item_id, len(rank)),))


def _ready(s: PairState, e: Event, b: Mapping[str, Any]) -> None:
    m = s._require_meeting(_id(b, "meeting_id"))
    s.meetings[m.meeting_id] = Meeting(
        m.meeting_id, m.starts_at, m.duration_min, m.mode, m.place, m.cancelled, _bool(b, "ready")
    )


def _suggestion_added(s: PairState, e: Event, b: Mapping[str, Any]) -> None:
    meeting = s._require_meeting(_id(b, "meeting_id"))
    suggestion_id = _id(b, "suggestion_id")
    if suggestion_id in s.suggestions:
        raise RuleViolation("That suggestion exists already.")
    s.suggestions[suggestion_id] = Suggestion(
        suggestion_id,
        meeting.meeting_id,
        _text(b, "title", required=True),
        _text(b, "why", MAX_TEXT),
    )


def _suggestion_decided(status: str) -> Callable[[PairState, Event, Mapping[str, Any]], None]:
    def handle(s: PairState, e: Event, b: Mapping[str, Any]) -> None:
        sug = s.suggestions.get(_id(b, "suggestion_id"))
        if sug is None:
            raise RuleViolation("That suggestion does not exist.")
        if sug.status != "open":
            if e.origin:
                return  # decided on two devices at once: the first decision stands
            raise RuleViolation("That suggestion was already dealt with.")
        if status == "accepted":
            _item_added(
                s,
                e,
                {
                    "meeting_id": sug.meeting_id,
                    "title": sug.title,
                    "why": sug.why,
                    "item_id": _id(b, "item_id"),
                },
                sug.suggestion_id,
            )
        s.suggestions[sug.suggestion_id] = Suggestion(
            sug.suggestion_id, sug.meeting_id, sug.title, sug.why, status
        )

    return handle


def _categories(s: PairState, e: Event, b: Mapping[str, Any]) -> None:
    values = b.get("categories")
    if (
        not isinstance(values, list)
        or not values
        or not all(isinstance(v, str) and v.strip() for v in values)
    ):
        raise MalformedEvent("categories must be a non-empty list of names")
    s.categories = tuple(dict.fromkeys(v.strip() for v in values))


_GOAL_LABELS = {
    "title": "title", "description": "description", "category": "category",
    "target": "target date", "status": "status", "progress": "progress",
}  # fmt: skip


def _goal_fields(b: Mapping[str, Any], g: Goal) -> Goal:
    return Goal(
        goal_id=g.goal_id,
        title=_text(b, "title", required=True) if "title" in b else g.title,
        description=_text(b, "description", MAX_TEXT) if "description" in b else g.description,
        category=_text(b, "category", 80) if "category" in b else g.category,
        target=_date(b, "target") if "target" in b else g.target,
        status=_enum(b, "status", GoalStatus) if "status" in b else g.status,
        progress=_int(b, "progress", 0, 100) if "progress" in b else g.progress,
        milestones=g.milestones,
        history=g.history,
    )


def _with_history(s: PairState, goal: Goal, change: GoalChange) -> Goal:
    # One growing list per goal, and each Goal holds a read-only view of its
    # prefix: a change costs O(1), not a copy of the whole history.
    history = s._goal_history.setdefault(goal.goal_id, [])
    history.append(change)
    return dataclasses.replace(goal, history=History(history))


def _describe(old: Goal, new: Goal) -> str:
    parts = []
    for attr, label in _GOAL_LABELS.items():
        before, after = getattr(old, attr), getattr(new, attr)
        if before != after:
            if attr == "description":
                parts.append("description edited")
            else:
                parts.append(f"{label}: {_show(before)} → {_show(after)}")
    return "; ".join(parts) or "no change"


def _changes(old: Goal, new: Goal) -> tuple[tuple[str, str, str], ...]:
    """(field, before, after) for each field a goal update changed, as plain values."""
    found = []
    for attr in _GOAL_LABELS:
        before, after = getattr(old, attr), getattr(new, attr)
        if before != after:
            if attr == "description":
                found.append((attr, "", ""))
            else:
                found.append((attr, _plain(before), _plain(after)))
    return tuple(found)


def _plain(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, GoalStatus):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _show(value: object) -> str:
    if value in (None, ""):
        return "none"
    if isinstance(value, GoalStatus):
        return value.value
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value} %"
    return str(value)


def _goal_created(s: PairState, e: Event, b: Mapping[str, Any]) -> None:
    goal_id = _id(b, "goal_id")
    if goal_id in s.goals:
        raise RuleViolation("That goal exists already.")
    goal = _goal_fields({"title": "", **b}, Goal(goal_id, ""))
    if not goal.title.strip():
        raise MalformedEvent("title must not be empty")
    s.goals[goal_id] = _with_history(s, goal, GoalChange(e.at, e.author, "goal created", "created"))


def _goal_updated(s: PairState, e: Event, b: Mapping[str, Any]) -> None:
    old = s._require_goal(_id(b, "goal_id"))
    new = _goal_fields(b, old)
    change = GoalChange(e.at, e.author, _describe(old, new), "updated", "", _changes(old, new))
    s.goals[old.goal_id] = _with_history(s, new, change)


def _milestone_added(s: PairState, e: Event, b: Mapping[str, Any]) -> None:
    g = s._require_goal(_id(b, "goal_id"))
    milestone = Milestone(_id(b, "milestone_id"), _text(b, "title", required=True), _date(b, "due"))
    if any(m.milestone_id == milestone.milestone_id for m in g.milestones):
        raise RuleViolation("That milestone exists already.")
    updated = Goal(
        g.goal_id,
        g.title,
        g.description,
        g.category,
        g.target,
        g.status,
        g.progress,
        (*g.milestones, milestone),
        g.history,
    )
    s.goals[g.goal_id] = _with_history(
        s,
        updated,
        GoalChange(
            e.at,
            e.author,
            f"milestone added: {milestone.title}",
            "milestone_added",
            milestone.title,
        ),
    )


def _milestone_updated(s: PairState, e: Event, b: Mapping[str, Any]) -> None:
    g = s._require_goal(_id(b, "goal_id"))
    milestone_id = _id(b, "milestone_id")
    found = [m for m in g.milestones if m.milestone_id == milestone_id]
    if not found:
        raise RuleViolation("That milestone does not exist.")
    m = found[0]
    new = Milestone(
        m.milestone_id,
        _text(b, "title", required=True) if "title" in b else m.title,
        _date(b, "due") if "due" in b else m.due,
        _bool(b, "done") if "done" in b else m.done,
    )
    stones = tuple(new if x.milestone_id == milestone_id else x for x in g.milestones)
    what = "milestone done" if new.done and not m.done else "milestone changed"
    updated = Goal(
        g.goal_id,
        g.title,
        g.description,
        g.category,
        g.target,
        g.status,
        g.progress,
        stones,
        g.history,
    )
    s.goals[g.goal_id] = _with_history(
        s,
        updated,
        GoalChange(
            e.at,
            e.author,
            f"{what}: {new.title}",
            "milestone_done" if what == "milestone done" else "milestone_changed",
            new.title,
        ),
    )


def _note_created(s: PairState, e: Event, b: Mapping[str, Any]) -> None:
    note_id = _id(b, "note_id")
    if note_id in s._note_origin:
        raise RuleViolation("That note exists already.")
    kind = _enum(b, "kind", NoteKind)
    goal_id = _opt_id(b, "goal_id")
    if goal_id is not None:
        s._require_goal(goal_id)
    meeting_id = _opt_id(b, "meeting_id")
    if meeting_id is not None:
        s._require_meeting(meeting_id)
    s.notes[note_id] = Note(
        note_id=note_id, kind=kind, author=e.author, title=_text(b, "title"),
        text=_text(b, "text", MAX_TEXT), created_at=e.at, updated_at=e.at,
        revision=e.event_id, meeting_id=meeting_id, goal_id=goal_id,
    )  # fmt: skip
    s._note_origin[note_id] = (kind, e.author)
    note = s.notes[note_id]
    s._note_versions[e.event_id] = (fingerprint(note.title), fingerprint(note.text))


def _note_edited(s: PairState, e: Event, b: Mapping[str, Any]) -> None:
    note_id = _id(b, "note_id")
    note = s.notes.get(note_id)
    deleted_by = None
    if note is None:
        # Edited while someone deleted it: the words come back, marked.
        note = s.deleted_notes.get(note_id)
        if note is None or not e.origin:
            raise RuleViolation("That note does not exist.")
        deleted_by = note.deleted_by
    title = _text(b, "title") if "title" in b else note.title
    text = _text(b, "text", MAX_TEXT) if "text" in b else note.text
    base = _id(b, "base")
    resolve = _bool(b, "resolve") if "resolve" in b else not e.origin
    conflicts = note.conflicts
    if base != note.revision and _overwrites(s, note, base, b, title, text):
        # Crossed edits (made from the same version, or from one that another
        # edit replaced): the later one in the fold order becomes the text and
        # every other version is kept for a person to settle.
        loser = NoteVersion(
            note.revision, note.title, note.text, note.edited_by or note.author, note.updated_at
        )
        conflicts = (*conflicts, loser)
    elif base == note.revision and resolve:
        # The author saw the current version and chose: crossed versions and
        # the deletion notice are settled. A plain edit (autosave while the
        # conflict shows) keeps them, so no one's words vanish unseen.
        conflicts, deleted_by = (), None
    if deleted_by is None and not resolve:
        deleted_by = note.deleted_by
    s.deleted_notes.pop(note_id, None)
    s._note_versions[e.event_id] = (fingerprint(title), fingerprint(text))
    s.notes[note_id] = dataclasses.replace(
        note, title=title, text=text, updated_at=e.at, revision=e.event_id,
        conflicts=conflicts, edited_by=e.author, deleted_by=deleted_by,
    )  # fmt: skip


def _overwrites(
    s: PairState, note: Note, base: str, b: Mapping[str, Any], title: str, text: str
) -> bool:
    """Whether a crossed edit replaces words that someone else changed since its base.

    An edit names the fields it sets; crossing an edit of *another* field (a
    new title while the partner rewrote the text) loses nothing, so only a
    field that changed since the base and is now set to something else
    counts. Versions are compared by fingerprint, so the fold keeps no old
    text in memory.
    """
    before = s._note_versions.get(base)
    for index, (key, new) in enumerate((("title", title), ("text", text))):
        current = note.title if key == "title" else note.text
        if key not in b or new == current:
            continue
        if before is None or before[index] != fingerprint(current):
            return True
    return False


def _note_deleted(s: PairState, e: Event, b: Mapping[str, Any]) -> None:
    note_id = _id(b, "note_id")
    note = s.notes.get(note_id)
    if note is None:
        if e.origin and note_id in s.deleted_notes:
            return  # deleted on both sides: once is enough
        raise RuleViolation("That note does not exist.")
    base = _opt_id(b, "base")
    if base is not None and (base != note.revision or note.conflicts):
        # The deleter had not seen the latest words (or crossed versions wait
        # to be settled): keep the note and say who wanted it gone.
        s.notes[note_id] = dataclasses.replace(note, deleted_by=e.author)
        return
    del s.notes[note_id]
    s.deleted_notes[note_id] = dataclasses.replace(note, deleted_by=e.author)


def _action_fields(b: Mapping[str, Any], a: Action) -> Action:
    return Action(
        action_id=a.action_id,
        what=_text(b, "what", required=True) if "what" in b else a.what,
        owner=_enum(b, "owner", Role) if "owner" in b else a.owner,
        due=_date(b, "due") if "due" in b else a.due,
        done=_bool(b, "done") if "done" in b else a.done,
        meeting_id=a.meeting_id,
    )


def _action_added(s: PairState, e: Event, b: Mapping[str, Any]) -> None:
    action_id = _id(b, "action_id")
    if action_id in s.actions:
        raise RuleViolation("That action exists already.")
    meeting_id = _opt_id(b, "meeting_id")
    if meeting_id is not None:
        s._require_meeting(meeting_id)
    if "what" not in b or "owner" not in b:
        raise MalformedEvent("what and owner are required")
    s.actions[action_id] = _action_fields(
        b, Action(action_id, "", Role.MENTEE, meeting_id=meeting_id)
    )


def _action_updated(s: PairState, e: Event, b: Mapping[str, Any]) -> None:
    action = s.actions.get(_id(b, "action_id"))
    if action is None:
        raise RuleViolation("That action does not exist.")
    s.actions[action.action_id] = _action_fields(b, action)


_HANDLERS: dict[EventKind, Callable[[PairState, Event, Mapping[str, Any]], None]] = {
    EventKind.PAIR_CREATED: _pair_created,
    EventKind.RELATIONSHIP_ENDED: _ended,
    EventKind.ENDING_REASON: _ending_reason,
    EventKind.AGREEMENT_SET: _agreement_set,
    EventKind.AGREEMENT_CONFIRMED: _agreement_confirmed,
    EventKind.MEETING_PLANNED: _meeting_planned,
    EventKind.MEETING_UPDATED: _meeting_updated,
    EventKind.MEETING_CANCELLED: _meeting_cancelled,
    EventKind.AGENDA_ITEM_ADDED: _item_added,
    EventKind.AGENDA_ITEM_UPDATED: _item_updated,
    EventKind.AGENDA_ITEM_REMOVED: _item_removed,
    EventKind.AGENDA_REORDERED: _reordered,
    EventKind.AGENDA_READY: _ready,
    EventKind.SUGGESTION_ADDED: _suggestion_added,
    EventKind.SUGGESTION_ACCEPTED: _suggestion_decided("accepted"),
    EventKind.SUGGESTION_DISMISSED: _suggestion_decided("dismissed"),
    EventKind.CATEGORIES_SET: _categories,
    EventKind.GOAL_CREATED: _goal_created,
    EventKind.GOAL_UPDATED: _goal_updated,
    EventKind.MILESTONE_ADDED: _milestone_added,
    EventKind.MILESTONE_UPDATED: _milestone_updated,
    EventKind.NOTE_CREATED: _note_created,
    EventKind.NOTE_EDITED: _note_edited,
    EventKind.NOTE_DELETED: _note_deleted,
    EventKind.ACTION_ADDED: _action_added,
    EventKind.ACTION_UPDATED: _action_updated,
}
