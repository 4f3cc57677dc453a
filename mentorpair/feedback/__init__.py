"""Anonymised feedback to a mentoring scheme, its collector, and the coordinator's report.

Modules:
    scheme: the signed, public scheme file; pinning a scheme's key on re-import.
    keystore: the coordinator's (and the collector's) passphrase-sealed keys.
    collector: the collector's public card and keys.
    names, scrub: taking names and identifiers out of free text.
    submission: a response, sealed once (no collector) or twice (collector).
    pairside: the pair's side, kept in the vault: schemes, tokens, what was sent.
    batches: the collector's store and the signed batches it releases.
    folder: reading a folder of files, or of released batches, for a report.
    report, suppression, report_export: the report that hides every small group.

The formats are in ``docs/formats/feedback.md``.
"""
