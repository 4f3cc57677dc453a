"""Pairing in the vault: invitations sent, partners' keys, and the safety code.

A pair goes ``LOCAL`` (only here) → ``INVITED`` (an invitation was made) →
``UNVERIFIED`` (keys exchanged) → ``VERIFIED`` (both partners confirmed the
same safety code). If the partner's keys are ever replaced the pair shows
``KEYS_CHANGED`` until this person confirms the new code.

Nothing of the pair's content leaves this vault until this person has
confirmed the safety code for the partner's current keys
(:meth:`Pairing.may_share`): an intruder who answered an intercepted
invitation first receives acknowledgements, never a note. "It does not
match" (:meth:`Pairing.disconnect`) sets aside every change the rejected key
signed, so the record is the same on both sides once the right person pairs.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from mentorpair.crypto.digest import sha256
from mentorpair.crypto.identity import PublicIdentity, safety_code
from mentorpair.errors import InvitationRefused, KnownError
from mentorpair.storage.database import Database
from mentorpair.storage.workspace import Workspace
from mentorpair.sync.invitation import (
    DocumentKind,
    PairingDocument,
    make_acceptance,
    make_invitation,
    read_document,
)
from mentorpair.sync.update import Sender

__all__ = ["KeysChanged", "Pairing", "PairingStatus", "PartnerLink", "pairing_digest"]

log = logging.getLogger(__name__)


class PairingStatus(StrEnum):
    """How far a pair is from a verified, end-to-end encrypted link."""

    LOCAL = "local"
    INVITED = "invited"
    UNVERIFIED = "unverified"
    VERIFIED = "verified"
    KEYS_CHANGED = "keys_changed"


class KeysChanged(KnownError):
    """The partner's keys differ from the ones this pair knows.

    The person decides: only if the partner set up mentorpair again.
    """

    default_message = (
        "The keys in this answer differ from the ones your partner used before. Only "
        "continue if your partner told you they set up mentorpair again; then check the "
        "new safety code with them."
    )


@dataclass(frozen=True, slots=True)
class PartnerLink:
    """What this vault knows about the partner of one pair."""

    status: PairingStatus
    keys: PublicIdentity | None = None
    name_they_gave: str = ""
    confirmed_by_me: bool = False
    confirmed_by_partner: bool = False
    safety_code: str = ""


class Pairing:
    """Invitations, acceptances and verification for the pairs of one vault."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace

    @property
    def _db(self) -> Database:
        return self.workspace.vault.db

    def _me(self) -> PublicIdentity:
        return self.workspace.vault.identity().public()

    # ------------------------------------------------------------- queries
    def link(self, pair_id: str) -> PartnerLink:
        """Where the pair stands."""
        row = self._db.query_one(
            "SELECT signing, agreement, kem, partner_name, confirmed_by_me,"
            " confirmed_by_partner, keys_changed FROM partner_keys WHERE pair_id = :p",
            {"p": pair_id},
        )
        if row is None:
            invited = self._db.query_one(
                "SELECT 1 FROM invitations WHERE pair_id = :p", {"p": pair_id}
            )
            return PartnerLink(PairingStatus.INVITED if invited else PairingStatus.LOCAL)
        keys = PublicIdentity(bytes(row[0]), bytes(row[1]), bytes(row[2]))
        mine, theirs, changed = bool(row[4]), bool(row[5]), bool(row[6])
        if changed and not mine:
            status = PairingStatus.KEYS_CHANGED
        elif mine and theirs:
            status = PairingStatus.VERIFIED
        else:
            status = PairingStatus.UNVERIFIED
        return PartnerLink(status, keys, str(row[3]), mine, theirs, safety_code(self._me(), keys))

    def partner(self, pair_id: str) -> Sender | None:
        """The partner's keys, role and pairing digest, or None if the pair is not paired."""
        row = self._db.query_one(
            "SELECT signing, agreement, kem, pairing FROM partner_keys WHERE pair_id = :p",
            {"p": pair_id},
        )
        if row is None or not self.workspace.has_pair(pair_id):
            return None
        keys = PublicIdentity(bytes(row[0]), bytes(row[1]), bytes(row[2]))
        pairing = bytes(row[3]) if row[3] is not None else legacy_digest(self._me(), keys)
        return Sender(keys, self.workspace.state(pair_id).my_role.other, pairing)

    def may_share(self, pair_id: str) -> bool:
        """Whether the pair's content may go to the partner's current keys.

        Only after this person compared the safety code for exactly these
        keys: before, updates carry what pairing needs and nothing else.
        """
        row = self._db.query_one(
            "SELECT confirmed_by_me FROM partner_keys WHERE pair_id = :p", {"p": pair_id}
        )
        return row is not None and bool(row[0])

    def confirmation(self, pair_id: str) -> str | None:
        """What an update tells the partner: the digest of the code I confirmed, if I did."""
        link = self.link(pair_id)
        if not link.confirmed_by_me or not link.safety_code:
            return None
        return confirmation_digest(link.safety_code)

    # ------------------------------------------------------------- inviting
    def invite(self, pair_id: str) -> str:
        """An invitation for the partner of ``pair_id`` (text to paste or save).

        Making one again replaces the earlier one: only the newest is answered.
        """
        state = self.workspace.state(pair_id)
        text = make_invitation(
            self.workspace.vault.identity(),
            pair_id,
            self.workspace.vault.display_name(),
            state.my_role,
        )
        with self._db.transaction():
            self._db.execute(
                "INSERT OR REPLACE INTO invitations (pair_id, document, created_at)"
                " VALUES (:p, :d, :t)",
                {"p": pair_id, "d": text.encode(), "t": _now()},
            )
        log.info("invitation made")
        return text

    def read(self, text: str) -> PairingDocument:
        """Check an invitation or acceptance someone pasted or opened."""
        doc = read_document(text)
        if doc.keys == self._me():
            raise InvitationRefused(
                "This was made in your own vault. Send it to your partner; they open it in "
                "their mentorpair."
            )
        return doc

    def join(
        self, doc: PairingDocument, partner_name: str, *, accept_new_keys: bool = False
    ) -> str:
        """Join the pair an invitation offers; return the acceptance to send back.

        Joining again (the same invitation) answers it again without change.

        Raises:
            KeysChanged: the pair exists with other keys for the partner.
        """
        if doc.kind is not DocumentKind.INVITATION:
            raise InvitationRefused(
                "This is an acceptance, not an invitation. Use it in the pair you invited "
                "your partner to."
            )
        known = self.workspace.has_pair(doc.pair_id)
        if known and self.workspace.state(doc.pair_id).my_role is not doc.role.other:
            raise InvitationRefused(
                "This invitation is for a pair you are already in, in the same role as the "
                "sender. Nothing was changed."
            )
        current = self.link(doc.pair_id).keys
        if current is not None and current != doc.keys and not accept_new_keys:
            raise KeysChanged()
        acceptance = make_acceptance(
            self.workspace.vault.identity(), doc, self.workspace.vault.display_name()
        )
        digest = pairing_digest(doc.digest, read_document(acceptance).digest)
        try:
            with self._db.transaction():
                if not known:
                    self.workspace.create_pair(doc.role.other, partner_name, pair_id=doc.pair_id)
                self._store_keys(doc, digest, accept_new_keys=accept_new_keys)
        except BaseException:
            self.workspace.forget(doc.pair_id)
            raise
        log.info("joined a pair from an invitation")
        return acceptance

    def accept(self, doc: PairingDocument, *, accept_new_keys: bool = False) -> str:
        """Take the partner's answer to this vault's invitation; return the pair id.

        Raises:
            InvitationRefused: it answers no invitation of this vault (or an
                older one).
            KeysChanged: the partner's keys differ from the ones known before.
        """
        if doc.kind is not DocumentKind.ACCEPTANCE:
            raise InvitationRefused(
                "This is an invitation, not an answer to one. Use File ▸ Join a pair."
            )
        row = self._db.query_one(
            "SELECT document FROM invitations WHERE pair_id = :p", {"p": doc.pair_id}
        )
        if row is None:
            raise InvitationRefused(
                "This answers an invitation that was not made in this vault, or one that "
                "was already answered. Nothing was changed."
            )
        invitation = read_document(bytes(row[0]).decode())
        if invitation.digest != doc.answers:
            raise InvitationRefused(
                "This answers an older invitation. Ask your partner to answer the newest "
                "one you sent. Nothing was changed."
            )
        if self.workspace.state(doc.pair_id).my_role is not doc.role.other:
            raise InvitationRefused()
        with self._db.transaction():
            self._store_keys(
                doc, pairing_digest(invitation.digest, doc.digest), accept_new_keys=accept_new_keys
            )
            self._db.execute("DELETE FROM invitations WHERE pair_id = :p", {"p": doc.pair_id})
        log.info("invitation answered")
        return doc.pair_id

    def _store_keys(self, doc: PairingDocument, pairing: bytes, *, accept_new_keys: bool) -> None:
        current = self.link(doc.pair_id)
        if current.keys == doc.keys:
            # The same partner answered again: this pairing is the one both hold now.
            self._db.execute(
                "UPDATE partner_keys SET pairing = :d WHERE pair_id = :p",
                {"d": pairing, "p": doc.pair_id},
            )
            return
        changed = current.keys is not None
        if changed and not accept_new_keys:
            raise KeysChanged()
        if self.rejected(doc.pair_id, doc.keys.device_id):
            # Paired again with a key this person once rejected: they now vouch
            # for it, so what it signed counts again.
            self._db.execute(
                "DELETE FROM rejected_keys WHERE pair_id = :p AND origin = :o",
                {"p": doc.pair_id, "o": doc.keys.device_id},
            )
            self.workspace.quarantine(doc.pair_id, doc.keys.device_id, restore=True)
        self._db.execute(
            "INSERT OR REPLACE INTO partner_keys (pair_id, signing, agreement, kem,"
            " partner_name, confirmed_by_me, confirmed_by_partner, keys_changed, since, pairing)"
            " VALUES (:p, :s, :a, :k, :n, 0, 0, :changed, :t, :d)",
            {
                "p": doc.pair_id,
                "s": doc.keys.signing,
                "a": doc.keys.agreement,
                "k": doc.keys.kem,
                "n": doc.name,
                "changed": int(changed),
                "t": _now(),
                "d": pairing,
            },
        )
        if changed:
            # A new vault on their side: it has none of our entries, so our
            # chain goes again in full. What their old keys signed stays (the
            # person agreed the change was theirs). The shared folder stays.
            self._reset_exchange(doc.pair_id)
            log.info("partner keys replaced")

    def _reset_exchange(self, pair_id: str) -> None:
        """Forget what the partner's computers acknowledged (their keys are gone or new).

        The person's own computers keep their bookkeeping; update numbers are
        never reused, so ``updates_sent`` stays.
        """
        self._db.execute(
            "UPDATE peers SET updates_received = 0, got = 0, has = '{}', sent_heads = '{}',"
            " sent_ack = '{}', sent_confirmed = 0, ack_floor_seq = 0, ack_floor = 0"
            " WHERE pair_id = :p AND device_id != :me"
            " AND device_id NOT IN (SELECT device_id FROM own_devices)",
            {"p": pair_id, "me": self._me().device_id},
        )

    # ------------------------------------------------------------- verifying
    def confirm(self, pair_id: str, confirmed: bool = True) -> None:
        """This person compared the safety code with the partner (or takes it back)."""
        with self._db.transaction():
            self._db.execute(
                "UPDATE partner_keys SET confirmed_by_me = :c,"
                " keys_changed = CASE WHEN :c THEN 0 ELSE keys_changed END"
                " WHERE pair_id = :p",
                {"c": int(confirmed), "p": pair_id},
            )

    def disconnect(self, pair_id: str) -> None:
        """Forget the partner's keys: nothing more is sent to them or taken from them.

        For a safety code that did not match: the keys may be a stranger's. The
        pair and everything that arrived so far stay; the pair is "only on this
        computer" again until a new invitation is answered. The shared folder
        choice stays, and the person's own chain is sent again in full to
        whoever is connected next.
        """
        keys = self.link(pair_id).keys
        with self._db.transaction() as db:
            db.execute("DELETE FROM partner_keys WHERE pair_id = :p", {"p": pair_id})
            self._reset_exchange(pair_id)
            if keys is not None:
                origin = keys.device_id
                db.execute(
                    "INSERT OR REPLACE INTO rejected_keys (pair_id, origin, at)"
                    " VALUES (:p, :o, :t)",
                    {"p": pair_id, "o": origin, "t": _now()},
                )
                db.execute(
                    "DELETE FROM chains WHERE pair_id = :p AND origin = :o",
                    {"p": pair_id, "o": origin},
                )
                set_aside = self.workspace.quarantine(pair_id, origin)
                log.info("partner keys forgotten; %d change(s) set aside", set_aside)

    def rejected(self, pair_id: str, origin: str) -> bool:
        """Whether this person rejected the key behind ``origin`` for the pair."""
        row = self._db.query_one(
            "SELECT 1 FROM rejected_keys WHERE pair_id = :p AND origin = :o",
            {"p": pair_id, "o": origin},
        )
        return row is not None

    def note_partner_confirmation(self, db: Database, pair_id: str, digest: str | None) -> None:
        """Record what the partner's latest update said about the safety code."""
        link = self.link(pair_id)
        agreed = digest is not None and digest == confirmation_digest(link.safety_code)
        db.execute(
            "UPDATE partner_keys SET confirmed_by_partner = :c WHERE pair_id = :p",
            {"c": int(agreed), "p": pair_id},
        )


def pairing_digest(invitation: str, acceptance: str) -> bytes:
    """What binds updates to one pairing: the digests of its invitation and acceptance.

    Both sides hold both documents' digests, and a new invitation makes a
    new pairing, so an update from an earlier pairing of the same pair (or
    re-sealed by someone who kept one) no longer verifies.
    """
    return sha256(
        b"mentorpair/v2/pairing\x00", bytes.fromhex(invitation), bytes.fromhex(acceptance)
    )


def legacy_digest(mine: PublicIdentity, theirs: PublicIdentity) -> bytes:
    """The pairing digest of a pair paired before format 2 (no documents were kept)."""
    low, high = sorted((mine.encoded(), theirs.encoded()))
    return sha256(b"mentorpair/v2/pairing-before-format-2\x00", low, high)


def confirmation_digest(code: str) -> str:
    """A digest of the safety code: says "I confirmed these keys" without the code."""
    return sha256(b"mentorpair/v1/safety-code-confirmed\x00", code.encode()).hex()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
