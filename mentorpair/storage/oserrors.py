"""Turn operating-system errors into messages a person can act on."""

from __future__ import annotations

import errno
import logging
from collections.abc import Iterator
from contextlib import contextmanager

from mentorpair.errors import DiskError, DiskFull, NotFound, PermissionDenied

__all__ = ["translate_os_errors"]

log = logging.getLogger(__name__)


@contextmanager
def translate_os_errors() -> Iterator[None]:
    """Re-raise ``OSError`` as the matching known error.

    The OS message is dropped on purpose: it can contain a path, and paths can
    contain names.
    """
    try:
        yield
    except OSError as exc:
        code = exc.errno
        log.info("OS error %s", errno.errorcode.get(code or 0, "unknown"))
        if code in (errno.ENOSPC, errno.EDQUOT):
            raise DiskFull() from None
        if code in (errno.EACCES, errno.EPERM, errno.EROFS):
            raise PermissionDenied() from None
        if code == errno.ENOENT:
            raise NotFound() from None
        raise DiskError() from None
