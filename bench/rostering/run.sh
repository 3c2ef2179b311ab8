#!/bin/sh
# bench/rostering/run.sh - solves the Curtois & Qu instances with
# `ovttas rota solve-file` and prints, per instance, the objective, the
# proven optimum (bks.csv), the gap, the lower bound the solver proved and
# the seconds; then a summary. Usage (from the repository root):
#   bench/rostering/run.sh [--seconds S] [--seed N] [--data DIR] [FIRST [LAST]]
# Defaults: 60 s per instance (the issue's limit), seed 1, instances 1-20,
# DIR = ../shared/bench/rostering. Needs build/ovttas (make) and python3.
set -eu
seconds=60
seed=1
data=../shared/bench/rostering
while [ $# -gt 0 ]; do
	case $1 in
	--seconds) seconds=$2; shift 2 ;;
	--seed) seed=$2; shift 2 ;;
	--data) data=$2; shift 2 ;;
	*) break ;;
	esac
done
first=${1:-1}
last=${2:-20}
bin=${OVTTAS:-build/ovttas}
[ -x "$bin" ] || { echo "run 'make' first: $bin is missing" >&2; exit 2; }
[ -f "$data/bks.csv" ] || { echo "no $data/bks.csv (use --data DIR)" >&2; exit 2; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
i=$first
while [ "$i" -le "$last" ]; do
	"$bin" rota solve-file "$data/instances/Instance$i.txt" \
		--seconds "$seconds" --seed "$seed" --quiet --json \
		>"$out/$i.json"
	i=$((i + 1))
done
python3 - "$out" "$data/bks.csv" "$first" "$last" "$seconds" <<'PY'
import csv, json, sys
out, bks_path, first, last, limit = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
bks = {r["instance"]: r for r in csv.DictReader(open(bks_path))}
print(f"Curtois & Qu instances {first}-{last}, {limit} s each, one core")
print(f"{'instance':<11} {'size':>12} {'objective':>9} {'best':>6} {'gap %':>7} {'bound':>6} {'seconds':>7}  feasible")
gaps, at_best, feasible, n = [], 0, 0, 0
for i in range(first, last + 1):
    d = json.load(open(f"{out}/{i}.json"))
    b = bks[d["instance"]]
    best = int(b["best_known"])
    gap = 100.0 * (d["objective"] - best) / best
    size = f"{b['weeks']}w×{b['employees']}e×{b['shift_types']}s"
    lb = d.get("lower_bound")
    n += 1
    feasible += bool(d["feasible"])
    at_best += d["objective"] == best
    gaps.append(gap)
    print(f"{d['instance']:<11} {size:>12} {d['objective']:>9} {best:>6} {gap:>7.2f} "
          f"{'' if lb is None else lb:>6} {d['seconds']:>7.1f}  {'yes' if d['feasible'] else 'NO'}")
print(f"summary: {feasible}/{n} feasible, {at_best}/{n} at the proven optimum, "
      f"mean gap {sum(gaps)/n:.2f} %, worst {max(gaps):.2f} %")
PY
