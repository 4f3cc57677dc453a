"""Helpers for the feedback tests: one coordinator key per session, schemes, a vault."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from mentorpair.crypto.hybrid import HybridKeyPair
from mentorpair.feedback.scheme import Period, Scheme, new_scheme
from mentorpair.feedback.submission import Response

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


def words_sent(response: Response) -> str:
    """Every field of an opened feedback file where a person's words could go, as text.

    The scheme id and the token are left out: they are random hex, where a
    4-digit number turns up in their 96 digits in about one file in a hundred.
    """
    doc = json.loads(response.to_plaintext())
    del doc["scheme"], doc["token"]
    return json.dumps(doc, ensure_ascii=False)


def assert_not_in_sealed(secret: str, raw: bytes) -> None:
    """``secret`` is not in a sealed file's bytes, where that can be told from chance.

    Sealed bytes are random: a 3-byte name ("Tom") turns up in 16 KiB of them
    about once in a thousand files, a 6-byte one practically never. Shorter
    secrets are checked in the opened file (:func:`words_sent`) only.
    """
    if len(secret.encode()) >= 6:
        assert secret.encode() not in raw, secret
