"""Ending a mentoring relationship: no fault, no reason needed; each keeps or destroys a copy.

The seeds describe a no-fault closure: either partner may end the mentoring at
any time. This dialog records the end (with an optional reason that never
leaves this computer and a closing summary), offers "Export my record…" first,
and then either keeps this person's copy read-only or destroys it for good.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mentorpair.domain.events import EventKind
from mentorpair.domain.model import Role
from mentorpair.domain.rules import RuleViolation
from mentorpair.domain.state import PairState
from mentorpair.errors import KnownError
from mentorpair.storage.export import export_record

from mentorpair.ui.pair.base import PairContext
from mentorpair.ui.widgets import buddy_label, warning_box

__all__ = ["DESTROY_WORD", "EndRelationshipDialog", "export_with_warning"]

# Typing this (or the partner's name) confirms destroying a copy.
DESTROY_WORD = "DESTROY"
KEPT, DESTROYED = "kept", "destroyed"


# A function has no self.tr(): its strings are translated in the "ExportRecord" context,
# written out literally each time so that lupdate finds them.


def export_with_warning(
    parent: QWidget, state: PairState, my_name: str
) -> tuple[Path, Path] | None:
    """Warn that the export is not encrypted, ask for a folder, write the record.

    Returns:
        The Markdown and JSON files written, or None if the person stopped or
        the files could not be written (they were told why).
    """
    private = (
        QCoreApplication.translate("ExportRecord", "your private notes and reflections")
        if state.my_role is Role.MENTOR
        else QCoreApplication.translate("ExportRecord", "your private notes")
    )
    answer = QMessageBox.warning(
        parent,
        QCoreApplication.translate("ExportRecord", "The export is not encrypted"),
        QCoreApplication.translate(
            "ExportRecord",
            "Your record is written as two ordinary files (Markdown and JSON) that are NOT "
            "encrypted. Anyone who can open the folder you choose, or a backup or cloud copy "
            "of it, can read everything in them, including {0}.\n\n"
            "Choose a folder only you can reach, such as an encrypted drive.",
        ).format(private),
        QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    if answer != QMessageBox.StandardButton.Ok:
        return None
    folder = QFileDialog.getExistingDirectory(
        parent, QCoreApplication.translate("ExportRecord", "Choose a folder for your record")
    )
    if not folder:
        return None
    try:
        return export_record(state, my_name, Path(folder))
    except KnownError as exc:
        QMessageBox.warning(
            parent, QCoreApplication.translate("ExportRecord", "Record not exported"), exc.message
        )
        return None


class EndRelationshipDialog(QDialog):
    """Ask how to end the relationship, then record it and keep or destroy this copy.

    Attributes:
        outcome: "kept" or "destroyed" once accepted, None before or if cancelled.
        exported: the files written by "Export my record…", if any.
    """

    def __init__(self, context: PairContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.outcome: str | None = None
        self.exported: tuple[Path, Path] | None = None
        self._partner = context.state.partner_name
        self.setWindowTitle(self.tr("End mentoring"))
        self.setModal(True)
        self.resize(600, 640)

        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(20, 18, 20, 12)
        layout.setSpacing(8)
        heading = QLabel(self.tr("End mentoring with {0}").format(self._partner), body)
        heading.setObjectName("subheading")
        heading.setTextFormat(Qt.TextFormat.PlainText)  # a name is never HTML
        heading.setWordWrap(True)
        layout.addWidget(heading)
        layout.addWidget(
            self._hint(
                self.tr(
                    "Either of you can end the mentoring at any time, and no reason is needed. "
                    "Afterwards the record is read-only: nothing can be added or changed."
                )
            )
        )

        self.summary = QPlainTextEdit(body)
        self.summary.setAccessibleName(self.tr("Closing summary"))
        self.summary.setPlaceholderText(
            self.tr("What you worked on, what changed, what you take with you.")
        )
        self.summary.setTabChangesFocus(True)
        self.summary.setMinimumHeight(70)
        self.summary.setMaximumHeight(110)
        layout.addWidget(buddy_label(self.tr("Closing &summary (optional)"), self.summary))
        layout.addWidget(self.summary)
        layout.addWidget(
            self._hint(
                self.tr("The summary reaches {0} with your next update to them.").format(
                    self._partner
                )
            )
        )

        self.reason = QPlainTextEdit(body)
        self.reason.setAccessibleName(self.tr("Reason, stays on this computer, never shared"))
        self.reason.setTabChangesFocus(True)
        self.reason.setMinimumHeight(50)
        self.reason.setMaximumHeight(70)
        layout.addWidget(
            buddy_label(self.tr("&Reason (stays on this computer, never shared)"), self.reason)
        )
        layout.addWidget(self.reason)
        layout.addWidget(self._hint(self.tr("Optional. Only you will ever see it.")))

        layout.addSpacing(6)
        self.export_button = QPushButton(self.tr("E&xport my record…"), body)
        self.export_button.setAccessibleName(self.tr("Export my record"))
        self.export_button.clicked.connect(self.export)
        self.export_status = self._hint(
            self.tr(
                "Before you decide, you can keep a copy of your record outside the app "
                "(not encrypted)."
            )
        )
        layout.addWidget(self.export_status)
        layout.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignLeft)

        layout.addSpacing(6)
        choice_label = QLabel(self.tr("Your copy of this pair"), body)
        choice_label.setStyleSheet("font-weight: 600;")
        layout.addWidget(choice_label)
        self.keep = QRadioButton(self.tr("&Keep my copy, read-only"), body)
        self.keep.setAccessibleName(self.tr("Keep my copy, read-only"))
        self.keep.setChecked(True)
        self.destroy_choice = QRadioButton(self.tr("&Destroy my copy of this pair"), body)
        self.destroy_choice.setAccessibleName(self.tr("Destroy my copy of this pair"))
        self.choices = QButtonGroup(self)
        self.choices.addButton(self.keep)
        self.choices.addButton(self.destroy_choice)
        layout.addWidget(self.keep)
        layout.addWidget(self._hint(self.tr("You can still read and export it.")))
        layout.addWidget(self.destroy_choice)

        self.destroy_box = QFrame(body)
        box_layout = QVBoxLayout(self.destroy_box)
        box_layout.setContentsMargins(24, 0, 0, 0)
        warning = warning_box(
            self.tr(
                "This erases everything of this pair from this computer: meetings, "
                "agenda, goals, actions and all notes, your private ones too. It cannot "
                "be undone. Backups you made earlier still contain it. {0}'s own copy "
                "is not affected."
            ).format(self._partner),
            self.destroy_box,
        )
        self.confirm = QLineEdit(self.destroy_box)
        self.confirm.setAccessibleName(self.tr("Type to confirm destroying"))
        confirm_label = buddy_label(
            self.tr("T&ype {0} or the word {1} to confirm:").format(
                self._partner.replace("&", "&&"), DESTROY_WORD
            ),
            self.confirm,
        )
        # The partner's name is what a person typed: never interpret it as HTML.
        for label in (*warning.findChildren(QLabel), confirm_label):
            label.setTextFormat(Qt.TextFormat.PlainText)
        box_layout.addWidget(warning)
        box_layout.addWidget(confirm_label)
        box_layout.addWidget(self.confirm)
        layout.addWidget(self.destroy_box)
        layout.addStretch(1)

        self.scroll_area = scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)

        self.buttons = QDialogButtonBox(self)
        self.end_button = self.buttons.addButton(
            self.tr("&End mentoring"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.end_button.setAccessibleName(self.tr("End mentoring"))
        self.end_button.setObjectName("primary")
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 12)
        outer.addWidget(scroll, 1)
        button_row = QVBoxLayout()
        button_row.setContentsMargins(20, 0, 20, 0)
        button_row.addWidget(self.buttons)
        outer.addLayout(button_row)

        self.destroy_choice.toggled.connect(self._update)
        self.confirm.textChanged.connect(self._update)
        self._update()
        self.summary.setFocus()

    def _hint(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setObjectName("hint")
        label.setWordWrap(True)
        return label

    @property
    def destroying(self) -> bool:
        """The person chose to destroy their copy."""
        return self.destroy_choice.isChecked()

    def confirmed(self) -> bool:
        """Destroying is confirmed by typing the partner's name or DESTROY exactly."""
        typed = self.confirm.text().strip()
        return typed in (DESTROY_WORD, self._partner)

    def _update(self) -> None:
        shown = self.destroy_box.isVisibleTo(self)
        self.destroy_box.setVisible(self.destroying)
        if self.destroying and not shown:
            # The warning and the field appear below the fold on small screens; scroll
            # once the layout has made room for them.
            QTimer.singleShot(0, lambda: self.scroll_area.ensureWidgetVisible(self.confirm))
        self.end_button.setEnabled(not self.destroying or self.confirmed())
        self.end_button.setText(
            self.tr("&End mentoring and destroy my copy")
            if self.destroying
            else self.tr("&End mentoring")
        )

    # ------------------------------------------------------------- commands
    def export(self) -> None:
        """Export my record (after the not-encrypted warning) and say where it went."""
        my_name = self.context.workspace.vault.display_name()
        paths = export_with_warning(self, self.context.state, my_name)
        if paths is None:
            return
        self.exported = paths
        self.export_status.setText(
            self.tr("Your record was exported to {0} as {1} and {2}.").format(
                paths[0].parent, paths[0].name, paths[1].name
            )
        )

    def accept(self) -> None:  # QDialog.accept
        """Record the end, then keep this copy read-only or destroy it."""
        if self.destroying and not self.confirmed():
            return
        changes: list[tuple[EventKind, dict[str, object]]] = [
            (EventKind.RELATIONSHIP_ENDED, {"summary": self.summary.toPlainText().strip()})
        ]
        reason = self.reason.toPlainText().strip()
        if reason:
            # Allowed after the end by the rules; it is local-only and never sent.
            changes.append((EventKind.ENDING_REASON, {"reason": reason}))
        workspace, pair_id = self.context.workspace, self.context.pair_id
        try:
            workspace.record_many(pair_id, changes)
        except (RuleViolation, KnownError) as exc:
            message = exc.message if isinstance(exc, KnownError) else str(exc)
            QMessageBox.warning(self, self.tr("Not ended"), message)
            return
        self.outcome = KEPT
        if self.destroying:
            try:
                workspace.destroy_pair(pair_id)
            except KnownError as exc:
                QMessageBox.warning(
                    self,
                    self.tr("Copy not destroyed"),
                    self.tr(
                        "The mentoring has ended and your copy is read-only, but it could "
                        "not be destroyed: {0}"
                    ).format(exc.message),
                )
            else:
                self.outcome = DESTROYED
        super().accept()
