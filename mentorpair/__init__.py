"""mentorpair: private notes, agenda and goals for a mentor and mentee.

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
