"""The coordinator's window: make a scheme, then read its feedback into a report.

Works without any vault: a coordinator may not be a mentor at all.
"""
