"""The app's log: a small rotating file that never holds personal data.

What may be logged: event kinds ("vault opened"), counts, versions, settings
values that are not personal, error *class* names. What may never be logged:
note text, names, passphrases, keys, file paths (a path can hold a name), or
exception messages from libraries (they can quote any of those). Crash reports
therefore keep the traceback's frames and drop the exception's message.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import traceback
from pathlib import Path
from types import TracebackType

from mentorpair import __version__
from mentorpair.paths import log_folder

__all__ = ["LOG_NAME", "describe_exception", "setup_logging"]

LOG_NAME = "mentorpair.log"
MAX_BYTES = 512 * 1024
BACKUPS = 3


def setup_logging(folder: Path | None = None, level: int = logging.INFO) -> Path:
    """Send the ``mentorpair`` loggers to a rotating file; return its path."""
    folder = folder or log_folder()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = folder / LOG_NAME
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("mentorpair")
    for old in [h for h in root.handlers if isinstance(h, logging.handlers.RotatingFileHandler)]:
        root.removeHandler(old)
        old.close()
    root.addHandler(handler)
    root.setLevel(level)
    if os.name == "posix":
        path.chmod(0o600)
    root.info("mentorpair %s started", __version__)
    return path


def describe_exception(
    exc_type: type[BaseException], exc: BaseException | None, tb: TracebackType | None
) -> str:
    """A traceback without the exception's message, safe to write to the log.

    The message of an exception can quote data (a name in a ValueError, a
    path in an OSError); the frames show where it happened, which is what a
    developer needs.
    """
    frames = "".join(traceback.format_tb(tb))
    chain: list[str] = []
    cause = exc.__cause__ or exc.__context__ if exc is not None else None
    while cause is not None and len(chain) < 5:
        chain.append(type(cause).__qualname__)
        cause = cause.__cause__ or cause.__context__
    caused_by = f" (after {', '.join(chain)})" if chain else ""
    name = f"{exc_type.__module__}.{exc_type.__qualname__}"
    return f"Traceback (most recent call last):\n{frames}{name}: <message withheld>{caused_by}"
