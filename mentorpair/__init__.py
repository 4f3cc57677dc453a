"""mentorpair: private notes, agenda and goals for a mentor and mentee.

Where things start:

* the desktop app: ``mentorpair`` and ``python -m mentorpair`` run
  :func:`mentorpair.cli.main`, which opens :func:`mentorpair.ui.app.run`;
* the demo (``--demo``): :mod:`mentorpair.demo`, two invented vaults;
* the coordinator's command (``mentorpair coordinator …``):
  :mod:`mentorpair.coordinator`;
* ``--self-check``: :mod:`mentorpair.selfcheck`.

Beside them, the process-wide helpers every layer may use: :mod:`errors`,
:mod:`logs`, :mod:`paths`, :mod:`resources` and :mod:`hardening`.
Packaging reads the name and version from here.
"""

__all__ = ["APP_ID", "APP_NAME", "APP_TITLE", "ORGANISATION", "__version__"]

__version__ = "0.1.0"

#: Machine name: folders, settings keys, the console command.
APP_NAME = "mentorpair"
#: What people see in title bars and menus.
APP_TITLE = "Mentorpair"
#: Settings and data folders are grouped under this name on every platform.
ORGANISATION = "mentorpair"
#: Reverse-DNS id: the .desktop file, AppStream metainfo and Wayland's app id.
APP_ID = "io.github.mentorpair.Mentorpair"
