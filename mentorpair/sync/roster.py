"""Which computers belong to the person and to each partner, and who gets which update.

One person may use several computers (``docs/formats/devices.md``). Their
first computer signs with the identity itself; every other one signs with
keys the identity certified. The partner's app accepts a certified computer
without a new safety-code check, because the identity they verified vouches
for it; a removal, signed by the identity too, stops a computer's later
changes from counting anywhere.

This module keeps those records (tables ``own_devices`` and
``partner_devices``) and answers the questions sync asks: to which computers
does this pair's news go (:meth:`Roster.peers`), whose changes are admitted
and up to where (:meth:`Roster.authors`), and what certificates and
removals travel with an update so every computer learns them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from types import EllipsisType
from typing import Any

from mentorpair.crypto.identity import PublicIdentity
from mentorpair.domain.canonical import canonical_json
from mentorpair.domain.model import Role
from mentorpair.errors import DeviceRefused, KnownError, PairsFileRefused, UpdateRefused
from mentorpair.storage.database import Database
from mentorpair.storage.workspace import Workspace
from mentorpair.sync.devices import DeviceCertificate, DeviceRemoval, remove_device
from mentorpair.sync.linkpayload import adopt_link_payload, adopt_more_pairs, make_link_payload
from mentorpair.sync.pairsfile import open_pairs_file, seal_pairs_file

__all__ = ["Device", "Peer", "Roster", "ThisComputerRemoved"]


class ThisComputerRemoved(KnownError):
    """The person removed this computer from their computers on another one."""

    default_message = (
        "This computer was removed from your computers on another of your computers, so it "
        "no longer sends or receives your pairs' changes. Your notes on it are still here. "
        "To use mentorpair here again, link this computer again from one you still use."
    )


@dataclass(frozen=True, slots=True)
class Device:
    """One computer of the person or of a partner.

    Attributes:
        device_id: its chain id (``docs/formats/sync.md``).
        keys: the keys it signs with and receives updates under.
        number: 0 for the person's first computer, else the certificate's number.
        mine: one of this person's computers (else the partner's).
        removed: a removal for it is known.
        this: this very computer.
        label: how the app names it in plain words ("your computer 2",
            "Dr Marsh's first computer"); English, the UI translates the pattern.
    """

    device_id: str
    keys: PublicIdentity
    number: int
    mine: bool
    removed: bool = False
    this: bool = False
    label: str = ""


#: A computer this one sends a pair's updates to.
Peer = Device


@dataclass(frozen=True, slots=True)
class Author:
    """A computer whose changes a pair admits: its keys, role and cutoff."""

    keys: PublicIdentity
    role: Role
    mine: bool
    cutoff: int | None = None  # None: all; else the last seq still admitted

    @property
    def origin(self) -> str:
        """The computer's chain id."""
        return self.keys.device_id


#: "Look the partner's identity up in the vault" (the default of the partner arguments).
ASK: EllipsisType = ...
PartnerArg = PublicIdentity | None | EllipsisType


def own_label(number: int) -> str:
    """How the person's own computer ``number`` is named (0: the first one)."""
    return "your first computer" if number == 0 else f"your computer {number + 1}"


def partner_label(name: str, number: int) -> str:
    """How a partner's computer ``number`` is named (0: their first one)."""
    if number == 0:
        return f"{name}'s first computer"
    return f"{name}'s computer {number + 1}"


def _json(doc: Mapping[str, Any]) -> str:
    return canonical_json(dict(doc)).decode("utf-8")


class Roster:
    """The person's computers and the partners', as this vault knows them."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace

    @property
    def _db(self) -> Database:
        return self.workspace.vault.db

    @property
    def person(self) -> PublicIdentity:
        """The person's identity (their first computer's keys)."""
        return self.workspace.vault.identity().public()

    @property
    def this_device(self) -> str:
        """This computer's device id."""
        return self.workspace.origin

    # ------------------------------------------------------------- the person's
    def own_devices(self) -> list[Device]:
        """Every computer of the person: the first, then the linked ones by number."""
        person = self.person
        me = self.this_device
        found = [
            Device(person.device_id, person, 0, True, this=person.device_id == me,
                   label=own_label(0))
        ]  # fmt: skip
        for certificate, removal in self._db.query("SELECT certificate, removal FROM own_devices"):
            cert = DeviceCertificate.from_json(json.loads(str(certificate)))
            found.append(
                Device(
                    cert.device.device_id, cert.device, cert.number, True,
                    removed=removal is not None, this=cert.device.device_id == me,
                    label=own_label(cert.number),
                )
            )  # fmt: skip
        return sorted(found, key=lambda d: d.number)

    def next_number(self) -> int:
        """The number the next linked computer gets (1 for the first one linked)."""
        return max((d.number for d in self.own_devices()), default=0) + 1

    def add_own_device(self, certificate: DeviceCertificate) -> None:
        """Record one of the person's computers (linking it made it theirs).

        Raises:
            DeviceRefused: the certificate is not the person's.
        """
        if not certificate.verifies_for(self.person):
            raise DeviceRefused()
        with self._db.transaction() as db:
            db.execute(
                "INSERT OR IGNORE INTO own_devices (device_id, certificate) VALUES (:d, :c)",
                {"d": certificate.device.device_id, "c": _json(certificate.to_json())},
            )

    def _known_own(self, device_id: str) -> bool:
        return (
            self._db.query_one("SELECT 1 FROM own_devices WHERE device_id = :d", {"d": device_id})
            is not None
        )

    def remove_own_device(self, device_id: str, now: datetime) -> DeviceRemoval:
        """Sign and record the removal of one of the person's linked computers.

        For every pair, the changes that computer signed and this one holds
        keep counting; whatever it signs later is refused everywhere once the
        removal arrives, and nothing more is sealed to it from here.

        Raises:
            DeviceRefused: not a linked computer of the person, or this one.
        """
        if device_id == self.this_device or not self._known_own(device_id):
            raise DeviceRefused("That computer cannot be removed from here. Nothing was changed.")
        cutoffs = {
            str(pair): int(seq)
            for pair, seq in self._db.query(
                "SELECT pair_id, MAX(seq) FROM chains WHERE origin = :d GROUP BY pair_id",
                {"d": device_id},
            )
        }
        removal = remove_device(self.workspace.vault.identity(), device_id, cutoffs, now)
        with self._db.transaction() as db:
            self._store_own_removal(db, removal)
        return removal

    def _store_own_removal(self, db: Database, removal: DeviceRemoval) -> None:
        row = db.query_one(
            "SELECT removal FROM own_devices WHERE device_id = :d", {"d": removal.device_id}
        )
        if row is None or not _earlier(removal, row[0]):
            return
        db.execute(
            "UPDATE own_devices SET removal = :r WHERE device_id = :d",
            {"r": _json(removal.to_json()), "d": removal.device_id},
        )

    def this_computer_removed(self) -> bool:
        """Whether a removal of this very computer arrived."""
        row = self._db.query_one(
            "SELECT removal FROM own_devices WHERE device_id = :d", {"d": self.this_device}
        )
        return row is not None and row[0] is not None

    # ------------------------------------------------------------- the partner's
    def partner_identity(self, pair_id: str) -> tuple[PublicIdentity, str] | None:
        """The partner's verified identity for a pair and the name they gave, if paired."""
        row = self._db.query_one(
            "SELECT signing, agreement, kem, partner_name FROM partner_keys WHERE pair_id = :p",
            {"p": pair_id},
        )
        if row is None:
            return None
        return PublicIdentity(bytes(row[0]), bytes(row[1]), bytes(row[2])), str(row[3])

    def _partner(self, pair_id: str, partner: PartnerArg) -> tuple[PublicIdentity | None, str]:
        known = self.partner_identity(pair_id)
        name = known[1] if known is not None else "your partner"
        if partner is ASK:
            return (known[0] if known is not None else None), name
        assert not isinstance(partner, EllipsisType)
        return partner, name

    def partner_devices(self, pair_id: str, partner: PartnerArg = ASK) -> list[Device]:
        """The partner's computers for one pair: their first, then the linked ones.

        ``partner`` defaults to the identity stored for the pair; a test or a
        key change may name other keys (certificates of other keys drop out).
        """
        keys, name = self._partner(pair_id, partner)
        if keys is None:
            return []
        partner = keys
        found = [Device(partner.device_id, partner, 0, False, label=partner_label(name, 0))]
        for certificate, removal in self._db.query(
            "SELECT certificate, removal FROM partner_devices WHERE pair_id = :p",
            {"p": pair_id},
        ):
            cert = DeviceCertificate.from_json(json.loads(str(certificate)))
            if cert.verifies_for(partner):  # certificates of keys since replaced drop out
                found.append(
                    Device(cert.device.device_id, cert.device, cert.number, False,
                           removed=removal is not None, label=partner_label(name, cert.number))
                )  # fmt: skip
        return sorted(found, key=lambda d: d.number)

    def unannounced(self, pair_id: str, partner: PartnerArg = ASK) -> list[Device]:
        """The partner's computers not yet shown to the person ("now also uses …")."""
        fresh = {
            str(r[0])
            for r in self._db.query(
                "SELECT device_id FROM partner_devices WHERE pair_id = :p AND announced = 0"
                " AND removal IS NULL",
                {"p": pair_id},
            )
        }
        return [d for d in self.partner_devices(pair_id, partner) if d.device_id in fresh]

    def mark_announced(self, pair_id: str, device_id: str) -> None:
        """The person was told about this computer of their partner's."""
        with self._db.transaction() as db:
            db.execute(
                "UPDATE partner_devices SET announced = 1 WHERE pair_id = :p AND device_id = :d",
                {"p": pair_id, "d": device_id},
            )

    # ------------------------------------------------------------- sync's questions
    def peers(self, pair_id: str, partner: PartnerArg = ASK) -> list[Peer]:
        """The computers this one sends the pair's updates to (none removed, not itself).

        The person's own computers first (by number), then the partner's; a
        pair not paired yet has only the person's own computers as peers.
        """
        everyone = self.own_devices() + self.partner_devices(pair_id, partner)
        return [d for d in everyone if not d.removed and not d.this]

    def peer(self, pair_id: str, device_id: str, partner: PartnerArg = ASK) -> Peer | None:
        """One of the pair's peers by device id (None: not a peer, or removed)."""
        for device in self.peers(pair_id, partner):
            if device.device_id == device_id:
                return device
        return None

    def known(
        self,
        pair_id: str,
        partner: PartnerArg = ASK,
        certificates: Iterable[DeviceCertificate] = (),
        removals: Iterable[DeviceRemoval] = (),
    ) -> tuple[dict[str, Device], dict[str, int]]:
        """Every computer of both persons for a pair, and each removed one's cutoff.

        ``certificates`` and ``removals`` are an update's documents, not yet
        stored: an update may be sent by a computer certified inside it, and
        nothing is stored before every check passed. Of several removals of
        one computer the earliest counts (as :meth:`learn` keeps it).

        Raises:
            UpdateRefused: a document signed by neither person.
        """
        keys, name = self._partner(pair_id, partner)
        found = {d.device_id: d for d in self.own_devices()}
        found.update((d.device_id, d) for d in self.partner_devices(pair_id, keys))
        person, me = self.person, self.this_device
        for cert in certificates:
            device_id = cert.device.device_id
            if cert.verifies_for(person):
                if device_id not in found:
                    found[device_id] = Device(
                        device_id, cert.device, cert.number, True, this=device_id == me,
                        label=own_label(cert.number),
                    )  # fmt: skip
            elif keys is not None and cert.verifies_for(keys):
                if device_id not in found:
                    found[device_id] = Device(
                        device_id, cert.device, cert.number, False,
                        label=partner_label(name, cert.number),
                    )  # fmt: skip
            else:
                raise _not_theirs()
        earliest = self._removals(pair_id)
        for removal in removals:
            if not removal.verifies_for(person) and not (
                keys is not None and removal.verifies_for(keys)
            ):
                raise _not_theirs()
            held = earliest.get(removal.device_id)
            if held is None or _order(removal) < _order(held):
                earliest[removal.device_id] = removal
        cutoffs: dict[str, int] = {}
        for device_id, removal in earliest.items():
            device = found.get(device_id)
            # A removal counts only when signed by the person the computer belongs to.
            if device is None or device.number == 0:
                continue
            owner = person if device.mine else keys
            if owner is None or not removal.verifies_for(owner):
                continue
            cutoffs[device_id] = removal.cutoffs.get(pair_id, 0)
            found[device_id] = replace(device, removed=True)
        return found, cutoffs

    def authors(
        self,
        pair_id: str,
        partner: PartnerArg,
        my_role: Role,
        certificates: Iterable[DeviceCertificate] = (),
        removals: Iterable[DeviceRemoval] = (),
    ) -> dict[str, Author]:
        """Whose chains the pair admits, with each removed computer's cutoff."""
        devices, cutoffs = self.known(pair_id, partner, certificates, removals)
        found: dict[str, Author] = {}
        for device in devices.values():
            if device.this:
                continue
            role = my_role if device.mine else my_role.other
            found[device.device_id] = Author(
                device.keys, role, device.mine, cutoffs.get(device.device_id)
            )
        return found

    def _removals(self, pair_id: str) -> dict[str, DeviceRemoval]:
        rows = self._db.query(
            "SELECT removal FROM own_devices WHERE removal IS NOT NULL"
            " UNION ALL SELECT removal FROM partner_devices"
            " WHERE pair_id = :p AND removal IS NOT NULL",
            {"p": pair_id},
        )
        found: dict[str, DeviceRemoval] = {}
        for (text,) in rows:
            removal = DeviceRemoval.from_json(json.loads(str(text)))
            found[removal.device_id] = removal
        return found

    # ------------------------------------------------------------- linking
    def link_payload(self, device_id: str) -> bytes:
        """Everything the newly certified computer ``device_id`` needs (``devices.md``).

        Records that it holds all of it, so the first update to it carries
        only what is new.

        Raises:
            LinkRefused: not one of the person's linked computers.
        """
        return make_link_payload(self, device_id)

    def adopt_link_payload(self, data: bytes) -> list[str]:
        """Take over the person's pairs on this freshly linked computer; return their ids.

        Raises:
            LinkPayloadRefused: damaged, forged or newer; nothing was written.
        """
        return adopt_link_payload(self, data)

    def pairs_file(self, device_id: str) -> bytes:
        """A file of every pair here, for the person's computer ``device_id`` alone.

        For pairs made or taken over after that computer was linked
        (``pairsfile.py``); it takes those it does not hold yet.

        Raises:
            PairsFileRefused: not one of the person's other computers, or removed.
        """
        device = next((d for d in self.own_devices() if d.device_id == device_id), None)
        if device is None or device.this or device.removed:
            raise PairsFileRefused(
                "That computer is not one of your other computers, so nothing was made for it. "
                "Nothing was changed."
            )
        vault = self.workspace.vault
        text = vault.device_certificate()
        certificate = None if text is None else DeviceCertificate.from_json(json.loads(text))
        payload = make_link_payload(self, device_id, more=True)
        return seal_pairs_file(vault.device(), certificate, device.keys, payload)

    def take_pairs_file(self, data: bytes) -> tuple[list[str], int]:
        """Take the pairs this computer lacks from a file another of the person's made.

        Returns the pair ids taken and how many of its pairs were here already.

        Raises:
            PairsFileRefused: damaged, for another computer, not the person's,
                or made on a computer the person removed; nothing was written.
            LinkPayloadRefused: its pairs are damaged or forged; nothing was written.
            MadeByNewerVersion: made by a newer mentorpair.
        """
        opened = open_pairs_file(data, self.workspace.vault.device(), self.person)
        if opened.sender == self.this_device:
            raise PairsFileRefused(
                "This file was made on this computer. Open it on your other computer. "
                "Nothing was changed."
            )
        known = {d.device_id: d for d in self.own_devices()}
        if opened.sender in known and known[opened.sender].removed:
            raise PairsFileRefused(
                "This file was made on a computer you removed from your computers, so nothing "
                "was taken from it. Nothing was changed."
            )
        return adopt_more_pairs(self, opened.payload)

    def documents(self, pair_id: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """The certificates and removals an update of this pair carries (both persons')."""
        rows = self._db.query(
            "SELECT certificate, removal FROM own_devices"
            " UNION ALL SELECT certificate, removal FROM partner_devices WHERE pair_id = :p",
            {"p": pair_id},
        )
        certificates = [json.loads(str(c)) for c, _ in rows]
        removals = [json.loads(str(r)) for _, r in rows if r is not None]
        return certificates, removals

    def learn(
        self,
        db: Database,
        pair_id: str,
        partner: PublicIdentity | None,
        certificates: Iterable[DeviceCertificate],
        removals: Iterable[DeviceRemoval],
    ) -> None:
        """Store what an admitted update told about either person's computers.

        Raises:
            UpdateRefused: a certificate or removal not signed by either person.
        """
        person = self.person
        for cert in certificates:
            text = _json(cert.to_json())
            if cert.verifies_for(person):
                db.execute(
                    "INSERT OR IGNORE INTO own_devices (device_id, certificate) VALUES (:d, :c)",
                    {"d": cert.device.device_id, "c": text},
                )
            elif partner is not None and cert.verifies_for(partner):
                db.execute(
                    "INSERT OR IGNORE INTO partner_devices (pair_id, device_id, certificate)"
                    " VALUES (:p, :d, :c)",
                    {"p": pair_id, "d": cert.device.device_id, "c": text},
                )
            else:
                raise _not_theirs()
        for removal in removals:
            if removal.verifies_for(person):
                self._store_own_removal(db, removal)
            elif partner is not None and removal.verifies_for(partner):
                row = db.query_one(
                    "SELECT removal FROM partner_devices WHERE pair_id = :p AND device_id = :d",
                    {"p": pair_id, "d": removal.device_id},
                )
                if row is not None and _earlier(removal, row[0]):
                    db.execute(
                        "UPDATE partner_devices SET removal = :r"
                        " WHERE pair_id = :p AND device_id = :d",
                        {"r": _json(removal.to_json()), "p": pair_id, "d": removal.device_id},
                    )
            else:
                raise _not_theirs()


def _order(removal: DeviceRemoval) -> tuple[datetime, str]:
    return removal.issued, _json(removal.to_json())


def _earlier(removal: DeviceRemoval, stored: object) -> bool:
    """Whether ``removal`` should replace the stored one (the earliest wins, everywhere alike)."""
    if stored is None:
        return True
    return _order(removal) < _order(DeviceRemoval.from_json(json.loads(str(stored))))


def _not_theirs() -> UpdateRefused:
    return UpdateRefused(
        "This update names a computer that neither you nor your partner added, so it was not "
        "imported. Nothing was changed."
    )
