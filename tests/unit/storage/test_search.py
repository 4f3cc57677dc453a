"""Workspace.search: prefixes, diacritics, hostile input, privacy, erasure; match marks."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mentorpair.domain.events import EventKind
from mentorpair.domain.model import Role
from mentorpair.storage.search_marks import marks_to_html, strip_marks
from mentorpair.storage.vault import Vault
from mentorpair.storage.workspace import MATCH_END, MATCH_START, SEARCH_LIMIT, Workspace, new_id
from tests.unit.storage.support import PASSPHRASE

A, B = MATCH_START, MATCH_END


@pytest.fixture
def ws(vault_folder):
    vault = Vault.open(vault_folder, PASSPHRASE)
    yield Workspace(vault)
    vault.close()


def add_note(ws, pair, kind="shared", title="", text=""):
    note_id = new_id()
    ws.record(pair, EventKind.NOTE_CREATED, note_id=note_id, kind=kind, title=title, text=text)
    return note_id


def ids(hits):
    return sorted(h.entity_id for h in hits)


def test_each_word_matches_as_a_prefix_and_all_are_required(ws):
    pair = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
    rota = add_note(ws, pair, title="Rotas", text="Protected time for teaching")
    add_note(ws, pair, title="Exams", text="Revision plan")
    assert ids(ws.search("rot")) == [rota]
    assert ids(ws.search("prot teach")) == [rota]
    assert ws.search("prot revision") == []  # every word must match
    assert ws.search("otas") == []  # a prefix, not any substring


def test_matches_are_marked_in_title_and_snippet(ws):
    pair = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
    add_note(ws, pair, title="Rota talk", text="We discussed the rota.")
    (hit,) = ws.search("rota")
    assert hit.title == f"{A}Rota{B} talk"
    assert f"{A}rota{B}" in hit.snippet
    assert (hit.kind, hit.pair_id, hit.private) == ("note", pair, False)


@pytest.mark.parametrize("query", ["zoe", "Zoe", "ZOË", "zoë", "zo\u0308e"])
def test_diacritics_do_not_matter(ws, query):
    pair = ws.create_pair(Role.MENTOR, "Zoë Adams")
    note_id = add_note(ws, pair, title="Talk with Zoë", text="Zoë and Chloé")
    assert ids(ws.search(query)) == [note_id]


@pytest.mark.parametrize(
    "query",
    [
        '"', '""', '"rota', "rota AND", "AND", "OR", "NOT", "a AND b", "a OR b", "NOT rota",
        "NEAR(rota time)", "NEAR", "rota NEAR/2 time", "*", "rota*", "* rota", "-", "-rota",
        "rota -time", "^rota", "title:rota", "body:", "{title}: rota", "(", ")", "(rota",
        "+", ":", "'", "\\", "\x02rota\x03", "rota' OR 1=1 --", "é", " ", "",
    ],
)  # fmt: skip
def test_search_syntax_typed_by_a_person_never_raises(ws, query):
    pair = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
    add_note(ws, pair, title="Rota", text="protected time")
    hits = ws.search(query)
    assert isinstance(hits, list)


def test_any_text_at_all_never_raises(ws):
    pair = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
    add_note(ws, pair, title="Rota", text="protected time")

    # Nested so that one vault serves every example: the property is about the query.
    @settings(max_examples=150, deadline=None)
    @given(query=st.text(max_size=40))
    def check(query):
        assert isinstance(ws.search(query), list)

    check()


def test_a_nul_character_in_the_query_never_raises(ws):
    # SQLite's tokenizer used to fail on NUL ("unterminated string").
    pair = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
    add_note(ws, pair, title="Rota")
    assert [hit.title for hit in ws.search("\x00rota\x00")] == ["\x02Rota\x03"]


def test_presenter_search_leaves_out_private_notes_and_reflections(ws):
    pair = ws.create_pair(Role.MENTOR, "Dr Helen Marsh")
    shared = add_note(ws, pair, "shared", "Rota shared")
    private = add_note(ws, pair, "private", "Rota private")
    reflection = add_note(ws, pair, "reflection", "Rota reflection")
    assert ids(ws.search("rota")) == sorted([shared, private, reflection])
    hits = ws.search("rota", include_private=False)
    assert ids(hits) == [shared]
    assert not any(h.private for h in hits)
    assert ws.search("private", include_private=False) == []


def test_a_pair_scope_leaves_out_other_pairs(ws):
    first = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
    second = ws.create_pair(Role.MENTOR, "Dr Sam Osei")
    mine = add_note(ws, first, title="Rota")
    theirs = add_note(ws, second, title="Rota")
    assert ids(ws.search("rota", pair_id=first)) == [mine]
    assert ids(ws.search("rota", pair_id=second)) == [theirs]
    assert ids(ws.search("rota")) == sorted([mine, theirs])


def test_edits_and_deletes_keep_the_index_current(ws):
    pair = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
    note_id = add_note(ws, pair, title="Plan", text="old words")
    revision = ws.state(pair).notes[note_id].revision
    ws.record(pair, EventKind.NOTE_EDITED, note_id=note_id, base=revision, text="new words")
    assert ws.search("old") == []
    assert ids(ws.search("new")) == [note_id]
    ws.record(pair, EventKind.NOTE_DELETED, note_id=note_id)
    assert ws.search("new") == []


def test_destroy_pair_removes_its_search_rows(ws):
    gone = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
    kept = ws.create_pair(Role.MENTOR, "Dr Sam Osei")
    add_note(ws, gone, title="Rota gone", text="canary-zebra")
    ws.record(gone, EventKind.GOAL_CREATED, goal_id="g1", title="Rota goal")
    survivor = add_note(ws, kept, title="Rota kept")
    ws.destroy_pair(gone)
    assert ids(ws.search("rota")) == [survivor]
    assert ws.search("canary") == []
    db = ws.vault.db
    assert db.query_one("SELECT count(*) FROM search_rows WHERE pair_id = :p", {"p": gone}) == (0,)
    assert db.query_one("SELECT count(*) FROM search WHERE pair_id = :p", {"p": gone}) == (0,)


def test_limit_caps_the_hits(ws):
    pair = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
    ws.record_many(
        pair,
        [
            (EventKind.NOTE_CREATED, {"note_id": f"n{i}", "kind": "shared", "title": "rota"})
            for i in range(30)
        ],
    )
    assert len(ws.search("rota", limit=10)) == 10
    assert len(ws.search("rota")) == 30


# ----------------------------------------------------------------- match marks
def test_marks_become_tags_after_escaping():
    assert marks_to_html(f"a {A}rota{B} <b>&") == "a <b>rota</b> &lt;b&gt;&amp;"
    assert marks_to_html(f'{A}"x"{B}', "<em>", "</em>") == "<em>&quot;x&quot;</em>"


def test_unbalanced_marks_are_repaired():
    assert marks_to_html(f"{A}open") == "<b>open</b>"
    assert marks_to_html(f"stray{B} end") == "stray end"
    assert marks_to_html(f"{A}{A}twice{B}{B}") == "<b>twice</b>"


def test_strip_marks():
    assert strip_marks(f"a {A}rota{B}") == "a rota"


@given(st.text())
def test_no_text_can_become_markup(text):
    rendered = marks_to_html(text)
    without_tags = rendered.replace("<b>", "").replace("</b>", "")
    assert "<" not in without_tags and ">" not in without_tags
    assert rendered.count("<b>") == rendered.count("</b>")


def test_the_same_id_in_another_pair_never_touches_this_pairs_search(ws):
    from mentorpair.domain.events import Event

    partner_device = "9a" * 16
    mine = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
    other = ws.create_pair(Role.MENTOR, "Sam")
    ws.record(mine, EventKind.NOTE_CREATED, note_id="same-id", kind="shared", title="Rota worries",
              text="only here")  # fmt: skip
    # A partner in the other pair sends a note that reuses the id (they could know it).
    state = ws.state(other)
    planted = Event(
        "e" * 32, other, Role.MENTEE, EventKind.NOTE_CREATED, ws.now(),
        {"note_id": "same-id", "kind": "shared", "title": "Planted", "text": "elsewhere"},
    ).restamped(state.max_clock + 1, partner_device, 1, {})  # fmt: skip
    ws.add_events(other, [planted], received=True)
    assert [h.pair_id for h in ws.search("Rota")] == [mine]
    assert [h.pair_id for h in ws.search("Planted")] == [other]
    ws.record(other, EventKind.NOTE_DELETED, note_id="same-id", base="e" * 32)
    assert [h.pair_id for h in ws.search("Rota")] == [mine]


def test_no_search_returns_more_than_the_limit(ws):
    # Ranking and marking every match of a one-letter word in a large vault
    # took over a second on the UI thread (issue 12).
    pair = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
    ws.record_many(
        pair,
        [
            (EventKind.NOTE_CREATED, {"note_id": f"n{i}", "kind": "shared", "title": "rota"})
            for i in range(SEARCH_LIMIT + 1)
        ],
    )
    assert len(ws.search("rota")) == SEARCH_LIMIT
    assert len(ws.search("rota", limit=SEARCH_LIMIT + 500)) == SEARCH_LIMIT


def test_merging_the_index_before_removals_keeps_what_search_finds(ws):
    # Issue 12: removals between many small segments were slow with FTS5's
    # secure delete; each batch of removals now merges first. What a search
    # finds must be what a freshly built index finds.
    pair = ws.create_pair(Role.MENTEE, "Dr Helen Marsh")
    words = ["rota", "audit", "exams", "ward", "teaching", "leave", "research", "clinic"]
    notes = [
        add_note(ws, pair, title=f"Note {n}", text=" ".join(words[n % 8 :])) for n in range(40)
    ]
    for round_ in range(3):
        state = ws.state(pair)
        ws.record_many(
            pair,
            [
                (
                    EventKind.NOTE_EDITED,
                    {
                        "note_id": note_id,
                        "base": state.notes[note_id].revision,
                        "text": " ".join(words[(n + round_) % 8 :: 2]) + f" round{round_}",
                    },
                )
                for n, note_id in enumerate(notes[round_ * 10 :], start=round_ * 10)
            ],
        )
    db = ws.vault.db
    assert db.query_one("SELECT v FROM search_config WHERE k = 'usermerge'") == (2,)
    queries = [*words, "round0", "round2", "note", "rota clinic", "r"]

    def found():
        return {q: sorted((h.entity_id, h.title, h.snippet) for h in ws.search(q)) for q in queries}

    merged = found()
    # The last edit of each note replaced its older words in the index.
    assert {hit[0] for hit in merged["round0"]} == set(notes[:10])
    assert {hit[0] for hit in merged["round2"]} == set(notes[20:])
    db.execute("INSERT INTO search (search, rank) VALUES ('integrity-check', 1)")
    db.execute("INSERT INTO search (search) VALUES ('rebuild')")
    assert found() == merged
