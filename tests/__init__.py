"""The test suite is a package (an __init__.py in every folder), so pytest's default "prepend"
import mode puts the repository root on sys.path and every test module and helper has one
stable name: ``tests.helpers.live``, ``tests.cli.test_cli_report``. Shared helpers live in
tests/helpers/; fixtures in conftest.py files and the plugins tests/conftest.py lists."""
