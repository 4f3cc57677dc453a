"""Helpers for the feedback tests: one coordinator key per session, schemes, a vault."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from mentorpair.crypto.hybrid import HybridKeyPair
from mentorpair.feedback.scheme import Period, Scheme, new_scheme

PERIOD_H1 = Period("2026-H1", "January to June 2026", date(2026, 1, 1), date(2026, 6, 30))
PERIOD_H2 = Period("2026-H2", "July to December 2026", date(2026, 7, 1), date(2026, 12, 31))
#: Good enough for tests; never a real person's passphrase.
COORDINATOR_PASSPHRASE = "marble quince lighthouse fennel 7"


def make_scheme(keypair: HybridKeyPair, name: str = "North London GP Mentoring", **kw) -> Scheme:
    return new_scheme(name, keypair.public_bytes(), kw.pop("periods", [PERIOD_H1, PERIOD_H2]), **kw)


def write_scheme(folder: Path, scheme: Scheme, name: str = "scheme.mpscheme") -> Path:
    path = folder / name
    path.write_text(scheme.to_json(), encoding="utf-8")
    return path
