"""Read a folder of feedback files: thousands of them, some broken, none fatal.

A coordinator collects files by e-mail, on USB sticks or in a shared folder,
so the folder also holds things that are not ours, copies half-written by a
sync program, and files that were damaged on the way. Each file that cannot be
used is listed with a reason in plain words, by its name only, and the report
is built from the rest.

Skipped quietly (not listed): sub-folders, links, hidden files (a leading dot,
as sync programs and editors use for their own files) and files that are
still being written (``.tmp``, ``.part``, ``.partial``, ``.crdownload`` or a
trailing ``~``).

For a scheme with a collector only whole batches count: the folder (and each
folder directly inside it) may hold one batch the collector released, with
its signed manifest (``feedback/batches.py``). A batch with a file missing,
added or changed is left out whole, and so is any file outside a batch, so
no report can be made over one person more or less than another.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from mentorpair.crypto.hybrid import HybridKeyPair
from mentorpair.errors import CorruptFile, DiskError, KnownError, NotFound, PermissionDenied
from mentorpair.feedback.batches import (
    COMMENTS,
    MANIFEST_NAME,
    BatchRefused,
    Manifest,
    parse_manifest,
)
from mentorpair.feedback.envelope import (
    CommentRecord,
    open_released_bytes,
    open_released_comments,
)
from mentorpair.feedback.keystore import key_matches_scheme, open_key_file, scheme_path_beside
from mentorpair.feedback.report import Report, Skipped, build_report, scheme_info
from mentorpair.feedback.scheme import Scheme, load_scheme
from mentorpair.feedback.submission import (
    RELEASED_COMMENTS_SIZE,
    RELEASED_SIZE,
    Response,
    open_feedback_file,
)
from mentorpair.feedback.submission import SkippedFile as Unusable
from mentorpair.storage.oserrors import translate_os_errors

__all__ = [
    "FolderRead",
    "KeyNotForScheme",
    "ReadingStopped",
    "list_candidates",
    "open_scheme_key",
    "read_folder",
    "report_from_folder",
]

log = logging.getLogger(__name__)

#: Endings of files another program is still writing.
PARTIAL_ENDINGS = (".tmp", ".part", ".partial", ".crdownload", "~")

Progress = Callable[[int, int], None]


class ReadingStopped(KnownError):
    """The person stopped reading the folder; nothing was written."""

    default_message = "Reading the feedback folder was stopped. Nothing was changed."


class KeyNotForScheme(CorruptFile):
    """The key file and the scheme file were made for different schemes."""

    default_message = (
        "This scheme key does not belong to that scheme file. Use the scheme file that "
        "was made together with this key. Nothing was read."
    )


@dataclass(frozen=True)
class FolderRead:
    """What came out of a folder.

    Attributes:
        responses: every file that opened, duplicates included.
        skipped: files that did not, with the reason.
        files_read: every file looked at.
        batches: complete batches read (None when the scheme has no collector).
        comments: the free text from comments batches (None without a collector,
            when free text is in the responses).
    """

    responses: tuple[Response, ...]
    skipped: tuple[Skipped, ...]
    files_read: int
    batches: int | None = None
    comments: tuple[CommentRecord, ...] | None = None


def open_scheme_key(
    key_path: Path, passphrase: str, scheme_path: Path | None = None
) -> tuple[Scheme, HybridKeyPair]:
    """Open the coordinator's key and the public scheme file that goes with it.

    Args:
        key_path: the ``.mpschemekey`` file.
        passphrase: the coordinator's passphrase for it.
        scheme_path: the ``.mpscheme`` file; by default the one beside the key.

    Raises:
        WrongPassphrase: "That passphrase does not open this scheme key."
        KeyNotForScheme: the two files belong to different schemes.
        NotFound: a file is missing; CorruptFile, MadeByNewerVersion and the
            other reading errors as from the key store and the scheme parser.
    """
    if scheme_path is None:
        scheme_path = scheme_path_beside(key_path)
        if not scheme_path.is_file() and key_path.is_file():
            raise NotFound(
                "The scheme file that belongs to this key was not found beside it. Put the "
                ".mpscheme file in the same folder as the key file, or choose it."
            )
    scheme = load_scheme(scheme_path)
    scheme_id, keypair = open_key_file(key_path, passphrase)
    if not key_matches_scheme(scheme_id, keypair, scheme):
        raise KeyNotForScheme()
    return scheme, keypair


def list_candidates(folder: Path) -> list[Path]:
    """The files in ``folder`` that may be feedback, sorted by name.

    Raises:
        NotFound: the folder is not there (or is not a folder).
        PermissionDenied, DiskError: it cannot be listed.
    """
    return [Path(entry.path) for entry in _candidates(folder)]


def _candidates(folder: Path) -> list[os.DirEntry[str]]:
    """:func:`list_candidates` as directory entries.

    A report opens their paths as strings, without making and printing
    10,000 :class:`Path` objects (issue 12).
    """
    if not folder.is_dir():
        raise NotFound(
            "The feedback folder could not be found. Check that it is there and choose it again."
        )
    found: list[os.DirEntry[str]] = []
    with translate_os_errors(), os.scandir(folder) as entries:
        for entry in entries:
            name = entry.name
            if name.startswith(".") or name.endswith(PARTIAL_ENDINGS):
                continue
            if entry.is_file(follow_symlinks=False):
                found.append(entry)
    # The order sorted() gives the paths, by comparing names rather than 10,000 Paths.
    found.sort(key=_name_order)
    return found


def _name_order(entry: os.DirEntry[str]) -> str:
    """How :class:`Path` orders files of one folder: by name, case-blind on Windows."""
    return entry.name.lower() if os.name == "nt" else entry.name


def read_folder(
    folder: Path,
    scheme: Scheme,
    keypair: HybridKeyPair,
    progress: Progress | None = None,
    stop: Callable[[], bool] | None = None,
) -> FolderRead:
    """Open every candidate file; list the ones that do not open.

    Args:
        folder: the folder the coordinator collected the files in.
        scheme: the public scheme the files should belong to.
        keypair: the scheme's key pair, opened with the coordinator's passphrase.
        progress: called as ``progress(done, total)`` after each file, from the
            thread doing the work.
        stop: polled between files; returning True stops with
            :class:`ReadingStopped`.

    Raises:
        NotFound, PermissionDenied, DiskError: the folder itself cannot be read.
        ReadingStopped: ``stop`` asked for it.
    """
    if scheme.collector is not None:
        return read_batches(folder, scheme, keypair, progress, stop)
    entries = _candidates(folder)
    total = len(entries)
    if progress is not None:
        progress(0, total)
    responses: list[Response] = []
    skipped: list[Skipped] = []
    for done, entry in enumerate(entries, start=1):
        if stop is not None and stop():
            raise ReadingStopped()
        try:
            responses.append(open_feedback_file(entry.path, scheme, keypair))
        except Unusable as exc:
            skipped.append(Skipped(entry.name, exc.reason))
        except KnownError as exc:
            skipped.append(Skipped(entry.name, _reason(exc)))
        if progress is not None:
            progress(done, total)
    log.info("feedback folder read: %d files, %d skipped", total, len(skipped))
    return FolderRead(tuple(responses), tuple(skipped), total)


def report_from_folder(
    folder: Path,
    scheme: Scheme,
    keypair: HybridKeyPair,
    progress: Progress | None = None,
    stop: Callable[[], bool] | None = None,
) -> Report:
    """Read the folder and build the report: the one call the CLI and the window make."""
    read = read_folder(folder, scheme, keypair, progress, stop)
    return build_report(
        scheme_info(scheme),
        read.responses,
        read.skipped,
        read.files_read,
        read.batches,
        read.comments,
    )


NOT_IN_BATCH = "not in a batch released by the scheme's collector"


def read_batches(
    folder: Path,
    scheme: Scheme,
    keypair: HybridKeyPair,
    progress: Progress | None = None,
    stop: Callable[[], bool] | None = None,
) -> FolderRead:
    """Read the collector's released batches in ``folder`` and the folders directly inside it.

    A batch counts only whole: its manifest signed by the scheme's collector,
    every file it lists present, unchanged and opening, and nothing else in
    its folder. Answers batches give responses (without free text); comments
    batches give the free text, apart and under other tokens.

    Raises:
        NotFound, PermissionDenied, DiskError: the folder itself cannot be read.
        ReadingStopped: ``stop`` asked for it.
    """
    places = [folder, *_subfolders(folder)]
    # Manifests are not feedback: "read 8 files" for a batch of 7 would puzzle.
    total = sum(
        sum(1 for p in list_candidates(place) if p.name != MANIFEST_NAME) for place in places
    )
    done = 0
    if progress is not None:
        progress(0, total)
    responses: list[Response] = []
    comments: list[CommentRecord] = []
    skipped: list[Skipped] = []
    seen: dict[tuple[str, str, int], bytes] = {}
    batches = 0
    for place in places:
        if stop is not None and stop():
            raise ReadingStopped()
        paths = list_candidates(place)
        manifest_path = place / MANIFEST_NAME
        try:
            if manifest_path not in paths:
                raise BatchRefused(NOT_IN_BATCH)
            manifest = parse_manifest(_read_small(manifest_path), scheme)
            key = (manifest.kind, manifest.period_id, manifest.sequence)
            if key in seen:
                if seen[key] != manifest.signed_bytes():
                    raise BatchRefused("another batch with the same number was read first")
                raise BatchRefused("a copy of a batch already read")
            opened, texts = _open_batch(place, paths, manifest, scheme, keypair)
        except BatchRefused as exc:
            skipped.extend(Skipped(_name(folder, p), exc.reason) for p in paths)
            done += sum(1 for p in paths if p.name != MANIFEST_NAME)
            continue
        seen[key] = manifest.signed_bytes()
        batches += 1
        responses.extend(opened)
        comments.extend(texts)
        done += len(opened) + len(texts)
        if progress is not None:
            progress(done, total)
    log.info("feedback batches read: %d batches, %d files skipped", batches, len(skipped))
    return FolderRead(tuple(responses), tuple(skipped), total, batches, tuple(comments))


def _subfolders(folder: Path) -> list[Path]:
    if not folder.is_dir():
        list_candidates(folder)  # raises NotFound with its message
    found = []
    with translate_os_errors(), os.scandir(folder) as entries:
        for entry in entries:
            if not entry.name.startswith(".") and entry.is_dir(follow_symlinks=False):
                found.append(Path(entry.path))
    return sorted(found)


def _read_small(path: Path, limit: int = 4 * 1024 * 1024) -> bytes:
    try:
        with translate_os_errors():
            if path.stat().st_size > limit:
                raise BatchRefused("damaged")
            return path.read_bytes()
    except KnownError as exc:
        if isinstance(exc, BatchRefused):
            raise
        raise BatchRefused(_reason(exc)) from None


def _open_batch(
    place: Path,
    paths: list[Path],
    manifest: Manifest,
    scheme: Scheme,
    keypair: HybridKeyPair,
) -> tuple[list[Response], list[CommentRecord]]:
    listed = {name: digest for name, digest in manifest.files}
    present = {p.name for p in paths if p.name != MANIFEST_NAME}
    if present != set(listed):
        raise BatchRefused("incomplete: a file of the batch is missing or one was added")
    is_comments = manifest.kind == COMMENTS
    opened: list[Response] = []
    texts: list[CommentRecord] = []
    for name, digest in manifest.files:
        data = _read_small(place / name, RELEASED_COMMENTS_SIZE if is_comments else RELEASED_SIZE)
        if hashlib.sha256(data).hexdigest() != digest:
            raise BatchRefused("a file of the batch was changed")
        try:
            if is_comments:
                texts.append(open_released_comments(data, scheme, keypair))
            else:
                opened.append(open_released_bytes(data, scheme, keypair))
        except Unusable as exc:
            raise BatchRefused(exc.reason) from None
    records: list[Response] | list[CommentRecord] = texts if is_comments else opened
    if any(r.period_id != manifest.period_id for r in records):
        raise BatchRefused("damaged")
    if len({r.token for r in records}) != len(records):
        raise BatchRefused("damaged")
    return opened, texts


def _name(folder: Path, path: Path) -> str:
    return path.relative_to(folder).as_posix()


def _reason(error: KnownError) -> str:
    """A few plain words for a file the system would not let us read."""
    if isinstance(error, NotFound):
        return "gone before it could be read"
    if isinstance(error, PermissionDenied):
        return "not allowed to read it"
    if isinstance(error, DiskError):
        return "the disk could not read it"
    return "could not be read"
