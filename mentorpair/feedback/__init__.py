"""Anonymised feedback to a mentoring scheme, and the coordinator's report.

The formats are in ``docs/formats/feedback.md``.
"""
