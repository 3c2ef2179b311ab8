#!/bin/sh
# bench/http/run.sh - wrk against ovttas's web server and against a bare
# libmicrohttpd handler (bench/http/bare.c) on the same machine, in one
# run: requests/s and p99 latency for each, and the ratios. Usage (from
# the repository root):
#   bench/http/run.sh [--seconds S] [--rounds R] [--warmup S]
#                     [--threads T] [--connections C] [OVTTAS [BARE]]
# Defaults: 10 s per endpoint and round after a 1 s warm-up that is not
# counted, 3 rounds (the four endpoints in turn, each round; the table
# gives each figure's median over the rounds and the range of req/s),
# wrk -t1 -c8, OVTTAS = build/ovttas ($OVTTAS), BARE = build/http_bare
# ($BARE). Builds nothing: `make bench-http` builds both and runs this.
#
# It makes a fresh demo database in a temporary directory, starts
# `ovttas serve` on a free port, logs in as karasjok.leader, and measures
#   units   GET /api/v1/units with the session cookie: session lookup
#           (BLAKE2b of the token, SQLite), the user and grants, the role
#           and municipality scope, the units query and the JSON;
#   health  GET /api/v1/health, public: ovttas's dispatch and a small
#           handler (it reads the schema version: two SQL statements);
#   bare    the bare handler, twice: once with a body of the units
#           answer's size and once of the health answer's (run.sh
#           measures both with curl first), each compared with its own.
# Ratios (of the medians): req/s ovttas / req/s bare (below 1: ovttas
# is slower) and p99 ovttas / p99 bare (above 1: ovttas is slower).
#
# Threads and connections: both servers answer on one thread, one
# request at a time, so a server uses one core at most; wrk -t1 takes
# the other of this machine's two. More wrk threads would only take CPU
# from the server they measure. 8 connections keep the server's queue
# from running dry while wrk reads answers; beyond that more connections
# add only waiting (latency grows with the queue), not requests/s. wrk
# and the servers share the machine, so the figures are for this
# machine as a whole, not for the server alone; single runs of a few
# seconds vary by up to 2x here (a virtual machine), hence the rounds.
# The last line says how much CPU went to wrk and the servers and how
# much to anything else on the machine meanwhile (Linux /proc).
# Needs wrk, curl and python3.
set -eu
seconds=10
rounds=3
warmup=1
threads=1
conns=8
while [ $# -gt 0 ]; do
	case $1 in
	--seconds) seconds=$2; shift 2 ;;
	--rounds) rounds=$2; shift 2 ;;
	--warmup) warmup=$2; shift 2 ;;
	--threads) threads=$2; shift 2 ;;
	--connections) conns=$2; shift 2 ;;
	-*) echo "unknown option $1" >&2; exit 2 ;;
	*) break ;;
	esac
done
ovttas=${1:-${OVTTAS:-build/ovttas}}
bare=${2:-${BARE:-build/http_bare}}
[ -x "$ovttas" ] || { echo "run 'make' first: $ovttas is missing" >&2; exit 2; }
[ -x "$bare" ] || { echo "run 'make bench-http' first: $bare is missing" >&2; exit 2; }
for tool in wrk curl python3; do
	command -v "$tool" >/dev/null || { echo "$tool is needed" >&2; exit 2; }
done

tmp=$(mktemp -d)
pids=
cleanup() {
	for p in $pids; do kill "$p" 2>/dev/null || :; done
	for p in $pids; do wait "$p" 2>/dev/null || :; done
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Waits for a server's "127.0.0.1:PORT" line and prints PORT.
port_of() {
	i=0
	while [ $i -lt 100 ]; do
		p=$(grep -o '127\.0\.0\.1:[0-9]*' "$1" 2>/dev/null | head -n 1 | cut -d: -f2)
		if [ -n "$p" ]; then echo "$p"; return 0; fi
		sleep 0.05
		i=$((i + 1))
	done
	echo "no port in $1:" >&2
	cat "$1" >&2
	return 1
}

"$ovttas" --db "$tmp/demo.db" init --demo --json >"$tmp/init.json"
"$ovttas" --db "$tmp/demo.db" serve --listen 127.0.0.1:0 >"$tmp/ovttas.out" 2>&1 &
pids="$pids $!"
oport=$(port_of "$tmp/ovttas.out")
base=http://127.0.0.1:$oport

user=karasjok.leader
pass=$(python3 -c 'import json,sys
print(next(u["password"] for u in json.load(open(sys.argv[1]))["users"] if u["username"] == sys.argv[2]))' \
	"$tmp/init.json" "$user")
curl -sf -c "$tmp/jar" -H 'Content-Type: application/json' \
	-d "{\"username\":\"$user\",\"password\":\"$pass\"}" "$base/api/v1/session" >/dev/null
token=$(awk '$6 == "ovttas_session" { print $7 }' "$tmp/jar")
[ -n "$token" ] || { echo "login as $user gave no session cookie" >&2; exit 1; }
cookie="Cookie: ovttas_session=$token"

# The answers' sizes, for the bare handler's bodies.
ubytes=$(curl -sf -H "$cookie" -o /dev/null -w '%{size_download}' "$base/api/v1/units")
hbytes=$(curl -sf -o /dev/null -w '%{size_download}' "$base/api/v1/health")

"$bare" --bytes "$ubytes" 0 >"$tmp/bare_u.out" 2>&1 &
pids="$pids $!"
"$bare" --bytes "$hbytes" 0 >"$tmp/bare_h.out" 2>&1 &
pids="$pids $!"
bu=http://127.0.0.1:$(port_of "$tmp/bare_u.out")/
bh=http://127.0.0.1:$(port_of "$tmp/bare_h.out")/

# run NAME URL [HEADER]: a warm-up, then the measured run into
# $tmp/NAME.ROUND.wrk
run() {
	name=$1 url=$2
	shift 2
	if [ $# -gt 0 ]; then set -- -H "$1"; fi
	echo "round $r: wrk -t$threads -c$conns -d${seconds}s --latency $url ($name)" >&2
	if [ "$warmup" != 0 ]; then
		wrk -t"$threads" -c"$conns" -d"${warmup}s" "$@" "$url" >/dev/null
	fi
	wrk -t"$threads" -c"$conns" -d"${seconds}s" --latency "$@" "$url" >"$tmp/$name.$r.wrk"
	awk '/^ *99%/ { p = $2 } /^Requests\/sec/ { q = $2 } END { print "  " q " req/s, p99 " p }' \
		"$tmp/$name.$r.wrk" >&2
}
# CPU accounting (Linux), to tell whether something else ran meanwhile:
# the machine's busy ticks (/proc/stat) against those of wrk (this
# shell's waited-for children) and of the three servers.
cpu_all() { awk '/^cpu / { print $2 + $3 + $4, $7 + $8, $9 }' /proc/stat; }
cpu_ours() {
	t=$(sed 's/.*) //' /proc/$$/stat | awk '{ print $14 + $15 }')
	for p in $pids; do
		t=$((t + $(sed 's/.*) //' "/proc/$p/stat" | awk '{ print $12 + $13 }')))
	done
	echo "$t"
}
all0=$(cpu_all 2>/dev/null || echo "0 0 0")
ours0=$(cpu_ours 2>/dev/null || echo 0)
start=$(date +%s)
r=1
while [ $r -le "$rounds" ]; do
	run units "$base/api/v1/units" "$cookie"
	run bare_units "$bu"
	run health "$base/api/v1/health"
	run bare_health "$bh"
	r=$((r + 1))
done
all1=$(cpu_all 2>/dev/null || echo "0 0 0")
ours1=$(cpu_ours 2>/dev/null || echo 0)
end=$(date +%s)

python3 - "$tmp" "$ubytes" "$hbytes" "$seconds" "$threads" "$conns" "$(nproc)" "$rounds" \
	"$all0" "$all1" "$ours0" "$ours1" "$((end - start))" "$(getconf CLK_TCK)" <<'PY'
import re, statistics, sys
(tmp, ubytes, hbytes, seconds, threads, conns, cores, rounds,
 all0, all1, ours0, ours1, wall, hz) = sys.argv[1:]
UNIT = {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 6e4}

def parse1(name, r):
    text = open(f"{tmp}/{name}.{r}.wrk").read()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    v, u = re.search(r"^\s*99(?:\.0+)?%\s+([\d.]+)(us|ms|s|m)\b", text, re.M).groups()
    total = int(re.search(r"(\d+) requests in", text).group(1))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    errs = re.search(r"Socket errors: (.*)", text)
    if bad:
        sys.exit(f"{name}: {bad.group(1)} of {total} answers were not 2xx/3xx")
    return rps, float(v) * UNIT[u], total, errs.group(1) if errs else ""

def parse(name):
    runs = [parse1(name, r) for r in range(1, int(rounds) + 1)]
    rps = [x[0] for x in runs]
    return (statistics.median(rps), statistics.median(x[1] for x in runs),
            min(rps), max(rps), "; ".join(x[3] for x in runs if x[3]))

rows = [("GET /api/v1/units (session)", "units", "bare_units", ubytes),
        ("GET /api/v1/health (public)", "health", "bare_health", hbytes)]
print(f"HTTP, wrk -t{threads} -c{conns}, {seconds} s per endpoint, median of {rounds} "
      f"rounds, wrk and servers on the same {cores} cores; ratios: req/s ovttas/bare, "
      f"p99 ovttas/bare")
print(f"{'endpoint':<30} {'body B':>7} {'requests/s':>11} {'(range)':>15} {'p99 ms':>8} "
      f"{'req/s ratio':>11} {'p99 ratio':>9}")
notes = []
for label, o, b, size in rows:
    ro, po, lo_o, hi_o, eo = parse(o)
    rb, pb, lo_b, hi_b, eb = parse(b)
    print(f"{label:<30} {size:>7} {ro:>11.0f} {f'{lo_o:.0f}-{hi_o:.0f}':>15} {po:>8.3f} "
          f"{ro / rb:>11.3f} {po / pb:>9.2f}")
    print(f"{'  bare libmicrohttpd':<30} {size:>7} {rb:>11.0f} {f'{lo_b:.0f}-{hi_b:.0f}':>15} "
          f"{pb:>8.3f} {1:>11.3f} {1:>9.2f}")
    for n, e in ((o, eo), (b, eb)):
        if e:
            notes.append(f"{n}: socket errors {e}")
for n in notes:
    print(n)
hz = float(hz)
busy, irq, steal = ((int(b) - int(a)) / hz for a, b in zip(all0.split(), all1.split()))
ours = (int(ours1) - int(ours0)) / hz
if busy > 0:
    print(f"CPU over the {wall} s of runs ({cores} cores, {int(cores) * int(wall)} core-s): "
          f"wrk and the servers {ours:.0f} core-s, interrupts (the loopback's network "
          f"stack) {irq:.0f}, anything else {max(busy - ours, 0):.0f}, steal {steal:.0f}")
PY
