r"""Canonical JSON: one byte string per value, so a signature means the same everywhere.

What is hashed and signed (a pair's events, pairing documents) must encode to
exactly the same bytes in every implementation. This is RFC 8785 (the JSON
Canonicalization Scheme) for the subset of JSON that mentorpair uses, which
sidesteps the one hard part of RFC 8785, number formatting:

* values are objects, arrays, strings, ``true``/``false``/``null`` and
  integers from -(2^53 - 1) to 2^53 - 1; no fractions, NaN or infinities;
* object keys are sorted by their UTF-16 code units, as RFC 8785 says;
* strings are UTF-8 with only ``"``, ``\`` and control characters escaped
  (``\b \t \n \f \r`` short, the rest ``\u00xx``), and never hold a
  lone surrogate;
* no white space; nesting at most :data:`MAX_DEPTH` deep.

Anything outside the subset raises :class:`NotCanonical` when written, and
a reader refuses a document whose bytes differ from :func:`canonical_json`
of what it decoded. ``tests/unit/domain/test_canonical.py`` checks the output
against the independent ``rfc8785`` package.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

__all__ = ["MAX_DEPTH", "MAX_INT", "NotCanonical", "canonical_json", "check_depth"]

MAX_INT = 2**53 - 1
#: Deeper than any document of ours; a hostile one is refused before recursion hurts.
MAX_DEPTH = 32


class NotCanonical(ValueError):
    """The value is outside the canonical subset (a float, a huge number, too deep …)."""


def canonical_json(value: Any) -> bytes:
    """The canonical UTF-8 bytes of ``value``.

    Raises:
        NotCanonical: the value cannot be encoded canonically.
    """
    parts: list[str] = []
    _write(value, parts, 0)
    try:
        return "".join(parts).encode("utf-8")
    except UnicodeEncodeError:
        raise NotCanonical("text holds a lone surrogate") from None


def check_depth(text: str | bytes, limit: int = MAX_DEPTH) -> None:
    """Refuse JSON text nested deeper than ``limit``, before parsing it.

    Counts brackets outside strings in one pass, so a hostile ``[[[[…`` never
    reaches the recursive parser.

    Raises:
        NotCanonical: nested too deeply.
    """
    data = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text
    depth = 0
    in_string = escaped = False
    for byte in data:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):
            depth += 1
            if depth > limit:
                raise NotCanonical("nested too deeply")
        elif byte in (0x5D, 0x7D):
            depth -= 1


def _write(value: Any, out: list[str], depth: int) -> None:
    if depth > MAX_DEPTH:
        raise NotCanonical("nested too deeply")
    if value is None or isinstance(value, bool):
        out.append(json.dumps(value))
    elif isinstance(value, int):
        if not -MAX_INT <= value <= MAX_INT:
            raise NotCanonical("integer out of the exact range")
        out.append(str(value))
    elif isinstance(value, str):
        out.append(json.dumps(value, ensure_ascii=False))
    elif isinstance(value, Mapping):
        out.append("{")
        keys = list(value)
        if not all(isinstance(k, str) for k in keys):
            raise NotCanonical("object keys must be text")
        for index, key in enumerate(sorted(keys, key=_utf16)):
            if index:
                out.append(",")
            out.append(json.dumps(key, ensure_ascii=False))
            out.append(":")
            _write(value[key], out, depth + 1)
        out.append("}")
    elif isinstance(value, list | tuple):
        out.append("[")
        for index, item in enumerate(value):
            if index:
                out.append(",")
            _write(item, out, depth + 1)
        out.append("]")
    else:
        # float (NaN, Infinity, fractions) and everything that is not JSON.
        raise NotCanonical(f"{type(value).__name__} is not allowed")


def _utf16(key: str) -> bytes:
    return key.encode("utf-16-be", "surrogatepass")
