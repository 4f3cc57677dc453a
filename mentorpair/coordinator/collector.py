"""``mentorpair coordinator collector init|receive|release|status``: the collector's side.

The collector needs no vault and never sees an answer. ``init`` makes their
keys and the card to give the coordinator; ``receive`` takes feedback files
(files or folders of them) into a store folder, keeping the newest per
person, pair and period; ``release`` writes a signed batch for every period
with at least the scheme's smallest group of new people; ``status`` says what
is waiting. Every count printed here is of files the collector was sent:
they know that much already, from who sent them.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from mentorpair.coordinator.passphrase import read_passphrase
from mentorpair.domain.passphrase import assess
from mentorpair.errors import NotFound, PassphraseRejected
from mentorpair.feedback.batches import receive, release, status
from mentorpair.feedback.collector import CollectorKeys, init_collector, open_collector_key
from mentorpair.feedback.folder import list_candidates
from mentorpair.feedback.scheme import Scheme, load_scheme
from mentorpair.storage.oserrors import translate_os_errors

__all__ = ["add_collector_commands"]


def add_collector_commands(commands: Any) -> None:
    """Add ``collector`` and its own commands to the coordinator's subcommands."""
    collector = commands.add_parser(
        "collector",
        help="a collector's tools: make keys, receive feedback files, release batches",
        description=(
            "For the person who receives feedback files and passes them to the coordinator "
            "only in batches. They cannot read any answer."
        ),
    )
    sub = collector.add_subparsers(dest="collector_command", metavar="COMMAND", required=True)
    init = _parser(sub, "init", "make your keys and the card to give the coordinator")
    init.add_argument("--name", required=True, help="how people will see you, e.g. your role")
    init.add_argument("--out", required=True, type=Path, metavar="DIR", help="folder to write to")
    _passphrase_option(init)
    init.set_defaults(handler=_init)

    take = _parser(sub, "receive", "take feedback files into your store (answers stay sealed)")
    _scheme_options(take)
    take.add_argument(
        "--in",
        dest="inputs",
        required=True,
        nargs="+",
        type=Path,
        metavar="PATH",
        help="feedback files, or folders holding them",
    )
    take.set_defaults(handler=_receive)

    give = _parser(sub, "release", "write a signed batch for each period with enough people")
    _scheme_options(give)
    give.add_argument(
        "--out", required=True, type=Path, metavar="DIR", help="folder for the coordinator"
    )
    give.set_defaults(handler=_release)

    show = _parser(sub, "status", "say how many files wait for a batch in each period")
    show.add_argument("--scheme", required=True, type=Path, metavar="FILE.mpscheme")
    show.add_argument("--store", required=True, type=Path, metavar="DIR")
    show.set_defaults(handler=_status)


def _parser(sub: Any, name: str, text: str) -> argparse.ArgumentParser:
    # No abbreviations: "--passphrase SECRET" must not pass as --passphrase-file.
    parser: argparse.ArgumentParser = sub.add_parser(
        name, allow_abbrev=False, help=text, description=text[0].upper() + text[1:] + "."
    )
    return parser


def _passphrase_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--passphrase-file",
        type=Path,
        metavar="F",
        help="read the passphrase from the first line of F instead of asking",
    )


def _scheme_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--key", required=True, type=Path, metavar="FILE.mpcollectorkey", help="your key file"
    )
    parser.add_argument(
        "--scheme", required=True, type=Path, metavar="FILE.mpscheme", help="the scheme file"
    )
    parser.add_argument(
        "--store", required=True, type=Path, metavar="DIR", help="your store folder for it"
    )
    _passphrase_option(parser)


def _init(args: argparse.Namespace) -> int:
    if args.out.exists() and not args.out.is_dir():
        raise NotFound("--out must be a folder. Nothing was made.")
    passphrase = read_passphrase(args.passphrase_file, confirm=True)
    strength = assess(passphrase, [args.name])
    if not strength.acceptable:
        raise PassphraseRejected(f"That passphrase is too easy to guess. {strength.advice}")
    with translate_os_errors():
        args.out.mkdir(mode=0o700, parents=True, exist_ok=True)
    created = init_collector(args.out, args.name, passphrase)
    print(f"Made your collector keys ({created.card.name}).")
    print(f"Give the coordinator: {created.card_path}")
    print(f"Keep safe (with your passphrase it signs your batches): {created.key_path}")
    return 0


def _open(args: argparse.Namespace) -> tuple[Scheme, CollectorKeys]:
    scheme = load_scheme(args.scheme)
    passphrase = read_passphrase(args.passphrase_file, confirm=False)
    keys = open_collector_key(args.key, passphrase)
    keys.check_for(scheme)
    return scheme, keys


def _receive(args: argparse.Namespace) -> int:
    paths: list[Path] = []
    for item in args.inputs:
        paths.extend(list_candidates(item) if item.is_dir() else [item])
    scheme, keys = _open(args)
    with translate_os_errors():
        args.store.mkdir(mode=0o700, parents=True, exist_ok=True)
    got = receive(args.store, scheme, keys, paths)
    print(
        f"Received {_n(got.new, 'new file')}, {_n(got.replaced, 'newer answer')} of someone "
        f"already here, {_n(got.older, 'older copy', 'older copies')} left out."
    )
    for skipped in got.skipped:
        print(f"  {skipped.name}: {skipped.reason}")
    return 0


def _release(args: argparse.Namespace) -> int:
    scheme, keys = _open(args)
    batches = release(args.store, scheme, keys, args.out)
    if not batches:
        print(
            f"Nothing to release yet: each batch needs at least {scheme.min_group} people the "
            "coordinator has not had. Nothing was written."
        )
        return 0
    for batch in batches:
        people = _n(batch.respondents, "person", "people")
        what = "answers" if batch.kind == "answers" else "comments, apart from the answers"
        print(f"Released {batch.folder.name}: {what} of {people}.")
    print(f"Give the coordinator the folder {args.out}.")
    return 0


def _status(args: argparse.Namespace) -> int:
    scheme = load_scheme(args.scheme)
    for period in status(args.store, scheme).periods:
        print(
            f"{period.period_id}: {_n(period.new, 'new person', 'new people')} and "
            f"{_n(period.updates, 'newer answer')} waiting; "
            f"{_n(period.batches, 'batch', 'batches')} released. "
            f"A batch needs {scheme.min_group} new people."
        )
    return 0


def _n(count: int, one: str, many: str | None = None) -> str:
    return f"{count:,} {one if count == 1 else (many or one + 's')}"
