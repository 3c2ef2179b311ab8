#!/usr/bin/env python3
"""bench/rostering/make-large.py - writes a made-up instance in the Curtois &
Qu text format, as large as the family goes (default: 52 weeks x 150 employees
x 32 shift types), to show how the solver scales. Deterministic for a seed.

Usage: make-large.py [--weeks W] [--employees E] [--shifts S] [--seed N] > FILE

The shape follows the published instances: shifts in four families (early,
day, late, night) of different lengths, a late shift may not be followed by an
early one and a night by anything but a night or a day off; employees with a
contract of 80-100 % of 37.5 h a week over the horizon, qualified for part of
the shift types, a few fixed days off, requests on and off, at most every
second weekend; cover of 0-4 per shift and day, under-cover weighted 100 and
over-cover 1. Demand is set below what the staff can work, so lawful rosters
exist.
"""
import argparse
import random


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--weeks", type=int, default=52)
    ap.add_argument("--employees", type=int, default=150)
    ap.add_argument("--shifts", type=int, default=32)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    days = 7 * a.weeks
    fams = ["E", "D", "L", "N"]
    shifts = []  # (id, family, minutes)
    for i in range(a.shifts):
        fam = fams[i % 4]
        minutes = 360 + 60 * ((i // 4) % 7)  # 6 to 12 hours
        shifts.append((f"{fam}{i // 4 + 1}", fam, minutes))
    ids = [s[0] for s in shifts]

    def cannot_follow(fam):
        if fam == "L":
            return [s[0] for s in shifts if s[1] == "E"]
        if fam == "N":
            return [s[0] for s in shifts if s[1] != "N"]
        return []

    out = ["# made-up instance: bench/rostering/make-large.py "
           f"--weeks {a.weeks} --employees {a.employees} "
           f"--shifts {a.shifts} --seed {a.seed}", ""]
    out += ["SECTION_HORIZON", str(days), ""]
    out += ["SECTION_SHIFTS"]
    for sid, fam, minutes in shifts:
        out.append(f"{sid},{minutes},{'|'.join(cannot_follow(fam))}")
    out.append("")

    week_min = 2250  # 37.5 h
    staff = []
    out += ["SECTION_STAFF"]
    for e in range(a.employees):
        name = f"S{e}"
        fte = rng.choice([0.8, 0.9, 1.0, 1.0])
        max_min = int(week_min * a.weeks * fte) // 60 * 60
        min_min = int(max_min * 0.85) // 60 * 60
        qualified = set(rng.sample(ids, max(4, len(ids) // 3)))
        caps = []
        for sid in ids:
            caps.append(f"{sid}={days if sid in qualified else 0}")
        out.append(f"{name},{'|'.join(caps)},{max_min},{min_min},5,2,2,"
                   f"{(a.weeks + 1) // 2}")
        staff.append((name, qualified, fte))
    out.append("")

    out += ["SECTION_DAYS_OFF"]
    for name, _, _ in staff:
        offs = sorted(rng.sample(range(days), max(1, days // 28)))
        out.append(",".join([name] + [str(d) for d in offs]))
    out.append("")

    on, off = [], []
    for name, qualified, _ in staff:
        for _ in range(days // 7):
            d = rng.randrange(days)
            sid = rng.choice(sorted(qualified))
            (on if rng.random() < 0.5 else off).append(
                f"{name},{d},{sid},{rng.randint(1, 3)}")
    out += ["SECTION_SHIFT_ON_REQUESTS"] + on + [""]
    out += ["SECTION_SHIFT_OFF_REQUESTS"] + off + [""]

    # Demand: about 70 % of the shifts the staff can work, spread over the
    # shift types.
    supply = sum(fte * 5 * a.weeks for _, _, fte in staff)
    per_day = 0.7 * supply / days
    out += ["SECTION_COVER"]
    for d in range(days):
        left = per_day
        for sid in ids:
            need = min(4, max(0, round(rng.gauss(per_day / len(ids), 0.7))))
            need = min(need, int(left))
            left -= need
            out.append(f"{d},{sid},{need},100,1")
    out.append("")
    print("\n".join(out))


if __name__ == "__main__":
    main()
