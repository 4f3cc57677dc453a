"""The pair's side of feedback, kept in the vault: schemes, never-send names, what was sent.

The vault remembers which scheme files a pair imported, the names the
scrubber must always remove, the person's random token key, and for each
scheme and period how many times this person sent feedback and on which day
(never what they answered). Tables are in schema 1.2
(``storage/migrations.py``).

The first import of a scheme pins its key: a later file with the same scheme
id must come from the same key and protect answers at least as well
(:func:`~mentorpair.feedback.scheme.check_replacement`), in whichever pair it
is imported. Tokens are per person, pair and period, so a mentor with two
mentees counts once for each pair; which pairs already answered a period is
kept in ``meta`` (``feedback_pair_sent/<scheme>/<period>/<pair>``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from mentorpair.crypto.keywrap import new_key
from mentorpair.crypto.secret import SecretKey
from mentorpair.domain.profile import MAX_DISPLAY_NAME
from mentorpair.errors import KnownError
from mentorpair.feedback.scheme import (
    Period,
    Scheme,
    check_replacement,
    load_scheme,
    parse_scheme,
)
from mentorpair.feedback.scrub import Scrubber
from mentorpair.feedback.submission import (
    Answer,
    CoarseFacts,
    Response,
    build_response,
    coarse_facts,
    comment_token,
    feedback_token,
    seal_response,
    write_feedback_file,
)
from mentorpair.storage.database import Database
from mentorpair.storage.workspace import Workspace

__all__ = ["Invitation", "NameRejected", "PairFeedback", "SentRecord"]

TOKEN_KEY_META = "feedback_token_key"  # noqa: S105 - a meta key name, not a secret
_DISMISSED_META = "feedback_dismissed/{scheme}/{period}"
_PAIR_SENT_META = "feedback_pair_sent/{scheme}/{period}/{pair}"
MAX_NEVER_SEND = 500


class NameRejected(KnownError):
    """A never-send name is empty or too long."""

    default_message = f"Please type a name of 1 to {MAX_DISPLAY_NAME} characters."


@dataclass(frozen=True, slots=True)
class Invitation:
    """An open period of an imported scheme that this person has not answered or dismissed."""

    scheme: Scheme
    period: Period


@dataclass(frozen=True, slots=True)
class SentRecord:
    """How often this person sent feedback for one period, and when last (a day, no time)."""

    revision: int
    sent_on: date


def _utc_now() -> datetime:
    return datetime.now(UTC)


class PairFeedback:
    """Feedback for one pair in an open workspace.

    Attributes:
        workspace: the open vault's pairs.
        pair_id: the pair.
    """

    def __init__(
        self, workspace: Workspace, pair_id: str, clock: Callable[[], datetime] = _utc_now
    ) -> None:
        self.workspace = workspace
        self.pair_id = pair_id
        self._clock = clock

    @property
    def _db(self) -> Database:
        return self.workspace.vault.db

    def _today(self) -> date:
        return self._clock().astimezone().date()

    # ------------------------------------------------------------- schemes
    def import_scheme(self, path: Path) -> Scheme:
        """Read a scheme file and keep it with this pair (a newer copy replaces the old).

        A scheme already imported (in any pair) pins its key: a copy with
        another key, weaker thresholds or without its collector is refused.

        Raises:
            SchemeReplacementRefused: that pin does not hold; nothing changes.
            InvalidScheme, MadeByNewerVersion, NotFound, PermissionDenied, DiskError.
        """
        scheme = load_scheme(path)
        for known in self._known_copies(scheme.scheme_id):
            check_replacement(known, scheme)
        with self._db.transaction() as db:
            db.execute(
                "INSERT INTO feedback_schemes (pair_id, scheme_id, document, imported_at)"
                " VALUES (:pair, :scheme, :doc, :now)"
                " ON CONFLICT (pair_id, scheme_id) DO UPDATE SET document = excluded.document",
                {
                    "pair": self.pair_id,
                    "scheme": scheme.scheme_id,
                    "doc": scheme.to_json(),
                    "now": self._clock().isoformat(),
                },
            )
        return scheme

    def _known_copies(self, scheme_id: str) -> list[Scheme]:
        rows = self._db.query(
            "SELECT document FROM feedback_schemes WHERE scheme_id = :scheme",
            {"scheme": scheme_id},
        )
        return [parse_scheme(doc) for (doc,) in rows]

    def schemes(self) -> list[Scheme]:
        """The schemes imported into this pair, oldest import first."""
        rows = self._db.query(
            "SELECT document FROM feedback_schemes WHERE pair_id = :pair"
            " ORDER BY imported_at, scheme_id",
            {"pair": self.pair_id},
        )
        return [parse_scheme(doc) for (doc,) in rows]

    def remove_scheme(self, scheme_id: str) -> None:
        """Forget a scheme for this pair (what was sent is still remembered)."""
        with self._db.transaction() as db:
            db.execute(
                "DELETE FROM feedback_schemes WHERE pair_id = :pair AND scheme_id = :scheme",
                {"pair": self.pair_id, "scheme": scheme_id},
            )

    # ------------------------------------------------------------- invitations
    def invitations(self) -> list[Invitation]:
        """Open periods of this pair's schemes not yet answered nor dismissed today."""
        today = self._today()
        found = []
        for scheme in self.schemes():
            period = scheme.open_period(today)
            if period is None or self.pair_sent(scheme.scheme_id, period.period_id):
                continue
            if self._dismissed(scheme.scheme_id, period.period_id):
                continue
            found.append(Invitation(scheme, period))
        return found

    def dismiss(self, scheme_id: str, period_id: str) -> None:
        """Stop inviting for this period; answering stays possible from the Feedback tab."""
        with self._db.transaction() as db:
            db.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES (:key, :day)",
                {
                    "key": _DISMISSED_META.format(scheme=scheme_id, period=period_id),
                    "day": self._today().isoformat(),
                },
            )

    def _dismissed(self, scheme_id: str, period_id: str) -> bool:
        row = self._db.query_one(
            "SELECT 1 FROM meta WHERE key = :key",
            {"key": _DISMISSED_META.format(scheme=scheme_id, period=period_id)},
        )
        return row is not None

    # ------------------------------------------------------------- never-send names
    def never_send(self) -> list[str]:
        """Names the scrubber always removes, alphabetically."""
        rows = self._db.query("SELECT name FROM never_send")
        return sorted((name for (name,) in rows), key=str.casefold)

    def add_never_send(self, name: str) -> str:
        """Add a name (any pair's feedback is scrubbed of it); return it as stored.

        Raises:
            NameRejected: empty, too long, or the list is full.
        """
        clean = " ".join(name.split())
        if not 0 < len(clean) <= MAX_DISPLAY_NAME or len(self.never_send()) >= MAX_NEVER_SEND:
            raise NameRejected()
        with self._db.transaction() as db:
            db.execute("INSERT OR IGNORE INTO never_send (name) VALUES (:name)", {"name": clean})
        return clean

    def remove_never_send(self, name: str) -> None:
        """Take a name off the list."""
        with self._db.transaction() as db:
            db.execute("DELETE FROM never_send WHERE name = :name", {"name": name})

    def known_names(self) -> list[str]:
        """Every name the scrubber removes: own, partner's, and the never-send list."""
        state = self.workspace.state(self.pair_id)
        names = [self.workspace.vault.display_name(), state.partner_name, *self.never_send()]
        return [n for n in names if n.strip()]

    def scrubber(self) -> Scrubber:
        """A scrubber that knows this pair's names."""
        return Scrubber(self.known_names())

    # ------------------------------------------------------------- sending
    def token(self, scheme_id: str, period_id: str) -> str:
        """This person's token for this pair and period (the same for every send)."""
        key = self._token_key()
        try:
            return feedback_token(key, scheme_id, period_id, self.pair_id)
        finally:
            key.wipe()

    def comment_token(self, scheme_id: str, period_id: str) -> str:
        """The token the free text travels under when a collector passes it on apart."""
        key = self._token_key()
        try:
            return comment_token(key, scheme_id, period_id, self.pair_id)
        finally:
            key.wipe()

    def pair_sent(self, scheme_id: str, period_id: str) -> bool:
        """Whether this person already answered this period for this pair."""
        return self._pair_revision(scheme_id, period_id) > 0

    def _pair_revision(self, scheme_id: str, period_id: str) -> int:
        """The revision last sent for this pair and period (0: none).

        Revisions count per pair, like tokens: a person's second pair starts at
        1 again, so a revision never hints that someone has another mentee.
        """
        key = _PAIR_SENT_META.format(scheme=scheme_id, period=period_id, pair=self.pair_id)
        row = self._db.query_one("SELECT value FROM meta WHERE key = :key", {"key": key})
        return 0 if row is None else int(row[0])

    def facts(self, period: Period) -> CoarseFacts:
        """The coarse facts the form offers to add, from this pair's record."""
        return coarse_facts(self.workspace.state(self.pair_id), period, self._clock())

    def sent(self, scheme_id: str, period_id: str) -> SentRecord | None:
        """Whether and when this person last sent feedback for this period."""
        row = self._db.query_one(
            "SELECT revision, sent_on FROM feedback_sent"
            " WHERE scheme_id = :scheme AND period_id = :period",
            {"scheme": scheme_id, "period": period_id},
        )
        return None if row is None else SentRecord(int(row[0]), date.fromisoformat(row[1]))

    def prepare(
        self,
        scheme: Scheme,
        period: Period,
        answers: Mapping[str, Answer],
        fact_keys: Iterable[str],
        also_remove: Iterable[str] = (),
    ) -> Response:
        """The response exactly as it would be sealed: for the preview, then :meth:`send`.

        ``also_remove`` are words the person chose to remove in the preview
        ("might be a name"): scrubbed like known names, kept nowhere.
        """
        previous = self._pair_revision(scheme.scheme_id, period.period_id)
        return build_response(
            scheme,
            period.period_id,
            answers,
            self.facts(period).selected(fact_keys),
            self.token(scheme.scheme_id, period.period_id),
            previous + 1,
            Scrubber([*self.known_names(), *also_remove]),
            self.comment_token(scheme.scheme_id, period.period_id),
        )

    def send(self, response: Response, scheme: Scheme, path: Path) -> None:
        """Seal ``response`` and write it to ``path``; remember the revision, not the answers.

        The record and the file succeed together: if writing fails, the
        revision is not counted and the person can simply try again.

        Raises:
            DiskFull, PermissionDenied, NotFound, DiskError.
        """
        data = seal_response(response, scheme)
        pair_key = _PAIR_SENT_META.format(
            scheme=response.scheme_id, period=response.period_id, pair=self.pair_id
        )
        with self._db.transaction() as db:
            db.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES (:key, :revision)",
                {"key": pair_key, "revision": str(response.revision)},
            )
            db.execute(
                "INSERT OR REPLACE INTO feedback_sent (scheme_id, period_id, revision, sent_on)"
                " VALUES (:scheme, :period, :revision, :day)",
                {
                    "scheme": response.scheme_id,
                    "period": response.period_id,
                    "revision": response.revision,
                    "day": self._today().isoformat(),
                },
            )
            write_feedback_file(path, data)

    def _token_key(self) -> SecretKey:
        """The person's random token key, made on first use (one per vault)."""
        row = self._db.query_one("SELECT value FROM meta WHERE key = :key", {"key": TOKEN_KEY_META})
        if row is not None:
            return SecretKey(bytes.fromhex(row[0]), "feedback token key")
        key = new_key("feedback token key")
        with self._db.transaction() as db:
            db.execute(
                "INSERT OR IGNORE INTO meta (key, value) VALUES (:key, :value)",
                {"key": TOKEN_KEY_META, "value": key.reveal().hex()},
            )
        key.wipe()
        return self._token_key()
