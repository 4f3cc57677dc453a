"""At 10,000 events (100,000 with MENTORPAIR_LONG=1) search, open and save give the right answers.

Speed is the benchmarks' business (``benchmarks/run.py``); these tests check
that the paths made fast at this size still return what they must: every
pair in the sidebar, every match in search and in the right order, the same
state whether a pair was folded from disk or built change by change, and a
save that changes exactly one note.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from benchmarks import corpus
from mentorpair.domain.events import EventKind
from mentorpair.domain.model import Note, NoteKind
from mentorpair.domain.state import PairState
from mentorpair.storage.workspace import MATCH_START, SEARCH_LIMIT, SearchHit, Workspace, new_id
from tests.large.conftest import EVENTS, LargeVault

pytestmark = pytest.mark.slow


# ------------------------------------------------------------------ oracles
def _searchable(state: PairState) -> Iterator[tuple[str, str, str]]:
    """(kind, id, words) of everything search should find in a pair, as people see it."""
    for note_id, note in state.notes.items():
        yield "note", note_id, f"{note.title} {note.text}"
    for goal_id, goal in state.goals.items():
        stones = " ".join(m.title for m in goal.milestones)
        yield "goal", goal_id, f"{goal.title} {goal.description} {goal.category} {stones}"
    for items in state.agenda.values():
        for item in items:
            yield "agenda", item.item_id, f"{item.title} {item.why} {item.outcome}"
    for suggestion_id, suggestion in state.suggestions.items():
        if suggestion.status == "open":
            yield "suggestion", suggestion_id, f"{suggestion.title} {suggestion.why}"
    for action_id, action in state.actions.items():
        yield "action", action_id, action.what


def _expected(large: LargeVault, query: str) -> set[tuple[str, str, str]]:
    """(pair, kind, id) of every thing holding each query word as the start of a word."""
    wanted = query.lower().split()
    found = set()
    for pair_id, state in large.built_states.items():
        for kind, thing, text in _searchable(state):
            tokens = re.findall(r"\w+", text.lower())
            if all(any(t.startswith(w) for t in tokens) for w in wanted):
                found.add((pair_id, kind, thing))
    return found


def _snapshot(state: PairState) -> dict[str, object]:
    """What the screens show of a pair (the fold's bookkeeping left out)."""
    return {
        "partner": state.partner_name,
        "role": state.my_role,
        "agreement": state.agreement,
        "meetings": state.meetings,
        "agenda": state.agenda,
        "suggestions": state.suggestions,
        "goals": state.goals,
        "notes": state.notes,
        "actions": state.actions,
        "heads": state.heads,
        "max_clock": state.max_clock,
        "rejected": state.rejected,
    }


# ------------------------------------------------------------------ sidebar
def test_the_sidebar_lists_every_pair_with_its_name_and_role(large_vault, large_workspace):
    pairs = large_workspace.pairs()

    assert {(p.pair_id, p.partner_name, p.my_role) for p in pairs} == {
        (pair_id, plan.partner, plan.my_role) for pair_id, plan, _ in large_vault.made
    }
    assert [p.partner_name.casefold() for p in pairs] == sorted(
        p.partner_name.casefold() for p in pairs
    )


def test_every_change_recorded_in_batches_is_stored_and_private_ones_stay_private(
    large_vault, large_workspace
):
    assert sum(n for _, _, n in large_vault.made) >= EVENTS
    for pair_id, _, count in large_vault.made:
        assert len(large_workspace.events(pair_id)) == count
        shared = large_workspace.shareable_events(pair_id)
        private = {
            n
            for n, note in large_vault.built_states[pair_id].notes.items()
            if not note.kind.leaves_machine
        }
        assert private, "every pair of the corpus has private notes or reflections"
        assert not any(e.body.get("note_id") in private for e in shared)


# ------------------------------------------------------------------ open a pair
def test_a_pair_folded_from_disk_equals_the_state_built_change_by_change(
    large_vault, large_workspace
):
    for pair_id, _, _ in large_vault.made:
        cold = Workspace(large_workspace.vault).state(pair_id)
        assert _snapshot(cold) == _snapshot(large_vault.built_states[pair_id])


def test_the_big_pair_holds_every_kind_of_thing(large_vault):
    state = large_vault.built_states[large_vault.big_pair]
    kinds = {note.kind for note in state.notes.values()}

    assert kinds == {NoteKind.SHARED, NoteKind.PRIVATE}
    assert state.meetings and state.goals and state.actions and state.agreement
    assert sum(len(items) for items in state.agenda.values()) > EVENTS // 50
    assert any(goal.milestones for goal in state.goals.values())
    assert any(note.updated_at != note.created_at for note in state.notes.values())  # edited
    mentor_pairs = [p for p, plan, _ in large_vault.made if plan.my_role.value == "mentor"]
    reflections = [
        n
        for p in mentor_pairs
        for n in large_vault.built_states[p].notes.values()
        if n.kind is NoteKind.REFLECTION
    ]
    assert reflections and any(large_vault.built_states[p].suggestions for p in mentor_pairs)


# ------------------------------------------------------------------ search
def test_search_finds_the_planted_note_among_all_the_others(large_vault, large_workspace):
    hits = large_workspace.search(corpus.PLANTED_WORD)

    assert [(h.pair_id, h.entity_id, h.kind) for h in hits] == [
        (large_vault.big_pair, large_vault.planted, "note")
    ]
    assert f"{MATCH_START}{corpus.PLANTED_WORD}" in hits[0].snippet
    other = large_vault.made[1][0]
    assert large_workspace.search(corpus.PLANTED_WORD, pair_id=other) == []


@pytest.mark.parametrize("band", [0, 1, 2, 3, 7, 11])
def test_search_finds_exactly_what_holds_the_words(large_vault, large_workspace, band):
    """Queries of every frequency (common, middling, rare, two words, a prefix)."""
    query = corpus.queries(corpus.vocabulary())[band]
    expected = _expected(large_vault, query)

    _check_hits(large_workspace.search(query), expected)
    # Pair by pair too: at 100,000 events a common word is in more than the
    # limit overall, and the smaller pairs are then checked to the last hit.
    for pair_id in large_vault.built_states:
        mine = {e for e in expected if e[0] == pair_id}
        _check_hits(large_workspace.search(query, pair_id=pair_id), mine)


def _check_hits(hits: list[SearchHit], expected: set[tuple[str, str, str]]) -> None:
    """Exactly the things holding the words, or the best SEARCH_LIMIT of them."""
    found = {(h.pair_id, h.kind, h.entity_id) for h in hits}
    assert len(found) == len(hits), "a thing was found twice"
    if len(expected) <= SEARCH_LIMIT:
        assert found == expected
    else:
        assert len(hits) == SEARCH_LIMIT
        assert found <= expected, "a hit does not hold the words"


def test_the_first_200_hits_are_the_best_of_all_hits(large_workspace):
    query = corpus.vocabulary().words[0]  # the most common word: in nearly everything

    everything = large_workspace.search(query)  # SEARCH_LIMIT: the most any search returns
    first = large_workspace.search(query, limit=200)

    assert len(everything) > 200
    assert [h.entity_id for h in first] == [h.entity_id for h in everything[:200]]
    assert all(MATCH_START in h.title + h.snippet for h in first)


def test_presenter_mode_search_leaves_out_every_private_thing(large_workspace):
    query = corpus.queries(corpus.vocabulary())[0]

    hits = large_workspace.search(query, include_private=False)

    assert hits and not any(h.private for h in hits)
    # The filter has something to leave out: the same search finds private things.
    assert any(h.private for h in large_workspace.search(query))


def test_a_note_about_the_word_ranks_before_one_that_mentions_it(large_vault, large_copy):
    pair = large_vault.big_pair
    note_id = new_id()
    word = corpus.PLANTED_WORD
    large_copy.record(
        pair, EventKind.NOTE_CREATED, note_id=note_id, kind="shared", title=f"{word} {word}",
        text=f"All about {word}.",
    )  # fmt: skip

    hits = large_copy.search(word)

    assert [h.entity_id for h in hits] == [note_id, large_vault.planted]


# ------------------------------------------------------------------ save through the UI
@pytest.mark.gui
def test_saving_in_the_notes_tab_changes_exactly_that_note(qtbot, large_vault, large_copy):
    from mentorpair.ui.pair.base import PairContext
    from mentorpair.ui.pair.notes import NotesTab

    pair = large_vault.big_pair
    tab = NotesTab(PairContext(large_copy, pair))
    qtbot.addWidget(tab)
    tab.show()  # a tab may fill its list when first shown
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0)
    rows = tab.model.rowCount()
    listed = _listed(tab)
    note_id = list(listed)[rows // 2]
    assert tab.select_note(note_id)
    before = _listed(tab)
    stored = large_copy.vault.db.query_one("SELECT COUNT(*) FROM events")[0]

    tab.body.setPlainText("Rewritten in the large-vault test.")
    assert tab.save()
    qtbot.wait(10)  # the other tabs hear of it a moment later

    after = _listed(tab)
    assert after.keys() == before.keys() and tab.model.rowCount() == rows
    assert after[note_id].text == "Rewritten in the large-vault test."
    assert {n: v for n, v in after.items() if n != note_id} == {
        n: v for n, v in before.items() if n != note_id
    }
    assert large_copy.vault.db.query_one("SELECT COUNT(*) FROM events")[0] == stored + 1
    last = large_copy.vault.db.query_one(
        "SELECT kind, body FROM events ORDER BY rowid DESC LIMIT 1"
    )
    assert last[0] == EventKind.NOTE_EDITED.value and note_id in last[1]
    cold = Workspace(large_copy.vault).state(pair).notes
    assert cold == large_copy.state(pair).notes
    assert cold[note_id].text == "Rewritten in the large-vault test."


def _listed(tab) -> dict[str, Note]:
    """The notes the tab's list shows, by id, in list order."""
    notes = [tab.model.note_at(row) for row in range(tab.model.rowCount())]
    return {note.note_id: note for note in notes if note is not None}
