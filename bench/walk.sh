#!/usr/bin/env bash
# The embedded default used as people would, for an hour, from an empty data/ (what the README's first
# command gives a newcomer): the jar with the README's JVM options, no profile (H2 file database,
# demo data, the local mailbox page), then bench/tools/Walk.java: the five demo accounts sign in and
# wander their pages (a random walk over the links each page offers, 1 to 4 s on each), Luc asks
# Claire for every service of the catalogue through the API and she accepts and withdraws each, Luc
# reads his mailbox page. Every answer is checked (no 5xx, no error text, none over 10 s; a lost
# session is counted and the person signs in again); once a minute, the resident memory and the
# readiness. It is the long run no test makes: a connection pool retiring its first connections, the
# H2 file growing, the scheduled jobs striking, sessions expiring.
#
#   bench/walk.sh [--minutes 60]
#
# Results: bench/results/walk-<timestamp>/: summary.txt, walk.tsv (a line a minute), problems.txt,
# app.log. Fails if any answer broke a rule or the application was not ready at a minute's check.
# BENCH_SMOKE=1: 1 minute.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

MINUTES=60
[[ "$BENCH_SMOKE" == 1 ]] && MINUTES=1
while (( $# )); do
    case "$1" in
        --minutes) MINUTES="$2"; shift 2 ;;
        -h|--help) sed -n '2,/^set -euo/{/^#/p}' "$0"; exit 0 ;;
        *) die "unknown argument: $1 (see --help)" ;;
    esac
done
[[ "$MINUTES" =~ ^[0-9]+$ ]] && (( MINUTES >= 1 && MINUTES <= 1440 )) || die "--minutes must be within 1..1440"

OUT="$BENCH_DIR/results/walk-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
make_work_dir
ensure_jar "$WORK"
bash "$BENCH_DIR/machine-facts.sh" > "$OUT/machine.txt" 2>/dev/null || true
log "starting the embedded default on an empty data/ ($WORK/app), the README's options"
mkdir -p "$WORK/app"
start_app "$JAVA17_HOME/bin/java" "$WORK/app" "$OUT/app.log" \
    -Xmx512m -XX:G1PeriodicGCInterval=10000 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 -jar "$GUICHET_JAR"
wait_ready "$APP_PID" || { tail -40 "$OUT/app.log" >&2; die "the application did not start"; }
log "ready; walking for $MINUTES minute(s)"
result=0
"$JAVA17_HOME/bin/java" -Xmx128m "$BENCH_DIR/tools/Walk.java" "http://127.0.0.1:$BENCH_PORT" "$GUICHET_DEMO_PASSWORD" \
    "$MINUTES" "$APP_PID" "$OUT" > "$OUT/walk.log" 2>&1 || result=$?
{
    echo "# The demo walked for $MINUTES minute(s) from an empty data/ ($(date -u +%Y-%m-%dT%H:%M:%SZ))"
    echo
    tail -1 "$OUT/walk.log"
    echo "resident memory (MB), first and last minutes: $(awk -F'\t' 'NR == 2 {f = $2} NR > 1 {l = $2} END {print f, "→", l}' "$OUT/walk.tsv" 2>/dev/null)"
    echo "H2 file: $(du -h "$WORK/app/data/guichet.mv.db" 2>/dev/null | cut -f1)"
    echo "errors in the application's log: $(grep -c ' ERROR ' "$OUT/app.log" || true)"
    echo
    head -20 "$OUT/problems.txt" 2>/dev/null || true
} > "$OUT/summary.txt"
cat "$OUT/summary.txt" >&2
expect_numbers "walk" "$(awk -F'\t' 'END {print $4}' "$OUT/walk.tsv")"
(( result == 0 )) || die "the walk met problems (see $OUT/problems.txt)"
log "no problem; results in $OUT"
