#!/usr/bin/env bash
# Issue 19, "Measured": 2,000 people registering in the first minute of a popular event — registrations
# per second and p95, nobody over capacity.
#
#   bench/events/run.sh [--people N] [--capacity N] [--clients N]... [--flow browser|post]... [--prime N]
#                       [--signin-threads N] [--heap SIZE] [--dumps N] [--drain S] [-- APPLICATION ARGUMENTS...]
#
# 1. Data: drops and re-creates the database $BENCH_DB (guichet_bench_events) on the server at
#    PGHOST:PGPORT, the schema by the application's Flyway (a start that exits after the context
#    refresh), then generate.sql: --people members (default 2,000), each a confirmed member of one of
#    people / 100 establishments, and an agent. Then one event per run below, each "for everyone",
#    without anyone's agreement asked, with one session in a month of --capacity places (default 500:
#    1,500 wait), registrations opening tomorrow (each run opens its own, see 4).
# 2. The application (JDK 17, -Xmx --heap (512m), production profile: PostgreSQL, sessions in
#    PostgreSQL (Spring Session JDBC), e-mails by SMTP to bench/helpdesk/tools/SmtpSink.java on
#    $BENCH_SMTP_PORT, which takes and drops them; the mail dispatcher at its defaults, 50 every 2 s),
#    127.0.0.1:$BENCH_PORT, niced.
# 3. Sign-in, not measured (its cost, an Argon2id verification each, is not what the issue asks):
#    every member signs in through the form beforehand (EventCrowd.java signin, --signin-threads at a
#    time, default 4), and keeps his session and its CSRF token.
# 4. Runs: first --prime people (default 300) register for an event of their own at the largest client
#    count, not measured (the JIT compiles the path). Then for each --clients (default 16 and 50) and
#    each --flow (default browser): the run's event opens (its opens_at set to now) and all the members
#    register for its session, shared by N clients without think time, each client taking the next
#    person as soon as it is done (EventCrowd.java crowd; a closed model: the crowd arrives as fast as
#    the portal lets it in, all of it at the opening). The flow "browser" is what a browser does: the
#    event's page (the form and its token), the POST /evenements/{id}/inscription with the session,
#    and the page it redirects to, which says "place confirmée" or "n° k sur la liste d'attente";
#    "post" is the POST alone, the page having been opened before. Figures: registrations/s (the
#    302s over the time from the opening to the last POST answered), p50/p95/p99/max of the POST, by
#    outcome too (confirmed: the convocation's PDF and invitation written in the transaction; waiting),
#    the p95 of the pages and of a person's whole visit, when the last place went and when the last
#    person was done, the serialised time per registration (the gaps between consecutive registered_at,
#    taken under the session's row lock), the backends waiting on a lock (pg_stat_activity every
#    0.5 s, plus the time psql takes), and the CPU of the portal, of the database's backends, of the driver and of every other
#    process meanwhile. Before each run the outbox is drained (at most --drain s, default 300) and the
#    machine left to calm down (BENCH_QUIET_WAIT s at most, default 60).
#    Then, with --dumps N (default 5), one more run at the largest client count, browser flow, not
#    measured, with N thread dumps of the portal (jcmd Thread.print, one a second), summed up in
#    threads-summary.txt.
# 5. Checks, for every run's event (the script fails otherwise): every member registered exactly once
#    and nobody else; exactly --capacity CONFIRMED (or everyone, if fewer) and the rest WAITING; no
#    place given to someone who came after someone who waits; the waiting list's ranks as told in the
#    e-mails are 1..n, without gap or duplicate, each his place in the list (queued_at, id); every
#    confirmed person has exactly one convocation e-mail in the outbox (outbox_message) with the PDF
#    and the calendar invitation attached, every waiting person one e-mail saying his rank, nobody any
#    other e-mail about it; in the browser flow, what the page said to each (confirmed, or his rank)
#    is what the database holds; no error. At the end, every e-mail of the outbox sent and taken by the
#    sink.
#
# Results: bench/results/events-<timestamp>/ (git-ignored): summary.tsv and summary.txt (one row per
# run), checks.txt, machine.txt (CPU model, PostgreSQL, JDK), machine-load.txt, app.log, each run's
# outcomes (outcomes-<run>.tsv: one line per person) and lock samples, threads/. The database is kept
# (dropped by the next run). Requires bash, curl, bc, psql reaching PostgreSQL (PGHOST/PGPORT/PGUSER,
# default localhost:5432, postgres, allowed to create databases), JDK 17. The jar: GUICHET_JAR, else
# target/ (built if missing). Ports: BENCH_PORT (18102; smoke 18103), BENCH_SMTP_PORT (2549; smoke 2551).
#
# BENCH_SMOKE=1 (bench/smoke.sh): a check of the script, not a measurement: 100 people, capacity 25,
# 8 clients, both flows, 10 people of priming, one thread dump (during a crowd of 30), the application
# on C1 only with the dispatcher at 500 e-mails every 100 ms, its own database
# guichet_bench_events_smoke (dropped at the end; a copy of the schema bench/smoke.sh made, when it
# names one in BENCH_SCHEMA_DB), no waiting for a quiet machine; every check must pass and every
# figure be a number.
set -euo pipefail
export LC_NUMERIC=C
if [[ "${BENCH_SMOKE:-0}" == 1 ]]; then
    : "${BENCH_DB:=guichet_bench_events_smoke}" "${BENCH_PORT:=18103}" "${BENCH_SMTP_PORT:=2551}" "${BENCH_QUIET_WAIT:=0}"
fi
: "${BENCH_DB:=guichet_bench_events}"
: "${BENCH_PORT:=18102}"
: "${BENCH_SMTP_PORT:=2549}"
: "${BENCH_QUIET_WAIT:=60}"
: "${BENCH_PASSWORD:=Bench events password 2026}"
: "${PGHOST:=localhost}" "${PGPORT:=5432}" "${PGUSER:=postgres}"
export PGHOST PGPORT PGUSER
HERE="$(cd "$(dirname "$0")" && pwd)"
source "$HERE/../lib.sh"

PEOPLE=2000 CAPACITY=500 CLIENTS=() FLOWS=() PRIME=300 SIGNIN_THREADS=4 HEAP=512m DUMPS=5 DRAIN=300
# the crowd of the thread dumps' run: everyone (a smoke run: the first 30, it only checks the step)
DUMP_PEOPLE=0
APP_ARGS=()
if [[ "$BENCH_SMOKE" == 1 ]]; then
    PEOPLE=100 CAPACITY=25 PRIME=10 DUMPS=1 DRAIN=120 DUMP_PEOPLE=30
    APP_ARGS=(--guichet.mail.batch-size=500 --guichet.mail.dispatch-interval=100ms)
fi
while (( $# )); do
    case "$1" in
        --people) PEOPLE="$2"; shift 2 ;;
        --capacity) CAPACITY="$2"; shift 2 ;;
        --clients) CLIENTS+=("$2"); shift 2 ;;
        --flow) FLOWS+=("$2"); shift 2 ;;
        --prime) PRIME="$2"; shift 2 ;;
        --signin-threads) SIGNIN_THREADS="$2"; shift 2 ;;
        --heap) HEAP="$2"; shift 2 ;;
        --dumps) DUMPS="$2"; shift 2 ;;
        --drain) DRAIN="$2"; shift 2 ;;
        -h|--help) sed -n '2,/^set -euo/{/^#/p}' "$0"; exit 0 ;;
        --) shift; APP_ARGS+=("$@"); break ;;
        *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
    esac
done
if (( ${#CLIENTS[@]} == 0 )); then
    if [[ "$BENCH_SMOKE" == 1 ]]; then CLIENTS=(8); else CLIENTS=(16 50); fi
fi
if (( ${#FLOWS[@]} == 0 )); then
    if [[ "$BENCH_SMOKE" == 1 ]]; then FLOWS=(browser post); else FLOWS=(browser); fi
fi
for c in "${CLIENTS[@]}"; do
    [[ "$c" =~ ^[0-9]+$ ]] && (( c >= 1 && c <= 200 )) || { echo "--clients: 1..200" >&2; exit 2; }
done
for f in "${FLOWS[@]}"; do
    [[ "$f" == browser || "$f" == post ]] || { echo "--flow: browser or post" >&2; exit 2; }
done
for v in "$PEOPLE" "$CAPACITY" "$PRIME" "$SIGNIN_THREADS" "$DUMPS" "$DRAIN"; do
    [[ "$v" =~ ^[0-9]+$ ]] || { echo "not a whole number: $v" >&2; exit 2; }
done
(( PEOPLE >= 10 && PEOPLE <= 100000 )) || { echo "--people: 10..100000" >&2; exit 2; }
(( CAPACITY >= 1 && CAPACITY <= 100000 )) || { echo "--capacity: 1..100000" >&2; exit 2; }
(( PRIME <= PEOPLE && SIGNIN_THREADS >= 1 )) || { echo "--prime: at most --people; --signin-threads: at least 1" >&2; exit 2; }

OUT="$PROJECT_DIR/bench/results/events-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
"$HERE/../machine-facts.sh" > "$OUT/machine.txt"
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" | tee -a "$OUT/run.log" >&2; }
die() { log "ERROR: $*"; exit 1; }
source "$HERE/../machine.sh"
JAVA="$JAVA17_HOME/bin/java"
BASE="http://127.0.0.1:$BENCH_PORT"

sql() { psql -X -Atq -v ON_ERROR_STOP=1 -d "$BENCH_DB" "$@"; }
SINK_PID="" SAMPLER_PID=""
stop_sink() {
    [[ -n "$SINK_PID" ]] || return 0
    kill -TERM "$SINK_PID" 2>/dev/null || true
    wait "$SINK_PID" 2>/dev/null || true
    SINK_PID=""
}
stop_sampler() {
    [[ -n "$SAMPLER_PID" ]] || return 0
    kill "$SAMPLER_PID" 2>/dev/null || true
    wait "$SAMPLER_PID" 2>/dev/null || true
    SAMPLER_PID=""
}
cleanup() {
    stop_sampler
    bench_cleanup
    stop_sink
    if [[ "$BENCH_SMOKE" == 1 ]]; then psql -X -q -d postgres -c "drop database if exists $BENCH_DB with (force)" 2>/dev/null || true; fi
    return 0
}
# lib.sh's cleanup stops the application; then the sink, and the smoke database goes
trap cleanup EXIT

# ---- the application, extracted (its libraries hash the members' password) ----------------------
make_work_dir
ensure_jar "$WORK"
"$JAVA" -Djarmode=tools -jar "$GUICHET_JAR" extract --destination "$WORK/x" >/dev/null || die "could not extract $GUICHET_JAR"
APP_JAR="$(ls "$WORK"/x/*.jar | head -1)"
export SPRING_PROFILES_ACTIVE=production GUICHET_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_DB" \
    GUICHET_DB_USER="$PGUSER" GUICHET_DB_PASSWORD="${PGPASSWORD:-}" GUICHET_BASE_URL="$BASE" \
    GUICHET_SMTP_HOST=127.0.0.1 GUICHET_SMTP_PORT="$BENCH_SMTP_PORT" GUICHET_SECURE_COOKIES=false \
    GUICHET_INDEX_DIRECTORY="$WORK/index" GUICHET_FILES_DIRECTORY="$WORK/files"

# ---- 1. data ------------------------------------------------------------------------------------
if [[ "$BENCH_SMOKE" == 1 && -n "${BENCH_SCHEMA_DB:-}" ]]; then
    log "data: the schema bench/smoke.sh had the application's Flyway make ($BENCH_SCHEMA_DB)"
    psql -X -q -d postgres -v ON_ERROR_STOP=1 -c "drop database if exists $BENCH_DB with (force)" \
        -c "create database $BENCH_DB template $BENCH_SCHEMA_DB" || die "could not create the database $BENCH_DB"
else
    psql -X -q -d postgres -v ON_ERROR_STOP=1 -c "drop database if exists $BENCH_DB with (force)" -c "create database $BENCH_DB" \
        || die "could not create the database $BENCH_DB"
    log "data: schema by the application's Flyway"
    (cd "$WORK" && "$JAVA" "${SMOKE_JVM_OPTS[@]}" -Dspring.context.exit=onRefresh -jar "$APP_JAR" --server.port=0 \
        --server.address=127.0.0.1) > "$OUT/flyway.log" 2>&1 || { tail -40 "$OUT/flyway.log" >&2; die "Flyway start failed"; }
fi
# (its last line: in source-file mode, javac's first use of a time zone loads ical4j's ZoneRulesProvider
# from the application's libraries, which logs a line to standard output before main runs)
hash="$("$JAVA" -cp "$WORK/x/lib/*" "$PROJECT_DIR/bench/administration/tools/HashPassword.java" "$BENCH_PASSWORD" | tail -n 1)" \
    || die "could not hash the password"
[[ "$hash" == '{argon2}'* ]] || die "not a password hash: $hash"
log "data: generate.sql, $PEOPLE members"
psql -X -q -d "$BENCH_DB" -v ON_ERROR_STOP=1 -v hash="$hash" -v people="$PEOPLE" \
    -f "$HERE/generate.sql" > "$OUT/generate.log" 2>&1 || { tail -20 "$OUT/generate.log" >&2; die "generate.sql failed"; }
sed -n '/what *| *how_many/,$p' "$OUT/generate.log" | grep -v '^Time:\|^$' | tee "$OUT/data.txt" >&2
sql -c "select email from account where email like 'membre%' order by id" > "$WORK/people.txt"
(( $(wc -l < "$WORK/people.txt") == PEOPLE )) || die "generate.sql made $(wc -l < "$WORK/people.txt") members, not $PEOPLE"

# new_event LABEL CAPACITY : an event for everyone, opening tomorrow, one session in a month; prints
# "event session"
new_event() {
    sql -F ' ' -v title="Journée des acheteurs publics — banc $1" -v capacity="$2" <<'SQL'
with e as (
    insert into agency_event (title, description, kind, product_id, domains, for_everyone, opens_at, deadline,
        needs_approval, shows_participants, status, announcement_id, created_by, created_at)
    values (:'title', 'Une journée pour les acheteurs des collectivités : **nouveautés** du portail, ateliers, retours d''expérience.',
        'TRAINING', null, '', true, now() + interval '1 day', now() + interval '20 days', false, false, 'PUBLISHED', null, 1,
        now())
    returning id)
insert into event_session (event_id, starts_at, ends_at, place, address, video_link, capacity, sequence, cancelled)
select id, date_trunc('day', now()) + interval '30 days 7 hours', date_trunc('day', now()) + interval '30 days 15 hours',
       'Salle du conseil', '1 place de la Mairie, 35000 Rennes', null, :capacity, 0, false
from e
returning event_id, id;
SQL
}
title_of() { echo "Journée des acheteurs publics — banc $1"; }
# the event opens: its registrations from now on
open_event() { sql -c "update agency_event set opens_at = now() - interval '1 second' where id = $1" > /dev/null; }

RUNS=()
for c in "${CLIENTS[@]}"; do for f in "${FLOWS[@]}"; do RUNS+=("c$c-$f"); done; done
declare -A EVENT SESSION
for label in prime "${RUNS[@]}" dumps; do
    read -r EVENT[$label] SESSION[$label] < <(new_event "$label" "$CAPACITY")
    [[ "${SESSION[$label]}" =~ ^[0-9]+$ ]] || die "could not write the event $label"
done
log "data: events ${RUNS[*]}, capacity $CAPACITY each (and prime, dumps)"

# ---- 2. the SMTP sink, the application -----------------------------------------------------------
mkdir -p "$WORK/tools" "$WORK/driver"
"$JAVA17_HOME/bin/javac" -d "$WORK/tools" "$PROJECT_DIR/bench/helpdesk/tools/SmtpSink.java" \
    || die "could not compile bench/helpdesk/tools/SmtpSink.java"
# compiled once: the source launcher would compile it again in every run, on the measured CPU
"$JAVA17_HOME/bin/javac" -d "$WORK/driver" "$HERE/EventCrowd.java" || die "could not compile EventCrowd.java"
port_free "$BENCH_SMTP_PORT" || die "port $BENCH_SMTP_PORT is in use (set BENCH_SMTP_PORT)"
"$JAVA" -Xmx64m -cp "$WORK/tools" SmtpSink "$BENCH_SMTP_PORT" >> "$OUT/smtp-sink.log" 2>&1 &
SINK_PID=$!
for _ in $(seq 1 50); do grep -q 'smtp sink on' "$OUT/smtp-sink.log" && break; sleep 0.1; done
grep -q 'smtp sink on' "$OUT/smtp-sink.log" || die "the SMTP sink did not start (see $OUT/smtp-sink.log)"

start_app "$JAVA" "$WORK" "$OUT/app.log" -Xmx"$HEAP" -jar "$APP_JAR" --server.servlet.session.cookie.secure=false "${APP_ARGS[@]}"
wait_ready "$APP_PID" || { tail -40 "$OUT/app.log" >&2; die "the application did not start"; }
log "application ready (PID $APP_PID)"

{
    machine_summary | grep -v '^java25'
    echo "postgresql: $(psql -X -Atq -d postgres -c 'show server_version') at $PGHOST:$PGPORT, database $BENCH_DB," \
        "max_connections $(psql -X -Atq -d postgres -c 'show max_connections'), synchronous_commit $(psql -X -Atq -d postgres -c 'show synchronous_commit')"
    echo "application: JDK 17, -Xmx$HEAP, production profile, Hikari's default pool (10), Tomcat's default threads (200) ${SMOKE_JVM_OPTS[*]} ${APP_ARGS[*]}"
    echo "data: $PEOPLE members, capacity $CAPACITY per event"
    echo "runs: ${RUNS[*]}; priming $PRIME people; sign-ins $SIGNIN_THREADS at a time; BENCH_SMOKE=$BENCH_SMOKE"
} > "$OUT/machine.txt"

driver() { (prioritized "$JAVA" -Xmx512m -cp "$WORK/driver" EventCrowd "$BASE" "$@"); }

# ---- 3. sign-in, beforehand -----------------------------------------------------------------------
log "sign-in: $PEOPLE members through the form, $SIGNIN_THREADS at a time (not measured)"
LINE="$(driver signin "$SIGNIN_THREADS" "$BENCH_PASSWORD" "$WORK/people.txt" "$WORK/signed-in.tsv" 2>> "$OUT/load-errors.log")" \
    || { tail -5 "$OUT/load-errors.log" >&2; die "the sign-ins failed (see $OUT/load-errors.log)"; }
read -r signed signin_s signin_per_s <<<"$LINE"
log "sign-in: $signed members in $signin_s s ($signin_per_s/s)"

# ---- 4. runs ----------------------------------------------------------------------------------------
pg_cpu() {
    local p
    for p in $(pgrep -f "postgres: .* $BENCH_DB " || true); do proc_cpu "$p"; done | awk '{s += $1} END {print s + 0}'
}
pct_of() { printf "%.1f" "$(echo "scale=3; 100 * $1 / $2" | bc)"; }
ms_per() { if [[ "$2" == 0 ]]; then echo 0; else printf "%.2f" "$(echo "scale=4; 1000 * $1 / $2" | bc)"; fi; }
pending() { sql -c "select count(*) from outbox_message where status = 'PENDING'"; }
# waits (at most --drain s) for the dispatcher to have sent every e-mail: each run starts from an empty
# outbox, its own e-mails sent during it as in production
drain() {
    local deadline=$(( $(date +%s) + DRAIN )) left
    while left="$(pending)"; (( left > 0 )); do
        (( $(date +%s) < deadline )) || { log "outbox: still $left e-mails to send after ${DRAIN}s; going on"; return 0; }
        sleep 2
    done
}
# the database's backends every 0.5 s: active, waiting for a lock, idle in a transaction
start_sampler() {
    local file="$1"
    printf 'epoch\tbackends\tactive\tlock_waits\tidle_in_transaction\n' > "$file"
    (
        while :; do
            printf '%s\t%s\n' "$(date +%s.%N | cut -c1-14)" "$(psql -X -Atq -F $'\t' -d postgres -c "select count(*),
                count(*) filter (where state = 'active'), count(*) filter (where wait_event_type = 'Lock'),
                count(*) filter (where state like 'idle in transaction%')
                from pg_stat_activity where datname = '$BENCH_DB' and pid <> pg_backend_pid()" 2>/dev/null || echo '-')" >> "$file"
            sleep 0.5
        done
    ) &
    SAMPLER_PID=$!
}

# crowd LABEL CLIENTS FLOW PEOPLE_FILE : opens the event LABEL and lets the people of PEOPLE_FILE in;
# sets LINE (the driver's) and the CPU each party used meanwhile: APP_CPU PG_CPU DRV_CPU OTHERS_CPU
# (s), WALL (s), BUSY (% of the machine)
crowd() {
    local label="$1" clients="$2" flow="$3" people="$4" app0 pg0 drv0 t ticks0 total0 t0
    open_event "${EVENT[$label]}"
    app0="$(proc_cpu "$APP_PID")" pg0="$(pg_cpu)"
    children_cpu; drv0="$CHILDREN_CPU"
    read -r -a t < <(busy_ticks); ticks0="${t[0]}" total0="${t[1]}"
    t0="$(date +%s.%N)"
    LINE="$(driver crowd "$clients" "$flow" "${EVENT[$label]}" "${SESSION[$label]}" "$people" "$OUT/outcomes-$label.tsv" \
        2>> "$OUT/load-errors.log")" || { tail -5 "$OUT/load-errors.log" >&2; die "run $label: people could not register (see $OUT/load-errors.log)"; }
    WALL="$(echo "$(date +%s.%N) - $t0" | bc)"
    read -r -a t < <(busy_ticks)
    children_cpu
    APP_CPU="$(echo "$(proc_cpu "$APP_PID") - $app0" | bc)"
    PG_CPU="$(echo "$(pg_cpu) - $pg0" | bc)"
    DRV_CPU="$(echo "$CHILDREN_CPU - $drv0" | bc)"
    BUSY=$(( 100 * (t[0] - ticks0) / (t[1] - total0 > 0 ? t[1] - total0 : 1) ))
    # what other processes (other people's work, not this benchmark's) used meanwhile
    OTHERS_CPU="$(echo "scale=2; (${t[0]} - $ticks0) / $(getconf CLK_TCK) - $APP_CPU - $PG_CPU - $DRV_CPU" | bc)"
    if (( $(echo "$OTHERS_CPU < 0" | bc) )); then OTHERS_CPU=0; fi
}

HEADER='run\tclients\tflow\tpeople\tregistered\terrors\tspan_s\tper_s\tpost_p50_ms\tpost_p95_ms\tpost_p99_ms\tpost_max_ms'
HEADER+='\tpage_p95_ms\tafter_p95_ms\tperson_p95_ms\tcrowd_s\tconfirmed_post_p95_ms\twaiting_post_p95_ms\tfull_at_s'
HEADER+='\tlocked_confirmed_ms\tlocked_waiting_ms\tlock_waits_avg\tapp_cpu_pct\tpg_cpu_pct\tdriver_cpu_pct\tothers_cpu_pct'
HEADER+='\tmachine_busy_pct\tapp_cpu_ms_per_reg\tpg_cpu_ms_per_reg\n'
printf '%b' "$HEADER" > "$OUT/summary.tsv"
: > "$OUT/checks.txt"
bad=()

# check LABEL FLOW : the database and the outbox after the run LABEL; appends to checks.txt and bad,
# sets CONF_P95 WAIT_P95 FULL_AT LOCKED_C LOCKED_W
check() {
    local label="$1" flow="$2" title
    title="$(title_of "$label")"
    local result
    result="$(psql -X -Atq -v ON_ERROR_STOP=1 -F ' ' -d "$BENCH_DB" -v session="${SESSION[$label]}" -v title="$title" <<SQL
create temp table said (email text, post_status int, page_ms numeric, post_start_ms numeric, post_ms numeric,
    after_ms numeric, outcome text, rank int);
\copy said from '$OUT/outcomes-$label.tsv'
create temp table reg as
    select r.id, r.status, r.queued_at, r.registered_at, a.email,
           case when r.status = 'WAITING'
                then row_number() over (partition by r.status = 'WAITING' order by r.queued_at, r.id) end as place
    from event_registration r join account a on a.id = r.account_id where r.session_id = :session;
create temp table mail as
    select m.id, m.recipient,
           case when m.body like '%Votre place est confirmée%' then 'CONFIRMED'
                when m.body like '%sur la liste d%attente%' then 'WAITING' else 'OTHER' end as kind,
           nullif(regexp_replace(coalesce(substring(m.body from 'n° (.{1,12}?) sur la liste'), ''), '[^0-9]', '', 'g'), '')::int as rank,
           (select count(*) from outbox_attachment f where f.message_id = m.id and f.file_name = 'convocation.pdf'
                and f.content_type = 'application/pdf' and octet_length(f.content) > 1000) as pdfs,
           (select count(*) from outbox_attachment f where f.message_id = m.id and f.file_name = 'invitation.ics') as ics
    from outbox_message m where m.body like '%' || :'title' || '%';
select
    (select count(*) from said),
    (select count(*) from reg),
    (select count(distinct email) from reg),
    (select count(*) from said s where not exists (select 1 from reg r where r.email = s.email)),
    (select count(*) from reg r where not exists (select 1 from said s where s.email = r.email)),
    (select count(*) from reg where status = 'CONFIRMED'),
    (select count(*) from reg where status = 'WAITING'),
    (select count(*) from reg where status not in ('CONFIRMED', 'WAITING')),
    (select count(*) from reg c where c.status = 'CONFIRMED' and exists (select 1 from reg w where w.status = 'WAITING'
        and (w.queued_at, w.id) < (c.queued_at, c.id))),
    (select count(*) from reg r where r.status = 'CONFIRMED'
        and (select count(*) from mail m where m.recipient = r.email and m.kind = 'CONFIRMED' and m.pdfs = 1 and m.ics = 1) = 1),
    (select count(*) from reg r where r.status = 'WAITING'
        and (select count(*) from mail m where m.recipient = r.email and m.kind = 'WAITING' and m.rank = r.place) = 1),
    (select count(*) from mail),
    (select count(*) from mail m where m.kind = 'CONFIRMED' and not exists (select 1 from reg r where r.email = m.recipient
        and r.status = 'CONFIRMED')),
    (select count(distinct rank) from mail where kind = 'WAITING'),
    (select coalesce(min(rank), 0) from mail where kind = 'WAITING'),
    (select coalesce(max(rank), 0) from mail where kind = 'WAITING'),
    (select count(*) from said s join reg r on r.email = s.email where '$flow' = 'browser'
        and (s.outcome <> r.status or coalesce(s.rank, 0) <> coalesce(r.place, 0))),
    (select count(*) from said where post_status <> 302),
    (select coalesce(percentile_disc(0.95) within group (order by s.post_ms), 0) from said s join reg r on r.email = s.email
        where r.status = 'CONFIRMED'),
    (select coalesce(percentile_disc(0.95) within group (order by s.post_ms), 0) from said s join reg r on r.email = s.email
        where r.status = 'WAITING'),
    (select coalesce(round(max(s.post_start_ms + s.post_ms) / 1000, 2), 0) from said s join reg r on r.email = s.email
        where r.status = 'CONFIRMED'),
    (select coalesce(round(avg(gap) filter (where status = 'CONFIRMED'), 2), 0) from (select status,
        extract(epoch from registered_at - lag(registered_at) over (order by id)) * 1000 as gap from reg) g),
    (select coalesce(round(avg(gap) filter (where status = 'WAITING'), 2), 0) from (select status,
        extract(epoch from registered_at - lag(registered_at) over (order by id)) * 1000 as gap from reg) g);
SQL
)" || die "run $label: the checks' queries failed"
    local crowd_n rows distinct missing strays confirmed waiting others out_of_order conv_ok wait_ok mails wrong_conv \
        ranks rmin rmax page_wrong failed
    read -r crowd_n rows distinct missing strays confirmed waiting others out_of_order conv_ok wait_ok mails wrong_conv \
        ranks rmin rmax page_wrong failed CONF_P95 WAIT_P95 FULL_AT LOCKED_C LOCKED_W <<<"$result"
    local want_confirmed=$(( crowd_n < CAPACITY ? crowd_n : CAPACITY ))
    local want_waiting=$(( crowd_n - want_confirmed ))
    {
        echo "$label: people in the crowd: $crowd_n"
        echo "$label: registrations: $rows"
        echo "$label: distinct people registered: $distinct"
        echo "$label: people of the crowd not registered: $missing"
        echo "$label: registrations of anyone else: $strays"
        echo "$label: confirmed: $confirmed"
        echo "$label: waiting: $waiting"
        echo "$label: any other status: $others"
        echo "$label: confirmed although someone earlier waits: $out_of_order"
        echo "$label: confirmed with exactly one convocation e-mail (PDF and invitation attached): $conv_ok"
        echo "$label: waiting with exactly one e-mail telling his place in the list: $wait_ok"
        echo "$label: e-mails about the event: $mails"
        echo "$label: convocations to someone not confirmed: $wrong_conv"
        echo "$label: waiting list ranks told by e-mail, distinct: $ranks"
        echo "$label: waiting list ranks told by e-mail, lowest: $rmin"
        echo "$label: waiting list ranks told by e-mail, highest: $rmax"
        echo "$label: pages saying other than the database: $page_wrong"
        echo "$label: POSTs not answered 302: $failed"
    } >> "$OUT/checks.txt"
    (( rows == crowd_n && distinct == crowd_n && missing == 0 && strays == 0 )) \
        || bad+=("$label: $rows registrations of $distinct people for $crowd_n in the crowd ($missing missing, $strays others)")
    (( confirmed == want_confirmed && waiting == want_waiting && others == 0 )) \
        || bad+=("$label: $confirmed confirmed and $waiting waiting ($others other) for capacity $CAPACITY and $crowd_n people")
    (( out_of_order == 0 )) || bad+=("$label: $out_of_order places given to someone after a person who waits")
    (( conv_ok == confirmed && wrong_conv == 0 )) \
        || bad+=("$label: $conv_ok of $confirmed confirmed with exactly one convocation; $wrong_conv convocations to others")
    (( wait_ok == waiting && ranks == waiting && mails == crowd_n )) \
        || bad+=("$label: $wait_ok of $waiting waiting told their place; $ranks distinct ranks; $mails e-mails for $crowd_n people")
    (( waiting == 0 || (rmin == 1 && rmax == waiting) )) || bad+=("$label: waiting list ranks $rmin..$rmax for $waiting people")
    (( page_wrong == 0 && failed == 0 )) || bad+=("$label: $page_wrong pages said otherwise, $failed POSTs not 302")
}

most="$(printf '%s\n' "${CLIENTS[@]}" | sort -n | tail -1)"
if (( PRIME > 0 )); then
    log "priming: $PRIME people register for an event of their own at $most clients, not measured (JIT)"
    head -n "$PRIME" "$WORK/signed-in.tsv" > "$WORK/prime.tsv"
    crowd prime "$most" browser "$WORK/prime.tsv"
    echo "$LINE" > "$OUT/prime-run.tsv"
    check prime browser
fi

for c in "${CLIENTS[@]}"; do
    for f in "${FLOWS[@]}"; do
        label="c$c-$f"
        drain
        wait_quiet
        log "run $label: the event opens, $PEOPLE people register, $c clients, flow $f"
        mark "$label"
        start_sampler "$OUT/locks-$label.tsv"
        crowd "$label" "$c" "$f" "$WORK/signed-in.tsv"
        stop_sampler
        mark_end "$label"
        check "$label" "$f"
        read -r _ _ people registered errors span per_s p50 p95 p99 pmax page95 after95 person95 crowd_s <<<"$LINE"
        lock_avg="$(awk -F'\t' 'NR > 1 && $4 ~ /^[0-9]+$/ {s += $4; n++} END {printf "%.1f", n ? s / n : 0}' "$OUT/locks-$label.tsv")"
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' \
            "$label" "$c" "$f" "$people" "$registered" "$errors" "$span" "$per_s" "$p50" "$p95" "$p99" "$pmax" \
            "$page95" "$after95" "$person95" "$crowd_s" "$CONF_P95" "$WAIT_P95" "$FULL_AT" "$LOCKED_C" "$LOCKED_W" "$lock_avg" \
            "$(pct_of "$APP_CPU" "$WALL")" "$(pct_of "$PG_CPU" "$WALL")" "$(pct_of "$DRV_CPU" "$WALL")" \
            "$(pct_of "$OTHERS_CPU" "$WALL")" "$BUSY" "$(ms_per "$APP_CPU" "$registered")" "$(ms_per "$PG_CPU" "$registered")" \
            >> "$OUT/summary.tsv"
        log "run $label: $registered registered in ${span}s, $per_s/s, POST p50/p95/p99 $p50/$p95/$p99 ms, $errors errors"
    done
done

# where the time goes: one more crowd at the largest client count, not measured (jcmd would weigh on
# the figures), with a thread dump of the portal every second
if (( DUMPS > 0 )); then
    drain
    mkdir -p "$OUT/threads"
    log "thread dumps: $DUMPS during a crowd at $most clients (not measured)"
    (
        # from the first registration on (the driver's JVM takes a moment to start)
        for _ in $(seq 1 300); do
            (( $(sql -c "select count(*) from event_registration where session_id = ${SESSION[dumps]}") > 0 )) && break
            sleep 0.1
        done
        for i in $(seq 1 "$DUMPS"); do
            "$JAVA17_HOME/bin/jcmd" "$APP_PID" Thread.print > "$OUT/threads/c$most-$i.txt" 2>&1 || true
            sleep 1
        done
    ) &
    dumper=$!
    if (( DUMP_PEOPLE > 0 )); then head -n "$DUMP_PEOPLE" "$WORK/signed-in.tsv"; else cat "$WORK/signed-in.tsv"; fi > "$WORK/dumps.tsv"
    crowd dumps "$most" browser "$WORK/dumps.tsv"
    wait "$dumper"
    echo "$LINE" > "$OUT/dumps-run.tsv"
    check dumps browser
fi

# what the request threads were doing in the dumps (threads-summary.txt): each request thread not idle
# in its pool, by state and its first frame in Guichet's code (or its top frame), then how many had
# each of a few telling frames anywhere on their stack
if compgen -G "$OUT/threads/*.txt" > /dev/null; then
    awk '
        BEGIN {
            nm = split("Registrations.lockSession|Registrations.register|EventMails.confirmed|EventMails.waiting|" \
                "ConvocationPdf|org.apache.pdfbox|SessionCalendar|net.fortuna|MailRenderer|Outbox.write|" \
                "OutboxAttachments.save|EventPages.page|EventPages.register|Events.find|HikariPool.getConnection|" \
                "JdbcIndexedSessionRepository|org.thymeleaf|SocketInputStream.read|NioSocketImpl.read|commit", marker, "|")
        }
        function emit() {
            if (!inreq) return
            inreq = 0
            if (idle) { idles++; return }
            busy++
            n[state " " (ours != "" ? ours : "(top) " top)]++
            for (i = 1; i <= nm; i++) if (index(stack, marker[i])) seen[marker[i]]++
        }
        /^"http-nio-.*-exec-/ { emit(); inreq = 1; idle = 0; state = ""; top = ""; ours = ""; stack = ""; next }
        /^"/ { emit(); next }
        inreq && /java.lang.Thread.State:/ { state = $2; next }
        inreq && /^\tat / {
            f = $2; sub(/\(.*/, "", f); stack = stack " " f
            if (top == "") top = f
            if (ours == "" && f ~ /^fr\.guichet\./) ours = f
            if (f ~ /TaskQueue\.take|TaskQueue\.poll/) idle = 1
            next
        }
        inreq && /^$/ { emit() }
        END {
            emit()
            printf "request threads: %d busy, %d idle in their pool, over all the dumps\n\n", busy, idles
            print "busy threads by state and first frame in fr.guichet (or top frame):"
            for (k in n) printf "%5d  %s\n", n[k], k | "sort -rn"
            close("sort -rn")
            print "\nbusy threads with this frame anywhere on their stack:"
            for (i = 1; i <= nm; i++) printf "%5d  %s\n", seen[marker[i]], marker[i] | "sort -rn"
            close("sort -rn")
        }
    ' "$OUT"/threads/*.txt > "$OUT/threads-summary.txt"
    log "what the request threads were doing (threads-summary.txt):"
    head -24 "$OUT/threads-summary.txt" >&2
fi

# ---- 5. every e-mail sent ---------------------------------------------------------------------------
log "outbox: waiting for the dispatcher to send everything (at most ${DRAIN}s)"
drain
read -r rows sent < <(sql -F ' ' -c "select count(*), count(*) filter (where status = 'SENT') from outbox_message")
stop_app "$APP_PID"
stop_sink
sunk="$(sed -n 's/^smtp sink: \([0-9]*\) messages$/\1/p' "$OUT/smtp-sink.log" | tail -1)"
{
    echo "sign-in beforehand: members: $signed"
    echo "sign-in beforehand: seconds: $signin_s"
    echo "outbox: e-mails: $rows"
    echo "outbox: sent: $sent"
    echo "SMTP sink: messages taken: ${sunk:-0}"
} >> "$OUT/checks.txt"
(( sent == rows && ${sunk:-0} == rows )) || bad+=("$sent of $rows e-mails sent, ${sunk:-0} taken by the sink")

column -t -s $'\t' "$OUT/summary.tsv" > "$OUT/summary.txt"
{ echo; cat "$OUT/checks.txt"; echo; cat "$OUT/machine.txt"; echo; grep -v 'top:' "$OUT/machine-load.txt" 2>/dev/null || true; } >> "$OUT/summary.txt"
cat "$OUT/summary.txt" >&2
(( ${#bad[@]} == 0 )) || die "checks failed: $(IFS=';'; echo "${bad[*]}")"
log "checks passed"

# every figure a number, every run with registrations and without error
awk -F'\t' 'NR > 1 { for (i = 4; i <= NF; i++) if ($i !~ /^-?[0-9]*[.]?[0-9]+$/) bad = 1; if ($5 + 0 == 0 || $6 + 0 != 0) bad = 1 }
    END { exit bad }' "$OUT/summary.tsv" || die "a run without figures, or with errors: $OUT/summary.tsv"
(( $(wc -l < "$OUT/summary.tsv") == ${#RUNS[@]} + 1 )) || die "a run left no figures: $OUT/summary.tsv"
# shellcheck disable=SC2046 # (the figures: words)
expect_numbers checks.txt $(awk -F': ' '{print $NF}' "$OUT/checks.txt")
log "done: $OUT"
