"""Where ``mentorpair --demo`` starts: two throwaway vaults of an invented pair.

:class:`~mentorpair.demo.session.DemoSession` creates the mentee's and the
mentor's vaults in a temporary folder, fills each with
:func:`~mentorpair.demo.history.fill_demo` and pairs them; the people come
from :mod:`mentorpair.demo.people`. Plain Python, no Qt: the window opens a
session like any vault.
"""

from __future__ import annotations

from mentorpair.demo.history import fill_demo
from mentorpair.demo.people import DEMO_PASSPHRASE, load_demo_data
from mentorpair.demo.session import DemoSession

__all__ = ["DEMO_PASSPHRASE", "DemoSession", "fill_demo", "load_demo_data"]
