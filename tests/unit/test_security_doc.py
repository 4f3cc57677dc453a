"""docs/SECURITY.md names the tests that prove its promises; those tests exist.

A promise whose named test was renamed or deleted is a promise nobody checks
any more, so the table is read and every file and test it names looked up.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "SECURITY.md"


def promise_rows() -> list[str]:
    """The rows of the 'Promises and what checks them' table, header excluded."""
    text = DOC.read_text(encoding="utf-8")
    table = text.split("## Promises and what checks them", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in table.splitlines() if line.startswith("|")]
    return rows[2:]


def test_the_table_is_found_and_every_row_names_a_test_file():
    rows = promise_rows()
    assert len(rows) >= 20
    assert [row for row in rows if "tests/" not in row.split("|")[3]] == []


def test_every_named_test_file_and_test_function_exists():
    missing = []
    for row in promise_rows():
        checked_by = row.split("|")[3]
        files = [ROOT / path for path in re.findall(r"`(tests/[^`]+?)`", checked_by)]
        missing += [str(f.relative_to(ROOT)) for f in files if not f.exists()]
        sources = "".join(f.read_text(encoding="utf-8") for f in files if f.is_file())
        for name in re.findall(r"`(test_\w+)`", checked_by):
            if f"def {name}(" not in sources:
                missing.append(name)
    assert missing == []
