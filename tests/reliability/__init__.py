"""Crash safety of the local store: a writer killed at any point leaves a whole database."""
