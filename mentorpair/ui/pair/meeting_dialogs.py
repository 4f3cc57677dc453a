"""Dialogs of the Meetings tab: plan or change a meeting; choose what a calendar file says."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mentorpair.domain.model import Meeting, MeetingMode
from mentorpair.storage.calendar import MAX_TITLE

from mentorpair.ui.announce import StatusLabel
from mentorpair.ui.i18n import date_locale
from mentorpair.ui.pair.base import PairContext
from mentorpair.ui.pair.meeting_list import local_datetime, meeting_end, mode_words, when_words
from mentorpair.ui.widgets import buddy_label
from mentorpair.ui.wording import date_format

__all__ = ["ExportDialog", "MeetingDialog"]

# Longest place or link the domain accepts.
MAX_PLACE = 300
# Words too common in names to be worth a warning when they appear in a title.
_HONORIFICS = {"dr", "prof", "professor", "mr", "mrs", "ms", "miss", "mx", "sir", "dame"}


class MeetingDialog(QDialog):
    """Plan a new meeting or change one: when, how long, how, where."""

    def __init__(
        self,
        context: PairContext,
        meeting: Meeting | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.meeting = meeting
        self.setWindowTitle(self.tr("Change meeting") if meeting else self.tr("Plan a meeting"))
        self.setMinimumWidth(440)
        template = meeting or self._template()
        start = meeting.starts_at if meeting else self._default_start()

        self.when = QDateTimeEdit(self)
        self.when.setCalendarPopup(True)
        # Day and month names in the window's language, as on every other screen;
        # the territory keeps the person's first day of the week in the calendar.
        self.when.setLocale(date_locale())
        self.when.setDisplayFormat(date_format() + ", HH:mm")
        # A typo in the year should not plan a meeting in 1825.
        self.when.setDateRange(QDate(2000, 1, 1), QDate(2100, 12, 31))
        self.when.setDateTime(local_datetime(start))
        self.when.setAccessibleName(self.tr("Date and time"))
        self.duration = QSpinBox(self)
        self.duration.setRange(5, 24 * 60)
        self.duration.setSingleStep(15)
        self.duration.setSuffix(self.tr(" minutes"))
        self.duration.setValue(template.duration_min if template else 60)
        self.duration.setAccessibleName(self.tr("Duration in minutes"))
        self.mode = QComboBox(self)
        for mode in MeetingMode:
            self.mode.addItem(mode_words(mode), mode)
        self.mode.setCurrentIndex(self.mode.findData(self._default_mode(template)))
        self.mode.setAccessibleName(self.tr("How you meet"))
        self.place = QLineEdit(self)
        self.place.setMaxLength(MAX_PLACE)
        self.place.setText(template.place if template else "")
        self.place.setAccessibleName(self.tr("Place or link"))
        self.check = QLabel(self)
        self.check.setObjectName("hint")
        self.check.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        for button in self.buttons.buttons():
            button.setAccessibleName(button.text().replace("&", ""))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(buddy_label(self.tr("&When:"), self.when), self.when)
        form.addRow(buddy_label(self.tr("&Duration:"), self.duration), self.duration)
        form.addRow(buddy_label(self.tr("&How:"), self.mode), self.mode)
        form.addRow(buddy_label(self.tr("&Place or link:"), self.place), self.place)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.check)
        layout.addWidget(self.buttons)
        self.when.dateTimeChanged.connect(self._update_check)
        self.duration.valueChanged.connect(self._update_check)
        self.mode.currentIndexChanged.connect(self._update_placeholder)
        self._update_placeholder()
        self._update_check()

    def _template(self) -> Meeting | None:
        """The latest meeting that took place or is planned: pairs tend to meet the same way."""
        kept = [m for m in self.context.state.meetings.values() if not m.cancelled]
        return max(kept, key=lambda m: (m.starts_at, m.meeting_id), default=None)

    def _default_start(self) -> datetime:
        """A week from now, on the hour of the local clock: a date to adjust rather than type."""
        start = (self.context.clock() + timedelta(days=7)).astimezone()
        return start.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)

    def _default_mode(self, template: Meeting | None) -> MeetingMode:
        if template is not None:
            return template.mode
        agreement = self.context.state.agreement
        if agreement is not None and agreement.modes:
            return agreement.modes[0]
        return MeetingMode.IN_PERSON

    def starts_at(self) -> datetime:
        """The chosen start, in UTC, to the minute."""
        secs = self.when.dateTime().toSecsSinceEpoch()
        return datetime.fromtimestamp(secs - secs % 60, UTC)

    def selected_mode(self) -> MeetingMode:
        """The chosen way of meeting."""
        return MeetingMode(self.mode.currentData())

    def body(self) -> dict[str, Any]:
        """The fields of MEETING_PLANNED / MEETING_UPDATED (without the id)."""
        return {
            "starts_at": self.starts_at().isoformat(),
            "duration_min": self.duration.value(),
            "mode": self.selected_mode().value,
            "place": self.place.text().strip(),
        }

    def _update_placeholder(self) -> None:
        hints = {
            MeetingMode.IN_PERSON: self.tr("Room and building, e.g. Library meeting room 2"),
            MeetingMode.PHONE: self.tr("Who calls whom, or a number"),
            MeetingMode.VIDEO: self.tr("The video link"),
            MeetingMode.EMAIL: self.tr("Optional: the email subject"),
        }
        self.place.setPlaceholderText(hints[self.selected_mode()])

    def _update_check(self) -> None:
        """Say what may be a slip (past date, overlap); neither blocks saving."""
        start = self.starts_at()
        end = start + timedelta(minutes=self.duration.value())
        notes = []
        if self.meeting is None and start < self.context.clock():
            notes.append(self.tr("This time is in the past: fine for recording a past meeting."))
        for other in self.context.state.meetings.values():
            if other.cancelled or (self.meeting and other.meeting_id == self.meeting.meeting_id):
                continue
            if other.starts_at < end and start < meeting_end(other):
                notes.append(self.tr("It overlaps the meeting on {0}.").format(when_words(other)))
                break
        self.check.setText(" ".join(notes))
        self.check.setVisible(bool(notes))


class ExportDialog(QDialog):
    """Asks what a calendar file may say: a title, and the place only if wanted."""

    def __init__(self, partner_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.partner_name = partner_name
        self.setWindowTitle(self.tr("Export to calendar"))
        self.setMinimumWidth(420)
        intro = QLabel(
            self.tr(
                "The calendar file holds the date, the time and the title below. "
                "Names, the agenda and notes are never put in it."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.title = QLineEdit(self.tr("Mentoring meeting"), self)
        self.title.setMaxLength(MAX_TITLE)
        self.title.setAccessibleName(self.tr("Calendar entry title"))
        self.include_place = QCheckBox(self.tr("&Include place or link"), self)
        self.include_place.setAccessibleName(self.tr("Include place or link"))
        self.warning = StatusLabel(self.tr("Warning"), self, alert=True)
        self.warning.setObjectName("error")
        self.warning.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        for button in self.buttons.buttons():
            button.setAccessibleName(button.text().replace("&", ""))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(buddy_label(self.tr("&Title:"), self.title), self.title)
        form.addRow("", self.include_place)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.warning)
        layout.addWidget(self.buttons)
        self.title.textChanged.connect(self._check)
        self._check()

    def names_partner(self) -> bool:
        """Whether the title contains the partner's name or a part of it."""
        words = set(re.findall(r"\w+", self.title.text().casefold()))
        parts = {
            p
            for p in re.findall(r"\w+", self.partner_name.casefold())
            if len(p) > 2 and p not in _HONORIFICS
        }
        return bool(words & parts)

    def _check(self) -> None:
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(bool(self.title.text().strip()))
        if self.names_partner():
            self.warning.setText(
                self.tr(
                    "The title names your mentoring partner. Anyone who can see "
                    "your calendar will read it."
                )
            )
        else:
            self.warning.clear()
        self.warning.setVisible(bool(self.warning.text()))
