"""Placeholder: `sk-tui server` lands with its issue."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    """Not registered yet."""
