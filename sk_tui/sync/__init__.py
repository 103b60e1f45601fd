"""Offline-first sync: the wire protocol and the client (DESIGN.md section 4)."""
