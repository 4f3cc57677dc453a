"""Turning search results' match marks into safe rich text, or removing them.

:meth:`Workspace.search <mentorpair.storage.workspace.Workspace.search>` marks
each matched word with MATCH_START and MATCH_END. What people wrote may
contain ``<``, ``&`` or a whole ``<img src=…>``: it is escaped *first*, and
only then are the marks (control characters that escaping leaves alone)
replaced by tags, so no note text can ever become markup.
"""

from __future__ import annotations

import html

from mentorpair.storage.workspace import MATCH_END, MATCH_START

__all__ = ["marks_to_html", "strip_marks"]


def marks_to_html(marked: str, start: str = "<b>", end: str = "</b>") -> str:
    """``marked`` as HTML-escaped text with every match wrapped in ``start``/``end``.

    Unbalanced marks (a snippet cut mid-match) are repaired: a stray end is
    dropped and an open match is closed at the end of the text.
    """
    out: list[str] = []
    inside = False
    pieces = marked.replace(MATCH_END, MATCH_START + MATCH_END).split(MATCH_START)
    for number, piece in enumerate(pieces):
        if number:
            if piece.startswith(MATCH_END):
                piece = piece[1:]
                if inside:
                    out.append(end)
                    inside = False
            elif not inside:
                out.append(start)
                inside = True
        out.append(html.escape(piece.replace(MATCH_END, ""), quote=True))
    if inside:
        out.append(end)
    return "".join(out)


def strip_marks(marked: str) -> str:
    """``marked`` as plain text, without the match marks."""
    return marked.replace(MATCH_START, "").replace(MATCH_END, "")
