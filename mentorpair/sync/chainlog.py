"""The vault's ``chains`` table: where each chain stands, and signing this computer's changes.

Exchange signs this computer's new shared changes into its chain when it
seals an update; a link payload or a file of pairs signs them first too,
so the other computer receives them linked and signed, and can pass them on
to the partner itself (a change that arrives unsigned can only ever be sent
by the computer that made it).
"""

from __future__ import annotations

from mentorpair.storage.database import Database
from mentorpair.storage.workspace import Workspace
from mentorpair.sync.chain import ChainHead, sign_entry

__all__ = ["head", "link_mine"]


def head(db: Database, pair_id: str, origin: str) -> ChainHead:
    """The last signed link of one device's chain that this vault holds."""
    row = db.query_one(
        "SELECT seq, entry_hash FROM chains WHERE pair_id = :p AND origin = :o"
        " ORDER BY seq DESC LIMIT 1",
        {"p": pair_id, "o": origin},
    )
    return ChainHead() if row is None else ChainHead(int(row[0]), bytes(row[1]))


def link_mine(workspace: Workspace, db: Database, pair_id: str) -> ChainHead:
    """Sign this computer's new shared events into its chain; return its head.

    Only the events after the last link are read: the cost is the change's.
    Call inside the caller's transaction.
    """
    me = workspace.origin
    last = head(db, pair_id, me)
    new = workspace.chain_events(pair_id, me, after=last.seq)
    if not new:
        return last
    keys = workspace.vault.device()
    rows = []
    for event in new:
        entry, digest = sign_entry(keys, last.hash, event)
        last = ChainHead(event.seq, digest)
        rows.append(
            {"p": pair_id, "o": me, "s": event.seq, "e": event.event_id, "h": digest,
             "sig": entry.signature}
        )  # fmt: skip
    db.execute_many(
        "INSERT INTO chains (pair_id, origin, seq, event_id, entry_hash, signature)"
        " VALUES (:p, :o, :s, :e, :h, :sig)",
        rows,
    )
    return last
