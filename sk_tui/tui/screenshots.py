"""Regenerate screenshots/*.svg: every screen of the app on the demo workspace.

    python -m sk_tui.tui.screenshots            # writes screenshots/*.svg
    python -m sk_tui.tui.screenshots --out DIR --size 100x30

Deterministic: the clock is frozen (SK_TUI_NOW, default 2026-11-27 10:00 WIB), the demo is
built from its seed in a temporary folder, the theme is fixed and sync is off.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import tempfile
from pathlib import Path

FROZEN = "2026-11-27T10:00:00+07:00"

# (file name, demo role, language, keys to press)
SHOTS: list[tuple[str, str, str, list[str]]] = [
    ("board", "staff", "id", ["down"]),
    ("board-en", "staff", "en", ["right"]),
    ("task-form", "staff", "id", ["enter"]),
    ("report", "staff", "id", ["2"]),
    ("activity-form", "staff", "id", ["2", "a"]),
    ("report-submit", "staff", "id", ["2", "s"]),
    ("targets", "staff", "id", ["3"]),
    ("targets-team", "lead", "id", ["3", "m"]),
    ("review", "lead", "id", ["4"]),
    ("board-jpt", "jpt", "id", ["t"]),
    ("teams", "jpt", "id", ["6"]),
    ("help", "staff", "id", ["f1"]),
    ("palette", "staff", "id", ["ctrl+p"]),
]


async def _shoot(db: Path, out: Path, name: str, lang: str, keys: list[str], size: tuple[int, int]) -> Path:
    from sk_tui.config import Config
    from sk_tui.tui.app import SkApp

    app = SkApp(db, language=lang, config=Config(language=lang), autosync=False, theme="textual-dark")
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await pilot.pause(0.2)
        await app.workers.wait_for_complete()  # parts below the fold (the view across teams) load in a worker
        await pilot.pause()
        return Path(app.save_screenshot(f"{name}.svg", str(out)))


async def _welcome(home: Path, out: Path, size: tuple[int, int]) -> Path:
    from sk_tui.config import Config
    from sk_tui.tui.app import SkApp

    app = SkApp(home / "none.db", config=Config(), autosync=False, theme="textual-dark")
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        return Path(app.save_screenshot("welcome.svg", str(out)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sk_tui.tui.screenshots", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default="screenshots", help="folder for the SVGs (default screenshots)")
    parser.add_argument("--size", default="100x30", help="terminal size WxH (default 100x30)")
    args = parser.parse_args(argv)
    width, height = (int(x) for x in args.size.lower().split("x"))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("SK_TUI_NOW", FROZEN)
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        os.environ["SK_TUI_HOME"] = str(home)
        from sk_tui import demo
        from sk_tui.store import Store

        db = demo.ensure_demo(home / "demo.db")
        for name, role, lang, keys in SHOTS:
            store = Store.open(db)
            demo.act_as(store, role)
            store.close()
            path = asyncio.run(_shoot(db, out, name, lang, keys, (width, height)))
            print(path)
        print(asyncio.run(_welcome(home, out, (width, height))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
