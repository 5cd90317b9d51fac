#!/usr/bin/env python3
"""Writes the actions and reviews a local authority would have recorded since going live, for the plans
of an icsctl database (typically one a legacy register import filled), as two CSV files for
`icsctl import actions` and `icsctl import reviews`.

Usage:  scripts/gen-activity.py DB SEED GO_LIVE TODAY ACTIONS.csv REVIEWS.csv

Python 3 standard library only; reads DB and writes nothing to it. The same database, SEED and dates
always give the same bytes. The story: the register was migrated on GO_LIVE, and from then on every
plan open on or after that day had its actions and conferences recorded, up to TODAY:
  * 3 to 7 actions per plan, due over the plan's life since go-live (some of an open plan's due after
    TODAY); of those due by TODAY about two thirds were done, one in ten cancelled and the rest are
    still open (overdue); an ended plan has no open action: what was left was cancelled when it ended;
  * an initial conference on the start day of a plan that started after go-live (setting its
    category), core groups every six to ten weeks, and review conferences three months after the start
    and then every six months, mostly on time, some late and about one plan in twelve stuck without
    its last review (overdue); about half of the review conferences record a category, one in six
    of those a change; next_review_due is left blank for icsctl to count from the template.
"""
import csv
import datetime
import random
import sqlite3
import sys

CATEGORIES = ["NEG", "PHY", "SAB", "EMO", "MUL"]
# (section, what, agency, owner): social-care actions go to the plan's lead worker.
ACTIONS = [
    ("safety", "Hold the first core group meeting", "social-care", None),
    ("safety", "Agree a written safety plan with the parents and share it with the core group", "social-care", None),
    ("safety", "Share information about any adults in the household known to police", "police", "DC Morgan"),
    ("safety", "Unannounced home visit, seeing the child alone", "social-care", None),
    ("health", "Arrange a health assessment, including immunisations and dental care", "health", "Health visitor"),
    ("health", "Check registration with a GP and that health appointments are attended", "health", "Dr Shah"),
    ("education", "Report attendance, punctuality and concerns to the core group", "education", "Designated safeguarding lead"),
    ("education", "Review support needs and whether an education, health and care assessment is needed", "education", "SENCo"),
    ("family-support", "Complete an assessment of the parents' capacity to meet the child's needs", "social-care", None),
    ("family-support", "Refer the parents to substance misuse, mental health or domestic abuse services as needed", "social-care", None),
    ("family-support", "Parenting programme: attendance reported to the core group", "voluntary", "Family support worker"),
]


def day(text):
    return datetime.date.fromisoformat(text).toordinal()


def iso(ordinal):
    return datetime.date.fromordinal(ordinal).isoformat()


def add_months(ordinal, months):
    d = datetime.date.fromordinal(ordinal)
    y, m = divmod(d.month - 1 + months, 12)
    y, m = d.year + y, m + 1
    last = (datetime.date(y + m // 12, m % 12 + 1, 1) - datetime.timedelta(days=1)).day
    return datetime.date(y, m, min(d.day, last)).toordinal()


def actions_of(rng, plan, first, last, today):
    """Rows for one plan; `first`..`last` (inclusive) is the plan's recorded life."""
    pid, _, _, end, worker = plan
    span = last - first
    for _ in range(rng.randint(3, 7)):
        section, what, agency, owner = rng.choice(ACTIONS)
        owner = owner or worker or "Duty social worker"
        # an open plan's later actions may fall due after today
        due = first + rng.randint(0, span + (0 if end else 90))
        status, completed, reason = "open", "", ""
        roll = rng.random()
        if end is not None:
            if roll < 0.75:
                status, completed = "done", iso(min(max(first, due + rng.randint(-10, 25)), last))
            else:
                status, completed, reason = "cancelled", iso(min(end, today)), "Plan ended"
        elif due <= today:
            if roll < 0.65:
                status, completed = "done", iso(min(max(first, due + rng.randint(-10, 30)), today))
            elif roll < 0.75:
                status, completed, reason = "cancelled", iso(min(due + rng.randint(0, 20), today)), "No longer needed"
        elif roll < 0.1:
            status, completed = "done", iso(rng.randint(first, today))
        yield ["P%d" % pid, section, what, owner, agency, iso(due), status, completed, reason]


def reviews_of(rng, plan, first, last, go_live):
    pid, start, initial, end, _ = plan
    if start >= go_live:
        yield ["P%d" % pid, "initial-conference", iso(start), "Plan agreed", initial or ""]
    held = start + 7 + rng.randint(0, 7)
    while held <= last:
        if held >= first:
            yield ["P%d" % pid, "core-group", iso(held), "", ""]
        held += rng.randint(42, 70)
    stuck = rng.random() < 0.08  # the last review that fell due was never held
    category = initial
    due = add_months(start, 3)
    while due <= last:
        held = due + (rng.randint(-14, 3) if rng.random() < 0.85 else rng.randint(4, 45))
        if held > last or (stuck and add_months(held, 6) > last):
            break
        record = ""
        if rng.random() < 0.5:
            if rng.random() < 1 / 6:
                category = rng.choice([c for c in CATEGORIES if c != category])
            record = category or ""
        if held >= first:
            yield ["P%d" % pid, "review-conference", iso(held), "Plan continues", record]
        due = add_months(held, 6)


def main():
    db, seed, go_live, today, actions_path, reviews_path = sys.argv[1:7]
    go_live, today = day(go_live), day(today)
    rng = random.Random(int(seed))
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    plans = con.execute(
        "SELECT id, start_date, initial_category, end_date, lead_worker FROM plan"
        " WHERE kind = 'child-protection' AND (end_date IS NULL OR end_date > ?) AND start_date <= ?"
        " ORDER BY id", (iso(go_live), iso(today)))
    with open(actions_path, "w", newline="") as a_file, open(reviews_path, "w", newline="") as r_file:
        actions, reviews = csv.writer(a_file, lineterminator="\n"), csv.writer(r_file, lineterminator="\n")
        actions.writerow(["plan_id", "section", "what", "owner", "agency", "due_date", "status",
                          "completed_date", "cancel_reason"])
        reviews.writerow(["plan_id", "kind", "review_date", "outcome", "category"])
        for pid, start, initial, end, worker in plans:
            start, end = day(start), (day(end) if end else None)
            plan = (pid, start, initial, end, worker)
            first, last = max(start, go_live), min(end - 1 if end else today, today)
            actions.writerows(actions_of(rng, plan, first, last, today))
            reviews.writerows(reviews_of(rng, plan, first, last, go_live))


if __name__ == "__main__":
    main()
