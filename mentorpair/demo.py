"""``--demo``: a throwaway vault in a temporary folder, filled with example data.

It opens without a prompt and its folder is deleted when the app exits. Its
passphrase is :data:`DEMO_PASSPHRASE`, shown on the unlock page, so a
newcomer can try locking and unlocking too: the data is invented, there is
nothing to protect.
"""

from __future__ import annotations

import json
import logging
import shutil
import tempfile
from pathlib import Path
from types import TracebackType
from typing import Any

from mentorpair.crypto import kdf
from mentorpair.resources import resource_path
from mentorpair.storage.vault import Vault

__all__ = ["DEMO_PASSPHRASE", "DemoSession", "load_demo_data"]

log = logging.getLogger(__name__)

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


class DemoSession:
    """Owns the temporary folder and the demo vault; cleans both up on exit.

    Attributes:
        folder: the temporary folder (removed by :meth:`cleanup`).
        vault: the open demo vault.
    """

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="mentorpair-demo-"))
        try:
            data = load_demo_data()
            # The floor profile: this vault is thrown away, so skip calibration.
            self.vault = Vault.create(
                self.folder / "vault",
                DEMO_PASSPHRASE,
                data["viewer"]["display_name"],
                params=kdf.minimum_params,
            )
        except BaseException:
            shutil.rmtree(self.folder, ignore_errors=True)
            raise
        log.info("demo vault created")

    def cleanup(self) -> None:
        """Close the vault and delete the folder; safe to call twice."""
        if not self.vault.closed:
            self.vault.close()
        if self.folder.exists():
            shutil.rmtree(self.folder, ignore_errors=True)
            log.info("demo vault deleted")

    def __enter__(self) -> DemoSession:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.cleanup()
