#!/bin/sh
# Runs every test program given (cmocka binaries) under the sanitizers
# and prints one closing line: "N passed, N failed".
set -u
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:halt_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export OVTTAS_LOCALEDIR="$(pwd)/${B:-build}/locale"
export OVTTAS_ASAN_BIN="$(pwd)/${B:-build}/asan/ovttas"
unset OVTTAS_DB OVTTAS_LANG LANGUAGE
passed=0 failed=0 broken=""
start=$(date +%s)
for t in "$@"; do
  log=$(mktemp)
  "$t" >"$log" 2>&1
  rc=$?
  p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -n 1)
  f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -n 1)
  p=${p:-0} f=${f:-0}
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
    f=1  # crashed, sanitizer report or leak: count the program as failed
  fi
  if [ "$f" -ne 0 ]; then
    cat "$log"
    broken="$broken ${t#${B:-build}/asan/}"
  else
    echo "ok   ${t#${B:-build}/asan/} ($p)"
  fi
  passed=$((passed + p)) failed=$((failed + f))
  rm -f "$log"
done
# The browser tests (tests/web/e2e.mjs): the sanitizer binary serving a
# fresh demo, driven in Debian's Chromium; screenshots go to B/e2e.
log=$(mktemp)
node tests/web/e2e.mjs "$OVTTAS_ASAN_BIN" "$(pwd)/${B:-build}/e2e" >"$log" 2>&1
rc=$?
p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -n 1)
f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -n 1)
p=${p:-0} f=${f:-0}
[ "$rc" -ne 0 ] && [ "$f" -eq 0 ] && f=1
if [ "$f" -ne 0 ]; then
  cat "$log"
  broken="$broken tests/web/e2e.mjs"
else
  echo "ok   tests/web/e2e.mjs ($p)"
fi
passed=$((passed + p)) failed=$((failed + f))
rm -f "$log"
# The catalogues: every string translated in Bokmål and Northern Sámi.
for lang in nb se; do
  stats=$(msgfmt --check --statistics -o /dev/null "po/$lang.po" 2>&1)
  if echo "$stats" | grep -q -E 'untranslated|fuzzy|error'; then
    echo "FAIL po/$lang.po: $stats"; failed=$((failed + 1))
  elif ! tests/po_covers.sh "po/$lang.po"; then
    failed=$((failed + 1))
  else
    echo "ok   po/$lang.po ($stats)"; passed=$((passed + 1))
  fi
done
echo "time: $(( $(date +%s) - start )) s"
[ -n "$broken" ] && echo "failing:$broken"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
