#!/usr/bin/env python3
"""Writes the actions and reviews a local authority would have recorded since going live, for the plans
of an icsctl database (typically one a legacy register import filled), as two CSV files for
`icsctl import actions` and `icsctl import reviews`.

Usage:  scripts/gen-activity.py DB SEED GO_LIVE TODAY ACTIONS.csv REVIEWS.csv [EPISODES_DIR]

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
    of those a change; next_review_due is left blank for icsctl to count from the template;
  * visits to the child of every child protection plan in its last six months up to TODAY, every one
    to three weeks, the child seen at most of them and seen alone at most of those (columns seen and
    seen_alone of the reviews file); about one plan in ten has had no visit for three to six weeks.

With EPISODES_DIR it also writes the authority's front door since go-live, for `icsctl import
children|episodes|assessments|enquiries|conferences|plans` (in that order, before the reviews):
children.csv, episodes.csv, assessments.csv, enquiries.csv, conferences.csv and plans.csv, for new
children numbered after the database's (one referral for every two plans in the database), with
their census details (ethnicity, disabilities, why a child has no UPN); and child-details.csv, the
same details for the children already in the database (a register holds none), for `icsctl import
children --on-conflict update` before the rest. Proportions
after the DfE's children in need statistics: about a fifth of referrals end with no further action;
the rest are assessed, about one in seven late (past 45 working days), a third finding no factors (21);
a quarter of those with factors lead to a section 47 enquiry, two in five of those to an initial
conference (some after the 15 working day target), four in five conferences to a child protection
plan, later stepped down to a child in need plan or not; other needs get a child in need plan about
half the time, some late or never. An episode closes a while after its last step; nearly half the
children whose episode closed are referred again, half of those within 12 months. Every record keeps
the rules icsctl checks (episodes of a child do not overlap, everything is dated within its episode,
conferences fall on weekdays, a child protection plan starts on its conference's date, a child in need
plan only after it ended). Working days here skip weekends only: the bank holidays do not matter to
plausible data.
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


def visits_of(rng, pid, first, last, today):
    """Visits of a child protection plan over its last six months up to `last`."""
    if rng.random() < 0.1:  # no visit for the last three to six weeks: overdue
        last -= rng.randint(21, 42)
    held = max(first, last - 182) + rng.randint(0, 14)
    while held <= last:
        if held >= first and datetime.date.fromordinal(held).weekday() < 5:
            seen = "yes" if rng.random() < 0.93 else "no"
            alone = ("yes" if rng.random() < 0.8 else "no") if seen == "yes" else ""
            yield ["P%d" % pid, "visit", iso(held), "", "", seen, alone]
            held += rng.randint(7, 21)
        else:
            held += 1


def weekday_on_or_after(ordinal):
    while datetime.date.fromordinal(ordinal).weekday() >= 5:
        ordinal += 1
    return ordinal


def plus_working_days(ordinal, n):
    """Weekdays only: the generator need not know the bank holidays to be plausible."""
    while n > 0:
        ordinal += 1
        if datetime.date.fromordinal(ordinal).weekday() < 5:
            n -= 1
    return ordinal


SOURCES = ["1A", "1B", "1C", "2A", "2A", "2B", "3A", "3B", "3E", "3F", "4", "5A", "5D", "6", "6", "6", "8", "9"]
NEEDS = ["N1", "N1", "N1", "N1", "N2", "N3", "N4", "N4", "N5", "N5", "N6", "N7", "N8"]
FACTORS = ["1B", "2B", "3A", "3B", "3C", "4A", "4B", "5B", "6B", "10A", "11A", "14A", "15A", "16A", "17A",
           "18C", "19C", "20", "24A"]
GIVEN = ["Amelia", "Oliver", "Isla", "Noah", "Ava", "Leo", "Mia", "Arthur", "Ivy", "Muhammad", "Freya",
         "Harry", "Lily", "Oscar", "Sophia", "George", "Grace", "Jack", "Aisha", "Theo"]
FAMILY = ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Khan", "Evans", "Patel", "Walker",
          "Wright", "Hughes", "Green", "Lewis", "Clarke", "Nowak", "Okafor", "Murphy", "Hall", "Wood"]
WORKERS = [("Sam Patel", "CP Team A"), ("Jo Bloggs", "CIN Team"), ("Priya Shah", "CP Team B"),
           ("Tom Reid", "CP Team A"), ("Ade Bello", "CIN Team"), ("Kate Moss", "CP Team B")]


def one_episode(rng, ids, child, referral, today, out):
    """Writes one episode of `child` from `referral`; returns its closure date (None: still open)."""
    eid = ids["episode"] = ids["episode"] + 1
    nfa = rng.random() < 0.2
    source = rng.choice(SOURCES)
    if nfa:
        out["episodes"].append(["E%d" % eid, "C%d" % child, iso(referral), source, "", "yes", iso(referral),
                                "RC8", ""])
        return referral
    need = rng.choice(NEEDS)
    row = ["E%d" % eid, "C%d" % child, iso(referral), source, need, "no", "", "", ""]
    out["episodes"].append(row)  # the closure is filled in when it closes
    last = referral  # the latest date of anything in the episode
    done = True      # everything finished (the episode may close)
    # the assessment: 10-45 working days, about one in seven late
    nid = ids["assessment"] = ids["assessment"] + 1
    start = referral + rng.randint(0, 4)
    span = rng.randint(46, 90) if rng.random() < 0.15 else rng.randint(10, 45)
    completed = plus_working_days(referral, span)
    factors = "21" if rng.random() < 0.33 else ",".join(sorted(rng.sample(FACTORS, rng.randint(1, 3))))
    if start > today:
        start = today
    if completed > today:
        out["assessments"].append(["N%d" % nid, "E%d" % eid, iso(start), "", ""])
        done = False
    else:
        out["assessments"].append(["N%d" % nid, "E%d" % eid, iso(start), iso(completed), factors])
        last = completed
    plan_start = None
    kind = None
    conference = None
    if factors != "21" and rng.random() < 0.25:
        # a section 47 enquiry from a strategy discussion during the assessment
        sid = ids["enquiry"] = ids["enquiry"] + 1
        q_start = min(start + rng.randint(0, 10), today)
        target = plus_working_days(q_start, 15)
        if rng.random() < 0.4:
            held = weekday_on_or_after(target - rng.randint(0, 8) if rng.random() < 0.85
                                       else target + rng.randint(1, 20))
            held = max(held, weekday_on_or_after(q_start))
            # the conference target is left for icsctl to count (bank holidays included)
            out["enquiries"].append(["S%d" % sid, "E%d" % eid, iso(q_start), "", ""])
            if held > today:
                done = False
            else:
                iid = ids["conference"] = ids["conference"] + 1
                outcome = "plan" if rng.random() < 0.8 else "no-plan"
                out["conferences"].append(["I%d" % iid, "E%d" % eid, "S%d" % sid, iso(held), outcome])
                last = max(last, held)
                if outcome == "plan":
                    plan_start, kind, conference = held, "child-protection", iid
        else:
            ended = q_start + rng.randint(3, 30)
            out["enquiries"].append(["S%d" % sid, "E%d" % eid, iso(q_start), "",
                                     iso(ended) if ended <= today else ""])
            if ended > today:
                done = False
            last = max(last, ended)
    if plan_start is None and factors != "21" and completed <= today and rng.random() < 0.45:
        plan_start, kind = completed + (rng.randint(0, 14) if rng.random() < 0.8 else rng.randint(15, 60)), "child-in-need"
    while plan_start is not None and plan_start <= today:
        pid = ids["plan"] = ids["plan"] + 1
        months = rng.randint(3, 18) if kind == "child-protection" else rng.randint(3, 12)
        end = add_months(plan_start, months)
        worker, team = rng.choice(WORKERS) if rng.random() < 0.95 else ("", "")
        category = rng.choice(CATEGORIES) if kind == "child-protection" else ""
        out["plans"].append(["P%d" % pid, "C%d" % child, kind, kind, category, category, iso(plan_start),
                             iso(end) if end <= today else "", "no-longer-at-risk" if end <= today else "",
                             worker, team, "E%d" % eid, "I%d" % conference if conference else ""])
        if kind == "child-protection":
            out["cp_plans"].append((pid, plan_start, end if end <= today else None))
        if end > today:
            return None
        last = end
        # a child protection plan is stepped down to a child in need plan, mostly in time, or not at all
        if kind == "child-protection" and rng.random() < 0.6:
            plan_start = end + (rng.randint(0, 12) if rng.random() < 0.85 else rng.randint(15, 40))
            kind, conference = "child-in-need", None
        else:
            plan_start = None
    if plan_start is not None:  # a plan still to come
        return None
    if not done:
        return None
    closure = last + rng.randint(0, 60)
    if closure > today:
        return None
    row[6] = iso(closure)
    row[7] = "RC8" if factors == "21" else rng.choice(["RC7", "RC7", "RC7", "RC9", "RC5"])
    return closure


# What the census asks of a child that a legacy register does not hold (the children files' columns).
DETAILS = ["ethnicity", "disabilities", "upn_unknown"]
ETHNICITIES = ["WBRI"] * 14 + ["WIRI", "WOTH", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND", "APKN",
                                "ABAN", "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU"]
DISABILITIES = ["MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS", "BEH", "CON", "AUT", "DDA"]


def census_details(rng, born, upn, today):
    """Ethnicity (not yet obtained for an unborn child), disabilities (none for nine in ten) and, for a
    child with no UPN, why: not yet of school age (UN1) or never at a school in England (UN2)."""
    ethnicity = rng.choice(ETHNICITIES) if born is not None else "NOBT"
    disabilities = ("NONE" if rng.random() < 0.9 else rng.choice(DISABILITIES)) if born is not None else ""
    unknown = "" if upn else ("UN1" if born is None or today - born < 5 * 365 else "UN2")
    return [ethnicity, disabilities, unknown]


def write_front_door(con, seed, go_live, today, out_dir):
    """Writes the CSV files of the front door since go-live; returns the new child protection plans
    as (id, start, end or None)."""
    import os
    rng = random.Random(seed + 1)
    top = lambda table: con.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0]
    ids = {"episode": max(top("episode"), top("plan")), "assessment": top("assessment"),
           "enquiry": top("enquiry"), "conference": max(top("conference"), top("plan")), "plan": top("plan")}
    referrals = top("plan") // 2
    child = top("child")
    out = {k: [] for k in ("children", "episodes", "assessments", "enquiries", "conferences", "plans", "cp_plans")}
    made = 0
    while made < referrals:
        child += 1
        referral = rng.randint(go_live, today)
        born = referral - rng.randint(0, 17 * 365)
        out["children"].append(["C%d" % child, rng.choice(GIVEN), rng.choice(FAMILY), iso(born),
                                rng.choice("MF")] + census_details(rng, born, None, today))
        while referral <= today and made < referrals:
            made += 1
            closure = one_episode(rng, ids, child, referral, today, out)
            if closure is None or rng.random() > 0.45:
                break
            # referred again: half of them within 12 months
            referral = closure + (rng.randint(1, 365) if rng.random() < 0.5 else rng.randint(366, 900))
    os.makedirs(out_dir, exist_ok=True)
    heads = {
        "children": ["child_id", "given_names", "family_name", "date_of_birth", "sex"] + DETAILS,
        "episodes": ["episode_id", "child_id", "referral_date", "referral_source", "primary_need", "nfa",
                     "closure_date", "closure_reason", "made_by"],
        "assessments": ["assessment_id", "episode_id", "start_date", "completed_date", "factors"],
        "enquiries": ["enquiry_id", "episode_id", "start_date", "conference_target", "end_date"],
        "conferences": ["conference_id", "episode_id", "enquiry_id", "conference_date", "outcome"],
        "plans": ["plan_id", "child_id", "template", "kind", "initial_category", "latest_category", "start_date",
                  "end_date", "end_reason", "lead_worker", "team", "episode_id", "conference_id"],
    }
    # the census details of the children already in the database (a register migration has none)
    details_rng = random.Random(seed + 3)
    heads["child-details"] = ["child_id"] + DETAILS
    out["child-details"] = [
        ["C%d" % cid] + census_details(details_rng, day(dob) if dob else None, upn, today)
        for cid, dob, upn in con.execute("SELECT id, date_of_birth, upn FROM child ORDER BY id")]
    for name, head in heads.items():
        with open(os.path.join(out_dir, name + ".csv"), "w", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(head)
            w.writerows(out[name])
    return out["cp_plans"]


def main():
    db, seed, go_live, today, actions_path, reviews_path = sys.argv[1:7]
    episodes_dir = sys.argv[7] if len(sys.argv) > 7 else None
    go_live, today = day(go_live), day(today)
    rng = random.Random(int(seed))
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    new_plans = write_front_door(con, int(seed), go_live, today, episodes_dir) if episodes_dir else []
    visit_rng = random.Random(int(seed) + 2)
    plans = con.execute(
        "SELECT id, start_date, initial_category, end_date, lead_worker FROM plan"
        " WHERE kind = 'child-protection' AND (end_date IS NULL OR end_date > ?) AND start_date <= ?"
        " ORDER BY id", (iso(go_live), iso(today)))
    with open(actions_path, "w", newline="") as a_file, open(reviews_path, "w", newline="") as r_file:
        actions, reviews = csv.writer(a_file, lineterminator="\n"), csv.writer(r_file, lineterminator="\n")
        actions.writerow(["plan_id", "section", "what", "owner", "agency", "due_date", "status",
                          "completed_date", "cancel_reason"])
        reviews.writerow(["plan_id", "kind", "review_date", "outcome", "category", "seen", "seen_alone"])
        for pid, start, initial, end, worker in plans:
            start, end = day(start), (day(end) if end else None)
            plan = (pid, start, initial, end, worker)
            first, last = max(start, go_live), min(end - 1 if end else today, today)
            actions.writerows(actions_of(rng, plan, first, last, today))
            reviews.writerows(row + ["", ""] for row in reviews_of(rng, plan, first, last, go_live))
            reviews.writerows(visits_of(visit_rng, pid, first, last, today))
        for pid, start, end in new_plans:  # their conference is in conferences.csv: no initial-conference
            last = min(end - 1 if end else today, today)
            reviews.writerows(row + ["", ""] for row in reviews_of(visit_rng, (pid, start, None, end, None),
                                                                   start, last, start + 1))
            reviews.writerows(visits_of(visit_rng, pid, start, last, today))


if __name__ == "__main__":
    main()
