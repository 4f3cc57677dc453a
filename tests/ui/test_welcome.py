"""Journey: the very first run, from the welcome text to the main window."""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QLabel

from mentorpair.domain.passphrase import ADVICE, Hint, Strength
from mentorpair.storage.vault import Vault
from tests.ui.conftest import NAME, PASSPHRASE

from mentorpair.ui import i18n, workers
from mentorpair.ui.welcome import WelcomePage


def fill(page, name=NAME, passphrase=PASSPHRASE, confirm=PASSPHRASE):
    page.name_edit.setText(name)
    page.passphrase.edit.setText(passphrase)
    page.confirm.edit.setText(confirm)


def test_first_run_explains_privacy_and_the_unrecoverable_passphrase(make_window, vault_folder):
    window = make_window(vault_folder)
    page = window.welcome_page
    assert window.stack.currentWidget() is page
    texts = " ".join(label.text() for label in page.findChildren(QLabel))
    assert "What stays private" in texts
    assert "cannot be recovered" in texts
    assert window.lock_state.text() == "No vault yet"
    assert not window.lock_action.isEnabled()


def test_weak_or_mismatched_passphrase_cannot_create(make_window, vault_folder):
    page = make_window(vault_folder).welcome_page
    fill(page, passphrase="password123", confirm="password123")
    assert not page.create_button.isEnabled()
    assert "Strength" in page.meter.label.text()
    fill(page, confirm=PASSPHRASE + "x")
    assert not page.create_button.isEnabled()
    assert page.problem.text() == "The two passphrases are not the same."
    fill(page, name="   ")
    assert not page.create_button.isEnabled()
    assert not vault_folder.exists()


def test_create_vault_lands_in_main_window(qtbot, make_window, vault_folder):
    window = make_window(vault_folder)
    page = window.welcome_page
    fill(page)
    assert page.create_button.isEnabled()
    with qtbot.waitSignal(window.unlocked, timeout=10_000):
        qtbot.keyClick(page.confirm.edit, "\r")
    assert window.stack.currentWidget() is window.workspace
    assert window.workspace.home.greeting.text() == f"Hello, {NAME}"
    # The name is not in the title: task switchers and screen shares show it.
    assert NAME not in window.windowTitle()
    # The passphrase fields are emptied once used.
    assert page.passphrase.text() == "" and page.confirm.text() == ""
    assert (vault_folder / "vault.key").exists() and (vault_folder / "vault.db").exists()
    window.lock()
    with Vault.open(vault_folder, PASSPHRASE) as vault:
        assert vault.display_name() == NAME


def test_creation_shows_progress_and_blocks_double_submit(qtbot, make_window, vault_folder):
    window = make_window(vault_folder)
    page = window.welcome_page
    fill(page)
    page.create_button.click()
    assert page.busy.isVisible()
    assert not page.create_button.isEnabled()
    page.create_button.click()  # ignored while busy
    assert workers.pending_count() == 1
    qtbot.waitUntil(lambda: window.vault is not None, timeout=10_000)
    assert not page.busy.isVisible()


def test_a_score_3_passphrase_is_refused_with_a_word_count_hint(make_window, vault_folder):
    # zxcvbn scores "bicycle thunder" 3 (about 10^8 guesses): no longer enough.
    page = make_window(vault_folder).welcome_page
    fill(page, passphrase="bicycle thunder", confirm="bicycle thunder")
    assert page.meter.strength.score == 3
    assert not page.create_button.isEnabled()
    assert page.meter.label.text() == (
        "Strength: Nearly there. Add another ordinary word that has nothing to do with the "
        "others (words so far: 2). Four or more usually make it strong."
    )
    fill(page, passphrase="bicycle thunder lantern", confirm="bicycle thunder lantern")
    assert page.meter.strength.score == 4
    assert page.create_button.isEnabled()
    assert page.meter.label.text() == "Strength: Strong."


def test_a_passphrase_built_on_ones_own_name_is_refused(make_window, vault_folder):
    page = make_window(vault_folder).welcome_page
    phrase = "amara okafor garden river"
    fill(page, passphrase=phrase, confirm=phrase)
    assert not page.create_button.isEnabled()
    assert "Leave out your own name" in page.meter.label.text()
    # The same words with someone else's name typed in are fine: it is the name that matters.
    fill(page, name="Dr Sam Patel", passphrase=phrase, confirm=phrase)
    assert page.create_button.isEnabled()


def test_the_advice_before_typing_says_how_to_reach_strong(make_window, vault_folder):
    page = make_window(vault_folder).welcome_page
    assert page.meter.label.text() == (
        "Use four or more ordinary words that have nothing to do with you: "
        "no names, dates or places."
    )


def test_a_screen_reader_reads_the_strength_and_the_advice(make_window, vault_folder):
    page = make_window(vault_folder).welcome_page
    fill(page, passphrase="bicycle thunder", confirm="bicycle thunder")
    said = page.meter.label.text()
    assert "Nearly there" in said and "words so far: 2" in said
    label = QAccessible.queryAccessibleInterface(page.meter.label)
    assert label is not None
    assert label.text(QAccessible.Text.Name) == said
    bar = QAccessible.queryAccessibleInterface(page.meter.bar)
    assert bar is not None
    assert bar.text(QAccessible.Text.Name) == "Passphrase strength"
    assert bar.text(QAccessible.Text.Description) == said


def test_every_hint_the_domain_gives_is_shown_in_the_same_words(make_window, vault_folder):
    # The meter translates the domain's hints; in English it must say exactly what they say.
    meter = make_window(vault_folder).welcome_page.meter
    for hint in Hint:
        strength = Strength(0, "Very weak", hint, ADVICE[hint].format(words=3), False, 3, 1.0)
        assert meter._advice(strength) == strength.advice


def test_the_strength_and_advice_speak_german_when_german_is_chosen(
    qapp, make_window, vault_folder
):
    page = make_window(vault_folder).welcome_page
    i18n.apply_language(qapp, "de")
    try:
        fill(page, passphrase="bicycle thunder", confirm="bicycle thunder")
        assert page.meter.label.text() == (
            "Stärke: Fast geschafft. Fügen Sie ein weiteres gewöhnliches Wort hinzu, das "
            "nichts mit den anderen zu tun hat (Wörter bisher: 2). Mit vier oder mehr ist "
            "sie meist stark."
        )
        fill(page, passphrase="", confirm="")
        assert "keine Namen, Daten oder Orte" in page.meter.label.text()
    finally:
        i18n.remove_language(qapp)


def test_both_ways_in_are_seen_at_800_by_600_and_stack_when_narrow(
    qtbot, make_window, vault_folder
):
    from PySide6.QtWidgets import QBoxLayout

    window = make_window(vault_folder)
    window.resize(800, 600)
    window.show()
    qtbot.waitExposed(window)
    page = window.welcome_page
    assert "never leave your own computers" in " ".join(
        label.text() for label in page.findChildren(QLabel)
    )
    viewport = page.viewport().rect()
    for button in (page.link_button, page.create_button):
        corner = button.mapTo(page.viewport(), button.rect().bottomRight())
        assert viewport.contains(corner), button.text()  # no scrolling needed
    assert page.link_button.toolTip() == page.link_button.accessibleDescription()
    assert "pairs and notes come along" in page.link_button.accessibleDescription()
    assert page._buttons.direction() is QBoxLayout.Direction.LeftToRight
    # Too narrow for both side by side (as German words are at 800 wide): stacked.
    narrow = WelcomePage(vault_folder)
    qtbot.addWidget(narrow)
    narrow.resize(420, 600)
    narrow.show()
    qtbot.waitExposed(narrow)
    qtbot.waitUntil(lambda: narrow._buttons.direction() is QBoxLayout.Direction.BottomToTop)
    for button in (narrow.link_button, narrow.create_button):
        assert button.width() >= button.sizeHint().width()  # never cut off
