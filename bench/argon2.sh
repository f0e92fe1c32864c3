#!/usr/bin/env bash
# Cost of one Argon2id password verification (what each sign-in pays once), with the application's
# own libraries and parameters, on JDK 17 and JDK 25: single-thread latency and the throughput of
# all cores (an upper bound of sign-ins/s).
#
#   bench/argon2.sh [iterations]      (default 40 per thread; BENCH_SMOKE=1, a check of the script: 2)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
ITER="${1:-$([[ "$BENCH_SMOKE" == 1 ]] && echo 2 || echo 40)}"
[[ "$ITER" =~ ^[0-9]+$ ]] && (( ITER >= 1 && ITER <= 1000 )) || die "iterations: 1..1000"
make_work_dir
ensure_jar "$WORK"
"$JAVA17_HOME/bin/java" -Djarmode=tools -jar "$GUICHET_JAR" extract --destination "$WORK/extracted" >/dev/null
OUT="$BENCH_DIR/results/argon2-$(date +%Y%m%d-%H%M%S).txt"
mkdir -p "$BENCH_DIR/results"
"$BENCH_DIR/machine-facts.sh" > "${OUT%.txt}-machine.txt"
{
    machine_summary
    for home in "$JAVA17_HOME" "$JAVA25_HOME"; do
        busy="$(wait_quiet 300)"
        echo "--- $("$home/bin/java" -version 2>&1 | head -1) (machine ${busy}% busy before)"
        "$home/bin/java" -cp "$WORK/extracted/lib/*" "$BENCH_DIR/argon2/Argon2Cost.java" "$ITER"
    done
} 2>&1 | tee "$OUT"
log "results in $OUT"
# one thread's median and every thread's verifications/s, for each JDK
# shellcheck disable=SC2046
expect_numbers "argon2 medians" $(sed -n 's/^one thread: [0-9]* verifications, median \([^ ]*\) ms.*/\1/p' "$OUT")
# shellcheck disable=SC2046
expect_numbers "argon2 throughputs" $(sed -n 's/.* = \([^ ]*\) verifications\/s.*/\1/p' "$OUT")
(( $(grep -c '^one thread: ' "$OUT") == 2 )) || die "not one figure per JDK in $OUT"
