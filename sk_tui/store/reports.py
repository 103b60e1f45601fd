"""Daily reports, activities and review decisions in the local store.

    >>> report = store.ensure_draft(me.id, day)                                   # doctest: +SKIP
    >>> store.add_activity(report.id, description="Menyusun telaah", minutes=120)  # doctest: +SKIP
    >>> store.submit_report(report.id, me.id)                                     # doctest: +SKIP

Drafts are local; ``submit_report`` and ``review_report`` freeze their payload into the outbox
in the same transaction as the domain write.

Verification is per team (domain/rules.py): each activity has a ``team_id`` and its team's
``verdict``; a lead decides the activities of their team in one report at once, and the report
keeps ``approved_minutes`` (the sum of its approved activities) so the recap never reads
activities.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from sk_tui.domain import plain, rules
from sk_tui.domain.enums import Decision, ReportStatus, Verdict, WorkMode
from sk_tui.domain.errors import DomainError
from sk_tui.domain.records import new_id
from sk_tui.store import org, outbox
from sk_tui.store.base import BaseStore, from_row, from_row_plain, to_row

if TYPE_CHECKING:
    from sk_tui.domain.models import Activity, DailyReport, Review
else:  # the models by name (domain/records.py): pydantic is imported when one is first used
    from sk_tui.domain.records import Activity, DailyReport, Review

DEFAULT_TEAM_KEY = "default_team."  # meta key + employee id: the member's chosen default team


class ReportsMixin(BaseStore):
    # --- reading -------------------------------------------------------------------------

    def report(self, report_id: str) -> DailyReport | None:
        row = self.one("SELECT * FROM reports WHERE id = ?", (report_id,))
        return from_row_plain(DailyReport, row) if row else None

    def require_report(self, report_id: str) -> DailyReport:
        report = self.report(report_id)
        if report is None:
            raise DomainError("report_unknown", report_id=report_id)
        return report

    def report_ids_starting_with(self, prefix: str, limit: int = 2) -> list[str]:
        """Report ids that begin with ``prefix`` (how a short id typed on the command line is
        found); ``limit`` of them at most."""
        # substr, not LIKE: "%" or "_" typed by the user must not act as wildcards
        rows = self.db.execute("SELECT id FROM reports WHERE substr(id, 1, ?) = ? LIMIT ?",
                               (len(prefix), prefix, int(limit))).fetchall()
        return [row[0] for row in rows]

    def report_for(self, employee_id: str, day: dt.date) -> DailyReport | None:
        row = self.one("SELECT * FROM reports WHERE employee_id = ? AND work_date = ?", (employee_id, day.isoformat()))
        return from_row_plain(DailyReport, row) if row else None

    def reports_for(self, employee_id: str, start: dt.date, end: dt.date) -> list[DailyReport]:
        rows = self.rows(
            "SELECT * FROM reports WHERE employee_id = ? AND work_date BETWEEN ? AND ? ORDER BY work_date",
            (employee_id, start.isoformat(), end.isoformat()),
        )
        return [from_row(DailyReport, r) for r in rows]

    def activities(self, report_id: str) -> list[Activity]:
        return [from_row(Activity, r) for r in self.rows(
            "SELECT * FROM activities WHERE report_id = ? ORDER BY position, rowid", (report_id,))]

    def activity(self, activity_id: str) -> Activity | None:
        row = self.one("SELECT * FROM activities WHERE id = ?", (activity_id,))
        return from_row(Activity, row) if row else None

    def reports_to_review(self, reviewer_id: str, limit: int = 500) -> list[DailyReport]:
        """Reports with activities waiting for this person's decision: pending activities of the
        teams they lead (or answer for as JPT) in a submitted or partly returned report, oldest
        first."""
        team_ids = self.led_team_ids(reviewer_id)
        if not team_ids:
            return []
        marks = ", ".join("?" for _ in team_ids)
        rows = self.rows(
            f"""SELECT * FROM reports WHERE status IN ('submitted', 'returned') AND employee_id != ?
                AND id IN (SELECT report_id FROM activities WHERE verdict = 'pending' AND team_id IN ({marks}))
                ORDER BY work_date, employee_id LIMIT {int(limit)}""",
            [reviewer_id, *team_ids],
        )
        return [from_row(DailyReport, r) for r in rows]

    def activities_to_review(self, report_id: str, reviewer_id: str, team_id: str | None = None) -> list[Activity]:
        """The activities of ``report_id`` this person verifies: those of the teams they lead or
        answer for as JPT (only ``team_id``'s when given). A lead sees no other team's part."""
        teams = set(self.led_team_ids(reviewer_id))
        if team_id is not None:
            teams &= {team_id}
        return [a for a in self.activities(report_id) if a.team_id in teams]

    def review_team(self, report_id: str, reviewer_id: str, team_id: str | None = None) -> str:
        """The team whose part of the report a decision by ``reviewer_id`` is about: ``team_id``
        when given, else the one team of theirs with pending activities (DomainError when none
        or several)."""
        if team_id is not None:
            return team_id
        if self.require_report(report_id).employee_id == reviewer_id:
            raise DomainError("own_report")
        pending = sorted({a.team_id for a in self.activities_to_review(report_id, reviewer_id)
                          if a.verdict == Verdict.PENDING and a.team_id})
        if not pending:
            waiting = any(a.verdict == Verdict.PENDING for a in self.activities(report_id))
            raise DomainError("not_reviewer" if waiting else "nothing_to_review")
        if len(pending) > 1:
            raise DomainError("review_team_ambiguous")
        return pending[0]

    def activities_to_review_in(self, report_ids: list[str], reviewer_id: str) -> dict[str, list[Activity]]:
        """``activities_to_review`` for many reports in one query (the review screen's list):
        report id -> the activities of the teams this person leads or answers for, in order."""
        teams = sorted(set(self.led_team_ids(reviewer_id)))
        out: dict[str, list[Activity]] = {report_id: [] for report_id in report_ids}
        if not teams or not report_ids:
            return out
        team_marks = ", ".join("?" for _ in teams)
        for start in range(0, len(report_ids), 500):  # well under SQLite's limit of bound values
            chunk = report_ids[start:start + 500]
            rows = self.rows(
                f"""SELECT * FROM activities WHERE report_id IN ({", ".join("?" for _ in chunk)})
                    AND team_id IN ({team_marks}) ORDER BY report_id, position, rowid""", [*chunk, *teams])
            for row in rows:
                activity = from_row(Activity, row)
                out[activity.report_id].append(activity)
        return out

    def review_windows(self, reports: list[DailyReport]) -> dict[str, tuple[dt.date, bool]]:
        """report id -> (last day of the lead's verification window, whether it has passed), for
        the submitted ones: review_window_working_days working days after the (latest) local
        submission day, the rule ``overdue_reviews`` counts late verifications by (a
        resubmission starts a new window; late once that day is before today)."""
        from zoneinfo import ZoneInfo

        from sk_tui.domain import kinerja

        policy = self.policy  # read once: it is looked up, not a plain attribute
        zone = ZoneInfo(policy.timezone)
        today = self.today()
        due_of: dict[dt.date, dt.date] = {}
        out: dict[str, tuple[dt.date, bool]] = {}
        for report in reports:
            if report.submitted_at is None:
                continue
            submitted = report.submitted_at
            day = (submitted.astimezone(zone) if submitted.tzinfo is not None else submitted).date()
            if day not in due_of:
                due_of[day] = kinerja.add_working_days(day, policy.review_window_working_days, policy)
            out[report.id] = (due_of[day], due_of[day] < today)
        return out

    def reviews_of(self, report_id: str) -> list[Review]:
        return [from_row(Review, r) for r in self.rows(
            "SELECT * FROM reviews WHERE report_id = ? ORDER BY decided_at", (report_id,))]

    # --- drafting ------------------------------------------------------------------------

    def default_team_id(self, employee_id: str) -> str | None:
        """The team whose lead reviews this person's reports: the one they chose (`sk-tui team
        default`, the activity form's "jadikan bawaan"), else one they belong to without leading it."""
        return self.chosen_default_team(employee_id) or self.scalar(
            "SELECT team_id FROM memberships WHERE employee_id = ? ORDER BY role = 'lead', team_id LIMIT 1",
            (employee_id,),
        )

    def chosen_default_team(self, employee_id: str) -> str | None:
        """The member's chosen default team, while they are still on it (kept in this workspace)."""
        chosen = self.get_meta(f"{DEFAULT_TEAM_KEY}{employee_id}")
        if not chosen:
            return None
        return chosen if chosen in self.team_ids_for(employee_id) else None

    def set_default_team(self, employee_id: str, team_id: str | None) -> None:
        """Choose (None: forget) the team an unlinked activity goes to; one of the member's teams."""
        if team_id is not None and team_id not in self.team_ids_for(employee_id):
            raise DomainError("not_team_member")
        self.set_meta(f"{DEFAULT_TEAM_KEY}{employee_id}", team_id)

    def ensure_draft(self, employee_id: str, day: dt.date, team_id: str | None = None) -> DailyReport:
        """The employee's report for ``day``, created as an empty draft when there is none."""
        existing = self.report_for(employee_id, day)
        if existing is not None:
            return existing
        rules.check_work_date(day, self.employee_today(employee_id))
        # built without its validator when its declared rules plainly hold (domain/plain.py)
        report = plain.checked(DailyReport, {
            "employee_id": employee_id,
            "work_date": day,
            "team_id": team_id or self.default_team_id(employee_id),
        })
        with self.transaction():
            self._insert("reports", to_row(report))
        return report

    def _editable(self, report_id: str) -> DailyReport:
        report = self.require_report(report_id)
        rules.check_report_editable(report.status, report.work_date)
        return report

    def set_work_mode(self, report_id: str, work_mode: str | WorkMode, location: str = "") -> DailyReport:
        mode = rules.check_work_mode(str(work_mode), location)
        with self.transaction():
            report = self._editable(report_id)
            org.check_day_mode(self, report.employee_id, report.work_date, mode, location, report.id)  # DWA
            self.db.execute(
                "UPDATE reports SET work_mode = ?, location = ? WHERE id = ?", (mode.value, location.strip(), report.id)
            )
        return self.require_report(report_id)

    def link_team_id(self, task_id: str | None, indicator_id: str | None) -> str | None:
        """The team of a linked task, or of a linked indicator's target (RHK)."""
        if task_id:
            return self.scalar("SELECT team_id FROM tasks WHERE id = ?", (task_id,))
        if indicator_id:
            return self.scalar(
                "SELECT t.team_id FROM indicators i JOIN targets t ON t.id = i.target_id WHERE i.id = ?",
                (indicator_id,))
        return None

    def activity_team_id(self, report: DailyReport, task_id: str | None, indicator_id: str | None,
                         team_id: str | None = None) -> str | None:
        """The team an activity belongs to: ``team_id`` when chosen (one of the member's teams),
        else its link's team when the member sits on it, else the report's default team."""
        mine = self.team_ids_for(report.employee_id)
        if team_id:
            if team_id not in mine:
                raise DomainError("not_team_member")
            return team_id
        linked = self.link_team_id(task_id, indicator_id)
        default = self.chosen_default_team(report.employee_id) or report.team_id
        return rules.activity_team(linked if linked in mine else None, default)

    def _check_links(self, task_id: str | None, indicator_id: str | None) -> None:
        if task_id and self.scalar("SELECT 1 FROM tasks WHERE id = ?", (task_id,)) is None:
            raise DomainError("task_unknown", task_id=task_id)
        if indicator_id and self.scalar("SELECT 1 FROM indicators WHERE id = ?", (indicator_id,)) is None:
            raise DomainError("indicator_unknown", indicator_id=indicator_id)

    def _refresh_total(self, report: DailyReport, extra: int = 0, exclude: str | None = None) -> int:
        """Check and store the day's total; raises over the policy's hard limit."""
        total = self.scalar(
            "SELECT COALESCE(SUM(minutes), 0) FROM activities WHERE report_id = ? AND id IS NOT ?",
            (report.id, exclude),
        ) + extra
        rules.check_day_total(report.work_date, total, self.policy)
        return total

    def add_activity(
        self,
        report_id: str,
        *,
        description: str,
        minutes: int,
        volume: float = 1.0,
        volume_unit: str = "kegiatan",
        task_id: str | None = None,
        indicator_id: str | None = None,
        evidence: str = "",
        activity_id: str | None = None,
        team_id: str | None = None,
    ) -> Activity:
        """Add an activity to a draft or returned report; validated before anything is written.

        ``team_id``: the team that verifies it (default: the link's team, else the report's)."""
        rules.check_minutes(minutes)
        if not description.strip():
            raise DomainError("description_empty")
        if volume < 0:
            raise DomainError("volume_invalid", value=volume)
        with self.transaction():
            report = self._editable(report_id)
            self._check_links(task_id, indicator_id)
            total = self._refresh_total(report, extra=minutes)
            position = self.scalar("SELECT COALESCE(MAX(position), -1) + 1 FROM activities WHERE report_id = ?", (report_id,))
            # the model's rules, checked without building its validator when they plainly hold
            activity = plain.checked(Activity, {
                "id": activity_id or new_id(),
                "report_id": report_id,
                "description": description.strip(),
                "minutes": minutes,
                "volume": volume,
                "volume_unit": volume_unit.strip() or "kegiatan",
                "task_id": task_id or None,
                "indicator_id": indicator_id or None,
                "evidence": evidence.strip(),
                "position": position,
                "team_id": self.activity_team_id(report, task_id or None, indicator_id or None, team_id),
            })
            self._insert("activities", to_row(activity))
            self.db.execute("UPDATE reports SET total_minutes = ? WHERE id = ?", (total, report_id))
        return activity

    def update_activity(self, activity_id: str, **changes: Any) -> Activity:
        """Change fields of an activity in an editable report (same validation as adding)."""
        fixed = {"id", "report_id", "verdict", "review_note", "reviewed_by", "reviewed_at"} & set(changes)
        if fixed:
            raise ValueError(f"not editable: {sorted(fixed)}")
        current = self.activity(activity_id)
        if current is None:
            raise DomainError("activity_unknown", activity_id=activity_id)
        if "minutes" in changes:
            rules.check_minutes(changes["minutes"])
        if "description" in changes and not str(changes["description"]).strip():
            raise DomainError("description_empty")
        if "volume" in changes and changes["volume"] is not None and changes["volume"] < 0:
            raise DomainError("volume_invalid", value=changes["volume"])
        updated = current.model_copy(update=changes)
        Activity.model_validate(updated.model_dump())
        with self.transaction():
            report = self._editable(current.report_id)
            rules.check_activity_editable(current.verdict)
            self._check_links(updated.task_id, updated.indicator_id)
            relinked = (updated.task_id, updated.indicator_id) != (current.task_id, current.indicator_id)
            if changes.get("team_id") or relinked:  # a new link brings its team unless one is chosen
                updated = updated.model_copy(update={"team_id": self.activity_team_id(
                    report, updated.task_id, updated.indicator_id, changes.get("team_id"))})
            total = self._refresh_total(report, extra=updated.minutes, exclude=activity_id)
            self._insert("activities", to_row(updated), replace=True)
            self.db.execute("UPDATE reports SET total_minutes = ? WHERE id = ?", (total, report.id))
        return updated

    def delete_activity(self, activity_id: str) -> None:
        current = self.activity(activity_id)
        if current is None:
            raise DomainError("activity_unknown", activity_id=activity_id)
        with self.transaction():
            report = self._editable(current.report_id)
            rules.check_activity_editable(current.verdict)
            self.db.execute("DELETE FROM activities WHERE id = ?", (activity_id,))
            total = self._refresh_total(report)
            self.db.execute("UPDATE reports SET total_minutes = ? WHERE id = ?", (total, report.id))

    # --- submitting and reviewing --------------------------------------------------------

    def report_payload(self, report: DailyReport) -> dict[str, Any]:
        """The frozen wire form of a report: its fields plus its activities."""
        payload = to_row(report)
        payload["activities"] = [to_row(a) for a in self.activities(report.id)]
        return payload

    def submit_report(self, report_id: str, actor_id: str) -> DailyReport:
        """Freeze a draft (or returned) report and queue it, in one transaction: the report and
        its activities are read once, and the queued payload is built from what was read and
        changed (no read-back), so a submit is two reads, its writes and the commit."""
        with self.transaction():
            report = self.require_report(report_id)
            rules.check_author(actor_id, report.employee_id)
            new_status = rules.next_report_status(report.status, "submit")
            activities = self.activities(report_id)
            if not activities:
                raise DomainError("report_empty", day=report.work_date.isoformat())
            base_version = report.version
            now = self.now()
            # a returned team's activities go back to it; approved ones stand
            if any(a.verdict == Verdict.RETURNED for a in activities):
                self.db.execute(
                    """UPDATE activities SET verdict = 'pending', review_note = '', reviewed_by = NULL,
                       reviewed_at = NULL WHERE report_id = ? AND verdict = 'returned'""", (report_id,))
                reopened = {"verdict": Verdict.PENDING, "review_note": "", "reviewed_by": None, "reviewed_at": None}
                activities = [a.model_copy(update=reopened) if a.verdict == Verdict.RETURNED else a
                               for a in activities]
            if new_status == ReportStatus.SUBMITTED:
                new_status = rules.report_status_for(a.verdict for a in activities)
            submitted = report.model_copy(update={
                "status": new_status, "version": base_version + 1, "submitted_at": now,
                "first_submitted_at": report.first_submitted_at or now, "review_note": "",
            })
            self.db.execute(
                """UPDATE reports SET status = ?, version = ?, submitted_at = ?, first_submitted_at = ?,
                   review_note = '' WHERE id = ?""",
                (submitted.status.value, submitted.version, now.isoformat(),
                 submitted.first_submitted_at.isoformat() if submitted.first_submitted_at else None, report_id),
            )
            payload = to_row(submitted)
            payload["activities"] = [to_row(a) for a in activities]
            outbox.enqueue(
                self.db, entity="report", entity_id=report_id, op="submit", base_version=base_version, payload=payload
            )
        return submitted

    def review_report(
        self, report_id: str, reviewer_id: str, decision: Decision | str, note: str = "",
        seen_version: int | None = None, team_id: str | None = None,
    ) -> Review:
        """Approve or return one team's activities of a report as that team's lead (or its JPT),
        queued. ``team_id``: which team (default: the reviewer's one team with pending activities).

        ``seen_version`` is the report version the reviewer looked at (refused if it changed since).
        """
        decision = Decision(decision)
        with self.transaction():
            report = self.require_report(report_id)
            team_id = self.review_team(report_id, reviewer_id, team_id)
            team = self.team(team_id)
            rules.check_reviewer(reviewer_id, report.employee_id, self.team_lead_ids(team_id),
                                 [team.jpt_id] if team else [])
            activities = self.activities(report_id)
            part = [a for a in activities if a.team_id == team_id]
            rules.check_reviewable([a.verdict for a in part], report.status)
            rules.check_review(
                decision, note, report.version if seen_version is None else seen_version, report.version
            )
            review = Review(
                report_id=report_id,
                reviewer_id=reviewer_id,
                decision=decision,
                note=note.strip(),
                report_version=report.version,
                decided_at=self.now(),
                team_id=team_id,
            )
            verdict = Verdict.APPROVED if decision == Decision.APPROVE else Verdict.RETURNED
            self._insert("reviews", to_row(review))
            self.db.execute(
                """UPDATE activities SET verdict = ?, review_note = ?, reviewed_by = ?, reviewed_at = ?
                   WHERE report_id = ? AND team_id = ? AND verdict = 'pending'""",
                (verdict.value, review.note if verdict == Verdict.RETURNED else "", reviewer_id,
                 review.decided_at.isoformat(), report_id, team_id),
            )
            # a decision covers the team's pending activities; one it approved before stands
            verdicts = [verdict if a.team_id == team_id and a.verdict == Verdict.PENDING else a.verdict
                        for a in activities]
            approved = sum(a.minutes for a, v in zip(activities, verdicts, strict=True) if v == Verdict.APPROVED)
            new_status = rules.report_status_for(verdicts)
            self.db.execute(
                """UPDATE reports SET status = ?, version = version + 1, approved_minutes = ?,
                   review_note = CASE WHEN ? = 'return' THEN ? ELSE review_note END, reviewed_by = ?,
                   reviewed_at = ? WHERE id = ?""",
                (new_status.value, approved, decision.value, review.note, reviewer_id,
                 review.decided_at.isoformat(), report_id),
            )
            outbox.enqueue(
                self.db, entity="review", entity_id=review.id, op="decide", base_version=0, payload=to_row(review)
            )
        return review

    def is_report_late(self, report: DailyReport) -> bool:
        from sk_tui.domain.kinerja import is_late

        # lateness counts from the first submission: a resubmission after a return never moves it
        return is_late(report.work_date, report.first_submitted_at or report.submitted_at, self.policy)
