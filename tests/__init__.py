"""The test suite is a package so pytest puts the repository root on sys.path (its rootdir
import mode) and every test module and helper has one stable name: ``tests.helpers.live``,
``tests.cli.test_cli_report``. Shared helpers live in tests/helpers/; fixtures in conftest.py
files and the plugins tests/conftest.py lists."""
