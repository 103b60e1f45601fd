"""Every client-side SQL statement lives in sk_tui/store/ (the server's in sk_tui/server/):
nothing else in the package runs SQL or spells a statement (issue 9)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import sk_tui

PACKAGE = Path(sk_tui.__file__).parent
HOMES = ("store", "server")
# a string that starts like a statement: an upper-case keyword, then more words ("DELETE"
# alone, a key's name, or "Delete the draft?" are not SQL)
STATEMENT = re.compile(r"^\s*(SELECT|INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER|PRAGMA|WITH)\s+\S")
RUNNERS = {"execute", "executemany", "executescript"}


def sql_outside_its_home(source: str, filename: str) -> list[str]:
    """``file:line: why`` for each SQL statement literal and each ``.execute*(`` call in ``source``."""
    found = []
    tree = ast.parse(source, filename)
    # an f-string's literal parts are Constants too: the f-string is reported, not its parts
    parts = {id(part) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr) for part in node.values}
    for node in ast.walk(tree):
        if id(node) in parts:
            continue
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and STATEMENT.match(node.value):
            found.append(f"{filename}:{node.lineno}: SQL statement {node.value.strip()[:40]!r}")
        elif (isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant)
              and isinstance(node.values[0].value, str) and STATEMENT.match(node.values[0].value)):
            found.append(f"{filename}:{node.lineno}: SQL statement (f-string)")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in RUNNERS:
            found.append(f"{filename}:{node.lineno}: .{node.func.attr}( call")
    return sorted(found, key=lambda line: (int(line.split(":")[1]), line))


def test_the_checker_finds_statements_and_calls_and_leaves_prose_alone():
    sample = '''
"""Delete the draft? SELECT the best one."""
KEYS = {0x7F: "DELETE"}
def load(store, table):
    rows = store.rows("SELECT id FROM reports WHERE id = ?", ("r1",))
    store.db.conn.executemany(f"INSERT INTO {table} (id) VALUES (?)", [("a",)])
    message = "Update the task first."
    cursor.execute(query)
    return "  pragma is lower case here", """
        UPDATE tasks SET title = ?"""
'''
    found = sql_outside_its_home(sample, "planted.py")
    assert [line.split(": ", 1)[0] for line in found] == [
        "planted.py:5", "planted.py:6", "planted.py:6", "planted.py:8", "planted.py:9"]
    assert "'SELECT id FROM reports WHERE id = ?'" in found[0]
    assert any(".executemany( call" in line for line in found) and any("f-string" in line for line in found)


def test_no_sql_outside_the_store_and_the_server():
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE)
        if relative.parts[0] in HOMES:
            continue
        offenders += sql_outside_its_home(path.read_text(encoding="utf-8"), f"sk_tui/{relative}")
    assert offenders == [], "SQL belongs in sk_tui/store/ (a store method):\n" + "\n".join(offenders)
