"""The local SQLite store (sk_tui/store/) and the demo workspace built in it (sk_tui/demo.py)."""
