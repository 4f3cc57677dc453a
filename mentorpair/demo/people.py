"""The demo's invented people and its public passphrase.

Both the history (:mod:`mentorpair.demo.history`) and the session that opens
the demo vaults (:mod:`mentorpair.demo.session`) need the names; keeping them
here, below both, is what lets neither import the other.
"""

from __future__ import annotations

import json
from typing import Any

from mentorpair.resources import resource_path

__all__ = ["DEMO_PASSPHRASE", "load_demo_data"]

DEMO_FORMAT = "mentorpair-demo"
DEMO_VERSION = 1
#: Invented data needs no secret; the unlock page tells demo users this.
DEMO_PASSPHRASE = "mentorpair demo"  # noqa: S105 - public by design


def load_demo_data() -> dict[str, Any]:
    """The bundled example data (``resources/demo/demo.json``): invented people only."""
    data = json.loads(resource_path("demo", "demo.json").read_text(encoding="utf-8"))
    if data.get("format") != DEMO_FORMAT or data.get("version") != DEMO_VERSION:
        raise ValueError("demo data has an unexpected format")
    return dict(data)
