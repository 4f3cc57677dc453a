"""A scheme with a collector, and people who send it feedback, for the collector tests."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from mentorpair.crypto.hybrid import HybridKeyPair
from mentorpair.crypto.signing import SigningKey
from mentorpair.feedback.collector import CollectorCard, CollectorKeys
from mentorpair.feedback.scheme import Scheme, new_scheme
from mentorpair.feedback.submission import Response, random_file_name, seal_response
from tests.unit.feedback.support import PERIOD_H1, PERIOD_H2

H1 = PERIOD_H1.period_id


@dataclass
class Setup:
    """The coordinator's and the collector's keys and the scheme naming both."""

    scheme: Scheme
    coordinator: HybridKeyPair
    collector: CollectorKeys


def make_setup(min_group: int = 5, min_comments: int = 10) -> Setup:
    coordinator = HybridKeyPair.generate()
    keys = CollectorKeys(HybridKeyPair.generate(), SigningKey.generate())
    card = CollectorCard(
        "Freedom to Speak Up Guardian", keys.keypair.public_bytes(), keys.signer.public_bytes()
    )
    scheme = new_scheme(
        "North London GP Mentoring",
        coordinator.public_bytes(),
        [PERIOD_H1, PERIOD_H2],
        min_group=min_group,
        min_comments=min_comments,
        signer=SigningKey.generate(),
        collector=card.collector(),
    )
    return Setup(scheme, coordinator, keys)


def token(person: int, period: str = H1) -> str:
    return hashlib.sha256(f"{person}/{period}".encode()).hexdigest()


def comment_token(person: int, period: str = H1) -> str:
    """Unrelated to :func:`token`, as the real keyed comment token is."""
    return hashlib.sha256(f"comments of {person}/{period}".encode()).hexdigest()


def response(
    scheme: Scheme, person: int, revision: int = 1, period: str = H1, **answers: int | str
) -> Response:
    answers = answers or {"usefulness": person % 5}
    return Response(
        scheme.scheme_id,
        period,
        token(person, period),
        revision,
        answers,
        {},
        comment_token(person, period),
    )


def send(
    folder: Path, scheme: Scheme, person: int, revision: int = 1, **answers: int | str
) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / random_file_name()
    chosen: dict[str, int | str] = dict(answers) or {"usefulness": person % 5}
    answer = Response(
        scheme.scheme_id, H1, token(person), revision, chosen, {}, comment_token(person)
    )
    path.write_bytes(seal_response(answer, scheme))
    return path
