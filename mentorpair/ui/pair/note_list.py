"""How a note's kind looks, and the list of notes: a model and a painting delegate.

A private note mistaken for a shared one is the worst mistake this screen can
invite, so every kind is shown three ways at once: its words ("Private — only
me"), a colour stripe and a glyph (a padlock, or two people). Colour alone
would fail people who do not see it, and on a projector.

The list is one :class:`NotesModel` over the pair's notes and one delegate
that paints each row, so ten thousand notes cost ten thousand small records,
not ten thousand widgets.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QPainter,
    QPainterPath,
    QPalette,
    QPixmap,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from mentorpair.domain.model import Note, NoteKind

from mentorpair.ui.keyed_rows import KeyedRows
from mentorpair.ui.wording import format_date, format_datetime, kind_label

__all__ = [
    "DateRole",
    "KindBanner",
    "KindRole",
    "NoteIdRole",
    "NoteRole",
    "NotesDelegate",
    "NotesModel",
    "kind_colour",
    "kind_pixmap",
    "visible_notes",
]

# Custom roles of :class:`NotesModel`.
NoteIdRole = Qt.ItemDataRole.UserRole + 1
KindRole = Qt.ItemDataRole.UserRole + 2
NoteRole = Qt.ItemDataRole.UserRole + 3
DateRole = Qt.ItemDataRole.UserRole + 4  # the day of the last change, in words

# (light theme, dark theme) stripe and glyph colours; each is paired with words.
_KIND_COLOURS = {
    NoteKind.SHARED: ("#1f6fb2", "#6aa8e8"),
    NoteKind.PRIVATE: ("#b4580b", "#eba35e"),
    NoteKind.REFLECTION: ("#7a3db8", "#bf9cec"),
}

Index = QModelIndex | QPersistentModelIndex


def visible_notes(
    notes: Iterable[Note], *, presenter: bool, kind: NoteKind | None = None
) -> list[Note]:
    """The notes a list may show: newest change first.

    In presenter mode private notes and reflections are left out entirely, so
    not even their titles reach a shared screen.
    """
    shown = [
        n
        for n in notes
        if (not presenter or n.kind is NoteKind.SHARED) and (kind is None or n.kind is kind)
    ]
    shown.sort(key=lambda n: (n.updated_at, n.note_id), reverse=True)
    return shown


def _is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def kind_colour(kind: NoteKind, palette: QPalette) -> QColor:
    """The stripe colour of ``kind``, readable on ``palette``'s background."""
    light, dark = _KIND_COLOURS[kind]
    return QColor(dark if _is_dark(palette) else light)


_pixmaps: dict[tuple[NoteKind, str, int, float], QPixmap] = {}


def kind_pixmap(kind: NoteKind, colour: QColor, size: int, ratio: float = 1.0) -> QPixmap:
    """The kind's glyph: a padlock (only me) or two people (shared), drawn, not a font.

    Drawn with QPainter so it looks the same on every platform and needs no
    emoji font.
    """
    key = (kind, colour.name(), size, ratio)
    cached = _pixmaps.get(key)
    if cached is not None:
        return cached
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = float(size)
    if kind is NoteKind.SHARED:
        _paint_people(painter, colour, s)
    else:
        _paint_lock(painter, colour, s, open_dot=kind is NoteKind.REFLECTION)
    painter.end()
    _pixmaps[key] = pixmap
    return pixmap


def _paint_lock(painter: QPainter, colour: QColor, s: float, open_dot: bool) -> None:
    pen = painter.pen()
    pen.setColor(colour)
    pen.setWidthF(max(1.5, s / 8))
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    # Shackle: an arch above the body.
    painter.drawArc(QRectF(s * 0.28, s * 0.08, s * 0.44, s * 0.5), 0, 180 * 16)
    painter.drawLine(QPointF(s * 0.28, s * 0.33), QPointF(s * 0.28, s * 0.46))
    painter.drawLine(QPointF(s * 0.72, s * 0.33), QPointF(s * 0.72, s * 0.46))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawRoundedRect(QRectF(s * 0.15, s * 0.44, s * 0.7, s * 0.5), s * 0.08, s * 0.08)
    # Keyhole (a reflection's lock has a round one, a private note's a slot).
    painter.setBrush(QColor("#ffffff"))
    if open_dot:
        painter.drawEllipse(QPointF(s * 0.5, s * 0.68), s * 0.09, s * 0.09)
    else:
        painter.drawRect(QRectF(s * 0.45, s * 0.58, s * 0.1, s * 0.22))


def _paint_people(painter: QPainter, colour: QColor, s: float) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    behind = QColor(colour)
    behind.setAlphaF(0.6)
    for dx, shade in ((s * 0.2, behind), (-s * 0.12, colour)):
        painter.setBrush(shade)
        painter.drawEllipse(QPointF(s * 0.46 + dx, s * 0.3), s * 0.15, s * 0.15)
        body = QPainterPath()
        body.moveTo(s * 0.16 + dx, s * 0.94)
        body.cubicTo(
            s * 0.16 + dx, s * 0.5, s * 0.76 + dx, s * 0.5, s * 0.76 + dx, s * 0.94
        )  # fmt: skip
        body.closeSubpath()
        painter.drawPath(body)


class NotesModel(QAbstractListModel):
    """The notes one list shows, in the order given (see :func:`visible_notes`)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._notes: KeyedRows[str, Note] = KeyedRows(self, lambda note: note.note_id)
        self.resets = 0  # how often the whole list was replaced (tests count work): never

    def set_notes(self, notes: Sequence[Note]) -> None:
        """Show ``notes`` instead, telling the view only what changed.

        Notes added, removed or moved are announced as such, and rows whose
        note changed as ``dataChanged``, so the view keeps its selection and
        scroll position and repaints little.
        """
        self._notes.replace(notes)

    def update_note(self, note: Note) -> int:
        """Show a changed ``note`` in its row, moved so the newest stays first; its row or -1."""
        row = self.row_of(note.note_id)
        if row < 0:
            return -1
        notes = self._notes
        last = len(notes) - 1

        def key_at(at: int) -> tuple[datetime, str]:
            shown = notes.at(at)
            assert shown is not None
            return (shown.updated_at, shown.note_id)

        key = (note.updated_at, note.note_id)
        target = row
        if row > 0 and key > key_at(0):
            target = 0  # the usual case: it was just saved, so it is the newest
        else:
            while target > 0 and key > key_at(target - 1):
                target -= 1
            while target < last and key < key_at(target + 1):
                target += 1
        notes.put(note, target)
        return target

    def row_of(self, note_id: str | None) -> int:
        """The row showing ``note_id``, or -1."""
        return -1 if note_id is None else self._notes.row_of(note_id)

    def note_at(self, row: int) -> Note | None:
        """The note in ``row``, if there is one."""
        return self._notes.at(row)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008  # QAbstractItemModel.rowCount
        """Number of notes (a list has no children)."""
        return 0 if parent.isValid() else len(self._notes)

    def data(
        self, index: Index, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # QAbstractItemModel.data
        """The note's title, kind, date, or the note itself, by role."""
        note = self.note_at(index.row()) if index.isValid() else None
        if note is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return note.title.strip() or self.tr("Untitled note")
        if role == NoteIdRole:
            return note.note_id
        if role == KindRole:
            return note.kind
        if role == NoteRole:
            return note
        if role == DateRole:
            # "3 Dec 2026": the weekday adds little in a list and costs width.
            return format_date(note.updated_at.astimezone()).split(" ", 1)[1]
        if role == Qt.ItemDataRole.ToolTipRole:
            return kind_label(note.kind)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            title = note.title.strip() or self.tr("Untitled note")
            return self.tr("{0}. {1}. Changed {2}").format(
                title, kind_label(note.kind), format_datetime(note.updated_at)
            )
        return None


class NotesDelegate(QStyledItemDelegate):
    """Paints a note row: kind stripe and glyph, title, then kind in words and date."""

    PAD = 8
    STRIPE = 5
    ICON = 18

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        title = QFont(option.font)
        title.setWeight(QFont.Weight.DemiBold)
        return title, QFont(option.font)

    def sizeHint(
        self, option: QStyleOptionViewItem, index: Index
    ) -> QSize:  # QStyledItemDelegate.sizeHint
        """Every row is two lines high (lets the view use uniform item sizes)."""
        title, small = self._fonts(option)
        height = QFontMetrics(title).height() + QFontMetrics(small).height() + 3 * self.PAD // 2 + 4
        return QSize(200, height)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: Index
    ) -> None:  # QStyledItemDelegate.paint
        """Draw the row: background, stripe, glyph, title and the kind line."""
        # No initStyleOption(): everything drawn here comes from our own roles, and
        # the view already set state, rect, palette and widget.
        opt = option
        widget = opt.widget
        style = widget.style() if widget is not None else None
        rect: QRect = opt.rect
        palette: QPalette = opt.palette
        painter.save()
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, widget)
        # Through QVariant a StrEnum comes back as its plain string value.
        kind = NoteKind(index.data(KindRole))
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        colour = kind_colour(kind, palette)
        painter.fillRect(QRect(rect.left(), rect.top(), self.STRIPE, rect.height()), colour)
        ratio = widget.devicePixelRatioF() if widget is not None else 1.0
        glyph_colour = palette.color(QPalette.ColorRole.HighlightedText) if selected else colour
        left = rect.left() + self.STRIPE + self.PAD
        painter.drawPixmap(
            left,
            rect.top() + (rect.height() - self.ICON) // 2,
            kind_pixmap(kind, glyph_colour, self.ICON, ratio),
        )
        left += self.ICON + self.PAD
        width = max(0, rect.right() - self.PAD - left)
        title_font, small_font = self._fonts(opt)
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        muted_role = (
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        )
        title_metrics = QFontMetrics(title_font)
        top = rect.top() + self.PAD
        painter.setFont(title_font)
        painter.setPen(palette.color(text_role))
        title = title_metrics.elidedText(
            str(index.data(Qt.ItemDataRole.DisplayRole)), Qt.TextElideMode.ElideRight, width
        )
        painter.drawText(
            QRect(left, top, width, title_metrics.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            title,
        )
        top += title_metrics.height() + 2
        painter.setFont(small_font)
        painter.setPen(palette.color(muted_role))
        small_metrics = QFontMetrics(small_font)
        # Who may read it comes first and is never cut for the date's sake.
        label = kind_label(kind)
        line_rect = QRect(left, top, width, small_metrics.height())
        middle = Qt.AlignmentFlag.AlignVCenter
        painter.drawText(
            line_rect,
            Qt.AlignmentFlag.AlignLeft | middle,
            small_metrics.elidedText(label, Qt.TextElideMode.ElideRight, width),
        )
        room = width - small_metrics.horizontalAdvance(label) - 2 * self.PAD
        full = str(index.data(DateRole))  # "3 Dec 2026"
        for date_text in (full, full.rsplit(" ", 1)[0]):  # then "3 Dec", then nothing
            if small_metrics.horizontalAdvance(date_text) <= room:
                painter.drawText(line_rect, Qt.AlignmentFlag.AlignRight | middle, date_text)
                break
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(rect.left() + self.STRIPE, rect.bottom(), rect.right(), rect.bottom())
        painter.restore()


class KindBanner(QFrame):
    """The strip above the editor that says who can read this note, in words and colour.

    Attributes:
        title: the kind in words ("Private — only me").
        detail: what that means for this note, naming the partner.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noteBanner")
        self._kind: NoteKind | None = None
        self.icon = QLabel(self)
        self.icon.setFixedSize(26, 26)
        self.title = QLabel(self)
        self.title.setStyleSheet("font-weight: 600; font-size: 11pt;")
        self.title.setAccessibleDescription(self.tr("Who can read this note"))
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        words = QVBoxLayout()
        words.setSpacing(2)
        words.addWidget(self.title)
        words.addWidget(self.detail)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(10)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(words, 1)

    def set_kind(self, kind: NoteKind, partner_name: str) -> None:
        """Show ``kind``; ``partner_name`` makes "who else reads it" concrete."""
        self._kind = kind
        self.title.setText(kind_label(kind))
        partner = partner_name or self.tr("your partner")
        if kind is NoteKind.SHARED:
            detail = self.tr("{0} can read and change this note too.").format(partner)
        elif kind is NoteKind.PRIVATE:
            detail = self.tr(
                "Only you can read this note. It never leaves this computer, and {0} never sees it."
            ).format(partner)
        else:
            detail = self.tr(
                "Your private reflection as mentor. It never leaves this computer, "
                "and {0} never sees it."
            ).format(partner)
        self.detail.setText(detail)
        self.setAccessibleDescription(f"{kind_label(kind)}. {detail}")
        # The glyph says the same as the title; a reader hears what it shows.
        self.icon.setAccessibleName(
            self.tr("Two people: shared")
            if kind is NoteKind.SHARED
            else self.tr("Padlock: only you")
        )
        self._restyle()

    def _restyle(self) -> None:
        if self._kind is None:
            return
        # The application's palette, not this frame's: the tint set below changes
        # the frame's own palette, which would flip light and dark back and forth.
        colour = kind_colour(self._kind, QGuiApplication.palette())
        tint = QColor(colour)
        tint.setAlpha(34)
        sheet = (
            "QFrame#noteBanner {"
            f" border: 1px solid {colour.name()}; border-left: 6px solid {colour.name()};"
            f" border-radius: 4px; background: rgba({tint.red()}, {tint.green()},"
            f" {tint.blue()}, {tint.alpha()}); }}"
        )
        # A style sheet change can itself send a palette change: set it only when new.
        if sheet != self.styleSheet():
            self.setStyleSheet(sheet)
        self.icon.setPixmap(kind_pixmap(self._kind, colour, 24, self.devicePixelRatioF()))

    def changeEvent(self, event: QEvent) -> None:  # QWidget.changeEvent
        """Follow a theme switch: the stripe colour depends on light or dark."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._restyle()
