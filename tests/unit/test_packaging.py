"""The packaging files say what the bundle and the software centres need.

The spec cannot be imported (PyInstaller runs it), so its translation filter
is taken out of the file and run here; the AppStream file must name a
homepage and screenshots that exist in the repository.
"""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "mentorpair.spec"
METAINFO = ROOT / "packaging" / "linux" / "io.github.mentorpair.Mentorpair.metainfo.xml"
RAW = "https://raw.githubusercontent.com/mentorpair/mentorpair/main/"


def spec_function(name: str) -> Any:
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    wanted = {"_posix", name, "SHIPPED_LANGUAGES"}

    def named(node: ast.stmt) -> bool:
        if isinstance(node, ast.FunctionDef):
            return node.name in wanted
        return isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id in wanted for target in node.targets
        )

    module = ast.Module(body=[n for n in tree.body if named(n)], type_ignores=[])
    scope: dict[str, Any] = {"Path": Path}
    exec(compile(module, str(SPEC), "exec"), scope)
    return scope[name]


def test_the_bundle_keeps_our_translations_and_qtbase_only():
    unused = spec_function("_is_unused_qt_translation")
    assert not unused("resources/translations/mentorpair_de.qm")
    assert not unused("PySide6/Qt/translations/qtbase_de.qm")
    assert unused("PySide6/Qt/translations/qtwebengine_de.qm")
    assert unused("PySide6\\Qt\\translations\\qtmultimedia_fr.qm")
    assert unused("PySide6/Qt/translations/qtbase_fr.qm")  # a language we do not ship


def test_appstream_has_a_homepage_and_screenshots_that_exist():
    root = ET.parse(METAINFO).getroot()
    urls = {url.get("type"): url.text for url in root.findall("url")}
    assert urls["homepage"] == "https://github.com/mentorpair/mentorpair"
    images = [image.text or "" for image in root.iter("image")]
    assert len(images) >= 2
    for image in images:
        assert image.startswith(RAW), image
        assert (ROOT / image.removeprefix(RAW)).is_file(), image
    assert root.find("screenshots/screenshot[@type='default']") is not None


def test_the_icu_data_keeps_root_english_german_and_what_every_language_needs():
    import importlib.util

    spec = importlib.util.spec_from_file_location("icu_trim", ROOT / "packaging" / "icu_trim.py")
    assert spec is not None and spec.loader is not None
    icu_trim = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(icu_trim)
    removable = icu_trim.removable
    items = [
        "root.res", "en.res", "en_GB.res", "de.res", "de_AT.res", "fr.res", "ja_JP.res",
        "coll/root.res", "coll/de_.res", "coll/de__PHONEBOOK.res", "coll/fr.res",
        "coll/ucadata.icu", "brkitr/cjdict.dict", "brkitr/root.res", "brkitr/fr.res",
        "translit/Any_Publishing.res", "ibm-943_P15A-2003.cnv", "cnvalias.icu",
        "zoneinfo64.res", "pool.res", "curr/pool.res", "lang/de.res", "lang/it.res",
        "uts46.nrm", "supplementalData.res",
    ]  # fmt: skip
    dropped = set(removable(items))
    assert dropped == {
        "fr.res", "ja_JP.res", "coll/fr.res", "brkitr/fr.res", "translit/Any_Publishing.res",
        "ibm-943_P15A-2003.cnv", "lang/it.res",
    }  # fmt: skip
