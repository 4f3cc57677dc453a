"""The long fuzzing run, one command: ``python -m tests.fuzz``.

    python -m tests.fuzz [--count N] [--seed S] [--only NAME ...]
    python -m tests.fuzz --atheris NAME [libFuzzer options, e.g. -runs=100000]

Prints one line of figures per reader (inputs tried, refused, accepted,
untyped errors, writes after refusal) and the first offending inputs, and
exits 1 if any reader broke a promise. ``--atheris`` runs one reader under
atheris's coverage-guided engine instead, where atheris installs.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(argv: list[str]) -> int:
    """Build the world once, run every harness (or one under atheris), print the figures."""
    parser = argparse.ArgumentParser(prog="python -m tests.fuzz")
    parser.add_argument("--count", type=int, default=10_000, help="mutated inputs per reader")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--only", nargs="*", default=None)
    parser.add_argument("--atheris", metavar="NAME", default=None)
    args, rest = parser.parse_known_args(argv)

    from tests.fuzz.engine import Figures, campaign
    from tests.fuzz.targets import harnesses
    from tests.fuzz.world import cached_kdf, make_world

    with tempfile.TemporaryDirectory() as tmp, cached_kdf():
        # Fuzzing runs with the user folders pointed into the temporary folder too.
        for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
            Path(tmp, var).mkdir()
            os.environ[var] = str(Path(tmp, var))
        world = make_world(Path(tmp, "world"))
        try:
            chosen = [h for h in harnesses(world) if not args.only or h.name in args.only]
            if args.atheris:
                return _atheris(next(h for h in chosen if h.name == args.atheris), rest)
            broken = False
            for harness in chosen:
                started = time.monotonic()
                figures: Figures = campaign(harness, args.count, args.seed)
                print(f"{figures.line()}  ({time.monotonic() - started:.0f} s)", flush=True)
                for example in figures.examples:
                    print(f"    {example}")
                broken |= not figures.clean
            return 1 if broken else 0
        finally:
            world.close()


def _atheris(harness: object, rest: list[str]) -> int:
    """Run one harness under atheris (libFuzzer options in ``rest``)."""
    try:
        import atheris  # type: ignore[import-untyped,import-not-found,unused-ignore]
    except ImportError:
        print("atheris is not installed here: pip install atheris", file=sys.stderr)
        return 2
    from tests.fuzz.engine import Figures, Harness

    assert isinstance(harness, Harness)
    figures = Figures(harness.name)

    def one(data: bytes) -> None:
        harness.feed(data, figures)
        # libFuzzer ends the process itself, past any finally or atexit: report as we go.
        if figures.tried % 1000 == 0 or figures.tried & (figures.tried - 1) == 0:
            print(figures.line(), flush=True)
        if not figures.clean:
            print(figures.line(), *figures.examples, sep="\n    ")
            raise AssertionError("a promise was broken")

    # libFuzzer starts from the harness's seeds and keeps what widens coverage.
    corpus = Path(tempfile.mkdtemp(prefix=f"fuzz-{harness.name}-"))
    for n, seed in enumerate(harness.seeds):
        (corpus / f"seed-{n:03d}").write_bytes(seed)
    atheris.instrument_all()
    atheris.Setup([sys.argv[0], *rest, str(corpus)], one)
    atheris.Fuzz()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
