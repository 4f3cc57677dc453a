"""Words, colours and icons for pairing and sync, shared by the tab, the sidebar and dialogs.

Counts use one source string for one and one for many ("1 shared note",
"3 shared notes"): English ships without a translation file, so Qt's ``%n``
plural forms would show "note(s)"; both shipped languages have exactly
these two forms.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

from mentorpair.sync.pairing import PairingStatus

__all__ = [
    "STATUS_COLOURS",
    "changes_words",
    "status_detail",
    "status_icon",
    "status_short",
    "status_title",
    "summary_words",
]

# One colour per state; the words always say it too (never colour alone).
STATUS_COLOURS: Mapping[PairingStatus, str] = {
    PairingStatus.LOCAL: "#78909c",
    PairingStatus.INVITED: "#1e88e5",
    PairingStatus.UNVERIFIED: "#f9a825",
    PairingStatus.VERIFIED: "#2e7d32",
    PairingStatus.KEYS_CHANGED: "#c62828",
}


def status_title(status: PairingStatus) -> str:
    """The state of a pair's link to the partner, as a short heading."""
    titles = {
        PairingStatus.LOCAL: QCoreApplication.translate("SyncWording", "Only on this computer"),
        PairingStatus.INVITED: QCoreApplication.translate(
            "SyncWording", "Invitation sent — waiting for an answer"
        ),
        PairingStatus.UNVERIFIED: QCoreApplication.translate(
            "SyncWording", "Connected — not verified yet: compare the safety code"
        ),
        PairingStatus.VERIFIED: QCoreApplication.translate("SyncWording", "Verified"),
        PairingStatus.KEYS_CHANGED: QCoreApplication.translate(
            "SyncWording", "Keys changed — check with your partner"
        ),
    }
    return titles[status]


def status_short(status: PairingStatus) -> str:
    """The state in two or three words, for the narrow sidebar."""
    words = {
        PairingStatus.LOCAL: QCoreApplication.translate("SyncWording", "Not shared", "sidebar"),
        PairingStatus.INVITED: QCoreApplication.translate("SyncWording", "Invited", "sidebar"),
        PairingStatus.UNVERIFIED: QCoreApplication.translate(
            "SyncWording", "Not verified yet", "sidebar"
        ),
        PairingStatus.VERIFIED: QCoreApplication.translate("SyncWording", "Verified", "sidebar"),
        PairingStatus.KEYS_CHANGED: QCoreApplication.translate(
            "SyncWording", "Keys changed!", "sidebar"
        ),
    }
    return words[status]


def status_detail(status: PairingStatus, partner: str) -> str:
    """One or two sentences on what the state means and what to do next."""
    if status is PairingStatus.LOCAL:
        return QCoreApplication.translate(
            "SyncWording",
            "Nothing here has been sent to {0} yet. Invite them to connect your two copies "
            "of this pair; until then everything stays on this computer.",
        ).format(partner)
    if status is PairingStatus.INVITED:
        return QCoreApplication.translate(
            "SyncWording",
            "When {0} answers your invitation, import their answer here. Nothing is shared "
            "before that.",
        ).format(partner)
    if status is PairingStatus.UNVERIFIED:
        return QCoreApplication.translate(
            "SyncWording",
            "Your copies are connected. Compare the safety code below with {0} so you both "
            "know no one is in between.",
        ).format(partner)
    if status is PairingStatus.VERIFIED:
        return QCoreApplication.translate(
            "SyncWording",
            "You and {0} compared the safety code. What you share is encrypted so only the "
            "two of you can read it.",
        ).format(partner)
    return QCoreApplication.translate(
        "SyncWording",
        "{0}'s keys are not the ones you verified. This is expected only if they set up "
        "mentorpair again. Call them and compare the new safety code before you share more.",
    ).format(partner)


# The order categories are named in a summary.
_ORDER = (
    "notes",
    "notes_updated",
    "notes_deleted",
    "goals",
    "goals_updated",
    "agenda",
    "suggestions",
    "actions",
    "actions_updated",
    "meetings",
    "meetings_updated",
    "agreement",
    "ended",
    "other",
)


def _count_word(category: str, n: int) -> str:
    """Kept as literal calls so lupdate finds every string."""
    one = n == 1
    words = {
        "notes": (
            QCoreApplication.translate("SyncWording", "1 shared note"),
            QCoreApplication.translate("SyncWording", "{0} shared notes"),
        ),
        "notes_updated": (
            QCoreApplication.translate("SyncWording", "1 updated note"),
            QCoreApplication.translate("SyncWording", "{0} updated notes"),
        ),
        "notes_deleted": (
            QCoreApplication.translate("SyncWording", "1 deleted note"),
            QCoreApplication.translate("SyncWording", "{0} deleted notes"),
        ),
        "goals": (
            QCoreApplication.translate("SyncWording", "1 new goal"),
            QCoreApplication.translate("SyncWording", "{0} new goals"),
        ),
        "goals_updated": (
            QCoreApplication.translate("SyncWording", "1 updated goal"),
            QCoreApplication.translate("SyncWording", "{0} updated goals"),
        ),
        "agenda": (
            QCoreApplication.translate("SyncWording", "1 agenda change"),
            QCoreApplication.translate("SyncWording", "{0} agenda changes"),
        ),
        "suggestions": (
            QCoreApplication.translate("SyncWording", "1 suggestion"),
            QCoreApplication.translate("SyncWording", "{0} suggestions"),
        ),
        "actions": (
            QCoreApplication.translate("SyncWording", "1 new action"),
            QCoreApplication.translate("SyncWording", "{0} new actions"),
        ),
        "actions_updated": (
            QCoreApplication.translate("SyncWording", "1 updated action"),
            QCoreApplication.translate("SyncWording", "{0} updated actions"),
        ),
        "meetings": (
            QCoreApplication.translate("SyncWording", "1 new meeting"),
            QCoreApplication.translate("SyncWording", "{0} new meetings"),
        ),
        "meetings_updated": (
            QCoreApplication.translate("SyncWording", "1 changed meeting"),
            QCoreApplication.translate("SyncWording", "{0} changed meetings"),
        ),
        "agreement": (
            QCoreApplication.translate("SyncWording", "1 agreement change"),
            QCoreApplication.translate("SyncWording", "{0} agreement changes"),
        ),
        "ended": (
            QCoreApplication.translate("SyncWording", "the end of the mentoring"),
            QCoreApplication.translate("SyncWording", "the end of the mentoring"),
        ),
    }
    pair = words.get(
        category,
        (
            QCoreApplication.translate("SyncWording", "1 other change"),
            QCoreApplication.translate("SyncWording", "{0} other changes"),
        ),
    )
    return pair[0] if one else pair[1].format(n)


def summary_words(counts: Mapping[str, int]) -> str:
    """What arrived, in words: "3 shared notes, 1 updated goal" (empty when nothing)."""
    parts = [
        _count_word(category, counts[category])
        for category in sorted(counts, key=lambda c: _ORDER.index(c) if c in _ORDER else 99)
        if counts[category] > 0
    ]
    return ", ".join(parts)


def changes_words(n: int) -> str:
    """A count of changes: "1 change", "5 changes"."""
    return (
        QCoreApplication.translate("SyncWording", "1 change")
        if n == 1
        else QCoreApplication.translate("SyncWording", "{0} changes").format(n)
    )


def status_icon(status: PairingStatus, size: int = 16) -> QIcon:
    """A small round badge with a shape per state (tick, clock, question, cross, dot).

    Drawn rather than loaded so it needs no image files; the shape tells the
    states apart for people who do not see the colour.
    """
    pixmap = QPixmap(size * 2, size * 2)  # drawn at double size, crisp on high-DPI screens
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = float(size * 2)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(STATUS_COLOURS[status]))
    painter.drawEllipse(QRectF(1, 1, s - 2, s - 2))
    pen = QPen(QColor("#ffffff"), s * 0.12)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if status is PairingStatus.VERIFIED:
        path = QPainterPath(QPointF(s * 0.28, s * 0.52))
        path.lineTo(QPointF(s * 0.44, s * 0.68))
        path.lineTo(QPointF(s * 0.72, s * 0.34))
        painter.drawPath(path)
    elif status is PairingStatus.KEYS_CHANGED:
        painter.drawLine(QPointF(s * 0.5, s * 0.25), QPointF(s * 0.5, s * 0.58))
        painter.drawPoint(QPointF(s * 0.5, s * 0.75))
    elif status is PairingStatus.INVITED:
        painter.drawLine(QPointF(s * 0.5, s * 0.5), QPointF(s * 0.5, s * 0.28))
        painter.drawLine(QPointF(s * 0.5, s * 0.5), QPointF(s * 0.68, s * 0.6))
    elif status is PairingStatus.UNVERIFIED:
        path = QPainterPath(QPointF(s * 0.37, s * 0.38))
        path.cubicTo(
            QPointF(s * 0.37, s * 0.2), QPointF(s * 0.66, s * 0.2), QPointF(s * 0.64, s * 0.4)
        )
        path.cubicTo(
            QPointF(s * 0.62, s * 0.52), QPointF(s * 0.5, s * 0.5), QPointF(s * 0.5, s * 0.6)
        )
        painter.drawPath(path)
        painter.drawPoint(QPointF(s * 0.5, s * 0.77))
    else:
        painter.setBrush(QColor("#ffffff"))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(QPointF(s * 0.5, s * 0.5), s * 0.14, s * 0.14)
    painter.end()
    pixmap.setDevicePixelRatio(2.0)
    return QIcon(pixmap)
