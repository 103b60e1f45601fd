"""Helpers shared by the test folders, imported by their full name from any test module:

    from tests.helpers.clock import FROZEN_NOW, TODAY     # the one frozen clock
    from tests.helpers.org import build_org               # the tiny organisation
    from tests.helpers.hostile import REFUSED, TRAVELS    # the hostile-text corpus
    from tests.helpers.app import make_app, seed_workspace  # app factory, seeded workspace
    from tests.helpers.cli import Workspace, Result       # the `sk-tui` command in a workspace
    from tests.helpers.live import LiveServer, seed, run_cli, wait_until  # a real server process
    from tests.helpers.ops import report_submit, results  # push-protocol op builders

Fixtures are never imported: tests/conftest.py defines the common ones and lists the fixture
modules here (app_fixtures, live_fixtures) in ``pytest_plugins``, so every test can request them.
"""
