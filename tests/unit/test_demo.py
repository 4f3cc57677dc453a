"""The demo vault: realistic, invented, openable, and gone afterwards."""

from __future__ import annotations

from mentorpair.demo import DEMO_PASSPHRASE, DemoSession, load_demo_data
from mentorpair.storage.vault import Vault


def test_demo_session_makes_an_open_vault_and_deletes_it():
    data = load_demo_data()
    with DemoSession() as session:
        assert not session.vault.closed
        assert session.vault.display_name() == data["viewer"]["display_name"]
        folder = session.folder
        session.vault.close()
        # The passphrase shown on the demo's unlock page really opens it.
        with Vault.open(folder / "vault", DEMO_PASSPHRASE) as again:
            assert again.display_name() == data["viewer"]["display_name"]
    assert not folder.exists()


def test_cleanup_is_idempotent():
    session = DemoSession()
    session.cleanup()
    session.cleanup()
    assert not session.folder.exists()
