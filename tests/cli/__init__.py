"""The `sk-tui` command line: sk_tui/cli.py and sk_tui/commands/."""
