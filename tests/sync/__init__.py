"""The sync client (sk_tui/sync/) end to end against a live server."""
