"""Entry script of the frozen app: PyInstaller starts here, as pip's ``mentorpair`` command does."""

from __future__ import annotations

import sys

from mentorpair.cli import main

if __name__ == "__main__":
    sys.exit(main())
