#!/usr/bin/env bash
# Issue 14, "Measured": the agency's queue of change requests and the correspondent's space with
# 1,450 establishment–product pairs and 5,000 pending requests, in PostgreSQL.
#
#   bench/changes/run.sh [--users N] [--pending N] [STEP...]
#
# Steps (default: data pages, in this order):
#   data    drop and re-create the database $BENCH_DB on the server at PGHOST:PGPORT, the schema by the
#           application's Flyway (a start that exits after the context refresh), then generate.sql:
#           1,450 sites, --pending pending change requests (default 5,000) and twice as many decided,
#           8 agents, 8 correspondents of 12 sites each with 40 tickets of theirs per site
#   pages   the application (production profile, 127.0.0.1:$BENCH_PORT, e-mails to an SMTP sink of the
#           script's own), then bench/helpdesk/tools/Load.java: p50/p95/p99 of GET /agence/modifications
#           (an agent: the queue's first page), GET /agence/modifications?page=N (a random page of the
#           queue) and GET /espace-correspondant (a correspondent of 12 sites), each at 1 user (5 s
#           warm-up + 20 s) and --users users (default 8; 10 s + 30 s) without think time, each user
#           signed in with his own account
#
# Before each measurement the script waits (at most BENCH_QUIET_WAIT s, default 120) for the machine
# to be quiet and records its load (machine-load.txt). The application and the load client run niced
# (BENCH_NICE, default -10, in their own autogroup). Results: bench/results/changes-<timestamp>/
# (git-ignored): summary.tsv and summary.txt, logs. Requires: bash, curl, psql reaching PostgreSQL
# (PGHOST/PGPORT/PGUSER, default localhost:5432, postgres, allowed to create databases), JDK 17.
# The jar: GUICHET_JAR, else the working tree is built (./mvnw -q -o -DskipTests package).
#
# BENCH_SMOKE=1 (bench/smoke.sh): a check of the script, not a measurement: 300 pending requests,
# 2 users, each load run 1 s + 2 s, the application on C1 only, its own database
# guichet_bench_changes_smoke (dropped at the end; a copy of the schema bench/smoke.sh made, when it
# names one in BENCH_SCHEMA_DB), no waiting for a quiet machine; at the end every
# figure of summary.tsv is checked to be a number and each scenario to have counted requests.
set -euo pipefail
{

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROJECT="$(cd "$HERE/../.." && pwd)"

: "${JAVA17_HOME:=/usr/lib/jvm/java-17-openjdk-amd64}"
: "${BENCH_JAVA:=$JAVA17_HOME/bin/java}"
: "${BENCH_SMOKE:=0}"
if [[ "$BENCH_SMOKE" == 1 ]]; then
    : "${BENCH_DB:=guichet_bench_changes_smoke}" "${BENCH_PORT:=18099}" "${BENCH_SMTP_PORT:=2543}" "${BENCH_QUIET_WAIT:=0}"
fi
GIVEN_JAR="${GUICHET_JAR:-}"
: "${GUICHET_JAR:=$PROJECT/target/guichet-0.1.0-SNAPSHOT.jar}"
: "${BENCH_DB:=guichet_bench_changes}"
: "${BENCH_PORT:=18098}"
: "${BENCH_SMTP_PORT:=2541}"
: "${BENCH_PASSWORD:=Bench changes password 2026}"
: "${BENCH_NICE:=-10}"
: "${BENCH_QUIET_WAIT:=120}"
: "${PGHOST:=localhost}" "${PGPORT:=5432}" "${PGUSER:=postgres}"
export PGHOST PGPORT PGUSER

USERS=8
PENDING=5000
W1=5 D1=20 W8=10 D8=30
SMOKE_JVM_OPTS=()
if [[ "$BENCH_SMOKE" == 1 ]]; then
    SMOKE_JVM_OPTS=(-XX:TieredStopAtLevel=1)
    USERS=2 PENDING=300 W1=1 D1=2 W8=1 D8=2
fi
STEPS=()
while (( $# )); do
    case "$1" in
        --users) USERS="$2"; shift 2 ;;
        --pending) PENDING="$2"; shift 2 ;;
        -h|--help) sed -n '2,/^set -euo/{/^#/p}' "$0"; exit 0 ;;
        data|pages) STEPS+=("$1"); shift ;;
        *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
    esac
done
(( ${#STEPS[@]} )) || STEPS=(data pages)
[[ "$USERS" =~ ^[0-9]+$ ]] && (( USERS >= 1 && USERS <= 8 )) || { echo "--users: 1..8 (8 agents and 8 correspondents are generated)" >&2; exit 2; }
[[ "$PENDING" =~ ^[0-9]+$ ]] && (( PENDING >= 100 && PENDING <= 200000 )) || { echo "--pending: 100..200000" >&2; exit 2; }
step() { local s; for s in "${STEPS[@]}"; do [[ $s == "$1" ]] && return 0; done; return 1; }

OUT="$PROJECT/bench/results/changes-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
"$HERE/../machine-facts.sh" > "$OUT/machine.txt"
APP="$OUT/app"
DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_DB"
BASE="http://127.0.0.1:$BENCH_PORT"

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" | tee -a "$OUT/run.log" >&2; }
die() { log "ERROR: $*"; exit 1; }

APP_PID=""
SINK_PID=""
cleanup() {
    [[ -n "$APP_PID" ]] && stop_app
    if [[ -n "$SINK_PID" ]]; then kill -TERM "$SINK_PID" 2>/dev/null; wait "$SINK_PID" 2>/dev/null || true; fi
    rm -rf -- "$APP"
    if [[ "$BENCH_SMOKE" == 1 ]]; then psql -X -q -d postgres -c "drop database if exists $BENCH_DB with (force)" 2>/dev/null || true; fi
    return 0
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- machine state (bench/machine.sh) --------------------------------------------------------

# shellcheck source=../machine.sh
source "$HERE/../machine.sh"

NICED=(setsid bash -c 'echo "$0" > /proc/self/autogroup 2>/dev/null || true; exec nice -n "$0" "$@"' "$BENCH_NICE")

# ---- the application ------------------------------------------------------------------------

prepare_app() {
    if [[ -z "$GIVEN_JAR" || ! -f "$GUICHET_JAR" ]]; then
        log "building $GUICHET_JAR"
        (cd "$PROJECT" && ./mvnw -q -o -DskipTests package) || die "build failed"
    fi
    rm -rf "$APP"
    "$BENCH_JAVA" -Djarmode=tools -jar "$GUICHET_JAR" extract --destination "$APP" >/dev/null || die "could not extract $GUICHET_JAR"
    [[ "$(basename "$GUICHET_JAR")" == guichet-0.1.0-SNAPSHOT.jar ]] || mv "$APP/$(basename "$GUICHET_JAR")" "$APP/guichet-0.1.0-SNAPSHOT.jar"
    {
        echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
        echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
        echo "java: $("$BENCH_JAVA" -version 2>&1 | sed -n 2p)"
        echo "postgresql: $(psql -X -Atq -d postgres -c 'show server_version') at $PGHOST:$PGPORT, database $BENCH_DB"
        echo "jar: $GUICHET_JAR ($(stat -c %s "$GUICHET_JAR") bytes, built $(date -u -r "$GUICHET_JAR" +%Y-%m-%dT%H:%M:%SZ))"
        echo "git: $(cd "$PROJECT" && git rev-parse --short HEAD 2>/dev/null || echo '?')$(cd "$PROJECT" && git diff --quiet HEAD -- src pom.xml 2>/dev/null || echo ' (+ uncommitted changes in src/ or pom.xml)')"
    } > "$OUT/machine.txt"
    cat "$OUT/machine.txt" >&2
}

# The production profile from the environment (docs/operations.md); its e-mails to the SMTP sink.
export_app_env() {
    export SPRING_PROFILES_ACTIVE=production GUICHET_DB_URL="$DB_URL" GUICHET_DB_USER="$PGUSER" GUICHET_DB_PASSWORD="${PGPASSWORD:-}" \
        GUICHET_SMTP_HOST=127.0.0.1 GUICHET_SMTP_PORT="$BENCH_SMTP_PORT" GUICHET_BASE_URL="$BASE" \
        GUICHET_SECURE_COOKIES=false GUICHET_INDEX_DIRECTORY="$OUT/index" GUICHET_FILES_DIRECTORY="$OUT/files"
}

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
    (export_app_env; exec "${NICED[@]}" "$BENCH_JAVA" -Xmx1g "${SMOKE_JVM_OPTS[@]}" -jar "$APP/guichet-0.1.0-SNAPSHOT.jar" \
        --server.port="$BENCH_PORT" --server.address=127.0.0.1 --server.servlet.session.cookie.secure=false "$@") > "$logf" 2>&1 &
    APP_PID=$!
    local limit=$(( BENCH_SMOKE == 1 ? 600 : 240 ))
    local deadline=$(( $(date +%s) + limit ))
    until curl -fs -o /dev/null --max-time 2 "$BASE/actuator/health/readiness"; do
        kill -0 "$APP_PID" 2>/dev/null || { tail -40 "$logf" >&2; APP_PID=""; die "the application exited (see $logf)"; }
        (( $(date +%s) < deadline )) || die "the application is not ready after $limit s (see $logf)"
        sleep 0.5
    done
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

# load LABEL USERS WARMUP DURATION FILE: one run of Load.java, its line into summary.tsv
load() {
    local label="$1" users="$2" warmup="$3" duration="$4" file="$5" cpu0
    wait_quiet
    cpu0=$(proc_cpu "$APP_PID")
    mark "$label"
    "${NICED[@]}" "$BENCH_JAVA" -cp "$OUT/tools" Load get "$BASE" "$label" "$users" "$warmup" "$duration" "$file" \
        "$OUT/summary.tsv" "$BENCH_PASSWORD" 2>> "$OUT/load-errors.log" | tee -a "$OUT/run.log" >&2 \
        || { log "$label: failed requests (see load-errors.log)"; LOAD_FAILED=1; }
    mark_end "$label"
    echo "$label: application CPU during the run (warm-up included) $(echo "$(proc_cpu "$APP_PID") - $cpu0" | bc) s" \
        | tee -a "$OUT/machine-load.txt" >&2
}

# ---- steps ----------------------------------------------------------------------------------

prepare_app
mkdir -p "$OUT/tools"
"$JAVA17_HOME/bin/javac" -d "$OUT/tools" "$PROJECT/bench/helpdesk/tools/Load.java" "$PROJECT/bench/helpdesk/tools/SmtpSink.java" \
    || die "could not compile bench/helpdesk/tools/Load.java, SmtpSink.java"
start_smtp_sink
printf 'label\tusers\tmeasured_s\trequests\terrors\tper_s\tp50_ms\tp95_ms\tp99_ms\tmax_ms\n' > "$OUT/summary.tsv"

if step data; then
    if [[ "$BENCH_SMOKE" == 1 && -n "${BENCH_SCHEMA_DB:-}" ]]; then
        log "data: the schema bench/smoke.sh had the application's Flyway make ($BENCH_SCHEMA_DB)"
        psql -X -q -d postgres -v ON_ERROR_STOP=1 -c "drop database if exists $BENCH_DB with (force)" \
            -c "create database $BENCH_DB template $BENCH_SCHEMA_DB" || die "could not create the database $BENCH_DB"
    else
        psql -X -q -d postgres -v ON_ERROR_STOP=1 -c "drop database if exists $BENCH_DB with (force)" -c "create database $BENCH_DB" \
            || die "could not create the database $BENCH_DB"
        log "data: schema by the application's Flyway"
        (export_app_env; exec "$BENCH_JAVA" "${SMOKE_JVM_OPTS[@]}" -Dspring.context.exit=onRefresh -jar "$APP/guichet-0.1.0-SNAPSHOT.jar" \
            --server.port=0 --server.address=127.0.0.1) > "$OUT/flyway.log" 2>&1 || { tail -40 "$OUT/flyway.log" >&2; die "Flyway start failed"; }
    fi
    hash="$("$BENCH_JAVA" -cp "$APP/lib/*" "$PROJECT/bench/administration/tools/HashPassword.java" "$BENCH_PASSWORD" | tail -n 1)" \
        || die "could not hash the password"
    log "data: generate.sql, $PENDING pending change requests"
    t0=$(date +%s.%N)
    psql -X -q -d "$BENCH_DB" -v ON_ERROR_STOP=1 -v hash="$hash" -v pending="$PENDING" -f "$HERE/generate.sql" \
        > "$OUT/generate.log" 2>&1 || { tail -20 "$OUT/generate.log" >&2; die "generate.sql failed"; }
    log "data generated in $(echo "$(date +%s.%N) - $t0" | bc | cut -d. -f1) s:"
    sed -n '/what *| *how_many/,$p' "$OUT/generate.log" | grep -v '^Time:\|^$' | tee "$OUT/data.txt" >&2
fi
sql -c "select count(*) from change_request" > /dev/null 2>&1 || die "no database $BENCH_DB: run the data step first"

if step pages; then
    pending="$(sql -c "select count(*) from change_request where status = 'PENDING'")"
    pages=$(( (pending + 49) / 50 ))
    : > "$OUT/s-queue.tsv"; : > "$OUT/s-queue-page.tsv"; : > "$OUT/s-home.tsv"
    for i in $(seq 1 8); do
        printf 'session:agent%s@agence.bench.test\t/agence/modifications\t\n' "$i" >> "$OUT/s-queue.tsv"
        printf 'session:agent%s@agence.bench.test\t/agence/modifications?page={v}\t%s\n' "$i" "$(seq -s ' ' 1 "$pages")" >> "$OUT/s-queue-page.tsv"
        printf 'session:home%s@consortium.bench.test\t/espace-correspondant\t\n' "$i" >> "$OUT/s-home.tsv"
    done
    start_app "$OUT/app-pages.log"
    sql -c "delete from spring_session" > /dev/null
    for s in queue queue-page home; do
        load "$s 1 user" 1 $W1 $D1 "$OUT/s-$s.tsv"
        load "$s $USERS users" "$USERS" $W8 $D8 "$OUT/s-$s.tsv"
    done
    # what one request of each page weighs, as a person would fetch it
    jar="$OUT/cookies.txt"
    for who in agent1@agence.bench.test home1@consortium.bench.test; do
        token="$(curl -fs -c "$jar" -b "$jar" "$BASE/connexion" | sed -n 's/.*<meta name="_csrf" content="\([^"]*\)".*/\1/p' | head -1)"
        curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "email=$who" --data-urlencode "password=$BENCH_PASSWORD" \
            --data-urlencode "_csrf=$token" "$BASE/connexion"
        page=/espace-correspondant; [[ $who == agent* ]] && page=/agence/modifications
        curl -s -o /dev/null -b "$jar" -w "$page as $who: HTTP %{http_code}, %{size_download} bytes\n" "$BASE$page" | tee -a "$OUT/page-sizes.txt" >&2
        rm -f "$jar"
    done
    stop_app
fi

column -t -s $'\t' "$OUT/summary.tsv" | tee "$OUT/summary.txt" >&2
log "results in $OUT"
[[ -z "${LOAD_FAILED:-}" ]] || die "some load runs had failed requests: see $OUT/load-errors.log"
bad="$(awk -F'\t' 'NR > 1 { for (i = 2; i <= NF; i++) if ($i !~ /^-?([0-9]+([.][0-9]+)?|[.][0-9]+)$/) print "not a number: " $0
                            if ($4 <= 0) print "no request counted: " $0 }' "$OUT/summary.tsv")"
[[ -z "$bad" ]] || die "summary.tsv: $bad"
if step pages; then
    for s in queue queue-page home; do grep -q "^$s " "$OUT/summary.tsv" || die "no row of the $s scenario in summary.tsv"; done
fi
exit 0
}
