"""Changes made by the partner, stored as if they had arrived from the partner's device.

A vault's :meth:`Workspace.record` always writes as its own person, so a
mentor's vault can never record the mentee's goals through it (the domain
forbids exactly that). Until sync exists, tests hand the partner's events to
:meth:`Workspace.add_events`, the path received events will take.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from mentorpair.domain.events import Event, EventKind
from mentorpair.domain.model import Role
from mentorpair.storage.workspace import Workspace, new_id


def insert_partner_events(
    ws: Workspace,
    pair_id: str,
    changes: list[tuple[EventKind, dict[str, Any]]],
    *,
    author: Role = Role.MENTEE,
    start: datetime | None = None,
    seen: dict[str, int] | None = None,
) -> list[Event]:
    """Store ``changes`` as made by ``author``, one second apart, and forget cached state.

    A change the rules refuse raises RuleViolation and nothing is stored.
    ``seen``: what the partner's device had seen of this vault's changes (by
    default, everything: the partner was up to date).
    """
    state = ws.state(pair_id)
    at = start or datetime.now(UTC)
    # Stamped as the partner's device would stamp them: after all this vault holds.
    seq = state.heads.get(PARTNER_DEVICE, (0, 0))[0]
    clock = state.max_clock
    if seen is None:
        seen = {o: s for o, (s, _) in state.heads.items() if o != PARTNER_DEVICE}
    events = []
    for kind, body in changes:
        at += timedelta(seconds=1)
        seq, clock = seq + 1, clock + 1
        draft = Event(new_id(), pair_id, author, kind, at, body)
        events.append(draft.restamped(clock, PARTNER_DEVICE, seq, seen))
    ws.add_events(pair_id, events)
    return events


#: The chain id of the partner's (imagined) device in these tests.
PARTNER_DEVICE = "9a" * 16
