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
) -> list[Event]:
    """Store ``changes`` as made by ``author``, one second apart, and forget cached state.

    A change the rules refuse raises RuleViolation and nothing is stored.
    """
    state = ws.state(pair_id)
    at = start or (state.last_key[0] if state.last_key else datetime.now(UTC))
    events = []
    for kind, body in changes:
        at += timedelta(seconds=1)
        events.append(Event(new_id(), pair_id, author, kind, at, body))
    ws.add_events(pair_id, events)
    return events
