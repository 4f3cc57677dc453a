"""The encrypted vault: one SQLCipher database and the key file beside it.

Modules:
    atomic: crash-safe file replacement.
    database: the connection wrapper, transactions and error translation.
    header: the versioned key file (KDF parameters and the wrapped vault key).
    migrations: the versioned schema and its forward steps.
    vault: create, open, lock, re-key and back up a vault.
"""
