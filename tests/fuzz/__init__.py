"""Fuzzing every reader of outside data: harnesses, a seed corpus and a runner.

``python -m tests.fuzz`` runs the long campaign; ``tests/fuzz/test_fuzz.py``
runs a short one in the suite. See ``engine.py`` for what is counted.
"""
