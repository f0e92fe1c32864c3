#!/usr/bin/env bash
# Issue 16, "Measured": publishing an announcement to 100,000 people — the time until the last e-mail
# is in the outbox, and until it is sent to a local SMTP server; memory stays bounded.
#
#   bench/news/run.sh [--people N] [--heap SIZE] [--dispatch-for S] [--scheduling-pool N] [STEP...]
#                     [-- APPLICATION ARGUMENTS...]
#
# Steps (default: data publish, in this order):
#   data     drop and re-create the database $BENCH_DB on the server at PGHOST:PGPORT, the schema by the
#            application's Flyway (a start that exits after the context refresh), then generate.sql:
#            --people active accounts that asked for the newsletter (default 100,000), members of
#            --people / 1,000 establishments, and the agent agent@agence.bench.test (platform admin, no
#            newsletter)
#   publish  the application (production profile, 127.0.0.1:$BENCH_PORT, -Xmx --heap (512m), GC log,
#            e-mails by SMTP to bench/helpdesk/tools/SmtpSink.java, which accepts and drops them), then
#            the agent signs in through the form and publishes an announcement to everyone through the
#            agents' page (POST /agence/annonces/nouvelle, action=publier, multipart as the browser
#            sends it). From the publish response on, PostgreSQL is read every second (progress.tsv,
#            with the application's RSS and heap, jstat) until
#              (a) its audience is fixed (status SENDING, audience_size = people + 1),
#              (b) everyone is told (status SENT: the last e-mail is in outbox_message),
#              (c) every outbox row is SENT (delivered to the sink),
#            or, with --dispatch-for S, for S seconds after (b) only: the dispatch rate is then measured
#            over that window and the rest extrapolated (the production default, 50 messages every
#            2 s, would take more than an hour for 100,000). Then the checks: one outbox row per
#            newsletter reader and none for anyone else, nobody told twice (no duplicate recipient and
#            subject), the announcement SENT, every recipient row told, and the sink's count.
#            Once everyone is told, a password reset is asked for (the agent's): its e-mail must not
#            wait behind the announcement's (it must leave before the last of them).
#
# Arguments after "--" go to the application, e.g. the mail dispatcher's settings:
#   bench/news/run.sh publish -- --guichet.mail.batch-size=500 --guichet.mail.dispatch-interval=100ms
# --scheduling-pool N sets spring.task.scheduling.pool.size (Spring Boot's default: 1 thread for
# every scheduled job).
#
# The application runs niced (BENCH_NICE, default -10, in its own autogroup); before publishing the
# script waits (at most BENCH_QUIET_WAIT s, default 120) for the machine to be quiet and records its
# load (machine-load.txt). Results: bench/results/news-<timestamp>/ (git-ignored): summary.txt,
# progress.tsv, gc.log, jstat.log, logs. Requires: bash, curl, bc, psql reaching PostgreSQL
# (PGHOST/PGPORT/PGUSER, default localhost:5432, postgres, allowed to create databases), JDK 17.
# The jar: GUICHET_JAR, else the working tree is built (./mvnw -q -o -DskipTests package).
#
# BENCH_SMOKE=1 (bench/smoke.sh): a check of the script and of the sending, not a measurement: 2,000
# people, the dispatcher at 500 messages every 100 ms, the application on C1 only, its own database
# guichet_bench_news_smoke (dropped at the end; a copy of the schema bench/smoke.sh made, when it
# names one in BENCH_SCHEMA_DB), no waiting for a quiet machine; every check above
# must pass and every figure of summary.txt be a number.
set -euo pipefail
{

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROJECT="$(cd "$HERE/../.." && pwd)"

: "${JAVA17_HOME:=/usr/lib/jvm/java-17-openjdk-amd64}"
: "${BENCH_JAVA:=$JAVA17_HOME/bin/java}"
: "${BENCH_SMOKE:=0}"
if [[ "$BENCH_SMOKE" == 1 ]]; then
    : "${BENCH_DB:=guichet_bench_news_smoke}" "${BENCH_PORT:=18097}" "${BENCH_SMTP_PORT:=2547}" "${BENCH_QUIET_WAIT:=0}"
fi
GIVEN_JAR="${GUICHET_JAR:-}"
: "${GUICHET_JAR:=$PROJECT/target/guichet-0.1.0-SNAPSHOT.jar}"
: "${BENCH_DB:=guichet_bench_news}"
: "${BENCH_PORT:=18096}"
: "${BENCH_SMTP_PORT:=2545}"
: "${BENCH_PASSWORD:=Bench news password 2026}"
: "${BENCH_NICE:=-10}"
: "${BENCH_QUIET_WAIT:=120}"
: "${PGHOST:=localhost}" "${PGPORT:=5432}" "${PGUSER:=postgres}"
export PGHOST PGPORT PGUSER

PEOPLE=100000
HEAP=512m
DISPATCH_FOR=""
POOL=""
# a bound on the whole wait (against a hang): 3 h, 10 min in smoke mode
LIMIT=10800
SMOKE_JVM_OPTS=()
APP_ARGS=()
if [[ "$BENCH_SMOKE" == 1 ]]; then
    SMOKE_JVM_OPTS=(-XX:TieredStopAtLevel=1)
    PEOPLE=2000 LIMIT=600
    APP_ARGS=(--guichet.mail.batch-size=500 --guichet.mail.dispatch-interval=100ms)
fi
STEPS=()
while (( $# )); do
    case "$1" in
        --people) PEOPLE="$2"; shift 2 ;;
        --heap) HEAP="$2"; shift 2 ;;
        --dispatch-for) DISPATCH_FOR="$2"; shift 2 ;;
        --scheduling-pool) POOL="$2"; shift 2 ;;
        -h|--help) sed -n '2,/^set -euo/{/^#/p}' "$0"; exit 0 ;;
        data|publish) STEPS+=("$1"); shift ;;
        --) shift; APP_ARGS+=("$@"); break ;;
        *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
    esac
done
(( ${#STEPS[@]} )) || STEPS=(data publish)
[[ "$PEOPLE" =~ ^[0-9]+$ ]] && (( PEOPLE >= 100 && PEOPLE <= 1000000 )) || { echo "--people: 100..1000000" >&2; exit 2; }
[[ -z "$DISPATCH_FOR" || "$DISPATCH_FOR" =~ ^[0-9]+$ ]] || { echo "--dispatch-for: seconds" >&2; exit 2; }
[[ -n "$POOL" ]] && APP_ARGS+=(--spring.task.scheduling.pool.size="$POOL")
step() { local s; for s in "${STEPS[@]}"; do [[ $s == "$1" ]] && return 0; done; return 1; }

OUT="$PROJECT/bench/results/news-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
"$HERE/../machine-facts.sh" > "$OUT/machine.txt"
APP="$OUT/app"
DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_DB"
BASE="http://127.0.0.1:$BENCH_PORT"
JDK_BIN="$(dirname "$(readlink -f "$BENCH_JAVA")")"

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" | tee -a "$OUT/run.log" >&2; }
die() { log "ERROR: $*"; exit 1; }

APP_PID=""
SINK_PID=""
SAMPLER_PID=""
JSTAT_PID=""
cleanup() {
    [[ -n "$SAMPLER_PID" ]] && { kill "$SAMPLER_PID" 2>/dev/null; wait "$SAMPLER_PID" 2>/dev/null || true; }
    [[ -n "$JSTAT_PID" ]] && { kill "$JSTAT_PID" 2>/dev/null; wait "$JSTAT_PID" 2>/dev/null || true; }
    [[ -n "$APP_PID" ]] && stop_app
    stop_sink
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
        echo "application: -Xmx$HEAP ${SMOKE_JVM_OPTS[*]} ${APP_ARGS[*]}"
    } > "$OUT/machine.txt"
    cat "$OUT/machine.txt" >&2
}

# The production profile from the environment (docs/operations.md); its e-mails to the SMTP sink.
export_app_env() {
    export SPRING_PROFILES_ACTIVE=production GUICHET_DB_URL="$DB_URL" GUICHET_DB_USER="$PGUSER" GUICHET_DB_PASSWORD="${PGPASSWORD:-}" \
        GUICHET_SMTP_HOST=127.0.0.1 GUICHET_SMTP_PORT="$BENCH_SMTP_PORT" GUICHET_BASE_URL="$BASE" \
        GUICHET_SECURE_COOKIES=false GUICHET_INDEX_DIRECTORY="$OUT/index" GUICHET_FILES_DIRECTORY="$OUT/files"
}

start_sink() {
    (exec 3<>"/dev/tcp/127.0.0.1/$BENCH_SMTP_PORT") 2>/dev/null && die "port $BENCH_SMTP_PORT is in use (set BENCH_SMTP_PORT)"
    "$BENCH_JAVA" -Xmx64m -cp "$OUT/tools" SmtpSink "$BENCH_SMTP_PORT" >> "$OUT/smtp-sink.log" 2>&1 &
    SINK_PID=$!
    for _ in $(seq 1 50); do grep -q 'smtp sink on' "$OUT/smtp-sink.log" && return 0; sleep 0.1; done
    die "the SMTP sink did not start (see $OUT/smtp-sink.log)"
}

# stops the sink, which prints how many messages it took
stop_sink() {
    [[ -n "$SINK_PID" ]] || return 0
    kill -TERM "$SINK_PID" 2>/dev/null
    wait "$SINK_PID" 2>/dev/null || true
    SINK_PID=""
}

start_app() {
    local logf="$1"; shift
    (exec 3<>"/dev/tcp/127.0.0.1/$BENCH_PORT") 2>/dev/null && die "port $BENCH_PORT is in use (set BENCH_PORT)"
    (export_app_env; exec "${NICED[@]}" "$BENCH_JAVA" -Xmx"$HEAP" -Xlog:gc:file="$OUT/gc.log":uptime,level "${SMOKE_JVM_OPTS[@]}" \
        -jar "$APP/guichet-0.1.0-SNAPSHOT.jar" --server.port="$BENCH_PORT" --server.address=127.0.0.1 \
        --server.servlet.session.cookie.secure=false "$@") > "$logf" 2>&1 &
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

# CPU seconds used so far by the PostgreSQL backends connected to the bench database.
pg_cpu() {
    local p
    for p in $(pgrep -f "postgres: .* $BENCH_DB " || true); do proc_cpu "$p"; done | awk '{s += $1} END {print s + 0}'
}

now() { date +%s.%N; }
elapsed() { echo "$1 - $2" | bc -l | awk '{printf "%.1f", $1}'; }

# ---- steps ----------------------------------------------------------------------------------

prepare_app
mkdir -p "$OUT/tools"
"$JAVA17_HOME/bin/javac" -d "$OUT/tools" "$PROJECT/bench/helpdesk/tools/SmtpSink.java" \
    || die "could not compile bench/helpdesk/tools/SmtpSink.java"

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
    log "data: generate.sql, $PEOPLE people"
    t0=$(now)
    psql -X -q -d "$BENCH_DB" -v ON_ERROR_STOP=1 -v hash="$hash" -v people="$PEOPLE" -f "$HERE/generate.sql" \
        > "$OUT/generate.log" 2>&1 || { tail -20 "$OUT/generate.log" >&2; die "generate.sql failed"; }
    log "data generated in $(elapsed "$(now)" "$t0") s:"
    sed -n '/what *| *how_many/,$p' "$OUT/generate.log" | grep -v '^Time:\|^$' | tee "$OUT/data.txt" >&2
fi
sql -c "select count(*) from account" > /dev/null 2>&1 || die "no database $BENCH_DB: run the data step first"

if step publish; then
    # a database a former run published in: start again from no announcement and an empty outbox
    sql -c "delete from announcement" -c "delete from outbox_message" -c "delete from digest_entry" -c "delete from spring_session" > /dev/null
    readers="$(sql -c "select count(*) from account where status = 'ACTIVE' and newsletter")"
    active="$(sql -c "select count(*) from account where status = 'ACTIVE'")"
    start_sink
    start_app "$OUT/app.log" "${APP_ARGS[@]}"
    log "application ready (PID $APP_PID): $readers newsletter readers among $active active accounts"

    # the agent signs in through the form, as a browser does
    jar="$OUT/cookies.txt"
    token="$(curl -fs -c "$jar" -b "$jar" "$BASE/connexion" | sed -n 's/.*<meta name="_csrf" content="\([^"]*\)".*/\1/p' | head -1)"
    [[ -n "$token" ]] || die "no CSRF token on /connexion"
    code="$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -c "$jar" -b "$jar" --data-urlencode "email=agent@agence.bench.test" \
        --data-urlencode "password=$BENCH_PASSWORD" --data-urlencode "_csrf=$token" "$BASE/connexion")"
    [[ "$code" == "302 $BASE/" ]] || die "the agent's sign-in failed: $code"
    token="$(curl -fs -c "$jar" -b "$jar" "$BASE/agence/annonces/nouvelle" | sed -n 's/.*<meta name="_csrf" content="\([^"]*\)".*/\1/p' | head -1)"
    [[ -n "$token" ]] || die "no CSRF token on /agence/annonces/nouvelle"

    # sampling, every second: the application's RSS and heap (jstat), and the progress in PostgreSQL
    "$JDK_BIN/jstat" -gc -t "$APP_PID" 1000 > "$OUT/jstat.log" 2>&1 &
    JSTAT_PID=$!
    printf 'epoch\tstatus\taudience\ttold\toutbox_rows\toutbox_sent\trss_kb\n' > "$OUT/progress.tsv"
    (
        while kill -0 "$APP_PID" 2>/dev/null; do
            row="$(sql -F $'\t' -c "select coalesce((select status from announcement order by id desc limit 1), '-'),
                    coalesce((select audience_size from announcement order by id desc limit 1), 0),
                    coalesce((select told from announcement order by id desc limit 1), 0),
                    (select count(*) from outbox_message), (select count(*) from outbox_message where status = 'SENT')" 2>/dev/null || true)"
            printf '%s\t%s\t%s\n' "$(date +%s.%N | cut -c1-14)" "${row:--}" "$(ps -o rss= -p "$APP_PID" 2>/dev/null | tr -d ' ')" >> "$OUT/progress.tsv"
            sleep 1
        done
    ) &
    SAMPLER_PID=$!

    wait_quiet
    mark publish
    cpu0=$(proc_cpu "$APP_PID"); pg0=$(pg_cpu)
    title="Lettre d'information de banc $(date +%s)"
    read -r code location < <(curl -s -o /dev/null -w '%{http_code} %{redirect_url}\n' -c "$jar" -b "$jar" -H "X-CSRF-TOKEN: $token" \
        -F "_csrf=$token" -F "title=$title" -F "kind=NEWS" -F "product=" -F "publishAt=" -F "expiresAt=" -F "audience=everyone" \
        -F "body=Bonjour,

L'Agence publie sa **lettre d'information** : les nouveautés du portail, les prochaines formations et les dates à retenir.

- une ligne ;
- une autre." \
        -F "action=publier" "$BASE/agence/annonces/nouvelle")
    t_publish=$(now)
    id="${location##*/agence/annonces/}"
    [[ "$code" == 302 && "$id" =~ ^[0-9]+$ ]] || die "publishing failed: HTTP $code $location"
    log "published: announcement $id ($location); waiting for its audience, its e-mails and their dispatch"

    # the announcement's e-mails: those that link to it
    OF_IT="body ~ '/actualites/$id([^0-9]|\$)'"
    # once everyone is told, someone who forgot his password asks for a link (valid 1 h): an e-mail
    # that cannot wait, behind the announcement's in the outbox
    ask_reset() {
        local j="$OUT/reset-cookies.txt" tk c
        tk="$(curl -fs -c "$j" -b "$j" "$BASE/mot-de-passe-oublie" | sed -n 's/.*<meta name="_csrf" content="\([^"]*\)".*/\1/p' | head -1)"
        c="$(curl -s -o /dev/null -w '%{http_code}' -c "$j" -b "$j" --data-urlencode "email=agent@agence.bench.test" \
            --data-urlencode "_csrf=$tk" "$BASE/mot-de-passe-oublie")"
        t_reset=$(now)
        rm -f "$j"
        [[ "$c" == 200 || "$c" == 302 ]] || die "the password reset request failed: HTTP $c"
        reset_ahead="$(sql -c "select count(*) from outbox_message where status = 'PENDING' and $OF_IT")"
        log "a password reset asked for: $reset_ahead of the announcement's e-mails still to send"
    }
    t_a="" t_b="" t_c="" deadline=$(( $(date +%s) + LIMIT )) window_end=""
    while :; do
        read -r status audience told rows sent < <(sql -F ' ' -c "select status, audience_size, told,
            (select count(*) from outbox_message), (select count(*) from outbox_message where status = 'SENT')
            from announcement where id = $id")
        t=$(now)
        if [[ -z "$t_a" && "$status" != SCHEDULED ]]; then t_a=$t; log "(a) audience fixed: $audience people, $(elapsed "$t" "$t_publish") s after the response"; fi
        if [[ -z "$t_b" && "$status" == SENT ]]; then
            t_b=$t; log "(b) everyone told, $rows e-mails in the outbox: $(elapsed "$t" "$t_publish") s after the response"
            ask_reset
            [[ -n "$DISPATCH_FOR" ]] && window_end=$(( $(date +%s) + DISPATCH_FOR )) && sent_b=$sent && tw_b=$t
        fi
        if [[ -n "$t_b" && "$sent" == "$rows" ]]; then t_c=$t; log "(c) every e-mail sent: $(elapsed "$t" "$t_publish") s after the response"; break; fi
        if [[ -n "$window_end" ]] && (( $(date +%s) >= window_end )); then
            log "dispatch window of $DISPATCH_FOR s over: $sent of $rows sent"; break
        fi
        [[ "$status" == WITHDRAWN ]] && die "the announcement was withdrawn"
        kill -0 "$APP_PID" 2>/dev/null || die "the application exited (see $OUT/app.log)"
        (( $(date +%s) < deadline )) || die "not done after $LIMIT s: $status, told $told of $audience, $sent of $rows e-mails sent"
        sleep 1
    done
    t_end=$(now)
    mark_end publish
    cpu_app=$(echo "$(proc_cpu "$APP_PID") - $cpu0" | bc); cpu_pg=$(echo "$(pg_cpu) - $pg0" | bc)
    kill "$SAMPLER_PID" 2>/dev/null; wait "$SAMPLER_PID" 2>/dev/null || true; SAMPLER_PID=""
    kill "$JSTAT_PID" 2>/dev/null; wait "$JSTAT_PID" 2>/dev/null || true; JSTAT_PID=""
    rss_peak="$(awk -F'\t' 'NR > 1 && $7 > m {m = $7} END {print m + 0}' "$OUT/progress.tsv")"
    stop_app
    stop_sink
    sunk="$(sed -n 's/^smtp sink: \([0-9]*\) messages$/\1/p' "$OUT/smtp-sink.log" | tail -1)"

    # the database's own times (the application's clock, the machine's): when the audience was fixed,
    # the first and last e-mail written, the first and last sent
    read -r fixed first_in last_in first_out last_out < <(sql -F ' ' -c "
        select extract(epoch from a.published_at),
               extract(epoch from min(o.created_at)), extract(epoch from max(o.created_at)),
               coalesce(extract(epoch from min(o.sent_at)), 0), coalesce(extract(epoch from max(o.sent_at)), 0)
        from announcement a, outbox_message o where a.id = $id and o.$OF_IT group by a.published_at")
    reset_sent="$(sql -c "select coalesce(extract(epoch from max(sent_at)), 0) from outbox_message
        where recipient = 'agent@agence.bench.test' and subject not like '%annonce%'")"
    # heap: the highest occupancy jstat saw (S0U + S1U + EU + OU, KB) and the highest after a GC (gc.log)
    heap_peak="$(awk 'NR > 1 && $1 ~ /^[0-9.]+$/ {u = $4 + $5 + $7 + $9; if (u > m) m = u} END {printf "%.0f", m / 1024}' "$OUT/jstat.log")"
    heap_after_gc="$(sed -n 's/.*Pause.*->\([0-9]*\)M(.*/\1/p' "$OUT/gc.log" | sort -n | tail -1)"
    gcs="$(grep -c 'Pause' "$OUT/gc.log" || true)"
    full_gcs="$(grep -c 'Pause Full' "$OUT/gc.log" || true)"
    sent_end="$(sql -c "select count(*) from outbox_message where status = 'SENT' and $OF_IT")"
    rows_end="$(sql -c "select count(*) from outbox_message where $OF_IT")"

    {
        echo "people (newsletter readers): $readers"
        echo "audience (active accounts): $active"
        echo "application settings: -Xmx$HEAP ${APP_ARGS[*]:-(defaults: guichet.mail.batch-size 50, dispatch-interval 2s)}"
        echo "(a) publish response to audience fixed (published_at), s: $(elapsed "$fixed" "$t_publish")"
        echo "(a) publish response to audience fixed (seen by polling), s: $(elapsed "$t_a" "$t_publish")"
        echo "(b) publish response to the last e-mail in the outbox (max created_at), s: $(elapsed "$last_in" "$t_publish")"
        echo "(b) publish response to status SENT (seen by polling), s: $(elapsed "$t_b" "$t_publish")"
        echo "telling: e-mails written per second (first to last created_at): $(echo "($rows_end - 1) / ($last_in - $first_in)" | bc -l | awk '{printf "%.0f", $1}')"
        if [[ -n "$t_c" ]]; then
            echo "(c) publish response to every e-mail sent (max sent_at), s: $(elapsed "$last_out" "$t_publish")"
            echo "(c) publish response to every e-mail sent (seen by polling), s: $(elapsed "$t_c" "$t_publish")"
            echo "dispatch: e-mails sent per second (first to last sent_at): $(echo "($sent_end - 1) / ($last_out - $first_out)" | bc -l | awk '{printf "%.1f", $1}')"
        else
            rate="$(echo "($sent_end - $sent_b) / ($t_end - $tw_b)" | bc -l)"
            [[ "$rate" != 0 ]] || die "no e-mail sent in the $DISPATCH_FOR s after (b)"
            echo "dispatch: e-mails sent per second over the $DISPATCH_FOR s after (b): $(echo "$rate" | awk '{printf "%.1f", $1}')"
            echo "dispatch: e-mails sent by the end of the window (of $rows_end): $sent_end"
            echo "(c) extrapolated: publish response to every e-mail sent at that rate, s: $(echo "$t_end - $t_publish + ($rows_end - $sent_end) / $rate" | bc -l | awk '{printf "%.0f", $1}')"
        fi
        echo "password reset asked for at (b): the announcement's e-mails still to send then: $reset_ahead"
        if [[ "$reset_sent" != 0 ]]; then
            echo "password reset asked for at (b): sent after, s: $(elapsed "$reset_sent" "$t_reset")"
        else
            echo "password reset asked for at (b): still waiting at the end, after s: $(elapsed "$t_end" "$t_reset")"
        fi
        [[ "$first_out" == 0 ]] || echo "first e-mail sent after the publish response, s: $(elapsed "$first_out" "$t_publish")"
        echo "CPU, application, s: $cpu_app"
        echo "CPU, PostgreSQL backends of $BENCH_DB, s: $cpu_pg"
        echo "heap, peak occupancy (jstat, every second), MB: $heap_peak"
        echo "heap, highest after a collection (gc.log), MB: ${heap_after_gc:-0}"
        echo "collections (young and mixed, full): $gcs"
        echo "full collections: $full_gcs"
        echo "RSS, peak (every second), MB: $(( rss_peak / 1024 ))"
        echo "messages the SMTP sink took: ${sunk:-0}"
    } > "$OUT/summary.txt"

    # ---- the checks: every reader once, nobody twice, nobody else ----
    checks="$(sql -F ' ' -c "
        select (select count(*) from outbox_message where $OF_IT),
               (select count(distinct recipient) from outbox_message where $OF_IT),
               (select count(*) from (select recipient, subject from outbox_message group by recipient, subject having count(*) > 1) d),
               (select count(*) from account a where a.status = 'ACTIVE' and a.newsletter
                    and not exists (select 1 from outbox_message o where o.recipient = a.email and o.$OF_IT)),
               (select count(*) from outbox_message o where o.$OF_IT and not exists
                    (select 1 from account a where a.email = o.recipient and a.status = 'ACTIVE' and a.newsletter)),
               (select status from announcement where id = $id),
               (select audience_size from announcement where id = $id),
               (select told from announcement where id = $id),
               (select count(*) from announcement_recipient where announcement_id = $id),
               (select count(*) from announcement_recipient where announcement_id = $id and told_at is null),
               (select count(*) from digest_entry)")"
    read -r n_rows n_distinct n_dup n_missing n_stray a_status a_size a_told n_recipients n_untold n_digest <<< "$checks"
    {
        echo "check: outbox rows of the announcement: $n_rows (newsletter readers: $readers)"
        echo "check: distinct recipients: $n_distinct; duplicate (recipient, subject): $n_dup"
        echo "check: readers without an e-mail: $n_missing; e-mails to anyone else: $n_stray; digest entries: $n_digest"
        echo "check: announcement $a_status, audience $a_size, told $a_told; recipient rows $n_recipients, untold $n_untold"
    } >> "$OUT/summary.txt"
    bad=()
    (( n_rows == readers )) || bad+=("$n_rows outbox rows for $readers readers")
    (( n_distinct == readers )) || bad+=("$n_distinct distinct recipients for $readers readers")
    (( n_dup == 0 )) || bad+=("$n_dup people told twice")
    (( n_missing == 0 )) || bad+=("$n_missing readers without an e-mail")
    (( n_stray == 0 )) || bad+=("$n_stray e-mails to people who did not ask for the newsletter")
    (( n_digest == 0 )) || bad+=("$n_digest digest entries")
    [[ "$a_status" == SENT ]] || bad+=("the announcement is $a_status, not SENT")
    (( a_size == active && a_told == active && n_recipients == active && n_untold == 0 )) \
        || bad+=("audience $a_size, told $a_told, $n_recipients recipient rows ($n_untold untold) for $active active accounts")
    if [[ -n "$t_c" ]]; then
        (( sent_end == readers )) || bad+=("$sent_end e-mails sent for $readers readers")
        (( ${sunk:-0} == readers + 1 )) || bad+=("the SMTP sink took ${sunk:-0} messages for $readers readers and a password reset")
        [[ "$reset_sent" != 0 ]] || bad+=("the password reset was not sent")
        # it does not wait behind the announcement's (with a backlog to overtake)
        if (( reset_ahead >= 1000 )) && [[ "$(echo "$reset_sent < $last_out" | bc)" != 1 ]]; then
            bad+=("the password reset left after the announcement's last e-mail: it waited behind them")
        fi
    fi
    (( ${#bad[@]} == 0 )) || die "checks failed: $(IFS=';'; echo "${bad[*]}")"
    log "checks passed"
fi

cat "$OUT/summary.txt" >&2
log "results in $OUT"
# every figure of summary.txt is a number
bad="$(grep -v '^check:\|^application settings' "$OUT/summary.txt" | awk -F': ' '$NF !~ /^-?([0-9]+([.][0-9]+)?|[.][0-9]+)$/ {print}')"
[[ -z "$bad" ]] || die "summary.txt: not a number: $bad"
exit 0
}
