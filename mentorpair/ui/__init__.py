"""Everything that imports PySide6 lives here; the rest of mentorpair runs without Qt.

Modules:
    app: builds the QApplication and runs the main window.
    main_window: the window, its pages (welcome, unlock, workspace), menus, status line.
    welcome, unlock, workspace, preferences: the pages and the dialog.
    lock: the idle timer that locks the vault.
    settings: the non-secret settings kept in QSettings.
    theme: light and dark palettes that follow the system.
    workers: run slow work (key derivation) off the UI thread.
    crash: the crash handler and its dialog.
    widgets: small shared widgets (passphrase field, strength meter).
"""
