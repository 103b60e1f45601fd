"""The tiny test organisation: ``from tests.helpers.org import build_org``."""

from __future__ import annotations

import datetime as dt
import types


def build_org(store) -> types.SimpleNamespace:
    """A tiny organisation: one unit, its JPT, two teams, a JF lead, a pelaksana lead, members."""
    from sk_tui.domain.models import (
        DwaArrangement,
        Employee,
        Indicator,
        Membership,
        PerformancePlan,
        Target,
        Team,
        Unit,
    )

    unit = Unit(id="unit-hukum", code="BH", name="Biro Hukum")
    jpt = Employee(id="emp-jpt", nip="197204151998031002", name="Dr. Hendra Gunawan, S.H., M.H.",
                   position_kind="jpt", job_class=14, unit_id=unit.id)
    lead = Employee(id="emp-lead", nip="198301222008012005", name="Rina Marlina, S.H.",
                    position_kind="jf", jf_level="Ahli Muda", job_class=9, unit_id=unit.id, superior_id=jpt.id)
    lead2 = Employee(id="emp-lead2", nip="199002102015031001", name="Asep Saepudin",
                     position_kind="pelaksana", job_class=6, unit_id=unit.id, superior_id=jpt.id)
    ani = Employee(id="emp-ani", nip="199105052019032012", name="Ani Lestari, S.H.",
                   position_kind="jf", jf_level="Ahli Pertama", job_class=8, unit_id=unit.id, superior_id=jpt.id)
    dedi = Employee(id="emp-dedi", nip="198807172014021003", name="Dedi Kurniawan",
                    position_kind="pelaksana", job_class=6, unit_id=unit.id, superior_id=jpt.id)
    team_a = Team(id="team-a", name="Tim Penyusunan Produk Hukum", unit_id=unit.id, jpt_id=jpt.id,
                  decree_no="800/Kep.12-Huk/2026")
    team_b = Team(id="team-b", name="Tim Bantuan Hukum Lintas PD", unit_id=unit.id, jpt_id=jpt.id,
                  scope="cross_unit", kind="development")
    members = [
        Membership(id="m1", team_id=team_a.id, employee_id=lead.id, role="lead"),
        Membership(id="m2", team_id=team_a.id, employee_id=ani.id),
        Membership(id="m3", team_id=team_a.id, employee_id=dedi.id),
        Membership(id="m4", team_id=team_b.id, employee_id=lead2.id, role="lead"),
        Membership(id="m5", team_id=team_b.id, employee_id=dedi.id),
    ]
    plan = PerformancePlan(id="plan-ani", employee_id=ani.id, period_start=dt.date(2026, 1, 1),
                           period_end=dt.date(2026, 12, 31))
    target = Target(id="tgt-ani", plan_id=plan.id, text="Tersusunnya rancangan produk hukum", team_id=team_a.id)
    indicator = Indicator(id="iki-ani", target_id=target.id, text="Jumlah rancangan Pergub", target_value=12,
                          unit="dokumen")
    # Ani and Dedi work under an approved 4-1 DWA arrangement (WFA/WFH up to 4 days a week)
    arrangements = [DwaArrangement(id=f"dwa-{who.id}", employee_id=who.id, pattern="4-1",
                                   valid_from=dt.date(2026, 1, 1), status="approved", decided_by=jpt.id,
                                   approved_by=jpt.id) for who in (ani, dedi)]
    store.save_models([unit, jpt, lead, lead2, ani, dedi, team_a, team_b, *members, plan, target, indicator,
                       *arrangements])
    store.set_me(ani.id)
    return types.SimpleNamespace(unit=unit, jpt=jpt, lead=lead, lead2=lead2, ani=ani, dedi=dedi,
                                 team_a=team_a, team_b=team_b, plan=plan, target=target, indicator=indicator)
