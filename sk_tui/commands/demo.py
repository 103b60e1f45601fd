"""`sk-tui demo [--as ROLE|NIP] [--scale small|large]`: make the demo workspace, open the app.

The workspace is built once (deterministic from a seed) and reused; --as picks whose eyes
you see it through: staff (default), lead, jpt, or any NIP in it. It becomes the current
workspace, so `sk-tui report add`, `status`, `recap` ... reach it without --db until
`sk-tui workspace use PATH|default` switches.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sk_tui import paths
from sk_tui.commands.common import tr
from sk_tui.domain.i18n import TEXT


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("demo", help="open a realistic demo workspace", description=__doc__)
    parser.add_argument("--as", dest="as_who", default="staff", help="staff, lead, jpt or a NIP (default staff)")
    parser.add_argument("--scale", choices=["small", "large"], default="small",
                        help="large: a leader workspace with 1,000,000 activities (benchmarks)")
    parser.add_argument("--seed", type=int, default=2026, help=argparse.SUPPRESS)
    parser.add_argument("--no-open", action="store_true", help="build the workspace and print a summary only")
    parser.set_defaults(func=run_demo)


def _show_progress(args: argparse.Namespace, stage: str, fraction: float) -> None:
    # the builder names its stages in Indonesian; the catalogue has both languages
    key = "cmd.demo.stage." + stage.lower().replace(" ", "_")
    stage = tr(args, key) if key in TEXT else stage
    sys.stderr.write(f"\r{stage:<40} {fraction * 100:5.1f}%")
    if fraction >= 1.0:
        sys.stderr.write("\n")
    sys.stderr.flush()


def _make_current(args: argparse.Namespace, path: Path) -> None:
    """The demo becomes the workspace of every later command without --db (README's examples),
    until `sk-tui workspace use PATH|default` switches; said once, when it changes."""
    from sk_tui.config import current_workspace, set_current_workspace

    path = path.resolve()
    if current_workspace() == path:
        return
    set_current_workspace(path)
    print(tr(args, "cmd.demo.current", path=path), file=sys.stderr)


def run_demo(args: argparse.Namespace) -> int:
    from sk_tui import demo
    from sk_tui.commands import app
    from sk_tui.commands.common import open_store

    path = Path(args.db).expanduser() if args.db else paths.demo_db_path(args.scale)
    if not path.exists():
        print(tr(args, "cmd.demo.building", path=path), file=sys.stderr)
        demo.ensure_demo(path, scale=args.scale, seed=args.seed, progress=lambda stage, fraction: _show_progress(args, stage, fraction))
    args.db = str(path)
    store = open_store(args)
    demo.act_as(store, args.as_who)
    _make_current(args, path)
    if args.no_open:
        app.print_summary(store, args)
        return 0
    store.close()
    return app.run_open(args)
