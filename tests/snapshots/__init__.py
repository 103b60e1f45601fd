"""SVG snapshots of every screen (sk_tui/tui/) at two terminal sizes."""
