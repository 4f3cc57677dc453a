"""`python -m mentorpair` runs the same entry point as the `mentorpair` command."""

import sys

from mentorpair.cli import main

sys.exit(main())
