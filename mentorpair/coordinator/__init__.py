"""The coordinator's and the collector's command line: ``mentorpair coordinator ...``.

Start at :mod:`mentorpair.coordinator.cli`, which builds the parser and runs
the chosen command. None of it needs Qt or a vault; only writing a PDF
report borrows the UI's painter, lazily.
"""
