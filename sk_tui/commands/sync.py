"""`sk-tui login URL` and `sk-tui sync [--server URL]`.

    sk-tui server token NIP | sk-tui login http://127.0.0.1:8765      # token on standard input
    SK_TUI_TOKEN=skt_... sk-tui login http://127.0.0.1:8765
    sk-tui login http://127.0.0.1:8765 --token -                      # asks for it (hidden)
    sk-tui sync

The token is read from standard input (``--token -``, or no --token with input piped in), or
from SK_TUI_TOKEN. ``--token TOKEN`` still works but every local user can read it in the
process list, so it warns.

`sync` pushes the queued changes, then pulls what changed on the server; it prints what it
sent, received and refused and exits non-zero when anything failed. Refused ops stay listed
by `sk-tui status` until resolved.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from sk_tui.commands.common import UserError, db_path, language, print_json, tr


def register(subparsers: argparse._SubParsersAction) -> None:
    login = subparsers.add_parser("login", help="store a device token for a server", description=__doc__,
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
    login.add_argument("url", help="server address, e.g. http://127.0.0.1:8765")
    login.add_argument("--token", metavar="TOKEN|-",
                       help="device token from `sk-tui server token NIP`; '-' (or leaving it out) reads it "
                            "from standard input; SK_TUI_TOKEN also works. A token given here is visible "
                            "to other local users")
    login.add_argument("--offline", action="store_true", help="save without checking the token now")
    login.set_defaults(func=run_login)

    sync = subparsers.add_parser("sync", help="push queued changes, then pull (once)", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    sync.add_argument("--server", metavar="URL", help="server address (default: the saved login)")
    sync.add_argument("--json", action="store_true", help="print the result as JSON")
    sync.set_defaults(func=run_sync)

    resolve = subparsers.add_parser(
        "resolve", help="deal with a sync problem listed by `sk-tui status`",
        description="A change the server refused, or that a newer server copy overtook, keeps your content "
                    "until you choose: reapply (send it again on the current version), keep (the server's "
                    "copy stays; yours is dropped) or edit (a report goes back into a local draft; a card "
                    "gets your changes on its current version, to adjust with `sk-tui task`).")
    resolve.add_argument("problem", help="the problem's id (or its first characters) from `sk-tui status`")
    resolve.add_argument("choice", choices=["reapply", "keep", "edit"], help="reapply, keep or edit (see above)")
    resolve.set_defaults(func=run_resolve)


def run_login(args: argparse.Namespace) -> int:
    from sk_tui.sync import client

    url = args.url.rstrip("/")
    if not url.startswith(("http://", "https://")):
        raise UserError(tr(args, "cmd.login.bad_url", url=url))
    token = _read_token(args)
    extra = {}
    if not args.offline:
        try:
            who = client.whoami(url, token)
        except PermissionError:
            raise UserError(tr(args, "cmd.login.refused")) from None
        except Exception as exc:  # noqa: BLE001 - any network trouble is one line
            raise UserError(tr(args, "cmd.login.unreachable", url=url, error=type(exc).__name__)) from None
        extra = {"employee_id": who["employee_id"], "nip": who["nip"], "name": who["name"]}
    file = client.save_credentials(url, token, **extra)
    name = extra.get("name")
    if name:
        print(tr(args, "cmd.login.done", url=url, name=name, nip=extra["nip"], file=file))
    else:
        print(tr(args, "cmd.login.saved", url=url, file=file))
    return 0


def _read_token(args: argparse.Namespace) -> str:
    """--token -, piped input, SK_TUI_TOKEN, or (with a warning) --token TOKEN."""
    import sys

    given = args.token
    if given is not None and given != "-":
        print("sk-tui: " + tr(args, "cmd.login.token_visible"), file=sys.stderr)
        token = given
    elif given is None and os.environ.get("SK_TUI_TOKEN"):
        token = os.environ["SK_TUI_TOKEN"]
    elif given == "-" or not sys.stdin.isatty():
        if sys.stdin.isatty():
            import getpass

            token = getpass.getpass("Token: ")
        else:
            token = sys.stdin.readline()
    else:
        raise UserError(tr(args, "cmd.login.no_token"))
    token = token.strip()
    if not token or any(ch.isspace() or not ch.isprintable() for ch in token) or len(token) > 512:
        raise UserError(tr(args, "cmd.login.bad_token"))
    return token


class PullProgress:
    """`sk-tui sync`'s progress while it pulls: one line on stderr, rewritten after each page
    ("records received, pages"), in the user's language; only on a terminal (a script or cron
    reading stderr gets the result alone) unless SK_TUI_PROGRESS=1 asks for it."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.shown = False

    @classmethod
    def for_args(cls, args: argparse.Namespace) -> PullProgress | None:
        wanted = os.environ.get("SK_TUI_PROGRESS")
        if wanted == "0" or (wanted != "1" and not sys.stderr.isatty()):
            return None
        return cls(args)

    def __call__(self, received: int, pages: int) -> None:
        from sk_tui.domain.i18n import grouped

        line = tr(self.args, "cmd.sync.progress", n=grouped(received, language(self.args)), pages=pages)
        sys.stderr.write(f"\r{line}")
        sys.stderr.flush()
        self.shown = True

    def done(self) -> None:
        if self.shown:
            sys.stderr.write("\n")
            sys.stderr.flush()


def run_sync(args: argparse.Namespace) -> int:
    from sk_tui.sync import client

    path = db_path(args)
    if not path.exists():
        from sk_tui.store import Store

        Store.open(path).close()  # an empty workspace: the first pull fills it
    options: dict[str, Any] = {"max_attempts": 3}
    if os.environ.get("SK_TUI_SYNC_PAGE_SIZE"):
        options["pull_limit"] = int(os.environ["SK_TUI_SYNC_PAGE_SIZE"])
    if os.environ.get("SK_TUI_SYNC_TIMEOUT"):
        options["timeout"] = float(os.environ["SK_TUI_SYNC_TIMEOUT"])
    progress = PullProgress.for_args(args)
    try:
        result = client.sync_once(path, server_url=args.server, progress=progress, **options)
    finally:
        if progress is not None:
            progress.done()
    if args.json:
        print_json({k: v for k, v in vars(result).items() if k != "delays"} | {"ok": result.ok})
    else:
        print(tr(args, "cmd.sync.done", sent=result.sent, applied=result.applied, duplicates=result.duplicates,
                 refused=result.refused, received=result.received))
        if result.refused:
            print(tr(args, "cmd.sync.refused", n=result.refused))
        if result.kept_aside:
            print(tr(args, "cmd.sync.kept_aside", n=result.kept_aside))
        if result.error:
            from sk_tui.domain.i18n import sync_error

            detail = f" ({result.detail})" if result.detail else ""
            print(f"sk-tui: {sync_error(result.error, language(args))}{detail}", file=__import__('sys').stderr)
    return 0 if result.ok else 1


def run_resolve(args: argparse.Namespace) -> int:
    from sk_tui.commands.common import open_store
    from sk_tui.domain.errors import DomainError

    store = open_store(args)
    key = args.problem.strip()
    found = [op for op in store.sync_problems() if op["op_id"] == key or (len(key) >= 4 and op["op_id"].startswith(key))]
    if len(found) != 1:
        raise UserError(tr(args, "cmd.resolve.not_found", key=key))
    op = found[0]
    try:
        if args.choice == "keep":
            store.resolve_problem(op["op_id"], "dismissed")
            print(tr(args, "cmd.resolve.kept"))
        elif args.choice == "reapply":
            store.resolve_problem(op["op_id"], "retried" if op.get("source") == "pull" else "reapplied")
            print(tr(args, "cmd.resolve.reapplied"))
        else:
            if op["entity"] == "task":
                store.resolve_problem(op["op_id"], "reapplied")
                print(tr(args, "cmd.resolve.card", card=op["entity_id"][:8]))
            else:
                opened = store.edit_problem(op["op_id"])
                day = opened["fields"].get("work_date", "")
                print(tr(args, "cmd.resolve.draft", day=day))
    except DomainError as exc:
        raise UserError(exc.message(language(args))) from None
    return 0
