"""Where mentorpair keeps things on this computer (the platform's usual folders).

Everything goes through platformdirs, so tests redirect it all by pointing the
XDG variables (or their equivalents) at a temporary folder.
"""

from __future__ import annotations

from pathlib import Path

import platformdirs

from mentorpair import APP_NAME, ORGANISATION

__all__ = ["default_vault_folder", "log_folder", "settings_folder"]


def default_vault_folder() -> Path:
    """The vault used when ``--vault`` is not given."""
    return platformdirs.user_data_path(APP_NAME, ORGANISATION) / "vault"


def log_folder() -> Path:
    """Where the rotating log goes (it never holds personal data)."""
    return platformdirs.user_log_path(APP_NAME, ORGANISATION)


def settings_folder() -> Path:
    """Where the non-secret settings file goes."""
    return platformdirs.user_config_path(APP_NAME, ORGANISATION)
