#!/usr/bin/env bash
# Issue 3, "Measured": the permission check and the administration pages on a generated tree of
# 10,000 organisations (depth up to 10) and 100,000 users, in PostgreSQL.
#
#   bench/administration/run.sh [--users N] [--duration S] [--warmup S] [STEP...]
#
# Steps (default: all of them, in this order):
#   data      drop and re-create the database guichet_bench, let the application's Flyway create
#             the schema (a start that exits after the context refresh), fill it (generate.sql)
#   jmh       JMH against that database, through the real Spring context (no HTTP):
#             PermissionCheckBenchmark (Delegation.administers = "may X act on Y", sample time:
#             p50/p95/p99), CheckPartsBenchmark (its parts, and a one-query check for comparison),
#             AuthorityBenchmark (the pure AdminAuthority rule, in memory)
#   pages     the application on 127.0.0.1:$BENCH_PORT, Gatling (gatling/): N signed-in super
#             admins and admins (default 8), each in a loop without think time over GET
#             /organisations, /organisations/{id}, /organisations/{id}/utilisateurs for random ids
#             of his subtree; warm-up (default 20 s) then the measured duration (default 60 s);
#             the same with 1 user (10 s + 30 s: service time without queueing); then,
#             sequentially with curl, the users page of an establishment (~2,000 members)
#   whatif    the same two Gatling runs on an application started with
#             --spring.web.resources.add-mappings=false: not a usable configuration (static files
#             are not served), an experiment that shows what the static-resource lookup made for
#             every link of a page (ResourceUrlEncodingFilter) costs
#   diagnose  (a) a JFR profile of the application under the same load (30 s), summed up by
#             component (tools/jfr_breakdown.py); (b) the application with
#             org.hibernate.SQL=debug: the statements of one request of each page; (c) those of
#             one permission check per kind of person (jmh/…/CountStatements, needs the jmh step's build)
#
# Every application and JMH JVM runs niced (BENCH_NICE, default -10, in its own autogroup) and,
# before each measurement, the script waits (at most BENCH_QUIET_WAIT s, default 120) for the
# machine to be quiet; load averages and CPU use are recorded with every figure.
# Results: bench/administration/results/<timestamp>/ (summary.md, raw JMH JSON and logs, Gatling
# report, application logs). Requires: bash, curl, psql, python3, JDK 17; Maven Central for JMH
# and Gatling (through the project's ./mvnw). The application jar: GUICHET_JAR (default: the
# project's target/guichet-0.1.0-SNAPSHOT.jar, built with ./mvnw -o -DskipTests package if absent).
#
# BENCH_SMOKE=1 (bench/smoke.sh): a check of the script, not a measurement. The steps data jmh pages
# unless told otherwise (whatif and diagnose when named), on the same data (generate.sql runs in
# seconds), in a database of its own, guichet_bench_smoke, dropped at the end (a copy of the schema
# bench/smoke.sh made, when it names one in BENCH_SCHEMA_DB); the application on
# C1 only (less CPU); JMH in one JVM for the three benchmarks (no fork, C1 only), one 1 s iteration
# per benchmark, no warm-up, one application context for all the trials (jmh/…/App.java's main),
# jmh-all.json; Gatling with 2
# users, 1 s + 3 s (1 user: 1 s + 3 s); 3 requests of the large users page, 15 per CPU round; the
# JFR profile 3 s long; no waiting for a quiet machine. Then every figure of summary.md is checked
# to be a number.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROJECT="$(cd "$HERE/../.." && pwd)"

: "${JAVA17_HOME:=/usr/lib/jvm/java-17-openjdk-amd64}"
: "${BENCH_JAVA:=$JAVA17_HOME/bin/java}"
: "${GUICHET_JAR:=$PROJECT/target/guichet-0.1.0-SNAPSHOT.jar}"
: "${BENCH_PORT:=18094}"
: "${BENCH_SMOKE:=0}"
if [[ "$BENCH_SMOKE" == 1 ]]; then : "${BENCH_DB:=guichet_bench_smoke}"; else : "${BENCH_DB:=guichet_bench}"; fi
: "${PGHOST:=localhost}" "${PGPORT:=5432}" "${PGUSER:=postgres}"
: "${BENCH_PASSWORD:=Bench admin password 2026}"
: "${BENCH_NICE:=-10}"
: "${BENCH_QUIET_WAIT:=120}"
# shared: the PostgreSQL server at PGHOST:PGPORT; private: a cluster of this run's own (initdb in
# /tmp, 127.0.0.1:BENCH_PG_PORT, server binaries of /usr/lib/postgresql/*/bin), niced like the
# JVMs and removed at the end: other work on the machine then disturbs the database less.
: "${BENCH_PG:=shared}"
: "${BENCH_PG_PORT:=5433}"
export PGHOST PGPORT PGUSER

USERS=8
DURATION=60
WARMUP=20
STEPS=()
# durations of the 1-user Gatling runs; JFR: when it starts (after Gatling's first request) and how long it records
ONE_WARMUP=10 ONE_DURATION=30 JFR_AFTER=45 JFR_LENGTH=25 PROFILED_WARMUP=40 PROFILED_DURATION=30
LARGE_PAGE_REQUESTS=25 CPU_ROUND_LAST=600 JMH_OPTS=()
if [[ "$BENCH_SMOKE" == 1 ]]; then
    USERS=2 DURATION=3 WARMUP=1 ONE_WARMUP=1 ONE_DURATION=3 JFR_AFTER=1 JFR_LENGTH=3 PROFILED_WARMUP=1 PROFILED_DURATION=5
    LARGE_PAGE_REQUESTS=3 CPU_ROUND_LAST=10 JMH_OPTS=(-f 0 -wi 0 -i 1 -r 1s)
fi
while (( $# )); do
    case "$1" in
        --users) USERS="$2"; shift 2 ;;
        --duration) DURATION="$2"; shift 2 ;;
        --warmup) WARMUP="$2"; shift 2 ;;
        -h|--help) sed -n '2,/^set -euo/{/^#/p}' "$0"; exit 0 ;;
        data|jmh|pages|whatif|diagnose) STEPS+=("$1"); shift ;;
        *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
    esac
done
if [[ "$BENCH_SMOKE" == 1 ]]; then (( ${#STEPS[@]} )) || STEPS=(data jmh pages); fi
(( ${#STEPS[@]} )) || STEPS=(data jmh pages whatif diagnose)
[[ $BENCH_PG == shared || $BENCH_PG == private ]] || { echo "BENCH_PG: shared or private" >&2; exit 2; }
# a private cluster starts empty
[[ $BENCH_PG == private && " ${STEPS[*]} " != *" data "* ]] && STEPS=(data "${STEPS[@]}")
[[ "$USERS" =~ ^[0-9]+$ ]] && (( USERS >= 1 && USERS <= 64 )) || { echo "--users: 1..64" >&2; exit 2; }
[[ "$DURATION" =~ ^[0-9]+$ ]] && (( DURATION >= 1 && DURATION <= 600 )) || { echo "--duration: 1..600" >&2; exit 2; }
[[ "$WARMUP" =~ ^[0-9]+$ ]] && (( WARMUP <= 300 )) || { echo "--warmup: 0..300" >&2; exit 2; }
step() { local s; for s in "${STEPS[@]}"; do [[ $s == "$1" ]] && return 0; done; return 1; }

OUT="$HERE/results/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
"$HERE/../machine-facts.sh" > "$OUT/machine.txt"
APP="$HERE/target/app"
DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_DB"

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" | tee -a "$OUT/run.log" >&2; }
die() { log "ERROR: $*"; exit 1; }

APP_PID=""
APP_JVM_OPTS=()
[[ "$BENCH_SMOKE" == 1 ]] && APP_JVM_OPTS=(-XX:TieredStopAtLevel=1)
PG_PID=""
PG_DIR=""
cleanup() {
    [[ -n "$APP_PID" ]] && stop_app
    if [[ "$BENCH_SMOKE" == 1 && $BENCH_PG == shared ]]; then
        psql -X -q -d postgres -c "drop database if exists $BENCH_DB with (force)" 2>/dev/null || true
    fi
    [[ -n "$PG_PID" ]] && stop_private_pg
    return 0
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- machine state --------------------------------------------------------------------------

# shellcheck source=../machine.sh
source "$HERE/../machine.sh"

# niced CMD...: runs CMD in a session (and so a scheduler autogroup) of its own, niced: the
# autogroup's nice value is what the kernel weighs against other sessions' processes.
NICED=(setsid bash -c 'echo "$0" > /proc/self/autogroup 2>/dev/null || true; exec nice -n "$0" "$@"' "$BENCH_NICE")
niced() { "${NICED[@]}" "$@"; }

# ---- the application ------------------------------------------------------------------------

prepare_app() {
    if [[ ! -f "$GUICHET_JAR" ]]; then
        log "building $GUICHET_JAR"
        (cd "$PROJECT" && ./mvnw -q -o -DskipTests package) || die "build failed"
    fi
    rm -rf "$APP"
    mkdir -p "$(dirname "$APP")"
    "$BENCH_JAVA" -Djarmode=tools -jar "$GUICHET_JAR" extract --destination "$APP" >/dev/null || die "could not extract $GUICHET_JAR"
    # the steps run the extracted jar by the build's name, whatever the name of the jar given
    [[ "$(basename "$GUICHET_JAR")" == guichet-0.1.0-SNAPSHOT.jar ]] || mv "$APP/$(basename "$GUICHET_JAR")" "$APP/guichet-0.1.0-SNAPSHOT.jar"
    {
        echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
        echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
        echo "java: $("$BENCH_JAVA" -version 2>&1 | sed -n 2p)"
        echo "jar: $GUICHET_JAR ($(stat -c %s "$GUICHET_JAR") bytes, built $(date -u -r "$GUICHET_JAR" +%Y-%m-%dT%H:%M:%SZ))"
        echo "git: $(cd "$PROJECT" && git rev-parse --short HEAD 2>/dev/null || echo '?')$(cd "$PROJECT" && git diff --quiet HEAD -- src pom.xml 2>/dev/null || echo ' (+ uncommitted changes in src/ or pom.xml)')"
    } > "$OUT/machine.txt"
    cat "$OUT/machine.txt" >&2
}

# The production profile's settings, from the environment (docs/operations.md): for a subshell.
export_app_env() {
    export SPRING_PROFILES_ACTIVE=production GUICHET_DB_URL="$DB_URL" GUICHET_DB_USER="$PGUSER" \
        GUICHET_DB_PASSWORD="${PGPASSWORD:-}" GUICHET_SMTP_HOST=localhost GUICHET_SECURE_COOKIES=false \
        GUICHET_BASE_URL="http://127.0.0.1:$BENCH_PORT"
}

# start_app LOG [ARGS...]: the application on 127.0.0.1:$BENCH_PORT (http: cookies not Secure).
start_app() {
    local logf="$1"; shift
    (exec 3<>"/dev/tcp/127.0.0.1/$BENCH_PORT") 2>/dev/null && die "port $BENCH_PORT is in use (set BENCH_PORT)"
    (export_app_env; exec "${NICED[@]}" "$BENCH_JAVA" "${APP_JVM_OPTS[@]}" -jar "$APP/guichet-0.1.0-SNAPSHOT.jar" --server.port="$BENCH_PORT" \
        --server.address=127.0.0.1 --server.servlet.session.cookie.secure=false "$@") > "$logf" 2>&1 &
    APP_PID=$!
    # (a smoke run, on a machine that may be busy, waits longer: it only guards against a hang)
    local limit=$(( BENCH_SMOKE == 1 ? 600 : 240 ))
    local deadline=$(( $(date +%s) + limit ))
    until curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:$BENCH_PORT/actuator/health/readiness"; do
        kill -0 "$APP_PID" 2>/dev/null || { tail -40 "$logf" >&2; APP_PID=""; die "the application exited (see $logf)"; }
        (( $(date +%s) < deadline )) || die "the application is not ready after $limit s (see $logf)"
        sleep 0.5
    done
    [[ "$(ps -o comm= -p "$APP_PID")" == java ]] || die "PID $APP_PID is not the application"
}

stop_app() {
    local pid="$APP_PID" i
    APP_PID=""
    kill -TERM "$pid" 2>/dev/null || return 0
    for i in $(seq 1 600); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && { log "PID $pid still alive 60 s after SIGTERM: SIGKILL"; kill -KILL "$pid" 2>/dev/null || true; }
    wait "$pid" 2>/dev/null || true
}

# sign_in JAR EMAIL: a session in the curl cookie jar JAR; fails unless it lands on the home page
# (/compte for jars built before it did so).
sign_in() {
    local jar="$1" email="$2" token result base="http://127.0.0.1:$BENCH_PORT"
    token="$(curl -fs -c "$jar" -b "$jar" "$base/connexion" | sed -n 's/.*<meta name="_csrf" content="\([^"]*\)".*/\1/p' | head -1)"
    [[ -n "$token" ]] || die "no CSRF token on /connexion"
    result="$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -c "$jar" -b "$jar" --data-urlencode "email=$email" \
        --data-urlencode "password=$BENCH_PASSWORD" --data-urlencode "_csrf=$token" "$base/connexion")"
    [[ "$result" == "302 $base/" || "$result" == "302 $base/compte" ]] || die "sign-in of $email failed: $result"
}

start_private_pg() {
    local bin
    bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
    [[ -n "$bin" && -x "$bin/postgres" ]] || die "BENCH_PG=private: no PostgreSQL server under /usr/lib/postgresql/*/bin"
    (exec 3<>"/dev/tcp/127.0.0.1/$BENCH_PG_PORT") 2>/dev/null && die "port $BENCH_PG_PORT is in use (set BENCH_PG_PORT)"
    PG_DIR="$(mktemp -d /tmp/guichet-bench-pg.XXXXXX)"
    chown postgres: "$PG_DIR"
    local as_postgres=(setpriv --reuid postgres --regid postgres --init-groups)
    "${as_postgres[@]}" "$bin/initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 > "$OUT/postgresql-initdb.log" 2>&1 \
        || { tail -20 "$OUT/postgresql-initdb.log" >&2; die "initdb failed"; }
    (exec "${NICED[@]}" "${as_postgres[@]}" "$bin/postgres" -D "$PG_DIR/data" -p "$BENCH_PG_PORT" -k "$PG_DIR" \
        -c listen_addresses=127.0.0.1) > "$OUT/postgresql.log" 2>&1 &
    PG_PID=$!
    PGHOST=127.0.0.1 PGPORT="$BENCH_PG_PORT"
    DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_DB"
    local i
    for i in $(seq 1 60); do "$bin/pg_isready" -q -h 127.0.0.1 -p "$BENCH_PG_PORT" && break; sleep 0.5; done
    "$bin/pg_isready" -q -h 127.0.0.1 -p "$BENCH_PG_PORT" || die "the private PostgreSQL did not start (see $OUT/postgresql.log)"
    log "private PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$BENCH_PG_PORT (PID $PG_PID, $PG_DIR), niced $BENCH_NICE"
}

stop_private_pg() {
    local pid="$PG_PID" i
    PG_PID=""
    kill -INT "$pid" 2>/dev/null || true   # fast shutdown
    for i in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null || true
    [[ -n "$PG_DIR" && "${BENCH_KEEP_PG:-0}" != 1 ]] && rm -rf -- "$PG_DIR"
    return 0
}

# ---- steps ----------------------------------------------------------------------------------

prepare_app
[[ $BENCH_PG == private ]] && start_private_pg
echo "postgresql: $(psql -X -Atc 'show server_version' -d postgres), $DB_URL ($BENCH_PG)" | tee -a "$OUT/machine.txt" >&2

if step data; then
    if [[ "$BENCH_SMOKE" == 1 && -n "${BENCH_SCHEMA_DB:-}" && $BENCH_PG == shared ]]; then
        log "data: database $BENCH_DB (dropped and re-created), the schema bench/smoke.sh had the application's Flyway make ($BENCH_SCHEMA_DB)"
        psql -X -q -d postgres -v ON_ERROR_STOP=1 -c "drop database if exists $BENCH_DB with (force)" \
            -c "create database $BENCH_DB template $BENCH_SCHEMA_DB" 2>&1 | grep -v 'does not exist, skipping' >&2 || true
    else
        log "data: database $BENCH_DB (dropped and re-created), schema by the application's Flyway"
        psql -X -q -d postgres -v ON_ERROR_STOP=1 -c "drop database if exists $BENCH_DB" -c "create database $BENCH_DB" 2>&1 \
            | grep -v 'does not exist, skipping' >&2 || true
        (export_app_env; exec "$BENCH_JAVA" "${APP_JVM_OPTS[@]}" -Dspring.context.exit=onRefresh -jar "$APP/guichet-0.1.0-SNAPSHOT.jar" \
            --server.port=0 --server.address=127.0.0.1) > "$OUT/flyway.log" 2>&1 || { tail -40 "$OUT/flyway.log" >&2; die "Flyway start failed"; }
    fi
    hash="$("$BENCH_JAVA" -cp "$APP/lib/*" "$HERE/tools/HashPassword.java" "$BENCH_PASSWORD" | tail -n 1)" || die "could not hash the password"
    t0=$(date +%s.%N)
    psql -X -q -d "$BENCH_DB" -v ON_ERROR_STOP=1 -v hash="$hash" -f "$HERE/generate.sql" > "$OUT/generate.log" 2>&1 \
        || { tail -20 "$OUT/generate.log" >&2; die "generate.sql failed"; }
    log "data generated in $(echo "$(date +%s.%N) - $t0" | bc | cut -c1-5) s:"
    sed -n '/what *| *how_many/,$p' "$OUT/generate.log" | grep -v '^Time:\|^$' | tee "$OUT/data.txt" >&2
fi

psql -X -Atq -d "$BENCH_DB" -c "select count(*) from organization" > /dev/null 2>&1 \
    || die "no database $BENCH_DB: run the data step first"

if step jmh; then
    log "jmh: building the benchmarks (jmh/)"
    (cd "$HERE/jmh" && JAVA_HOME="$JAVA17_HOME" "$PROJECT/mvnw" -B -q -Dguichet.app="$APP" package) > "$OUT/jmh-build.log" 2>&1 \
        || { tail -30 "$OUT/jmh-build.log" >&2; die "JMH build failed"; }
    CP="$HERE/jmh/target/classes:$HERE/jmh/target/lib/*:$APP/guichet-0.1.0-SNAPSHOT.jar:$APP/lib/*"
    JVM_ARGS="-Xms1g -Xmx1g -Dguichet.db.url=$DB_URL -Dguichet.db.user=$PGUSER -Dguichet.db.password=${PGPASSWORD:-}"
    # without a fork (smoke mode), the benchmarks run in this JVM: it needs their options (and, like
    # the application's, the C1 compiler only); App's main runs JMH with one application context for
    # all the trials instead of one each, and the three benchmarks in one run ("all": one JVM, one
    # context)
    HOST_OPTS=() JMH_MAIN=org.openjdk.jmh.Main JMH_RUNS=(PermissionCheckBenchmark CheckPartsBenchmark AuthorityBenchmark)
    if [[ "$BENCH_SMOKE" == 1 ]]; then
        read -r -a HOST_OPTS <<< "$JVM_ARGS"
        HOST_OPTS+=("${APP_JVM_OPTS[@]}") JMH_MAIN=fr.guichet.administration.App JMH_RUNS=(all)
    fi
    for bench in "${JMH_RUNS[@]}"; do
        include="$bench"
        [[ $bench == all ]] && include='PermissionCheckBenchmark|CheckPartsBenchmark|AuthorityBenchmark'
        wait_quiet
        log "jmh: $include"
        mark "jmh $bench"
        niced "$BENCH_JAVA" "${HOST_OPTS[@]}" -cp "$CP" "$JMH_MAIN" "$include" \
            -jvmArgsAppend "$JVM_ARGS" "${JMH_OPTS[@]}" -rf json -rff "$OUT/jmh-$bench.json" > "$OUT/jmh-$bench.log" 2>&1 \
            || { tail -40 "$OUT/jmh-$bench.log" >&2; die "JMH $bench failed"; }
        mark_end "jmh $bench"
        sed -n '/^Benchmark /,$p' "$OUT/jmh-$bench.log" >&2
    done
fi

# CPU seconds used so far by the PostgreSQL backends connected to the bench database.
pg_cpu() {
    local p
    for p in $(pgrep -f "postgres: .* $BENCH_DB " || true); do proc_cpu "$p"; done | awk '{s += $1} END {print s + 0}'
}

# run_gatling LABEL USERS WARMUP DURATION: AdministrationSimulation against the running application.
run_gatling() {
    local label="$1" users="$2" warmup="$3" duration="$4" dir="$OUT/gatling-$1" cpu0 pg0
    mkdir -p "$dir"
    echo "$users users, ${warmup} s warm-up + ${duration} s measured" > "$dir/settings"
    wait_quiet
    log "pages ($label): Gatling, $users users, ${warmup} s warm-up + ${duration} s measured"
    cpu0=$(proc_cpu "$APP_PID"); pg0=$(pg_cpu)
    mark "gatling $label"
    JAVA_HOME="$JAVA17_HOME" timeout $(( warmup + duration + 300 )) "${NICED[@]}" "$PROJECT/mvnw" -B -f "$HERE/gatling/pom.xml" \
        gatling:test -Dgatling.simulationClass=guichet.bench.administration.AdministrationSimulation \
        -Dgatling.resultsFolder="$dir" -Dguichet.baseUrl="http://127.0.0.1:$BENCH_PORT" \
        -Dguichet.people="$OUT/people.csv" -Dguichet.users="$users" -Dguichet.duration="$duration" \
        -Dguichet.warmup="$warmup" -Dguichet.password="$BENCH_PASSWORD" > "$dir/gatling.log" 2>&1 \
        || { log "Gatling reported a failure (see $dir/gatling.log)"; GATLING_FAILED=1; }
    mark_end "gatling $label"
    echo "gatling $label: CPU during the run (warm-up included): application $(echo "$(proc_cpu "$APP_PID") - $cpu0" | bc) s, PostgreSQL backends of $BENCH_DB $(echo "$(pg_cpu) - $pg0" | bc) s" \
        | tee -a "$OUT/machine-load.txt" >&2
}

# cpu_per_request LABEL: on the running (already warmed-up) application, one super admin loads the
# three pages in a row with curl (tree, home of organisation i, users of i+1; i = 2, 4, …, 600):
# two rounds of 900 requests; per round, the application's CPU per request, that of its JIT
# compiler and GC threads, and the wall time per request (curl's own start included).
cpu_per_request() {
    local label="$1" jar="$OUT/cookies.txt" base="http://127.0.0.1:$BENCH_PORT" round i u n c0 j0 t0 c1 j1 t1
    local hz; hz="$(getconf CLK_TCK)"
    jit_gc_cpu() {
        local t
        for t in /proc/"$APP_PID"/task/*; do
            # (a thread that is neither must not fail the pipeline under pipefail)
            if grep -q 'Compiler\|GC\|G1' "$t/comm" 2>/dev/null; then awk -v hz="$hz" '{print ($14 + $15) / hz}' "$t/stat" 2>/dev/null || true; fi
        done | awk '{s += $1} END {print s + 0}'
    }
    sign_in "$jar" "$(awk -F, '$2 == "super-admin" {print $1; exit}' "$OUT/people.csv")"
    wait_quiet
    mark "cpu per request $label"
    for round in 1 2; do
        n=0; c0=$(proc_cpu "$APP_PID"); j0=$(jit_gc_cpu); t0=$(date +%s.%N)
        for i in $(seq 2 2 "$CPU_ROUND_LAST"); do
            for u in /organisations "/organisations/$i" "/organisations/$((i + 1))/utilisateurs"; do
                curl -s -o /dev/null -b "$jar" "$base$u"; n=$((n + 1))
            done
        done
        c1=$(proc_cpu "$APP_PID"); j1=$(jit_gc_cpu); t1=$(date +%s.%N)
        awk -v l="$label" -v r="$round" -v n="$n" -v c0="$c0" -v c1="$c1" -v j0="$j0" -v j1="$j1" -v t0="$t0" -v t1="$t1" 'BEGIN {
            printf "%s, round %s: %d requests; application CPU %.1f ms/request (of which JIT and GC threads %.1f); wall %.1f ms/request\n",
                l, r, n, (c1 - c0) * 1000 / n, (j1 - j0) * 1000 / n, (t1 - t0) * 1000 / n }' \
            | tee -a "$OUT/cpu-per-request.txt" >&2
    done
    mark_end "cpu per request $label"
    rm -f "$jar"
}

pages_setup() {
    if [[ ! -f "$HERE/gatling/target/test-classes/guichet/bench/administration/AdministrationSimulation.class" || -z "${GATLING_BUILT:-}" ]]; then
        log "pages: building the simulation (gatling/)"
        (cd "$HERE/gatling" && JAVA_HOME="$JAVA17_HOME" "$PROJECT/mvnw" -B -q test-compile) > "$OUT/gatling-build.log" 2>&1 \
            || { tail -30 "$OUT/gatling-build.log" >&2; die "Gatling build failed"; }
        GATLING_BUILT=1
    fi
    [[ -f "$OUT/people.csv" ]] || psql -X -q -d "$BENCH_DB" -f "$HERE/people.sql" > "$OUT/people.csv" || die "people.sql failed"
    psql -X -q -d "$BENCH_DB" -c "delete from spring_session" > /dev/null
}

if step pages; then
    pages_setup
    start_app "$OUT/app-pages.log"
    jar="$OUT/cookies.txt"
    sign_in "$jar" "$(sed -n 2p "$OUT/people.csv" | cut -d, -f1)"
    rm -f "$jar"
    run_gatling "$USERS-users" "$USERS" "$WARMUP" "$DURATION"
    run_gatling "1-user" 1 "$ONE_WARMUP" "$ONE_DURATION"

    # The users page of an establishment (~2,000 members), alone: sequential requests.
    est_admin="$(awk -F, '$2 == "super-admin" {print $1 "," $3; exit}' "$OUT/people.csv")"
    sign_in "$jar" "${est_admin%,*}"
    url="http://127.0.0.1:$BENCH_PORT/organisations/${est_admin#*,}/utilisateurs"
    members="$(psql -X -Atq -d "$BENCH_DB" -c "select count(*) from membership where organization_id = ${est_admin#*,}")"
    wait_quiet
    log "pages: $url ($members members), $LARGE_PAGE_REQUESTS sequential requests (the first 5 as warm-up)"
    mark "large users page"
    for i in $(seq 1 "$LARGE_PAGE_REQUESTS"); do
        curl -s -o /dev/null -b "$jar" -w '%{http_code} %{time_total} %{size_download}\n' --max-time 60 "$url"
    done > "$OUT/large-users-page.txt"
    mark_end "large users page"
    rm -f "$jar"
    cpu_per_request "as deployed"
    stop_app
    grep -v ' 200 ' <(sed 's/^/ /' "$OUT/large-users-page.txt") && die "the establishment's users page failed"
    echo "$members" > "$OUT/large-users-page.members"
fi

if step whatif; then
    # Not a valid configuration (static files are no longer served): it shows what the pages cost
    # without the static-resource lookup that ResourceUrlEncodingFilter makes for every link.
    pages_setup
    start_app "$OUT/app-whatif.log" --spring.web.resources.add-mappings=false
    run_gatling "$USERS-users-whatif-no-resource-mappings" "$USERS" "$WARMUP" "$DURATION"
    run_gatling "1-user-whatif-no-resource-mappings" 1 "$ONE_WARMUP" "$ONE_DURATION"
    cpu_per_request "whatif: no static-resource mappings"
    stop_app
fi

if step diagnose; then
    # (a) where the CPU of the request threads goes, under the same load: JFR (profile settings)
    pages_setup
    start_app "$OUT/app-profiled.log"
    # the recording covers the measured 30 s only (after 40 s of warm-up under the same load):
    # started by jcmd once Gatling's warm-up has run for 45 s
    (
        for i in $(seq 1 120); do [[ -n "$(find "$OUT" -path '*gatling-*profiled*/*' -name simulation.log 2>/dev/null)" ]] && break; sleep 1; done
        sleep "$JFR_AFTER"
        "$(dirname "$(readlink -f "$BENCH_JAVA")")/jcmd" "$APP_PID" JFR.start name=measured settings=profile duration="${JFR_LENGTH}s" \
            filename="$OUT/app-profiled.jfr" > "$OUT/jfr-start.log" 2>&1
    ) &
    jfr_starter=$!
    run_gatling "$USERS-users-profiled" "$USERS" "$PROFILED_WARMUP" "$PROFILED_DURATION"
    wait "$jfr_starter" 2>/dev/null || true
    stop_app
    "$(dirname "$(readlink -f "$BENCH_JAVA")")/jfr" print --events jdk.ExecutionSample --stack-depth 256 "$OUT/app-profiled.jfr" \
        | python3 "$HERE/tools/jfr_breakdown.py" > "$OUT/jfr-breakdown.md" || log "JFR breakdown failed"

    # (b) the SQL statements of one request of each page
    psql -X -q -d "$BENCH_DB" -c "delete from spring_session" > /dev/null
    start_app "$OUT/app-sql.log" --logging.level.org.hibernate.SQL=debug
    jar="$OUT/cookies.txt"
    est="$(awk -F, '$2 == "super-admin" {print $1 "," $3; exit}' "$OUT/people.csv")"
    sign_in "$jar" "${est%,*}"
    top="${est#*,}"
    read -r small deep < <(psql -X -Atq -F' ' -d "$BENCH_DB" -c "
        select (select organization_id from membership m join organization o on o.id = m.organization_id
                where o.path like (select path from organization where id = $top) || '%' and o.parent_id is not null
                group by organization_id order by abs(count(*) - 10), organization_id limit 1),
               (select id from organization where path like (select path from organization where id = $top) || '%'
                order by length(path) desc, id limit 1)")
    : > "$OUT/sql-per-page.txt"
    for page in /organisations "/organisations/$deep" "/organisations/$small/utilisateurs" "/organisations/$top/utilisateurs"; do
        curl -s -o /dev/null -b "$jar" "http://127.0.0.1:$BENCH_PORT$page"
        curl -s -o /dev/null -b "$jar" "http://127.0.0.1:$BENCH_PORT$page"
        sleep 1
        before=$(wc -l < "$OUT/app-sql.log")
        curl -s -o /dev/null -b "$jar" -w "%{http_code} %{time_total}" "http://127.0.0.1:$BENCH_PORT$page" > "$OUT/.code"
        sleep 1
        tail -n +$((before + 1)) "$OUT/app-sql.log" | grep 'org.hibernate.SQL' | grep -v 'outbox_message\|shedlock\|event_publication' \
            | sed 's/.*org.hibernate.SQL *: //' | sed -E 's/[a-z]+[0-9]+_[0-9]+/x/g; s/ ?\?//g' | cut -c1-150 | sort | uniq -c | sort -rn > "$OUT/.sql"
        {
            echo "$page (as the super admin of establishment $top; HTTP $(cat "$OUT/.code") s with SQL logging): $(awk '{s += $1} END {print s + 0}' "$OUT/.sql") Hibernate statements (Spring Session's JDBC statements not included)"
            head -8 "$OUT/.sql"
        } | tee -a "$OUT/sql-per-page.txt" >&2
    done
    rm -f "$jar" "$OUT/.code" "$OUT/.sql"
    stop_app

    # (c) the SQL statements of one permission check (Delegation.administers), per kind of person
    if [[ -d "$HERE/jmh/target/classes" ]]; then
        "$BENCH_JAVA" -cp "$HERE/jmh/target/classes:$HERE/jmh/target/lib/*:$APP/guichet-0.1.0-SNAPSHOT.jar:$APP/lib/*" \
            -Dguichet.db.url="$DB_URL" -Dguichet.db.user="$PGUSER" -Dguichet.db.password="${PGPASSWORD:-}" \
            fr.guichet.administration.CountStatements > "$OUT/check-statements.log" 2>&1 || log "CountStatements failed"
        awk '/=== BEGIN/ {on = 1; n = 0; sub(/=== BEGIN /, ""); head = $0; body = ""; next}
             /=== END/ {print "Delegation.administers, " head " (" $NF "): " n " statements"; printf "%s", body; on = 0}
             on && /org.hibernate.SQL/ {n++; sub(/.*org.hibernate.SQL *: /, ""); body = body "    " substr($0, 1, 120) "\n"}' \
            "$OUT/check-statements.log" | tee "$OUT/sql-per-check.txt" >&2
    fi
fi

# ---- summary --------------------------------------------------------------------------------

grep -h ' WARN \| ERROR ' "$OUT"/app-*.log "$OUT"/flyway.log 2>/dev/null | cut -c1-400 | sed -E 's/^[0-9T:.Z-]+ +//; s/^(WARN|ERROR) +[0-9]+ ---/\1 ---/' \
    | sort | uniq -c | sort -rn > "$OUT/app-warnings.txt" || true
python3 "$HERE/summary.py" "$OUT" "$DURATION" > "$OUT/summary.md"
cat "$OUT/summary.md"
log "results in $OUT"
[[ -z "${GATLING_FAILED:-}" ]] || die "Gatling reported failed requests: see $OUT/gatling.log"
# every figure of summary.md's tables is a number (JMH: the mean; Gatling: count to max), and each
# step that ran left its table
python3 - "$OUT/summary.md" "${STEPS[@]}" <<'PY' || die "summary.md lacks figures (see above)"
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
steps = set(sys.argv[2:])
number = re.compile(r"^-?[0-9][0-9,]*(\.[0-9]+)?$")
bad, section, rows = [], "", {}
for line in text.splitlines():
    if line.startswith("## "):
        section = line
    elif line.startswith("| ") and not line.startswith(("| benchmark ", "| request ")):
        cells = [c.strip() for c in line.strip("|").split("|")]
        values = [cells[4].split(" ")[0]] if "(JMH)" in section else cells[1:] if "Pages under load" in section else []
        rows[section] = rows.get(section, 0) + 1
        bad += [f"{section}: {v!r}" for v in values if not number.match(v)]
expected = {"jmh": "(JMH)", "pages": "Pages under load: ", "whatif": "whatif", "diagnose": "profiled"}
bad += [f"no table of the {s} step" for s, key in expected.items() if s in steps and not any(key in k for k in rows)]
if "pages" in steps and not re.search(r"p50 [0-9]+ ms, p95 [0-9]+ ms", text):
    bad.append("no figures of the large users page")
for b in bad:
    print("not a figure:", b, file=sys.stderr)
sys.exit(1 if bad else 0)
PY
