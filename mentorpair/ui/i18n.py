"""Which language the window speaks: our translations, Qt's own, and the date locale.

The language is chosen once, before the first window is built (Preferences
say a change applies on the next start), because Qt widgets do not re-read
their texts by themselves. English is the source language and needs no file.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from mentorpair.resources import resource_path

from mentorpair.ui.settings import LanguageChoice

__all__ = ["SHIPPED_LANGUAGES", "apply_language", "date_locale", "remove_language", "resolve"]

log = logging.getLogger(__name__)

# Languages with a complete translation; English is built in.
SHIPPED_LANGUAGES = ("en", "de")

_LANGUAGES = {"en": QLocale.Language.English, "de": QLocale.Language.German}


class _Current:
    """The language in use and the translators installed for it (one app, one language)."""

    language = "en"
    translators: list[QTranslator] = []  # noqa: RUF012 - replaced, never mutated


def resolve(choice: LanguageChoice, system: QLocale | None = None) -> str:
    """The language to use: the chosen one, or the system's if we ship it, else English."""
    if choice is not LanguageChoice.SYSTEM:
        return str(choice.value)
    name: str = (system or QLocale.system()).name().split("_")[0]
    return name if name in SHIPPED_LANGUAGES else "en"


def date_locale() -> QLocale:
    """The locale for day and month names, matching the window's language.

    The territory stays the system's so the calendar keeps the person's first
    day of the week; the language never mixes with the window's words.
    """
    language = _LANGUAGES.get(_Current.language, QLocale.Language.English)
    return QLocale(language, QLocale.system().territory())


def apply_language(app: QCoreApplication, language: str) -> None:
    """Install the translators for ``language`` and make its locale the default.

    Call before building any window. A missing Qt translation (some Qt
    builds ship none) leaves Qt's own buttons in English; ours is bundled.
    """
    remove_language(app)
    _Current.language = language if language in SHIPPED_LANGUAGES else "en"
    QLocale.setDefault(date_locale())
    if _Current.language == "en":
        return
    installed: list[QTranslator] = []
    ours = QTranslator(app)
    try:
        ours_file = str(resource_path("translations", f"mentorpair_{language}.qm"))
    except FileNotFoundError:
        ours_file = ""  # English is better than no window; the log says why
    if ours_file and ours.load(ours_file):
        installed.append(ours)
        # Start-up checks (packaging/startup.py --language) read this line.
        log.info("window language %s: translation loaded", language)
    else:
        # The bundle once left the file out and the app stayed English, silently.
        log.warning("window language %s: its translation file is missing", language)
    qt = QTranslator(app)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(f"qtbase_{language}", qt_folder):
        installed.append(qt)
    else:
        log.info("no Qt base translation for the chosen language")
    for translator in installed:
        app.installTranslator(translator)
    _Current.translators = installed


def remove_language(app: QCoreApplication) -> None:
    """Back to English: remove our translators and the default locale (tests use this)."""
    for translator in _Current.translators:
        app.removeTranslator(translator)
        translator.deleteLater()
    _Current.translators = []
    _Current.language = "en"
    QLocale.setDefault(date_locale())
