#!/usr/bin/env bash
# Fuzzing of the HTTP doors: the main forms and the API's JSON bodies through the whole application
# (Spring context, MockMvc, PostgreSQL), HttpDoorsFuzzTest's doors each tried TRIES times with hostile
# variations of a valid submission. Every input must answer below 500, within the time bound, without
# an exception's text, and leave nothing half-saved (a refusal changes no row of the door's tables).
# Prints one line a door (tries, time, outcomes by status), the total, the time per input and the
# wall-clock time; keeps it all in bench/results/fuzz-http-<timestamp>.txt.
#
#   bench/fuzz-http.sh [TRIES]   TRIES per door (default 2,000; BENCH_SMOKE=1, a check of the script: 3)
#   FUZZ_SEED=S bench/fuzz-http.sh ...   replays a run (its seed is printed)
# Needs PostgreSQL: GUICHET_TEST_PG_URL (default jdbc:postgresql://localhost:5432/guichet_test).
# SMTP_PORT=P: the test mail server's port, when another run holds the default one.
# A failing input is written to target/fuzz-failures/ and named in the failure.
# An input costs a whole request with its pages and row checks (tens of ms to seconds for a 1 MB
# field): a million inputs is days on two cores; run it on a quiet machine and say how many it ran.
set -euo pipefail
cd "$(dirname "$0")/.."
SMOKE="${BENCH_SMOKE:-0}"
TRIES="${1:-$([[ "$SMOKE" == 1 ]] && echo 3 || echo 2000)}"
[[ "$TRIES" =~ ^[0-9]+$ ]] && (( TRIES >= 1 && TRIES <= 10000000 )) || { echo "TRIES: 1..10000000" >&2; exit 2; }
SEED_ARG=()
if [[ -n "${FUZZ_SEED:-}" ]]; then
    [[ "$FUZZ_SEED" =~ ^-?[0-9]+$ ]] || { echo "FUZZ_SEED: a number" >&2; exit 2; }
    SEED_ARG=("-Dguichet.fuzz.seed=$FUZZ_SEED")
fi
mkdir -p bench/results
OUT="bench/results/fuzz-http-$(date +%Y%m%d-%H%M%S).txt"
{
    echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(nproc) cores;" \
        "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT"

start=$(date +%s)
status=0
GUICHET_TEST_PG_URL="${GUICHET_TEST_PG_URL:-jdbc:postgresql://localhost:5432/guichet_test}" \
./mvnw -q test -Dspotless.check.skip=true -Dguichet.test.db=postgresql -Dtest=HttpDoorsFuzzTest \
    -Dsurefire.failIfNoSpecifiedTests=false ${SMTP_PORT:+-Dguichet.test.smtp-port=$SMTP_PORT} \
    -Dguichet.fuzz.tries="$TRIES" "${SEED_ARG[@]}" 2>&1 \
    | grep -a -E '^fuzz |Tests run:|FAIL|door ' | tee -a "$OUT" || status=$?
elapsed=$(( $(date +%s) - start ))

# one line a door: "fuzz <door>: <n> tries in <s> s (seed <seed>): {outcome=count, ...}"
doors=$(grep -c '^fuzz .*: [0-9,]* tries in ' "$OUT" || true)
total=$(sed -n 's/^fuzz .*: \([0-9,]*\) tries in .*/\1/p' "$OUT" | tr -d , | awk '{ s += $1 } END { print s + 0 }')
seconds=$(sed -n 's/^fuzz .* tries in \([0-9.]*\) s .*/\1/p' "$OUT" | awk '{ s += $1 } END { print s + 0 }')
{
    echo
    echo "HTTP doors fuzzing: $doors doors, $total inputs in all ($TRIES tries each), ${seconds} s in the doors" \
        "($(awk -v s="$seconds" -v n="$total" 'BEGIN { printf "%.0f", n ? 1000 * s / n : 0 }') ms an input)," \
        "${elapsed} s wall clock (build and context included); load after: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee -a "$OUT"
expected=$(grep -c '^    @Test' src/test/java/fr/guichet/HttpDoorsFuzzTest.java)
if (( status != 0 )) || (( doors != expected )) || (( total != expected * TRIES )); then
    echo "FAILED (status $status, $doors of $expected doors): see $OUT, target/surefire-reports/, target/fuzz-failures/" \
        | tee -a "$OUT" >&2
    exit 1
fi
echo "results in $OUT"
