"""The app's place on the desktop, beyond its own window.

Modules:
    notify: reminders where a person away from the window sees them (tray,
        the desktop's notification service, the taskbar).
    session_lock: lock the vault when the computer suspends or its screen locks.
    single_instance: a second launch brings the running window to the front.
    diagnostics: Qt's own warnings go to the app's log, with paths and quotes removed.
"""
