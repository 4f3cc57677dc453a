"""Export my record: one person's copy of a pair as Markdown and JSON, unencrypted.

A person may want to keep their mentoring record outside the app, for example
for an appraisal portfolio, before they destroy their copy. The export holds
everything *this* person can see of the pair (their own private notes and, for
a mentor, their reflections too), each note labelled with who can read it.
The files are not encrypted; the UI says so before it writes them.

Both files are written atomically and never over an existing file: if the
names are taken, a numeric suffix is added (``-record-2.md``). If the second
file cannot be written, the first is removed again, so a failure leaves no
half export behind. The JSON layout is documented in ``docs/formats/record.md``.
"""

from __future__ import annotations

import contextlib
import json
import re
import unicodedata
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from mentorpair.domain.model import (
    Action,
    AgendaItem,
    Agreement,
    Goal,
    Meeting,
    MeetingMode,
    Note,
    NoteKind,
    Role,
)
from mentorpair.domain.state import PairState
from mentorpair.domain.wording import format_date, format_datetime
from mentorpair.storage.atomic import atomic_write

__all__ = ["RECORD_FORMAT", "RECORD_VERSION", "export_record", "record_data", "record_markdown"]

RECORD_FORMAT = "mentorpair-record"
RECORD_VERSION = 1
#: Beyond this many files of the same name something is wrong; stop looking.
MAX_SUFFIX = 999

_MODE_WORDS = {
    MeetingMode.IN_PERSON: "in person",
    MeetingMode.PHONE: "by phone",
    MeetingMode.VIDEO: "by video",
    MeetingMode.EMAIL: "by email",
}
_KIND_LABELS = {
    NoteKind.SHARED: "Shared session note (both of you)",
    NoteKind.PRIVATE: "Private note (only its author; never shared)",
    NoteKind.REFLECTION: "Reflection (the mentor's, private; never shared)",
}


def export_record(
    state: PairState,
    my_name: str,
    folder: Path,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> tuple[Path, Path]:
    """Write ``<name>-record.md`` and ``<name>-record.json`` into ``folder``.

    Args:
        state: the pair as this person sees it.
        my_name: this person's display name (the state only knows the partner's).
        folder: an existing folder the person chose.
        now: the export time (tests pass their own).

    Returns:
        The Markdown file and the JSON file, in that order.

    Raises:
        DiskFull, PermissionDenied, NotFound, DiskError: nothing was left behind.
    """
    data = record_data(state, my_name, now())
    markdown = record_markdown(data)
    md_path, json_path = _free_names(folder, _safe_name(state.partner_name))
    encoded = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
    atomic_write(md_path, markdown.encode("utf-8"))
    try:
        atomic_write(json_path, encoded.encode("utf-8"))
    except BaseException:
        # All or nothing: a lone Markdown file would look like a complete export.
        with contextlib.suppress(OSError):
            md_path.unlink()
        raise
    return md_path, json_path


def _safe_name(partner_name: str) -> str:
    """A file-name stem from the partner's name: ASCII letters, digits and dashes."""
    ascii_name = unicodedata.normalize("NFKD", partner_name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^A-Za-z0-9]+", "-", ascii_name).strip("-").lower()
    return f"mentoring-with-{slug[:60].rstrip('-')}" if slug else "mentoring"


def _free_names(folder: Path, stem: str) -> tuple[Path, Path]:
    """The first ``stem-record[-n]`` for which neither the .md nor the .json exists."""
    for n in range(1, MAX_SUFFIX + 1):
        base = f"{stem}-record" if n == 1 else f"{stem}-record-{n}"
        md_path, json_path = folder / f"{base}.md", folder / f"{base}.json"
        if not md_path.exists() and not json_path.exists():
            return md_path, json_path
    raise FileExistsError("too many earlier exports in this folder")


# ----------------------------------------------------------------- the data
def _iso(value: date | datetime | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat(timespec="seconds")
    return value.isoformat()


def _who(role: Role, state: PairState, my_name: str) -> str:
    return my_name if role is state.my_role else state.partner_name


def record_data(state: PairState, my_name: str, exported_at: datetime) -> dict[str, Any]:
    """Everything this person can see of the pair, as JSON-compatible data."""
    return {
        "format": RECORD_FORMAT,
        "version": RECORD_VERSION,
        "exported_at": _iso(exported_at),
        "me": {"name": my_name, "role": state.my_role.value},
        "partner": {"name": state.partner_name, "role": state.my_role.other.value},
        "started_at": _iso(state.created_at),
        "agreement": _agreement(state.agreement),
        "meetings": [_meeting(m, state) for m in sorted_meetings(state)],
        "goals": [_goal(g, state, my_name) for g in state.goals.values()],
        "notes": [_note(n, state, my_name) for n in sorted_notes(state)],
        "actions": [_action(a, state, my_name) for a in state.actions.values()],
        "categories": list(state.categories),
        "ending": _ending(state, my_name),
    }


def sorted_meetings(state: PairState) -> list[Meeting]:
    """Meetings oldest first: a record reads from the beginning."""
    return sorted(state.meetings.values(), key=lambda m: (m.starts_at, m.meeting_id))


def sorted_notes(state: PairState) -> list[Note]:
    """Notes oldest first."""
    return sorted(state.notes.values(), key=lambda n: (n.created_at, n.note_id))


def _agreement(a: Agreement | None) -> dict[str, Any] | None:
    if a is None:
        return None
    return {
        "frequency": a.frequency,
        "starts_on": _iso(a.starts_on),
        "review_on": _iso(a.review_on),
        "modes": [m.value for m in a.modes],
        "confidentiality": a.confidentiality,
        "limits": a.limits,
        "no_fault_ending": a.no_fault_ending,
        "confirmed_by": sorted(r.value for r in a.confirmed_by),
    }


def _item(item: AgendaItem, state: PairState) -> dict[str, Any]:
    goal = state.goals.get(item.goal_id) if item.goal_id else None
    return {
        "title": item.title,
        "why": item.why,
        "outcome": item.outcome,
        "goal": goal.title if goal else None,
    }


def _meeting(m: Meeting, state: PairState) -> dict[str, Any]:
    suggestions = [s for s in state.suggestions.values() if s.meeting_id == m.meeting_id]
    return {
        "id": m.meeting_id,
        "starts_at": _iso(m.starts_at),
        "duration_min": m.duration_min,
        "mode": m.mode.value,
        "place": m.place,
        "cancelled": m.cancelled,
        "agenda_ready": m.agenda_ready,
        "agenda": [_item(i, state) for i in state.agenda_for(m.meeting_id)],
        "suggestions": [{"title": s.title, "why": s.why, "status": s.status} for s in suggestions],
    }


def _goal(g: Goal, state: PairState, my_name: str) -> dict[str, Any]:
    return {
        "id": g.goal_id,
        "title": g.title,
        "description": g.description,
        "category": g.category,
        "target": _iso(g.target),
        "status": g.status.value,
        "progress": g.progress,
        "milestones": [
            {"title": s.title, "due": _iso(s.due), "done": s.done} for s in g.milestones
        ],
        "history": [
            {"at": _iso(c.at), "by": _who(c.author, state, my_name), "change": c.description}
            for c in g.history
        ],
    }


def _note(n: Note, state: PairState, my_name: str) -> dict[str, Any]:
    meeting = state.meetings.get(n.meeting_id) if n.meeting_id else None
    goal = state.goals.get(n.goal_id) if n.goal_id else None
    return {
        "kind": n.kind.value,
        "label": _KIND_LABELS[n.kind],
        "author": _who(n.author, state, my_name),
        "title": n.title,
        "text": n.text,
        "created_at": _iso(n.created_at),
        "updated_at": _iso(n.updated_at),
        "meeting": meeting.meeting_id if meeting else None,
        "goal": goal.title if goal else None,
        "other_version": n.conflict,
    }


def _action(a: Action, state: PairState, my_name: str) -> dict[str, Any]:
    return {
        "what": a.what,
        "owner": _who(a.owner, state, my_name),
        "due": _iso(a.due),
        "done": a.done,
        "meeting": a.meeting_id,
    }


def _ending(state: PairState, my_name: str) -> dict[str, Any] | None:
    e = state.ending
    if e is None:
        return None
    return {
        "at": _iso(e.at),
        "by": _who(e.by, state, my_name),
        "summary": e.summary,
        # Mine alone: it was never shared, and this is my own copy.
        "reason": e.reason,
    }


# ----------------------------------------------------------------- Markdown
def _day(value: str | None) -> str:
    if not value:
        return "no date"
    return format_date(date.fromisoformat(value[:10]))


def _when(value: str) -> str:
    """A moment in this computer's time zone, which is where the person reads it."""
    return format_datetime(datetime.fromisoformat(value))


def _line(text: str) -> str:
    """One line of a heading or list item: no line breaks that would break the layout."""
    return " ".join(text.split())


def _block(text: str) -> list[str]:
    """Free text as a quoted block, so its own Markdown cannot take over the page."""
    return [f"> {line}" if line else ">" for line in text.splitlines()] or ["> (empty)"]


def record_markdown(data: dict[str, Any]) -> str:
    """The same record, for people: headings, lists and quoted text."""
    me, partner = data["me"], data["partner"]
    out = [
        f"# Mentoring record: {_line(me['name'])} and {_line(partner['name'])}",
        "",
        f"{_line(me['name'])} ({me['role']}) with {_line(partner['name'])} ({partner['role']}).",
        f"Exported {_when(data['exported_at'])}. This file is NOT encrypted: keep it safe.",
        "",
    ]
    out += _md_agreement(data["agreement"])
    out += _md_meetings(data)
    out += _md_goals(data["goals"])
    out += _md_notes(data["notes"])
    out += _md_actions(data["actions"])
    out += _md_ending(data["ending"])
    return "\n".join(out).rstrip() + "\n"


def _md_agreement(a: dict[str, Any] | None) -> list[str]:
    out = ["## Agreement", ""]
    if a is None:
        return [*out, "No agreement was written down.", ""]
    modes = ", ".join(_MODE_WORDS[MeetingMode(m)] for m in a["modes"]) or "not set"
    confirmed = " and ".join(a["confirmed_by"]) or "nobody"
    out += [
        f"- How often: {_line(a['frequency'])}",
        f"- From {_day(a['starts_on'])} until review on {_day(a['review_on'])}",
        f"- Meeting: {modes}",
        "- Either of us may end the mentoring at any time, without giving a reason: "
        + ("yes" if a["no_fault_ending"] else "no"),
        f"- Confirmed by: {confirmed}",
        "",
        "What is confidential:",
        "",
        *_block(a["confidentiality"]),
        "",
        "Its limits:",
        "",
        *_block(a["limits"]),
        "",
    ]
    return out


def _md_meetings(data: dict[str, Any]) -> list[str]:
    out = ["## Meetings", ""]
    if not data["meetings"]:
        return [*out, "No meetings.", ""]
    for m in data["meetings"]:
        state = " (cancelled)" if m["cancelled"] else ""
        place = f", {_line(m['place'])}" if m["place"] else ""
        out += [
            f"### {_when(m['starts_at'])}{state}",
            "",
            f"{m['duration_min']} minutes, {_MODE_WORDS[MeetingMode(m['mode'])]}{place}.",
            "",
        ]
        if m["agenda"]:
            ready = "shared" if m["agenda_ready"] else "draft"
            out += [f"Agenda ({ready}):", ""]
            for n, item in enumerate(m["agenda"], start=1):
                goal = f" (goal: {_line(item['goal'])})" if item["goal"] else ""
                out.append(f"{n}. {_line(item['title'])}{goal}")
                if item["why"]:
                    out.append(f"   - Why now: {_line(item['why'])}")
                if item["outcome"]:
                    out.append(f"   - Outcome wanted: {_line(item['outcome'])}")
            out.append("")
        for s in m["suggestions"]:
            out += [f"- Suggested by the mentor ({s['status']}): {_line(s['title'])}", ""]
    return out


def _md_goals(goals: list[dict[str, Any]]) -> list[str]:
    out = ["## Goals", ""]
    if not goals:
        return [*out, "No goals.", ""]
    for g in goals:
        category = f", {_line(g['category'])}" if g["category"] else ""
        target = f", target {_day(g['target'])}" if g["target"] else ""
        out += [
            f"### {_line(g['title'])}",
            "",
            f"Status: {g['status']}, {g['progress']} %{category}{target}.",
            "",
        ]
        if g["description"]:
            out += [*_block(g["description"]), ""]
        if g["milestones"]:
            out += ["Milestones:", ""]
            for s in g["milestones"]:
                due = f" (due {_day(s['due'])})" if s["due"] else ""
                out.append(f"- [{'x' if s['done'] else ' '}] {_line(s['title'])}{due}")
            out.append("")
        out += ["History:", ""]
        out += [f"- {_when(c['at'])}, {_line(c['by'])}: {_line(c['change'])}" for c in g["history"]]
        out.append("")
    return out


def _md_notes(notes: list[dict[str, Any]]) -> list[str]:
    out = ["## Notes", ""]
    if not notes:
        return [*out, "No notes.", ""]
    for n in notes:
        title = _line(n["title"]) or "Untitled"
        out += [
            f"### {title}",
            "",
            f"**{n['label']}**, by {_line(n['author'])}, {_when(n['created_at'])}"
            + (f"; about the goal {_line(n['goal'])}" if n["goal"] else "")
            + ".",
            "",
            *_block(n["text"]),
            "",
        ]
        if n["other_version"]:
            out += ["Another version was written at the same time:", ""]
            out += [*_block(n["other_version"]), ""]
    return out


def _md_actions(actions: list[dict[str, Any]]) -> list[str]:
    out = ["## Actions", ""]
    if not actions:
        return [*out, "No actions.", ""]
    for a in actions:
        due = f", due {_day(a['due'])}" if a["due"] else ""
        mark = "x" if a["done"] else " "
        out.append(f"- [{mark}] {_line(a['what'])} ({_line(a['owner'])}{due})")
    return [*out, ""]


def _md_ending(e: dict[str, Any] | None) -> list[str]:
    if e is None:
        return []
    out = ["## Ending", "", f"Ended {_when(e['at'])} by {_line(e['by'])}.", ""]
    if e["summary"]:
        out += ["Closing summary:", "", *_block(e["summary"]), ""]
    if e["reason"]:
        out += ["Reason (kept on this computer, never shared):", "", *_block(e["reason"]), ""]
    return out
