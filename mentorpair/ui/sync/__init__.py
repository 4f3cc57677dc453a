"""Pairing with the partner and sync: the Partner tab, join and invite dialogs, auto-sync."""
