"""sk_tui: team work, daily reports and TRK recap for Indonesian government agencies."""

__version__ = "0.1.0"
