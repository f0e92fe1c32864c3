#!/usr/bin/env bash
# Issue 5, "Measured": the helpdesk on a generated installation of 1,000,000 tickets (5 exchanges
# each on average) across 200 establishments, in a PostgreSQL cluster of its own.
#
#   bench/helpdesk/run.sh [--tickets N] [--users N] [--rounds N] [STEP...]
#
# Steps (default: data index pages create job, in this order):
#   data     a new private PostgreSQL cluster in $BENCH_STATE/pg (initdb; any previous one there is
#            removed), the schema by the application's Flyway (a start that exits after the context
#            refresh), then generate.sql (set-based): 200 establishments, 9 products, correspondents,
#            installed versions, 5 teams of 8 agents, 3 contractors, categories, --tickets tickets
#            (default 1,000,000) and their exchanges; timed
#   index    the application started on that database with an empty index directory: TicketIndex
#            rebuilds the ticket index (Hibernate Search mass indexer) in the background; timed from
#            its log ("The ticket index is empty: rebuilding" → "The ticket index is rebuilt"); the
#            index is kept in $BENCH_STATE/index for the next steps
#   pages    the application, then tools/Load.java: p50/p95/p99 of GET /demandes (requester
#            dashboard of a busy correspondent), /demandes/etablissement, /agence/demandes (agent),
#            GET /api/v1/tickets?q=<number> and ?q=<two words> (correspondent's reach) and
#            ?q=<two words> as an agent; each at 1 user (5 s warm-up + 20 s) and at --users users
#            (default 8; 10 s + 30 s) without think time; --rounds times (default 2). In the same rounds
#            the reference point, "bare": tools/BarePage.java, a bare Spring Boot page with one JPA query
#            (an establishment's 10 newest tickets through a Thymeleaf template, no security, session,
#            layout or index) in a JVM of its own on the same database (port BENCH_PORT + 1). Every row
#            gives the server's CPU ms per request over the measured window (cpu_ms_per_req: its
#            /proc/PID/stat, so the figure holds on a busy machine where the rates do not)
#   create   the application, then tools/Load.java: --users correspondents (each his own API token and
#            site) filing level-2 tickets through POST /api/v1/tickets without think time, 15 s
#            warm-up + 60 s measured, --rounds times; also at 1 and 16 users once; tickets/s
#   job      the application stopped; tools/ClockRun.java starts its context and times
#            QuietTicketsClock.runFor(next business day) over the tickets waiting for the site;
#            the waiting tickets are restored by SQL between rounds (--rounds times)
#   diagnose where the time goes: thread dumps of the application (80, 0.25 s apart, under the load
#            of --users users) while tickets are filed, while agents load their dashboard, while
#            correspondents load theirs (tools/stacks.py: by component, by application method — a
#            wall-clock view: waits count); EXPLAIN ANALYZE of the job's query
#   kb       issue 6: the public knowledge base over every generated ticket published (1,000,000 sheets:
#            70% validated solutions, 20% known issues, 10% rejections; kb.sql); the application started
#            with the knowledge base's index folder emptied rebuilds it (timed from its log); then
#            tools/Load.java, anonymous: GET /api/v1/kb/search with one word, three words, one word
#            filtered by product and status, and GET /connaissance/similaires (the new-ticket form's
#            suggestions) — each at 1 user and at --users users, --rounds times. KB_REUSE=1 keeps the
#            sheets and the index of the last kb step; KB_SCENARIOS names some scenarios only
#   whatif   ticket creation (--users users, then 16) on the application started with
#            hibernate.search.indexing.plan.synchronization.strategy=read-sync instead of the
#            default write-sync (see docs/performance.md)
#   statistics  issue 17 (bench/statistics/run.sh): the statistics' one-time recount of every ticket,
#            timed; a year of sign-ins made up by SQL; GET /agence/statistiques and one establishment's
#            /organisations/{id}/statistiques (12 months) as agents, at 1 and --users users, --rounds times
#   clean    stops nothing, removes $BENCH_STATE (the cluster's data and the index)
#
# The cluster and the index are kept in $BENCH_STATE (default /tmp/guichet-helpdesk-bench) between
# runs of this script, so that steps can be run separately (the data step first); the cluster is
# started by each run and stopped when it ends. Every JVM and the cluster run niced (BENCH_NICE,
# default -10, in their own autogroup); before each measurement the script waits (at most
# BENCH_QUIET_WAIT s, default 120) for the machine to be quiet, and records its load.
# Results: bench/results/helpdesk-<timestamp>/ (git-ignored): summary.tsv, logs, EXPLAIN output.
# Requires: bash, curl, psql, PostgreSQL server binaries (/usr/lib/postgresql/*/bin), JDK 17.
#
# BENCH_SMOKE=1 (bench/smoke.sh): a check of the script, not a measurement. Unless told otherwise:
# the steps data index kb pages create job (diagnose and whatif when named) on 300 tickets, 2 users,
# 1 round, each load run 1 s + 2 s, 8 thread dumps, the application's JVMs on C1 only (less CPU),
# the job run for six weeks ahead and not rerun; a cluster of its own in /tmp/guichet-helpdesk-bench-smoke
# on 127.0.0.1:5439 (shared buffers 128 MB), removed at the end, its schema copied from the one
# bench/smoke.sh made when it names one (BENCH_SCHEMA_DB, on BENCH_SCHEMA_SERVER), else made by
# Flyway once (not again by the kb step); the application kb starts kept for pages and create (one
# start instead of three); no waiting for a quiet machine. At
# the end every figure of summary.tsv is checked to be a number, and each step to have its rows.
set -euo pipefail
# (the whole script is one block, read before it runs: editing the file meanwhile cannot change a run)
{

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROJECT="$(cd "$HERE/../.." && pwd)"

: "${JAVA17_HOME:=/usr/lib/jvm/java-17-openjdk-amd64}"
: "${BENCH_JAVA:=$JAVA17_HOME/bin/java}"
: "${BENCH_SMOKE:=0}"
if [[ "$BENCH_SMOKE" == 1 ]]; then
    : "${BENCH_STATE:=/tmp/guichet-helpdesk-bench-smoke}" "${BENCH_PG_PORT:=5439}" "${BENCH_PORT:=18097}" "${BENCH_SMTP_PORT:=2539}"
    : "${BENCH_QUIET_WAIT:=0}" "${BENCH_DB:=guichet_helpdesk_smoke}"
fi
# a jar given by GUICHET_JAR is used as it is; otherwise the working tree is built on every run (a jar
# left in target/ by an earlier build would be measured instead of the code in front of you)
GIVEN_JAR="${GUICHET_JAR:-}"
: "${GUICHET_JAR:=$PROJECT/target/guichet-0.1.0-SNAPSHOT.jar}"
: "${BENCH_PORT:=18095}"
: "${BENCH_DB:=guichet_helpdesk}"
: "${BENCH_STATE:=/tmp/guichet-helpdesk-bench}"
: "${BENCH_PG_PORT:=5433}"
: "${BENCH_SMTP_PORT:=2525}"
: "${BENCH_PASSWORD:=Bench helpdesk password 2026}"
: "${BENCH_NICE:=-10}"
: "${BENCH_QUIET_WAIT:=120}"
PGHOST=127.0.0.1 PGPORT="$BENCH_PG_PORT" PGUSER=postgres
export PGHOST PGPORT PGUSER

TICKETS=1000000
USERS=8
ROUNDS=2
STEPS=()
# diagnose: the profiled load (warm-up, measured s), when the thread dumps begin, how many
PW=12 PD=30 DUMPS_AFTER=15 DUMPS=80
# BENCH_SHORT=1: every load run 2 s + 5 s (a check of the script, not a measurement)
if [[ "${BENCH_SHORT:-0}" == 1 ]]; then W1=2 D1=5 W8=2 D8=5 WC=2 DC=5; else W1=5 D1=20 W8=10 D8=30 WC=15 DC=60; fi
# the application's JVMs in smoke mode: the C1 compiler only, which costs less CPU in runs of seconds
SMOKE_JVM_OPTS=()
if [[ "$BENCH_SMOKE" == 1 ]]; then
    SMOKE_JVM_OPTS=(-XX:TieredStopAtLevel=1)
    TICKETS=300 USERS=2 ROUNDS=1 W1=1 D1=2 W8=1 D8=2 WC=1 DC=2 PW=1 PD=4 DUMPS_AFTER=1 DUMPS=8
fi
while (( $# )); do
    case "$1" in
        --tickets) TICKETS="$2"; shift 2 ;;
        --users) USERS="$2"; shift 2 ;;
        --rounds) ROUNDS="$2"; shift 2 ;;
        -h|--help) sed -n '2,/^set -euo/{/^#/p}' "$0"; exit 0 ;;
        data|index|kb|pages|create|job|diagnose|whatif|statistics|clean) STEPS+=("$1"); shift ;;
        *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
    esac
done
if [[ "$BENCH_SMOKE" == 1 ]]; then
    (( ${#STEPS[@]} )) || STEPS=(data index kb pages create job)
fi
(( ${#STEPS[@]} )) || STEPS=(data index pages create job)
[[ "$TICKETS" =~ ^[0-9]+$ ]] && (( TICKETS >= 100 && TICKETS <= 5000000 )) || { echo "--tickets: 100..5000000" >&2; exit 2; }
[[ "$USERS" =~ ^[0-9]+$ ]] && (( USERS >= 1 && USERS <= 64 )) || { echo "--users: 1..64" >&2; exit 2; }
[[ "$ROUNDS" =~ ^[0-9]+$ ]] && (( ROUNDS >= 1 && ROUNDS <= 5 )) || { echo "--rounds: 1..5" >&2; exit 2; }
step() { local s; for s in "${STEPS[@]}"; do [[ $s == "$1" ]] && return 0; done; return 1; }

if step clean; then
    [[ -d "$BENCH_STATE" ]] && rm -rf -- "$BENCH_STATE"
    echo "removed $BENCH_STATE"
    exit 0
fi

OUT="$PROJECT/bench/results/helpdesk-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
"$HERE/../machine-facts.sh" > "$OUT/machine.txt"
APP="$OUT/app"
DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_DB"
BASE="http://127.0.0.1:$BENCH_PORT"

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" | tee -a "$OUT/run.log" >&2; }
die() { log "ERROR: $*"; exit 1; }

APP_PID=""
PG_PID=""
SINK_PID=""
cleanup() {
    [[ -n "$APP_PID" ]] && stop_app
    [[ -n "$BARE_PID" ]] && stop_bare
    [[ -n "$PG_PID" ]] && stop_pg
    # (the sink ends by SIGTERM: its status, 143, must not become the script's under set -e)
    if [[ -n "$SINK_PID" ]]; then kill -TERM "$SINK_PID" 2>/dev/null; wait "$SINK_PID" 2>/dev/null || true; fi
    rm -rf -- "$APP"
    # a smoke run leaves no cluster behind (its data step always makes a new one)
    [[ "$BENCH_SMOKE" == 1 ]] && rm -rf -- "$BENCH_STATE"
    return 0
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- machine state (bench/machine.sh) --------------------------------------------------------

# shellcheck source=../machine.sh
source "$HERE/../machine.sh"
# CPU seconds used so far by the private cluster's processes (backends, checkpointer, WAL writer…)
# (the postmaster's own time, that of its ended children — backends of finished connections — and
# that of the running ones)
pg_cpu() {
    local p
    {
        awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15 + $16 + $17) / hz}' "/proc/$PG_PID/stat" 2>/dev/null || echo 0
        for p in $(pgrep -P "$PG_PID" 2>/dev/null || true); do proc_cpu "$p"; done
    } | awk '{s += $1} END {print s + 0}'
}

NICED=(setsid bash -c 'echo "$0" > /proc/self/autogroup 2>/dev/null || true; exec nice -n "$0" "$@"' "$BENCH_NICE")

# ---- PostgreSQL: a cluster of our own in $BENCH_STATE/pg ------------------------------------

PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[[ -n "$PG_BIN" && -x "$PG_BIN/postgres" ]] || { echo "no PostgreSQL server under /usr/lib/postgresql/*/bin" >&2; exit 1; }
AS_POSTGRES=(setpriv --reuid postgres --regid postgres --init-groups)
# the settings of a small dedicated server (the default 128 MB of shared buffers would make every
# figure a disk figure); the checkpoint settings only make the generation faster
PG_SETTINGS=(-c listen_addresses=127.0.0.1 -c shared_buffers=1GB -c effective_cache_size=8GB -c work_mem=16MB
    -c maintenance_work_mem=512MB -c max_wal_size=8GB -c checkpoint_timeout=30min -c max_connections=50)
[[ "$BENCH_SMOKE" == 1 ]] && PG_SETTINGS=(-c listen_addresses=127.0.0.1 -c shared_buffers=128MB -c max_connections=50)

start_pg() {
    (exec 3<>"/dev/tcp/127.0.0.1/$BENCH_PG_PORT") 2>/dev/null && die "port $BENCH_PG_PORT is in use (set BENCH_PG_PORT)"
    (exec "${NICED[@]}" "${AS_POSTGRES[@]}" "$PG_BIN/postgres" -D "$BENCH_STATE/pg" -p "$BENCH_PG_PORT" -k "$BENCH_STATE" \
        "${PG_SETTINGS[@]}") >> "$OUT/postgresql.log" 2>&1 &
    PG_PID=$!
    for _ in $(seq 1 120); do "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$BENCH_PG_PORT" && break; sleep 0.5; done
    "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$BENCH_PG_PORT" || die "the private PostgreSQL did not start (see $OUT/postgresql.log)"
    log "private PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$BENCH_PG_PORT (PID $PG_PID, $BENCH_STATE/pg), niced $BENCH_NICE"
}

stop_pg() {
    local pid="$PG_PID"
    PG_PID=""
    kill -INT "$pid" 2>/dev/null || true   # fast shutdown
    for _ in $(seq 1 600); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null || true
}

# ---- the application ------------------------------------------------------------------------

prepare_app() {
    if [[ -z "$GIVEN_JAR" || ! -f "$GUICHET_JAR" ]]; then
        log "building $GUICHET_JAR"
        (cd "$PROJECT" && ./mvnw -q -o -DskipTests package) || die "build failed"
    fi
    rm -rf "$APP"
    "$BENCH_JAVA" -Djarmode=tools -jar "$GUICHET_JAR" extract --destination "$APP" >/dev/null || die "could not extract $GUICHET_JAR"
    # the steps run the extracted jar by the build's name, whatever the name of the jar given
    [[ "$(basename "$GUICHET_JAR")" == guichet-0.1.0-SNAPSHOT.jar ]] || mv "$APP/$(basename "$GUICHET_JAR")" "$APP/guichet-0.1.0-SNAPSHOT.jar"
    {
        echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
        echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
        echo "disk of $BENCH_STATE: $(df -h --output=source,fstype,size "$(dirname "$BENCH_STATE")" | tail -1)"
        echo "java: $("$BENCH_JAVA" -version 2>&1 | sed -n 2p)"
        echo "jar: $GUICHET_JAR ($(stat -c %s "$GUICHET_JAR") bytes, built $(date -u -r "$GUICHET_JAR" +%Y-%m-%dT%H:%M:%SZ))"
        echo "git: $(cd "$PROJECT" && git rev-parse --short HEAD 2>/dev/null || echo '?')$(cd "$PROJECT" && git diff --quiet HEAD -- src pom.xml 2>/dev/null || echo ' (+ uncommitted changes in src/ or pom.xml)')"
        echo "postgresql settings: ${PG_SETTINGS[*]}"
    } > "$OUT/machine.txt"
    cat "$OUT/machine.txt" >&2
}

# The production profile's settings from the environment (docs/operations.md). The production
# profile refuses the local mailbox: e-mails go by SMTP to tools/SmtpSink.java, which takes and
# drops them.
export_app_env() {
    export SPRING_PROFILES_ACTIVE=production GUICHET_DB_URL="$DB_URL" GUICHET_DB_USER="$PGUSER" GUICHET_DB_PASSWORD="" \
        GUICHET_SMTP_HOST=127.0.0.1 GUICHET_SMTP_PORT="$BENCH_SMTP_PORT" GUICHET_BASE_URL="$BASE" \
        GUICHET_SECURE_COOKIES=false GUICHET_INDEX_DIRECTORY="$BENCH_STATE/index" GUICHET_FILES_DIRECTORY="$BENCH_STATE/files"
}

# The SMTP server of the run (tools/SmtpSink.java, compiled into $OUT/tools), until the script ends.
start_smtp_sink() {
    (exec 3<>"/dev/tcp/127.0.0.1/$BENCH_SMTP_PORT") 2>/dev/null && die "port $BENCH_SMTP_PORT is in use (set BENCH_SMTP_PORT)"
    "$BENCH_JAVA" -Xmx64m -cp "$OUT/tools" SmtpSink "$BENCH_SMTP_PORT" >> "$OUT/smtp-sink.log" 2>&1 &
    SINK_PID=$!
    for _ in $(seq 1 50); do grep -q 'smtp sink on' "$OUT/smtp-sink.log" && return 0; sleep 0.1; done
    die "the SMTP sink did not start (see $OUT/smtp-sink.log)"
}

start_app() {
    local logf="$1"; shift
    (exec 3<>"/dev/tcp/127.0.0.1/$BENCH_PORT") 2>/dev/null && die "port $BENCH_PORT is in use (set BENCH_PORT)"
    (export_app_env; exec "${NICED[@]}" "$BENCH_JAVA" -Xmx2g "${SMOKE_JVM_OPTS[@]}" ${BENCH_JAVA_OPTS:-} -jar "$APP/guichet-0.1.0-SNAPSHOT.jar" --server.port="$BENCH_PORT" \
        --server.address=127.0.0.1 --server.servlet.session.cookie.secure=false "$@") > "$logf" 2>&1 &
    APP_PID=$!
    # (a smoke run, on a machine that may be busy, waits longer: it only guards against a hang)
    local limit=$(( BENCH_SMOKE == 1 ? 600 : 240 ))
    local deadline=$(( $(date +%s) + limit ))
    until curl -fs -o /dev/null --max-time 2 "$BASE/actuator/health/readiness"; do
        kill -0 "$APP_PID" 2>/dev/null || { tail -40 "$logf" >&2; APP_PID=""; die "the application exited (see $logf)"; }
        (( $(date +%s) < deadline )) || die "the application is not ready after $limit s (see $logf)"
        sleep 0.5
    done
    [[ "$(ps -o comm= -p "$APP_PID")" == java ]] || die "PID $APP_PID is not the application"
}

# Waits for the application (APP_PID) to log that the index named $2 is rebuilt. Sets (globals: the
# callers report them) REBUILD_FROM and REBUILD_TO, the times of its "The $2 index is empty" and
# "The $2 index is rebuilt" lines, and REBUILD_SECS, the time between them.
await_rebuild() {
    local logf="$1" name="$2" deadline
    deadline=$(( $(date +%s) + 5400 ))
    until grep -q "The $name index is rebuilt\|Rebuilding the $name index failed" "$logf"; do
        (( $(date +%s) < deadline )) || die "the $name index not rebuilt after 90 min"
        kill -0 "$APP_PID" 2>/dev/null || die "the application exited while indexing"
        sleep 2
    done
    grep -q "Rebuilding the $name index failed" "$logf" && die "mass indexing failed (see $logf)"
    REBUILD_FROM="$(grep -m1 "The $name index is empty" "$logf" | awk '{print $1}')"
    REBUILD_TO="$(grep -m1 "The $name index is rebuilt" "$logf" | awk '{print $1}')"
    [[ -n "$REBUILD_FROM" && -n "$REBUILD_TO" ]] || die "no start or end of the $name index's rebuild in $logf"
    # to the millisecond of the log lines (a small index is rebuilt in less than a second), at least 0.001
    REBUILD_SECS="$(echo "scale=3; x = $(date -d "$REBUILD_TO" +%s.%N) - $(date -d "$REBUILD_FROM" +%s.%N); if (x < 0.001) x = 0.001; x / 1" | bc)"
}

# The schema by the application's Flyway: a start that exits after the context refresh (a database
# generated by older code gains the newer migrations; with SPRING_FLYWAY_OUT_OF_ORDER=true if needed)
migrate() {
    (export_app_env; exec "$BENCH_JAVA" "${SMOKE_JVM_OPTS[@]}" -Dspring.context.exit=onRefresh -jar "$APP/guichet-0.1.0-SNAPSHOT.jar" \
        --server.port=0 --server.address=127.0.0.1) > "$OUT/flyway.log" 2>&1 || { tail -40 "$OUT/flyway.log" >&2; die "Flyway start failed"; }
}

stop_app() {
    local pid="$APP_PID"
    APP_PID=""
    kill -TERM "$pid" 2>/dev/null || return 0
    for _ in $(seq 1 600); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && { log "PID $pid still alive 60 s after SIGTERM: SIGKILL"; kill -KILL "$pid" 2>/dev/null || true; }
    wait "$pid" 2>/dev/null || true
}

sql() { psql -X -Atq -v ON_ERROR_STOP=1 -d "$BENCH_DB" "$@"; }

# keep_app_for STEP... : true in a smoke run when one of the STEPs will run next with the application
# as it is (started without arguments, as kb, pages and create start it): the step that ends keeps it
# running for them instead of a stop and a start, which cost more than their seconds of load. Never
# across the statistics step (which starts its own, with the recount due at once).
keep_app_for() {
    [[ "$BENCH_SMOKE" == 1 ]] && ! step statistics || return 1
    local s
    for s in "$@"; do step "$s" && return 0; done
    return 1
}

# load LABEL MODE USERS WARMUP DURATION FILE: one run of tools/Load.java, its line into summary.tsv
# (against the application, or with LOAD_BASE and LOAD_PID set, another server: the bare page)
load() {
    local label="$1" mode="$2" users="$3" warmup="$4" duration="$5" file="$6" cpu0 pg0 pid="${LOAD_PID:-$APP_PID}"
    [[ -n "${LOAD_NO_WAIT:-}" ]] || wait_quiet
    cpu0=$(proc_cpu "$pid"); pg0=$(pg_cpu)
    mark "$label"
    LOAD_CPU_PID="$pid" "${NICED[@]}" "$BENCH_JAVA" -cp "$OUT/tools" Load "$mode" "${LOAD_BASE:-$BASE}" "$label" "$users" "$warmup" "$duration" "$file" \
        "$OUT/summary.tsv" "$BENCH_PASSWORD" 2>> "$OUT/load-errors.log" | tee -a "$OUT/run.log" >&2 \
        || { log "$label: failed requests (see load-errors.log)"; LOAD_FAILED=1; }
    mark_end "$label"
    echo "$label: CPU during the run (warm-up included): server $(echo "$(proc_cpu "$pid") - $cpu0" | bc) s, PostgreSQL $(echo "$(pg_cpu) - $pg0" | bc) s" \
        | tee -a "$OUT/machine-load.txt" >&2
}

# The bare page (tools/BarePage.java) on BARE_BASE, from the application's libraries minus what it
# does not use (Spring Boot configures what it finds: security, sessions, Flyway, the index...).
BARE_PID=""
BARE_BASE="http://127.0.0.1:$((BENCH_PORT + 1))"
start_bare() {
    local cp
    cp="$(ls "$APP"/lib/*.jar | grep -Ev '/(spring-security|spring-boot-security|spring-session|spring-boot-session|flyway|spring-boot-flyway|hibernate-search|lucene|elasticsearch|spring-modulith|spring-boot-actuator|spring-boot-health|spring-boot-micrometer|micrometer-registry|prometheus|spring-boot-mail|springdoc|swagger|shedlock|h2-|spring-boot-validation|hibernate-validator)' | paste -sd:)"
    mkdir -p "$OUT/bare"
    "$JAVA17_HOME/bin/javac" -d "$OUT/bare" -cp "$cp" "$HERE/tools/BarePage.java" || die "could not compile tools/BarePage.java"
    cp -r "$HERE/tools/bare/templates" "$OUT/bare/"
    (exec "${NICED[@]}" "$BENCH_JAVA" -Xmx2g "${SMOKE_JVM_OPTS[@]}" ${BENCH_JAVA_OPTS:-} -cp "$OUT/bare:$cp" bench.BarePage \
        --server.port="$((BENCH_PORT + 1))" --server.address=127.0.0.1 --spring.datasource.url="$DB_URL" \
        --spring.datasource.username="$PGUSER" --spring.jpa.hibernate.ddl-auto=none --spring.jpa.open-in-view=false) > "$OUT/bare.log" 2>&1 &
    BARE_PID=$!
    local deadline=$(( $(date +%s) + (BENCH_SMOKE == 1 ? 600 : 240) ))
    until curl -fs -o /dev/null --max-time 2 "$BARE_BASE/bare?e=1"; do
        kill -0 "$BARE_PID" 2>/dev/null || { tail -40 "$OUT/bare.log" >&2; BARE_PID=""; die "the bare page exited (see $OUT/bare.log)"; }
        (( $(date +%s) < deadline )) || die "the bare page is not ready (see $OUT/bare.log)"
        sleep 0.5
    done
    [[ "$(ps -o comm= -p "$BARE_PID")" == java ]] || die "PID $BARE_PID is not the bare page"
}
stop_bare() {
    local pid="$BARE_PID"
    BARE_PID=""
    [[ -n "$pid" ]] || return 0
    kill -TERM "$pid" 2>/dev/null || return 0
    for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null || true
}

# finish: the summary, then every figure of it checked (a figure that is not a number, or a step
# without its rows, means the script or what it reads has changed); exits.
finish() {
    column -t -s $'\t' "$OUT/summary.tsv" | tee "$OUT/summary.txt" >&2
    log "results in $OUT"
    [[ -z "${LOAD_FAILED:-}" ]] || die "some load runs had failed requests: see $OUT/load-errors.log"
    local bad
    # columns 2.. of every row: empty or a number
    bad="$(awk -F'\t' 'NR > 1 {
            for (i = 2; i <= NF; i++) if ($i != "" && $i !~ /^-?([0-9]+([.][0-9]+)?|[.][0-9]+)$/) print "not a number: " $0
            if ($4 == "" && $10 == "") print "no figure: " $0 }' "$OUT/summary.tsv")"
    local s key
    for s in index kb pages create job diagnose whatif statistics; do
        case "$s" in
            statistics) key='^statistics ' ;;
            index) key='^mass indexing' ;;
            kb) key='^kb-' ;;
            pages) key='^requester ' ;;
            create) key='^create ' ;;
            job) key='^job r1' ;;
            diagnose) key='^profiled ' ;;
            whatif) key='^whatif ' ;;
        esac
        # each step that ran has rows, and one of them at least counted something (requests, tickets)
        if step "$s" && ! awk -F'\t' -v k="$key" '$1 ~ k && $4 > 0 {found = 1} END {exit !found}' "$OUT/summary.tsv"; then
            bad+=$'\n'"no row of the $s step with a count above 0 in summary.tsv"
        fi
    done
    [[ -z "${bad//$'\n'/}" ]] || die "summary.tsv: $bad"
    exit 0
}

# ---- steps ----------------------------------------------------------------------------------

prepare_app
mkdir -p "$OUT/tools"
"$JAVA17_HOME/bin/javac" -d "$OUT/tools" "$HERE/tools/Load.java" "$HERE/tools/SmtpSink.java" || die "could not compile tools/Load.java, SmtpSink.java"
start_smtp_sink
printf 'label\tusers\tmeasured_s\trequests\terrors\tper_s\tp50_ms\tp95_ms\tp99_ms\tmax_ms\tcpu_ms_per_req\n' > "$OUT/summary.tsv"

if step data; then
    if [[ -d "$BENCH_STATE" ]]; then rm -rf -- "$BENCH_STATE"; fi
    mkdir -p "$BENCH_STATE"
    chown postgres: "$BENCH_STATE"
    "${AS_POSTGRES[@]}" "$PG_BIN/initdb" -D "$BENCH_STATE/pg" -U postgres -A trust -E UTF8 --locale=C.UTF-8 > "$OUT/postgresql-initdb.log" 2>&1 \
        || { tail -20 "$OUT/postgresql-initdb.log" >&2; die "initdb failed"; }
    start_pg
    psql -X -q -d postgres -v ON_ERROR_STOP=1 -c "create database $BENCH_DB" || die "create database failed"
    if [[ "$BENCH_SMOKE" == 1 && -n "${BENCH_SCHEMA_DB:-}" ]]; then
        # the schema bench/smoke.sh had the application's Flyway make once for every script, on the
        # shared server (BENCH_SCHEMA_SERVER): copied into this cluster
        log "data: the schema bench/smoke.sh had the application's Flyway make ($BENCH_SCHEMA_DB)"
        pg_dump -d "${BENCH_SCHEMA_SERVER:-} dbname=$BENCH_SCHEMA_DB" --no-owner --no-privileges > "$OUT/schema.sql" \
            || die "could not dump the schema $BENCH_SCHEMA_DB"
        psql -X -q -d "$BENCH_DB" -v ON_ERROR_STOP=1 -f "$OUT/schema.sql" > "$OUT/schema.log" 2>&1 \
            || { tail -20 "$OUT/schema.log" >&2; die "could not load the schema $BENCH_SCHEMA_DB"; }
    else
        log "data: schema by the application's Flyway"
        migrate
    fi
    rm -rf "$BENCH_STATE/index"
    hash="$("$BENCH_JAVA" -cp "$APP/lib/*" "$PROJECT/bench/administration/tools/HashPassword.java" "$BENCH_PASSWORD" | tail -n 1)" \
        || die "could not hash the password"
    wait_quiet
    log "data: generate.sql, $TICKETS tickets"
    mark "data"
    t0=$(date +%s.%N); pg0=$(pg_cpu)
    psql -X -q -d "$BENCH_DB" -v ON_ERROR_STOP=1 -v hash="$hash" -v today="$(date +%F)" -v tickets="$TICKETS" \
        -f "$HERE/generate.sql" > "$OUT/generate.log" 2>&1 || { tail -20 "$OUT/generate.log" >&2; die "generate.sql failed"; }
    mark_end "data"
    log "data generated in $(echo "$(date +%s.%N) - $t0" | bc | cut -d. -f1) s (PostgreSQL CPU $(echo "$(pg_cpu) - $pg0" | bc) s):"
    echo "generated $(date +%F) in $(echo "$(date +%s.%N) - $t0" | bc | cut -d. -f1) s" > "$BENCH_STATE/generated"
    sed -n '/what *| *how_many/,$p' "$OUT/generate.log" | grep -v '^Time:\|^$' | tee "$OUT/data.txt" >&2
    grep '^Time:' "$OUT/generate.log" | awk '{print $2}' | sort -gr | head -5 | sed 's/^/  slowest statements (ms): /' >&2
else
    [[ -f "$BENCH_STATE/pg/PG_VERSION" ]] || die "no cluster in $BENCH_STATE: run the data step first"
    start_pg
fi
sql -c "select count(*) from ticket" > /dev/null || die "no database $BENCH_DB: run the data step first"
echo "tickets: $(sql -c 'select count(*) from ticket'), exchanges: $(sql -c 'select count(*) from ticket_exchange'), database $(sql -c "select pg_size_pretty(pg_database_size('$BENCH_DB'))")" \
    | tee -a "$OUT/machine.txt" >&2

if step index; then
    rm -rf "$BENCH_STATE/index"
    wait_quiet
    log "index: the application on an empty index directory; mass indexing of $(sql -c 'select count(*) from ticket') tickets"
    mark "index"
    pg0=$(pg_cpu)
    start_app "$OUT/app-index.log"
    cpu0=$(proc_cpu "$APP_PID")
    await_rebuild "$OUT/app-index.log" ticket
    mark_end "index"
    echo "index: $(sql -c 'select count(*) from ticket') tickets indexed in $REBUILD_SECS s ($REBUILD_FROM → $REBUILD_TO); application CPU $(echo "$(proc_cpu "$APP_PID") - $cpu0" | bc) s, PostgreSQL $(echo "$(pg_cpu) - $pg0" | bc) s; index on disk $(du -sh "$BENCH_STATE/index" | cut -f1)" \
        | tee -a "$OUT/index.txt" >&2
    printf 'mass indexing\t1\t%s\t%s\t0\t%s\t\t\t\t\n' "$REBUILD_SECS" "$(sql -c 'select count(*) from ticket')" \
        "$(echo "scale=0; $(sql -c 'select count(*) from ticket') / $REBUILD_SECS" | bc)" >> "$OUT/summary.tsv"
    stop_app
fi

if step kb; then
    [[ -d "$BENCH_STATE/index" ]] || die "no index folder in $BENCH_STATE: run the index step first"
    wait_quiet
    # (a smoke run's data step has just migrated the schema with the same jar: nothing to add)
    if [[ "$BENCH_SMOKE" != 1 ]] || ! step data; then migrate; fi
  if [[ "${KB_REUSE:-0}" == 1 && -d "$BENCH_STATE/index/kb" ]]; then
    # KB_REUSE=1: the sheets and their index as the last kb step left them; the application only
    sheets=$(sql -c "select count(*) from kb_sheet")
    start_app "$OUT/app-kb.log"
  else
    log "kb: every ticket published as a knowledge base sheet (kb.sql)"
    mark "kb data"
    t0=$(date +%s)
    sql -v ON_ERROR_STOP=1 -f "$HERE/kb.sql" > "$OUT/kb-data.log" || die "kb.sql failed (see kb-data.log)"
    mark_end "kb data"
    sheets=$(sql -c "select count(*) from kb_sheet")
    echo "kb: $sheets sheets written in $(( $(date +%s) - t0 )) s" | tee -a "$OUT/kb.txt" >&2
    rm -rf "$BENCH_STATE/index/kb"
    wait_quiet
    mark "kb index"
    pg0=$(pg_cpu)
    start_app "$OUT/app-kb.log"
    cpu0=$(proc_cpu "$APP_PID")
    await_rebuild "$OUT/app-kb.log" kb
    mark_end "kb index"
    echo "kb index: $sheets sheets indexed in $REBUILD_SECS s; application CPU $(echo "$(proc_cpu "$APP_PID") - $cpu0" | bc) s, PostgreSQL $(echo "$(pg_cpu) - $pg0" | bc) s; index on disk $(du -sh "$BENCH_STATE/index/kb" | cut -f1)" \
        | tee -a "$OUT/kb.txt" >&2
    printf 'kb mass indexing\t1\t%s\t%s\t0\t%s\t\t\t\t\n' "$REBUILD_SECS" "$sheets" "$(echo "scale=0; $sheets / $REBUILD_SECS" | bc)" >> "$OUT/summary.tsv"
  fi
    one='facture convention paie virement budget inscription serveur montant import clôture relevé mission recette commande doublon'
    three='facture+bloquée+brouillon rapprochement+bancaire+écart fichier+caractères+encodés traitement+interrompt+message montants+tableau+bord serveur+relancé+cache journaux+dépassement+délai base+formation+cas'
    titles='Erreur+sur+la+facture+après+la+mise+à+jour Blocage+du+virement+en+fin+d+exercice Rejet+de+la+convention+lors+de+la+clôture Lenteur+de+la+paie+depuis+la+migration Doublon+dans+le+relevé+de+notes Montant+incorrect+dans+le+budget+rectificatif'
    products="$(sql -c "select string_agg(id::text, ' ') from (select distinct product_id id from kb_sheet where product_id is not null) p")"
    : > "$OUT/s-kb-one.tsv"; : > "$OUT/s-kb-three.tsv"; : > "$OUT/s-kb-filtered.tsv"; : > "$OUT/s-kb-similar.tsv"
    for p in $products; do
        printf 'anonymous\t/api/v1/kb/search?q={v}\t%s\n' "$one" >> "$OUT/s-kb-one.tsv"
        printf 'anonymous\t/api/v1/kb/search?q={v}\t%s\n' "$three" >> "$OUT/s-kb-three.tsv"
        printf 'anonymous\t/api/v1/kb/search?product=%s&status=TER&q={v}\t%s\n' "$p" "$one" >> "$OUT/s-kb-filtered.tsv"
        printf 'anonymous\t/connaissance/similaires?produit=%s&title={v}\t%s\n' "$p" "$titles" >> "$OUT/s-kb-similar.tsv"
    done
    for round in $(seq 1 "$ROUNDS"); do
        # KB_SCENARIOS: some of them only (e.g. "kb-similar")
        for s in ${KB_SCENARIOS:-kb-one kb-three kb-filtered kb-similar}; do
            load "$s 1 user r$round" get 1 $W1 $D1 "$OUT/s-$s.tsv"
            load "$s $USERS users r$round" get "$USERS" $W8 $D8 "$OUT/s-$s.tsv"
        done
    done
    if keep_app_for pages create; then log "kb: the application kept for the next steps (smoke run)"; else stop_app; fi
fi

step pages || step create || step job || step diagnose || step whatif || step statistics || finish
[[ -d "$BENCH_STATE/index" ]] || die "no ticket index in $BENCH_STATE: run the index step first"

# statistics (bench/statistics/run.sh): the one-time recount of every ticket into the daily counts,
# timed from the application's log; sign-ins of a year made up by SQL (correspondents active on ~3
# business days in 8); then the agency's statistics page and one establishment's (12 months) as
# agents read them, at 1 user and at --users users, --rounds times
if step statistics; then
    # from scratch: an application stopped midway (the index step's) leaves its counts and its lock
    sql -c "truncate stat_count, stat_active, stat_ticket, stat_access, stat_rebuild;
        delete from shedlock where name = 'statistics-recount'" > /dev/null
    wait_quiet
    log "statistics: the recount of $(sql -c 'select count(*) from ticket') tickets and $(sql -c 'select count(*) from access_request') access requests"
    mark "statistics recount"
    pg0=$(pg_cpu)
    start_app "$OUT/app-statistics.log" --guichet.statistics.recount-delay=PT1S
    cpu0=$(proc_cpu "$APP_PID")
    deadline=$(( $(date +%s) + 5400 ))
    until grep -q "statistics: recount done" "$OUT/app-statistics.log"; do
        (( $(date +%s) < deadline )) || die "the recount not done after 90 min"
        kill -0 "$APP_PID" 2>/dev/null || die "the application exited while recounting"
        sleep 2
    done
    mark_end "statistics recount"
    from="$(grep -m1 'statistics: recounting' "$OUT/app-statistics.log" | awk '{print $1}')"
    to="$(grep -m1 'statistics: recount done' "$OUT/app-statistics.log" | awk '{print $1}')"
    secs="$(echo "scale=1; ($(date -d "$to" +%s.%N) - $(date -d "$from" +%s.%N)) / 1" | bc)"
    counted="$(sql -c 'select count(*) from stat_ticket')"
    printf 'statistics recount\t\t%s\t%s\t0\t%s\t\t\t\t\n' "$secs" "$counted" "$(echo "scale=0; $counted / $secs" | bc)" >> "$OUT/summary.tsv"
    echo "statistics recount: $counted tickets in $secs s; CPU application $(echo "$(proc_cpu "$APP_PID") - $cpu0" | bc) s, PostgreSQL $(echo "$(pg_cpu) - $pg0" | bc) s; stat_count $(sql -c 'select count(*) from stat_count') rows, $(sql -c "select pg_size_pretty(pg_total_relation_size('stat_count'))")" \
        | tee -a "$OUT/machine-load.txt" >&2
    sql -c "
        insert into stat_active (organization_id, on_date, account_id)
        select c.establishment_id, d::date, c.account_id
        from (select distinct establishment_id, account_id from correspondent) c
        cross join generate_series(current_date - 400, current_date - 1, interval '1 day') d
        where extract(isodow from d) < 6 and (hashtext(c.account_id || ' ' || d::date) & 7) < 3
        on conflict do nothing;
        insert into stat_count (organization_id, on_date, metric, dimension, amount)
        select organization_id, on_date, 'sign-ins', '', count(*) from stat_active group by organization_id, on_date
        on conflict do nothing;
        analyze stat_count; analyze stat_active;" > /dev/null
    log "statistics: stat_active $(sql -c 'select count(*) from stat_active') rows, stat_count $(sql -c 'select count(*) from stat_count') rows"
    sql -F $'\t' -c "select email from account where agent order by id limit $USERS" > "$OUT/stat-agents.tsv"
    establishments="$(sql -c "select string_agg(id::text, ' ') from organization where parent_id is null")"
    : > "$OUT/s-statistics-agency.tsv"; : > "$OUT/s-statistics-establishment.tsv"
    while read -r email; do
        printf 'session:%s\t/agence/statistiques?periode=12\t\n' "$email" >> "$OUT/s-statistics-agency.tsv"
        printf 'session:%s\t/organisations/{v}/statistiques?periode=12\t%s\n' "$email" "$establishments" >> "$OUT/s-statistics-establishment.tsv"
    done < "$OUT/stat-agents.tsv"
    sql -c "delete from spring_session" > /dev/null
    for round in $(seq 1 "$ROUNDS"); do
        for s in agency establishment; do
            load "statistics $s 1 user r$round" get 1 $W1 $D1 "$OUT/s-statistics-$s.tsv"
            load "statistics $s $USERS users r$round" get "$USERS" $W8 $D8 "$OUT/s-statistics-$s.tsv"
        done
    done
    stop_app
fi

if step pages; then
    log "pages: the people and their scenarios"
    # the 8 correspondents who see the most tickets (requester side: their sites' tickets)
    sql -F $'\t' -c "
        with c as (select distinct account_id, establishment_id, product_id from correspondent)
        select c.account_id, a.email, count(*) from c join ticket t on t.establishment_id = c.establishment_id
            and t.product_id = c.product_id join account a on a.id = c.account_id
        group by c.account_id, a.email order by 3 desc limit $USERS" > "$OUT/busy-correspondents.tsv"
    sql -F $'\t' -c "select id, email from account where agent and id in (1, 9, 17, 25, 33, 2, 10, 18, 26, 34, 3, 11) order by (id - 1) % 8, id limit $USERS" \
        > "$OUT/agents.tsv"
    words='convention+stage rapprochement+bancaire facture+clôture paie+migration serveur+redémarre caractères+encodés inscription+étudiant budget+rectificatif relevé+notes capture+écran commande+brouillon titre+recette traitement+interrompt montant+incorrect journaux+délai mission+virement'
    : > "$OUT/s-requester.tsv"; : > "$OUT/s-establishment.tsv"; : > "$OUT/s-agent.tsv"
    : > "$OUT/s-number.tsv"; : > "$OUT/s-words.tsv"; : > "$OUT/s-words-agent.tsv"
    while IFS=$'\t' read -r id email _; do
        printf 'session:%s\t/demandes\t\n' "$email" >> "$OUT/s-requester.tsv"
        printf 'session:%s\t/demandes/etablissement\t\n' "$email" >> "$OUT/s-establishment.tsv"
        numbers="$(sql -c "
            with c as (select distinct establishment_id, product_id from correspondent where account_id = $id)
            select string_agg(id::text, ' ') from (select t.id from ticket t join c using (establishment_id, product_id)
                order by md5(t.id::text) limit 200) x")"
        printf 'token:gch_bench_%s\t/api/v1/tickets?q={v}\t%s\n' "$id" "$numbers" >> "$OUT/s-number.tsv"
        printf 'token:gch_bench_%s\t/api/v1/tickets?q={v}\t%s\n' "$id" "$words" >> "$OUT/s-words.tsv"
    done < "$OUT/busy-correspondents.tsv"
    while IFS=$'\t' read -r id email; do
        printf 'session:%s\t/agence/demandes\t\n' "$email" >> "$OUT/s-agent.tsv"
        printf 'token:gch_bench_%s\t/api/v1/tickets?q={v}\t%s\n' "$id" "$words" >> "$OUT/s-words-agent.tsv"
    done < "$OUT/agents.tsv"
    cat "$OUT/busy-correspondents.tsv" | sed 's/^/  busy correspondent: /' >&2
    printf 'anonymous\t/bare?e={v}\t%s\n' "$(sql -c "select string_agg(distinct establishment_id::text, ' ') from correspondent
        where account_id in ($(cut -f1 "$OUT/busy-correspondents.tsv" | paste -sd,))")" > "$OUT/s-bare.tsv"

    [[ -n "$APP_PID" ]] || start_app "$OUT/app-pages.log"
    sql -c "delete from spring_session" > /dev/null
    for round in $(seq 1 "$ROUNDS"); do
        # PAGES_SCENARIOS: some of them only (e.g. "bare requester agent")
        for s in ${PAGES_SCENARIOS:-bare requester establishment agent number words words-agent}; do
            if [[ "$s" == bare ]]; then
                [[ -n "$BARE_PID" ]] || start_bare
                LOAD_BASE="$BARE_BASE" LOAD_PID="$BARE_PID" load "$s 1 user r$round" get 1 $W1 $D1 "$OUT/s-$s.tsv"
                LOAD_BASE="$BARE_BASE" LOAD_PID="$BARE_PID" load "$s $USERS users r$round" get "$USERS" $W8 $D8 "$OUT/s-$s.tsv"
                continue
            fi
            load "$s 1 user r$round" get 1 $W1 $D1 "$OUT/s-$s.tsv"
            load "$s $USERS users r$round" get "$USERS" $W8 $D8 "$OUT/s-$s.tsv"
        done
    done
    stop_bare
    if keep_app_for create; then log "pages: the application kept for the next step (smoke run)"; else stop_app; fi
fi

if step create; then
    # one correspondent per establishment (the first 64 establishments), with one of his sites
    sql -F $'\t' -c "
        select distinct on (c.establishment_id) 'gch_bench_' || c.account_id, c.establishment_id, c.product_id,
            (select name from product_domain d where d.product_id = c.product_id order by id limit 1)
        from correspondent c join installed_version i using (establishment_id, product_id)
        where c.establishment_id <= 64 order by c.establishment_id, c.account_id" > "$OUT/filers.tsv"
    [[ -n "$APP_PID" ]] || start_app "$OUT/app-create.log"
    before=$(sql -c "select max(id) from ticket")
    for round in $(seq 1 "$ROUNDS"); do
        load "create $USERS users r$round" create "$USERS" $WC $DC "$OUT/filers.tsv"
    done
    load "create 1 user" create 1 $WC $DC "$OUT/filers.tsv"
    load "create 16 users" create 16 $WC $DC "$OUT/filers.tsv"
    after=$(sql -c "select max(id) from ticket")
    # every ticket filed is in the index: the last one is found by its number
    sleep 3
    found="$(curl -fs -H "Authorization: Bearer $(head -1 "$OUT/filers.tsv" | cut -f1)" "$BASE/api/v1/tickets?q=$(sql -c "select max(id) from ticket where requester_id = $(head -1 "$OUT/filers.tsv" | cut -f1 | sed 's/gch_bench_//')")" | grep -o '"total":[0-9]*')"
    echo "create: tickets $before → $after ($((after - before)) filed); the last one of the first filer found by number: $found" | tee -a "$OUT/create.txt" >&2
    stop_app
    echo "outbox after the create runs: $(sql -c "select status || ' ' || count(*) from outbox_message group by status" | tr '\n' ' ')" | tee -a "$OUT/create.txt" >&2
fi

if step job; then
    # the next business day (weekends only; the French holidays are the application's business);
    # in smoke mode six weeks ahead, so that the few tickets waiting, all of them recent, are due
    day="$(date +%F)"
    [[ "$BENCH_SMOKE" == 1 ]] && day="$(date -d "$day + 42 days" +%F)"
    for _ in 1 2 3 4; do
        day="$(date -d "$day + 1 day" +%F)"
        [[ "$(date -d "$day" +%u)" -le 5 ]] && break
    done
    sql -c "drop table if exists bench_waiting; create table bench_waiting as
                select id, status, sub_status, waiting_since, reminded, updated_at, closed_at, version from ticket
                where status in ('ARS', 'AVS') and waiting_since is not null;
            drop table if exists bench_marks; create table bench_marks as
                select (select coalesce(max(id), 0) from ticket_exchange) as exchange, (select coalesce(max(id), 0) from outbox_message) as outbox"
    echo "job: $(sql -c 'select count(*) from bench_waiting') tickets waiting for the site (ARS, AVS), run for $day" | tee -a "$OUT/job.txt" >&2
    sql -c "explain (analyze, buffers) select * from ticket where status in ('ARS', 'AVS') and waiting_since is not null order by id" > "$OUT/job-explain.txt"
    for round in $(seq 1 "$ROUNDS"); do
        wait_quiet
        mark "job r$round"
        pg0=$(pg_cpu)
        (export_app_env; exec "${NICED[@]}" "$BENCH_JAVA" -Xmx2g "${SMOKE_JVM_OPTS[@]}" -cp "$APP/guichet-0.1.0-SNAPSHOT.jar:$APP/lib/*" "$HERE/tools/ClockRun.java" "$day") \
            > "$OUT/job-r$round.log" 2>&1 || { tail -30 "$OUT/job-r$round.log" >&2; die "ClockRun failed"; }
        mark_end "job r$round"
        result="$(grep '^clock ' "$OUT/job-r$round.log")"
        echo "job r$round: $result; PostgreSQL CPU $(echo "$(pg_cpu) - $pg0" | bc) s" | tee -a "$OUT/job.txt" >&2
        ms="$(sed -n 's/.* in \([0-9]*\) ms$/\1/p' <<< "$result")"
        printf 'job r%s\t1\t\t%s\t0\t\t\t\t\t%s\n' "$round" "$(sql -c 'select count(*) from bench_waiting')" "$ms" >> "$OUT/summary.tsv"
        # a rerun the same day does nothing more (idempotent): timed once, after the first round (a
        # smoke run, which checks the script, not the job, leaves out this second start of the same command)
        if (( round == 1 )) && [[ "$BENCH_SMOKE" != 1 ]]; then
            (export_app_env; exec "${NICED[@]}" "$BENCH_JAVA" -Xmx2g "${SMOKE_JVM_OPTS[@]}" -cp "$APP/guichet-0.1.0-SNAPSHOT.jar:$APP/lib/*" "$HERE/tools/ClockRun.java" "$day") \
                > "$OUT/job-rerun.log" 2>&1 || die "ClockRun (rerun) failed"
            echo "job rerun the same day: $(grep '^clock ' "$OUT/job-rerun.log")" | tee -a "$OUT/job.txt" >&2
        fi
        # back to the state before the run (the index keeps the closures: the job does not read it)
        sql -c "update ticket t set status = w.status, sub_status = w.sub_status, waiting_since = w.waiting_since,
                    reminded = w.reminded, updated_at = w.updated_at, closed_at = w.closed_at, version = w.version
                from bench_waiting w where w.id = t.id;
                delete from ticket_exchange where id > (select exchange from bench_marks);
                delete from outbox_message where id > (select outbox from bench_marks)"
    done
fi

# profile LABEL MODE FILE LOG: the load of --users users (12 s warm-up + 30 s); meanwhile, from 15 s
# on, 80 thread dumps of the application 0.25 s apart (SIGQUIT: the JVM prints them into its log
# LOG, no other JVM is started), summed up by tools/stacks.py into stacks-LABEL.md (PW, PD,
# DUMPS_AFTER, DUMPS: shorter in smoke mode)
profile() {
    local label="$1" mode="$2" file="$3" logf="$4" from
    wait_quiet
    from=$(wc -l < "$logf")
    (
        sleep "$DUMPS_AFTER"
        for _ in $(seq 1 "$DUMPS"); do kill -QUIT "$APP_PID" 2>/dev/null || break; sleep 0.25; done
    ) &
    local sampler=$!
    LOAD_NO_WAIT=1 load "profiled $label $USERS users" "$mode" "$USERS" "$PW" "$PD" "$file"
    wait "$sampler" 2>/dev/null || true
    tail -n +"$((from + 1))" "$logf" | python3 "$HERE/tools/stacks.py" > "$OUT/stacks-$label.md" || log "stacks of $label failed"
    head -24 "$OUT/stacks-$label.md" >&2
}

if step diagnose; then
    sql -F $'\t' -c "
        select distinct on (c.establishment_id) 'gch_bench_' || c.account_id, c.establishment_id, c.product_id,
            (select name from product_domain d where d.product_id = c.product_id order by id limit 1)
        from correspondent c join installed_version i using (establishment_id, product_id)
        where c.establishment_id <= 64 order by c.establishment_id, c.account_id" > "$OUT/filers.tsv"
    busy="$(sql -c "
        with c as (select distinct account_id, establishment_id, product_id from correspondent)
        select a.email from c join ticket t on t.establishment_id = c.establishment_id and t.product_id = c.product_id
            join account a on a.id = c.account_id group by a.email order by count(*) desc limit $USERS")"
    : > "$OUT/d-requester.tsv"; for e in $busy; do printf 'session:%s\t/demandes\t\n' "$e" >> "$OUT/d-requester.tsv"; done
    : > "$OUT/d-agent.tsv"
    for e in $(sql -c "select email from account where agent and id in (1, 9, 17, 25, 33, 2, 10, 18) order by (id - 1) % 8, id"); do
        printf 'session:%s\t/agence/demandes\t\n' "$e" >> "$OUT/d-agent.tsv"
    done
    start_app "$OUT/app-diagnose.log"
    profile create create "$OUT/filers.tsv" "$OUT/app-diagnose.log"
    profile agent get "$OUT/d-agent.tsv" "$OUT/app-diagnose.log"
    profile requester get "$OUT/d-requester.tsv" "$OUT/app-diagnose.log"
    stop_app
    sql -c "explain (analyze, buffers) select * from ticket where status in ('ARS', 'AVS') and waiting_since is not null order by id" \
        > "$OUT/job-explain.txt"
fi

if step whatif; then
    [[ -f "$OUT/filers.tsv" ]] || sql -F $'\t' -c "
        select distinct on (c.establishment_id) 'gch_bench_' || c.account_id, c.establishment_id, c.product_id,
            (select name from product_domain d where d.product_id = c.product_id order by id limit 1)
        from correspondent c join installed_version i using (establishment_id, product_id)
        where c.establishment_id <= 64 order by c.establishment_id, c.account_id" > "$OUT/filers.tsv"
    start_app "$OUT/app-whatif.log" --spring.jpa.properties.hibernate.search.indexing.plan.synchronization.strategy=read-sync
    for round in $(seq 1 "$ROUNDS"); do
        load "whatif read-sync: create $USERS users r$round" create "$USERS" $WC $DC "$OUT/filers.tsv"
    done
    load "whatif read-sync: create 16 users" create 16 $WC $DC "$OUT/filers.tsv"
    stop_app
fi

finish
}
