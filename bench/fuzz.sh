#!/usr/bin/env bash
# Fuzzing of the parsers that read outside input, unit by unit (the harness: src/test/java/fr/guichet/
# fuzz/Fuzz.java): each target's properties run TRIES times, and every input must give one of the
# answers its property allows, within the time limit (guichet.fuzz.timeout-ms, 5 s: more is a hang).
# Prints, a property a line, the tries, the time, the outcomes and the slowest input; then the total
# and the wall-clock time; keeps it all in bench/results/fuzz-<timestamp>.txt.
#
#   bench/fuzz.sh [TARGET...] [TRIES]   TARGET: certificates events users markdown uploads images
#                                       (default: all); TRIES per property (default 1,000,000;
#                                       BENCH_SMOKE=1, a check of the script: 200)
#   FUZZ_SEED=S bench/fuzz.sh ...       replays a run (its seed is printed; a failure names its try,
#                                       which -Dguichet.fuzz.try=N replays alone)
#   BENCH_NICE=N                        the priority the run takes (default 10: the machine is shared)
# A failing input is written to target/fuzz-failures/ and named in the failure.
set -euo pipefail
cd "$(dirname "$0")/.."
SMOKE="${BENCH_SMOKE:-0}"

ALL=(certificates events users markdown uploads images)
class_of() {
    case "$1" in
        certificates) echo CertificateFileFuzzTest ;;
        events) echo EventImportFileFuzzTest ;;
        users) echo UserImportFileFuzzTest ;;
        markdown) echo MarkdownFuzzTest ;;
        uploads) echo ContentTypesFuzzTest ;;
        images) echo ImageCheckFuzzTest ;;
        *) echo "unknown target: $1 (one of: ${ALL[*]})" >&2; exit 2 ;;
    esac
}
TARGETS=()
TRIES=""
for a in "$@"; do
    if [[ $a =~ ^[0-9]+$ ]]; then TRIES="$a"; else class_of "$a" > /dev/null; TARGETS+=("$a"); fi
done
(( ${#TARGETS[@]} )) || TARGETS=("${ALL[@]}")
TRIES="${TRIES:-$([[ "$SMOKE" == 1 ]] && echo 200 || echo 1000000)}"
(( TRIES >= 1 && TRIES <= 100000000 )) || { echo "TRIES: 1..100000000" >&2; exit 2; }
SEED_ARG=()
if [[ -n "${FUZZ_SEED:-}" ]]; then
    [[ "$FUZZ_SEED" =~ ^-?[0-9]+$ ]] || { echo "FUZZ_SEED: a number" >&2; exit 2; }
    SEED_ARG=("-Dguichet.fuzz.seed=$FUZZ_SEED")
fi
classes=$(for t in "${TARGETS[@]}"; do class_of "$t"; done | paste -sd, -)
mkdir -p bench/results
OUT="bench/results/fuzz-$(date +%Y%m%d-%H%M%S).txt"
bench/machine-facts.sh > "${OUT%.txt}-machine.txt"
{
    echo "fuzzing ${TARGETS[*]}: $TRIES tries a property, $(date -u +%FT%TZ)"
    echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT"

start=$(date +%s)
status=0
# the long run is the harness's only cost: no time limit from surefire, none from the build
nice -n "${BENCH_NICE:-10}" ./mvnw -q test -Dspotless.check.skip=true -Dtest="$classes" \
    -Dsurefire.failIfNoSpecifiedTests=false -Dsurefire.timeout=0 \
    -Dguichet.fuzz.tries="$TRIES" "${SEED_ARG[@]}" 2>&1 | tee -a "$OUT" || status=$?
elapsed=$(( $(date +%s) - start ))

# one line a property: "fuzz <property>: <n> tries in <s> s (seed <seed>): {outcome=count, ...}; slowest ..."
lines=$(grep -c '^fuzz .*: [0-9,]* tries in ' "$OUT" || true)
short=$(sed -n 's/^fuzz .*: \([0-9,]*\) tries in .*/\1/p' "$OUT" | tr -d , | awk -v t="$TRIES" '$1 != t { n++ } END { print n + 0 }')
total=$(sed -n 's/^fuzz .*: \([0-9,]*\) tries in .*/\1/p' "$OUT" | tr -d , | awk '{ s += $1 } END { print s + 0 }')
{
    echo
    echo "parser fuzzing: ${#TARGETS[@]} targets, $lines properties, $total inputs in all ($TRIES tries each), ${elapsed} s wall clock (build included)"
} | tee -a "$OUT"
if (( status != 0 )) || (( lines < ${#TARGETS[@]} )) || (( short != 0 )); then
    echo "FAILED (maven status $status): see $OUT and target/surefire-reports/, target/fuzz-failures/" | tee -a "$OUT" >&2
    exit 1
fi
echo "results in $OUT"
