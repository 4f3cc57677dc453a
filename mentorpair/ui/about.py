"""The About dialog: version, licence, the person's fingerprint and the security page.

The licence and docs/SECURITY.md are shown from bundled copies in a text
browser, so both read the same offline, from source and in a frozen build.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from mentorpair import APP_TITLE, __version__
from mentorpair.crypto.identity import fingerprint
from mentorpair.resources import resource_path
from mentorpair.storage.vault import Vault

__all__ = ["CLIPBOARD_CLEAR_MS", "AboutDialog", "DocumentDialog"]

# The copied fingerprint leaves the clipboard after this long, if still there.
CLIPBOARD_CLEAR_MS = 60_000


class DocumentDialog(QDialog):
    """A bundled document (plain text or Markdown) in a read-only, offline browser."""

    def __init__(
        self, title: str, text: str, markdown: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(720, 560)
        self.browser = QTextBrowser(self)
        self.browser.setAccessibleName(title)
        # Relative links point into the source tree, which a frozen build lacks;
        # we follow in-page anchors and hand web links to the browser ourselves.
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._follow)
        if markdown:
            self.browser.setMarkdown(text)
        else:
            self.browser.setPlainText(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        for button in buttons.buttons():
            button.setAccessibleName(button.text().replace("&", ""))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)

    def _follow(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https"):
            QDesktopServices.openUrl(url)
        elif url.hasFragment() and not url.path():
            self.browser.scrollToAnchor(url.fragment())


class AboutDialog(QDialog):
    """What this app is, under which licence, and (unlocked) whose keys it holds.

    Attributes:
        fingerprint: the person's security fingerprint, or None while locked.
        document: the licence or security page last opened from here, if any.
    """

    def __init__(self, vault: Vault | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About {0}").format(APP_TITLE))
        self.document: DocumentDialog | None = None
        self.fingerprint = fingerprint(vault.identity().public()) if vault is not None else None

        title = QLabel(APP_TITLE, self)
        title.setObjectName("heading")
        self.version_label = QLabel(self.tr("Version {0}").format(__version__), self)
        self.version_label.setObjectName("subheading")
        self.version_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        description = QLabel(
            self.tr(
                "Private, end-to-end encrypted notes, agenda and goals for one mentor and "
                "one mentee."
            ),
            self,
        )
        description.setWordWrap(True)

        licence_box = QGroupBox(self.tr("Licence"), self)
        licence = QLabel(
            self.tr(
                "Mentorpair is free software under the GNU General Public License, version 3 "
                "or later (GPL-3.0-or-later): you may use, study, share and change it. It "
                "comes with no warranty."
            ),
            licence_box,
        )
        licence.setWordWrap(True)
        self.licence_button = QPushButton(self.tr("Show &licence"), licence_box)
        self.licence_button.setAccessibleName(self.tr("Show licence"))
        self.licence_button.setAutoDefault(False)
        self.licence_button.clicked.connect(self.show_licence)
        licence_layout = QVBoxLayout(licence_box)
        licence_layout.addWidget(licence)
        licence_layout.addWidget(self.licence_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.security_button = QPushButton(self.tr("How mentorpair &protects you"), self)
        self.security_button.setObjectName("link")
        self.security_button.setAccessibleName(self.tr("How mentorpair protects you"))
        self.security_button.setAutoDefault(False)
        self.security_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.security_button.clicked.connect(self.show_security)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        for button in buttons.buttons():
            button.setAccessibleName(button.text().replace("&", ""))
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(self.version_label)
        layout.addWidget(description)
        layout.addWidget(licence_box)
        self.fingerprint_label: QLabel | None = None
        self.copy_button: QPushButton | None = None
        if self.fingerprint is not None:
            layout.addWidget(self._fingerprint_box(self.fingerprint))
        layout.addWidget(self.security_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    def _fingerprint_box(self, digits: str) -> QGroupBox:
        box = QGroupBox(self.tr("Your security fingerprint"), self)
        self.fingerprint_label = QLabel(digits, box)
        self.fingerprint_label.setObjectName("fingerprint")
        self.fingerprint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint_label.setAccessibleName(self.tr("Security fingerprint"))
        self.copy_button = QPushButton(self.tr("&Copy"), box)
        self.copy_button.setAccessibleName(self.tr("Copy security fingerprint"))
        self.copy_button.setAutoDefault(False)
        self.copy_button.clicked.connect(self.copy_fingerprint)
        explain = QLabel(
            self.tr(
                "These digits stand for your keys. Anyone may see them; the person you pair "
                "with compares them to be sure no one is in between."
            ),
            box,
        )
        explain.setObjectName("hint")
        explain.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.fingerprint_label, 1)
        row.addWidget(self.copy_button)
        box_layout = QVBoxLayout(box)
        box_layout.addLayout(row)
        box_layout.addWidget(explain)
        return box

    def copy_fingerprint(self) -> None:
        """Put the fingerprint on the clipboard, and take it off again later.

        The fingerprint is public, but a clipboard that keeps whatever was last
        copied is how things end up pasted where they were not meant to go.
        Only our own text is cleared: anything copied since is left alone.
        """
        if self.fingerprint is None:
            return
        digits = self.fingerprint
        clipboard = QGuiApplication.clipboard()
        clipboard.setText(digits)

        def clear_if_ours() -> None:
            if clipboard.text() == digits:
                clipboard.clear()

        # The clipboard, not this dialog, owns the timer: closing the dialog
        # must not keep the fingerprint on the clipboard for good.
        QTimer.singleShot(CLIPBOARD_CLEAR_MS, clipboard, clear_if_ours)

    def show_licence(self) -> None:
        """The full GPL text, from the bundled copy."""
        text = resource_path("docs", "LICENSE").read_text(encoding="utf-8")
        self._open(DocumentDialog(self.tr("Licence"), text, markdown=False, parent=self))

    def show_security(self) -> None:
        """docs/SECURITY.md, from the bundled copy: who we defend against and how."""
        text = resource_path("docs", "SECURITY.md").read_text(encoding="utf-8")
        title = self.tr("How mentorpair protects you")
        self._open(DocumentDialog(title, text, markdown=True, parent=self))

    def _open(self, dialog: DocumentDialog) -> None:
        if self.document is not None:
            self.document.close()
            self.document.deleteLater()
        self.document = dialog
        dialog.show()
