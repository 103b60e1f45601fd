"""A child process that writes reports as fast as it can until it is killed.

    python writer_child.py DB_PATH EMPLOYEE_ID FIRST_DAY_OFFSET

After each committed operation it prints one line (flushed): ``A report_id activity_id minutes``
for an added activity, ``S report_id`` for a submitted report.
"""

from __future__ import annotations

import datetime as dt
import sys

from sk_tui.store import Store


def main() -> None:
    path, employee_id, offset = sys.argv[1], sys.argv[2], int(sys.argv[3])
    store = Store.open(path)
    today = store.today()
    print("ready", flush=True)
    i = 0
    while True:
        day = today - dt.timedelta(days=offset + i)
        report = store.ensure_draft(employee_id, day)
        for n in range(1 + i % 3):
            activity = store.add_activity(report.id, description=f"Kegiatan {i}.{n}", minutes=30 + n,
                                          evidence="x" * (i % 7) * 100)
            print(f"A {report.id} {activity.id} {activity.minutes}", flush=True)
        if i % 4 != 3:  # leave some drafts unsubmitted
            store.submit_report(report.id, employee_id)
            print(f"S {report.id}", flush=True)
        i += 1


if __name__ == "__main__":
    main()
