"""The two sides of linking another computer to the person (``docs/formats/devices.md``).

On the computer the person already uses, :class:`OldSide` makes a link offer,
takes the one answer to it, shows the link code and, only once the person
said the codes on both screens match, certifies the new computer and seals
the link bundle (which holds the identity's private keys and the vault's
content). On the new computer, :class:`NewSide` reads the offer, answers it
with keys made fresh for that offer alone, shows the same code and finally
opens the bundle into a new vault.

Until the person confirmed the code, nothing private moves: the offer holds
public keys and a one-time secret, the answer holds the new computer's public
keys. A stolen offer lets its holder answer it; their answer shows a
different code, and a second, different answer to one offer ends that offer
(someone else holds it), so the person starts again.

No Qt here; the windows in ``ui/linking.py`` drive these classes.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import datetime
from enum import Enum
from pathlib import Path

from mentorpair.crypto import kdf
from mentorpair.crypto.identity import Identity
from mentorpair.domain.canonical import canonical_json
from mentorpair.errors import LinkExpired, LinkRefused
from mentorpair.storage.layout import DB_NAME, KEY_NAME, SIDECARS
from mentorpair.storage.oserrors import translate_os_errors
from mentorpair.storage.vault import Vault
from mentorpair.storage.workspace import Workspace
from mentorpair.sync.devices import (
    LinkAnswer,
    LinkOffer,
    certify,
    check_link_answer,
    link_code,
    make_link_answer,
    make_link_offer,
    open_link_bundle,
    read_link_document,
    seal_link_bundle,
)
from mentorpair.sync.roster import Roster

__all__ = ["BUNDLE_SUFFIX", "LINK_SUFFIX", "LinkAbandoned", "NewSide", "OldSide", "Stage"]

#: The extension offered for a saved offer or answer (plain text).
LINK_SUFFIX = ".mplink"
#: The extension offered for the link file (the sealed bundle).
BUNDLE_SUFFIX = ".mplinkfile"


class LinkAbandoned(LinkRefused):
    """This link can no longer be used: a second answer came, the codes differed, or it ended."""

    default_message = (
        "This link can no longer be used, so nothing was sent. Start again with "
        "“Link another computer” on this computer."
    )


_SECOND_ANSWER = (
    "A second, different answer came for this link, so someone else may have a copy of it. "
    "For your safety this link can no longer be used, and nothing was sent. Start again "
    "with “Link another computer” on this computer."
)
_WRONG_KIND_OLD = (
    "This is the link itself, not the answer to it. Paste it on your new computer; that "
    "computer then shows the answer to paste here. Nothing was changed."
)
_WRONG_KIND_NEW = (
    "This is the answer from your new computer, not the link. Paste it on the computer "
    "you already use; that computer shows the link to paste here. Nothing was changed."
)


class Stage(Enum):
    """Where the old computer's side of a link stands."""

    NEW = "new"  # no offer yet
    OFFERED = "offered"  # the offer is out, waiting for the answer
    ANSWERED = "answered"  # one answer taken; the code is on screen
    BUNDLED = "bundled"  # confirmed: the new computer is certified, the bundle made
    ABANDONED = "abandoned"  # ended; nothing more will be made from this offer


class OldSide:
    """The computer the person already uses: offer, answer, code, then the bundle.

    One object serves one offer. Every step checks it comes in order, so a
    bundle can be made only after exactly one answer was taken and the
    person confirmed its code.
    """

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.roster = Roster(workspace)
        self.stage = Stage.NEW
        self._offer: LinkOffer | None = None
        self._answer: LinkAnswer | None = None
        self._code = ""

    @property
    def offer(self) -> LinkOffer:
        """The offer made by :meth:`start`."""
        if self._offer is None:
            raise LinkAbandoned()
        return self._offer

    @property
    def code(self) -> str:
        """The link code for the answer taken ("" before one was)."""
        return self._code

    @property
    def device_id(self) -> str:
        """The new computer's device id, once its answer was taken ("" before)."""
        return "" if self._answer is None else self._answer.device.device_id

    def start(self, now: datetime) -> str:
        """Make the offer and return it as text to paste or save on the new computer."""
        if self.stage is not Stage.NEW:
            raise LinkAbandoned()
        vault = self.workspace.vault
        self._offer = make_link_offer(vault.identity(), vault.display_name(), now)
        self.stage = Stage.OFFERED
        return self._offer.armoured()

    def take_answer(self, text: str, now: datetime) -> str:
        """Check the new computer's answer and return the link code both screens show.

        Only one answer per offer: the same answer again is harmless, a
        different one ends the offer (someone else holds a copy of it). A
        pasted text that is damaged or answers another offer may be replaced
        by the right one; an expired offer is over.

        Raises:
            LinkExpired: the offer is more than an hour old (the offer ends).
            LinkAbandoned: a second, different answer, or the offer had ended.
            LinkRefused: not an answer to this offer, or damaged.
            MadeByNewerVersion: made by a newer mentorpair.
        """
        if self.stage not in (Stage.OFFERED, Stage.ANSWERED):
            raise LinkAbandoned()
        offer = self.offer
        document = read_link_document(text)
        if not isinstance(document, LinkAnswer):
            raise LinkRefused(_WRONG_KIND_OLD)
        try:
            check_link_answer(offer, document, now)
        except LinkExpired:
            self.abandon()
            raise
        if self._answer is not None:
            if canonical_json(self._answer.to_json()) == canonical_json(document.to_json()):
                return self._code
            self.abandon()
            raise LinkAbandoned(_SECOND_ANSWER)
        self._answer = document
        self._code = link_code(offer.person, document.device, offer.secret)
        self.stage = Stage.ANSWERED
        return self._code

    def abandon(self) -> None:
        """End this offer: the codes did not match, or the person stopped. Nothing is sent."""
        self.stage = Stage.ABANDONED
        self._answer = None
        self._code = ""

    def confirm_and_bundle(self, now: datetime) -> bytes:
        """The person confirmed the codes match: certify the new computer and seal the bundle.

        The bundle holds the identity's private keys and everything in the
        vault, sealed to the answering computer's keys alone.

        Raises:
            LinkExpired: the offer is more than an hour old (the offer ends).
            LinkAbandoned: no answer was taken, or the offer had ended or was used.
            LinkRefused: the vault is too large to link in one step.
        """
        if self.stage is not Stage.ANSWERED or self._answer is None:
            raise LinkAbandoned()
        offer, answer = self.offer, self._answer
        if now > offer.expires:
            self.abandon()
            raise LinkExpired()
        identity = self.workspace.vault.identity()
        certificate = certify(identity, answer.device, self.roster.next_number(), now)
        self.roster.add_own_device(certificate)
        payload = self.roster.link_payload(answer.device.device_id)
        bundle = seal_link_bundle(identity, certificate, payload, offer.secret)
        self.stage = Stage.BUNDLED
        return bundle


class NewSide:
    """The new computer: read the offer, answer it, then open the bundle into a vault.

    Keys are made fresh for every offer read (the link code's strength
    depends on it), and the answer, the code and the bundle all belong to
    the last offer read.
    """

    def __init__(self) -> None:
        self._offer: LinkOffer | None = None
        self._device: Identity | None = None
        self.answer = ""
        self.code = ""

    @property
    def offer(self) -> LinkOffer:
        """The offer last read."""
        if self._offer is None:
            raise LinkAbandoned()
        return self._offer

    @property
    def name(self) -> str:
        """The person's name as the offer gives it."""
        return self.offer.name

    def read_offer(self, text: str, now: datetime | None = None) -> tuple[str, str]:
        """Read the offer and return (the answer text to take back, the link code).

        ``now``, when given, refuses an offer that has already expired (the
        old computer would refuse the answer anyway).

        Raises:
            LinkRefused: not a link offer, damaged, or (with ``now``) expired.
            MadeByNewerVersion: made by a newer mentorpair.
        """
        document = read_link_document(text)
        if not isinstance(document, LinkOffer):
            raise LinkRefused(_WRONG_KIND_NEW)
        if now is not None and now > document.expires:
            raise LinkExpired()
        device = Identity.generate()  # fresh for this offer alone
        answer = make_link_answer(document, device)
        self._offer, self._device = document, device
        self.answer = answer.armoured()
        self.code = link_code(document.person, device.public(), document.secret)
        return self.answer, self.code

    def finish(
        self,
        bundle: bytes,
        folder: Path,
        passphrase: str,
        params: Callable[[], kdf.KdfParams] | None = None,
    ) -> Vault:
        """Open the link file and make this computer's vault from it; return it open.

        Raises:
            LinkRefused: no offer was read, or the file is damaged, for another
                computer or another link; or the pairs in it could not be taken
                over (then the vault just made is removed again).
            MadeByNewerVersion: made by a newer mentorpair.
            VaultAlreadyExists: ``folder`` already holds a vault; nothing changed.
        """
        if self._offer is None or self._device is None:
            raise LinkAbandoned()
        opened = open_link_bundle(bundle, self._device, self._offer)
        certificate = canonical_json(opened.certificate.to_json()).decode("utf-8")
        vault = Vault.create_linked(
            folder, passphrase, self._offer.name,
            identity=opened.identity, device=self._device, certificate=certificate,
            params=params,
        )  # fmt: skip
        try:
            Roster(Workspace(vault)).adopt_link_payload(opened.payload)
        except BaseException:
            vault.close()
            _discard_new_vault(folder)
            raise
        return vault


def _discard_new_vault(folder: Path) -> None:
    """Remove the vault just made in ``folder`` whose pairs could not be taken over.

    It holds nothing the person ever saw, and leaving it would refuse the
    next attempt ("a vault already exists"). The key file goes first: without
    it the folder holds no vault (``storage/layout.py``).
    """
    names = (KEY_NAME, DB_NAME, *(DB_NAME + s for s in SIDECARS))
    with translate_os_errors():
        for name in names:
            with contextlib.suppress(FileNotFoundError):
                (folder / name).unlink()
