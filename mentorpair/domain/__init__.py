"""Plain-Python rules of mentorpair: no I/O, no Qt, no cryptography.

Modules:
    profile: what a display name may be.
    passphrase: how strong a passphrase must be, in words a person understands.
    unlock: the growing wait after repeated wrong passphrases.
"""
