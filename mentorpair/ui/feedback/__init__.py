"""The pair's side of scheme feedback: the Feedback tab, the form, the preview."""
