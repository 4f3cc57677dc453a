"""Changes made by the partner, stored as if they had arrived from the partner's device.

A vault's :meth:`Workspace.record` always writes as its own person, so a
mentor's vault can never record the mentee's goals through it (the domain
forbids exactly that). Until sync exists, tests put the partner's events into
the events table directly, the way :meth:`Workspace._store` writes them, and
drop the cached state so the next read folds them in with the rules applied.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

from mentorpair.domain.events import Event, EventKind
from mentorpair.domain.model import Role
from mentorpair.domain.rules import is_shareable
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

    Each change is applied to the current state first (as a received event
    would be), so a change the rules refuse fails here loudly instead of
    being stored and silently skipped.
    """
    state = ws.state(pair_id)
    at = start or (state.last_key[0] if state.last_key else datetime.now(UTC))
    events = []
    try:
        with ws.vault.db.transaction():
            for kind, body in changes:
                at += timedelta(seconds=1)
                event = Event(new_id(), pair_id, author, kind, at, body)
                shareable = is_shareable(event, state)
                state.apply(event)
                ws.vault.db.execute(
                    "INSERT INTO events (event_id, pair_id, author, kind, at, shareable, body)"
                    " VALUES (:id, :pair, :author, :kind, :at, :shareable, :body)",
                    {
                        "id": event.event_id,
                        "pair": pair_id,
                        "author": event.author.value,
                        "kind": event.kind.value,
                        "at": event.at.astimezone(UTC).isoformat(timespec="microseconds"),
                        "shareable": int(shareable),
                        "body": json.dumps(dict(event.body), ensure_ascii=False, sort_keys=True),
                    },
                )
                events.append(event)
    finally:
        # The cached state was changed in place: the next read folds the stored events.
        ws._states.clear()
    return events
