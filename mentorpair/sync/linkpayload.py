"""What a newly linked computer is given: the person's pairs, whole.

``docs/formats/devices.md``, *Link payload*.

The old computer writes it (:func:`make_link_payload`) once the person
compared the link code; it travels inside the sealed link bundle
(``sync/devices.py``) and the new computer adopts it (:func:`adopt_link_payload`)
into its fresh vault: every pair's events (private notes and reflections
too), the signed chains, the partner's keys with the pairing digest and both
confirmations (so the pair stays verified), the partner's computers and
removals, rejected keys, and what each partner's computer had acknowledged,
so the new computer neither resends everything nor starts unverified.

The bundle is sealed by the person's own computer, but its content is still
checked as if hostile: every event must be canonical, every chain must link
up from its first entry, every entry of a known computer must carry that
computer's signature, and every certificate must be the person's (or the
partner's). Anything wrong refuses the whole payload and nothing is written.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Protocol

from mentorpair.crypto.identity import PublicIdentity
from mentorpair.domain.canonical import NotCanonical, canonical_json, check_depth
from mentorpair.domain.events import MAX_CLOCK, Event, EventKind, MalformedEvent
from mentorpair.domain.rules import RuleViolation
from mentorpair.errors import KnownError, LinkRefused
from mentorpair.storage.database import Database
from mentorpair.storage.workspace import Workspace
from mentorpair.sync import chainlog
from mentorpair.sync.chain import GENESIS, canonical_event, entry_hash
from mentorpair.sync.devices import DeviceCertificate, DeviceRemoval


class _Device(Protocol):
    """What this module reads of ``sync.roster.Device``."""

    @property
    def device_id(self) -> str: ...
    @property
    def keys(self) -> PublicIdentity: ...
    @property
    def removed(self) -> bool: ...
    @property
    def this(self) -> bool: ...


class Roster(Protocol):
    """What this module asks of ``sync.roster.Roster`` (which calls it: no import circle)."""

    workspace: Workspace

    @property
    def person(self) -> PublicIdentity: ...
    @property
    def this_device(self) -> str: ...
    def own_devices(self) -> Sequence[_Device]: ...
    def partner_devices(self, pair_id: str, partner: PublicIdentity) -> Sequence[_Device]: ...
    def known(
        self, pair_id: str, partner: PublicIdentity | None
    ) -> tuple[Mapping[str, _Device], Mapping[str, int]]: ...
    def learn(
        self,
        db: Database,
        pair_id: str,
        partner: PublicIdentity | None,
        certificates: Sequence[DeviceCertificate],
        removals: Sequence[DeviceRemoval],
    ) -> None: ...


__all__ = [
    "FORMAT",
    "VERSION",
    "LinkPayloadRefused",
    "adopt_link_payload",
    "adopt_more_pairs",
    "make_link_payload",
]

FORMAT = "mentorpair-link-payload"
VERSION = 1
_HEX32 = frozenset("0123456789abcdef")


class LinkPayloadRefused(LinkRefused):
    """The pairs sent by the other computer could not be taken over; nothing was copied."""

    default_message = (
        "The pairs sent by your other computer are damaged or were not made by mentorpair, so "
        "nothing was copied to this computer. Nothing was changed. Start linking again on "
        "your other computer."
    )


def _json(doc: Mapping[str, Any]) -> str:
    return canonical_json(dict(doc)).decode("utf-8")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _keys(keys: PublicIdentity) -> dict[str, str]:
    return {"signing": _b64(keys.signing), "agreement": _b64(keys.agreement), "kem": _b64(keys.kem)}


# ------------------------------------------------------------------ writing
def make_link_payload(roster: Roster, device_id: str, *, more: bool = False) -> bytes:
    """Everything the computer ``device_id`` (just certified) needs, as canonical JSON bytes.

    Also records, on this computer, that the new one holds all of it (its
    ``peers`` rows), so the first update to it carries only what is new.

    With ``more`` it is for a computer linked earlier (a file of pairs,
    ``pairsfile.py``): it may already hold some of the pairs, and what this
    computer knows of it is kept; for a pair it never heard of from there,
    the next update to it carries everything again (what it already holds
    is skipped there), never less than it lacks.

    Raises:
        LinkRefused: ``device_id`` is not one of the person's linked computers.
    """
    db = roster.workspace.vault.db
    own = {d.device_id: d for d in roster.own_devices()}
    if device_id not in own or own[device_id].removed or own[device_id].this:
        raise LinkRefused(
            "That computer is not one of your linked computers, so nothing was sent to it. "
            "Nothing was changed."
        )
    devices = [
        {"certificate": json.loads(str(c)), "removal": None if r is None else json.loads(str(r))}
        for c, r in db.query("SELECT certificate, removal FROM own_devices ORDER BY device_id")
    ]
    top = db.query_one("SELECT MAX(rowid) FROM events")
    last_rowid = int(top[0]) if top and top[0] is not None else 0
    pairs = []
    with db.transaction():
        for pair_id in _pair_ids(db):
            # Signed first: the other computer can then pass them on itself.
            chainlog.link_mine(roster.workspace, db, pair_id)
            pair, heads = _pair_document(roster, db, pair_id)
            pairs.append(pair)
            if more:
                db.execute(
                    "INSERT OR IGNORE INTO peers (pair_id, device_id) VALUES (:p, :d)",
                    {"p": pair_id, "d": device_id},
                )
                continue
            # The new computer holds everything this one holds now.
            db.execute(
                "INSERT OR REPLACE INTO peers (pair_id, device_id, has, private_has)"
                " VALUES (:p, :d, :has, :ph)",
                {"p": pair_id, "d": device_id, "has": json.dumps(heads, sort_keys=True),
                 "ph": last_rowid},
            )  # fmt: skip
    doc = {
        "format": FORMAT,
        "version": VERSION,
        "name": roster.workspace.vault.display_name(),
        "from": roster.this_device,
        "devices": devices,
        "pairs": pairs,
    }
    return canonical_json(doc)


def _pair_ids(db: Database) -> list[str]:
    rows = db.query(
        "SELECT DISTINCT pair_id FROM events WHERE kind = :k ORDER BY pair_id",
        {"k": EventKind.PAIR_CREATED.value},
    )
    return [str(r[0]) for r in rows]


def _pair_document(
    roster: Roster, db: Database, pair_id: str
) -> tuple[dict[str, Any], dict[str, int]]:
    events = [e.to_dict() for e in roster.workspace.events(pair_id)]
    chains = []
    heads: dict[str, int] = {}
    for origin, seq, event_id, digest, signature in db.query(
        "SELECT origin, seq, event_id, entry_hash, signature FROM chains WHERE pair_id = :p"
        " ORDER BY origin, seq",
        {"p": pair_id},
    ):
        chains.append(
            {"origin": str(origin), "seq": int(seq), "event": str(event_id),
             "hash": bytes(digest).hex(), "sig": _b64(bytes(signature))}
        )  # fmt: skip
        heads[str(origin)] = int(seq)
    row = db.query_one(
        "SELECT signing, agreement, kem, partner_name, confirmed_by_me, confirmed_by_partner,"
        " keys_changed, since, pairing FROM partner_keys WHERE pair_id = :p",
        {"p": pair_id},
    )
    partner = None
    peers: dict[str, Any] = {}
    if row is not None:
        keys = PublicIdentity(bytes(row[0]), bytes(row[1]), bytes(row[2]))
        partner = {
            "keys": _keys(keys), "name": str(row[3]), "confirmed_by_me": bool(row[4]),
            "confirmed_by_partner": bool(row[5]), "keys_changed": bool(row[6]),
            "since": str(row[7]), "pairing": None if row[8] is None else bytes(row[8]).hex(),
        }  # fmt: skip
        for device in roster.partner_devices(pair_id, keys):
            known = db.query_one(
                "SELECT has FROM peers WHERE pair_id = :p AND device_id = :d",
                {"p": pair_id, "d": device.device_id},
            )
            if known is not None:
                peers[device.device_id] = {"has": json.loads(str(known[0]))}
    peers[roster.this_device] = {"has": heads}
    partner_devices = [
        {"certificate": json.loads(str(c)), "removal": None if r is None else json.loads(str(r)),
         "announced": bool(a)}
        for c, r, a in db.query(
            "SELECT certificate, removal, announced FROM partner_devices WHERE pair_id = :p"
            " ORDER BY device_id",
            {"p": pair_id},
        )
    ]  # fmt: skip
    rejected = [
        {"origin": str(o), "at": str(t)}
        for o, t in db.query(
            "SELECT origin, at FROM rejected_keys WHERE pair_id = :p ORDER BY origin",
            {"p": pair_id},
        )
    ]
    doc = {
        "pair": pair_id, "events": events, "chains": chains, "partner": partner,
        "partner_devices": partner_devices, "rejected": rejected, "peers": peers,
    }  # fmt: skip
    return doc, heads


# ------------------------------------------------------------------ reading
def adopt_more_pairs(roster: Roster, data: bytes) -> tuple[list[str], int]:
    """Take the pairs of a file of pairs that this computer does not hold yet.

    Returns the pair ids taken and how many pairs were here already (left
    alone). The other computers it names are learnt as from an update.

    Raises:
        LinkPayloadRefused: damaged, forged or newer; nothing was written.
    """
    _doc, own, pairs, sender = _parse(roster, data)
    new = [p for p in pairs if not roster.workspace.has_pair(p["pair"])]

    def store(db: Database) -> None:
        roster.learn(db, "", None, [c for c, _ in own], [r for _, r in own if r is not None])
        for pair in new:
            _adopt_pair(roster, db, pair, sender)

    _in_one_transaction(roster.workspace, store)
    return [p["pair"] for p in new], len(pairs) - len(new)


def adopt_link_payload(roster: Roster, data: bytes) -> list[str]:
    """Take over the person's pairs on this freshly linked computer; return the pair ids.

    Raises:
        LinkPayloadRefused: damaged, forged, of a newer version, or the
            vault already holds one of its pairs; nothing was written.
    """
    vault = roster.workspace.vault
    if vault.device_certificate() is None:
        raise LinkPayloadRefused(
            "Only a computer being linked takes over pairs from another computer. Nothing was "
            "changed."
        )
    doc, own, pairs, sender = _parse(roster, data)
    for pair in pairs:
        if roster.workspace.has_pair(pair["pair"]):
            raise LinkPayloadRefused(
                "This computer already holds one of the pairs sent, so nothing was copied. "
                "Nothing was changed."
            )

    def store(db: Database) -> None:
        name = doc.get("name")
        if isinstance(name, str) and name.strip():
            vault.set_display_name(name)
        for cert, removal in own:
            db.execute(
                "INSERT OR IGNORE INTO own_devices (device_id, certificate, removal)"
                " VALUES (:d, :c, :r)",
                {"d": cert.device.device_id, "c": _json(cert.to_json()),
                 "r": None if removal is None else _json(removal.to_json())},
            )  # fmt: skip
        for pair in pairs:
            _adopt_pair(roster, db, pair, sender)

    _in_one_transaction(roster.workspace, store)
    return [p["pair"] for p in pairs]


_Own = list[tuple[DeviceCertificate, DeviceRemoval | None]]


def _parse(roster: Roster, data: bytes) -> tuple[dict[str, Any], _Own, list[dict[str, Any]], str]:
    """The payload's document, the person's computers, its pairs and its sender, shape-checked."""
    doc = _read(data)
    person = roster.person
    own = [_own_device(item, person) for item in _list(doc, "devices")]
    pairs = [_pair(item) for item in _list(doc, "pairs")]
    return doc, own, pairs, _hex32(doc.get("from"))


def _in_one_transaction(workspace: Workspace, store: Callable[[Database], None]) -> None:
    """Run ``store`` in one transaction: all of it, or nothing and LinkPayloadRefused."""
    db = workspace.vault.db
    try:
        with db.transaction():
            store(db)
    except (KnownError, RuleViolation, ValueError, KeyError, TypeError):
        workspace.reload()
        raise LinkPayloadRefused() from None
    except BaseException:
        workspace.reload()
        raise
    workspace.reload()


def _read(data: bytes) -> dict[str, Any]:
    try:
        check_depth(data)
        doc = json.loads(data.decode("utf-8"))
    except (ValueError, UnicodeDecodeError, RecursionError, NotCanonical):
        raise LinkPayloadRefused() from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise LinkPayloadRefused()
    version = doc.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
        raise LinkPayloadRefused(
            "Your other computer has a newer version of mentorpair. Update mentorpair on this "
            "computer and start linking again. Nothing was changed."
        )
    if version != VERSION:
        raise LinkPayloadRefused()
    return doc


def _list(doc: Mapping[str, Any], name: str) -> list[Any]:
    value = doc.get(name)
    if not isinstance(value, list):
        raise LinkPayloadRefused()
    return value


def _hex32(value: object) -> str:
    if not isinstance(value, str) or len(value) != 32 or not set(value) <= _HEX32:
        raise LinkPayloadRefused()
    return value


def _removal(value: object) -> DeviceRemoval | None:
    if value is None:
        return None
    try:
        return DeviceRemoval.from_json(value)
    except KnownError:
        raise LinkPayloadRefused() from None


def _certificate(value: object) -> DeviceCertificate:
    try:
        return DeviceCertificate.from_json(value)
    except KnownError:
        raise LinkPayloadRefused() from None


def _own_device(
    item: object, person: PublicIdentity
) -> tuple[DeviceCertificate, DeviceRemoval | None]:
    if not isinstance(item, dict):
        raise LinkPayloadRefused()
    cert = _certificate(item.get("certificate"))
    removal = _removal(item.get("removal"))
    if not cert.verifies_for(person) or (removal is not None and not removal.verifies_for(person)):
        raise LinkPayloadRefused()
    return cert, removal


def _pair(item: object) -> dict[str, Any]:
    """Shape checks of one pair's document (signatures are checked on adoption)."""
    if not isinstance(item, dict):
        raise LinkPayloadRefused()
    pair_id = _hex32(item.get("pair"))
    events = []
    for raw in _list(item, "events"):
        try:
            if not isinstance(raw, dict):
                raise ValueError("event")
            event = Event.from_dict(raw)
            if event.to_dict() != raw or event.pair_id != pair_id:
                raise ValueError("event")
            canonical_event(event)
        except (ValueError, TypeError, MalformedEvent, NotCanonical):
            raise LinkPayloadRefused() from None
        events.append(event)
    if len({e.event_id for e in events}) != len(events):
        raise LinkPayloadRefused()
    chains = []
    for raw in _list(item, "chains"):
        try:
            if not isinstance(raw, dict) or set(raw) != {"origin", "seq", "event", "hash", "sig"}:
                raise ValueError("chain")
            seq = raw["seq"]
            if not isinstance(seq, int) or isinstance(seq, bool) or not 1 <= seq <= MAX_CLOCK:
                raise ValueError("seq")
            digest = bytes.fromhex(raw["hash"])
            signature = base64.b64decode(raw["sig"], validate=True)
            if len(digest) != 32 or len(signature) != 64 or not isinstance(raw["event"], str):
                raise ValueError("sizes")
        except (ValueError, TypeError, binascii.Error):
            raise LinkPayloadRefused() from None
        chains.append((_hex32(raw["origin"]), seq, raw["event"], digest, signature))
    for name in ("partner_devices", "rejected"):
        _list(item, name)
    if not isinstance(item.get("peers"), dict):
        raise LinkPayloadRefused()
    return {**item, "pair": pair_id, "events": events, "chains": chains}


def _partner(value: object) -> tuple[PublicIdentity, dict[str, Any]] | None:
    if value is None:
        return None
    if not isinstance(value, dict) or not isinstance(value.get("keys"), dict):
        raise LinkPayloadRefused()
    try:
        keys_doc = value["keys"]
        keys = PublicIdentity(
            base64.b64decode(keys_doc["signing"], validate=True),
            base64.b64decode(keys_doc["agreement"], validate=True),
            base64.b64decode(keys_doc["kem"], validate=True),
        )
        keys.device_id  # noqa: B018 - decodes the keys: a bad key set fails here
        pairing = value["pairing"]
        row = {
            "name": str(value["name"]), "me": int(bool(value["confirmed_by_me"])),
            "them": int(bool(value["confirmed_by_partner"])),
            "changed": int(bool(value["keys_changed"])), "since": str(value["since"]),
            "pairing": None if pairing is None else bytes.fromhex(pairing),
        }  # fmt: skip
    except (KeyError, ValueError, TypeError, binascii.Error):
        raise LinkPayloadRefused() from None
    digest = row["pairing"]
    if isinstance(digest, bytes) and len(digest) != 32:
        raise LinkPayloadRefused()
    return keys, row


def _adopt_pair(roster: Roster, db: Database, pair: dict[str, Any], sender: str) -> None:
    """Store one pair (inside the caller's transaction); raise on anything wrong."""
    pair_id: str = pair["pair"]
    partner = _partner(pair.get("partner"))
    if partner is not None:
        keys, row = partner
        db.execute(
            "INSERT INTO partner_keys (pair_id, signing, agreement, kem, partner_name,"
            " confirmed_by_me, confirmed_by_partner, keys_changed, since, pairing)"
            " VALUES (:p, :s, :a, :k, :name, :me, :them, :changed, :since, :pairing)",
            {"p": pair_id, "s": keys.signing, "a": keys.agreement, "k": keys.kem, **row},
        )
    for item in pair["partner_devices"]:
        if partner is None or not isinstance(item, dict):
            raise LinkPayloadRefused()
        cert = _certificate(item.get("certificate"))
        removal = _removal(item.get("removal"))
        if not cert.verifies_for(partner[0]) or (
            removal is not None and not removal.verifies_for(partner[0])
        ):
            raise LinkPayloadRefused()
        db.execute(
            "INSERT INTO partner_devices (pair_id, device_id, certificate, removal, announced)"
            " VALUES (:p, :d, :c, :r, :a)",
            {"p": pair_id, "d": cert.device.device_id, "c": _json(cert.to_json()),
             "r": None if removal is None else _json(removal.to_json()),
             "a": int(bool(item.get("announced")))},
        )  # fmt: skip
    for item in pair["rejected"]:
        if not isinstance(item, dict) or not isinstance(item.get("at"), str):
            raise LinkPayloadRefused()
        db.execute(
            "INSERT INTO rejected_keys (pair_id, origin, at) VALUES (:p, :o, :t)",
            {"p": pair_id, "o": _hex32(item.get("origin")), "t": item["at"]},
        )
    events: list[Event] = pair["events"]
    by_id = {e.event_id: e for e in events}
    if not any(e.kind is EventKind.PAIR_CREATED for e in events):
        raise LinkPayloadRefused()
    # Every chain links up from its first entry; a known computer's entries carry its signature.
    devices, _ = roster.known(pair_id, partner[0] if partner else None)
    prev: dict[str, tuple[int, bytes]] = {}
    rows = []
    for origin, seq, event_id, digest, signature in sorted(pair["chains"], key=lambda c: c[:2]):
        last_seq, last_hash = prev.get(origin, (0, GENESIS))
        event = by_id.get(event_id)
        if seq != last_seq + 1 or event is None or (event.origin, event.seq) != (origin, seq):
            raise LinkPayloadRefused()
        if entry_hash(seq, last_hash, event) != digest:
            raise LinkPayloadRefused()
        device = devices.get(origin)
        if device is not None and not device.keys.verifies(signature, digest):
            raise LinkPayloadRefused()
        prev[origin] = (seq, digest)
        rows.append(
            {"p": pair_id, "o": origin, "s": seq, "e": event_id, "h": digest, "sig": signature}
        )
    roster.workspace.add_events(pair_id, events, adopt=True)
    db.execute_many(
        "INSERT INTO chains (pair_id, origin, seq, event_id, entry_hash, signature)"
        " VALUES (:p, :o, :s, :e, :h, :sig)",
        rows,
    )
    top = db.query_one("SELECT MAX(rowid) FROM events")
    last_rowid = int(top[0]) if top and top[0] is not None else 0
    for device_id, known in pair["peers"].items():
        if not isinstance(known, dict) or not isinstance(known.get("has"), dict):
            raise LinkPayloadRefused()
        has = {_hex32(o): _count(s) for o, s in known["has"].items()}
        db.execute(
            "INSERT INTO peers (pair_id, device_id, has, private_has) VALUES (:p, :d, :h, :ph)",
            {"p": pair_id, "d": _hex32(device_id), "h": json.dumps(has, sort_keys=True),
             "ph": last_rowid if device_id == sender else 0},
        )  # fmt: skip


def _count(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_CLOCK:
        raise LinkPayloadRefused()
    return value
