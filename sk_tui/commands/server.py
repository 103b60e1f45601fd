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
    sk-tui server import --attendance absen.csv --negative-events negatif.csv   # recap inputs
    sk-tui server policy set policy.toml         # the agency's policy (a new version each change)
    sk-tui server policy show
    sk-tui server negative add --nip NIP --date 2026-11-12 --kind hukuman_disiplin --reference 800/1/2026
    sk-tui server recap --month 2026-11 [--unit BH] [--nip NIP] [--format table|csv|json]
    sk-tui server close-month 2026-11            # freeze the official figures
    sk-tui server reopen-month 2026-11 --reason "..."
    sk-tui server backup FILE                    # SQLite: online backup; PostgreSQL: pg_dump
    sk-tui server restore FILE                   # stop the server first; mints a new epoch

Every command takes the same --db (a SQLite path, sqlite:///..., or postgresql://...).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from sk_tui.commands.common import UserError, language, print_json, tr
from sk_tui.domain.text import visible

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
    serve.add_argument("--workers", type=int, default=1, metavar="N",
                       help="worker processes (PostgreSQL only; SQLite is one process; default 1)")
    serve.set_defaults(func=run_serve)

    server = subparsers.add_parser("server", help="administer the central endpoint", description=__doc__,
                                   formatter_class=argparse.RawDescriptionHelpFormatter)
    actions = server.add_subparsers(dest="server_command", metavar="ACTION", required=True)

    imp = actions.add_parser("import", help="load the organisation, SKP and recap inputs from CSV (see README)")
    _db_option(imp)
    imp.add_argument("--dir", type=Path, help="folder holding units.csv, employees.csv, teams.csv, memberships.csv, "
                                              "plans.csv, targets.csv, indicators.csv, attendance.csv, "
                                              "negative_events.csv (those present)")
    for name in ("units", "employees", "teams", "memberships", "plans", "targets", "indicators", "attendance",
                 "negative_events"):
        imp.add_argument(f"--{name.replace('_', '-')}", dest=name, type=Path, metavar="CSV",
                         help=f"{name.replace('_', ' ')} CSV file")
    imp.set_defaults(func=run_import)
    register_official_month(actions)

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

    _register_backup(actions)


def _register_backup(actions: argparse._SubParsersAction) -> None:
    """`server backup FILE` and `server restore FILE` (sk_tui/server/backup.py)."""
    back = actions.add_parser("backup", help="write a consistent copy of the server database to FILE "
                                             "(SQLite: online backup; PostgreSQL: pg_dump)")
    _db_option(back)
    back.add_argument("file", type=Path)
    back.set_defaults(func=run_backup)
    rest = actions.add_parser("restore", help="replace the server database with FILE and mint a new epoch, so "
                                              "every client re-pulls and re-sends what the copy lacks "
                                              "(stop the server first)")
    _db_option(rest)
    rest.add_argument("file", type=Path)
    rest.set_defaults(func=run_restore)


def run_backup(args: argparse.Namespace) -> int:
    from sk_tui.server.backup import BackupError, backup

    try:
        backup(args.server_db, args.file)
    except BackupError as exc:
        raise UserError(_backup_error(args, exc)) from None
    print(tr(args, "cmd.server.backup_written", file=args.file))
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from sk_tui.server.backup import BackupError, restore

    try:
        new_epoch = restore(args.server_db, args.file)
    except BackupError as exc:
        raise UserError(_backup_error(args, exc)) from None
    print(tr(args, "cmd.server.restored", file=args.file, epoch=new_epoch))
    return 0


def _check_policy(args: argparse.Namespace, text: str) -> None:
    """The policy file's first problem in the admin's language (the server's own check below
    words it for its log, in English)."""
    import re
    import tomllib

    from pydantic import ValidationError

    from sk_tui.domain.policy import Policy

    try:
        Policy.from_toml_text(text)
    except tomllib.TOMLDecodeError as exc:
        where = re.search(r"line (\d+), column (\d+)", str(exc))
        line, column = where.groups() if where else ("?", "?")
        raise UserError(tr(args, "cmd.server.policy_not_toml", file=args.file, line=line, column=column)) from None
    except ValidationError as exc:
        first = exc.errors()[0]
        key = ".".join(str(part) for part in first["loc"]) or "?"
        kind = "unknown_key" if first["type"] == "extra_forbidden" else "bad_value"
        raise UserError(tr(args, f"cmd.server.policy_{kind}", file=args.file, key=key)) from None


def _backup_error(args: argparse.Namespace, exc: Exception) -> str:
    """A BackupError's text (it carries both: Indonesian, English) in the command's language."""
    indonesian, english = exc.args
    return english if language(args) == "en" else indonesian


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
    import os

    import uvicorn

    from sk_tui.config import load_policy
    from sk_tui.server.app import DB_ENV, POLICY_ENV, create_app

    if args.workers < 1:
        raise UserError(tr(args, "cmd.serve.workers_min"))
    tls = _tls_options(args)
    db = _open(args)
    if args.workers > 1 and db.is_sqlite:
        db.close()
        raise UserError(tr(args, "cmd.serve.sqlite_one_process"))
    if args.demo:
        _demo_tokens(args, db)
    # read (and refused when broken) here, before any worker starts: the agency's stored policy,
    # else policy.toml
    policy = _serving_policy(db, load_policy)
    scheme = "https" if tls else "http"
    url = f"{scheme}://{args.host}:{args.port}"
    if args.workers > 1:
        print(tr(args, "cmd.serve.started_workers", url=url, db=_safe(db.url), n=args.workers), flush=True)
    else:
        print(tr(args, "cmd.serve.started", url=url, db=_safe(db.url)), flush=True)
    # uvicorn takes httptools and uvloop when they are installed (its "auto"); measured here they
    # changed nothing beyond the noise (the time is in the push engine), so they are not required
    options: dict[str, Any] = {"host": args.host, "port": args.port, "log_level": args.log_level,
                               "access_log": False, "ssl_certfile": tls.get("ssl_certfile"),
                               "ssl_keyfile": tls.get("ssl_keyfile")}
    if args.workers == 1:
        uvicorn.run(create_app(db=db, policy=policy), **options)
        return 0
    # each worker process builds its own app (its own connection pool) from the environment;
    # the change log stays gap-free across them: seq is assigned under a PostgreSQL advisory lock
    db.close()
    os.environ[DB_ENV] = db.url
    from sk_tui import paths

    if paths.policy_file().exists():
        os.environ[POLICY_ENV] = str(paths.policy_file())
    uvicorn.run("sk_tui.server.app:app_from_env", factory=True, workers=args.workers, **options)
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
        from sk_tui import clock

        absences, negatives = demo.demo_recap_inputs(org, clock.today())
        count = admin.load_demo(db, org, absences, negatives)
        print(tr(args, "cmd.serve.demo_loaded", n=count))
    names = {e.id: e for e in org.employees}
    import hashlib

    key = hashlib.sha256(db.url.encode("utf-8")).hexdigest()[:32]  # the URL may hold a password
    saved = _saved_demo_tokens(key)
    tokens: dict[str, str] = {}
    people = {**org.roles, "lead2": demo.second_lead(org)}  # lead2: the staff member's other team
    for role in ("staff", "lead", "jpt", "lead2"):
        employee = names[people[role]]
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


# --- issue 10: the agency's policy, negative events and the official month ------------------


def _serving_policy(db, load_local):
    """The policy the server runs with: the one set by `server policy set`, else policy.toml."""
    from sk_tui.server import admin

    if admin.current_policy_text(db) is not None:
        return admin.current_policy(db)[0]
    return load_local()


def register_official_month(actions: argparse._SubParsersAction) -> None:
    pol = actions.add_parser("policy", help="the agency's policy: set a new version from TOML, or show it")
    pol_actions = pol.add_subparsers(dest="policy_command", metavar="ACTION", required=True)
    pol_set = pol_actions.add_parser("set", help="store FILE.toml as the agency's policy (a new version)")
    _db_option(pol_set)
    pol_set.add_argument("file", type=Path, metavar="FILE.toml")
    pol_set.set_defaults(func=run_policy_set)
    pol_show = pol_actions.add_parser("show", help="print the version, hash and TOML in force")
    _db_option(pol_show)
    pol_show.set_defaults(func=run_policy_show)

    neg = actions.add_parser("negative", help="record a negative event (HR)")
    neg_actions = neg.add_subparsers(dest="negative_command", metavar="ACTION", required=True)
    neg_add = neg_actions.add_parser("add", help="one negative event: it costs the policy's penalty for its kind")
    _db_option(neg_add)
    neg_add.add_argument("--nip", required=True)
    neg_add.add_argument("--date", required=True, help="YYYY-MM-DD")
    neg_add.add_argument("--kind", required=True, help="e.g. hukuman_disiplin, lhkpn")
    neg_add.add_argument("--reference", required=True, help="e.g. the decision's number")
    neg_add.add_argument("--reason", default="", help="a note (default: kind and reference)")
    neg_add.set_defaults(func=run_negative_add)

    rec = actions.add_parser("recap", help="the month's official figures from the server's data")
    _db_option(rec)
    rec.add_argument("--month", required=True, help="YYYY-MM")
    rec.add_argument("--unit", metavar="CODE", help="only this unit (code or id)")
    rec.add_argument("--nip", help="only this employee, with every step of the month (table)")
    rec.add_argument("--format", choices=["table", "csv", "json"], default="table", help="output format (default table)")
    rec.set_defaults(func=run_server_recap)

    close = actions.add_parser("close-month", help="freeze a month's figures (HR)")
    _db_option(close)
    close.add_argument("month", metavar="YYYY-MM")
    close.set_defaults(func=run_close_month)

    reopen = actions.add_parser("reopen-month", help="lift a month's freeze; the reason is logged")
    _db_option(reopen)
    reopen.add_argument("month", metavar="YYYY-MM")
    reopen.add_argument("--reason", required=True)
    reopen.set_defaults(func=run_reopen_month)


def run_policy_set(args: argparse.Namespace) -> int:
    from sk_tui.server import admin

    try:
        text = args.file.read_text(encoding="utf-8")
    except OSError as exc:
        raise UserError(tr(args, "cmd.server.unreadable", file=args.file, error=exc.strerror or exc)) from None
    _check_policy(args, text)
    try:
        version, digest, changed = admin.set_policy(_open(args), text)
    except ValueError as exc:
        raise UserError(f"{args.file}: {exc}") from None
    if changed:
        print(tr(args, "cmd.server.policy_stored", version=version, hash=digest[:12]))
    else:
        print(tr(args, "cmd.server.policy_unchanged", version=version, hash=digest[:12]))
    return 0


def run_policy_show(args: argparse.Namespace) -> int:
    from sk_tui.server import admin

    db = _open(args)
    _policy, version, digest = admin.current_policy(db)
    text = admin.current_policy_text(db)
    print(tr(args, "cmd.server.policy_header", version=version, hash=digest))
    print(text if text is not None else tr(args, "cmd.server.policy_defaults"))
    return 0


def run_negative_add(args: argparse.Namespace) -> int:
    from sk_tui.domain.errors import DomainError
    from sk_tui.server import admin

    try:
        event = admin.add_negative(_open(args), nip=args.nip, day=args.date, kind=args.kind,
                                   reference=args.reference, reason=args.reason)
    except DomainError as exc:
        raise UserError(exc.message(language(args))) from None
    except ValueError as exc:
        from sk_tui.server.admin import _why

        raise UserError(_why(exc, language(args))) from None
    print(tr(args, "cmd.server.negative_recorded", day=event.day, kind=event.kind, reference=event.reference))
    return 0


def _month_arg(args: argparse.Namespace, month: str) -> str:
    from sk_tui.domain import kinerja

    try:
        return kinerja.month_bounds(month)[0].strftime("%Y-%m")
    except (ValueError, TypeError):
        raise UserError(tr(args, "cmd.recap.bad_month", month=month)) from None


def run_server_recap(args: argparse.Namespace) -> int:
    from sk_tui.commands.recap import print_figures
    from sk_tui.domain.errors import DomainError
    from sk_tui.server import recap

    month = _month_arg(args, args.month)
    try:
        result = recap.month_recap(_open(args), month, args.unit)
    except DomainError as exc:  # an unknown unit, in the admin's language
        raise UserError(exc.message(language(args))) from None
    chosen = [r for r in result.rows if not args.nip or r.employee.nip == args.nip.strip().replace(" ", "")]
    if args.nip and not chosen:
        raise UserError(tr(args, "cmd.server.nip_not_in_recap", nip=args.nip, month=month))
    rows = [{"nip": r.employee.nip, "name": r.employee.name, **r.figures, "closed": result.closed,
             "hash": r.hash or ""} for r in chosen]
    print_figures(args, rows, [r.explanation for r in chosen], steps=bool(args.nip), with_nip=True)
    if args.format == "table":
        state = "cmd.server.month_state_closed" if result.closed else "cmd.server.month_state_open"
        print(tr(args, state, month=month, version=result.policy_version))
        for entry in result.log:
            reason = f": {visible(entry['reason'])}" if entry["reason"] else ""  # an admin's text: data
            action = tr(args, f"cmd.server.month_log.{entry['action']}")
            print(f"  {entry['at']}  {action} (v{entry['policy_version']}){reason}")
    return 0


def run_close_month(args: argparse.Namespace) -> int:
    from sk_tui.server import recap

    month = _month_arg(args, args.month)
    try:
        result = recap.close_month(_open(args), month)
    except recap.MonthStateError as exc:
        raise UserError(tr(args, exc.key, **exc.params)) from None
    print(tr(args, "cmd.server.month_closed", month=month, n=len(result.rows), version=result.policy_version))
    return 0


def run_reopen_month(args: argparse.Namespace) -> int:
    from sk_tui.server import recap

    month = _month_arg(args, args.month)
    try:
        count = recap.reopen_month(_open(args), month, args.reason)
    except recap.MonthStateError as exc:
        raise UserError(tr(args, exc.key, **exc.params)) from None
    print(tr(args, "cmd.server.month_reopened", month=month, n=count))
    return 0
