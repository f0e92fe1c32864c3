#!/usr/bin/env bash
# The smoke runs of the benchmarks: every script under bench/ in its smoke mode (BENCH_SMOKE=1: tiny
# data, seconds of load), one after the other. Each must still run end to end — build or start what
# it needs, load its data, run its load briefly, find numbers where its figures go, stop what it
# started — so that a benchmark broken by a change fails the build instead of the next measurement.
# Not a measurement: the figures are not looked at. CI runs it after the tests (.ci/run).
#
#   bench/smoke.sh [--all] [NAME...]   NAME: argon2 startup download load administration helpdesk changes connect
#                                      federation news credits
#                                      (default: all of them)
# The helpdesk and administration benchmarks run their measuring steps; --all adds their diagnostic
# steps (diagnose, whatif), which CI leaves out to save time.
#
# The application jar: GUICHET_JAR, else target/guichet-0.1.0-SNAPSHOT.jar as the build left it
# (built once here if absent). Needs what the scripts need (bench/README.md): JDK 17 and 25,
# PostgreSQL (server binaries, and a server at PGHOST:PGPORT, default localhost:5432, for the
# administration benchmark), Maven Central for Gatling, JMH and the federation's identity providers
# (mock-oauth2-server, Keycloak). Logs: bench/results/smoke-<timestamp>/.
set -euo pipefail
cd "$(dirname "$0")/.."
PROJECT="$(pwd)"

ALL=(argon2 startup download load administration helpdesk changes connect federation news credits)
EVERY_STEP=0
NAMES=()
for a in "$@"; do
    if [[ $a == --all ]]; then EVERY_STEP=1; else NAMES+=("$a"); fi
done
(( ${#NAMES[@]} )) || NAMES=("${ALL[@]}")
script_of() {
    case "$1" in
        argon2|startup|download|load) echo "bench/$1.sh" ;;
        administration|helpdesk|changes|connect|federation|news|credits) echo "bench/$1/run.sh" ;;
        *) echo "unknown benchmark: $1 (one of: ${ALL[*]})" >&2; exit 2 ;;
    esac
}
# the steps given to a script: its smoke mode's default, or with --all every step
steps_of() {
    (( EVERY_STEP )) || return 0
    case "$1" in
        administration) echo "data jmh pages whatif diagnose" ;;
        helpdesk) echo "data index kb pages create job diagnose whatif" ;;
    esac
}
for name in "${NAMES[@]}"; do script_of "$name" > /dev/null; done

: "${JAVA17_HOME:=/usr/lib/jvm/java-17-openjdk-amd64}"
: "${JAVA25_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
for home in "$JAVA17_HOME" "$JAVA25_HOME"; do
    [[ -x "$home/bin/java" ]] || { echo "no JDK in $home (JAVA17_HOME, JAVA25_HOME): the benchmarks need it" >&2; exit 1; }
done
export JAVA17_HOME JAVA25_HOME

OUT="$PROJECT/bench/results/smoke-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
if [[ -z "${GUICHET_JAR:-}" ]]; then
    GUICHET_JAR="$PROJECT/target/guichet-0.1.0-SNAPSHOT.jar"
    if [[ ! -f "$GUICHET_JAR" ]]; then
        echo "== building $GUICHET_JAR"
        JAVA_HOME="$JAVA17_HOME" ./mvnw -B -q -ntp -DskipTests package > "$OUT/build.log" 2>&1 \
            || { tail -40 "$OUT/build.log" >&2; exit 1; }
    fi
fi
[[ -f "$GUICHET_JAR" ]] || { echo "no application jar $GUICHET_JAR" >&2; exit 1; }
# the scripts raise the priority of what they measure (BENCH_NICE): nothing is measured here
: "${BENCH_NICE:=0}"
export GUICHET_JAR BENCH_SMOKE=1 BENCH_NICE

t_all=$(date +%s)
failed=()
: > "$OUT/times.txt"
for name in "${NAMES[@]}"; do
    script="$(script_of "$name")"
    echo "== $script (smoke)"
    t0=$(date +%s)
    # a bound against a hang, on top of the scripts' own (each takes 0.5 to 4 min on 2 idle cores,
    # several times that on a busy machine); SIGTERM lets a script stop what it started (its
    # application may take a minute to stop), SIGKILL 3 minutes later
    # shellcheck disable=SC2046 # (the steps: words)
    if timeout -k 180 2400 bash "$script" $(steps_of "$name") > "$OUT/$name.log" 2>&1; then
        result=ok
    else
        result="FAILED (exit $?)"
        failed+=("$name")
        tail -60 "$OUT/$name.log" | sed "s/^/  [$name] /" >&2
    fi
    printf '%-15s %4d s  %s\n' "$name" $(( $(date +%s) - t0 )) "$result" | tee -a "$OUT/times.txt"
done
echo "== smoke runs: $(( $(date +%s) - t_all )) s in all; logs in $OUT"
(( ${#failed[@]} == 0 )) || { echo "broken benchmarks: ${failed[*]}" >&2; exit 1; }
