#!/usr/bin/env bash
# The smoke runs of the benchmarks: every script under bench/ in its smoke mode (BENCH_SMOKE=1: tiny
# data, seconds of load), one after the other. Each must still run end to end — build or start what
# it needs, load its data, run its load briefly, find numbers where its figures go, stop what it
# started — so that a benchmark broken by a change fails the build instead of the next measurement.
# Not a measurement: the figures are not looked at. CI runs it after the tests (.ci/run).
# Two things every script would make alike are made once, first: the embedded default's first start
# (migrations and demo data; the scripts on H2 copy that database, BENCH_SEEDED) and the schema of the
# PostgreSQL benchmarks (by the application's Flyway; they copy that database, BENCH_SCHEMA_DB). Each
# is timed and fails the run like a script; a script run alone makes its own.
#
#   bench/smoke.sh [--all] [NAME...]   NAME: argon2 startup download load administration helpdesk changes connect
#                                      federation news credits events cluster walk fuzz
#                                      (default: all of them but fuzz)
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

# fuzz is left out of the default list: the test suite runs the very classes bench/fuzz.sh runs (with
# their default tries), so its smoke run would only check the script's loop, for 45 s of CI
ALL=(argon2 startup download load administration helpdesk changes connect federation news credits events cluster walk)
EVERY_STEP=0
NAMES=()
for a in "$@"; do
    if [[ $a == --all ]]; then EVERY_STEP=1; else NAMES+=("$a"); fi
done
(( ${#NAMES[@]} )) || NAMES=("${ALL[@]}")
script_of() {
    case "$1" in
        argon2|startup|download|load|fuzz|walk) echo "bench/$1.sh" ;;
        administration|helpdesk|changes|connect|federation|news|credits|events|cluster) echo "bench/$1/run.sh" ;;
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

# CPU_NOW: the CPU time (user + system, whole seconds) of this shell's finished children so far.
# Printed beside each wall time: what a step costs whatever else the machine is doing. (times in this
# shell: in a $(...) subshell it would count that subshell's children only.)
cpu_now() {
    times > "$OUT/.times"
    CPU_NOW="$(awk 'NR == 2 { t = 0; for (i = 1; i <= 2; i++) { split($i, p, "m"); sub(/s/, "", p[2]); t += p[1] * 60 + p[2] }
        printf "%d", t }' "$OUT/.times")"
}
# timed NAME RESULT : one line of times.txt (T0 and CPU0: the wall clock and cpu_now at the start)
timed() {
    cpu_now
    printf '%-15s %4d s  %4d s CPU  %s\n' "$1" $(( $(date +%s) - T0 )) $(( CPU_NOW - CPU0 )) "$2" | tee -a "$OUT/times.txt"
}
cpu_now; CPU_ALL="$CPU_NOW"
t_all=$(date +%s)
trap 'exit 130' INT TERM
failed=()
: > "$OUT/times.txt"

# The embedded default's first start (migrations, demo data) is the same for every script that seeds
# an H2 database: made once here (lib.sh's seed_database, on the jar under test), each of them copies
# it (BENCH_SEEDED). Likewise the schema of the benchmarks on PostgreSQL: made once by the
# application's Flyway (a start that exits after the context refresh, as their data steps make it),
# in a database of the server at PGHOST:PGPORT that each of them copies (BENCH_SCHEMA_DB: create
# database … template; the helpdesk, whose cluster is its own, through pg_dump). The two are made side
# by side (a start keeps about one core busy); either one broken fails the run, here.
needs_seed=0 needs_schema=0
for name in "${NAMES[@]}"; do
    case "$name" in
        startup|download|load|connect|federation) needs_seed=1 ;;
        administration|helpdesk|changes|news|credits|events|cluster) needs_schema=1 ;;
    esac
done
: "${PGHOST:=localhost}" "${PGPORT:=5432}" "${PGUSER:=postgres}"
export PGHOST PGPORT PGUSER
SEEDED="$(mktemp -d "${TMPDIR:-/tmp}/guichet-smoke-seed.XXXXXX")"
SCHEMA_DIR="$(mktemp -d "${TMPDIR:-/tmp}/guichet-smoke-schema.XXXXXX")"
SCHEMA_DB=guichet_bench_schema_smoke
trap 'rm -rf -- "$SEEDED" "$SCHEMA_DIR"
    (( ! needs_schema )) || psql -X -q -d postgres -c "drop database if exists $SCHEMA_DB with (force)" 2>/dev/null || true' EXIT
# (in a subshell: lib.sh's traps and variables stay there)
make_seed() {
    (source bench/lib.sh && seed_database "$JAVA17_HOME/bin/java" "$SEEDED") > "$OUT/seed.log" 2>&1
}
make_schema() {
    psql -X -q -d postgres -v ON_ERROR_STOP=1 -c "drop database if exists $SCHEMA_DB with (force)" -c "create database $SCHEMA_DB" \
        && (cd "$SCHEMA_DIR" && SPRING_PROFILES_ACTIVE=production GUICHET_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$SCHEMA_DB" \
            GUICHET_DB_USER="$PGUSER" GUICHET_DB_PASSWORD="${PGPASSWORD:-}" GUICHET_SMTP_HOST=127.0.0.1 \
            GUICHET_BASE_URL=http://127.0.0.1 GUICHET_SECURE_COOKIES=false GUICHET_INDEX_DIRECTORY="$SCHEMA_DIR/index" \
            GUICHET_FILES_DIRECTORY="$SCHEMA_DIR/files" exec timeout 600 "$JAVA17_HOME/bin/java" -XX:TieredStopAtLevel=1 \
            -Dspring.context.exit=onRefresh -jar "$GUICHET_JAR" --server.port=0 --server.address=127.0.0.1)
}
if (( needs_seed || needs_schema )); then
    echo "== shared first start (seed: $needs_seed) and PostgreSQL schema (schema: $needs_schema)"
    T0=$(date +%s); cpu_now; CPU0="$CPU_NOW"
    pids=()
    if (( needs_seed )); then make_seed & pids+=("seed:$!"); fi
    if (( needs_schema )); then make_schema > "$OUT/schema.log" 2>&1 & pids+=("schema:$!"); fi
    result=ok
    for p in "${pids[@]}"; do
        what="${p%%:*}"
        if wait "${p#*:}"; then
            [[ $what == seed ]] && export BENCH_SEEDED="$SEEDED"
            [[ $what == schema ]] && export BENCH_SCHEMA_DB="$SCHEMA_DB" BENCH_SCHEMA_SERVER="host=$PGHOST port=$PGPORT user=$PGUSER"
        else
            result="FAILED"
            failed+=("$what")
            tail -60 "$OUT/$what.log" | sed "s/^/  [$what] /" >&2
        fi
    done
    timed "seed, schema" "$result"
fi

# run_lane NAME... : the scripts one after the other; a failure is written to $OUT/failed.txt (a lane
# may run in a subshell)
run_lane() {
    local name script result
    for name in "$@"; do
        script="$(script_of "$name")"
        echo "== $script (smoke)"
        T0=$(date +%s); cpu_now; CPU0="$CPU_NOW"
        # a bound against a hang, on top of the scripts' own (each takes 0.5 to 4 min on 2 idle cores,
        # several times that on a busy machine); SIGTERM lets a script stop what it started (its
        # application may take a minute to stop), SIGKILL 3 minutes later
        # shellcheck disable=SC2046 # (the steps: words)
        if timeout -k 180 2400 bash "$script" $(steps_of "$name") > "$OUT/$name.log" 2>&1; then
            result=ok
        else
            result="FAILED (exit $?)"
            echo "$name" >> "$OUT/failed.txt"
            tail -60 "$OUT/$name.log" | sed "s/^/  [$name] /" >&2
        fi
        timed "$name" "$result"
    done
}
# Two lanes side by side (BENCH_LANES=2, the default), of about the same length: most scripts on
# PostgreSQL in one, the others and the two-node cluster in the other. Each script mostly waits for a JVM to start and for its load to end, which one core does;
# their ports and databases are their own (bench/README.md). Nothing here is a measurement, so the
# lanes slowing each other down costs nothing but the time saved (CI: ~18 minutes one after the
# other). BENCH_LANES=1: one after the other, as a script run alone is.
: > "$OUT/failed.txt"
lane_pg=() lane_other=()
for name in "${NAMES[@]}"; do
    case "$name" in
        administration|helpdesk|changes|news|credits|events) lane_pg+=("$name") ;;
        *) lane_other+=("$name") ;;
    esac
done
if [[ "${BENCH_LANES:-2}" == 2 ]] && (( ${#lane_pg[@]} && ${#lane_other[@]} )); then
    run_lane "${lane_pg[@]}" &
    pg_lane=$!
    run_lane "${lane_other[@]}" &
    other_lane=$!
    wait "$pg_lane" || echo "lane of ${lane_pg[*]}" >> "$OUT/failed.txt"
    wait "$other_lane" || echo "lane of ${lane_other[*]}" >> "$OUT/failed.txt"
else
    run_lane "${NAMES[@]}"
fi
mapfile -t lane_failures < "$OUT/failed.txt"
failed+=("${lane_failures[@]}")
cpu_now
echo "== smoke runs: $(( $(date +%s) - t_all )) s in all, $(( CPU_NOW - CPU_ALL )) s of CPU; logs in $OUT"
(( ${#failed[@]} == 0 )) || { echo "broken benchmarks: ${failed[*]}" >&2; exit 1; }
