"""Pairing and the pair's end-to-end encrypted exchange of events.

No server of ours: an update is a file, carried by hand or by a sync engine
the pair already uses. The formats are in ``docs/formats/sync.md``.
"""
