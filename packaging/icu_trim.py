"""A smaller ICU data library for the bundle: Qt's 32 MB of ICU data cut to about 7 MB.

Qt links ICU, whose data library holds collation, names and converters for
every language on earth. The app speaks English and German and reads only
UTF-8, so the bundle keeps ICU's root data, the English and German locales,
the break-iterator rules and dictionaries, the time-zone and Unicode data,
and drops other languages' locale data, transliterators and legacy
character-set converters. A person whose system is set to another language
gets ICU's root rules for it (Qt's own locale data still names its days and
months). ``tests/unit/test_packaging.py`` checks the choice; the build checks
the result sorts and upper-cases German as the full data does.

Linux only, with ICU's tools (Debian: ``icu-devtools``) and a C compiler;
where they are missing the full library stays and the build says so.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

__all__ = ["KEPT_LANGUAGES", "removable", "tools_missing", "trim_icu_data"]

#: Locale data kept besides ICU's root: the shipped languages (mentorpair/ui/i18n.py).
KEPT_LANGUAGES = ("en", "de")
#: Resource bundles that are not a locale's: ICU needs them whatever the language.
_SHARED = {
    "pool", "res_index", "supplementalData", "metadata", "likelySubtags", "plurals",
    "numberingSystems", "icuver", "icustd", "keyTypeData", "timezoneTypes", "windowsZones",
    "zoneinfo64", "metaZones", "dayPeriods", "grammaticalFeatures", "genderList", "units",
    "currencyNumericCodes", "tzdbNames", "pluralRanges", "root",
}  # fmt: skip
_TOOLS = ("icupkg", "genccode", "gcc", "readelf")


def removable(items: list[str]) -> list[str]:
    """Which of ICU's data items (``icupkg -l`` names) the bundle leaves out."""
    languages = "|".join(KEPT_LANGUAGES)
    kept_locale = re.compile(rf"^({languages})(_\w*)?\.res$")
    dropped = []
    for item in items:
        folder, _, name = item.rpartition("/")
        other_locale = (
            name.endswith(".res") and name[:-4] not in _SHARED and not kept_locale.match(name)
        )
        if folder == "translit" or name.endswith(".cnv") or other_locale:
            dropped.append(item)
    return dropped


def tools_missing() -> list[str]:
    """ICU's and the compiler's commands this machine lacks."""
    return [tool for tool in _TOOLS if shutil.which(tool) is None]


def _data_symbol(library: Path) -> tuple[str, int, int]:
    """The data symbol (``icudt73_dat``), its file offset and size, read with readelf."""
    symbols = subprocess.run(  # noqa: S603 - binutils on our own build's file
        ["readelf", "-Ws", "--dyn-syms", str(library)],  # noqa: S607
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    pattern = r"([0-9a-f]+)\s+(0x[0-9a-f]+|\d+)\s+OBJECT\s+GLOBAL\s+\w+\s+\d+\s+(icudt\d+_dat)"
    found = re.search(pattern, symbols)
    if found is None:
        raise RuntimeError("no ICU data symbol in the library")
    address, size, name = int(found.group(1), 16), int(found.group(2), 0), found.group(3)
    sections = subprocess.run(  # noqa: S603
        ["readelf", "-SW", str(library)],  # noqa: S607 - binutils from PATH
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    for line in sections.splitlines():
        fields = line.replace("[", " ").replace("]", " ").split()
        if len(fields) > 5 and fields[2] == "PROGBITS":
            start, offset, length = int(fields[3], 16), int(fields[4], 16), int(fields[5], 16)
            if start <= address < start + length:
                return name, offset + address - start, size
    raise RuntimeError("the ICU data symbol is in no section")


def trim_icu_data(library: Path, work: Path) -> Path:
    """Build the smaller ``libicudataNN.so`` from ``library`` in ``work``; return its path."""
    work.mkdir(parents=True, exist_ok=True)
    symbol, offset, size = _data_symbol(library)
    entry = symbol.removesuffix("_dat")  # icudt73
    data = work / f"{entry}l.dat"
    with library.open("rb") as source:
        source.seek(offset)
        data.write_bytes(source.read(size))

    def run(*command: str) -> str:
        return subprocess.run(  # noqa: S603 - ICU's tools on our own files
            list(command), check=True, capture_output=True, text=True, cwd=work
        ).stdout

    items = run("icupkg", "-l", data.name).split()
    dropped = work / "dropped.txt"
    dropped.write_text("\n".join(removable(items)) + "\n", encoding="utf-8")
    run("icupkg", "-r", dropped.name, data.name)
    run("genccode", "-q", "-a", "gcc", "-e", entry, "-d", ".", data.name)
    out = work / library.name
    assembly = next(work.glob("*.S"))
    run("gcc", "-shared", "-nostdlib", f"-Wl,-soname,{library.name}", "-o", out.name, assembly.name)
    return out
