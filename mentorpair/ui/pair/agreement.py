"""The mentoring agreement: how often, how long, how you meet, what is confidential and its limits.

Schemes ask pairs to agree these at the start (the seeds: "an agreement: how
often, how long, what is confidential and its limits"). Either partner may
propose the terms; whoever saves them agrees to them, and the other confirms
that exact version. Saving a change makes a new version that both confirm
again, so nobody is held to terms they have not seen.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mentorpair.domain.events import EventKind
from mentorpair.domain.model import Agreement, MeetingMode
from mentorpair.domain.state import PairState

from mentorpair.ui.announce import StatusLabel
from mentorpair.ui.pair.base import PairContext, PairTab, scrolling_column
from mentorpair.ui.wording import date_format

__all__ = ["AgreementTab"]

DEFAULT_MODES = (MeetingMode.IN_PERSON, MeetingMode.VIDEO)
# A first agreement is reviewed after a year unless the pair chooses otherwise.
DEFAULT_REVIEW_MONTHS = 12


@dataclass(frozen=True)
class _Terms:
    """The form's values, comparable with the current agreement."""

    frequency: str
    starts_on: date | None
    review_on: date | None
    modes: tuple[MeetingMode, ...]
    confidentiality: str
    limits: str
    no_fault_ending: bool

    @classmethod
    def of(cls, a: Agreement) -> _Terms:
        return cls(
            a.frequency,
            a.starts_on,
            a.review_on,
            _canonical(a.modes),
            a.confidentiality,
            a.limits,
            a.no_fault_ending,
        )


def _canonical(modes: tuple[MeetingMode, ...]) -> tuple[MeetingMode, ...]:
    """Modes in one fixed order, so the same choice compares equal however it was saved."""
    return tuple(mode for mode in MeetingMode if mode in modes)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class AgreementTab(PairTab):
    """View and edit the agreement; confirm the partner's version.

    Attributes:
        status, status_hint: who confirmed the current version, in words.
        confirm_button: shown to the side that has not confirmed this version.
        save_button: saves the form as a new version (enabled when it differs).
    """

    def __init__(self, context: PairContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        # The revision the form was filled from (None: the defaults); see refresh().
        self._loaded: str | None = None
        self._filled = False
        content, column = scrolling_column(self)
        column.addWidget(self._build_status(content))
        self.form_card = self._build_form(content)
        column.addWidget(self.form_card)
        column.addStretch(1)
        save = QShortcut(QKeySequence.StandardKey.Save, self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self.save)
        # Filled when first shown (PairTab.showEvent), not while the pair opens.

    # ------------------------------------------------------------- building
    def _build_status(self, parent: QWidget) -> QFrame:
        card = QFrame(parent)
        card.setObjectName("card")
        layout = QVBoxLayout(card)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(6)
        self.status = StatusLabel(self.tr("Agreement state"), card)
        # Partner names and terms are what people typed: never interpret them as HTML.
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setObjectName("subheading")
        self.status.setWordWrap(True)
        self.status_hint = QLabel(card)
        self.status_hint.setTextFormat(Qt.TextFormat.PlainText)
        self.status_hint.setObjectName("hint")
        self.status_hint.setWordWrap(True)
        self.confirm_button = QPushButton(self.tr("Co&nfirm this agreement"), card)
        self.confirm_button.setObjectName("primary")
        self.confirm_button.setAccessibleName(self.tr("Confirm this agreement"))
        self.confirm_button.clicked.connect(self.confirm)
        layout.addWidget(self.status)
        layout.addWidget(self.status_hint)
        layout.addWidget(self.confirm_button, 0, Qt.AlignmentFlag.AlignLeft)
        return card

    def _build_form(self, parent: QWidget) -> QFrame:
        card = QFrame(parent)
        card.setObjectName("card")
        outer = QVBoxLayout(card)
        outer.setContentsMargins(18, 14, 18, 14)
        outer.setSpacing(8)
        self.form_intro = QLabel(card)
        self.form_intro.setObjectName("hint")
        self.form_intro.setWordWrap(True)
        outer.addWidget(self.form_intro)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.frequency = QLineEdit(card)
        self.frequency.setAccessibleName(self.tr("How often we meet"))
        self.frequency.setPlaceholderText(self.default_frequency())
        self.frequency.setMaxLength(300)
        form.addRow(self._label(self.tr("How o&ften we meet"), self.frequency), self.frequency)

        self.starts_on = QDateEdit(card)
        self.starts_on.setCalendarPopup(True)
        self.starts_on.setDisplayFormat(date_format())
        self.starts_on.setAccessibleName(self.tr("Starts on"))
        form.addRow(self._label(self.tr("&Starts on"), self.starts_on), self.starts_on)

        self.has_review = QCheckBox(self.tr("&Review or end on"), card)
        self.has_review.setAccessibleName(self.tr("Set a review or end date"))
        self.review_on = QDateEdit(card)
        self.review_on.setCalendarPopup(True)
        self.review_on.setDisplayFormat(date_format())
        self.review_on.setAccessibleName(self.tr("Review or end on"))
        self.has_review.toggled.connect(self.review_on.setEnabled)
        form.addRow(self.has_review, self.review_on)

        modes_row = QWidget(card)
        modes_layout = QHBoxLayout(modes_row)
        modes_layout.setContentsMargins(0, 0, 0, 0)
        labels = {
            MeetingMode.IN_PERSON: self.tr("In &person"),
            MeetingMode.PHONE: self.tr("P&hone"),
            MeetingMode.VIDEO: self.tr("&Video"),
            MeetingMode.EMAIL: self.tr("Emai&l"),
        }
        self.mode_boxes: dict[MeetingMode, QCheckBox] = {}
        for mode, text in labels.items():
            box = QCheckBox(text, modes_row)
            box.setAccessibleName(self.tr("Meet: {0}").format(text.replace("&", "")))
            self.mode_boxes[mode] = box
            modes_layout.addWidget(box)
        modes_layout.addStretch(1)
        form.addRow(QLabel(self.tr("How we meet"), card), modes_row)
        outer.addLayout(form)

        self.confidentiality = self._text_field(card, self.tr("What is confidential"))
        outer.addWidget(self._label(self.tr("What is confi&dential"), self.confidentiality))
        outer.addWidget(self.confidentiality)
        self.limits = self._text_field(card, self.tr("Limits of confidentiality"))
        outer.addWidget(
            self._label(self.tr("Its l&imits: when we would tell someone"), self.limits)
        )
        outer.addWidget(self.limits)
        self.no_fault = QCheckBox(
            self.tr("Either of us may end the mentoring at any time, &without giving a reason"),
            card,
        )
        self.no_fault.setAccessibleName(
            self.tr("Either of us may end the mentoring at any time, without giving a reason")
        )
        outer.addWidget(self.no_fault)

        self.error = StatusLabel(self.tr("Problem"), card, alert=True)
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.hide()
        outer.addWidget(self.error)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(card)
        self.save_button.setObjectName("primary")
        self.save_button.setAccessibleName(self.tr("Save the agreement"))
        self.save_button.clicked.connect(self.save)
        self.undo_button = QPushButton(self.tr("&Undo my changes"), card)
        self.undo_button.setAccessibleName(self.tr("Undo my changes"))
        self.undo_button.clicked.connect(self._reload)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.undo_button)
        buttons.addStretch(1)
        outer.addLayout(buttons)
        self.save_hint = QLabel(card)
        self.save_hint.setTextFormat(Qt.TextFormat.PlainText)
        self.save_hint.setObjectName("hint")
        self.save_hint.setWordWrap(True)
        outer.addWidget(self.save_hint)

        for signal in (
            self.frequency.textChanged,
            self.starts_on.dateChanged,
            self.review_on.dateChanged,
            self.has_review.toggled,
            self.no_fault.toggled,
            self.confidentiality.textChanged,
            self.limits.textChanged,
            *(box.toggled for box in self.mode_boxes.values()),
        ):
            signal.connect(self._update_buttons)
        return card

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    def _text_field(self, parent: QWidget, name: str) -> QPlainTextEdit:
        field = QPlainTextEdit(parent)
        field.setAccessibleName(name)
        field.setTabChangesFocus(True)  # Tab moves on, as in every other field
        field.setMinimumHeight(70)
        field.setMaximumHeight(120)
        return field

    # ------------------------------------------------------------- defaults
    def default_frequency(self) -> str:
        """How often most pairs meet: often enough to keep going, rarely enough to fit a rota."""
        return self.tr("Every 4–6 weeks")

    def default_confidentiality(self) -> str:
        """A starting text most schemes would recognise; the pair edits it."""
        return self.tr(
            "What we talk about stays between the two of us. Neither of us passes on notes, "
            "the agenda or goals to anyone else, including the scheme, supervisors or managers."
        )

    def default_limits(self) -> str:
        """The usual limit, in plain words."""
        return self.tr(
            "Concerns about patient safety or serious risk to someone's wellbeing. If that "
            "comes up, we talk about it together first and agree what happens next."
        )

    def _default_terms(self) -> _Terms:
        today = self.context.clock().astimezone().date()
        review = _pydate(_qdate(today).addMonths(DEFAULT_REVIEW_MONTHS))
        return _Terms(
            self.default_frequency(),
            today,
            review,
            DEFAULT_MODES,
            self.default_confidentiality(),
            self.default_limits(),
            True,
        )

    # ------------------------------------------------------------- showing
    def refresh(self) -> None:
        """Show who confirmed what; reload the form only if the agreement changed.

        Unsaved edits survive a refresh caused by a change elsewhere in the pair.
        """
        state = self.context.state
        if state.created_at is None:
            return
        agreement = state.agreement
        revision = agreement.revision if agreement else None
        if not self._filled or revision != self._loaded:
            self._reload()
        self._show_status(state)
        read_only = state.read_only
        # An ended pair without an agreement has no terms to show, not the suggested ones.
        self.form_card.setVisible(not (read_only and agreement is None))
        for widget in (
            self.frequency,
            self.starts_on,
            self.has_review,
            self.confidentiality,
            self.limits,
            self.no_fault,
            *self.mode_boxes.values(),
        ):
            widget.setEnabled(not read_only)
        self.review_on.setEnabled(not read_only and self.has_review.isChecked())
        self.save_button.setVisible(not read_only)
        # Before the first save there is nothing to go back to.
        self.undo_button.setVisible(not read_only and state.agreement is not None)
        self.save_hint.setVisible(not read_only)
        self._update_buttons()

    def _reload(self) -> None:
        """Fill the form from the current agreement (or the defaults if there is none)."""
        agreement = self.context.state.agreement
        terms = _Terms.of(agreement) if agreement else self._default_terms()
        self._loaded = agreement.revision if agreement else None
        self._filled = True
        self.frequency.setText(terms.frequency)
        today = self.context.clock().astimezone().date()
        self.starts_on.setDate(_qdate(terms.starts_on or today))
        self.has_review.setChecked(terms.review_on is not None)
        fallback = _qdate(terms.starts_on or today).addMonths(DEFAULT_REVIEW_MONTHS)
        self.review_on.setDate(_qdate(terms.review_on) if terms.review_on else fallback)
        self.review_on.setEnabled(terms.review_on is not None)
        for mode, box in self.mode_boxes.items():
            box.setChecked(mode in terms.modes)
        self.confidentiality.setPlainText(terms.confidentiality)
        self.limits.setPlainText(terms.limits)
        self.no_fault.setChecked(terms.no_fault_ending)
        self.error.hide()
        self._update_buttons()

    def _show_status(self, state: PairState) -> None:
        agreement = state.agreement
        me, partner = state.my_role, state.partner_name
        self.confirm_button.hide()
        if agreement is None:
            self.status.setText(self.tr("No agreement yet"))
            self.status_hint.setText(
                self.tr(
                    "Agree together how often you meet, for how long, how, what stays "
                    "confidential and its limits. A suggested starting point is filled in "
                    "below: change it until it says what you both mean, then save it."
                )
            )
        elif agreement.confirmed:
            self.status.setText(self.tr("Agreed by both of you"))
            self.status_hint.setText(self.tr("You and {0} confirmed this version.").format(partner))
        elif me in agreement.confirmed_by:
            self.status.setText(self.tr("Waiting for {0} to confirm").format(partner))
            self.status_hint.setText(
                self.tr(
                    "You confirmed this version. {0} confirms it on their own device once it "
                    "reaches them; their confirmation arrives with their next update (see the "
                    "Partner tab)."
                ).format(partner)
            )
        else:
            self.status.setText(self.tr("{0} proposed this agreement").format(partner))
            self.status_hint.setText(
                self.tr(
                    "{0} confirmed this version. Read it below; if you agree, confirm it. "
                    "If not, change it and save: that proposes a new version to {0}."
                ).format(partner)
            )
            self.confirm_button.setVisible(not state.read_only)
        earlier = [role for role, _version in state.earlier_confirmations() if role is not me]
        if agreement is not None and earlier and partner:
            # Confirmed while the terms were changed offline: it counts for the
            # version they saw, and the person should know the new one still waits.
            self.status_hint.setText(
                self.status_hint.text()
                + " "
                + self.tr(
                    "{0} confirmed an earlier version while this one was being written; that "
                    "confirmation counts for the earlier version only."
                ).format(partner)
            )
        if state.read_only:
            self._show_ended_status(state)
        first = agreement is None
        self.form_intro.setVisible(not state.read_only)
        self.form_intro.setText(
            self.tr("Either of you may propose the terms.")
            if first
            else self.tr("Either of you may propose changes.")
        )
        self.save_button.setText(
            self.tr("S&ave the agreement") if first else self.tr("S&ave as a new version")
        )
        self.save_hint.setText(
            self.tr(
                "Saving counts as your confirmation. {0} confirms it on their own device "
                "once it reaches them."
            ).format(partner)
            if first
            else self.tr("Saving a change makes a new version, which both of you confirm again.")
        )

    def _show_ended_status(self, state: PairState) -> None:
        """After the end there is nothing left to confirm: say how it stood."""
        agreement, partner = state.agreement, state.partner_name
        self.confirm_button.hide()
        if agreement is None:
            self.status.setText(self.tr("No agreement was written down"))
        else:
            self.status.setText(self.tr("The agreement as it stood at the end"))
        if agreement is None:
            who = ""
        elif agreement.confirmed:
            who = self.tr("Both of you confirmed it.")
        elif state.my_role in agreement.confirmed_by:
            who = self.tr("You confirmed it; {0} had not yet.").format(partner)
        else:
            who = self.tr("{0} confirmed it; you had not yet.").format(partner)
        ended = self.tr("The mentoring has ended, so this record is read-only.")
        self.status_hint.setText(f"{who} {ended}".strip())

    def _terms(self) -> _Terms:
        return _Terms(
            self.frequency.text().strip(),
            _pydate(self.starts_on.date()),
            _pydate(self.review_on.date()) if self.has_review.isChecked() else None,
            _canonical(tuple(mode for mode, box in self.mode_boxes.items() if box.isChecked())),
            self.confidentiality.toPlainText().strip(),
            self.limits.toPlainText().strip(),
            self.no_fault.isChecked(),
        )

    def _dirty(self) -> bool:
        agreement = self.context.state.agreement
        return agreement is None or self._terms() != _Terms.of(agreement)

    def _update_buttons(self) -> None:
        if self.context.state.created_at is None:
            return
        dirty = self._dirty()
        read_only = self.context.read_only
        self.save_button.setEnabled(dirty and not read_only)
        self.undo_button.setEnabled(dirty and self.context.state.agreement is not None)

    # ------------------------------------------------------------- commands
    def save(self) -> None:
        """Record the form as the agreement (a new version if one exists)."""
        if self.context.read_only or not self._dirty():
            return
        terms = self._terms()
        problem = None
        if not terms.frequency:
            problem = self.tr("Say how often you meet, for example “{0}”.").format(
                self.default_frequency()
            )
        elif terms.review_on is not None and terms.starts_on and terms.review_on < terms.starts_on:
            problem = self.tr("The review or end date is before the start date.")
        if problem:
            self.error.setText(problem)
            self.error.show()
            return
        self.error.hide()
        event = self.context.record(
            self,
            EventKind.AGREEMENT_SET,
            frequency=terms.frequency,
            starts_on=terms.starts_on.isoformat() if terms.starts_on else None,
            review_on=terms.review_on.isoformat() if terms.review_on else None,
            modes=[mode.value for mode in terms.modes],
            confidentiality=terms.confidentiality,
            limits=terms.limits,
            no_fault_ending=terms.no_fault_ending,
        )
        if event is not None:
            self.refresh()
            self.changed.emit()

    def confirm(self) -> None:
        """Confirm the partner's current version of the agreement."""
        agreement = self.context.state.agreement
        if agreement is None or self.context.my_role in agreement.confirmed_by:
            return
        event = self.context.record(
            self, EventKind.AGREEMENT_CONFIRMED, revision=agreement.revision
        )
        if event is not None:
            self.refresh()
            self.changed.emit()
