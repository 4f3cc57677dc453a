"""The Coordinator window: Report, New scheme and Collector, side by side as tabs.

Opened from File ▸ Coordinator… whether or not a vault exists or is unlocked:
a scheme coordinator (or its collector) may not be a mentor at all, and
nothing here touches the vault.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QTabWidget, QWidget

from mentorpair.ui.coordinator.collector_page import CollectorPage
from mentorpair.ui.coordinator.report_page import ReportPage
from mentorpair.ui.coordinator.scheme_form import SchemeForm

__all__ = ["CoordinatorWindow"]


class CoordinatorWindow(QMainWindow):
    """Make a scheme, read its feedback into a report, or collect it as its collector."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Qt adds the application's display name ("— Mentorpair") itself.
        self.setWindowTitle(self.tr("Coordinator"))
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Coordinator"))
        self.tabs.setDocumentMode(True)
        self.scheme_form = SchemeForm(self.tabs)
        self.report_page = ReportPage(self.tabs)
        self.tabs.addTab(self.report_page, self.tr("&Report"))
        self.tabs.addTab(self.scheme_form, self.tr("&New scheme"))
        self.collector_page = CollectorPage(self.tabs)
        self.tabs.addTab(self.collector_page, self.tr("Collec&tor"))
        self.setCentralWidget(self.tabs)
        self.scheme_form.created.connect(self._offer_report)
        self.resize(1000, 760)

    def show_new_scheme(self) -> None:
        """Bring the New scheme tab forward."""
        self.tabs.setCurrentWidget(self.scheme_form)

    def _offer_report(self, made: object) -> None:
        """After making a scheme, its key file is the one to report on later."""
        key_path = getattr(made, "key_path", None)
        if key_path is not None and not self.report_page.key_edit.text():
            self.report_page.key_edit.setText(str(key_path))
