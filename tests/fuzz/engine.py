"""The fuzzing engine: mutate seeds, feed a reader, count, and check nothing was written.

A :class:`Harness` wraps one reader of outside data. For each input the
reader either accepts it, or refuses it with a documented error (a
:class:`~mentorpair.errors.KnownError`): anything else is an *untyped error*,
a bug. A refused input must leave every byte of the harness's folders as it
was: a difference is a *write after refusal*. :class:`Figures` counts both,
with the first few offending inputs kept so a failure can be reproduced.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from mentorpair.errors import KnownError

#: Integers chosen to cross every width the storage or JSON might hold.
EDGE_INTEGERS = (
    "-1", "0", "1", "255", "256", "65535", "2147483647", "2147483648", "4294967296",
    "9007199254740991", "9007199254740992", "9223372036854775807", "9223372036854775808",
    "18446744073709551616", "-9223372036854775809", "1e308", "1e309", "-0", "0.5", "NaN",
    "Infinity", "-Infinity", "1" + "0" * 5000,
)  # fmt: skip
#: JSON fragments that have broken parsers elsewhere.
HOSTILE_JSON = (
    b"[" * 100_000, b"{\"a\":" * 50_000, b"\"\\ud800\"", b"\xef\xbb\xbf{}", b"null", b"[]",
    b"{\"format\": NaN}", b"{\"a\": 1, \"a\": 2}", b"\x00", b"\"" + b"A" * 70_000 + b"\"",
)  # fmt: skip


@dataclass
class Figures:
    """What one campaign over one reader showed."""

    name: str
    tried: int = 0
    accepted: int = 0
    refused: int = 0
    untyped: int = 0
    writes_after_refusal: int = 0
    examples: list[str] = field(default_factory=list)

    def line(self) -> str:
        """One line for the runner's table and the suite's output."""
        return (
            f"{self.name:<20} tried {self.tried:>7}  refused {self.refused:>7}  "
            f"accepted {self.accepted:>6}  untyped errors {self.untyped:>3}  "
            f"writes after refusal {self.writes_after_refusal:>3}"
        )

    @property
    def clean(self) -> bool:
        """True when no input broke a promise."""
        return self.untyped == 0 and self.writes_after_refusal == 0

    def add(self, other: Figures) -> None:
        """Fold another run of the same reader into this one."""
        self.tried += other.tried
        self.accepted += other.accepted
        self.refused += other.refused
        self.untyped += other.untyped
        self.writes_after_refusal += other.writes_after_refusal
        self.examples += other.examples[: max(0, 5 - len(self.examples))]


@dataclass
class Harness:
    """One reader of outside data.

    Attributes:
        name: short name, also the corpus folder's name.
        seeds: valid inputs (made fresh) and the committed corpus.
        read: the reader; raises a KnownError to refuse.
        watched: folders whose every byte must survive a refusal.
        reset: puts the world back after an accepted input (which may write).
    """

    name: str
    seeds: Sequence[bytes]
    read: Callable[[bytes], object]
    watched: Sequence[Path] = ()
    reset: Callable[[], None] = lambda: None
    place: Callable[[bytes], None] | None = None
    #: File-name endings left out of "no byte changed" (SQLite's -shm index).
    ignored: tuple[str, ...] = ()

    def feed(self, data: bytes, figures: Figures) -> None:
        """Run the reader on one input and count what happened.

        ``place`` (when set) first puts the input where the reader finds it
        (a file in a folder), so the input itself is not counted as a write.
        """
        if self.place is not None:
            self.place(data)
        before = digest(self.watched, self.ignored)
        figures.tried += 1
        try:
            self.read(data)
        except KnownError:
            figures.refused += 1
            if digest(self.watched, self.ignored) != before:
                figures.writes_after_refusal += 1
                _keep(figures, "write after refusal", data)
                self.reset()
            return
        except Exception as exc:  # counting bugs is the point
            figures.untyped += 1
            _keep(figures, f"untyped {type(exc).__name__}", data)
            self.reset()
            return
        figures.accepted += 1
        if digest(self.watched, self.ignored) != before:
            self.reset()


def _keep(figures: Figures, what: str, data: bytes) -> None:
    if len(figures.examples) < 5:
        figures.examples.append(f"{what}: {len(data)} bytes, sha256 {_sha(data)[:16]}")


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def digest(folders: Iterable[Path], ignored: tuple[str, ...] = ()) -> str:
    """One hash over the names and bytes of every file under ``folders``."""
    h = hashlib.sha256()
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            if ignored and path.name.endswith(ignored):
                continue
            h.update(str(path.relative_to(folder)).encode() + b"\0")
            h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def load_corpus(name: str) -> list[bytes]:
    """The committed seeds of one reader (``tests/fuzz/corpus/<name>/``)."""
    folder = Path(__file__).with_name("corpus") / name
    return (
        [p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()] if folder.is_dir() else []
    )


# ---------------------------------------------------------------- mutations
def mutate(data: bytes, rng: random.Random, seeds: Sequence[bytes] = ()) -> bytes:
    """One to four random edits of the kinds that real damage and attackers make."""
    edits = [(rng.randrange(EDIT_KINDS), rng.getrandbits(32)) for _ in range(rng.randint(1, 4))]
    return mutate_with(data, edits, seeds)


def mutate_with(
    data: bytes, edits: Sequence[tuple[int, int]], seeds: Sequence[bytes] = ()
) -> bytes:
    """Apply ``edits`` (kind, seed) in turn: Hypothesis draws and shrinks these."""
    for kind, seed in edits:
        data = _one_edit(data, kind % EDIT_KINDS, random.Random(seed), seeds)
    return data


EDIT_KINDS = 11


def _one_edit(data: bytes, kind: int, rng: random.Random, seeds: Sequence[bytes]) -> bytes:
    n = len(data)
    at = rng.randrange(n + 1)
    if kind == 0 and n:  # flip one bit
        i = rng.randrange(n)
        return data[:i] + bytes([data[i] ^ (1 << rng.randrange(8))]) + data[i + 1 :]
    if kind == 1:  # truncate (0 and 1 byte included)
        return data[: rng.choice([0, 1, at, max(0, n - 1)])]
    if kind == 2:  # insert random bytes
        return data[:at] + rng.randbytes(rng.choice([1, 2, 4, 16, 4096])) + data[at:]
    if kind == 3 and n:  # delete a range
        return data[:at] + data[min(n, at + rng.randint(1, 64)) :]
    if kind == 4 and n:  # overwrite with an edge byte
        i = rng.randrange(n)
        return data[:i] + bytes([rng.choice([0, 1, 0x7F, 0x80, 0xFF])]) + data[i + 1 :]
    if kind == 5 and n:  # duplicate a range
        end = min(n, at + rng.randint(1, 256))
        return data[:end] + data[at:end] + data[end:]
    if kind == 6:  # splice with another seed
        other = rng.choice(seeds) if seeds else data
        return data[:at] + other[rng.randrange(len(other) + 1) :]
    if kind == 7:  # replace a number in text with an edge integer
        return _swap_number(data, rng)
    if kind == 8:  # nest what follows a bracket deeply
        i = data.find(b"[") if rng.random() < 0.5 else data.find(b"{")
        if i >= 0:
            depth = rng.choice([64, 1000, 20_000])
            return data[:i] + b"[" * depth + data[i:] + b"]" * depth
        return data
    if kind == 9:  # a hostile JSON document outright
        return rng.choice(HOSTILE_JSON)
    if kind == 10:  # re-encode text as UTF-16 or append junk
        if rng.random() < 0.5:
            try:
                return data.decode("utf-8").encode(rng.choice(["utf-16-le", "utf-16-be", "utf-16"]))
            except UnicodeDecodeError:
                return data
        return data + rng.randbytes(rng.randint(1, 64))
    return data


def _swap_number(data: bytes, rng: random.Random) -> bytes:
    digits = [
        i
        for i in range(len(data))
        if 48 <= data[i] <= 57 and (i == 0 or not 48 <= data[i - 1] <= 57)
    ]
    if not digits:
        return data
    start = rng.choice(digits)
    end = start
    while end < len(data) and 48 <= data[end] <= 57:
        end += 1
    return data[:start] + rng.choice(EDGE_INTEGERS).encode() + data[end:]


def campaign(harness: Harness, count: int, seed: int | None = None) -> Figures:
    """Feed every seed as it is, then ``count`` mutated inputs; return the figures."""
    rng = random.Random(seed)
    figures = Figures(harness.name)
    for data in harness.seeds:
        harness.feed(data, figures)
    for _ in range(count):
        harness.feed(mutate(rng.choice(harness.seeds), rng, harness.seeds), figures)
    return figures
