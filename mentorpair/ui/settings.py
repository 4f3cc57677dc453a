"""The non-secret settings, kept in QSettings (an INI file in the config folder).

Only choices that say nothing about a person live here: theme, idle timeout,
window geometry. Never names, paths of vaults, or anything from inside the
vault (tests/ui/test_privacy.py scans the file for canaries).
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QByteArray, QSettings

from mentorpair import APP_NAME, ORGANISATION
from mentorpair.paths import settings_folder

__all__ = [
    "IDLE_MAX",
    "IDLE_MIN",
    "LanguageChoice",
    "Settings",
    "ThemeChoice",
    "configure_settings_storage",
]

SETTINGS_VERSION = 1
IDLE_DEFAULT = 5
IDLE_MIN = 1
IDLE_MAX = 120
REMINDER_DEFAULT = 60
REMINDER_MAX = 24 * 60
NUDGE_DEFAULT = 3
NUDGE_MAX = 30


class ThemeChoice(Enum):
    """Which palette to use (HIGH_CONTRAST: black and white for low vision)."""

    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"
    HIGH_CONTRAST = "high_contrast"


class LanguageChoice(Enum):
    """Which language the window speaks (the values are locale names)."""

    SYSTEM = "system"
    ENGLISH = "en"
    GERMAN = "de"


def configure_settings_storage() -> None:
    """Store settings as INI in our config folder on every platform.

    INI rather than the Windows registry or macOS plist keeps them in one file
    we can test and that a person can inspect.
    """
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(settings_folder().parent)
    )


class Settings:
    """Typed access to the settings, with defaults and bounds."""

    def __init__(self) -> None:
        configure_settings_storage()
        self._qs = QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APP_NAME
        )
        if self._qs.value("settings_version") is None:
            self._qs.setValue("settings_version", SETTINGS_VERSION)

    @property
    def file_name(self) -> str:
        """Where the settings are stored (for tests and support)."""
        return self._qs.fileName()

    @property
    def idle_minutes(self) -> int:
        """Minutes without input before the vault locks itself."""
        try:
            value = int(str(self._qs.value("security/idle_minutes", IDLE_DEFAULT)))
        except ValueError:
            return IDLE_DEFAULT
        return max(IDLE_MIN, min(IDLE_MAX, value))

    @idle_minutes.setter
    def idle_minutes(self, minutes: int) -> None:
        self._qs.setValue("security/idle_minutes", max(IDLE_MIN, min(IDLE_MAX, int(minutes))))

    @property
    def theme(self) -> ThemeChoice:
        """Light, dark, or whatever the system uses."""
        try:
            return ThemeChoice(str(self._qs.value("appearance/theme", ThemeChoice.SYSTEM.value)))
        except ValueError:
            return ThemeChoice.SYSTEM

    @theme.setter
    def theme(self, choice: ThemeChoice) -> None:
        self._qs.setValue("appearance/theme", choice.value)

    @property
    def language(self) -> LanguageChoice:
        """English, German, or the system's language (read once, at start)."""
        try:
            return LanguageChoice(
                str(self._qs.value("appearance/language", LanguageChoice.SYSTEM.value))
            )
        except ValueError:
            return LanguageChoice.SYSTEM

    @language.setter
    def language(self, choice: LanguageChoice) -> None:
        self._qs.setValue("appearance/language", choice.value)

    def _bounded_int(self, key: str, default: int, low: int, high: int) -> int:
        try:
            value = int(str(self._qs.value(key, default)))
        except ValueError:
            return default
        return max(low, min(high, value))

    @property
    def reminder_minutes(self) -> int:
        """Minutes before a meeting for the tray reminder (0: no reminder)."""
        return self._bounded_int("reminders/minutes_before", REMINDER_DEFAULT, 0, REMINDER_MAX)

    @reminder_minutes.setter
    def reminder_minutes(self, minutes: int) -> None:
        self._qs.setValue("reminders/minutes_before", max(0, min(REMINDER_MAX, int(minutes))))

    @property
    def agenda_nudge_days(self) -> int:
        """Days before a meeting to remind a mentee to prepare the agenda (0: never)."""
        return self._bounded_int("reminders/agenda_days_before", NUDGE_DEFAULT, 0, NUDGE_MAX)

    @agenda_nudge_days.setter
    def agenda_nudge_days(self, days: int) -> None:
        self._qs.setValue("reminders/agenda_days_before", max(0, min(NUDGE_MAX, int(days))))

    def window_geometry(self) -> QByteArray | None:
        """The main window's last size and position, if saved."""
        value = self._qs.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def set_window_geometry(self, geometry: QByteArray) -> None:
        """Remember the main window's size and position."""
        self._qs.setValue("window/geometry", geometry)

    def sync(self) -> None:
        """Write pending changes to disk now."""
        self._qs.sync()
