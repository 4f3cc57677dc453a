"""Write the committed seed corpus under ``tests/fuzz/corpus/`` (run once, commit the files).

    python -m tests.fuzz.make_corpus

These are the hostile shapes that do not depend on anyone's keys: empty and
one-byte files, deep nesting, integers past every width, NaN, byte-order
marks and UTF-16, duplicate keys, and for the vault a database cut to one
byte (issue 14's overwritten vault) or replaced by a plain SQLite file. The
valid seeds (a real update, invitation, feedback file…) are made fresh by
``world.py`` with real keys at every run.
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
from pathlib import Path

OUT = Path(__file__).with_name("corpus")
COMMON = {
    "empty.bin": b"",
    "one-byte.bin": b"{",
    "deep-array.json": b"[" * 20_000 + b"]" * 20_000,
    "deep-object.json": b'{"a":' * 5_000 + b"1" + b"}" * 5_000,
    "nan.json": b'{"version": NaN, "format": Infinity}',
    "bom.json": b"\xef\xbb\xbf{}",
    "utf16.json": '{"version": 1}'.encode("utf-16"),
    "lone-surrogate.json": b'{"a": "\\ud800"}',
}
DATA = Path(__file__).resolve().parents[1] / "data"


def _doc_variants(doc: dict[str, object]) -> dict[str, bytes]:
    """A real document with each top-level integer pushed past 2^53, 2^63 and 2^64."""
    out = {}
    for key, value in doc.items():
        if isinstance(value, int) and not isinstance(value, bool):
            for power in (53, 63, 64):
                changed = dict(doc, **{key: 2**power})
                out[f"{key}-2^{power}.json"] = json.dumps(changed).encode()
            out[f"{key}-negative.json"] = json.dumps(dict(doc, **{key: -1})).encode()
    out["duplicate-keys.json"] = json.dumps(doc)[:-1].encode() + b', "format": "x"}'
    return out


def _key_file() -> dict[str, bytes]:
    kdf_doc: dict[str, object] = {
        "name": "argon2id", "memory_kib": 65536, "iterations": 3, "lanes": 4,
        "salt": "AAAAAAAAAAAAAAAAAAAAAA==",
    }  # fmt: skip
    doc: dict[str, object] = {
        "format": "mentorpair-vault-key", "version": 1, "vault_id": "0" * 32,
        "kdf": kdf_doc,
        "wrap": {"name": "chacha20-poly1305", "nonce": "AAAAAAAAAAAAAAAA",
                 "wrapped_key": "A" * 64},
    }  # fmt: skip
    out = _doc_variants(doc)
    for field, value in (("memory_kib", 2**63), ("iterations", 2**53), ("lanes", 0)):
        kdf = {**kdf_doc, field: value}
        out[f"kdf-{field}-{value}.json"] = json.dumps(dict(doc, kdf=kdf)).encode()
    out["vault-id-upper.json"] = json.dumps(dict(doc, vault_id="A" * 32)).encode()
    return out


def _vault_db() -> dict[str, bytes]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "plain.db")
        with sqlite3.connect(path) as conn:
            conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
        conn.close()
        plain = path.read_bytes()
    return {
        "one-byte.db": b"\x01",  # issue 14: was overwritten with a fresh schema
        "one-page-of-zeros.db": bytes(4096),
        "two-pages-of-ff.db": b"\xff" * 8192,
        "plain-sqlite.db": plain,
        "plain-sqlite-cut.db": plain[:100],
    }


def _scheme() -> dict[str, bytes]:
    doc = {"format": "mentorpair-scheme", "version": 2, "min_group": 5, "min_comments": 10}
    return _doc_variants(doc)


def main() -> None:
    """Write every reader's static seeds."""
    readers = {
        "update": {"empty.mpu": b"", "one-byte.mpu": b"M", "zeros.mpu": bytes(16384)},
        "update-payload": _doc_variants({"got": 0, "confirmed": None, "ack": {}, "entries": []}),
        "invitation": {"tampered.txt": (DATA / "sync" / "invitation-tampered.txt").read_bytes()},
        "invitation-json": {},
        "acceptance": {},
        "acceptance-json": {},
        "scheme": _scheme(),
        "feedback": {"empty.mpfb": b"", "zeros.mpfb": bytes(16384)},
        "collector": {"empty.mpfb": b"", "zeros.mpfb": bytes(16384)},
        "manifest": {},
        "batch-file": {},
        "key-file": _key_file(),
        "vault-db": _vault_db(),
        "vault-wal": _vault_db(),
    }  # fmt: skip
    for name, files in readers.items():
        folder = OUT / name
        folder.mkdir(parents=True, exist_ok=True)
        merged = dict(files) if name.startswith("vault-") else {**COMMON, **files}
        for file_name, data in merged.items():
            (folder / file_name).write_bytes(data)


if __name__ == "__main__":
    main()
