"""Invitations and acceptances: how two vaults learn each other's public keys.

One partner makes an *invitation* (their name, their role in the pair, the
pair's id and all their public keys); the other answers with an *acceptance*
of the same shape that also names the invitation it answers. Both are a block
of text that survives an e-mail body, so they can be pasted or saved as a file.

Each document is signed by the key it carries. That proves only that the
sender holds the key, not who they are: a stranger could intercept an
invitation and answer it. Comparing the safety code face to face or by phone
is what rules that out; the app says "unverified" until both have done it.

Format (``docs/formats/sync.md``): the base64 of canonical JSON between
BEGIN/END lines, wrapped at 64 columns.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from mentorpair.crypto.digest import sha256
from mentorpair.crypto.identity import Identity, PublicIdentity
from mentorpair.crypto.random import random_bytes
from mentorpair.domain.model import Role
from mentorpair.domain.profile import clean_display_name
from mentorpair.errors import InvitationRefused, MadeByNewerVersion
from mentorpair.sync.armour import armour, unarmour

__all__ = [
    "MAX_DOCUMENT_CHARS",
    "DocumentKind",
    "PairingDocument",
    "make_acceptance",
    "make_invitation",
    "read_document",
]

FORMAT = "mentorpair-pairing"
VERSION = 2
#: More than any real document (about 2,500 characters); checked before decoding.
MAX_DOCUMENT_CHARS = 64 * 1024
_SIGNATURE_DOMAIN = b"mentorpair/v1/pairing-document\x00"
_PAIR_ID = re.compile(r"[0-9a-f]{32}")
_FIELDS = {
    "format", "version", "kind", "pair", "name", "role", "keys", "answers", "nonce", "sig",
}  # fmt: skip


class DocumentKind(StrEnum):
    """What a pairing document is for; also the word in its BEGIN line."""

    INVITATION = "invitation"
    ACCEPTANCE = "acceptance"


@dataclass(frozen=True, slots=True)
class PairingDocument:
    """A verified invitation or acceptance.

    Attributes:
        kind: invitation or acceptance.
        pair_id: the pair both vaults will share.
        name: the sender's display name (a suggestion; the reader may rename).
        role: the sender's role in the pair.
        keys: the sender's public keys.
        answers: for an acceptance, the digest of the invitation it answers.
        digest: this document's own digest (what an acceptance names).
    """

    kind: DocumentKind
    pair_id: str
    name: str
    role: Role
    keys: PublicIdentity
    answers: str | None
    digest: str


def _canonical(doc: dict[str, Any]) -> bytes:
    return json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _make(
    identity: Identity,
    kind: DocumentKind,
    pair_id: str,
    name: str,
    role: Role,
    answers: str | None,
) -> str:
    if not _PAIR_ID.fullmatch(pair_id):
        raise ValueError("pair id must be 32 lower-case hex digits")
    public = identity.public()
    doc: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "kind": kind.value,
        "pair": pair_id,
        "name": clean_display_name(name),
        "role": role.value,
        "keys": {
            "signing": _b64(public.signing),
            "agreement": _b64(public.agreement),
            "kem": _b64(public.kem),
        },
        "answers": answers,
        # Fresh each time: a new invitation makes a new pairing (sync/pairing.py,
        # pairing_digest), so updates kept from an earlier one are refused.
        "nonce": random_bytes(16).hex(),
    }
    doc["sig"] = _b64(identity.sign(_SIGNATURE_DOMAIN + _canonical(doc)))
    return armour(kind.value.upper(), _canonical(doc))


def make_invitation(identity: Identity, pair_id: str, name: str, role: Role) -> str:
    """The invitation text for ``pair_id``: the sender is ``name``, in ``role``."""
    return _make(identity, DocumentKind.INVITATION, pair_id, name, role, None)


def make_acceptance(identity: Identity, invitation: PairingDocument, name: str) -> str:
    """The answer to ``invitation``: the other role, the same pair."""
    if invitation.kind is not DocumentKind.INVITATION:
        raise ValueError("only an invitation can be accepted")
    return _make(
        identity,
        DocumentKind.ACCEPTANCE,
        invitation.pair_id,
        name,
        invitation.role.other,
        invitation.digest,
    )


def read_document(text: str) -> PairingDocument:
    """Find, decode and check the first invitation or acceptance in ``text``.

    ``text`` may be a whole e-mail: everything outside the block is ignored,
    as are line breaks and the ``>`` of a quoted reply inside it.

    Raises:
        InvitationRefused: no block, or it is damaged or altered.
        MadeByNewerVersion: made by a newer mentorpair.
    """
    if len(text) > MAX_DOCUMENT_CHARS:
        raise InvitationRefused("This is far too long to be a mentorpair invitation.")
    try:
        found = unarmour(text, [kind.value.upper() for kind in DocumentKind])
    except ValueError:
        raise InvitationRefused() from None
    if found is None:
        raise InvitationRefused(
            "No mentorpair invitation or acceptance was found in this text. Copy the whole "
            "block, from the BEGIN line to the END line."
        )
    label, doc, _raw = found
    if not isinstance(doc, dict):
        raise InvitationRefused()
    version = doc.get("version")
    if doc.get("format") == FORMAT and isinstance(version, int) and version > VERSION:
        raise MadeByNewerVersion(
            "This invitation was made by a newer version of mentorpair. Please update "
            "the app to use it. Nothing was changed."
        )
    parsed = _parse(doc)
    if parsed.kind.value.upper() != label:
        raise InvitationRefused()
    return parsed


def _parse(doc: dict[str, Any]) -> PairingDocument:
    try:
        version = doc["version"]
        fields = _FIELDS if version == VERSION else _FIELDS - {"nonce"}
        if set(doc) != fields or doc["format"] != FORMAT or version not in (1, VERSION):
            raise ValueError("fields")
        if version == VERSION and not re.fullmatch(r"[0-9a-f]{32}", str(doc["nonce"])):
            raise ValueError("nonce")
        kind = DocumentKind(doc["kind"])
        pair_id = doc["pair"]
        if not isinstance(pair_id, str) or not _PAIR_ID.fullmatch(pair_id):
            raise ValueError("pair")
        name = clean_display_name(doc["name"])
        if name != doc["name"]:
            raise ValueError("name")
        role = Role(doc["role"])
        keys_doc = doc["keys"]
        if not isinstance(keys_doc, dict) or set(keys_doc) != {"signing", "agreement", "kem"}:
            raise ValueError("keys")
        keys = PublicIdentity(
            signing=base64.b64decode(keys_doc["signing"], validate=True),
            agreement=base64.b64decode(keys_doc["agreement"], validate=True),
            kem=base64.b64decode(keys_doc["kem"], validate=True),
        )
        answers = doc["answers"]
        needs_answer = kind is DocumentKind.ACCEPTANCE
        if needs_answer != isinstance(answers, str) or (answers is not None and not needs_answer):
            raise ValueError("answers")
        signature = base64.b64decode(doc["sig"], validate=True)
    except (KeyError, TypeError, ValueError, binascii.Error):
        raise InvitationRefused() from None
    unsigned = {k: v for k, v in doc.items() if k != "sig"}
    if not keys.verifies(signature, _SIGNATURE_DOMAIN + _canonical(unsigned)):
        raise InvitationRefused()
    return PairingDocument(
        kind=kind,
        pair_id=pair_id,
        name=name,
        role=role,
        keys=keys,
        answers=answers,
        digest=sha256(_canonical(doc)).hex(),
    )
