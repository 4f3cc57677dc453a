"""The collector's store and the batches it releases to the coordinator.

The collector receives version 2 feedback files any way people send them,
and :func:`receive` keeps, per period, only the newest file of each token —
opening nothing but the outer layer (``submission.open_envelope``). When a
period holds at least ``min_group`` respondents the coordinator has never
had, :func:`release` passes every waiting file on as one batch: a new folder
of released files (the inner layer only) with random names, written in a
shuffled order, with no times worth anything, and a manifest signed by the
collector. The coordinator's report reads only complete, signed batches
(:func:`read_batches`), so it never sees one person alone, and a file the
collector did not pass on — a forgery made with the public scheme file —
never counts.

The manifest names its aggregation mode (``"batch"``) and has a version, so
a later two-party mode (Prio3 shares, DAP-style) can add its own kind of
batch beside this one. The store's state file and the manifest are in
``docs/formats/feedback.md``.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import json
import logging
import os
import shutil
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from mentorpair.crypto import signing
from mentorpair.crypto.random import random_bytes
from mentorpair.errors import CorruptFile, KnownError, MadeByNewerVersion, NotFound
from mentorpair.feedback.collector import CollectorKeys
from mentorpair.feedback.envelope import Envelope, open_envelope, released_bytes
from mentorpair.feedback.report import Skipped
from mentorpair.feedback.scheme import AGGREGATION_BATCH, Scheme
from mentorpair.feedback.submission import COLLECTED_FILE_SIZE, SkippedFile, random_file_name
from mentorpair.storage.atomic import atomic_write, fsync_folder
from mentorpair.storage.oserrors import translate_os_errors

__all__ = [
    "MANIFEST_NAME",
    "Batch",
    "Manifest",
    "Received",
    "StoreStatus",
    "parse_manifest",
    "receive",
    "release",
    "status",
]

log = logging.getLogger(__name__)

STORE_FORMAT = "mentorpair-collector-store"
STORE_VERSION = 1
STATE_NAME = "store.json"
HELD_FOLDER = "held"
MANIFEST_FORMAT = "mentorpair-batch"
MANIFEST_VERSION = 1
MANIFEST_NAME = "manifest.mpbatch"
MANIFEST_PURPOSE = b"mentorpair/v1/batch"
#: A batch carries answers and facts, or free text on its own.
ANSWERS, COMMENTS = "answers", "comments"
KINDS = (ANSWERS, COMMENTS)
MAX_MANIFEST_SIZE = 4 * 1024 * 1024
_MANIFEST_FIELDS = {
    "format",
    "version",
    "scheme_id",
    "period",
    "sequence",
    "aggregation",
    "respondents",
    "kind",
    "files",
    "signature",
}


def _damaged_store() -> CorruptFile:
    return CorruptFile(
        "The collector's store folder is damaged or belongs to another scheme, so nothing "
        "was changed. Use the store folder you made for this scheme."
    )


# ----------------------------------------------------------------- the store
@dataclass
class _State:
    """Per period and token: the newest revision held and the revision last released."""

    scheme_id: str
    held: dict[str, dict[str, dict[str, int]]] = field(default_factory=dict)
    batches: dict[str, int] = field(default_factory=dict)
    comment_batches: dict[str, int] = field(default_factory=dict)

    def to_bytes(self) -> bytes:
        doc = {
            "format": STORE_FORMAT,
            "version": STORE_VERSION,
            "scheme_id": self.scheme_id,
            "held": self.held,
            "batches": self.batches,
            "comment_batches": self.comment_batches,
        }
        return json.dumps(doc, sort_keys=True, indent=1).encode("utf-8")


def _load_state(store: Path, scheme: Scheme) -> _State:
    path = store / STATE_NAME
    if not path.exists():
        return _State(scheme.scheme_id)
    with translate_os_errors():
        data = path.read_bytes()
    try:
        doc = json.loads(data.decode("utf-8"))
        if doc["format"] != STORE_FORMAT or not isinstance(doc["version"], int):
            raise _damaged_store()
        if doc["version"] > STORE_VERSION:
            raise MadeByNewerVersion(
                "This collector store was made by a newer version of mentorpair. Please "
                "update the app to use it. Nothing was changed."
            )
        state = _State(doc["scheme_id"], doc["held"], doc["batches"], doc["comment_batches"])
        for period, tokens in state.held.items():
            if scheme.period(period) is None:
                raise _damaged_store()
            for token, entry in tokens.items():
                bytes.fromhex(token)
                numbers = (entry["revision"], entry["released"], entry["comments_released"])
                if not all(isinstance(n, int) for n in numbers):
                    raise _damaged_store()
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):
        raise _damaged_store() from None
    if state.scheme_id != scheme.scheme_id:
        raise _damaged_store()
    return state


def _held_path(store: Path, period_id: str, token: str) -> Path:
    return store / HELD_FOLDER / f"{period_id}-{token}.mpfb"


@dataclass(frozen=True)
class Received:
    """What :func:`receive` did with the files it was given.

    Attributes:
        new: files from a token not seen before.
        replaced: files that replaced an older answer of the same token.
        older: files no newer than what was already held (kept out).
        skipped: files that are not this scheme's feedback for the collector.
    """

    new: int = 0
    replaced: int = 0
    older: int = 0
    skipped: tuple[Skipped, ...] = ()


def receive(store: Path, scheme: Scheme, keys: CollectorKeys, paths: Iterable[Path]) -> Received:
    """Take feedback files into the store, keeping the newest per token and period.

    Only the outer layer is opened. The files given are left where they are;
    the collector deletes them (and the e-mails they came in) when they like.

    Raises:
        CollectorKeyMismatch: the scheme names another collector.
        CorruptFile, MadeByNewerVersion: the store is not usable.
        DiskFull, PermissionDenied, DiskError: the store cannot be written.
    """
    keys.check_for(scheme)
    state = _load_state(store, scheme)
    with translate_os_errors():
        (store / HELD_FOLDER).mkdir(mode=0o700, parents=True, exist_ok=True)
    counts = {"new": 0, "replaced": 0, "older": 0}
    skipped: list[Skipped] = []
    try:
        for path in paths:
            outcome = _take(store, scheme, keys, state, path)
            if isinstance(outcome, Skipped):
                skipped.append(outcome)
            else:
                counts[outcome] += 1
    finally:
        # Once, at the end (or when a write fails): rewriting the state after every
        # file made 2,000 files take 38 s. A crash before this leaves held files
        # newer than the state says; they are then taken in again, or released as
        # a newer answer.
        if counts["new"] or counts["replaced"]:
            atomic_write(store / STATE_NAME, state.to_bytes())
    new, replaced, older = counts["new"], counts["replaced"], counts["older"]
    log.info("collector received: %d new, %d replaced, %d older", new, replaced, older)
    return Received(new, replaced, older, tuple(skipped))


def _take(
    store: Path, scheme: Scheme, keys: CollectorKeys, state: _State, path: Path
) -> str | Skipped:
    """Take one file in; say "new", "replaced" or "older", or why it was skipped."""
    try:
        envelope = _open(path, scheme, keys)
    except SkippedFile as exc:
        return Skipped(path.name, exc.reason)
    except KnownError:
        return Skipped(path.name, "could not be read")
    tokens = state.held.setdefault(envelope.period_id, {})
    entry = tokens.get(envelope.token)
    if entry is not None and entry["revision"] >= envelope.revision:
        return "older"
    atomic_write(_held_path(store, envelope.period_id, envelope.token), _read(path))
    if entry is None:
        tokens[envelope.token] = {
            "revision": envelope.revision,
            "released": 0,
            "comments_released": 0,
        }
        return "new"
    entry["revision"] = envelope.revision
    return "replaced"


def _read(path: Path) -> bytes:
    with translate_os_errors():
        if path.stat().st_size > COLLECTED_FILE_SIZE:
            raise SkippedFile("too large")
        with path.open("rb") as handle:
            return handle.read(COLLECTED_FILE_SIZE + 1)


def _open(path: Path, scheme: Scheme, keys: CollectorKeys) -> Envelope:
    return open_envelope(_read(path), scheme, keys.keypair)


@dataclass(frozen=True)
class PeriodStatus:
    """How many respondents wait for a batch in one period.

    Attributes:
        new: tokens the coordinator has never had.
        updates: tokens the coordinator had, with a newer answer waiting.
        released: tokens passed on so far.
        batches: batches released so far.
    """

    period_id: str
    new: int
    updates: int
    released: int
    batches: int


@dataclass(frozen=True)
class StoreStatus:
    """The store per period, for the collector (who sees counts, never answers)."""

    periods: tuple[PeriodStatus, ...]


def status(store: Path, scheme: Scheme) -> StoreStatus:
    """What waits in the store, per period of the scheme."""
    state = _load_state(store, scheme)
    found = []
    for period in scheme.periods:
        tokens = state.held.get(period.period_id, {})
        found.append(
            PeriodStatus(
                period.period_id,
                new=sum(1 for e in tokens.values() if e["released"] == 0),
                updates=sum(1 for e in tokens.values() if 0 < e["released"] < e["revision"]),
                released=sum(1 for e in tokens.values() if e["released"] > 0),
                batches=state.batches.get(period.period_id, 0),
            )
        )
    return StoreStatus(tuple(found))


# ----------------------------------------------------------------- manifests
@dataclass(frozen=True)
class Manifest:
    """A released batch, as the collector signed it.

    Attributes:
        kind: ``"answers"`` (answers and facts, at least ``min_group`` people) or
            ``"comments"`` (free text apart, at least ``min_comments`` people).
        sequence: 1, 2, … per period and kind.
        respondents: files in the batch, one per token.
        files: (file name, SHA-256 hex) per file, sorted by name.
    """

    scheme_id: str
    period_id: str
    kind: str
    sequence: int
    respondents: int
    files: tuple[tuple[str, str], ...]
    aggregation: str = AGGREGATION_BATCH
    signature: bytes = field(default=b"", repr=False)

    def _document(self) -> dict[str, Any]:
        return {
            "format": MANIFEST_FORMAT,
            "version": MANIFEST_VERSION,
            "scheme_id": self.scheme_id,
            "period": self.period_id,
            "kind": self.kind,
            "sequence": self.sequence,
            "aggregation": {"mode": self.aggregation},
            "respondents": self.respondents,
            "files": [{"name": n, "sha256": h} for n, h in self.files],
        }

    def signed_bytes(self) -> bytes:
        """What the collector signs: every field but the signature, canonical JSON."""
        return json.dumps(self._document(), sort_keys=True, separators=(",", ":")).encode()

    def to_bytes(self) -> bytes:
        """The manifest file."""
        doc = self._document()
        doc["signature"] = base64.b64encode(self.signature).decode("ascii")
        return (json.dumps(doc, indent=1, sort_keys=True) + "\n").encode("utf-8")


class BatchRefused(KnownError):
    """A batch manifest that does not check out; ``reason`` is for the report's list."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(f"This batch was not used: {reason}.")


def parse_manifest(data: bytes, scheme: Scheme) -> Manifest:
    """Parse a manifest and check the collector's signature.

    Raises:
        BatchRefused: with the reason the report lists.
    """
    collector = scheme.collector
    if collector is None:
        raise BatchRefused("this scheme has no collector")
    try:
        doc = json.loads(data.decode("utf-8"))
        if not isinstance(doc, dict) or doc.get("format") != MANIFEST_FORMAT:
            raise BatchRefused("not a batch manifest")
        version = doc["version"]
        if not isinstance(version, int) or version > MANIFEST_VERSION:
            raise BatchRefused("made by a newer version of mentorpair")
        if set(doc) != _MANIFEST_FIELDS or doc["aggregation"] != {"mode": AGGREGATION_BATCH}:
            raise BatchRefused("not a batch manifest")
        files = tuple((str(f["name"]), str(f["sha256"])) for f in doc["files"])
        if doc["kind"] not in KINDS:
            raise BatchRefused("not a batch manifest")
        manifest = Manifest(
            scheme_id=str(doc["scheme_id"]),
            period_id=str(doc["period"]),
            kind=str(doc["kind"]),
            sequence=_count(doc["sequence"]),
            respondents=_count(doc["respondents"]),
            files=files,
            signature=base64.b64decode(doc["signature"], validate=True),
        )
    except (ValueError, KeyError, TypeError, RecursionError, binascii.Error):
        raise BatchRefused("damaged") from None
    if manifest.scheme_id != scheme.scheme_id:
        raise BatchRefused("for another scheme")
    if not signing.verify(
        collector.signing_key, MANIFEST_PURPOSE, manifest.signed_bytes(), manifest.signature
    ):
        raise BatchRefused("not signed by the scheme's collector")
    if scheme.period(manifest.period_id) is None or manifest.respondents != len(files):
        raise BatchRefused("damaged")
    if manifest.respondents < _threshold(scheme, manifest.kind):
        raise BatchRefused("fewer people than the scheme's smallest group")
    return manifest


def _count(value: object) -> int:
    """Read a whole number as the collector writes it.

    ``int()`` would take 2.5, "7" or true, and fail untyped on 1e999 (JSON's
    infinity).
    """
    if type(value) is not int or not 0 <= value < 2**31:
        raise ValueError("not a count")
    return value


def _threshold(scheme: Scheme, kind: str) -> int:
    return scheme.min_comments if kind == COMMENTS else scheme.min_group


# ----------------------------------------------------------------- release
@dataclass(frozen=True)
class Batch:
    """One batch :func:`release` wrote: where, for which period, how many people."""

    folder: Path
    period_id: str
    kind: str
    sequence: int
    respondents: int


def release(store: Path, scheme: Scheme, keys: CollectorKeys, out: Path) -> list[Batch]:
    """Release what may go: answers from ``min_group`` new people, comments from ``min_comments``.

    For each period: when at least ``min_group`` tokens have never had their
    answers passed on, one answers batch holds every waiting answers part (the
    new people and newer answers of earlier ones). Apart from it, and counted
    apart, when at least ``min_comments`` tokens have never had their comments
    passed on, one comments batch holds every waiting comments part. Each part
    becomes a released file with a random name; each folder appears whole or
    not at all.

    Raises:
        CollectorKeyMismatch, CorruptFile, MadeByNewerVersion: as for :func:`receive`.
        NotFound: ``out`` is not a folder.
        DiskFull, PermissionDenied, DiskError.
    """
    keys.check_for(scheme)
    if not out.is_dir():
        raise NotFound("The folder to release batches into was not found. Nothing was released.")
    state = _load_state(store, scheme)
    done: list[Batch] = []
    for period in scheme.periods:
        for kind in KINDS:
            batch = _release_kind(store, scheme, keys, out, state, period.period_id, kind)
            if batch is not None:
                done.append(batch)
    log.info("collector released %d batches", len(done))
    return done


def _release_kind(
    store: Path,
    scheme: Scheme,
    keys: CollectorKeys,
    out: Path,
    state: _State,
    period_id: str,
    kind: str,
) -> Batch | None:
    field_name = "released" if kind == ANSWERS else "comments_released"
    counters = state.batches if kind == ANSWERS else state.comment_batches
    tokens = state.held.get(period_id, {})
    new = [t for t, e in tokens.items() if e.get(field_name, 0) == 0]
    if len(new) < _threshold(scheme, kind):
        return None
    waiting = [t for t, e in tokens.items() if e.get(field_name, 0) < e["revision"]]
    sequence = counters.get(period_id, 0) + 1
    batch = _write_batch(store, scheme, keys, out, period_id, kind, sequence, waiting)
    for token in waiting:
        tokens[token][field_name] = tokens[token]["revision"]
    counters[period_id] = sequence
    try:
        atomic_write(store / STATE_NAME, state.to_bytes())
    except KnownError:
        with contextlib.suppress(OSError):
            shutil.rmtree(batch.folder)
        raise
    return batch


def _write_batch(
    store: Path,
    scheme: Scheme,
    keys: CollectorKeys,
    out: Path,
    period_id: str,
    kind: str,
    sequence: int,
    tokens: Sequence[str],
) -> Batch:
    released = []
    for token in tokens:
        envelope = _open(_held_path(store, period_id, token), scheme, keys)
        released.append(released_bytes(envelope, scheme, comments=kind == COMMENTS))
    _shuffle(released)
    prefix = "batch" if kind == ANSWERS else "comments"
    target = out / f"{prefix}-{period_id}-{sequence:03d}"
    if target.exists():
        raise NotFound(
            "A batch with this number is already in that folder. Choose an empty folder. "
            "Nothing was released."
        )
    with translate_os_errors():
        building = Path(tempfile.mkdtemp(prefix=".batch-", dir=out))
        try:
            files = []
            for data in released:
                name = random_file_name()
                (building / name).write_bytes(data)
                os.chmod(building / name, 0o600)
                files.append((name, hashlib.sha256(data).hexdigest()))
            respondents = len(files)
            manifest = Manifest(
                scheme.scheme_id, period_id, kind, sequence, respondents, tuple(sorted(files))
            )
            signature = keys.signer.sign(MANIFEST_PURPOSE, manifest.signed_bytes())
            signed = replace(manifest, signature=signature)
            (building / MANIFEST_NAME).write_bytes(signed.to_bytes())
            os.replace(building, target)
        except BaseException:
            shutil.rmtree(building, ignore_errors=True)
            raise
        fsync_folder(out)
    return Batch(target, period_id, kind, sequence, respondents)


def _shuffle(items: list[bytes]) -> None:
    """Fisher–Yates with the app's randomness source: the order says nothing."""
    for i in range(len(items) - 1, 0, -1):
        j = int.from_bytes(random_bytes(8), "big") % (i + 1)
        items[i], items[j] = items[j], items[i]
