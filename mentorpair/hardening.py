"""Keep key material out of core dumps and away from other processes (Linux).

While a vault is open its keys are in this process's memory. A core dump
would write them to disk in plaintext, and any process of the same user could
read them through ptrace. We switch off both for the rest of the process's
life: once keys have been in memory, freed pages may still hold them.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import sys

__all__ = ["harden_process", "is_dumpable"]

log = logging.getLogger(__name__)

PR_SET_DUMPABLE = 4
PR_GET_DUMPABLE = 3

_done = False


def harden_process() -> None:
    """Disable core dumps and ptrace attachment; safe to call more than once."""
    global _done
    if _done or not sys.platform.startswith("linux"):
        return
    import resource

    try:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ValueError, OSError):
        log.warning("could not disable core dumps")
    libc = _libc()
    if libc is None or libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0:
        log.warning("could not make the process non-dumpable")
    _done = True


def is_dumpable() -> bool | None:
    """Whether the kernel would dump or allow ptrace of this process (None: unknown)."""
    libc = _libc() if sys.platform.startswith("linux") else None
    if libc is None:
        return None
    return bool(libc.prctl(PR_GET_DUMPABLE, 0, 0, 0, 0))


def _libc() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("c")
    try:
        return ctypes.CDLL(name, use_errno=True)
    except OSError:
        return None
