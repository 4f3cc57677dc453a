"""The example pair that ``mentorpair --demo`` opens: seven months of an invented relationship.

Dr Amara Okafor, a registrar in emergency medicine, and her mentor Dr Helen
Marsh, a consultant (names from ``resources/demo/demo.json``), are mid-way
through a year of mentoring: an agreement, five past meetings in different
modes with shared session notes, actions (one of them overdue), goals at every
stage, and a meeting in six days whose agenda is still a draft. Each side also
has what only that side would have: the mentee two private notes, the mentor
two reflections on goals and a private note.

Every event carries a time in the past relative to ``now``, so notes, goal
history and actions read as a real history. Both partners' events are written
here: see :func:`_insert_events` for why this does not go through
:meth:`Workspace.record_many`.
"""

from __future__ import annotations

import hashlib
import json
import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from mentorpair.demo.people import load_demo_data
from mentorpair.domain.events import Event, EventKind
from mentorpair.domain.model import MeetingMode, NoteKind, Role
from mentorpair.storage.workspace import Workspace, new_id

__all__ = ["fill_demo"]

K = EventKind
MENTEE, MENTOR = Role.MENTEE, Role.MENTOR


@dataclass
class _Script:
    """The pair's history as it is being written: (time, author, kind, body), in time order."""

    now: datetime
    seed: str
    entries: list[tuple[datetime, Role, EventKind, dict[str, Any]]] = field(default_factory=list)
    _rng: random.Random = field(init=False)

    def __post_init__(self) -> None:
        # Ids from the seed: both partners' copies of a demo get the same ids
        # for the same shared things, as if one had sent them to the other.
        self._rng = random.Random(self.seed)  # noqa: S311 - invented data, not a secret

    def new_id(self) -> str:
        """The next id of this script (32 hex digits, as the app makes them)."""
        return f"{self._rng.getrandbits(128):032x}"

    def at(self, days: int, hour: int, minute: int = 0) -> datetime:
        """A time ``days`` from now (negative: in the past) at ``hour:minute``."""
        day = self.now + timedelta(days=days)
        return day.replace(hour=hour, minute=minute, second=0, microsecond=0)

    def add(self, when: datetime, author: Role, kind: EventKind, /, **body: Any) -> str:
        """Add one event; return the id of what it creates ("" if it creates nothing)."""
        # Distinct times keep the order exactly as written, whatever the random ids.
        while any(when == e[0] for e in self.entries):
            when += timedelta(microseconds=1)
        if when >= self.now:
            raise ValueError("demo events must lie in the past")
        self.entries.append((when, author, kind, body))
        return str(body.get(_CREATES.get(kind, ""), ""))


#: The field naming the thing an event creates.
_CREATES = {
    EventKind.MEETING_PLANNED: "meeting_id",
    EventKind.AGENDA_ITEM_ADDED: "item_id",
    EventKind.SUGGESTION_ADDED: "suggestion_id",
    EventKind.GOAL_CREATED: "goal_id",
    EventKind.MILESTONE_ADDED: "milestone_id",
    EventKind.NOTE_CREATED: "note_id",
    EventKind.ACTION_ADDED: "action_id",
}


def fill_demo(workspace: Workspace, role: Role, now: datetime, seed: str | None = None) -> str:
    """Create the example pair as seen by ``role``; return its pair id.

    Args:
        workspace: the (demo) vault's workspace.
        role: whose copy to build: the mentee's (Amara's) or the mentor's (Helen's).
        now: the present; the history lies before it, the next meeting after it.
        seed: the same seed for both partners' copies gives them the same pair
            id and the same ids for every shared thing and event, so the two
            copies can be paired and synced; None gives fresh ids.
    """
    if now.tzinfo is None:
        raise ValueError("now must carry a time zone")
    people = load_demo_data()
    names = {Role(p["role"]): p["display_name"] for p in (people["viewer"], people["partner"])}
    s = _Script(now, seed or new_id())
    pair_id = s.new_id()
    s.add(s.at(-205, 19), role, K.PAIR_CREATED, my_role=role.value, partner_name=names[role.other])
    goals = _history(s)
    _next_meeting(s, goals)
    _private(s, role, goals)
    _insert_events(workspace, pair_id, s.entries)
    return pair_id


# ----------------------------------------------------------------- shared history
AGREEMENT = {
    "frequency": "Every 4–6 weeks, more often in the run-up to the exam",
    "modes": [MeetingMode.IN_PERSON.value, MeetingMode.VIDEO.value, MeetingMode.PHONE.value],
    "confidentiality": (
        "What we talk about stays between the two of us. Neither of us passes on notes, "
        "the agenda or goals to the training programme, the rota team or anyone else. "
        "Helen is not Amara's educational supervisor and will not take part in her ARCP."
    ),
    "limits": (
        "Concerns about patient safety or serious risk to someone's wellbeing. If that "
        "comes up, we talk about it together first and agree what happens next."
    ),
    "no_fault_ending": True,
}


def _history(s: _Script) -> dict[str, str]:
    """The agreement, five past meetings, goals and actions; return the goal ids by key."""
    s.add(
        s.at(-204, 21),
        MENTEE,
        K.AGREEMENT_SET,
        starts_on=s.at(-200, 0).date().isoformat(),
        review_on=s.at(165, 0).date().isoformat(),
        **AGREEMENT,
    )
    g: dict[str, str] = {}

    # Meeting 1: getting to know each other, the rota.
    m1 = _meeting(s, -200, 18, 0, 60, MeetingMode.IN_PERSON, "Coffee bar in the main atrium")
    _agenda(s, -201, m1, [("Getting to know each other", "", "")])
    _agenda(s, -201, m1, [("This block of the rota", "Two gaps on the rota this month.", "")])
    s.add(s.at(-201, 22), MENTEE, K.AGENDA_READY, meeting_id=m1, ready=True)
    _note(s, -200, 21, MENTOR, m1, "First meeting: where things are", NOTE_1)
    _done_action(s, -200, m1, "Send Helen the rota pattern for the next block", MENTEE, -193)
    _done_action(s, -200, m1, "Find the college's OSCE blueprint for Amara", MENTOR, -185)

    # Goals come out of the first conversations.
    g["exam"] = s.add(
        s.at(-198, 20),
        MENTEE,
        K.GOAL_CREATED,
        goal_id=s.new_id(),
        title="Pass the FRCEM Final OSCE",
        category="Career",
        description="Sit the spring OSCE and pass it first time, without losing a term to it.",
        target=s.at(78, 0).date().isoformat(),
        status="proposed",
        progress=0,
    )
    g["audit"] = s.add(
        s.at(-198, 20, 30),
        MENTEE,
        K.GOAL_CREATED,
        goal_id=s.new_id(),
        title="Finish the sepsis antibiotic audit and present it",
        category="Research",
        description="Close the audit loop started last year: re-audit door-to-antibiotic times.",
        target=s.at(-20, 0).date().isoformat(),
        status="active",
        progress=10,
    )
    g["teaching"] = s.add(
        s.at(-190, 21),
        MENTEE,
        K.GOAL_CREATED,
        goal_id=s.new_id(),
        title="Apply for a medical education fellowship",
        category="Teaching",
        description="A year out of programme in medical education, starting next August.",
        target=s.at(120, 0).date().isoformat(),
        status="active",
        progress=10,
    )

    # Meeting 2: the exam plan (video).
    m2 = _meeting(s, -160, 19, 30, 45, MeetingMode.VIDEO, "Video call (link in the invitation)")
    _agenda(
        s,
        -162,
        m2,
        [("A plan for the OSCE", "The sitting is booked.", "A weekly rhythm")],
        g["exam"],
    )
    s.add(s.at(-162, 22), MENTEE, K.AGENDA_READY, meeting_id=m2, ready=True)
    s.add(s.at(-161, 7), MENTEE, K.GOAL_UPDATED, goal_id=g["exam"], status="active", progress=10)
    stones = [
        ("Book the spring sitting", -150, -158),
        ("Join the regional OSCE practice group", -130, -125),
        ("Department mock circuit with two consultants", 20, None),
        ("Weekly practice of the communication stations", 45, None),
        ("Revision week before the exam (study leave)", 72, None),
    ]
    for title, due, done in stones:
        stone = s.add(
            s.at(-161, 7, 5),
            MENTEE,
            K.MILESTONE_ADDED,
            goal_id=g["exam"],
            milestone_id=s.new_id(),
            title=title,
            due=s.at(due, 0).date().isoformat(),
        )
        if done is not None:
            s.add(
                s.at(done, 20),
                MENTEE,
                K.MILESTONE_UPDATED,
                goal_id=g["exam"],
                milestone_id=stone,
                done=True,
            )
    _note(s, -160, 20, MENTEE, m2, "Exam plan", NOTE_2)
    _done_action(s, -160, m2, "Book the spring sitting of the OSCE", MENTEE, -158)
    _done_action(s, -160, m2, "Ask Dr Osei about the regional practice group", MENTOR, -150)
    s.add(s.at(-124, 21), MENTEE, K.GOAL_UPDATED, goal_id=g["exam"], progress=20)

    # Meeting 3: a debrief by phone, at short notice.
    m3 = _meeting(s, -118, 12, 30, 30, MeetingMode.PHONE, "Phone, during Amara's lunch break")
    _agenda(s, -119, m3, [("The night in resus on Saturday", "I keep going over it.", "")])
    s.add(s.at(-119, 22, 30), MENTEE, K.AGENDA_READY, meeting_id=m3, ready=True)
    _note(s, -118, 14, MENTOR, m3, "Debrief after a difficult night", NOTE_3)
    _done_action(s, -118, m3, "Take up the trainee support service's debrief offer", MENTEE, -110)
    _done_action(s, -118, m3, "Prepare a short timeline for the M&M meeting", MENTEE, -104)
    s.add(
        s.at(-112, 21),
        MENTEE,
        K.GOAL_UPDATED,
        goal_id=g["teaching"],
        status="paused",
        description="A year out of programme in medical education. Paused until after the "
        "exam: one big thing at a time.",
    )

    # Meeting 4: leading the night team, in Helen's office.
    g["nights"] = s.add(
        s.at(-76, 21),
        MENTEE,
        K.GOAL_CREATED,
        goal_id=s.new_id(),
        title="Lead the night team with confidence",
        category="Leadership",
        description="Be the senior on nights who knows what is happening in every area.",
        target=s.at(100, 0).date().isoformat(),
        status="active",
        progress=0,
    )
    m4 = _meeting(s, -72, 17, 30, 60, MeetingMode.IN_PERSON, "Helen's office, ED second floor")
    _agenda(s, -74, m4, [("Nights", "I'm the most senior doctor there.", "")], g["nights"])
    _agenda(s, -74, m4, [("Audit data is in", "", "How to present it")], g["audit"])
    s.add(s.at(-73, 22), MENTEE, K.AGENDA_READY, meeting_id=m4, ready=True)
    _note(s, -72, 19, MENTEE, m4, "Leading the night team", NOTE_4)
    _done_action(s, -72, m4, "Run a 22:00 huddle on the next three nights", MENTEE, -60)
    huddle = s.add(
        s.at(-58, 9),
        MENTEE,
        K.MILESTONE_ADDED,
        goal_id=g["nights"],
        milestone_id=s.new_id(),
        title="Run the 22:00 huddle for a whole block of nights",
        due=s.at(-40, 0).date().isoformat(),
    )
    s.add(
        s.at(-44, 10),
        MENTEE,
        K.MILESTONE_UPDATED,
        goal_id=g["nights"],
        milestone_id=huddle,
        done=True,
    )
    s.add(
        s.at(-44, 10, 5),
        MENTEE,
        K.MILESTONE_ADDED,
        goal_id=g["nights"],
        milestone_id=s.new_id(),
        title="Lead a short team debrief after a busy night",
        due=s.at(30, 0).date().isoformat(),
    )
    s.add(s.at(-58, 9, 5), MENTEE, K.GOAL_UPDATED, goal_id=g["nights"], progress=30)
    s.add(s.at(-60, 20), MENTEE, K.GOAL_UPDATED, goal_id=g["audit"], progress=70)

    # Meeting 5: audit presented, exam in sight (video).
    m5 = _meeting(s, -30, 19, 0, 45, MeetingMode.VIDEO, "Video call (link in the invitation)")
    _agenda(
        s,
        -32,
        m5,
        [("Study leave before the OSCE", "Nights in the last fortnight.", "")],
        g["exam"],
    )
    s.add(s.at(-31, 22), MENTEE, K.AGENDA_READY, meeting_id=m5, ready=True)
    s.add(
        s.at(-33, 18), MENTEE, K.GOAL_UPDATED, goal_id=g["audit"], status="achieved", progress=100
    )
    _note(s, -30, 20, MENTOR, m5, "Audit presented; exam in sight", NOTE_5)
    _done_action(s, -30, m5, "Put the audit slides in the department's shared folder", MENTEE, -27)
    s.add(
        s.at(-30, 20, 5),
        MENTEE,
        K.ACTION_ADDED,
        action_id=s.new_id(),
        what="Email the rota coordinator to ask for study leave before the OSCE",
        owner=MENTEE.value,
        due=s.at(-4, 0).date().isoformat(),
        meeting_id=m5,
    )
    s.add(
        s.at(-30, 20, 6),
        MENTOR,
        K.ACTION_ADDED,
        action_id=s.new_id(),
        what="Send Amara two paediatric resus scenarios from the department's sim set",
        owner=MENTOR.value,
        due=s.at(3, 0).date().isoformat(),
        meeting_id=m5,
    )
    s.add(s.at(-25, 21), MENTEE, K.GOAL_UPDATED, goal_id=g["exam"], progress=40)
    g["rest"] = s.add(
        s.at(-24, 22),
        MENTEE,
        K.GOAL_CREATED,
        goal_id=s.new_id(),
        title="Protect recovery time after a run of nights",
        category="Wellbeing",
        description="Two clear days after nights, no admin, and actually sleep.",
        status="proposed",
        progress=0,
    )
    g["next"] = _meeting(
        s,
        6,
        17,
        30,
        60,
        MeetingMode.VIDEO,
        "Video call (link in the invitation)",
        planned_days=-29,
        author=MENTOR,
    )
    return g


def _next_meeting(s: _Script, g: dict[str, str]) -> None:
    """The meeting in six days: a draft agenda of three items and one suggestion."""
    m = g["next"]
    for days, (title, why, outcome), goal in (
        (-3, AGENDA_NEXT[0], g["exam"]),
        (-2, AGENDA_NEXT[1], g["nights"]),
        (-1, AGENDA_NEXT[2], g["teaching"]),
    ):
        _agenda(s, days, m, [(title, why, outcome)], goal)
    s.add(
        s.at(-1, 22),
        MENTOR,
        K.SUGGESTION_ADDED,
        meeting_id=m,
        suggestion_id=s.new_id(),
        title="How you are sleeping after the run of nights",
        why="You mentioned being tired at our last two meetings. Only if you want to.",
    )


def _private(s: _Script, role: Role, g: dict[str, str]) -> None:
    """What only this side has: never in the partner's copy, never shared."""
    if role is MENTEE:
        for days, (title, text) in ((-29, MENTEE_PRIVATE[0]), (-3, MENTEE_PRIVATE[1])):
            s.add(
                s.at(days, 22, 40),
                MENTEE,
                K.NOTE_CREATED,
                note_id=s.new_id(),
                kind=NoteKind.PRIVATE.value,
                title=title,
                text=text,
            )
        return
    for days, goal, (title, text) in (
        (-72, g["nights"], REFLECTIONS[0]),
        (-30, g["exam"], REFLECTIONS[1]),
    ):
        s.add(
            s.at(days, 22, 10),
            MENTOR,
            K.NOTE_CREATED,
            note_id=s.new_id(),
            kind=NoteKind.REFLECTION.value,
            goal_id=goal,
            title=title,
            text=text,
        )
    s.add(
        s.at(-1, 21, 15),
        MENTOR,
        K.NOTE_CREATED,
        note_id=s.new_id(),
        kind=NoteKind.PRIVATE.value,
        title=MENTOR_PRIVATE[0],
        text=MENTOR_PRIVATE[1],
    )


# ----------------------------------------------------------------- small builders
def _meeting(
    s: _Script,
    days: int,
    hour: int,
    minute: int,
    duration: int,
    mode: MeetingMode,
    place: str,
    planned_days: int | None = None,
    author: Role = MENTEE,
) -> str:
    when = s.at(days, hour, minute)
    planned = s.at(planned_days if planned_days is not None else days - 4, 21)
    return s.add(
        planned,
        author,
        K.MEETING_PLANNED,
        meeting_id=s.new_id(),
        starts_at=when.isoformat(),
        duration_min=duration,
        mode=mode.value,
        place=place,
    )


def _agenda(
    s: _Script, days: int, meeting: str, items: list[tuple[str, str, str]], goal: str | None = None
) -> None:
    for title, why, outcome in items:
        s.add(
            s.at(days, 21),
            MENTEE,
            K.AGENDA_ITEM_ADDED,
            meeting_id=meeting,
            item_id=s.new_id(),
            title=title,
            why=why,
            outcome=outcome,
            goal_id=goal,
        )


def _note(
    s: _Script, days: int, hour: int, author: Role, meeting: str, title: str, text: str
) -> None:
    s.add(
        s.at(days, hour),
        author,
        K.NOTE_CREATED,
        note_id=s.new_id(),
        kind=NoteKind.SHARED.value,
        meeting_id=meeting,
        title=title,
        text=text,
    )


def _done_action(s: _Script, days: int, meeting: str, what: str, owner: Role, done: int) -> None:
    action = s.add(
        s.at(days, 20, 1),
        MENTEE,
        K.ACTION_ADDED,
        action_id=s.new_id(),
        what=what,
        owner=owner.value,
        due=s.at(done + 2, 0).date().isoformat(),
        meeting_id=meeting,
    )
    s.add(s.at(done, 18), owner, K.ACTION_UPDATED, action_id=action, done=True)


# ----------------------------------------------------------------- writing
def _insert_events(
    workspace: Workspace,
    pair_id: str,
    entries: list[tuple[datetime, Role, EventKind, dict[str, Any]]],
) -> None:
    """Store the scripted events with their own times and authors, all or none.

    :meth:`Workspace.record_many` stamps every event with the clock and this
    vault's role; the demo needs a past history with both partners' events
    (the mentee's goals and agenda in the mentor's copy), so it goes in as
    events made elsewhere, checked against the rules like any other.
    """
    events = [
        Event(_event_id(pair_id, when, kind, body), pair_id, author, kind, when, body)
        for when, author, kind, body in sorted(entries, key=lambda e: e[0])
    ]
    workspace.add_events(pair_id, events)


def _event_id(pair_id: str, when: datetime, kind: EventKind, body: dict[str, Any]) -> str:
    """The same event in both copies gets the same id (its content decides it)."""
    content = json.dumps([pair_id, when.isoformat(), kind.value, body], sort_keys=True)
    return hashlib.sha256(content.encode()).hexdigest()[:32]


# ----------------------------------------------------------------- the words
NOTE_1 = """We met for coffee after Amara's late shift. We agreed to meet every four to six \
weeks, mostly in person and by video when the rota makes that impossible, and wrote the \
agreement down together.

Amara is in the middle of a hard block: long days, then nights, with two gaps on the rota \
that the registrars are covering between them. She said she always feels she is catching up, \
and that the exam has slipped to "something for later".

We talked about what she wants from mentoring: somewhere to think about the exam, and about \
the kind of senior she wants to be when she steps up. We agreed to start with the exam plan \
next time."""

NOTE_2 = """I booked the spring sitting of the FRCEM Final OSCE before the call, so it feels \
real now. Helen asked what I actually know about the format, and the honest answer was: less \
than I thought. We went through the stations I dread most: the communication stations with an \
angry relative, and paediatric resus.

Plan: one practice session a week with the regional group, a mock circuit in the department \
before the exam, and a list of my weak stations that I update after every practice. Helen's \
point that stuck: practise out loud, not in my head, because the examiners mark what you say.

Goal set up: Pass the FRCEM Final OSCE, with milestones."""

NOTE_3 = """A phone call at Amara's request, two days after a night in resus that went badly: \
a patient deteriorated quickly and did not survive despite everything the team did. No details \
of the patient are written here.

Amara went over her decisions and kept coming back to whether she should have called the \
anaesthetist ten minutes earlier. We talked about the difference between hindsight and what \
she knew at the time, and about the M&M meeting, which she had been dreading; by the end she \
could see it as a place to learn rather than to be judged. She has not slept well since.

She will take up the trainee support service's offer of a debrief and prepare a short \
timeline for the M&M. She said it helped to say it aloud to someone outside the department."""

NOTE_4 = """Nights are when I'm the most senior doctor in the department, and it's the part \
of the job I feel least ready for. What goes wrong is the first hour: I pick up patients \
myself instead of getting a picture of the whole department, and by 1 am I've lost the thread.

Helen described how she runs a night: a short huddle at 22:00 with the nurse in charge, one \
sentence per area, who is worried about what; and a second one at 03:00. She also said that \
asking the nurse in charge what they need is leadership, not weakness.

I'll try the 22:00 huddle on my next three nights and bring back what happened."""

NOTE_5 = """Amara presented the sepsis antibiotic audit at the governance meeting: \
door-to-antibiotic times are better than a year ago, but not after midnight. The department \
has adopted her suggestion of a sepsis trolley check at the night huddle, which ties in neatly \
with her night-team goal. A goal well achieved.

The OSCE is eleven weeks away. Two milestones are done; the department mock is next. Her rota \
has nights in the fortnight before the exam and she has not yet asked for study leave, because \
she does not want to be "the registrar who leaves gaps". We talked about how to ask. She will \
email the rota coordinator this week.

She also mentioned she is tired all the time. We will come back to that."""

AGENDA_NEXT = (
    (
        "Practice mock: what went wrong at the resus station",
        "I froze at the paediatric resus station in the practice group's mock last week and "
        "I want to understand why before the real thing.",
        "Two or three concrete things to practise in the next fortnight.",
    ),
    (
        "The first hour of a night shift",
        "The 22:00 huddle works, but I still lose the thread when resus is busy.",
        "A way to hand resus to someone else without feeling I've abandoned it.",
    ),
    (
        "Should I restart the fellowship application?",
        "The deadline is in March and the exam will be over by then.",
        "A decision, or at least what would help me decide.",
    ),
)

MENTEE_PRIVATE = (
    (
        "After the call with Helen",
        "I didn't tell Helen how close I came to withdrawing from the exam in January. I'm not "
        "ready to say it out loud yet. Maybe next time. Writing it here so I remember that I "
        "got through it.",
    ),
    (
        "Things to bring up (maybe)",
        "Whether I actually want a consultant post here, or somewhere smaller. Worried Helen "
        "will take it personally, as she trained me in this department. Remember: she said "
        "the time is mine.",
    ),
)

REFLECTIONS = (
    (
        "I talked too much",
        "The huddle idea landed, but I did most of the talking in that session. She has good "
        "instincts with the nursing team; help her notice what she already does well before "
        "offering more techniques.",
    ),
    (
        "Harder on herself than the feedback",
        "Amara is harder on herself after each practice than the feedback warrants. Next time, "
        "ask what the examiners would have said rather than what she thinks she did wrong. "
        "Resist giving her my own revision plan: hers is sound.",
    ),
)

MENTOR_PRIVATE = (
    "Before the next meeting",
    "She has mentioned being tired twice now. Gently ask about sleep and the nights before "
    "the exam; have the trainee support service's details to hand in case she wants them. "
    "Do not turn the session into my agenda.",
)
