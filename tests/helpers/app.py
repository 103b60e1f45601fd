"""Shared by tests/tui and tests/snapshots: a small workspace with history, and the app factory."""

from __future__ import annotations

import datetime as dt

from tests.helpers.clock import TODAY


def seed_workspace(store, org) -> dict[str, str]:
    """Cards on team A's board, Ani's reports this month (approved, submitted, today's draft),
    and Dedi's submitted report for the lead to review. Returns ids by name."""
    from sk_tui.domain.models import TaskStatus

    ids: dict[str, str] = {}
    cards = [
        ("Telaah Raperda Cadangan Pangan", TaskStatus.BACKLOG, [org.ani.id], TODAY + dt.timedelta(days=10), True),
        ("Inventarisasi regulasi penghambat investasi", TaskStatus.BACKLOG, [org.dedi.id], None, False),
        ("Draf Pergub Pengelolaan Sampah Regional", TaskStatus.TODO, [org.ani.id, org.lead.id],
         TODAY - dt.timedelta(days=3), True),
        ("Harmonisasi Rapergub Tata Ruang", TaskStatus.IN_PROGRESS, [org.lead.id], TODAY + dt.timedelta(days=2), True),
        ("Unggah produk hukum ke JDIH", TaskStatus.REVIEW, [org.dedi.id], TODAY, False),
        ("Finalisasi Pergub Perlindungan Anak", TaskStatus.DONE, [org.ani.id], TODAY - dt.timedelta(days=6), True),
    ]
    for index, (title, status, people, due, linked) in enumerate(cards):
        task = store.create_task(org.team_a.id, title, actor_id=org.ani.id, assignees=people, status=status,
                                 due_date=due, target_id=org.target.id if linked else None)
        ids[f"card{index}"] = task.id
    store.create_task(org.team_b.id, "Pendampingan perkara PTUN", actor_id=org.dedi.id,
                      assignees=[org.dedi.id], status=TaskStatus.TODO)
    # Ani: approved reports on the working days 2-25 November, one submitted, today's draft.
    day = dt.date(2026, 11, 2)
    while day < TODAY:
        if store.policy.is_working_day(day):
            report = store.ensure_draft(org.ani.id, day)
            store.add_activity(report.id, description="Menyusun telaah hukum", minutes=240 + (day.day % 4) * 15,
                               volume=1, volume_unit="dokumen", indicator_id=org.indicator.id if day.day % 3 == 0 else None)
            store.add_activity(report.id, description="Rapat koordinasi tim", minutes=60)
            store.submit_report(report.id, org.ani.id)
            if day < TODAY - dt.timedelta(days=1):
                store.review_report(report.id, org.lead.id, "approve")
        day += dt.timedelta(days=1)
    draft = store.ensure_draft(org.ani.id, TODAY)
    store.set_work_mode(draft.id, "WFA", "Garut")
    store.add_activity(draft.id, description="Telaah usulan Pergub Pengelolaan Sampah", minutes=150,
                       volume=1, volume_unit="dokumen", task_id=ids["card2"],
                       evidence="https://jdih.jabarprov.go.id/telaah/123")
    store.add_activity(draft.id, description="Rapat koordinasi lintas PD", minutes=90, volume=1,
                       volume_unit="kegiatan", evidence="ND 800/123/Huk")
    ids["draft"] = draft.id
    dedi = store.ensure_draft(org.dedi.id, TODAY - dt.timedelta(days=1))
    store.add_activity(dedi.id, description="Mengunggah 4 produk hukum ke JDIH", minutes=180, volume=4,
                       volume_unit="dokumen", evidence="https://jdih.jabarprov.go.id")
    store.submit_report(dedi.id, org.dedi.id)
    ids["dedi_report"] = dedi.id
    return ids


def make_app(path, *, language: str = "id", keymap: dict | None = None, theme: str = "textual-dark"):
    """The app on ``path`` with no background sync (no server in tests) and a fixed theme."""
    from sk_tui.config import Config
    from sk_tui.tui.app import SkApp

    config = Config(language=language, theme=theme, keymap=keymap or {})
    return SkApp(path, language=language, config=config, autosync=False, theme=theme)
