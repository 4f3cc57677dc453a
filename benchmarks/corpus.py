"""Realistic vault contents for the benchmarks and the large-vault tests.

Why not the same few words everywhere: with 18 words every query matches
every note, so search looks flat and has no tail. Here the words follow
Zipf's law over a vocabulary of thousands (a few very common words, a long
tail of rare ones), texts vary in length, and every kind of thing a pair
keeps is present: meetings with agenda items, goals with steps (milestones),
shared notes, private notes, the mentor's reflections and suggestions,
actions, edits of notes and actions. A vault holds several pairs of very
different sizes, some where this person is the mentee, some the mentor.

Everything is drawn from a seeded generator, so a size always gives the same
words (ids are random, as the app makes them). Changes go in through
:meth:`Workspace.record_many`, the public way to make many changes.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from mentorpair.domain.events import EventKind
from mentorpair.domain.model import Role
from mentorpair.storage.workspace import Workspace, new_id

__all__ = [
    "PAIR_PLAN",
    "PLANTED_WORD",
    "Change",
    "PairPlan",
    "Vocabulary",
    "fill_vault",
    "queries",
    "vocabulary",
]

Change = tuple[EventKind, dict[str, Any]]

#: A word that appears in exactly one note of the biggest pair (tests look for it).
PLANTED_WORD = "quillwort"

#: Common English and mentoring words first (the head of the Zipf curve),
#: then invented but pronounceable words fill the tail.
_REAL_WORDS = """
the and to of a in i that is for it we with on was this my be about have as
not at but so what they how would more can will next time our want feel think
session meeting mentor mentee goal plan week month year rota nights exam audit
sepsis handover leadership consultant registrar teaching feedback wellbeing
research portfolio interview simulation trauma paediatrics clinic ward theatre
patient patients team colleague supervisor deadline grant paper conference
promotion appraisal revalidation training rotation specialty career balance
family stress confidence boundaries delegation priorities writing reading
presentation poster abstract publication committee governance quality safety
incident complaint reflection learning skills procedure ultrasound endoscopy
anaesthetics surgery medicine psychiatry radiology oncology cardiology
respiratory renal neurology dermatology obstetrics gynaecology emergency
acute chronic outpatient inpatient discharge referral letters email inbox
calendar weekend leave burnout sleep exercise hobby mindfulness coaching
network sponsor role model opportunity application shortlist panel
question answer challenge progress setback success failure lesson option
choice decision risk evidence data analysis statistics ethics consent budget
funding fellowship phd thesis chapter draft review revise submit accepted
rejected resubmit lecture tutorial seminar workshop course module exam
curriculum assessment marking students undergraduate postgraduate lab
experiment protocol method results discussion conclusion journal editor
reviewer impact citation collaboration partner department faculty dean head
manager director strategy vision mission values culture inclusion equality
diversity disability flexible parttime returner maternity paternity carer
""".split()  # noqa: SIM905 - a paragraph reads better than 250 quoted words

_ONSETS = ["b", "br", "c", "cl", "d", "dr", "f", "fl", "g", "gr", "h", "j", "k", "l", "m",
           "n", "p", "pl", "pr", "qu", "r", "s", "sh", "sk", "st", "t", "th", "tr", "v", "w",
           "z"]  # fmt: skip
_VOWELS = ["a", "e", "i", "o", "u", "ai", "ea", "io", "ou", "y"]
_CODAS = ["", "", "n", "r", "s", "l", "m", "nd", "st", "rk", "ng", "x"]


@dataclass(frozen=True)
class Vocabulary:
    """Words in order of frequency, drawn with Zipf weights (rank ** -exponent)."""

    words: tuple[str, ...]
    cumulative: tuple[float, ...]

    def draw(self, rng: random.Random, count: int) -> list[str]:
        """``count`` words, each independently by its Zipf weight."""
        return rng.choices(self.words, cum_weights=self.cumulative, k=count)

    def text(self, rng: random.Random, count: int) -> str:
        """Words in sentences of varying length (a capital, a full stop)."""
        words = self.draw(rng, count)
        out: list[str] = []
        start = 0
        while start < len(words):
            end = start + rng.randint(6, 18)
            sentence = " ".join(words[start:end])
            out.append(sentence[:1].upper() + sentence[1:] + ".")
            start = end
        return " ".join(out)

    def title(self, rng: random.Random) -> str:
        """A short title: three to seven words, content words more likely."""
        words = [w for w in self.draw(rng, 12) if len(w) > 3][: rng.randint(3, 7)]
        text = " ".join(words) or "untitled"
        return text[:1].upper() + text[1:]


def vocabulary(size: int = 8_000, exponent: float = 1.07, seed: int = 12) -> Vocabulary:
    """The same ``size`` words and weights for the same arguments."""
    rng = random.Random(seed)
    words: list[str] = list(dict.fromkeys(_REAL_WORDS))
    seen = set(words) | {PLANTED_WORD}
    while len(words) < size:
        word = "".join(
            rng.choice(_ONSETS) + rng.choice(_VOWELS) for _ in range(rng.randint(1, 3))
        ) + rng.choice(_CODAS)
        if len(word) > 2 and word not in seen:
            seen.add(word)
            words.append(word)
    cumulative = tuple(itertools.accumulate(rank**-exponent for rank in range(1, size + 1)))
    return Vocabulary(tuple(words), cumulative)


def queries(vocab: Vocabulary, count: int = 120, seed: int = 3) -> list[str]:
    """What people type into search: words of every frequency, pairs, prefixes.

    A quarter are common words (ranks 20-200), a quarter middling (200-2,000),
    a quarter rare (2,000 and beyond), and a quarter are two words, or the
    first letters of a word as it is being typed.
    """
    rng = random.Random(seed)
    n = len(vocab.words)
    out: list[str] = []
    for index in range(count):
        band = index % 4
        if band == 0:
            out.append(vocab.words[rng.randint(20, 200)])
        elif band == 1:
            out.append(vocab.words[rng.randint(200, min(2_000, n - 1))])
        elif band == 2:
            out.append(vocab.words[rng.randint(min(2_000, n - 1), n - 1)])
        elif rng.random() < 0.5:
            first = vocab.draw(rng, 1)[0]
            out.append(f"{first} {vocab.words[rng.randint(20, min(1_000, n - 1))]}")
        else:
            word = vocab.words[rng.randint(20, min(3_000, n - 1))]
            out.append(word[: max(2, min(len(word), rng.randint(2, 4)))])
    return out


@dataclass(frozen=True)
class PairPlan:
    """One pair of the vault: whose side this person is on and its share of events."""

    partner: str
    my_role: Role
    share: float


#: A person who is a mentee in one long relationship (the biggest pair, the
#: one the benchmark opens) and mentors others.
PAIR_PLAN = (
    PairPlan("Dr Amara Okafor", Role.MENTEE, 0.55),
    PairPlan("Tom Lindqvist", Role.MENTOR, 0.20),
    PairPlan("Priya Raman", Role.MENTOR, 0.12),
    PairPlan("Prof. Helen Marsh", Role.MENTEE, 0.08),
    PairPlan("Sam Carter", Role.MENTOR, 0.05),
)

# Per 100 changes, how many of each (mentee and mentor differ: only the
# mentee changes goals and the agenda, only the mentor reflects and suggests).
_MENTEE_MIX: dict[str, int] = {
    "meeting": 6, "agenda": 14, "goal": 2, "milestone": 4, "milestone_done": 2,
    "goal_update": 2, "shared": 34, "private": 10, "edit": 8, "action": 12, "action_done": 6,
}  # fmt: skip
_MENTOR_MIX: dict[str, int] = {
    "meeting": 6, "suggestion": 6, "shared": 34, "reflection": 14, "private": 6,
    "edit": 8, "action": 16, "action_done": 10,
}  # fmt: skip


@dataclass
class _PairWriter:
    """Makes a pair's changes batch by batch, remembering what exists to refer to it."""

    pair_id: str
    role: Role
    vocab: Vocabulary
    rng: random.Random
    meetings: list[str] = field(default_factory=list)
    goals: list[str] = field(default_factory=list)
    milestones: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)
    next_meeting: datetime = datetime(2019, 9, 2, 9, 0, tzinfo=UTC)

    def opening(self) -> list[Change]:
        """The agreement every pair starts with."""
        return [
            (
                EventKind.AGREEMENT_SET,
                {
                    "frequency": "Monthly, about an hour",
                    "starts_on": "2019-09-01",
                    "review_on": "2020-03-01",
                    "modes": ["in_person", "video"],
                    "confidentiality": self.vocab.text(self.rng, 40),
                    "limits": self.vocab.text(self.rng, 25),
                    "no_fault_ending": True,
                },
            )
        ]

    def batch(self, count: int, revision: Callable[[str], str]) -> list[Change]:
        """``count`` changes; edits refer to notes of earlier batches (``revision`` gives base)."""
        mix = _MENTEE_MIX if self.role is Role.MENTEE else _MENTOR_MIX
        kinds = self.rng.choices(list(mix), weights=list(mix.values()), k=count)
        editable = list(self.notes)
        self.rng.shuffle(editable)
        out: list[Change] = []
        for kind in kinds:
            change = self._one(kind, editable, revision)
            if change is None:  # nothing to refer to yet: a shared note instead
                change = self._note("shared")
            out.append(change)
        return out

    def _one(self, kind: str, editable: list[str], revision: Callable[[str], str]) -> Change | None:
        rng, vocab = self.rng, self.vocab
        if kind == "meeting":
            meeting_id = new_id()
            self.meetings.append(meeting_id)
            self.next_meeting += timedelta(days=rng.randint(10, 40))
            return (
                EventKind.MEETING_PLANNED,
                {
                    "meeting_id": meeting_id,
                    "starts_at": self.next_meeting.isoformat(),
                    "duration_min": rng.choice([30, 45, 60, 60, 90]),
                    "mode": rng.choice(["in_person", "video", "video", "phone", "email"]),
                    "place": rng.choice(["", "", "Library room 2", "Cafe, level 1"]),
                },
            )
        if kind in ("shared", "private", "reflection"):
            return self._note(kind)
        if kind == "edit":
            if not editable:
                return None
            note_id = editable.pop()
            return (
                EventKind.NOTE_EDITED,
                {
                    "note_id": note_id,
                    "base": revision(note_id),
                    "text": vocab.text(rng, _length(rng)),
                },
            )
        if kind == "agenda" and self.meetings:
            body: dict[str, Any] = {
                "meeting_id": rng.choice(self.meetings[-3:]),
                "item_id": new_id(),
                "title": vocab.title(rng),
                "why": vocab.text(rng, rng.randint(8, 40)),
                "outcome": vocab.text(rng, rng.randint(4, 15)),
            }
            if self.goals and rng.random() < 0.4:
                body["goal_id"] = rng.choice(self.goals)
            return (EventKind.AGENDA_ITEM_ADDED, body)
        if kind == "suggestion" and self.meetings:
            return (
                EventKind.SUGGESTION_ADDED,
                {
                    "meeting_id": self.meetings[-1],
                    "suggestion_id": new_id(),
                    "title": vocab.title(rng),
                    "why": vocab.text(rng, rng.randint(8, 30)),
                },
            )
        if kind == "goal":
            goal_id = new_id()
            self.goals.append(goal_id)
            return (
                EventKind.GOAL_CREATED,
                {
                    "goal_id": goal_id,
                    "title": vocab.title(rng),
                    "description": vocab.text(rng, rng.randint(20, 60)),
                    "category": rng.choice(["Career", "Research", "Clinical", "Wellbeing"]),
                },
            )
        if kind == "goal_update" and self.goals:
            return (
                EventKind.GOAL_UPDATED,
                {"goal_id": rng.choice(self.goals), "progress": rng.randint(0, 100)},
            )
        if kind == "milestone" and self.goals:
            goal_id = rng.choice(self.goals[-5:])
            milestone_id = new_id()
            self.milestones.append((goal_id, milestone_id))
            return (
                EventKind.MILESTONE_ADDED,
                {
                    "goal_id": goal_id,
                    "milestone_id": milestone_id,
                    "title": vocab.title(rng),
                    "due": (date(2020, 1, 1) + timedelta(days=rng.randint(0, 2500))).isoformat(),
                },
            )
        if kind == "milestone_done" and self.milestones:
            goal_id, milestone_id = rng.choice(self.milestones)
            return (
                EventKind.MILESTONE_UPDATED,
                {"goal_id": goal_id, "milestone_id": milestone_id, "done": True},
            )
        if kind == "action":
            action_id = new_id()
            self.actions.append(action_id)
            body = {
                "action_id": action_id,
                "what": vocab.title(rng),
                "owner": rng.choice(["mentee", "mentee", "mentor"]),
                "due": (date(2020, 1, 1) + timedelta(days=rng.randint(0, 2500))).isoformat(),
            }
            if self.meetings and rng.random() < 0.5:
                body["meeting_id"] = rng.choice(self.meetings[-3:])
            return (EventKind.ACTION_ADDED, body)
        if kind == "action_done" and self.actions:
            return (EventKind.ACTION_UPDATED, {"action_id": rng.choice(self.actions), "done": True})
        return None

    def _note(self, kind: str) -> Change:
        rng = self.rng
        note_id = new_id()
        self.notes.append(note_id)
        body: dict[str, Any] = {
            "note_id": note_id,
            "kind": kind,
            "title": self.vocab.title(rng),
            "text": self.vocab.text(rng, _length(rng)),
        }
        if self.meetings and kind == "shared" and rng.random() < 0.5:
            body["meeting_id"] = rng.choice(self.meetings[-3:])
        return (EventKind.NOTE_CREATED, body)


def _length(rng: random.Random) -> int:
    """Words in a note: mostly 40-150, a few long ones (lognormal, median ~90)."""
    return max(5, min(1_500, int(rng.lognormvariate(4.5, 0.6))))


class _Clock:
    """A clock that moves a little with every change: years of history, in order."""

    def __init__(self, start: datetime, step: timedelta) -> None:
        self.at = start
        self.step = step

    def __call__(self) -> datetime:
        self.at += self.step
        return self.at


def clock_for(events: int) -> Callable[[], datetime]:
    """A clock that spreads ``events`` changes over the six years before 2025-09."""
    start = datetime(2019, 9, 1, 8, 0, tzinfo=UTC)
    return _Clock(start, timedelta(days=6 * 365) / max(events, 1))


def fill_vault(
    workspace: Workspace,
    events: int,
    *,
    batch: int | None = None,
    seed: int = 1,
    plan: tuple[PairPlan, ...] = PAIR_PLAN,
    vocab: Vocabulary | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[tuple[str, PairPlan, int]]:
    """Make ``events`` changes (about) across the plan's pairs; return (pair id, plan, events).

    Batches of ``batch`` changes (default: a fortieth of the whole, 50 to
    1,000) per :meth:`Workspace.record_many` call, the pairs taking turns, so
    the history interleaves as a real one does and later batches edit notes
    of earlier ones. One
    note of the biggest pair contains :data:`PLANTED_WORD`.
    """
    vocab = vocab or vocabulary()
    batch = batch or max(50, min(1_000, events // 40))
    rng = random.Random(seed)
    writers: list[tuple[_PairWriter, PairPlan, int]] = []
    for plan_item in plan:
        pair_id = workspace.create_pair(plan_item.my_role, plan_item.partner)
        writer = _PairWriter(pair_id, plan_item.my_role, vocab, random.Random(rng.random()))
        workspace.record_many(pair_id, writer.opening())
        writers.append((writer, plan_item, max(1, round(events * plan_item.share)) - 2))
    done = {w.pair_id: 2 for w, _, _ in writers}
    total = sum(target + 2 for _, _, target in writers)
    made = sum(done.values())
    planted = False
    while any(done[w.pair_id] - 2 < target for w, _, target in writers):
        for writer, _, target in writers:
            left = target - (done[writer.pair_id] - 2)
            if left <= 0:
                continue
            state = workspace.state(writer.pair_id)

            def revision(note_id: str, state: Any = state) -> str:
                return str(state.notes[note_id].revision)

            changes = writer.batch(min(batch, left), revision)
            if not planted and writer is writers[0][0]:
                changes.append(_planted(writer))
                planted = True
            workspace.record_many(writer.pair_id, changes)
            done[writer.pair_id] += len(changes)
            made += len(changes)
            if progress is not None:
                progress(made, total)
    return [(w.pair_id, p, done[w.pair_id]) for w, p, _ in writers]


def _planted(writer: _PairWriter) -> Change:
    """The one note with the planted word (title and text), shared."""
    note_id = new_id()  # not in writer.notes: an edit must not take the word away
    text = writer.vocab.text(writer.rng, 60) + f" We talked about {PLANTED_WORD} at length."
    return (
        EventKind.NOTE_CREATED,
        {"note_id": note_id, "kind": "shared", "title": "The planted note", "text": text},
    )
