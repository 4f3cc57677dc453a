"""Start the app headless and time how long its window takes to appear.

    python packaging/startup.py [--runs 5] [--demo] [--language de] -- COMMAND [ARGS...]

Each run gets a fresh, empty home (so no real vault, settings or log is
touched), ``QT_QPA_PLATFORM=offscreen`` unless a display is asked for, and,
without ``--demo``, ``--vault`` pointing at a locked vault made beforehand, so
the window that appears is the unlock page. The time counts from starting the
process to the "main window shown" line in the app's log; then the app is sent
SIGTERM, which closes it normally. Prints each time and the median; exits 1 if
the window never appears (a frozen build missing a Qt plugin, say), which is
why CI runs it on the bundle. With ``--language de`` the app starts in German
(``LANGUAGE`` and ``LC_ALL``) and the run fails unless the log says the German
translation loaded: a bundle without ``mentorpair_de.qm`` fails.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHOWN = "main window shown"
ROOT = Path(__file__).resolve().parent.parent


def make_vault(folder: Path) -> None:
    """A closed vault with the floor key settings (start-up, not unlocking, is timed)."""
    sys.path.insert(0, str(ROOT))  # the checkout's package, installed or not
    from mentorpair.crypto import kdf
    from mentorpair.storage.vault import Vault

    Vault.create(folder, "startup timing passphrase", "Timing", params=kdf.minimum_params).close()


def time_one(
    command: list[str], home: Path, timeout: float, display: bool, language: str = ""
) -> float:
    """Seconds from start to the window being shown in one run.

    Raises:
        RuntimeError: the app exited or did not show its window in time.
    """
    env = dict(os.environ)
    for var, sub in (
        ("XDG_DATA_HOME", "data"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_CACHE_HOME", "cache"),
    ):
        (home / sub).mkdir(parents=True, exist_ok=True)
        env[var] = str(home / sub)
    env["HOME"] = str(home)
    if not display:
        env["QT_QPA_PLATFORM"] = "offscreen"
    if language:
        env["LANGUAGE"] = language
        env["LC_ALL"] = f"{language}_{language.upper()}.UTF-8"
    start = time.perf_counter()
    process = subprocess.Popen(  # noqa: S603 - the command line of whoever runs this
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        while time.perf_counter() - start < timeout:
            for log in home.rglob("mentorpair.log"):
                text = log.read_text(encoding="utf-8", errors="replace")
                if SHOWN in text:
                    seconds = time.perf_counter() - start
                    if language and f"window language {language}: translation loaded" not in text:
                        raise RuntimeError(f"the window did not load its {language} translation")
                    return seconds
            if process.poll() is not None:
                err = process.stderr.read().decode(errors="replace") if process.stderr else ""
                raise RuntimeError(f"the app exited with {process.returncode}: {err.strip()}")
            time.sleep(0.005)
        raise RuntimeError(f"no window after {timeout:.0f} s")
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def main(argv: list[str] | None = None) -> int:
    """Time the runs; return 0 if the window appeared every time."""
    parser = argparse.ArgumentParser(description="Time the app's start-up to its window.")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per run")
    parser.add_argument("--demo", action="store_true", help="start the demo instead")
    parser.add_argument("--display", action="store_true", help="use $DISPLAY, not offscreen")
    parser.add_argument("--language", default="", help="start in this language and check it")
    parser.add_argument("command", nargs="+", help="how to start the app")
    args = parser.parse_args(argv)

    scratch = Path(tempfile.mkdtemp(prefix="mentorpair-startup-"))
    try:
        extra = ["--demo"]
        if not args.demo:
            make_vault(scratch / "vault")
            extra = ["--vault", str(scratch / "vault")]
        times = []
        for run in range(args.runs):
            home = scratch / f"home{run}"
            try:
                times.append(
                    time_one(args.command + extra, home, args.timeout, args.display, args.language)
                )
            except RuntimeError as exc:
                print(f"run {run + 1}: {exc}", file=sys.stderr)
                return 1
            print(f"run {run + 1}: {times[-1]:.3f} s")
        print(f"median of {len(times)}: {statistics.median(times):.3f} s")
        return 0
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
