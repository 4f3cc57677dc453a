"""Identity: long-term keys, their round trip, fingerprint and hybrid HPKE."""

from __future__ import annotations

import hashlib
import re

import pytest
from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hpke

from mentorpair.crypto.identity import Identity, PublicIdentity, fingerprint

# RFC 8032 section 7.1 TEST 1 and RFC 7748 section 6.1 (Alice): standard keys,
# so from_private_bytes is checked against published public keys.
ED25519_SECRET = bytes.fromhex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")
ED25519_PUBLIC = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"
X25519_SECRET = bytes.fromhex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a")
X25519_PUBLIC = "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a"
KEM_SEED = bytes(range(64))
#: SHA-256 of the ML-KEM-768 encapsulation key from KEM_SEED (FIPS 203 is deterministic).
KEM_PUBLIC_SHA256 = "0b7934c83125c788995e2ba6bd761e33046b3e40571be53e023309a29f398cc9"
#: Pinned: partners compare this aloud; it must never change for the same keys.
FINGERPRINT = "80640 16229 30231 76515 67898 87668"

SUITE = hpke.Suite(hpke.KEM.MLKEM768_X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.CHACHA20_POLY1305)


def fixed_identity() -> Identity:
    return Identity.from_private_bytes(ED25519_SECRET, X25519_SECRET, KEM_SEED)


def flip(data: bytes, index: int = 0) -> bytes:
    changed = bytearray(data)
    changed[index] ^= 0x01
    return bytes(changed)


def test_fixed_private_bytes_give_the_published_public_keys():
    public = fixed_identity().public()
    assert public.signing.hex() == ED25519_PUBLIC
    assert public.agreement.hex() == X25519_PUBLIC
    assert hashlib.sha256(public.kem).hexdigest() == KEM_PUBLIC_SHA256


def test_fingerprint_known_answer():
    assert fingerprint(fixed_identity().public()) == FINGERPRINT


def test_fingerprint_is_six_groups_of_five_digits():
    for identity in (fixed_identity(), Identity.generate()):
        assert re.fullmatch(r"\d{5}( \d{5}){5}", fingerprint(identity.public()))


@pytest.mark.parametrize("field", ["signing", "agreement", "kem"])
@pytest.mark.parametrize("index", [0, -1])
def test_fingerprint_changes_when_any_public_key_changes(field, index):
    public = fixed_identity().public()
    keys = {"signing": public.signing, "agreement": public.agreement, "kem": public.kem}
    keys[field] = flip(keys[field], index)
    assert fingerprint(PublicIdentity(**keys)) != FINGERPRINT


def test_round_trip_through_private_bytes():
    original = Identity.generate()
    signing, agreement, kem_seed = original.private_bytes()
    assert (len(signing), len(agreement), len(kem_seed)) == (32, 32, 64)
    rebuilt = Identity.from_private_bytes(signing, agreement, kem_seed)
    assert rebuilt.public() == original.public()
    assert rebuilt.private_bytes() == original.private_bytes()


def test_generated_identities_differ():
    assert Identity.generate().public() != Identity.generate().public()


def test_signatures_verify_with_the_public_key_only():
    identity = fixed_identity()
    signature = identity.sign(b"agenda v3")
    identity.public().verify_key().verify(signature, b"agenda v3")
    with pytest.raises(InvalidSignature):
        identity.public().verify_key().verify(signature, b"agenda v4")
    with pytest.raises(InvalidSignature):
        Identity.generate().public().verify_key().verify(signature, b"agenda v3")


def test_hpke_seal_opens_only_for_the_recipient():
    recipient, stranger = Identity.generate(), Identity.generate()
    sealed = SUITE.encrypt(b"meeting notes", recipient.public().hpke_public_key(), info=b"t")
    assert SUITE.decrypt(sealed, recipient.hpke_private_key(), info=b"t") == b"meeting notes"
    with pytest.raises(InvalidTag):
        SUITE.decrypt(sealed, stranger.hpke_private_key(), info=b"t")
    with pytest.raises(InvalidTag):
        SUITE.decrypt(flip(sealed, -1), recipient.hpke_private_key(), info=b"t")


def test_hpke_key_survives_the_private_bytes_round_trip():
    original = Identity.generate()
    rebuilt = Identity.from_private_bytes(*original.private_bytes())
    sealed = SUITE.encrypt(b"x", original.public().hpke_public_key())
    assert SUITE.decrypt(sealed, rebuilt.hpke_private_key()) == b"x"


def test_repr_hides_private_keys():
    identity = fixed_identity()
    text = repr(identity)
    assert ED25519_SECRET.hex() not in text
    assert X25519_SECRET.hex() not in text
    assert "hidden" in text


@pytest.mark.parametrize(
    ("signing", "agreement", "kem"),
    [(31, 32, 1184), (32, 33, 1184), (32, 32, 1183), (32, 32, 0)],
)
def test_public_identity_refuses_wrong_sizes(signing, agreement, kem):
    with pytest.raises(ValueError, match="wrong type or size"):
        PublicIdentity(bytes(signing), bytes(agreement), bytes(kem))


def test_public_identity_refuses_non_bytes():
    public = fixed_identity().public()
    with pytest.raises(ValueError, match="wrong type or size"):
        PublicIdentity(bytearray(public.signing), public.agreement, public.kem)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("signing", "agreement", "kem_seed"),
    [(31, 32, 64), (32, 31, 64), (32, 32, 63), (32, 32, 65)],
)
def test_from_private_bytes_refuses_wrong_sizes(signing, agreement, kem_seed):
    with pytest.raises(ValueError, match="wrong size"):
        Identity.from_private_bytes(bytes(signing), bytes(agreement), bytes(kem_seed))


def test_signatures_verify_only_for_the_signer_and_the_message():
    from mentorpair.crypto.identity import Identity

    alice, bob = Identity.generate(), Identity.generate()
    signature = alice.sign(b"entry")
    assert alice.public().verifies(signature, b"entry")
    assert not alice.public().verifies(signature, b"entrY")
    assert not bob.public().verifies(signature, b"entry")
    assert not alice.public().verifies(signature[:10], b"entry")
    assert "…" in repr(alice.public())


def test_the_pair_safety_code_is_both_fingerprints_in_a_shared_order():
    from mentorpair.crypto.identity import Identity, fingerprint, safety_code

    a, b = Identity.generate().public(), Identity.generate().public()
    code = safety_code(a, b)
    assert code == safety_code(b, a)
    assert {code[:35], code[36:]} == {fingerprint(a), fingerprint(b)}
