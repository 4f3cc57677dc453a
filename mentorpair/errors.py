"""Known errors: problems of the environment or of the person, shown as messages.

Two kinds of failure exist (qutebrowser's `misc/sql.py` split):

* A :class:`KnownError` is expected in real life: a wrong passphrase, a full disk,
  a file made by a newer version. Its ``str()`` is a complete, plain-language
  message for a non-technical person, saying what happened and what to do next.
  It never contains a secret, a note or a name, so the UI may show it as is.
* Anything else is a bug of ours and goes to the crash handler.

Each class docstring says what the person should do; the UI shows the message.
"""

from __future__ import annotations

from datetime import timedelta

__all__ = [
    "CorruptFile",
    "DeviceRefused",
    "DiskError",
    "DiskFull",
    "FolderRefused",
    "InvitationRefused",
    "KnownError",
    "LinkExpired",
    "LinkRefused",
    "MadeByNewerVersion",
    "NotFound",
    "PairsFileRefused",
    "PartnerNeedsUpdate",
    "PassphraseRejected",
    "PermissionDenied",
    "UnsafeEnvironment",
    "UpdateAlreadyImported",
    "UpdateNotForMe",
    "UpdateRefused",
    "UpdateTooEarly",
    "VaultAlreadyExists",
    "VaultBusy",
    "VaultMismatch",
    "VaultUsedElsewhere",
    "WrongPassphrase",
]


class KnownError(Exception):
    """A problem of the environment or of the person, never of our code.

    Attributes:
        message: the sentence(s) shown to the person.
    """

    default_message = "Something went wrong."

    def __init__(self, message: str | None = None) -> None:
        self.message = message or self.default_message
        super().__init__(self.message)


class WrongPassphrase(KnownError):
    """The passphrase does not unlock this vault. Check Caps Lock and try again."""

    default_message = "That passphrase does not open this vault."


class PassphraseRejected(KnownError):
    """A new passphrase is too weak or does not match its confirmation."""

    default_message = "Please choose a stronger passphrase."


class NotFound(KnownError):
    """The file or folder is not there: it may have been moved or renamed."""

    default_message = "The file could not be found. It may have been moved or renamed."


class VaultAlreadyExists(KnownError):
    """Creating a vault where one already is would destroy it, so we refuse."""

    default_message = (
        "A vault already exists in this folder. Unlock it instead, or choose another folder."
    )


class CorruptFile(KnownError):
    """The file is damaged or was changed by something other than mentorpair.

    Restore it from a backup; the app changed nothing.
    """

    default_message = (
        "This file is damaged or was changed outside mentorpair, so it cannot be read. "
        "Nothing was changed. If you have a backup, restore it from there."
    )


class VaultMismatch(CorruptFile):
    """The key file beside the database belongs to a different vault.

    Usually two vault folders were mixed up by a copy or a sync program.
    """

    default_message = (
        "The key file in this folder belongs to a different vault than the database "
        "beside it, so the vault cannot be opened. Nothing was changed. Put back the "
        "key file that was copied with this database."
    )


class MadeByNewerVersion(KnownError):
    """The file was written by a newer mentorpair. Update the app; nothing was changed."""

    default_message = (
        "This file was made by a newer version of mentorpair. Please update the app "
        "to open it. Nothing was changed."
    )


class DiskFull(KnownError):
    """The disk is full. Free some space; everything saved before is still there."""

    default_message = (
        "The disk is full, so the last change could not be saved. Free some space and "
        "try again. Everything saved before is safe."
    )


class PermissionDenied(KnownError):
    """The operating system refused access to a file or folder."""

    default_message = (
        "mentorpair is not allowed to read or write this file or folder. Check that it "
        "is not read-only and that it belongs to you."
    )


class VaultBusy(KnownError):
    """Another copy of mentorpair is using the vault right now."""

    default_message = (
        "The vault is in use by another copy of mentorpair. Close the other copy and try again."
    )


class VaultUsedElsewhere(KnownError):
    """Another computer opened this vault recently; opening it here too would fork it.

    Each computer keeps a vault of its own. If the vault was moved here for
    good, the person says so and it opens.

    Attributes:
        ago: how long ago the other computer last opened it.
    """

    def __init__(self, ago: timedelta) -> None:
        self.ago = ago
        hours = int(ago.total_seconds() // 3600)
        if hours < 1:
            when = "less than an hour ago"
        elif hours < 48:
            when = f"{hours} hour{'s' if hours != 1 else ''} ago"
        else:
            when = f"{hours // 24} days ago"
        super().__init__(
            f"This vault was open on another computer {when}. A vault's files must not be "
            "opened on two computers: each would write its own changes, and a sync service "
            "keeps only one side, so notes would be lost. Nothing was changed. Keep using it "
            "on the other computer, or, if you moved it here for good and the other computer "
            "no longer opens it, choose to use it on this computer from now on."
        )


class DiskError(KnownError):
    """The disk reported an error while reading or writing."""

    default_message = (
        "The disk reported an error while reading or writing the vault. Check that the "
        "drive is connected and healthy, then try again. Everything saved before is safe."
    )


class UnsafeEnvironment(KnownError):
    """The encryption library on this computer lacks a setting mentorpair relies on.

    Reinstall mentorpair; the vault was not opened, so nothing was changed.
    """

    default_message = (
        "The encryption library on this computer does not support a safety setting "
        "mentorpair needs, so the vault was not opened. Please reinstall mentorpair. "
        "Nothing was changed."
    )


class InvitationRefused(KnownError):
    """An invitation or acceptance could not be used; the message says why."""

    default_message = (
        "This is not a mentorpair invitation, or it was changed on its way. Nothing was "
        "changed. Ask your partner to send it again."
    )


class UpdateRefused(KnownError):
    """An update from the partner was not imported, and nothing was changed.

    The message says why (damaged, replayed, for another pair, from someone else).
    """

    default_message = (
        "This update was not imported because it is damaged or was changed on its way. "
        "Nothing was changed. Ask your partner to export it again."
    )


class UpdateTooEarly(UpdateRefused):
    """An earlier update from the partner is missing; import that one first."""

    default_message = (
        "An earlier update from your partner is missing, so this one cannot be imported "
        "yet. Import the earlier file first, or ask your partner to export again. Nothing "
        "was changed."
    )


class UpdateAlreadyImported(UpdateRefused):
    """The update was imported before, or a newer one already was (a replay)."""

    default_message = (
        "You have already imported this update, or a newer one from your partner, so it "
        "was not imported again. Nothing was changed."
    )


class PartnerNeedsUpdate(UpdateRefused):
    """The update was made by an older mentorpair whose format this version no longer reads."""

    default_message = (
        "This update was made by an older version of mentorpair. Your partner needs to "
        "update mentorpair; their changes are kept on their computer and will arrive with "
        "their next update. Nothing was changed."
    )


class FolderRefused(KnownError):
    """A shared folder cannot be used; the message says why."""

    default_message = (
        "This folder cannot be used for sharing. Choose a folder that your sync program "
        "shares with your partner."
    )


class UpdateNotForMe(UpdateRefused):
    """The update is sealed to someone else, or belongs to a pair not in this vault."""

    default_message = (
        "This update is not addressed to you, or it was damaged on its way, so it could not "
        "be opened. Nothing was changed."
    )


class LinkRefused(KnownError):
    """Linking another computer stopped; start again on the other computer.

    A link text or file was damaged, altered, or not for this computer; the
    message says which.
    """

    default_message = (
        "This is not a mentorpair link, or it was changed on its way, so the computers "
        "were not linked. Nothing was changed. Start again on your other computer."
    )


class LinkExpired(LinkRefused):
    """The link was made more than an hour ago. Make a new one on the other computer."""

    default_message = (
        "This link has expired: links last one hour. Make a new one on your other computer."
    )


class PairsFileRefused(KnownError):
    """A file of pairs from another of the person's computers was not taken; nothing changed."""

    default_message = (
        "This is not a file of pairs from one of your computers, or it was changed on its "
        "way, so nothing was taken from it. Nothing was changed. Make it again on your other "
        "computer."
    )


class DeviceRefused(KnownError):
    """A record of one of the person's linked computers is damaged or was not signed by them.

    It is not used; nothing was changed.
    """

    default_message = (
        "A record of one of your linked computers is damaged or was not made by you, so it "
        "was not used. Nothing was changed."
    )
