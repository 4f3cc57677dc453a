"""Build the desktop bundle: ``python packaging/build.py`` from anywhere.

Runs PyInstaller with ``packaging/mentorpair.spec`` into ``build/`` (scratch)
and ``dist/`` (the result), both git-ignored, then prints the bundle's size
and how long the build took, so a change that bloats the bundle shows in CI.
Needs the ``package`` extra: ``pip install -e '.[package]'``.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "mentorpair.spec"


def folder_size(folder: Path) -> int:
    """Bytes of every file under ``folder`` (links not followed, so nothing counts twice)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def bundle_folder(dist: Path) -> Path:
    """Where the build put the app: the ``.app`` on macOS, the one folder elsewhere."""
    app = dist / "mentorpair.app"
    return app if sys.platform == "darwin" and app.exists() else dist / "mentorpair"


def main(argv: list[str] | None = None) -> int:
    """Run PyInstaller; return its exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="scratch folder")
    parser.add_argument(
        "--max-mb", type=float, default=0.0, help="fail if the bundle is larger (CI: 110)"
    )
    args = parser.parse_args(argv)

    start = time.perf_counter()
    result = subprocess.run(  # noqa: S603 - our own interpreter and spec, no user input
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level=WARN",
            f"--distpath={args.dist}",
            f"--workpath={args.work}",
            str(SPEC),
        ],
        cwd=ROOT,
        check=False,
    )
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        print(f"build failed after {seconds:.0f} s", file=sys.stderr)
        return result.returncode
    bundle = bundle_folder(args.dist)
    size_mb = folder_size(bundle) / 1_000_000
    print(f"built {bundle.relative_to(ROOT) if bundle.is_relative_to(ROOT) else bundle}")
    print(f"bundle size: {size_mb:.1f} MB")
    print(f"build time: {seconds:.0f} s")
    if args.max_mb and size_mb > args.max_mb:
        print(f"the bundle is larger than {args.max_mb:.0f} MB", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
