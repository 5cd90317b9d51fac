#!/usr/bin/env python3
"""Writes a realistic legacy child protection register export, messy rows included.

Usage:  scripts/gen-register.py ROWS SEED OUT.csv       (OUT.csv may be - for standard output)

Python 3 standard library only. The same ROWS and SEED always give the same bytes.

The export, as a legacy register would write it (schemas/mappings/legacy-register.yaml reads it):
  * a header row and ROWS rows, CRLF line ends, UTF-8, quotes only where needed (RFC 4180),
    dates dd/mm/yyyy, exported on 31/03/2024;
  * columns register_ref, surname, forenames, dob, gender, nhs_number, upn, category,
    registration_date, deregistration_date, deregistration_reason, key_worker, team,
    address_postcode, person_id;
  * one row per registration, ordered by registration date, register_ref CPR-0000001 upwards in
    that order; about one child in eight is registered again after a de-registration (same
    person_id PER..., same NHS number); about 2% are unborn (forenames "Unborn", a date of birth
    after the registration date, no NHS number);
  * NHS numbers: ~85% valid (some written "943 476 5919"), ~14% blank, ~1% failing the check;
    UPNs on ~30%; categories and de-registration reasons in several local spellings; open
    registrations have no de-registration date; a few old ones were never closed;
  * ~2% messy rows: impossible or wrongly formatted dates (31/02, 29/02 of a common year, US order,
    two-digit years, N/K, blank), a missing surname, a register_ref keyed twice, commas, quotes and
    line breaks inside quoted fields, stray spaces and capitals, names with accents (Zoë, Ó Briain),
    unknown gender codes, misspelt categories.
"""
import csv
import datetime
import random
import sys

EXPORTED = datetime.date(2024, 3, 31).toordinal()
FIRST_REGISTRATION = datetime.date(2004, 4, 1).toordinal()
MAX_AGE_DAYS = int(17.9 * 365.25)

FAMILY_NAMES = """Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas Johnson Roberts Robinson
Thompson Wright Walker White Edwards Hughes Green Hall Lewis Harris Clarke Patel Jackson Wood Turner
Martin Cooper Hill Ward Morris Moore Clark Lee King Baker Harrison Morgan Allen James Scott Phillips
Watson Davis Parker Price Bennett Young Griffiths Mitchell Kelly Cook Carter Richardson Bailey Collins
Bell Shaw Murphy Miller Cox Richards Khan Marshall Anderson Simpson Ellis Adams Singh Begum Wilkinson
Foster Chapman Powell Webb Rogers Gray Mason Ali Hunt Hussain Campbell Matthews Owen Palmer Holmes
Mills Barnes Knight Lloyd Butler Russell Barker Fisher Stevens Jenkins Murray Dixon Harvey Graham
Pearson Ahmed Fletcher Walsh Kaur Gibson Howard Andrews Stewart Elliott Reynolds Saunders Payne Fox
Ford Pearce Day Brooks West Lawrence Cole Atkinson Bradley Spencer Gill Dawson Ball Burton O'Brien
Watts Rose Booth Perry Ryan Grant Wells Armstrong Francis Rees Hayes Hart Hudson Newman Barrett
Webster Hunter Gregory Carr Lowe Page Marsh Riley Dunn Woods Parsons Berry Stone Reid Holland Hawkins
Harding Porter Robertson Newton Oliver Reed Kennedy Williamson Bird Gardner Shah Dean Lane Cooke Bates
Henderson Parry Burgess Bishop Walton Burns Nicholson Shepherd Ross Cross Long Freeman Warren Nicholls
Hamilton Byrne Sutton McDonald Yates Hodgson Robson Curtis Hopkins O'Connor Harper Coleman Watkins Moss
McCarthy Chambers O'Neill Griffin Sharp Hardy Wheeler Potter Osborne Johnston Gordon Doyle Wallace
George Jordan Hutchinson Rahman Nowak Kowalski Wiśniewski Popescu Ionescu Mensah Okafor Adeyemi Osei
Nguyen Chen Wang Yilmaz Kaya Rossi Silva Santos Costa""".split()
FAMILY_NAMES_ACCENTED = ["Ó Briain", "Nuñez", "Müller", "Ó Súilleabháin", "Łukasiewicz", "Bjørnsen",
                         "Gonçalves", "Doğan", "Mac Giolla Bhríde", "Öztürk"]
BOYS = """Oliver George Harry Noah Jack Leo Arthur Muhammad Oscar Charlie Jacob Thomas Henry William
Freddie Alfie Theo Archie Joshua James Lucas Ethan Logan Mason Riley Alexander Isaac Max Daniel Samuel
Dylan Tyler Jayden Kai Reggie Tommy Ryan Liam Connor Callum Kyle Jamie Lewis Nathan Ben Aiden Harvey
Bobby Ronnie Ibrahim Yusuf Adam Ali Omar Kacper Jakub Filip Mateo""".split()
GIRLS = """Olivia Amelia Isla Ava Mia Ivy Lily Isabella Rosie Sophia Grace Freya Willow Florence Emily
Ella Poppy Evie Elsie Charlotte Evelyn Sienna Daisy Phoebe Ruby Jessica Chloe Megan Lauren Courtney
Shannon Paige Jade Leah Holly Hannah Amy Eleanor Maisie Lacey Layla Aisha Fatima Maryam Zainab Zuzanna
Julia Amelie Nevaeh""".split()
GIRLS_ACCENTED = ["Zoë", "Siân", "Chloé", "Renée", "Aoife-Máire", "Niamh Róisín", "Łucja", "Anaïs"]
BOYS_ACCENTED = ["Seán", "Dáithí", "Björn", "Rónán", "Mátyás", "José", "Łukasz", "Tomás"]

# (weight, spellings): roughly the national shares of child protection plan categories.
CATEGORIES = [
    (48, ["Neglect", "NEG", "NEGLECT", "neglect", "N", "Neglect "]),
    (36, ["Emotional", "Emotional Abuse", "EMO", "EA", "EMOTIONAL ABUSE", "Emotional abuse"]),
    (7, ["Physical", "Physical Abuse", "PHY", "PA", "PHYSICAL", "Physical Injury"]),
    (4, ["Sexual", "Sexual Abuse", "SEX", "SA", "SEXUAL ABUSE"]),
    (5, ["Multiple", "MUL", "Multiple/Not Recommended", "MULTIPLE", "Mixed"]),
]
END_REASONS = [
    (70, ["No longer at risk", "NLR", "Plan ceased - no longer at risk", "No Longer Requires CP Plan"]),
    (10, ["Transferred to other LA", "TRF", "Moved out of area", "Transfer Out"]),
    (8, ["Child in care", "Care Order", "Accommodated (S20)"]),
    (4, ["Reached 18", "Child reached 18", "Age 18"]),
    (3, ["Adopted", "Adoption"]),
    (4, ["Other", "OTH", ""]),
    (1, ["Child died", "Deceased"]),
]
TEAMS = ["North Locality Team", "South Locality Team", "East Locality Team", "West Locality Team",
         "Central CP Team", "CP Team A", "CP Team B", "CP Team C", "Assessment Team 1", "Assessment Team 2",
         "Children in Need (North)", "Children in Need (South)", "Family Support - Riverside",
         "Family Support - Hillside", "Disabled Children's Team", "Safeguarding Hub", "MASH", "Leaving Care",
         "0-5 Team", "Adolescent Team"]
AREAS = ["LS", "BD", "HX", "HD", "WF", "S", "DN", "HU", "YO", "M", "OL", "BL", "WN", "SK", "L", "CH", "B", "WV",
         "CV", "NG", "LE", "DE", "NE", "SR", "DH", "TS", "E", "N", "SE", "SW", "CR", "BR", "BS", "CF", "SA", "PL",
         "EX"]
INWARD = "ABDEFGHJLNPQRSTUWXYZ"
UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"
BAD_DATES = ["31/02/{y}", "{y}-03-04", "4/3/{yy}", "00/00/0000", "12/13/{y}", "N/K", "", "29/02/2023", "1/1/19{yy}"]
HEADER = ["register_ref", "surname", "forenames", "dob", "gender", "nhs_number", "upn", "category",
          "registration_date", "deregistration_date", "deregistration_reason", "key_worker", "team",
          "address_postcode", "person_id"]


def expand(table):
    """A weighted table as a flat list of 100 slots, for one random index per pick."""
    slots = []
    for weight, spellings in table:
        slots += [spellings] * weight
    return slots


class Dates:
    """dd/mm/yyyy of day ordinals, computed once each."""

    def __init__(self):
        self.cache = {}

    def __call__(self, day):
        text = self.cache.get(day)
        if text is None:
            d = datetime.date.fromordinal(day)
            text = self.cache[day] = f"{d.day:02d}/{d.month:02d}/{d.year:04d}"
        return text


# Random choices by one call to random() each: several times faster than choice() and randint().
def pick(rng, items):
    return items[int(rng.random() * len(items))]


def between(rng, low, high):
    """A whole number from low to high inclusive."""
    return low + int(rng.random() * (high - low + 1))


def nhs_number(rng, used):
    """A new valid NHS number: 9 digits (as text) and its modulus 11 check digit."""
    while True:
        nine = between(rng, 400000000, 999999998)
        if nine in used:
            continue
        total, n = 0, nine
        for weight in range(2, 11):  # the last digit has weight 2, the first weight 10
            n, digit = divmod(n, 10)
            total += digit * weight
        check = (11 - total % 11) % 11
        if check != 10:
            used.add(nine)
            return str(nine), check


def upn(rng):
    body = f"{between(rng, 201, 938):03d}{between(rng, 1000, 9999):04d}{between(rng, 5, 23):02d}{between(rng, 1, 999):03d}"
    total = sum(int(c) * w for c, w in zip(body, range(2, 14)))
    return UPN_LETTERS[total % 23] + body


def postcode(rng):
    return f"{pick(rng, AREAS)}{between(rng, 1, 29)} {between(rng, 0, 9)}{pick(rng, INWARD)}{pick(rng, INWARD)}"


def make_child(rng, registered, used_nhs):
    """(surname, forenames, dob, gender, nhs, upn) of a child first registered on day `registered`."""
    unborn = rng.random() < 0.02
    if unborn:
        dob, gender, forenames = registered + between(rng, 20, 160), "U", "Unborn"
    else:
        dob = registered - int(min(17.9, rng.expovariate(0.2)) * 365.25)
        g = rng.random()
        gender = "M" if g < 0.49 else ("F" if g < 0.98 else "U")
        accented = rng.random() < 0.004
        boys, girls = (BOYS_ACCENTED, GIRLS_ACCENTED) if accented else (BOYS, GIRLS)
        forenames = pick(rng, boys if gender == "M" else girls if gender == "F" else boys + girls)
        if rng.random() < 0.35:
            forenames += " " + pick(rng, BOYS if gender == "M" else GIRLS)
    surname = pick(rng, FAMILY_NAMES_ACCENTED) if rng.random() < 0.003 else pick(rng, FAMILY_NAMES)
    if rng.random() < 0.08:
        surname += "-" + pick(rng, FAMILY_NAMES)
    nhs = ""
    x = rng.random()
    if not unborn and x >= 0.12:
        digits, check = nhs_number(rng, used_nhs)
        nhs = digits + str(check)
        if x > 0.99:  # keyed wrongly: a bad check digit, or a digit short
            nhs = digits + str((check + between(rng, 1, 9)) % 10) if rng.random() < 0.8 else digits
        elif rng.random() < 0.03:
            nhs = f"{nhs[:3]} {nhs[3:6]} {nhs[6:]}"
    pupil = upn(rng) if not unborn and rng.random() < 0.30 else ""
    return surname, forenames, dob, gender, nhs, pupil


def registrations(rng, rows):
    """Children and their registrations (day, tiebreak, child, end day or None, category, reason, worker, postcode)."""
    categories, reasons = expand(CATEGORIES), expand(END_REASONS)
    span = EXPORTED - FIRST_REGISTRATION
    children, regs, used_nhs = [], [], set()
    while len(regs) < rows:
        r = rng.random()
        times = 1 if r < 0.875 else (2 if r < 0.985 else 3)
        day = FIRST_REGISTRATION + int(rng.random() * span)
        child = make_child(rng, day, used_nhs)
        index = len(children)
        children.append(child)
        dob = child[2]
        pc = postcode(rng)
        for k in range(times):
            if k > 0:
                day = end + between(rng, 60, 1500)
                if day >= EXPORTED or day - dob > MAX_AGE_DAYS:
                    break
                if rng.random() < 0.3:
                    pc = postcode(rng)
            end = day + max(int(rng.lognormvariate(5.6, 0.7)), 14)  # a median of about nine months
            if k < times - 1 and end >= EXPORTED:
                end = day + 30
            open_now = end >= EXPORTED or (k == times - 1 and rng.random() < 0.003)
            category = pick(rng, pick(rng, categories))
            reason = "" if open_now else pick(rng, pick(rng, reasons))
            regs.append((day, rng.random(), index, None if open_now else end, category, reason,
                         int(rng.random() * 400), pc))
            if len(regs) >= rows or open_now:
                break
    regs.sort()
    return children, regs


def mess_up(rng, row, refs, day):
    """Spoils one row the ways hand-kept registers are spoilt."""
    kind = rng.randrange(10)
    year = datetime.date.fromordinal(day).year
    if kind <= 2:  # a bad date of birth, registration or (when there is one) de-registration
        column = (3, 8, 9)[kind]
        if row[column] or column != 9:
            row[column] = rng.choice(BAD_DATES).format(y=year, yy=f"{year % 100:02d}")
    elif kind == 3:
        row[1] = rng.choice(["", "", " "])
    elif kind == 4:  # a reference keyed twice
        row[0] = refs[max(0, len(refs) - 2 - rng.randrange(500))]
    elif kind == 5:
        which = rng.randrange(4)
        if which == 0:
            row[1] += ", Jr"
        elif which == 1:
            row[2] += ' "' + rng.choice(["Bobby", "Lou", "JJ", "Tia"]) + '"'
        elif which == 2:
            first, _, last = row[11].partition(" ")
            row[11] = f"{last}, {first}"
        else:
            row[10] = (row[10] or "Other") + ', see file "A"'
    elif kind == 6:
        row[10] = (row[10] or "Transferred") + "\r\nref: legacy note"
    elif kind == 7:
        row[1] = rng.choice(FAMILY_NAMES_ACCENTED)
        row[2] = rng.choice(BOYS_ACCENTED + GIRLS_ACCENTED)
    elif kind == 8:
        row[1] = " " + row[1].upper() + " "
        row[13] = row[13].replace(" ", "").lower()
    else:
        row[4] = rng.choice(["", "X", "m", "f"])
        row[7] = rng.choice(["Neglet", "Emotinal", "?", ""])


def main():
    if len(sys.argv) != 4 or not sys.argv[1].isdigit() or not sys.argv[2].lstrip("-").isdigit():
        sys.stderr.write(__doc__)
        sys.exit(0 if len(sys.argv) == 2 and sys.argv[1] in ("-h", "--help") else 2)
    rows, seed, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    rng = random.Random(seed)
    workers = [(f"{pick(rng, BOYS + GIRLS)} {pick(rng, FAMILY_NAMES)}", TEAMS[i % len(TEAMS)]) for i in range(400)]
    children, regs = registrations(rng, rows)
    messy = random.Random(seed * 7919 + 17)
    date = Dates()
    refs = []
    handle = sys.stdout if out == "-" else open(out, "w", newline="", encoding="utf-8")
    if out == "-":
        sys.stdout.reconfigure(newline="", encoding="utf-8")
    with handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(HEADER)
        batch = []
        for number, (day, _, index, end, category, reason, worker, pc) in enumerate(regs, start=1):
            surname, forenames, dob, gender, nhs, pupil = children[index]
            ref = f"CPR-{number:07d}"
            refs.append(ref)
            name, team = workers[worker]
            row = [ref, surname, forenames, date(dob), gender, nhs, pupil, category, date(day),
                   date(end) if end else "", reason, name, team, pc, f"PER{index + 1:07d}"]
            if messy.random() < 0.02:
                mess_up(messy, row, refs, day)
            batch.append(row)
            if len(batch) == 10000:
                writer.writerows(batch)
                batch.clear()
        writer.writerows(batch)


if __name__ == "__main__":
    main()
