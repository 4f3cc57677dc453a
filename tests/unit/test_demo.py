"""The demo vault: realistic, invented, openable, and gone afterwards."""

from __future__ import annotations

from mentorpair.demo import DEMO_PASSPHRASE, DemoSession, load_demo_data
from mentorpair.domain.model import NoteKind, Role
from mentorpair.storage.vault import Vault
from mentorpair.storage.workspace import Workspace
from mentorpair.sync.exchange import Exchange
from mentorpair.sync.pairing import PairingStatus
from tests.unit.domain.factory import shared_view


def test_demo_session_makes_an_open_vault_and_deletes_it():
    data = load_demo_data()
    with DemoSession() as session:
        assert not session.vault.closed
        assert session.side is Role.MENTEE
        assert session.vault.display_name() == data["viewer"]["display_name"]
        folder = session.folder
        session.vault.close()
        # The passphrase shown on the demo's unlock page really opens it.
        with Vault.open(session.vault_folder(Role.MENTEE), DEMO_PASSPHRASE) as again:
            assert again.display_name() == data["viewer"]["display_name"]
    assert not folder.exists()


def test_demo_shows_the_same_relationship_from_either_side():
    with DemoSession() as session:
        mentee_pairs = Workspace(session.vault).pairs()
        assert [p.my_role for p in mentee_pairs] == [Role.MENTEE]
        mentor_vault = session.switch_side()
        assert session.side is Role.MENTOR and session.vault is mentor_vault
        workspace = Workspace(mentor_vault)
        (pair,) = workspace.pairs()
        state = workspace.state(pair.pair_id)
        assert pair.my_role is Role.MENTOR and state.rejected == []
        # The mentee's goals are there, read-only; the reflections are the mentor's own.
        assert state.goals
        assert any(n.kind is NoteKind.REFLECTION for n in state.notes.values())


def test_cleanup_is_idempotent():
    session = DemoSession()
    session.cleanup()
    session.cleanup()
    assert not session.folder.exists()


def test_the_two_demo_copies_are_paired_verified_and_in_step():
    with DemoSession() as session:
        views = []
        for _ in range(2):
            workspace = Workspace(session.vault)
            exchange = Exchange(workspace)
            (pair,) = workspace.pairs()
            assert exchange.pairing.link(pair.pair_id).status is PairingStatus.VERIFIED
            assert exchange.unsent(pair.pair_id) == 0
            views.append(shared_view(workspace.state(pair.pair_id)))
            session.switch_side()
        assert views[0] == views[1]


def test_the_demo_pair_is_invited_to_give_feedback():
    from mentorpair.feedback.pairside import PairFeedback

    with DemoSession() as session:
        workspace = Workspace(session.vault)
        (pair,) = workspace.pairs()
        (invitation,) = PairFeedback(workspace, pair.pair_id).invitations()
        assert invitation.scheme.name == "Emergency Medicine Mentoring Scheme"
