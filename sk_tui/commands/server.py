"""`sk-tui serve` and `sk-tui server ...`: run and administer the central endpoint.

    sk-tui serve --demo                          # SQLite in the data folder, demo organisation
    sk-tui serve --db postgresql://user@host/db --host 0.0.0.0 --port 8765 \
                 --tls-cert /etc/sk-tui/cert.pem --tls-key /etc/sk-tui/key.pem
    sk-tui server import --dir ./org-csv         # units.csv employees.csv teams.csv memberships.csv
    sk-tui server user-add --nip NIP --name NAME --unit CODE [--team ID --role lead]
    sk-tui server user-add --nip NIP --job-class 9   # an existing NIP: changes only what is given
    sk-tui server token NIP                      # prints a new device token and nothing else
    sk-tui server revoke NIP                     # revokes every token of NIP
    sk-tui server users --json

Every command takes the same --db (a SQLite path, sqlite:///..., or postgresql://...).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sk_tui.commands.common import UserError, language, print_json, tr

DEFAULT_PORT = 8765


def _db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", dest="server_db", metavar="URL",
                        help="server database: a SQLite path or URL, or postgresql://... "
                             "(default: server.db in the data folder)")


def register(subparsers: argparse._SubParsersAction) -> None:
    serve = subparsers.add_parser("serve", help="run the central endpoint", description=__doc__,
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
    _db_option(serve)
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})")
    serve.add_argument("--demo", action="store_true",
                       help="load the demo organisation into an empty database and print its tokens "
                            "(the same ones on every start)")
    serve.add_argument("--tls-cert", metavar="FILE", help="serve HTTPS with this certificate (PEM)")
    serve.add_argument("--tls-key", metavar="FILE", help="the certificate's private key (PEM)")
    serve.add_argument("--log-level", default="warning", help=argparse.SUPPRESS)
    serve.set_defaults(func=run_serve)

    server = subparsers.add_parser("server", help="administer the central endpoint", description=__doc__,
                                   formatter_class=argparse.RawDescriptionHelpFormatter)
    actions = server.add_subparsers(dest="server_command", metavar="ACTION", required=True)

    imp = actions.add_parser("import", help="load units, employees, teams, memberships from CSV")
    _db_option(imp)
    imp.add_argument("--dir", type=Path, help="folder holding units.csv, employees.csv, teams.csv, memberships.csv")
    for name in ("units", "employees", "teams", "memberships"):
        imp.add_argument(f"--{name}", type=Path, metavar="CSV", help=f"{name} CSV file")
    imp.set_defaults(func=run_import)

    add = actions.add_parser(
        "user-add", help="add an employee (a user of the server), or change the fields given of an existing one",
        description="A new NIP needs --name and --unit. On an existing NIP only the options given change "
                    "(each change is printed); with nothing to change the command refuses.")
    _db_option(add)
    add.add_argument("--nip", required=True)
    add.add_argument("--name", help="full name (required for a new NIP)")
    add.add_argument("--unit", help="unit code or id (required for a new NIP)")
    add.add_argument("--position-kind", choices=["jpt", "administrator", "pengawas", "pelaksana", "jf"],
                     help="default for a new NIP: pelaksana")
    add.add_argument("--title", help="position title")
    add.add_argument("--job-class", type=int, metavar="N", help="job class (kelas jabatan, 1-17; default 7)")
    add.add_argument("--superior", metavar="NIP", help='the superior\'s NIP ("" for none)')
    add.add_argument("--team", help="put on this team (id)")
    add.add_argument("--role", choices=["member", "lead"], help="role on --team (default member)")
    add.set_defaults(func=run_user_add)

    tok = actions.add_parser("token", help="print a new device token for NIP (and nothing else)")
    _db_option(tok)
    tok.add_argument("nip")
    tok.add_argument("--label", default="", help="a note, e.g. the device name")
    tok.set_defaults(func=run_token)

    rev = actions.add_parser("revoke", help="revoke every token of NIP (or one --token)")
    _db_option(rev)
    rev.add_argument("nip", nargs="?")
    rev.add_argument("--token", help="revoke just this token")
    rev.set_defaults(func=run_revoke)

    users = actions.add_parser("users", help="list NIP, name and roles")
    _db_option(users)
    users.add_argument("--json", action="store_true")
    users.set_defaults(func=run_users)


def _open(args: argparse.Namespace):
    from sk_tui.server.storage import ServerDB, normalise_url

    try:
        url = normalise_url(args.server_db)
        if url.startswith("sqlite:///") and ":memory:" not in url:
            from sk_tui import paths

            file = Path(url[len("sqlite:///"):].split("?", 1)[0])
            paths.private_dir(file.parent)
            paths.create_private_file(file)  # 0600 before SQLite makes it (its -wal/-shm follow)
        return ServerDB.open(args.server_db)
    except Exception as exc:
        if type(exc).__module__.startswith("sqlalchemy"):
            first = str(exc).splitlines()[0]
            raise UserError(tr(args, "cmd.server.db_unopenable", error=first)) from None
        raise


def is_loopback(host: str) -> bool:
    """True for addresses only this computer can reach (127.0.0.0/8, ::1, localhost)."""
    import ipaddress

    if host.strip("[]").lower() in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: assume others can reach it


def _tls_options(args: argparse.Namespace) -> dict[str, str]:
    cert, key = args.tls_cert, args.tls_key
    if bool(cert) != bool(key):
        raise UserError(tr(args, "cmd.serve.tls_pair"))
    if not cert:
        if not is_loopback(args.host):
            line = "!" * 78
            print(line, file=sys.stderr)
            print(tr(args, "cmd.serve.no_tls", host=args.host), file=sys.stderr)
            print(line, file=sys.stderr, flush=True)
        return {}
    for file in (cert, key):
        if not Path(file).is_file():
            raise UserError(tr(args, "cmd.serve.no_tls_file", file=file))
    return {"ssl_certfile": cert, "ssl_keyfile": key}


def run_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from sk_tui.config import load_policy
    from sk_tui.server.app import create_app

    tls = _tls_options(args)
    db = _open(args)
    if args.demo:
        _demo_tokens(args, db)
    app = create_app(db=db, policy=load_policy())
    scheme = "https" if tls else "http"
    print(tr(args, "cmd.serve.started", url=f"{scheme}://{args.host}:{args.port}", db=_safe(db.url)), flush=True)
    uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level, access_log=False,
                ssl_certfile=tls.get("ssl_certfile"), ssl_keyfile=tls.get("ssl_keyfile"))
    return 0


def _safe(url: str) -> str:
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        creds, host = rest.rsplit("@", 1)
        return f"{scheme}://{creds.split(':')[0]}:***@{host}" if ":" in creds else url
    return url


def demo_tokens_file():
    from sk_tui import paths

    return paths.data_dir() / "demo-tokens.json"


def _saved_demo_tokens(db_key: str) -> dict[str, str]:
    import json

    try:
        saved = json.loads(demo_tokens_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    found = saved.get(db_key) if isinstance(saved, dict) else None
    return found if isinstance(found, dict) else {}


def _save_demo_tokens(db_key: str, tokens: dict[str, str]) -> None:
    """Keep the demo tokens for the next start, owner-only (0600), replaced atomically."""
    import contextlib
    import json
    import os

    from sk_tui import paths

    file = paths.ensure_parent(demo_tokens_file())
    try:
        saved = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        saved = {}
    if not isinstance(saved, dict):
        saved = {}
    saved[db_key] = tokens
    tmp = file.with_name(file.name + ".tmp")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, paths.PRIVATE_FILE)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump(saved, out, indent=2)
    os.replace(tmp, file)


def _demo_tokens(args: argparse.Namespace, db) -> None:
    """Print a token per demo role: the ones from the last start while they are still live for
    that person (so restarting the demo does not pile up live tokens), else new ones."""
    from sk_tui import demo
    from sk_tui.server import admin, auth

    org = demo.demo_organisation(seed=2026, scale="small")
    if admin.is_empty(db):
        count = admin.load_demo(db, org)
        print(tr(args, "cmd.serve.demo_loaded", n=count))
    names = {e.id: e for e in org.employees}
    import hashlib

    key = hashlib.sha256(db.url.encode("utf-8")).hexdigest()[:32]  # the URL may hold a password
    saved = _saved_demo_tokens(key)
    tokens: dict[str, str] = {}
    for role in ("staff", "lead", "jpt"):
        employee = names[org.roles[role]]
        token = saved.get(role)
        if not isinstance(token, str) or auth.who_has(db, token) != employee.id:
            token = auth.issue_token(db, employee.nip, label=f"demo {role}")
        tokens[role] = token
        label = tr(args, "who.staff" if role == "staff" else f"who.{role}")
        print(f"Token {label:<9} {employee.name} ({employee.nip}): {token}")
    if tokens != saved:
        _save_demo_tokens(key, tokens)
    sys.stdout.flush()


def run_import(args: argparse.Namespace) -> int:
    from sk_tui.server import admin

    files: dict[str, Path] = {}
    for name in admin.CSV_FILES:
        given = getattr(args, name)
        if given is None and args.dir is not None and (args.dir / f"{name}.csv").exists():
            given = args.dir / f"{name}.csv"
        if given is not None:
            if not given.exists():
                raise UserError(tr(args, "cmd.server.no_file", file=given))
            files[name] = given
    if not files:
        raise UserError(tr(args, "cmd.server.no_csv"))
    db = _open(args)
    try:
        counts = admin.import_csv(db, files)
    except admin.CsvImportError as exc:
        for problem in exc.lines(language(args))[:20]:
            print(f"sk-tui: {problem}", file=sys.stderr)
        more = len(exc.problems) - 20
        if more > 0:
            print("sk-tui: " + tr(args, "cmd.server.more_rows", n=more), file=sys.stderr)
        print("sk-tui: " + tr(args, "cmd.server.nothing_imported"), file=sys.stderr)
        return 1
    summary = ", ".join(f"{name} {count}" for name, count in counts.items())
    print(tr(args, "cmd.server.imported", summary=summary))
    return 0


def run_user_add(args: argparse.Namespace) -> int:
    from sk_tui.server import admin

    db = _open(args)
    try:
        done = admin.add_user(db, nip=args.nip, name=args.name, unit=args.unit, position_kind=args.position_kind,
                              position_title=args.title, job_class=args.job_class, superior=args.superior,
                              team=args.team, role=args.role)
    except admin.EmployeeExists as exc:
        who = f"{exc.employee.name} ({exc.employee.nip})"
        raise UserError(tr(args, "cmd.server.nip_exists", who=who)) from None
    except admin.MissingFields as exc:
        options = ", ".join(f"--{f}" for f in exc.fields)
        raise UserError(tr(args, "cmd.server.needs", options=options)) from None
    employee = done.employee
    if done.created:
        print(tr(args, "cmd.server.added", name=employee.name, nip=employee.nip, id=employee.id))
        return 0
    print(tr(args, "cmd.server.updated", name=employee.name, nip=employee.nip))
    for field, old, new in done.changes:
        print(f"  {field}: {old} -> {new}")
    return 0


def run_token(args: argparse.Namespace) -> int:
    from sk_tui.server import auth

    print(auth.issue_token(_open(args), args.nip, label=args.label))
    return 0


def run_revoke(args: argparse.Namespace) -> int:
    from sk_tui.server import auth

    if not args.nip and not args.token:
        raise UserError(tr(args, "cmd.server.revoke_what"))
    count = auth.revoke(_open(args), who=args.nip, token=args.token)
    print(tr(args, "cmd.server.revoked", n=count))
    return 0


def run_users(args: argparse.Namespace) -> int:
    from sk_tui.server import auth

    users = auth.list_users(_open(args))
    if args.json:
        print_json([{k: u[k] for k in ("nip", "name", "roles", "id", "tokens")} for u in users])
        return 0
    for u in users:
        print(f"{u['nip']}  {u['name']:<40} {','.join(u['roles']) or '-'}")
    return 0
