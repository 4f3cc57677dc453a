"""A pair's current state, derived from its events and nothing else.

:func:`fold` sorts events by ``(at, event_id)`` and applies them one by one, so
the same set of events gives the same state whatever order they arrived in
(the sync issue relies on this). An event that breaks a rule or is malformed
is skipped and listed in :attr:`PairState.rejected`; it changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from typing import Any, TypeVar

from mentorpair.domain.events import Event, EventKind, MalformedEvent
from mentorpair.domain.model import (
    DEFAULT_CATEGORIES,
    Action,
    AgendaItem,
    Agreement,
    Ending,
    Goal,
    GoalChange,
    GoalStatus,
    Meeting,
    MeetingMode,
    Milestone,
    Note,
    NoteKind,
    Role,
    Suggestion,
)
from mentorpair.domain.rules import RuleViolation, check_permission

__all__ = ["PairState", "fold"]

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
        self.last_key: tuple[datetime, str] | None = None
        self._note_origin: dict[str, tuple[NoteKind, Role]] = {}

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

    @property
    def read_only(self) -> bool:
        """True once the relationship has ended."""
        return self.ending is not None

    # ------------------------------------------------------------- applying
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
        handler = _HANDLERS[event.kind]
        handler(self, event, event.body)
        self.last_key = event.sort_key

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


def fold_order(event: Event) -> tuple[bool, datetime, str]:
    """The canonical order: this copy's PAIR_CREATED first, then by time and id.

    PAIR_CREATED says whose copy this is; it is never shared, and a partner
    may well have started writing before this copy was made, so it opens the
    history whatever its time.
    """
    return (event.kind is not EventKind.PAIR_CREATED, *event.sort_key)


def fold(pair_id: str, events: Iterable[Event]) -> PairState:
    """Build a pair's state from its events, in their canonical order."""
    state = PairState(pair_id)
    for event in sorted(events, key=fold_order):
        try:
            state.apply(event)
        except (RuleViolation, MalformedEvent) as exc:
            state.rejected.append((event.event_id, str(exc)))
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
    try:
        return kind(str(body.get(key)))
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
    s.ending = Ending(at=e.at, by=e.author, summary=_text(b, "summary", MAX_TEXT))


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


def _agreement_confirmed(s: PairState, e: Event, b: Mapping[str, Any]) -> None:
    if s.agreement is None or _id(b, "revision") != s.agreement.revision:
        raise RuleViolation("The agreement changed since; confirm the current version.")
    a = s.agreement
    s.agreement = Agreement(
        a.revision, a.frequency, a.starts_on, a.review_on, a.modes, a.confidentiality,
        a.limits, a.no_fault_ending, a.confirmed_by | {e.author},
    )  # fmt: skip


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
    for items in s.agenda.values():
        for index, item in enumerate(items):
            if item.item_id == item_id:
                return items, index
    raise RuleViolation("That agenda item does not exist.")


def _check_goal_link(s: PairState, item: AgendaItem) -> None:
    if item.goal_id is not None:
        s._require_goal(item.goal_id)


def _item_added(
    s: PairState, e: Event, b: Mapping[str, Any], suggestion: str | None = None
) -> None:
    meeting = s._require_meeting(_id(b, "meeting_id"))
    item_id = _id(b, "item_id")
    if any(i.item_id == item_id for items in s.agenda.values() for i in items):
        raise RuleViolation("That agenda item exists already.")
    base = AgendaItem(item_id, meeting.meeting_id, "", from_suggestion=suggestion)
    item = _item_fields({"title": "", **b}, base)
    if not item.title.strip():
        raise MalformedEvent("title must not be empty")
    _check_goal_link(s, item)
    s.agenda.setdefault(meeting.meeting_id, []).append(item)


def _item_updated(s: PairState, e: Event, b: Mapping[str, Any]) -> None:
    items, index = _find_item(s, _id(b, "item_id"))
    item = _item_fields(b, items[index])
    _check_goal_link(s, item)
    items[index] = item


def _item_removed(s: PairState, e: Event, b: Mapping[str, Any]) -> None:
    items, index = _find_item(s, _id(b, "item_id"))
    del items[index]


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
        if sug is None or sug.status != "open":
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


def _with_history(goal: Goal, change: GoalChange) -> Goal:
    return Goal(
        goal.goal_id, goal.title, goal.description, goal.category, goal.target,
        goal.status, goal.progress, goal.milestones, (*goal.history, change),
    )  # fmt: skip


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
    s.goals[goal_id] = _with_history(goal, GoalChange(e.at, e.author, "goal created"))


def _goal_updated(s: PairState, e: Event, b: Mapping[str, Any]) -> None:
    old = s._require_goal(_id(b, "goal_id"))
    new = _goal_fields(b, old)
    s.goals[old.goal_id] = _with_history(new, GoalChange(e.at, e.author, _describe(old, new)))


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
        updated, GoalChange(e.at, e.author, f"milestone added: {milestone.title}")
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
    s.goals[g.goal_id] = _with_history(updated, GoalChange(e.at, e.author, f"{what}: {new.title}"))


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


def _note_edited(s: PairState, e: Event, b: Mapping[str, Any]) -> None:
    note = s.notes.get(_id(b, "note_id"))
    if note is None:
        raise RuleViolation("That note does not exist.")
    title = _text(b, "title") if "title" in b else note.title
    text = _text(b, "text", MAX_TEXT) if "text" in b else note.text
    base = _id(b, "base")
    # Two edits of the same revision collided: the later one (in the canonical
    # order) becomes the text, the earlier one is kept for a person to choose.
    conflict = note.text if base != note.revision and note.text != text else None
    s.notes[note.note_id] = Note(
        note.note_id, note.kind, note.author, title, text, note.created_at, e.at,
        e.event_id, note.meeting_id, note.goal_id, conflict,
    )  # fmt: skip


def _note_deleted(s: PairState, e: Event, b: Mapping[str, Any]) -> None:
    if s.notes.pop(_id(b, "note_id"), None) is None:
        raise RuleViolation("That note does not exist.")


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
