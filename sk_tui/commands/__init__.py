"""One module per `sk-tui` sub-command: argument parsing and calls into store/sync/server/tui."""
