"""The passphrase for a scheme key or a collector key, never from the command line.

A passphrase given as an argument lands in shell history and process lists,
so it is asked for on a terminal (twice when a key is made), or read from the
first line of ``--passphrase-file`` in scripts.
"""

from __future__ import annotations

import getpass
import sys
from pathlib import Path

from mentorpair.errors import PassphraseRejected
from mentorpair.storage.oserrors import translate_os_errors

__all__ = ["read_passphrase"]


def read_passphrase(passphrase_file: Path | None, confirm: bool) -> str:
    """The passphrase from the file's first line, or asked for on the terminal.

    Raises:
        PassphraseRejected: no terminal and no file, an empty passphrase, or
            the two typed ones differ.
    """
    if passphrase_file is not None:
        with translate_os_errors(), passphrase_file.open("r", encoding="utf-8") as handle:
            passphrase = handle.readline().rstrip("\r\n")
    elif sys.stdin.isatty():
        passphrase = getpass.getpass("Passphrase: ")
        if confirm and getpass.getpass("The same passphrase again: ") != passphrase:
            raise PassphraseRejected("The two passphrases are not the same. Nothing was made.")
    else:
        raise PassphraseRejected(
            "No passphrase: run this in a terminal to type it, or give --passphrase-file "
            "with the passphrase on its first line."
        )
    if not passphrase:
        raise PassphraseRejected("The passphrase is empty.")
    return passphrase
