"""The app (sk_tui/tui/) driven by keys through Textual Pilot."""
