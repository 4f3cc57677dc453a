"""Armoured text: a signed JSON document as a block that survives an e-mail body.

Shared by the pairing documents (``invitation.py``) and the link documents
(``devices.py``): the base64 of a JSON document between
``-----BEGIN MENTORPAIR <LABEL>-----`` and ``-----END MENTORPAIR <LABEL>-----``
lines, wrapped at 64 columns. Callers check the length of the text first and
turn the errors below into their own plain messages.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Iterable
from typing import Any

from mentorpair.domain.canonical import check_depth

__all__ = ["armour", "unarmour"]


def armour(label: str, payload: bytes) -> str:
    """``payload`` in base64 between BEGIN and END lines naming ``label``."""
    text = base64.b64encode(payload).decode("ascii")
    lines = [text[i : i + 64] for i in range(0, len(text), 64)]
    return "\n".join(
        [f"-----BEGIN MENTORPAIR {label}-----", *lines, f"-----END MENTORPAIR {label}-----", ""]
    )


def unarmour(text: str, labels: Iterable[str]) -> tuple[str, Any, bytes] | None:
    """The first block in ``text`` with one of ``labels``: (label, decoded JSON, raw JSON bytes).

    Everything outside the block is ignored, as are line breaks, spaces and the
    ``>`` of a quoted reply inside it.

    Returns:
        None when there is no such block.

    Raises:
        ValueError: the block is not base64 of UTF-8 JSON, or is nested too deeply.
    """
    block = re.compile(
        r"-----BEGIN MENTORPAIR ("
        + "|".join(re.escape(label) for label in labels)
        + r")-----(.*?)-----END MENTORPAIR \1-----",
        re.DOTALL,
    )
    match = block.search(text)
    if match is None:
        return None
    body = re.sub(r"[\s>]", "", match.group(2))
    try:
        raw = base64.b64decode(body, validate=True)
        check_depth(raw)  # a hostile nesting is refused before the parser recurses
        return match.group(1), json.loads(raw.decode("utf-8")), raw
    except (binascii.Error, ValueError, RecursionError):
        raise ValueError("not an armoured JSON document") from None
