"""Small pieces without a server, a terminal or the CLI: sk_tui/domain/, the policy and config
files (sk_tui/config.py), the wire models (sk_tui/sync/protocol.py)."""
