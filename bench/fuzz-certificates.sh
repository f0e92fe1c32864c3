#!/usr/bin/env bash
# Fuzzing of the encryption certificate parser (fr.guichet.certificates.CertificateFile): its three
# properties (any bytes; real certificates damaged; PEM-looking text) run TRIES times each through
# CertificateFileFuzzTest, and every input must give a certificate or a refusal, nothing else.
# Prints the tries and the time of each property, the outcomes (accepted, refused and why), the
# total and the wall-clock time; keeps it all in bench/results/fuzz-certificates-<timestamp>.txt.
#
#   bench/fuzz-certificates.sh [TRIES]   TRIES per property (default 1,000,000: ~10 min on 2 cores;
#                                        BENCH_SMOKE=1, a check of the script: 1,000)
#   FUZZ_SEED=S bench/fuzz-certificates.sh ...   replays a run (its seed is printed)
# A failing input is written to target/fuzz-failures/ and named in the failure.
set -euo pipefail
cd "$(dirname "$0")/.."
SMOKE="${BENCH_SMOKE:-0}"
TRIES="${1:-$([[ "$SMOKE" == 1 ]] && echo 1000 || echo 1000000)}"
[[ "$TRIES" =~ ^[0-9]+$ ]] && (( TRIES >= 1 && TRIES <= 100000000 )) || { echo "TRIES: 1..100000000" >&2; exit 2; }
SEED_ARG=()
if [[ -n "${FUZZ_SEED:-}" ]]; then
    [[ "$FUZZ_SEED" =~ ^-?[0-9]+$ ]] || { echo "FUZZ_SEED: a number" >&2; exit 2; }
    SEED_ARG=("-Dguichet.fuzz.seed=$FUZZ_SEED")
fi
mkdir -p bench/results
OUT="bench/results/fuzz-certificates-$(date +%Y%m%d-%H%M%S).txt"
bench/machine-facts.sh > "${OUT%.txt}-machine.txt"

start=$(date +%s)
status=0
./mvnw -q test -Dspotless.check.skip=true -Dtest=CertificateFileFuzzTest \
    -Dguichet.fuzz.tries="$TRIES" "${SEED_ARG[@]}" 2>&1 | tee "$OUT" || status=$?
elapsed=$(( $(date +%s) - start ))

# one line a property: "fuzz <property>: <n> tries in <s> s (seed <seed>): {outcome=count, ...}"
lines=$(grep -c '^fuzz .*: [0-9,]* tries in ' "$OUT" || true)
total=$(sed -n 's/^fuzz .*: \([0-9,]*\) tries in .*/\1/p' "$OUT" | tr -d , | awk '{ s += $1 } END { print s + 0 }')
{
    echo
    echo "certificate parser fuzzing: $lines properties, $total inputs in all ($TRIES tries each), ${elapsed} s wall clock (build included)"
} | tee -a "$OUT"
if (( status != 0 )) || (( lines != 3 )) || (( total != 3 * TRIES )); then
    echo "FAILED (maven status $status): see $OUT and target/surefire-reports/, target/fuzz-failures/" | tee -a "$OUT" >&2
    exit 1
fi
echo "results in $OUT"
