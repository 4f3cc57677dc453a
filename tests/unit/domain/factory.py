"""Building events for the domain tests: one at a time, as a scripted pair, or at random.

- :func:`make` builds one event with a random id: ``make(kind, author, at=..., **body)``.
- :class:`Log` is a pair's history being written in a test, one minute per event.
- :func:`scripted_pair` is a realistic few dozen events of a mentee and a mentor,
  both vaults' views of them (shared events plus each person's local ones).
- :func:`histories` is a Hypothesis strategy for random, often invalid histories.
- :func:`fingerprint` is everything a :class:`PairState` holds, as a comparable value.
"""

from __future__ import annotations

import dataclasses
import random
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from hypothesis import strategies as st

from mentorpair.domain.events import Event, EventKind
from mentorpair.domain.model import NoteKind, Role
from mentorpair.domain.rules import MENTEE_ONLY
from mentorpair.domain.state import PairState, fold

MENTEE, MENTOR = Role.MENTEE, Role.MENTOR
K = EventKind
PAIR = "pair-under-test"
OTHER_PAIR = "some-other-pair"
T0 = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)


def new_id() -> str:
    """A random id, as the app makes them (32 hex digits)."""
    return uuid.uuid4().hex


def make(
    kind: EventKind | str,
    author: Role | str,
    /,
    *,
    at: datetime = T0,
    pair_id: str = PAIR,
    event_id: str | None = None,
    **body: Any,
) -> Event:
    """One event; ``kind`` and ``author`` are positional so a body may have a ``kind``."""
    return Event(
        event_id=event_id or new_id(),
        pair_id=pair_id,
        author=Role(author),
        kind=EventKind(kind),
        at=at,
        body=body,
    )


def iso(value: date | datetime) -> str:
    """Dates and times travel as ISO strings."""
    return value.isoformat()


# ----------------------------------------------------------------- fingerprints
def _canon(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        # Every field, also compare=False ones (Ending.reason) that == would skip.
        fields = dataclasses.fields(value)
        return (type(value).__name__, *(_canon(getattr(value, f.name)) for f in fields))
    if isinstance(value, Mapping):
        # Insertion order is kept: it is derived from the fold order, so it must agree too.
        return tuple((k, _canon(v)) for k, v in value.items())
    if isinstance(value, list | tuple):
        return tuple(_canon(v) for v in value)
    if isinstance(value, set | frozenset):
        return frozenset(_canon(v) for v in value)
    return value


def fingerprint(state: PairState, *, rejected: bool = False) -> tuple[Any, ...]:
    """Every attribute of ``state`` (also private ones such as note origins), deep-copied.

    ``rejected`` includes the list of refused events, which a fold of only the
    accepted events naturally does not have.
    """
    return tuple(
        (name, _canon(value))
        for name, value in sorted(vars(state).items())
        if (rejected or name != "rejected") and name not in _BOOKKEEPING
    )


#: Where the fold stands in the history, not what the pair holds: a refused
#: change still moves these on (it happened, and later ones come after it).
_BOOKKEEPING = frozenset({"last_key", "heads", "max_clock", "max_pclock"})


def shared_view(state: PairState) -> tuple[Any, ...]:
    """What both partners must see alike: everything but their own private things."""
    shared = {"pair_id", "agreement", "meetings", "agenda", "suggestions", "goals", "actions"}
    shared_notes = {k: n for k, n in state.notes.items() if n.kind is NoteKind.SHARED}
    return (
        *(item for item in fingerprint(state) if item[0] in shared | {"categories"}),
        tuple(shared_notes.items()),
    )


def accepted(events: Iterable[Event], state: PairState) -> list[Event]:
    """The events that ``state`` (their fold) did not refuse."""
    refused = {event_id for event_id, _ in state.rejected}
    return [e for e in events if e.event_id not in refused]


# ----------------------------------------------------------------- a log in a test
@dataclass
class Log:
    """A pair's history written in a test: each event one minute after the last.

    The pair is created by ``my_role`` at :data:`T0`.
    """

    my_role: Role = MENTEE
    pair_id: str = PAIR
    now: datetime = T0
    events: list[Event] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.add(K.PAIR_CREATED, self.my_role, my_role=self.my_role.value, partner_name="Sam")

    def add(
        self, kind: EventKind, author: Role, /, *, event_id: str | None = None, **body: Any
    ) -> Event:
        """Append an event (refused or not) and return it."""
        event = make(kind, author, at=self.now, pair_id=self.pair_id, event_id=event_id, **body)
        self.now += timedelta(minutes=1)
        self.events.append(event)
        return event

    def state(self) -> PairState:
        """The fold of everything so far."""
        return fold(self.pair_id, self.events)

    def meeting(self, meeting_id: str = "m1", days: int = 7, **fields: Any) -> str:
        """Plan a meeting ``days`` after T0 (by the mentor)."""
        starts = iso(T0 + timedelta(days=days))
        self.add(K.MEETING_PLANNED, MENTOR, meeting_id=meeting_id, starts_at=starts, **fields)
        return meeting_id

    def goal(
        self, goal_id: str = "g1", title: str = "Apply for a fellowship", **fields: Any
    ) -> str:
        """Create a goal (by the mentee)."""
        self.add(K.GOAL_CREATED, MENTEE, goal_id=goal_id, title=title, **fields)
        return goal_id

    def item(self, item_id: str, meeting_id: str = "m1", **fields: Any) -> str:
        """Add an agenda item (by the mentee)."""
        fields.setdefault("title", f"Talk about {item_id}")
        self.add(K.AGENDA_ITEM_ADDED, MENTEE, item_id=item_id, meeting_id=meeting_id, **fields)
        return item_id

    def note(self, note_id: str, kind: str, author: Role, text: str = "a note") -> Event:
        """Create a note of ``kind`` (private, shared, reflection)."""
        return self.add(K.NOTE_CREATED, author, note_id=note_id, kind=kind, title="", text=text)


# ----------------------------------------------------------------- a scripted pair
@dataclass
class ScriptedPair:
    """A realistic history of one pair, as both partners' vaults hold it.

    Attributes:
        shared: what both vaults hold (sent between them), some of it refused.
        local: what only one person's vault holds: their PAIR_CREATED,
            private notes, reflections, the reason for ending.
        ids: names used in the script, for tests that look things up.
    """

    shared: list[Event] = field(default_factory=list)
    local: dict[Role, list[Event]] = field(default_factory=lambda: {MENTEE: [], MENTOR: []})
    ids: dict[str, str] = field(default_factory=dict)

    def history(self, role: Role) -> list[Event]:
        """Everything in ``role``'s vault."""
        return [*self.shared, *self.local[role]]


def scripted_pair(start: datetime = T0) -> ScriptedPair:
    """About forty events over six weeks, from both roles, with concurrent changes.

    Concurrent changes (made on two machines before either saw the other's)
    share a base or carry the same time, so their order is decided by the fold.
    """
    script = ScriptedPair()
    clock = [start]

    def at(minutes: float = 7) -> datetime:
        clock[0] += timedelta(minutes=minutes)
        return clock[0]

    def share(kind: EventKind, author: Role, /, when: datetime | None = None, **body: Any) -> Event:
        event = make(kind, author, at=when or at(), **body)
        script.shared.append(event)
        return event

    def local(kind: EventKind, author: Role, /, **body: Any) -> Event:
        event = make(kind, author, at=at(), **body)
        script.local[author].append(event)
        return event

    day = timedelta(days=1)
    local(K.PAIR_CREATED, MENTEE, my_role="mentee", partner_name="Dr Okafor")
    local(K.PAIR_CREATED, MENTOR, my_role="mentor", partner_name="Priya")
    terms = share(
        K.AGREEMENT_SET,
        MENTOR,
        frequency="Monthly, about an hour",
        starts_on=iso(start.date()),
        review_on=iso(start.date() + 180 * day),
        modes=["in_person", "video"],
        confidentiality="What we discuss stays between us.",
        limits="Patient safety concerns are raised with the clinical lead.",
        no_fault_ending=True,
    )
    share(K.AGREEMENT_CONFIRMED, MENTEE, revision=terms.event_id)
    share(
        K.CATEGORIES_SET,
        MENTEE,
        categories=["Career", "Research", "Clinical practice", "Teaching", "Wellbeing"],
    )
    share(
        K.GOAL_CREATED,
        MENTEE,
        goal_id="g-fellowship",
        title="Apply for a clinical research fellowship",
        category="Research",
        target=iso(start.date() + 150 * day),
    )
    share(K.GOAL_CREATED, MENTEE, goal_id="g-teaching", title="Lead the F1 teaching programme")
    share(K.GOAL_UPDATED, MENTEE, goal_id="g-fellowship", status="active")
    share(
        K.MILESTONE_ADDED,
        MENTEE,
        goal_id="g-fellowship",
        milestone_id="ms-outline",
        title="Draft a one-page project outline",
        due=iso(start.date() + 30 * day),
    )
    share(
        K.MEETING_PLANNED,
        MENTOR,
        meeting_id="m-1",
        starts_at=iso(start + 7 * day),
        duration_min=60,
        mode="video",
    )
    share(
        K.AGENDA_ITEM_ADDED,
        MENTEE,
        meeting_id="m-1",
        item_id="i-fellowship",
        title="Which fellowship scheme fits?",
        why="The deadline is in three months.",
        outcome="A shortlist of two schemes",
        goal_id="g-fellowship",
    )
    share(
        K.AGENDA_ITEM_ADDED,
        MENTEE,
        meeting_id="m-1",
        item_id="i-rota",
        title="Protecting research time on the rota",
    )
    share(
        K.SUGGESTION_ADDED,
        MENTOR,
        meeting_id="m-1",
        suggestion_id="s-supervisor",
        title="Who could supervise the project?",
        why="Fellowships weigh the supervisor heavily.",
    )
    share(K.SUGGESTION_ADDED, MENTOR, meeting_id="m-1", suggestion_id="s-exam", title="Exams")
    # The mentee reorders on the laptop while accepting a suggestion on the
    # phone, at the same moment: the accepted item is unknown to the order.
    same_moment = at()
    share(
        K.AGENDA_REORDERED,
        MENTEE,
        when=same_moment,
        meeting_id="m-1",
        order=["i-rota", "i-fellowship"],
    )
    share(
        K.SUGGESTION_ACCEPTED,
        MENTEE,
        when=same_moment,
        suggestion_id="s-supervisor",
        item_id="i-supervisor",
    )
    share(K.SUGGESTION_DISMISSED, MENTEE, suggestion_id="s-exam")
    # Two devices dismissed the same suggestion: the second is refused.
    share(K.SUGGESTION_DISMISSED, MENTEE, suggestion_id="s-exam")
    share(K.AGENDA_ITEM_UPDATED, MENTEE, item_id="i-rota", outcome="Two sessions a month")
    share(K.AGENDA_READY, MENTEE, meeting_id="m-1", ready=True)
    worry = local(
        K.NOTE_CREATED,
        MENTEE,
        note_id="n-worry",
        kind="private",
        title="Before the meeting",
        text="Worried my consultant thinks research is a distraction.",
        meeting_id="m-1",
    )
    reflection = local(
        K.NOTE_CREATED,
        MENTOR,
        note_id="n-reflect",
        kind="reflection",
        title="On the fellowship",
        text="She undersells her audit work; ask about it.",
        goal_id="g-fellowship",
    )
    at(7 * 24 * 60)  # the meeting
    session = share(
        K.NOTE_CREATED,
        MENTOR,
        note_id="n-session-1",
        kind="shared",
        title="Session 1",
        text="Shortlist: NIHR and Wellcome.",
        meeting_id="m-1",
    )
    # Both edit the session note offline, from the same revision.
    share(
        K.NOTE_EDITED,
        MENTEE,
        note_id="n-session-1",
        base=session.event_id,
        text="Shortlist: NIHR and Wellcome. I write to Prof Hale.",
    )
    share(
        K.NOTE_EDITED,
        MENTOR,
        note_id="n-session-1",
        base=session.event_id,
        text="Shortlist: NIHR and Wellcome; Wellcome first.",
    )
    share(
        K.ACTION_ADDED,
        MENTEE,
        action_id="a-email",
        what="E-mail Prof Hale about supervision",
        owner="mentee",
        due=iso(start.date() + 14 * day),
        meeting_id="m-1",
    )
    share(
        K.ACTION_ADDED,
        MENTOR,
        action_id="a-intro",
        what="Introduce Priya to last year's fellow",
        owner="mentor",
        due=iso(start.date() + 10 * day),
        meeting_id="m-1",
    )
    share(K.ACTION_UPDATED, MENTOR, action_id="a-intro", done=True)
    share(K.GOAL_UPDATED, MENTEE, goal_id="g-fellowship", progress=40)
    share(K.MILESTONE_UPDATED, MENTEE, goal_id="g-fellowship", milestone_id="ms-outline", done=True)
    # A tampered or buggy partner: the mentor "updates" the mentee's goal.
    share(K.GOAL_UPDATED, MENTOR, goal_id="g-fellowship", status="dropped")
    local(
        K.NOTE_EDITED,
        MENTEE,
        note_id="n-worry",
        base=worry.event_id,
        text="Less worried: Prof Hale said yes.",
    )
    local(K.NOTE_CREATED, MENTEE, note_id="n-draft", kind="private", text="half a thought")
    local(K.NOTE_DELETED, MENTEE, note_id="n-draft")
    share(
        K.MEETING_PLANNED,
        MENTOR,
        meeting_id="m-2",
        starts_at=iso(start + 35 * day),
        mode="in_person",
        place="Library, room 2",
    )
    share(K.MEETING_UPDATED, MENTEE, meeting_id="m-2", mode="phone", place="")
    share(K.MEETING_CANCELLED, MENTOR, meeting_id="m-2")
    share(
        K.MEETING_PLANNED,
        MENTEE,
        meeting_id="m-3",
        starts_at=iso(start + 42 * day),
        mode="video",
        duration_min=45,
    )
    share(K.AGENDA_ITEM_ADDED, MENTEE, meeting_id="m-3", item_id="i-draft", title="My draft")
    # New terms while the partner confirms the old ones: that confirmation is refused.
    review = share(
        K.AGREEMENT_SET,
        MENTEE,
        frequency="Every six weeks",
        modes=["video"],
        confidentiality="What we discuss stays between us.",
        limits="Patient safety concerns are raised with the clinical lead.",
        no_fault_ending=True,
    )
    share(K.AGREEMENT_CONFIRMED, MENTOR, revision=terms.event_id)
    share(K.AGREEMENT_CONFIRMED, MENTOR, revision=review.event_id)
    share(K.GOAL_UPDATED, MENTEE, goal_id="g-teaching", status="active", progress=10)
    local(
        K.NOTE_EDITED,
        MENTOR,
        note_id="n-reflect",
        base=reflection.event_id,
        text="Ask about the audit.",
    )
    share(
        K.NOTE_CREATED,
        MENTEE,
        note_id="n-session-3-prep",
        kind="shared",
        text="Questions about the budget",
        meeting_id="m-3",
    )
    script.ids.update(
        terms=terms.event_id, review=review.event_id, session=session.event_id, pair=PAIR
    )
    return script


# ----------------------------------------------------------------- random histories
MEETINGS = ("m1", "m2")
GOALS = ("g1", "g2")
ITEMS = ("i1", "i2", "i3")
SUGGESTIONS = ("s1", "s2")
NOTES = ("n1", "n2", "n3")
ACTIONS = ("a1", "a2")
MILESTONES = ("ms1", "ms2")

#: Values that are wrong for almost any field.
JUNK: tuple[Any, ...] = (None, 0, -1, True, "", " ", "x" * 301, [], {}, ["x"], "2025-13-45")

#: Kinds weighted so that histories are mostly alive: things get created, ending is rare.
_CREATING = [
    K.MEETING_PLANNED,
    K.GOAL_CREATED,
    K.AGENDA_ITEM_ADDED,
    K.SUGGESTION_ADDED,
    K.NOTE_CREATED,
    K.ACTION_ADDED,
    K.AGREEMENT_SET,
]
_RARE = (K.RELATIONSHIP_ENDED, K.ENDING_REASON, K.PAIR_CREATED)
_CHANGING = [
    K.NOTE_EDITED,
    K.NOTE_DELETED,
    K.SUGGESTION_ACCEPTED,
    K.AGREEMENT_CONFIRMED,
    K.GOAL_UPDATED,
    K.AGENDA_ITEM_UPDATED,
]
_KINDS = [*(k for k in EventKind if k not in _RARE), *_CREATING, *_CREATING, *_CHANGING]


def random_body(rng: random.Random, kind: EventKind, tag: str) -> dict[str, Any]:
    """A body for ``kind``: usually right, sometimes with one field wrong or missing.

    Every free text is ``tag`` plus a word, so each text is unique to the event
    that wrote it (the privacy test relies on this).
    """

    def one(pool: tuple[Any, ...]) -> Any:
        return rng.choice(pool)

    def text(word: str) -> str:
        return f"{word} {tag}"

    def flag() -> bool:
        return rng.random() < 0.5

    when = T0 + timedelta(days=rng.randint(-3, 3))
    fields: dict[str, Any]
    match kind:
        case K.PAIR_CREATED:
            fields = {"my_role": one(("mentee", "mentor")), "partner_name": text("name")}
        case K.RELATIONSHIP_ENDED:
            fields = {"summary": text("summary")}
        case K.ENDING_REASON:
            fields = {"reason": text("reason")}
        case K.AGREEMENT_SET:
            fields = {
                "frequency": text("monthly"),
                "modes": one(([], ["video"], ["video", "phone"])),
                "confidentiality": text("confidential"),
                "limits": text("limits"),
                "no_fault_ending": flag(),
            }
        case K.AGREEMENT_CONFIRMED:
            # :func:`histories` points some of these at real revisions.
            fields = {"revision": text("rev")}
        case K.MEETING_PLANNED | K.MEETING_UPDATED:
            fields = {
                "meeting_id": one(MEETINGS),
                "starts_at": iso(when),
                "mode": one(("video", "phone", "in_person")),
                "duration_min": one((30, 60, 90)),
                "place": text("place"),
            }
        case K.MEETING_CANCELLED:
            fields = {"meeting_id": one(MEETINGS)}
        case K.AGENDA_ITEM_ADDED | K.AGENDA_ITEM_UPDATED:
            fields = {
                "meeting_id": one(MEETINGS),
                "item_id": one(ITEMS),
                "title": text("title"),
                "why": text("why"),
                "goal_id": one((None, *GOALS)),
            }
        case K.AGENDA_ITEM_REMOVED:
            fields = {"item_id": one(ITEMS)}
        case K.AGENDA_REORDERED:
            fields = {"meeting_id": one(MEETINGS), "order": rng.sample(ITEMS, rng.randint(0, 3))}
        case K.AGENDA_READY:
            fields = {"meeting_id": one(MEETINGS), "ready": flag()}
        case K.SUGGESTION_ADDED:
            fields = {
                "meeting_id": one(MEETINGS),
                "suggestion_id": one(SUGGESTIONS),
                "title": text("suggest"),
            }
        case K.SUGGESTION_ACCEPTED | K.SUGGESTION_DISMISSED:
            fields = {"suggestion_id": one(SUGGESTIONS), "item_id": one(ITEMS)}
        case K.CATEGORIES_SET:
            fields = {"categories": [f"cat {tag}", "Career"]}
        case K.GOAL_CREATED | K.GOAL_UPDATED:
            fields = {
                "goal_id": one(GOALS),
                "title": text("goal"),
                "status": one(("proposed", "active", "achieved")),
                "progress": one((0, 40, 100)),
                "target": iso(when.date()),
            }
        case K.MILESTONE_ADDED | K.MILESTONE_UPDATED:
            fields = {
                "goal_id": one(GOALS),
                "milestone_id": one(MILESTONES),
                "title": text("step"),
                "done": flag(),
            }
        case K.NOTE_CREATED:
            fields = {
                "note_id": one(NOTES),
                "kind": one(("private", "shared", "reflection")),
                "title": text("note title"),
                "text": text("note text"),
                "meeting_id": one((None, *MEETINGS)),
            }
        case K.NOTE_EDITED:
            fields = {
                "note_id": one(NOTES),
                "base": one(("base1", "base2")),
                "title": text("edit title"),
                "text": text("edit text"),
            }
        case K.NOTE_DELETED:
            fields = {"note_id": one(NOTES)}
        case K.ACTION_ADDED | K.ACTION_UPDATED:
            fields = {
                "action_id": one(ACTIONS),
                "what": text("do"),
                "owner": one(("mentee", "mentor")),
                "due": iso(when.date()),
                "done": flag(),
            }
    # Sometimes one field is wrong, or missing altogether.
    chance = rng.random()
    if fields and chance < 0.15:
        fields[one(tuple(fields))] = one(JUNK)
    elif fields and chance < 0.22:
        del fields[one(tuple(fields))]
    return fields


def random_event(rng: random.Random, at: datetime, my_role: Role = MENTEE) -> Event:
    """One event of any kind, by either role, often invalid.

    ``my_role`` owns the vault: most private-note changes and ending reasons are theirs.
    """
    chance = rng.random()
    kind = _RARE[int(chance * 100)] if chance < 0.03 else rng.choice(_KINDS)
    event_id = f"{rng.getrandbits(128):032x}"
    pair_id = OTHER_PAIR if rng.random() < 0.03 else PAIR
    body = random_body(rng, kind, event_id[:12])
    # Mostly the person the rules allow, sometimes the other one.
    author = rng.choice([MENTEE, MENTOR])
    if rng.random() < 0.85:
        if kind in MENTEE_ONLY:
            author = MENTEE
        elif kind is K.SUGGESTION_ADDED or body.get("kind") == "reflection":
            author = MENTOR
        elif kind in (K.NOTE_EDITED, K.NOTE_DELETED, K.ENDING_REASON) and rng.random() < 0.7:
            author = my_role
    return make(kind, author, at=at, pair_id=pair_id, event_id=event_id, **body)


@st.composite
def histories(draw: st.DrawFn, max_size: int = 40) -> list[Event]:
    """A pair created at T0 by its owner, then random events with unique ids.

    Each event comes from one drawn seed, so Hypothesis shrinks a history by
    dropping events and simplifying seeds, and generates it quickly.
    """
    my_role = draw(st.sampled_from([MENTEE, MENTOR]))
    created = make(
        K.PAIR_CREATED,
        my_role,
        at=T0,
        event_id="0" * 32,
        my_role=my_role.value,
        partner_name="Sam",
    )
    events = [created]
    if draw(st.booleans()):
        # Often there is something to work on from the start: one of each.
        starters: list[tuple[EventKind, Role, dict[str, Any]]] = [
            (K.MEETING_PLANNED, MENTOR, {"meeting_id": "m1", "starts_at": iso(T0)}),
            (K.GOAL_CREATED, MENTEE, {"goal_id": "g1", "title": "A goal"}),
            (K.AGENDA_ITEM_ADDED, MENTEE, {"meeting_id": "m1", "item_id": "i1", "title": "A"}),
            (K.SUGGESTION_ADDED, MENTOR, {"meeting_id": "m1", "suggestion_id": "s1", "title": "S"}),
            (K.NOTE_CREATED, my_role, {"note_id": "n1", "kind": "private", "text": "mine alone"}),
            (K.NOTE_CREATED, my_role.other, {"note_id": "n2", "kind": "shared", "text": "ours"}),
        ]
        for n, (kind, author, body) in enumerate(starters, start=1):
            at = T0 + timedelta(microseconds=n)
            events.append(make(kind, author, at=at, event_id=f"{n:032x}", **body))
    # Times mostly go forward, often tie (made at once on two machines) and
    # sometimes step back (a partner's clock is behind).
    at = T0
    for _ in range(draw(st.integers(0, max_size))):
        at += timedelta(minutes=draw(st.sampled_from([1, 0, 1, 1, 2, -3, 1, 5, 1])))
        event = random_event(random.Random(draw(st.integers(0, 2**32 - 1))), at, my_role)
        if all(event.event_id != e.event_id for e in events):
            events.append(event)
    # Confirmations and edits name an earlier event; point some at real ones.
    terms = [e.event_id for e in events if e.kind is K.AGREEMENT_SET]
    texts = [e.event_id for e in events if e.kind in (K.NOTE_CREATED, K.NOTE_EDITED)]
    for n, event in enumerate(events):
        field_, pool = {
            K.AGREEMENT_CONFIRMED: ("revision", terms),
            K.NOTE_EDITED: ("base", texts),
        }.get(event.kind, ("", []))
        if pool and field_ in event.body and draw(st.booleans()):
            body = {**event.body, field_: draw(st.sampled_from(pool))}
            events[n] = dataclasses.replace(event, body=body)
    return events
