#!/usr/bin/env bash
# Issue 17, "Measured": posting 1,000 credit movements a second through the API — connected services
# posting with their own client-credentials token (docs/credits.md) — with nothing lost and nothing
# doubled, and the time of a statement of an establishment with many movements.
#
#   bench/credits/run.sh [--clients N]... [--establishments N] [--history N] [--warmup S] [--duration S]
#                        [--prime S] [--heap SIZE] [--dumps N] [-- APPLICATION ARGUMENTS...]
#
# 1. Data: drops and re-creates the database $BENCH_DB (guichet_bench_credits) on the server at
#    PGHOST:PGPORT, the schema by the application's Flyway (a start that exits after the context
#    refresh), then generate.sql: --establishments establishments (default 200), a platform admin,
#    a catalogue service, and --history movements (default 100,000) of establishment 1 over the last
#    400 days.
# 2. The application (JDK 17, -Xmx --heap (512m), production profile, 127.0.0.1:$BENCH_PORT, niced);
#    the platform admin signs in through the form and registers the catalogue service as a connected
#    service with the scope credits on /administration/services-connectes/{id} (curl), its client id
#    and secret read from the answer page.
# 3. Load (CreditLoad.java, JDK classes only): first --prime s (20) at the largest client count, not
#    measured, so that the first run does not pay for the JIT compilation of the whole path; then at
#    each --clients (default 1, 4 and 8, one run each),
#    --warmup s (10) + --duration s (30) of POST /api/v1/organizations/{random establishment}/credits
#    without think time, each movement with an id of its own, the token fetched by client credentials
#    (scope credits) and fetched again before it expires or on a 401. Each run: movements/s, p50/p95/p99,
#    count, errors, and the CPU of the application, of the database's PostgreSQL backends, of the driver
#    and of every other process meanwhile (other people's work on a shared machine). Then one more run
#    at the last client count, not measured, with --dumps thread dumps (default 10, jcmd Thread.print,
#    every second) into threads/, summed up in threads-summary.txt (what the request threads were doing).
# 4. Checks: the ledger holds exactly as many of the load's movements as the driver got 201s (warm-ups
#    included): nothing lost, nothing doubled; the same 1,000 ids posted twice (4 threads; 201 then 200)
#    leave 1,000 rows.
# 5. Statements of establishment 1 (its --history movements and what the load added), one request at a
#    time, 10 warm-up + 50 measured: the API with the service's token (GET …/credits: the default period,
#    the last 3 full months; and ?period=LAST_12_MONTHS), and the page /organisations/1/points as the
#    platform admin sees it.
#
# Results: bench/results/credits-<timestamp>/ (git-ignored): summary.tsv (one row per load run and per
# statement), checks.txt, summary.txt (both, readable), machine.txt, machine-load.txt, app.log, the
# driver's errors. The database is kept (dropped by the next run). Requires bash, curl, bc, psql
# reaching PostgreSQL (PGHOST/PGPORT/PGUSER, default localhost:5432, postgres, allowed to create
# databases), JDK 17. The jar: GUICHET_JAR, else target/ (built if missing).
#
# BENCH_SMOKE=1 (bench/smoke.sh): a check of the script, not a measurement: 20 establishments, 2,000
# movements of history, 1 and 2 clients, 1 s + 2 s, 100 ids posted twice, statements 2 + 5, one thread
# dump, the application on C1 only, its own database guichet_bench_credits_smoke (dropped at the end;
# a copy of the schema bench/smoke.sh made, when it names one in BENCH_SCHEMA_DB), no waiting for a quiet machine nor for the database's count of transactions (its figure may then
# fall short); every check must pass and every figure be a number.
set -euo pipefail
export LC_NUMERIC=C
if [[ "${BENCH_SMOKE:-0}" == 1 ]]; then
    : "${BENCH_DB:=guichet_bench_credits_smoke}" "${BENCH_PORT:=18101}" "${BENCH_QUIET_WAIT:=0}"
fi
: "${BENCH_DB:=guichet_bench_credits}"
: "${BENCH_PORT:=18100}"
: "${BENCH_QUIET_WAIT:=60}"
: "${BENCH_PASSWORD:=Bench credits password 2026}"
: "${PGHOST:=localhost}" "${PGPORT:=5432}" "${PGUSER:=postgres}"
export PGHOST PGPORT PGUSER
HERE="$(cd "$(dirname "$0")" && pwd)"
source "$HERE/../lib.sh"

CLIENTS=() ESTABLISHMENTS=200 HISTORY=100000 WARMUP=10 DURATION=30 PRIME=20 HEAP=512m DUMPS=10 RETRIES=1000 GETS=50 GET_WARMUP=10
# the pause before reading the database's count of transactions (see measured)
XACT_PAUSE=1
APP_ARGS=()
if [[ "$BENCH_SMOKE" == 1 ]]; then
    ESTABLISHMENTS=20 HISTORY=2000 WARMUP=1 DURATION=2 PRIME=1 DUMPS=1 RETRIES=100 GETS=5 GET_WARMUP=2 XACT_PAUSE=0
fi
while (( $# )); do
    case "$1" in
        --clients) CLIENTS+=("$2"); shift 2 ;;
        --establishments) ESTABLISHMENTS="$2"; shift 2 ;;
        --history) HISTORY="$2"; shift 2 ;;
        --warmup) WARMUP="$2"; shift 2 ;;
        --duration) DURATION="$2"; shift 2 ;;
        --prime) PRIME="$2"; shift 2 ;;
        --heap) HEAP="$2"; shift 2 ;;
        --dumps) DUMPS="$2"; shift 2 ;;
        -h|--help) sed -n '2,/^set -euo/{/^#/p}' "$0"; exit 0 ;;
        --) shift; APP_ARGS+=("$@"); break ;;
        *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
    esac
done
if (( ${#CLIENTS[@]} == 0 )); then
    if [[ "$BENCH_SMOKE" == 1 ]]; then CLIENTS=(1 2); else CLIENTS=(1 4 8); fi
fi
for c in "${CLIENTS[@]}"; do
    [[ "$c" =~ ^[0-9]+$ ]] && (( c >= 1 && c <= 32 )) || { echo "--clients: 1..32" >&2; exit 2; }
done
for v in "$ESTABLISHMENTS" "$HISTORY" "$WARMUP" "$DURATION" "$PRIME" "$DUMPS"; do
    [[ "$v" =~ ^[0-9]+$ ]] || { echo "not a whole number: $v" >&2; exit 2; }
done
(( ESTABLISHMENTS >= 1 && DURATION >= 1 )) || { echo "--establishments and --duration: at least 1" >&2; exit 2; }

OUT="$PROJECT_DIR/bench/results/credits-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
"$HERE/../machine-facts.sh" > "$OUT/machine.txt"
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" | tee -a "$OUT/run.log" >&2; }
die() { log "ERROR: $*"; exit 1; }
source "$HERE/../machine.sh"
JAVA="$JAVA17_HOME/bin/java"
BASE="http://127.0.0.1:$BENCH_PORT"
DRIVER="$HERE/CreditLoad.java"
# the ids of this run's movements start with it: the checks count this run's alone
RUN_ID="$(date +%s)"

sql() { psql -X -Atq -v ON_ERROR_STOP=1 -d "$BENCH_DB" "$@"; }
drop_smoke_db() {
    if [[ "$BENCH_SMOKE" == 1 ]]; then psql -X -q -d postgres -c "drop database if exists $BENCH_DB with (force)" 2>/dev/null || true; fi
}
# lib.sh's cleanup stops the application; then the smoke database goes
trap 'bench_cleanup; drop_smoke_db' EXIT

# ---- the application, extracted (its libraries hash the admin's password) ----------------------
make_work_dir
ensure_jar "$WORK"
"$JAVA" -Djarmode=tools -jar "$GUICHET_JAR" extract --destination "$WORK/x" >/dev/null || die "could not extract $GUICHET_JAR"
APP_JAR="$(ls "$WORK"/x/*.jar | head -1)"
export SPRING_PROFILES_ACTIVE=production GUICHET_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_DB" \
    GUICHET_DB_USER="$PGUSER" GUICHET_DB_PASSWORD="${PGPASSWORD:-}" GUICHET_BASE_URL="$BASE" \
    GUICHET_SMTP_HOST=127.0.0.1 GUICHET_SMTP_PORT=9 GUICHET_SECURE_COOKIES=false \
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
hash="$("$JAVA" -cp "$WORK/x/lib/*" "$PROJECT_DIR/bench/administration/tools/HashPassword.java" "$BENCH_PASSWORD" | tail -n 1)" \
    || die "could not hash the password"
log "data: generate.sql, $ESTABLISHMENTS establishments, $HISTORY movements of establishment 1"
psql -X -q -d "$BENCH_DB" -v ON_ERROR_STOP=1 -v hash="$hash" -v establishments="$ESTABLISHMENTS" -v history="$HISTORY" \
    -f "$HERE/generate.sql" > "$OUT/generate.log" 2>&1 || { tail -20 "$OUT/generate.log" >&2; die "generate.sql failed"; }
sed -n '/what *| *how_many/,$p' "$OUT/generate.log" | grep -v '^Time:\|^$' | tee "$OUT/data.txt" >&2
service="$(sql -c "select id from catalogue_service where code = 'BENCH-CREDITS'")"

# ---- 2. the application, the connected service registered ---------------------------------------
start_app "$JAVA" "$WORK" "$OUT/app.log" -Xmx"$HEAP" -jar "$APP_JAR" --server.servlet.session.cookie.secure=false "${APP_ARGS[@]}"
wait_ready "$APP_PID" || { tail -40 "$OUT/app.log" >&2; die "the application did not start"; }
log "application ready (PID $APP_PID)"

jar="$WORK/admin.cookies"
csrf() { sed -n 's/.*<meta name="_csrf" content="\([^"]*\)".*/\1/p' | head -1; }
token="$(curl -fs -c "$jar" -b "$jar" "$BASE/connexion" | csrf)"
[[ -n "$token" ]] || die "no CSRF token on /connexion"
code="$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -c "$jar" -b "$jar" --data-urlencode "email=admin@agence.bench.test" \
    --data-urlencode "password=$BENCH_PASSWORD" --data-urlencode "_csrf=$token" "$BASE/connexion")"
[[ "$code" == "302 $BASE/" ]] || die "the platform admin's sign-in failed: $code"
token="$(curl -fs -c "$jar" -b "$jar" "$BASE/administration/services-connectes/$service" | csrf)"
[[ -n "$token" ]] || die "no CSRF token on /administration/services-connectes/$service"
page="$(curl -fs -c "$jar" -b "$jar" --data-urlencode "_csrf=$token" --data-urlencode "redirectUris=http://localhost:9/callback" \
    --data-urlencode "scopes=credits" "$BASE/administration/services-connectes/$service")"
client_id="$(sed -n 's/.*data-testid="client-id">\([^<]*\)<.*/\1/p' <<<"$page" | head -1)"
client_secret="$(sed -n 's/.*data-testid="client-secret">\([^<]*\)<.*/\1/p' <<<"$page" | head -1)"
[[ -n "$client_id" && -n "$client_secret" ]] || die "the service could not be registered"
log "connected service $client_id registered with the scope credits"
session="GUICHET_SESSION=$(awk '$6 == "GUICHET_SESSION" {print $7}' "$jar" | tail -1)"
[[ "$session" != "GUICHET_SESSION=" ]] || die "no session cookie for the platform admin"

{
    machine_summary | grep -v '^java25'
    echo "postgresql: $(psql -X -Atq -d postgres -c 'show server_version') at $PGHOST:$PGPORT, database $BENCH_DB"
    echo "application: JDK 17, -Xmx$HEAP, production profile ${SMOKE_JVM_OPTS[*]} ${APP_ARGS[*]}"
    echo "data: $ESTABLISHMENTS establishments, $HISTORY movements of establishment 1"
    echo "load: clients ${CLIENTS[*]}, ${WARMUP}s warm-up + ${DURATION}s each, after ${PRIME}s of priming; BENCH_SMOKE=$BENCH_SMOKE"
} > "$OUT/machine.txt"

# ---- 3. load --------------------------------------------------------------------------------------
# compiled once: the source launcher would compile it again in every run, on the measured CPU
mkdir -p "$WORK/driver"
"$JAVA17_HOME/bin/javac" -d "$WORK/driver" "$DRIVER" || die "could not compile $DRIVER"
driver() { (prioritized "$JAVA" -Xmx256m -cp "$WORK/driver" CreditLoad "$BASE" "$client_id" "$client_secret" "$@"); }
pg_cpu() {
    local p
    for p in $(pgrep -f "postgres: .* $BENCH_DB " || true); do proc_cpu "$p"; done | awk '{s += $1} END {print s + 0}'
}
# transactions committed in the database so far (each statement outside a transaction is one)
pg_xacts() { psql -X -Atq -d postgres -c "select xact_commit from pg_stat_database where datname = '$BENCH_DB'"; }
pct_of() { printf "%.1f" "$(echo "scale=3; 100 * $1 / $2" | bc)"; }
ms_per() { if [[ "$2" == 0 ]]; then echo 0; else printf "%.2f" "$(echo "scale=4; 1000 * $1 / $2" | bc)"; fi; }
HEADER='what\tclients\tper_s\tp50_ms\tp95_ms\tp99_ms\tcount\terrors\tcreated_all\tapp_cpu_pct\tpg_cpu_pct\tdriver_cpu_pct\tothers_cpu_pct\tmachine_busy_pct\tapp_cpu_ms_per_req\tpg_cpu_ms_per_req\tpg_xacts_per_req\n'
printf '%b' "$HEADER" > "$OUT/summary.tsv"

# measured COMMAND... : runs COMMAND (a driver call printing one line) and sets LINE, and the CPU
# each party used meanwhile: APP_CPU PG_CPU DRV_CPU OTHERS_CPU (s), WALL (s), BUSY (% of the machine),
# and XACTS, the transactions the database committed meanwhile (pg_stat_database, updated by the
# backends at most every 0.5 s or so: read after a pause)
measured() {
    local app0 pg0 drv0 t ticks0 ticks1 total0 total1 t0 x0
    sleep "$XACT_PAUSE"; x0="$(pg_xacts)"
    app0="$(proc_cpu "$APP_PID")" pg0="$(pg_cpu)"
    children_cpu; drv0="$CHILDREN_CPU"
    read -r -a t < <(busy_ticks); ticks0="${t[0]}" total0="${t[1]}"
    t0="$(date +%s.%N)"
    LINE="$("$@" 2>> "$OUT/load-errors.log")" || { tail -5 "$OUT/load-errors.log" >&2; die "$*: failed (see $OUT/load-errors.log)"; }
    WALL="$(echo "$(date +%s.%N) - $t0" | bc)"
    read -r -a t < <(busy_ticks); ticks1="${t[0]}" total1="${t[1]}"
    children_cpu
    APP_CPU="$(echo "$(proc_cpu "$APP_PID") - $app0" | bc)"
    PG_CPU="$(echo "$(pg_cpu) - $pg0" | bc)"
    DRV_CPU="$(echo "$CHILDREN_CPU - $drv0" | bc)"
    BUSY=$(( 100 * (ticks1 - ticks0) / (total1 - total0 > 0 ? total1 - total0 : 1) ))
    # what other processes (other people's work, not this benchmark's) used meanwhile
    OTHERS_CPU="$(echo "scale=2; ($ticks1 - $ticks0) / $(getconf CLK_TCK) - $APP_CPU - $PG_CPU - $DRV_CPU" | bc)"
    if (( $(echo "$OTHERS_CPU < 0" | bc) )); then OTHERS_CPU=0; fi
    sleep "$XACT_PAUSE"; XACTS=$(( $(pg_xacts) - x0 ))
}

created_total=0
most="$(printf '%s\n' "${CLIENTS[@]}" | sort -n | tail -1)"
if (( PRIME > 0 )); then
    log "priming: $most clients, ${PRIME}s, not measured (JIT)"
    LINE="$(driver post "$most" 0 "$PRIME" "$ESTABLISHMENTS" "load-$RUN_ID-prime" 2>> "$OUT/load-errors.log")" \
        || die "the priming run failed (see $OUT/load-errors.log)"
    echo "$LINE" > "$OUT/prime-run.tsv"
    read -r _ _ _ _ _ _ _ created_all <<<"$LINE"
    created_total=$(( created_total + created_all ))
fi
for c in "${CLIENTS[@]}"; do
    wait_quiet
    log "load: $c clients, ${WARMUP}s warm-up + ${DURATION}s"
    mark "load-$c"
    measured driver post "$c" "$WARMUP" "$DURATION" "$ESTABLISHMENTS" "load-$RUN_ID-c$c"
    mark_end "load-$c"
    read -r clients per_s p50 p95 p99 count errors created_all <<<"$LINE"
    created_total=$(( created_total + created_all ))
    printf 'post\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$clients" "$per_s" "$p50" "$p95" "$p99" \
        "$count" "$errors" "$created_all" "$(pct_of "$APP_CPU" "$WALL")" "$(pct_of "$PG_CPU" "$WALL")" \
        "$(pct_of "$DRV_CPU" "$WALL")" "$(pct_of "$OTHERS_CPU" "$WALL")" "$BUSY" \
        "$(ms_per "$APP_CPU" "$created_all")" "$(ms_per "$PG_CPU" "$created_all")" \
        "$(printf "%.1f" "$(echo "scale=3; $XACTS / $created_all" | bc)")" >> "$OUT/summary.tsv"
    tail -1 "$OUT/summary.tsv" | tee -a "$OUT/run.log" >&2
done

# where the time goes: one more run at the last client count, not measured (jcmd would weigh on the
# figures), with a thread dump of the application every second once warm
last="${CLIENTS[${#CLIENTS[@]}-1]}"
if (( DUMPS > 0 )); then
    mkdir -p "$OUT/threads"
    log "thread dumps: $DUMPS during a run at $last clients (not measured)"
    (
        sleep 4
        for i in $(seq 1 "$DUMPS"); do
            "$JAVA17_HOME/bin/jcmd" "$APP_PID" Thread.print > "$OUT/threads/c$last-$i.txt" 2>&1 || true
            sleep 1
        done
    ) &
    dumper=$!
    LINE="$(driver post "$last" 2 $(( DUMPS * 3 + 4 )) "$ESTABLISHMENTS" "load-$RUN_ID-dumps" 2>> "$OUT/load-errors.log")" \
        || die "the run with thread dumps failed (see $OUT/load-errors.log)"
    wait "$dumper"
    echo "$LINE" > "$OUT/threads-run.tsv"
    read -r _ _ _ _ _ _ _ created_all <<<"$LINE"
    created_total=$(( created_total + created_all ))
fi

# what the request threads were doing in the dumps (threads-summary.txt): each request thread not
# idle in its pool, by state and its first frame in Guichet's code (or its top frame when none); then
# how many of them had each of a few telling frames anywhere on their stack
if compgen -G "$OUT/threads/*.txt" > /dev/null; then
    awk '
        BEGIN {
            nm = split("com.nimbusds|ServiceTokens.authenticate|ApiTokens.authenticate|ConnectedServiceRepository|" \
                "HikariPool.getConnection|org.postgresql|SocketInputStream.read|NioSocketImpl.read|Ledger.post|" \
                "Organizations.find|Ledger.kindCodes|Ledger.find|Ledger.insertRow|Ledger.lastId|commit|" \
                "jackson|SessionRepositoryFilter|ObservationFilter|org.hibernate|logback", marker, "|")
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
    head -20 "$OUT/threads-summary.txt" >&2
fi

# ---- 4. checks ------------------------------------------------------------------------------------
origin="service:$client_id"
rows="$(sql -c "select count(*) from credit_movement where origin = '$origin' and origin_ref like 'load-$RUN_ID-%'")"
distinct="$(sql -c "select count(distinct origin_ref) from credit_movement where origin = '$origin' and origin_ref like 'load-$RUN_ID-%'")"
log "ledger: $rows movements of the load ($distinct distinct ids) for $created_total 201s"
log "retry: $RETRIES ids posted twice"
LINE="$(driver retry "$RETRIES" "retry-$RUN_ID" 2>> "$OUT/load-errors.log")" || die "the retry check failed (see $OUT/load-errors.log)"
read -r first_201 first_other second_200 second_other <<<"$LINE"
retry_rows="$(sql -c "select count(*) from credit_movement where origin = '$origin' and origin_ref like 'retry-$RUN_ID-%'")"
{
    echo "load: 201s (warm-ups included): $created_total"
    echo "load: movements in the ledger: $rows"
    echo "load: distinct ids in the ledger: $distinct"
    echo "retry: first pass, 201: $first_201"
    echo "retry: first pass, anything else: $first_other"
    echo "retry: second pass, 200: $second_200"
    echo "retry: second pass, anything else: $second_other"
    echo "retry: movements in the ledger: $retry_rows"
    echo "establishment 1: movements in the ledger: $(sql -c "select count(*) from credit_movement where organization_id = 1")"
} > "$OUT/checks.txt"
bad=()
(( rows == created_total )) || bad+=("the ledger holds $rows of the load's movements for $created_total 201s")
(( distinct == rows )) || bad+=("$rows rows for $distinct ids")
(( first_201 == RETRIES && first_other == 0 )) || bad+=("retry, first pass: $first_201 201s, $first_other other answers")
(( second_200 == RETRIES && second_other == 0 )) || bad+=("retry, second pass: $second_200 200s, $second_other other answers")
(( retry_rows == RETRIES )) || bad+=("retry: $retry_rows rows for $RETRIES ids posted twice")

# ---- 5. statements of establishment 1 -------------------------------------------------------------
for what in statement-api statement-api-12m statement-page; do
    case "$what" in
        statement-api) args=("/api/v1/organizations/1/credits") ;;
        statement-api-12m) args=("/api/v1/organizations/1/credits?period=LAST_12_MONTHS") ;;
        statement-page) args=("/organisations/1/points" "$session") ;;
    esac
    wait_quiet
    mark "$what"
    measured driver get "$GET_WARMUP" "$GETS" "${args[@]}"
    mark_end "$what"
    read -r per_s p50 p95 p99 count bytes <<<"$LINE"
    # (CPU per request: over warm-up and measure, the token's fetch included)
    n=$(( GET_WARMUP + GETS ))
    printf '%s\t1\t%s\t%s\t%s\t%s\t%s\t0\t0\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$what" \
        "$per_s" "$p50" "$p95" "$p99" "$count" \
        "$(pct_of "$APP_CPU" "$WALL")" "$(pct_of "$PG_CPU" "$WALL")" "$(pct_of "$DRV_CPU" "$WALL")" \
        "$(pct_of "$OTHERS_CPU" "$WALL")" "$BUSY" "$(ms_per "$APP_CPU" "$n")" "$(ms_per "$PG_CPU" "$n")" \
        "$(printf "%.1f" "$(echo "scale=3; $XACTS / $n" | bc)")" >> "$OUT/summary.tsv"
    echo "$what: answer size, bytes: $bytes" >> "$OUT/checks.txt"
    tail -1 "$OUT/summary.tsv" | tee -a "$OUT/run.log" >&2
done

column -t -s $'\t' "$OUT/summary.tsv" > "$OUT/summary.txt"
{ echo; cat "$OUT/checks.txt"; echo; cat "$OUT/machine-load.txt" 2>/dev/null | grep -v 'top:' || true; } >> "$OUT/summary.txt"
cat "$OUT/summary.txt" >&2
(( ${#bad[@]} == 0 )) || die "checks failed: $(IFS=';'; echo "${bad[*]}")"
log "checks passed"

# every figure a number, every load run with movements and without error
awk -F'\t' 'NR > 1 { for (i = 2; i <= NF; i++) if ($i !~ /^-?[0-9]*[.]?[0-9]+$/) bad = 1; if ($7 + 0 == 0 || $8 + 0 != 0) bad = 1 }
    END { exit bad }' "$OUT/summary.tsv" || die "a run without figures, or with errors: $OUT/summary.tsv"
(( $(wc -l < "$OUT/summary.tsv") == ${#CLIENTS[@]} + 4 )) || die "a run left no figures: $OUT/summary.tsv"
# shellcheck disable=SC2046 # (the figures: words)
expect_numbers checks.txt $(awk -F': ' '{print $NF}' "$OUT/checks.txt")
log "done: $OUT"
