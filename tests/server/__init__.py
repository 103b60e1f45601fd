"""The sync server (sk_tui/server/) over real HTTP, on SQLite and PostgreSQL."""
