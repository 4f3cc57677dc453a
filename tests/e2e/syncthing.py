"""Two real Syncthing instances on loopback that share folders: a real sync engine to test against.

Everything stays on 127.0.0.1: global and local discovery, relays, NAT
traversal and usage reporting are off, and each instance knows the other's
tcp address. Folders get a one-second watcher delay, and :meth:`Syncthing.settle`
asks both instances to scan at once instead of waiting for their timers.

Every wait polls against a deadline and fails with what it was waiting for;
:meth:`SyncthingPair.stop` shuts both instances down, by their own process
ids, whatever happened before. Debian's package (``apt-get install
syncthing``) is enough; the tests skip with that advice where it is missing.
(The approach is the one of the team's developer tool
``/work/shared/tools/syncthing_pair.py``, kept here so the tests need
nothing outside the repository.)
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["MISSING", "Syncthing", "SyncthingPair", "ours", "wait_until"]

#: Why the tests skip where the binary is missing (CI installs it in .ci/run).
MISSING = (
    "Debian's syncthing is not installed: `apt-get install syncthing` to run the end-to-end "
    "tests against a real sync engine (CI's .ci/run installs it)."
)
#: Files of ours in a shared folder: complete updates and our own temporary copies
#: (``atomic_write`` writes ``.<name>.<random>.tmp`` beside the update).
_OURS = re.compile(r"(\.)?[a-z2-7]{26}\.mpu(\..+\.tmp)?")
TIMEOUT = 60.0


def ours(folder: Path) -> set[str]:
    """The names in ``folder`` that mentorpair wrote (Syncthing's own files are not)."""
    return {p.name for p in folder.iterdir() if _OURS.fullmatch(p.name)}


def wait_until(what: str, condition: Callable[[], bool], timeout: float = TIMEOUT) -> None:
    """Poll ``condition`` until it holds; fail saying ``what`` after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(0.2)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@dataclass
class Syncthing:
    """One running instance, driven through its REST API.

    Attributes:
        name: "a" or "b".
        home: its configuration folder.
        gui: the REST API's port on 127.0.0.1.
        listen: the sync protocol's port on 127.0.0.1.
        apikey: the REST API key.
        device_id: its device id.
        process: the running ``syncthing serve``, or None before start.
    """

    name: str
    home: Path
    gui: int
    listen: int
    apikey: str
    device_id: str = ""
    process: subprocess.Popen[bytes] | None = None

    def api(self, method: str, path: str, body: object = None) -> Any:
        """Call the REST API; return its JSON answer (None when empty)."""
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.gui}{path}",
            data=data,
            method=method,
            headers={"X-API-Key": self.apikey, "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            raw = response.read()
        return json.loads(raw) if raw.strip() else None

    def generate(self) -> None:
        """Make its keys and a configuration that never leaves loopback."""
        self.home.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["syncthing", "generate", f"--home={self.home}", "--no-default-folder",
             "--skip-port-probing"],
            capture_output=True, check=True, timeout=TIMEOUT,
        )  # fmt: skip
        tree = ET.parse(self.home / "config.xml")
        root = tree.getroot()
        device, gui, options = root.find("device"), root.find("gui"), root.find("options")
        assert device is not None and gui is not None and options is not None
        self.device_id = str(device.get("id"))
        for key, value in {"address": f"127.0.0.1:{self.gui}", "apikey": self.apikey}.items():
            element = gui.find(key)
            assert element is not None
            element.text = value
        for key, value in {
            "listenAddress": f"tcp://127.0.0.1:{self.listen}",
            "globalAnnounceEnabled": "false",
            "localAnnounceEnabled": "false",
            "relaysEnabled": "false",
            "natEnabled": "false",
            "startBrowser": "false",
            "urAccepted": "-1",
            "autoUpgradeIntervalH": "0",
            "crashReportingEnabled": "false",
            "announceLANAddresses": "false",
        }.items():
            element = options.find(key)
            if element is None:
                element = ET.SubElement(options, key)
            element.text = value
        for element in options.findall("globalAnnounceServer"):
            element.text = ""
        tree.write(self.home / "config.xml")

    def start(self) -> None:
        """Run ``syncthing serve`` in its own session; wait until its API answers."""
        env = {**os.environ, "STNOUPGRADE": "1", "STNORESTART": "1"}
        self.process = subprocess.Popen(
            ["syncthing", "serve", f"--home={self.home}", "--no-browser", "--no-restart",
             f"--logfile={self.home / 'syncthing.log'}"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            env=env, start_new_session=True,
        )  # fmt: skip
        wait_until(f"syncthing {self.name} to answer", self._answers)

    def _answers(self) -> bool:
        assert self.process is not None
        if self.process.poll() is not None:
            raise AssertionError(f"syncthing {self.name} exited: {self.log_tail()}")
        try:
            self.api("GET", "/rest/system/ping")
        except (OSError, urllib.error.URLError):
            return False
        return True

    def stop(self) -> None:
        """Ask it to shut down; kill it (by its own pid) if it does not within 10 s."""
        if self.process is None or self.process.poll() is not None:
            return
        try:
            self.api("POST", "/rest/system/shutdown")
            self.process.wait(timeout=10)
        except (OSError, urllib.error.URLError, subprocess.TimeoutExpired):
            self.process.kill()
            self.process.wait(timeout=10)

    def log_tail(self) -> str:
        """The end of its log, for a failure message."""
        try:
            return (self.home / "syncthing.log").read_text(errors="replace")[-2000:]
        except OSError:
            return "(no log)"


class SyncthingPair:
    """Two connected instances; :meth:`share` adds a folder both send and receive.

    Attributes:
        base: where their homes and folders live.
        a, b: the two instances.
    """

    def __init__(self, base: Path) -> None:
        self.base = base
        self.a, self.b = (
            Syncthing(n, base / n / "syncthing", _free_port(), _free_port(), f"test-key-{n}")
            for n in ("a", "b")
        )

    @classmethod
    def start(cls, base: Path) -> SyncthingPair:
        """Start both instances and wait until they are connected (stops them on failure)."""
        if shutil.which("syncthing") is None:
            raise FileNotFoundError(MISSING)
        pair = cls(base)
        try:
            for side in (pair.a, pair.b):
                side.generate()
                side.start()
            for me, other in ((pair.a, pair.b), (pair.b, pair.a)):
                me.api("POST", "/rest/config/devices", {
                    "deviceID": other.device_id, "name": other.name,
                    "addresses": [f"tcp://127.0.0.1:{other.listen}"],
                })  # fmt: skip
            wait_until("the two syncthing instances to connect", pair._connected)
        except BaseException:
            pair.stop()
            raise
        return pair

    def _connected(self) -> bool:
        connections = self.a.api("GET", "/rest/system/connections")["connections"]
        return bool(connections.get(self.b.device_id, {}).get("connected"))

    def stop(self) -> None:
        """Stop both instances (each one even if the other fails to stop)."""
        try:
            self.a.stop()
        finally:
            self.b.stop()

    def share(self, folder_id: str) -> tuple[Path, Path]:
        """A new folder shared by both; return its path on side a and on side b."""
        paths = []
        for me, other in ((self.a, self.b), (self.b, self.a)):
            path = self.base / me.name / folder_id
            path.mkdir(parents=True)
            me.api("POST", "/rest/config/folders", {
                "id": folder_id, "label": folder_id, "path": str(path), "type": "sendreceive",
                "devices": [{"deviceID": me.device_id}, {"deviceID": other.device_id}],
                "fsWatcherEnabled": True, "fsWatcherDelayS": 1, "rescanIntervalS": 10,
            })  # fmt: skip
            paths.append(path)
        for side in (self.a, self.b):
            wait_until(
                f"folder {folder_id} to be ready on {side.name}", self._idle(side, folder_id)
            )
        return paths[0], paths[1]

    @staticmethod
    def _idle(side: Syncthing, folder_id: str) -> Callable[[], bool]:
        def idle() -> bool:
            status = side.api("GET", f"/rest/db/status?folder={folder_id}")
            return bool(status.get("state") == "idle")

        return idle

    def pause(self, side: Syncthing, folder_id: str, paused: bool = True) -> None:
        """Pause (or resume) a folder on one side: that partner is away."""
        side.api("PATCH", f"/rest/config/folders/{folder_id}", {"paused": paused})
        if not paused:
            wait_until(f"folder {folder_id} to resume on {side.name}", self._idle(side, folder_id))

    def settle(self, folder_id: str, timeout: float = TIMEOUT) -> None:
        """Scan both sides now; wait until both hold the same files of ours."""
        folder_a, folder_b = (self.base / n / folder_id for n in ("a", "b"))

        def same() -> bool:
            return ours(folder_a) == ours(folder_b)

        for side in (self.a, self.b):
            side.api("POST", f"/rest/db/scan?folder={folder_id}")
        wait_until(f"folder {folder_id} to hold the same files on both sides", same, timeout)
