"""Updates between two vaults: what arrives, and everything that must be refused.

Each refusal also checks the promise "nothing changed": the receiving vault's
events, chain and sync bookkeeping are the same before and after.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from mentorpair.domain.events import Event, EventKind
from mentorpair.domain.model import Role
from mentorpair.errors import (
    KnownError,
    MadeByNewerVersion,
    NotFound,
    PartnerNeedsUpdate,
    UpdateAlreadyImported,
    UpdateNotForMe,
    UpdateRefused,
    UpdateTooEarly,
)
from mentorpair.storage.workspace import new_id
from mentorpair.sync import update
from mentorpair.sync.chain import ChainEntry, sign_entry
from mentorpair.sync.exchange import NotPaired
from tests.unit.domain.factory import shared_view
from tests.unit.sync.conftest import Person, pair_up


def stored(person: Person) -> tuple[object, ...]:
    """Everything an import could change, as a comparable value."""
    db = person.vault.db
    return tuple(
        db.query(sql)
        for sql in (
            "SELECT event_id, pair_id, author, kind, at, shareable, body, clock, origin, seq,"
            " seen, quarantined FROM events ORDER BY 1",
            "SELECT pair_id, origin, seq, event_id, entry_hash, signature FROM chains"
            " ORDER BY 1,2,3",
            "SELECT * FROM sync_state ORDER BY pair_id",
            "SELECT * FROM peers ORDER BY pair_id, device_id",
            "SELECT * FROM own_devices ORDER BY device_id",
            "SELECT * FROM partner_devices ORDER BY pair_id, device_id",
            "SELECT * FROM partner_keys ORDER BY pair_id",
        )
    )


def refused(person: Person, data: bytes, error: type[KnownError] = UpdateRefused) -> str:
    """Import ``data``, expect ``error``, check nothing changed; return the message."""
    before = stored(person)
    with pytest.raises(error) as caught:
        person.x.import_update(data)
    assert stored(person) == before
    return caught.value.message


def seal_from(person: Person, pair_id: str, payload: bytes, seq: int | None = None) -> bytes:
    """An update from ``person`` to their partner, validly sealed and signed, with any payload."""
    partner = person.x.pairing.partner(pair_id)
    assert partner is not None
    number = person.x.updates_sent(pair_id) + 1 if seq is None else seq
    # A payload without format 3's fields goes in a format-2 file, as older apps wrote it.
    version = 3 if b'"devices"' in payload else 2
    return update.seal_update(
        person.vault.identity(), partner.keys, pair_id, number, payload, partner.pairing,
        version=version,
    )  # fmt: skip


def stamped(person: Person, pair_id: str, event: Event) -> Event:
    """``event`` with the next stamp of ``person``'s device, as a modified app would make it."""
    state = person.ws.state(pair_id)
    me = person.ws.origin
    seen = {o: seq for o, (seq, _) in state.heads.items() if o != me}
    return event.restamped(state.max_clock + 1, me, state.heads.get(me, (0, 0))[0] + 1, seen)


def add_goal(person: Person, pair_id: str, title: str) -> str:
    goal_id = new_id()
    person.ws.record(pair_id, EventKind.GOAL_CREATED, goal_id=goal_id, title=title)
    return goal_id


def add_note(person: Person, pair_id: str, title: str, kind: str = "shared") -> str:
    note_id = new_id()
    person.ws.record(
        pair_id, EventKind.NOTE_CREATED, note_id=note_id, kind=kind, title=title, text=title * 3
    )
    return note_id


def shared(person: Person, pair_id: str) -> object:
    """What both partners must agree on."""
    return shared_view(person.ws.state(pair_id))


# ---------------------------------------------------------------- what travels


def test_shared_things_arrive_and_private_ones_never_do(paired):
    amira, ben, pair_id = paired
    add_goal(amira, pair_id, "Apply for the consultant post")
    add_note(amira, pair_id, "Shared: rota worries")
    add_note(amira, pair_id, "PRIVATE-CANARY-7781 my own thoughts", kind="private")
    summary = ben.x.import_update(amira.x.export(pair_id))
    assert summary.counts == {"goals": 1, "notes": 1}
    state = ben.ws.state(pair_id)
    assert [g.title for g in state.goals.values()] == ["Apply for the consultant post"]
    assert [n.title for n in state.notes.values()] == ["Shared: rota worries"]
    dump = json.dumps([e.to_dict() for e in ben.ws.events(pair_id)])
    assert "PRIVATE-CANARY-7781" not in dump


def test_mentor_reflections_never_travel(paired):
    amira, ben, pair_id = paired
    goal_id = add_goal(amira, pair_id, "Lead a service improvement project")
    ben.x.import_update(amira.x.export(pair_id))
    ben.ws.record(
        pair_id,
        EventKind.NOTE_CREATED,
        note_id=new_id(),
        kind="reflection",
        title="REFLECTION-CANARY-3141",
        text="she undersells herself",
        goal_id=goal_id,
    )
    add_note(ben, pair_id, "Agreed actions")
    amira.x.import_update(ben.x.export(pair_id))
    titles = [n.title for n in amira.ws.state(pair_id).notes.values()]
    assert titles == ["Agreed actions"]


def test_two_partners_editing_offline_converge_both_ways(paired):
    amira, ben, pair_id = paired
    add_goal(amira, pair_id, "Publish the audit")
    note = add_note(ben, pair_id, "Session 1")
    a_update, b_update = amira.x.export(pair_id), ben.x.export(pair_id)
    amira.x.import_update(b_update)
    ben.x.import_update(a_update)
    # Both edit the same shared note from the same revision: a real conflict.
    base = amira.ws.state(pair_id).notes[note].revision
    amira.ws.record(pair_id, EventKind.NOTE_EDITED, note_id=note, text="Amira's", base=base)
    ben.ws.record(pair_id, EventKind.NOTE_EDITED, note_id=note, text="Ben's", base=base)
    a_update, b_update = amira.x.export(pair_id), ben.x.export(pair_id)
    ben.x.import_update(a_update)
    amira.x.import_update(b_update)
    assert shared(amira, pair_id) == shared(ben, pair_id)
    shared_note = amira.ws.state(pair_id).notes[note]
    assert shared_note.conflict is not None  # both versions kept for a person to choose


def test_acknowledged_changes_are_not_sent_again(paired):
    amira, ben, pair_id = paired
    add_goal(amira, pair_id, "One")
    ben.x.import_update(amira.x.export(pair_id))
    assert amira.x.unsent(pair_id) == 1
    amira.x.import_update(ben.x.export(pair_id))  # carries Ben's acknowledgement
    assert amira.x.unsent(pair_id) == 0
    summary = ben.x.import_update(amira.x.export(pair_id))
    assert summary.new_events == 0


def test_an_update_that_overlaps_what_arrived_before_adds_only_the_new(paired):
    amira, ben, pair_id = paired
    add_goal(amira, pair_id, "One")
    ben.x.import_update(amira.x.export(pair_id))
    add_goal(amira, pair_id, "Two")  # Ben has not acknowledged One: it is sent again
    summary = ben.x.import_update(amira.x.export(pair_id))
    assert summary.counts == {"goals": 1}
    assert len(ben.ws.state(pair_id).goals) == 2


def test_export_before_pairing_says_to_invite_first(people):
    amira, _, _ = people
    pair_id = amira.ws.create_pair(Role.MENTEE, "Ben")
    with pytest.raises(NotPaired):
        amira.x.export(pair_id)


# ---------------------------------------------------------------- refused


def test_an_update_imported_twice_is_refused_the_second_time(paired):
    amira, ben, pair_id = paired
    add_goal(amira, pair_id, "One")
    data = amira.x.export(pair_id)
    ben.x.import_update(data)
    assert "already imported" in refused(ben, data, UpdateAlreadyImported)


def test_an_old_update_after_a_newer_one_is_refused(paired):
    amira, ben, pair_id = paired
    add_goal(amira, pair_id, "One")
    old = amira.x.export(pair_id)
    add_goal(amira, pair_id, "Two")
    new = amira.x.export(pair_id)
    ben.x.import_update(new)
    refused(ben, old, UpdateAlreadyImported)
    assert len(ben.ws.state(pair_id).goals) == 2


def test_a_missing_update_is_detected_and_can_be_imported_after(paired):
    amira, ben, pair_id = paired
    add_goal(amira, pair_id, "One")
    first = amira.x.export(pair_id)
    # Ben's acknowledgement says he has nothing of Amira's; forge a state where
    # Amira believes Ben holds entry 1 so the next update starts at 2.
    amira.vault.db.execute(
        "UPDATE peers SET has = :h WHERE pair_id = :p",
        {"p": pair_id, "h": json.dumps({amira.ws.origin: 1})},
    )
    add_goal(amira, pair_id, "Two")
    second = amira.x.export(pair_id)
    assert "missing" in refused(ben, second, UpdateTooEarly)
    ben.x.import_update(first)
    ben.x.import_update(second)
    assert len(ben.ws.state(pair_id).goals) == 2


def test_an_update_for_another_pair_is_refused(people):
    amira, ben, carol = people
    pair_ab = pair_up(amira, ben)
    carol_pair = carol.ws.create_pair(Role.MENTOR, "Amira")
    # Amira is also mentee of Carol: Carol's update for that pair must not land in pair_ab.
    invitation = carol.x.pairing.invite(carol_pair)
    acceptance = amira.x.pairing.join(amira.x.pairing.read(invitation), "Carol")
    carol.x.pairing.accept(carol.x.pairing.read(acceptance))
    add_note(carol, carol_pair, "For Amira only")
    data = carol.x.export(carol_pair)
    refused(ben, data, UpdateNotForMe)  # not addressed to Ben at all
    summary = amira.x.import_update(data)
    assert summary.pair_id == carol_pair
    assert amira.ws.state(pair_ab).notes == {}


def test_a_third_vault_can_neither_read_nor_inject(people):
    amira, ben, carol = people
    pair_id = pair_up(amira, ben)
    add_goal(amira, pair_id, "Secret goal")
    data = amira.x.export(pair_id)
    refused(carol, data, UpdateNotForMe)
    # Carol seals an update to Ben for the pair, claiming to be the mentee.
    forged_event = Event(
        new_id(),
        pair_id,
        Role.MENTEE,
        EventKind.GOAL_CREATED,
        amira.ws.events(pair_id)[-1].at,
        {"goal_id": new_id(), "title": "Forged"},
    ).restamped(99, amira.ws.origin, 1, {})
    entry, _ = sign_entry(carol.vault.identity(), bytes(32), forged_event)
    payload = json.dumps(
        {"ack": {}, "got": 0, "confirmed": None, "entries": [entry.to_dict()]}
    ).encode()
    pairing = ben.x.pairing.partner(pair_id)
    assert pairing is not None
    forged = update.seal_update(
        carol.vault.identity(), ben.vault.identity().public(), pair_id, 1, payload,
        pairing.pairing, version=2,
    )  # fmt: skip
    assert "partner's keys" in refused(ben, forged)


def test_a_mentor_signed_goal_change_is_refused(paired):
    amira, ben, pair_id = paired
    add_goal(amira, pair_id, "Mine")
    ben.x.import_update(amira.x.export(pair_id))
    # Ben's app would never record this; a modified app could. Amira's refuses it.
    goal_id = next(iter(ben.ws.state(pair_id).goals))
    event = stamped(ben, pair_id, Event(
        new_id(),
        pair_id,
        Role.MENTOR,
        EventKind.GOAL_UPDATED,
        ben.ws.events(pair_id)[-1].at,
        {"goal_id": goal_id, "title": "Ben's idea"},
    ))  # fmt: skip
    ben.vault.db.execute(
        "INSERT INTO events (event_id, pair_id, author, kind, at, shareable, body, clock,"
        " origin, seq, seen) VALUES (:i, :p, 'mentor', 'goal.updated', :at, 1, :b, :c, :o,"
        " :s, :seen)",
        {
            "i": event.event_id,
            "p": pair_id,
            "at": event.to_dict()["at"],
            "b": json.dumps(dict(event.body)),
            "c": event.clock, "o": event.origin, "s": event.seq,
            "seen": json.dumps(dict(event.seen)),
        },
    )  # fmt: skip
    ben.ws.forget(pair_id)
    message = refused(amira, ben.x.export(pair_id))
    assert "Only the mentee can change the agenda and the goals." in message
    assert [g.title for g in amira.ws.state(pair_id).goals.values()] == ["Mine"]


def test_a_private_note_in_an_update_is_refused(paired):
    amira, ben, pair_id = paired
    add_note(ben, pair_id, "private", kind="private")
    # A modified app gives the private note a place in its chain and sends it.
    state = ben.ws.state(pair_id)
    ben.vault.db.execute(
        "UPDATE events SET shareable = 1, seq = :s, clock = :c, pclock = 0"
        " WHERE kind = 'note.created'",
        {"s": state.heads.get(ben.ws.origin, (0, 0))[0] + 1, "c": state.max_clock + 1},
    )
    ben.ws.forget(pair_id)
    message = refused(amira, ben.x.export(pair_id))
    assert "never shared" in message


def test_a_clock_pushed_to_the_limit_is_refused_so_recording_goes_on(paired):
    amira, ben, pair_id = paired
    add_note(ben, pair_id, "pushed")
    # A modified app stamps its change with the largest clock JSON keeps
    # exact: admitted, it would leave the receiver no clock for its next change.
    ben.vault.db.execute(
        "UPDATE events SET clock = :c WHERE kind = 'note.created'", {"c": 2**53 - 1}
    )
    ben.ws.forget(pair_id)
    before = amira.ws.events(pair_id)
    message = refused(amira, ben.x.export(pair_id))
    assert "Nothing was changed" in message
    assert amira.ws.events(pair_id) == before
    add_goal(amira, pair_id, "Still recording")


def _reseal(person: Person, pair_id: str, mutate: Callable[[dict[str, Any]], None]) -> bytes:
    """Person's next update with its payload changed, validly sealed and signed by them."""
    data = person.x.export(pair_id)
    assert data  # links the person's new events into their chain
    doc = {
        "ack": {},
        "got": 0,
        "confirmed": None,
        "entries": [e.to_dict() for e in person.x._entries_after(pair_id, 0)],
    }
    mutate(doc)
    return seal_from(person, pair_id, json.dumps(doc).encode())


def test_reordered_or_rolled_back_history_is_refused(paired):
    amira, ben, pair_id = paired
    add_goal(amira, pair_id, "One")
    add_goal(amira, pair_id, "Two")
    swapped = _reseal(amira, pair_id, lambda d: d["entries"].reverse())
    refused(ben, swapped)
    ben.x.import_update(amira.x.export(pair_id))

    # A different history under the same sequence numbers (a rollback/fork).
    def fork(doc: dict[str, Any]) -> None:
        doc["entries"][0]["event"]["body"]["title"] = "Rewritten"

    assert "rolled back" in refused(ben, _reseal(amira, pair_id, fork))


def test_every_flipped_byte_is_refused(paired):
    amira, ben, pair_id = paired
    add_goal(amira, pair_id, "One")
    data = amira.x.export(pair_id)
    positions = sorted(
        {
            *range(0, 64),
            *range(64, 1300, 13),
            *range(1300, len(data), len(data) // 150),
            len(data) - 1,
        }
    )
    for position in positions:
        damaged = bytearray(data)
        damaged[position] ^= 0x01
        before = stored(ben)
        with pytest.raises((UpdateRefused, MadeByNewerVersion)):
            ben.x.import_update(bytes(damaged))
        assert stored(ben) == before, position
    ben.x.import_update(data)  # the original still imports


@pytest.mark.parametrize("cut", [0, 1, 31, 32, 1000, 1289, 4096, -1, -16])
def test_a_truncated_or_empty_file_is_refused(paired, cut):
    amira, ben, pair_id = paired
    data = amira.x.export(pair_id)
    message = refused(ben, data[:cut])
    assert "empty" in message if cut == 0 else "incomplete or damaged" in message


def test_a_file_made_by_a_newer_version_says_so(paired):
    amira, ben, pair_id = paired
    data = bytearray(amira.x.export(pair_id))
    data[8:10] = (4).to_bytes(2, "big")
    assert "newer version" in refused(ben, bytes(data), MadeByNewerVersion)


def test_a_file_from_the_previous_format_asks_the_partner_to_update(paired):
    amira, ben, pair_id = paired
    data = bytearray(amira.x.export(pair_id))
    data[8:10] = (1).to_bytes(2, "big")
    assert "needs to update" in refused(ben, bytes(data), PartnerNeedsUpdate)


def test_a_huge_file_is_refused_by_its_size_alone(tmp_path, monkeypatch):
    huge = tmp_path / "huge.mpu"
    with huge.open("wb") as handle:
        handle.truncate(2 * 1024**3)  # sparse: 2 GB without using the disk

    def no_reading(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the file was opened for reading")

    monkeypatch.setattr(Path, "open", no_reading)
    with pytest.raises(UpdateRefused, match="far larger"):
        update.read_file(huge)


def test_reading_a_file_checks_its_size_and_returns_its_bytes(paired, tmp_path):
    amira, ben, pair_id = paired
    path = tmp_path / "update.mpu"
    path.write_bytes(amira.x.export(pair_id))
    ben.x.import_update(update.read_file(path))
    path.write_bytes(b"")
    with pytest.raises(UpdateRefused, match="empty"):
        update.read_file(path)
    with pytest.raises(NotFound):
        update.read_file(tmp_path / "gone.mpu")


def test_an_unknown_payload_field_is_refused(paired):
    amira, ben, pair_id = paired
    add_goal(amira, pair_id, "One")
    refused(ben, _reseal(amira, pair_id, lambda d: d.update(extra=1)))


def test_summary_counts_are_by_kind(paired):
    amira, ben, pair_id = paired
    goal_id = add_goal(amira, pair_id, "One")
    amira.ws.record(pair_id, EventKind.GOAL_UPDATED, goal_id=goal_id, progress=50)
    amira.ws.record(
        pair_id,
        EventKind.ACTION_ADDED,
        action_id=new_id(),
        what="Email the panel",
        owner="mentee",
        due=date(2026, 12, 1).isoformat(),
    )
    summary = ben.x.import_update(amira.x.export(pair_id))
    assert summary.counts == {"goals": 1, "goals_updated": 1, "actions": 1}
    assert dataclasses.asdict(summary)["pair_id"] == pair_id


def test_import_reports_progress_from_start_to_end(paired):
    amira, ben, pair_id = paired
    amira.ws.record_many(
        pair_id,
        [(EventKind.GOAL_CREATED, {"goal_id": new_id(), "title": f"G{i}"}) for i in range(250)],
    )
    seen: list[tuple[int, int]] = []
    ben.x.import_update(amira.x.export(pair_id), progress=lambda d, t: seen.append((d, t)))
    done = [d for d, _ in seen]
    assert done == sorted(done) and done[-1] == 100 and len(set(done)) > 4
    assert {t for _, t in seen} == {100}


def test_a_wrong_clock_neither_refuses_nor_reorders(paired):
    amira, ben, pair_id = paired
    ahead = amira.ws.now() + timedelta(days=400)
    amira.ws._clock = lambda: ahead  # a partner whose computer is a year ahead
    goal_id = add_goal(amira, pair_id, "From the future")
    assert ben.x.import_update(amira.x.export(pair_id)).counts == {"goals": 1}
    # Ben, on a right clock, answers: his change comes after it, as he made it.
    ben.ws.record(
        pair_id, EventKind.NOTE_CREATED, note_id=new_id(), kind="shared", title="Reply",
        text="Seen it", goal_id=goal_id,
    )  # fmt: skip
    amira.x.import_update(ben.x.export(pair_id))
    assert ben.ws.state(pair_id).rejected == amira.ws.state(pair_id).rejected == []
    assert shared(amira, pair_id) == shared(ben, pair_id)
    # And Ben's own later changes are not dated a year ahead because of hers.
    assert ben.ws.events(pair_id)[-1].at < ahead - timedelta(days=300)


def test_a_few_hours_of_clock_difference_are_fine(paired):
    amira, ben, pair_id = paired
    ahead = amira.ws.now() + timedelta(hours=3)
    amira.ws._clock = lambda: ahead
    add_goal(amira, pair_id, "Written on a fast clock")
    assert ben.x.import_update(amira.x.export(pair_id)).counts == {"goals": 1}


def test_an_event_id_reused_for_other_content_is_refused(paired):
    amira, ben, pair_id = paired
    add_goal(amira, pair_id, "Original")
    ben.x.import_update(amira.x.export(pair_id))
    original = amira.ws.events(pair_id)[-1]
    # A modified app re-sends the same change id with other content, newly signed.
    forged = stamped(amira, pair_id, Event(
        original.event_id, pair_id, Role.MENTEE, EventKind.GOAL_CREATED, original.at,
        {**original.body, "title": "Rewritten"},
    ))  # fmt: skip
    head = amira.x.head(pair_id, amira.ws.origin)
    entry, _ = sign_entry(amira.vault.identity(), head.hash, forged)
    payload = json.dumps({"ack": {}, "got": 0, "confirmed": None,
                          "entries": [entry.to_dict()]}).encode()  # fmt: skip
    assert "contradicts" in refused(ben, seal_from(amira, pair_id, payload))


def test_a_deeply_nested_payload_is_refused_not_crashed(paired):
    amira, ben, pair_id = paired
    payload = b"[" * 100_000 + b"]" * 100_000
    refused(ben, seal_from(amira, pair_id, payload, seq=1))


def test_one_change_twice_in_a_chain_is_refused(paired):
    amira, ben, pair_id = paired
    note = add_note(amira, pair_id, "Session")
    amira.ws.record(pair_id, EventKind.NOTE_EDITED, note_id=note, text="again",
                    base=amira.ws.state(pair_id).notes[note].revision)  # fmt: skip
    edit = amira.ws.events(pair_id)[-1]

    def twice(doc: dict[str, Any]) -> None:
        # The same edit linked again, correctly chained and signed: only the
        # duplicate id gives it away.
        last = ChainEntry.from_dict(doc["entries"][-1])
        twin = edit.restamped(last.event.clock + 1, edit.origin, last.seq + 1, edit.seen)
        again, _ = sign_entry(amira.vault.identity(), last.hash(), twin)
        doc["entries"].append(again.to_dict())

    assert refused(ben, _reseal(amira, pair_id, twice)) == UpdateRefused.default_message
