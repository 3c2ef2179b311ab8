#!/bin/sh
# bench/vrptw/run.sh - solves the 56 Solomon instances with
# `ovttas routes solve-file` (VRPLIB files: DIMACS rounding, distance
# alone, as the best-known rows are) and prints, per instance, the
# vehicles, the distance, the best known (bks.csv), the gap and the
# seconds; then the mean gap. Usage (from the repository root):
#   bench/vrptw/run.sh [--seconds S] [--seed N] [--data DIR] [--jobs J] [NAME...]
# Defaults: 10 s per instance (the issue's limit), seed 1, all 56,
# DIR = ../shared/bench/vrptw, J = 1 solve at a time (one core each).
# Needs build/ovttas (make) and python3.
set -eu
seconds=10
seed=1
jobs=1
data=../shared/bench/vrptw
while [ $# -gt 0 ]; do
	case $1 in
	--seconds) seconds=$2; shift 2 ;;
	--seed) seed=$2; shift 2 ;;
	--data) data=$2; shift 2 ;;
	--jobs) jobs=$2; shift 2 ;;
	*) break ;;
	esac
done
bin=${OVTTAS:-build/ovttas}
[ -x "$bin" ] || { echo "run 'make' first: $bin is missing" >&2; exit 2; }
[ -f "$data/bks.csv" ] || { echo "no $data/bks.csv (use --data DIR)" >&2; exit 2; }
if [ $# -gt 0 ]; then
	names=$*
else
	names=$(tail -n +2 "$data/bks.csv" | cut -d, -f1)
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for n in $names; do
	echo "$n"
done | xargs -P "$jobs" -I{} sh -c \
	'"$1" routes solve-file "$2/solomon/$3.vrp" --seconds "$4" --seed "$5" --quiet --json >"$6/$3.json"' \
	_ "$bin" "$data" {} "$seconds" "$seed" "$out"
python3 - "$out" "$data/bks.csv" "$seconds" $names <<'PY'
import csv, json, sys
out, bks_path, limit, names = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
bks = {r["instance"]: r for r in csv.DictReader(open(bks_path))}
print(f"Solomon VRPTW, {limit} s each, one core per solve; DIMACS distances, distance alone")
print(f"{'instance':<8} {'vehicles':>8} {'distance':>9} {'best':>8} {'gap %':>6} {'seconds':>7}  feasible")
gaps, feasible, at_best = [], 0, 0
for name in names:
    d = json.load(open(f"{out}/{name}.json"))
    best = float(bks[name]["distance"])
    gap = 100.0 * (d["distance"] - best) / best
    gaps.append(gap)
    feasible += bool(d["feasible"])
    at_best += d["distance"] <= best + 0.05
    print(f"{name:<8} {d['vehicles']:>8} {d['distance']:>9.1f} {best:>8.1f} {gap:>6.2f} "
          f"{d['seconds']:>7.1f}  {'yes' if d['feasible'] else 'NO'}")
n = len(names)
print(f"summary: {feasible}/{n} feasible, {at_best}/{n} at or below the best known, "
      f"mean gap {sum(gaps)/n:.2f} %, worst {max(gaps):.2f} %")
PY
