"""All cryptography of mentorpair, in one small package that nothing bypasses.

It wraps the `cryptography` package's reviewed primitives; nothing here is
home-made. Every function validates types and lengths before it does any work,
and every derived key is separated by an explicit purpose string.

Modules:
    random: the one source of randomness (tests replace it for known answers).
    secret: a key held in a wipeable buffer.
    kdf: passphrase to key-encryption key (Argon2id), with bounded parameters.
    keywrap: sealing the vault key under the key-encryption key.
    subkeys: HKDF with purpose strings.
    identity: a person's signing and key-agreement keys and their fingerprint.
    signing: Ed25519 keys of a scheme and of a collector (no person's identity).
    hybrid: sealing to a public key (HPKE, ML-KEM-768 + X25519).
    digest: SHA-256 for hash chains and content names.
    stream: a long body in authenticated 64 KiB chunks (STREAM, as in age).
"""
