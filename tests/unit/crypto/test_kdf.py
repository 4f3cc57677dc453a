"""Argon2id: a stable derivation, and bounds checked before any work is done."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import types
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mentorpair.crypto import kdf
from mentorpair.crypto.kdf import (
    MAX_MEMORY_KIB,
    MIN_MEMORY_KIB,
    KdfParams,
    calibrate,
    check_new_params,
    check_params,
    derive_kek,
    minimum_params,
)
from mentorpair.errors import CorruptFile

SALT = bytes(range(16))
FLOOR = KdfParams(memory_kib=MIN_MEMORY_KIB, iterations=3, lanes=4, salt=SALT)
#: Argon2id("correct horse battery staple", SALT, 64 MiB, t=3, p=4), pinned: if
#: it changes, no existing vault opens any more.
FLOOR_VECTOR = "853b272a44db1421c02962669a55eb0994f3cab385ed1c4c79253eee19bab49e"


class _NoArgon2:
    """Argon2id that does no work, for calibration under a fake clock."""

    def __init__(self, **kwargs: object) -> None:
        pass

    def derive(self, material: bytes) -> bytes:
        return bytes(32)


@pytest.fixture
def argon2_calls(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, object]]:
    """Record every Argon2id construction instead of running it."""
    calls: list[dict[str, object]] = []

    class NoArgon2:
        def __init__(self, **kwargs: object) -> None:
            calls.append(kwargs)

        def derive(self, material: bytes) -> bytes:
            return bytes(32)

        def derive_into(self, material: bytes, buffer: bytearray) -> int:
            return 32

    monkeypatch.setattr(kdf, "Argon2id", NoArgon2)
    return calls


def params(**changes: object) -> KdfParams:
    return dataclasses.replace(FLOOR, **changes)  # type: ignore[arg-type]


def test_known_answer_at_the_floor():
    assert derive_kek("correct horse battery staple", FLOOR).reveal().hex() == FLOOR_VECTOR


def test_passphrase_is_normalised_to_nfc(monkeypatch: pytest.MonkeyPatch):
    seen: list[bytes] = []

    class Recorder:
        def __init__(self, **kwargs: object) -> None:
            pass

        def derive_into(self, material: bytes, buffer: bytearray) -> int:
            seen.append(material)
            return 32

    monkeypatch.setattr(kdf, "Argon2id", Recorder)
    composed = "café crème brûlée naïve"
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    derive_kek(composed, FLOOR)
    derive_kek(decomposed, FLOOR)
    assert seen[0] == seen[1] == composed.encode("utf-8")


def test_nfc_and_nfd_passphrases_give_the_same_real_key():
    composed = "Zoë's ångström"
    a = derive_kek(composed, FLOOR).reveal()
    b = derive_kek(unicodedata.normalize("NFD", composed), FLOOR).reveal()
    assert a == b


def test_parameters_reach_argon2_unchanged(argon2_calls):
    derive_kek("x", params(memory_kib=2 * MIN_MEMORY_KIB, iterations=2, lanes=2))
    assert argon2_calls == [
        {"salt": SALT, "length": 32, "iterations": 2, "lanes": 2, "memory_cost": 2 * MIN_MEMORY_KIB}
    ]


@pytest.mark.parametrize("passphrase", ["", None, b"bytes passphrase"])
def test_refuses_empty_or_non_text_passphrase(passphrase, argon2_calls):
    with pytest.raises(ValueError, match="non-empty string"):
        derive_kek(passphrase, FLOOR)
    assert argon2_calls == []


@pytest.mark.parametrize(
    "good",
    [
        FLOOR,
        params(memory_kib=128 * 1024, iterations=2),  # same cost, other mix
        params(memory_kib=MAX_MEMORY_KIB, iterations=1),
        params(iterations=kdf.MAX_ITERATIONS),
        params(memory_kib=256 * 1024, iterations=kdf.MAX_ITERATIONS),  # the cost cap
        params(lanes=1),
        params(lanes=16),
    ],
    ids=["floor", "128MiB-t2", "max-memory", "max-iterations", "max-cost", "one-lane", "max-lanes"],
)
def test_accepts_parameters_within_bounds(good):
    check_params(good)


WEAK_OR_ABSURD = {
    "8MiB-t1": params(memory_kib=8 * 1024, iterations=1),
    "below-floor-memory": params(memory_kib=MIN_MEMORY_KIB - 1),
    "floor-memory-t2": params(iterations=2),
    "128MiB-t1": params(memory_kib=128 * 1024, iterations=1),
    "64GiB": params(memory_kib=64 * 1024 * 1024),
    "just-over-max-memory": params(memory_kib=MAX_MEMORY_KIB + 1),
    "zero-iterations": params(iterations=0),
    "too-many-iterations": params(iterations=kdf.MAX_ITERATIONS + 1),
    # Each within its own bound, but every unlock would take minutes.
    "2GiB-t3-over-cost-cap": params(memory_kib=MAX_MEMORY_KIB, iterations=3),
    "zero-lanes": params(lanes=0),
    "17-lanes": params(lanes=17),
    "short-salt": params(salt=bytes(15)),
    "long-salt": params(salt=bytes(17)),
    "text-salt": params(salt="0123456789abcdef"),
    "negative-memory": params(memory_kib=-MIN_MEMORY_KIB),
}


@pytest.mark.parametrize("bad", WEAK_OR_ABSURD.values(), ids=WEAK_OR_ABSURD.keys())
def test_refuses_weak_or_absurd_parameters_before_any_derivation(bad, argon2_calls):
    with pytest.raises(CorruptFile, match="unsafe key settings"):
        check_params(bad)
    with pytest.raises(CorruptFile, match="unsafe key settings"):
        derive_kek("correct horse battery staple", bad)
    assert argon2_calls == []


def test_minimum_params_is_the_floor_with_a_fresh_salt():
    a, b = minimum_params(), minimum_params()
    check_params(a)
    assert (a.memory_kib, a.iterations, a.lanes) == (MIN_MEMORY_KIB, 3, 4)
    assert len(a.salt) == 16
    assert a.salt != b.salt


def test_repr_leaves_out_the_salt():
    assert SALT.hex() not in repr(FLOOR)
    assert repr(SALT) not in repr(FLOOR)


def fake_clock(monkeypatch: pytest.MonkeyPatch, *readings: float) -> None:
    """Give kdf its own clock (not the global time module) that reads ``readings``."""
    ticks = iter(readings)
    monkeypatch.setattr(kdf, "time", types.SimpleNamespace(perf_counter=lambda: next(ticks)))


def test_calibrate_picks_passes_for_the_target_time(argon2_calls, monkeypatch):
    fake_clock(monkeypatch, 10.0, 10.1)  # one pass at 256 MiB "takes" 0.1 s
    chosen = calibrate(target_seconds=0.5)
    assert (chosen.memory_kib, chosen.iterations, chosen.lanes) == (256 * 1024, 5, 4)
    assert argon2_calls[0]["memory_cost"] == 256 * 1024
    check_params(chosen)


def test_calibrate_rounds_to_the_nearest_pass_count(argon2_calls, monkeypatch):
    fake_clock(monkeypatch, 0.0, 0.11)  # 5 passes (0.55 s) is nearer 0.5 s than 4 (0.44 s)
    assert calibrate(target_seconds=0.5).iterations == 5


def test_calibrate_never_picks_fewer_than_three_passes(argon2_calls, monkeypatch):
    # 0.3 s a pass: the nearest count to 0.5 s would be 2; the floor for new files is 3.
    fake_clock(monkeypatch, 0.0, 0.3)
    chosen = calibrate(target_seconds=0.5)
    assert (chosen.memory_kib, chosen.iterations) == (256 * 1024, 3)


def test_calibrate_on_a_slowish_machine_uses_less_memory_not_fewer_passes(
    argon2_calls, monkeypatch
):
    fake_clock(monkeypatch, 0.0, 1.0)  # 3 passes at 256 MiB: 3 s; at 128 MiB: 1.5 s
    chosen = calibrate()
    assert (chosen.memory_kib, chosen.iterations) == (128 * 1024, 3)


def test_calibrate_on_a_slow_machine_gets_the_floor_profile(argon2_calls, monkeypatch):
    fake_clock(monkeypatch, 0.0, 30.0)  # one pass takes 30 s
    chosen = calibrate()
    assert (chosen.memory_kib, chosen.iterations, chosen.lanes) == (MIN_MEMORY_KIB, 3, 4)
    check_params(chosen)


@settings(max_examples=300, deadline=None)
@given(
    one_pass=st.floats(min_value=0.0, max_value=120.0, allow_nan=False),
    target=st.floats(min_value=0.0, max_value=30.0, allow_nan=False),
)
def test_calibration_never_writes_below_the_floor_whatever_the_clock(one_pass, target):
    """The promise in SECURITY.md: new key files get >= 3 passes over >= 64 MiB."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setattr(kdf, "Argon2id", _NoArgon2)
        fake_clock(monkeypatch, 0.0, one_pass)
        chosen = calibrate(target_seconds=target)
    check_new_params(chosen)
    assert chosen.iterations >= 3
    assert chosen.memory_kib >= MIN_MEMORY_KIB
    assert chosen.memory_kib * chosen.iterations >= kdf.MIN_COST_PRODUCT


def test_the_app_makes_new_key_files_with_calibrate():
    # tests/conftest.py swaps in minimum_params for speed; a fresh interpreter shows
    # what the app itself uses for new vaults, passphrase changes and scheme keys.
    check = "from mentorpair.crypto import kdf; assert kdf.default_params is kdf.calibrate"
    subprocess.run([sys.executable, "-c", check], check=True)


@pytest.mark.parametrize(
    "below",
    [
        params(memory_kib=256 * 1024, iterations=1),
        params(memory_kib=128 * 1024, iterations=2),
    ],
    ids=["256MiB-t1", "128MiB-t2"],
)
def test_older_cheaper_mixes_still_open_but_are_never_written(below):
    check_params(below)  # a vault an earlier build made keeps opening
    with pytest.raises(ValueError, match="at least 3 passes"):
        check_new_params(below)


def test_the_floor_profile_may_be_written():
    check_new_params(minimum_params())


def test_calibrate_falls_back_to_the_floor_without_memory(monkeypatch):
    class OutOfMemory:
        def __init__(self, **kwargs: object) -> None:
            pass

        def derive(self, material: bytes) -> bytes:
            raise MemoryError

    monkeypatch.setattr(kdf, "Argon2id", OutOfMemory)
    chosen = calibrate()
    assert (chosen.memory_kib, chosen.iterations) == (MIN_MEMORY_KIB, 3)


@pytest.mark.slow
def test_real_calibration_meets_the_floor():
    chosen = calibrate(target_seconds=0.05)
    check_new_params(chosen)
    assert chosen.iterations >= 3
    assert chosen.memory_kib * chosen.iterations >= kdf.MIN_COST_PRODUCT


def test_settings_round_trip_through_a_key_file_document_and_nothing_else_passes():
    from mentorpair.crypto.kdf import params_from_document, params_to_document

    params = kdf.minimum_params()
    doc = params_to_document(params)
    assert params_from_document(doc) == params
    for change in (
        {"name": "scrypt"},
        {"lanes": True},
        {"iterations": "3"},
        {"salt": "not base64!"},
        {"extra": 1},
    ):
        with pytest.raises(ValueError, match=r"kdf|salt"):
            params_from_document({**doc, **change})
    with pytest.raises(ValueError, match="not a kdf object"):
        params_from_document([doc])
