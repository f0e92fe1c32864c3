#!/usr/bin/env bash
# Issue 20, "Two nodes on one PostgreSQL (and one search cluster)": two Guichet nodes behind HAProxy,
# one PostgreSQL database, one OpenSearch node — a bounded load through the proxy, then the checks.
#
#   bench/cluster/run.sh [--users N] [--seconds S] [--registrations N] [--tickets N] [--kills K]
#
# 1. Data: drops and re-creates the database $BENCH_DB (guichet_bench_cluster) on the server at
#    PGHOST:PGPORT (a copy of BENCH_SCHEMA_DB when bench/smoke.sh made one, else the application's
#    Flyway), then bench/helpdesk/generate.sql with --tickets tickets (default 2,000): establishments,
#    correspondents with their API tokens (gch_bench_<id>), agents, members.
# 2. One OpenSearch 2.19 node (codelibs' runner from Maven Central, src/test/opensearch: the tests'
#    own), a mail log (bench/helpdesk/tools/SmtpSink.java given a file: it writes each message's
#    Message-ID and recipients there), two nodes from the jar (JDK 17, the README's options
#    -Xmx512m -XX:G1PeriodicGCInterval=10000 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20, production profile, same database,
#    GUICHET_SEARCH_BACKEND=elasticsearch on that node, each its own port, both dispatching the outbox
#    and both running every scheduled job; the event reminders' cron every 2 s so that both nodes'
#    schedulers meet), and HAProxy on loopback (the configuration written here: round robin, no
#    sticky sessions, health checks on /actuator/health, a header X-Served-By naming the node).
# 3. Load through the proxy: --users correspondents (default 8) file tickets through POST /api/v1/tickets
#    without think time for 5 s + --seconds s (default 30; bench/helpdesk/tools/Load.java); meanwhile
#    --registrations confirmed registrations (default 200) of a session starting in 12 hours are due
#    for their reminder.
# 4. Checks, each printed ok/FAIL (the script fails on any FAIL):
#    session     a person signed in through the proxy stays signed in whichever node serves him
#                (both seen through the proxy), and on each node hit directly with the same cookie
#    throttle    wrong passwords for one account, through the proxy (so on both nodes in turn): the
#                sign-in is refused as "too many" after exactly the allowance of one node (5), on both
#                nodes, even with the right password
#    reminders   every due registration reminded exactly once (one e-mail each at the mail log),
#                although both nodes' schedulers ran the job every 2 s
#    search      a ticket filed on node A is found by a search on node B; the delay is measured
#                (the stated one: none — read-sync: searchable when the request that filed it answers)
#    outbox      after the outbox is drained, each e-mail sent once: every SENT row's Message-ID once
#                at the mail log, nothing else there, nothing left PENDING
#    load        every ticket answered 201, both nodes served some, the tickets in the database
#                are the 201s
# 5. With --kills K (default 0; smoke 1): a node killed under load (docs/reliability.md "A node killed under
#    load"). --users correspondents file tickets through the proxy and add a complement to each one
#    answered, every write with a marker of its own (bench/cluster/tools/CrashLoad.java), while K times,
#    2 to 8 s apart, one node drawn at random is killed with SIGKILL and started again at once (the
#    other carries the load; HAProxy takes the dead one out after two failed checks). Then, once both
#    are up and the outbox is drained, each printed ok/FAIL:
#    crash-tickets      every ticket answered 201 is in the database, none twice; those committed
#                       without an answer (the node died between the commit and the answer) counted
#    crash-complements  the same for the complements (an exchange each)
#    crash-access       meanwhile --users members ask for services, their super admin accepts and then
#                       withdraws each (API): every answered act is in the database, and every request's
#                       acts are in the audit exactly once (the audit listens to events, and a node killed
#                       between its listener's commit and the publication's completion replays it)
#    crash-search       every ticket of the run found by the search, through the proxy (what a killed
#                       node had committed but not indexed is indexed again at its restart)
#    crash-outbox       nothing left PENDING, every SENT row's Message-ID at the mail log; an e-mail
#                       delivered twice (a kill between the server's answer and the row marked SENT)
#                       counted, at most one per kill
#    crash-mails        no e-mail written twice (same recipient, subject and body: a listener replayed)
#    crash-events       no event publication left incomplete (a listener's work lost)
# Results: bench/results/cluster-<timestamp>/: summary.txt, checks.txt, machine.txt, the logs of the two
# nodes, OpenSearch and HAProxy. Stops everything it started. Ports (loopback): BENCH_PORT (18110; the
# proxy), +1 and +2 the nodes, +3 OpenSearch (+103 its transport), +4 the mail log; smoke: 18120...
#
# BENCH_SMOKE=1 (bench/smoke.sh): 300 tickets, 2 users for 1 s + 3 s, 20 registrations, the nodes on
# C1 only, the dispatcher every 200 ms; the database guichet_bench_cluster_smoke is dropped at the end.
set -euo pipefail
export LC_NUMERIC=C
if [[ "${BENCH_SMOKE:-0}" == 1 ]]; then
    : "${BENCH_DB:=guichet_bench_cluster_smoke}" "${BENCH_PORT:=18120}"
fi
: "${BENCH_DB:=guichet_bench_cluster}"
: "${BENCH_PORT:=18110}"
: "${BENCH_PASSWORD:=Bench cluster password 2026}"
: "${PGHOST:=localhost}" "${PGPORT:=5432}" "${PGUSER:=postgres}"
export PGHOST PGPORT PGUSER
HERE="$(cd "$(dirname "$0")" && pwd)"
source "$HERE/../lib.sh"

USERS=8 SECONDS_LOAD=30 WARMUP=5 REGISTRATIONS=200 TICKETS=2000 KILLS=0
APP_ARGS=()
if [[ "$BENCH_SMOKE" == 1 ]]; then
    USERS=2 SECONDS_LOAD=3 WARMUP=1 REGISTRATIONS=20 TICKETS=300 KILLS=1
    # a lock of 30 s: a node killed while dispatching holds the mail back that long, not 5 minutes
    APP_ARGS=(--guichet.mail.batch-size=100 --guichet.mail.dispatch-interval=200ms --guichet.mail.dispatch-lock=PT30S)
fi
while (( $# )); do
    case "$1" in
        --users) USERS="$2"; shift 2 ;;
        --seconds) SECONDS_LOAD="$2"; shift 2 ;;
        --registrations) REGISTRATIONS="$2"; shift 2 ;;
        --tickets) TICKETS="$2"; shift 2 ;;
        --kills) KILLS="$2"; shift 2 ;;
        -h|--help) sed -n '2,/^set -euo/{/^#/p}' "$0"; exit 0 ;;
        *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
    esac
done
for v in "$USERS" "$SECONDS_LOAD" "$REGISTRATIONS" "$TICKETS" "$KILLS"; do
    [[ "$v" =~ ^[0-9]+$ ]] || { echo "not a whole number: $v" >&2; exit 2; }
done
(( USERS >= 1 && USERS <= 64 && REGISTRATIONS >= 1 && REGISTRATIONS <= 2000 && KILLS <= 500 )) \
    || { echo "--users: 1..64; --registrations: 1..2000; --kills: 0..500" >&2; exit 2; }

PROXY_PORT=$BENCH_PORT PORT_A=$((BENCH_PORT + 1)) PORT_B=$((BENCH_PORT + 2)) OS_PORT=$((BENCH_PORT + 3))
SMTP_PORT=$((BENCH_PORT + 4))
PROXY="http://127.0.0.1:$PROXY_PORT" NODE_A="http://127.0.0.1:$PORT_A" NODE_B="http://127.0.0.1:$PORT_B"
OUT="$PROJECT_DIR/bench/results/cluster-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" | tee -a "$OUT/run.log" >&2; }
die() { log "ERROR: $*"; exit 1; }
JAVA="$JAVA17_HOME/bin/java"
T_START=$(date +%s)

sql() { psql -X -Atq -v ON_ERROR_STOP=1 -d "$BENCH_DB" "$@"; }
OTHER_PIDS=()
cleanup() {
    local p
    bench_cleanup
    for p in "${OTHER_PIDS[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
    for p in "${OTHER_PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
    if [[ "$BENCH_SMOKE" == 1 ]]; then psql -X -q -d postgres -c "drop database if exists $BENCH_DB with (force)" 2>/dev/null || true; fi
    return 0
}
trap cleanup EXIT
for p in "$PROXY_PORT" "$PORT_A" "$PORT_B" "$OS_PORT" $((OS_PORT + 100)) "$SMTP_PORT"; do
    port_free "$p" || die "port $p is in use (set BENCH_PORT)"
done
command -v haproxy > /dev/null || die "no haproxy (apt-get install haproxy)"

make_work_dir
ensure_jar "$WORK"
"$JAVA" -Djarmode=tools -jar "$GUICHET_JAR" extract --destination "$WORK/x" > /dev/null || die "could not extract $GUICHET_JAR"
APP_JAR="$(ls "$WORK"/x/*.jar | head -1)"

# ---- OpenSearch, in the background while the data are made ------------------------------------
OS_CLASSPATH="$PROJECT_DIR/target/opensearch.classpath"
if [[ ! -s "$OS_CLASSPATH" ]]; then
    log "opensearch: resolving codelibs' runner (Maven Central) into $OS_CLASSPATH"
    mkdir -p "$PROJECT_DIR/target"
    (cd "$PROJECT_DIR" && ./mvnw -q -B -f src/test/opensearch/pom.xml \
        org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.outputFile="$OS_CLASSPATH") \
        > "$OUT/opensearch-classpath.log" 2>&1 || die "could not resolve OpenSearch (see $OUT/opensearch-classpath.log)"
fi
mkfifo "$WORK/opensearch.in"
exec 7<> "$WORK/opensearch.in"  # its standard input: the node stops when it closes
OS_HEAP=512m; [[ "$BENCH_SMOKE" == 1 ]] && OS_HEAP=384m
"$JAVA" -Xms$OS_HEAP -Xmx$OS_HEAP -cp "$(cat "$OS_CLASSPATH")" "$PROJECT_DIR/src/test/opensearch/OpenSearchNode.java" \
    "$OS_PORT" "$WORK/opensearch" <&7 > "$OUT/opensearch.log" 2>&1 &
OS_PID=$!
OTHER_PIDS+=("$OS_PID")

# ---- 1. data ------------------------------------------------------------------------------------
if [[ "$BENCH_SMOKE" == 1 && -n "${BENCH_SCHEMA_DB:-}" ]]; then
    log "data: the schema bench/smoke.sh had the application's Flyway make ($BENCH_SCHEMA_DB)"
    psql -X -q -d postgres -v ON_ERROR_STOP=1 -c "drop database if exists $BENCH_DB with (force)" \
        -c "create database $BENCH_DB template $BENCH_SCHEMA_DB" || die "could not create the database $BENCH_DB"
else
    psql -X -q -d postgres -v ON_ERROR_STOP=1 -c "drop database if exists $BENCH_DB with (force)" -c "create database $BENCH_DB" \
        || die "could not create the database $BENCH_DB"
    log "data: schema by the application's Flyway"
    (cd "$WORK" && SPRING_PROFILES_ACTIVE=production GUICHET_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_DB" \
        GUICHET_DB_USER="$PGUSER" GUICHET_DB_PASSWORD="${PGPASSWORD:-}" GUICHET_SMTP_HOST=127.0.0.1 GUICHET_BASE_URL="$PROXY" \
        GUICHET_SECURE_COOKIES=false GUICHET_INDEX_DIRECTORY="$WORK/flyway-index" GUICHET_FILES_DIRECTORY="$WORK/files" \
        "$JAVA" "${SMOKE_JVM_OPTS[@]}" -Dspring.context.exit=onRefresh -jar "$APP_JAR" --server.port=0 \
        --server.address=127.0.0.1) > "$OUT/flyway.log" 2>&1 || { tail -40 "$OUT/flyway.log" >&2; die "Flyway start failed"; }
fi
hash="$("$JAVA" -cp "$WORK/x/lib/*" "$PROJECT_DIR/bench/administration/tools/HashPassword.java" "$BENCH_PASSWORD" | tail -n 1)" \
    || die "could not hash the password"
[[ "$hash" == '{argon2}'* ]] || die "not a password hash: $hash"
log "data: bench/helpdesk/generate.sql, $TICKETS tickets"
psql -X -q -d "$BENCH_DB" -v ON_ERROR_STOP=1 -v hash="$hash" -v today="$(date +%F)" -v tickets="$TICKETS" \
    -f "$PROJECT_DIR/bench/helpdesk/generate.sql" > "$OUT/generate.log" 2>&1 || { tail -20 "$OUT/generate.log" >&2; die "generate.sql failed"; }
# one correspondent per establishment (the first 64), with one of his sites: the filers of the load
sql -F $'\t' -c "
    select distinct on (c.establishment_id) 'gch_bench_' || c.account_id, c.establishment_id, c.product_id,
        (select name from product_domain d where d.product_id = c.product_id order by id limit 1)
    from correspondent c join installed_version i using (establishment_id, product_id)
    where c.establishment_id <= 64 order by c.establishment_id, c.account_id" > "$WORK/filers.tsv"
[[ -s "$WORK/filers.tsv" ]] || die "no correspondent to file tickets"
MEMBER="$(sql -c "select email from account where email like 'membre%' order by id limit 1")"
THROTTLED="$(sql -c "select email from account where email like 'membre%' order by id offset 1 limit 1")"

# ---- 2. the mail log, the nodes, the proxy ---------------------------------------------------------
mkdir -p "$WORK/tools"
"$JAVA17_HOME/bin/javac" -d "$WORK/tools" "$PROJECT_DIR/bench/helpdesk/tools/SmtpSink.java" \
    "$PROJECT_DIR/bench/helpdesk/tools/Load.java" "$HERE/tools/CrashLoad.java" || die "could not compile the tools"
: > "$OUT/mails.tsv"
"$JAVA" -Xmx64m -cp "$WORK/tools" SmtpSink "$SMTP_PORT" "$OUT/mails.tsv" > "$OUT/mail-log.log" 2>&1 &
OTHER_PIDS+=("$!")

log "opensearch: waiting for the node (port $OS_PORT)"
for _ in $(seq 1 180); do
    grep -q 'GUICHET-OPENSEARCH-READY' "$OUT/opensearch.log" && break
    kill -0 "$OS_PID" 2>/dev/null || { tail -20 "$OUT/opensearch.log" >&2; die "OpenSearch exited"; }
    sleep 1
done
grep -q 'GUICHET-OPENSEARCH-READY' "$OUT/opensearch.log" || die "OpenSearch not ready after 180 s"
log "opensearch: ready"

export SPRING_PROFILES_ACTIVE=production GUICHET_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_DB" \
    GUICHET_DB_USER="$PGUSER" GUICHET_DB_PASSWORD="${PGPASSWORD:-}" GUICHET_BASE_URL="$PROXY" \
    GUICHET_SMTP_HOST=127.0.0.1 GUICHET_SMTP_PORT="$SMTP_PORT" GUICHET_SECURE_COOKIES=false \
    GUICHET_SEARCH_BACKEND=elasticsearch GUICHET_FILES_DIRECTORY="$WORK/files"
NODE_ARGS=(--spring.jpa.properties.hibernate.search.backend.hosts="127.0.0.1:$OS_PORT"
    --spring.jpa.properties.hibernate.search.backend.protocol=http
    --spring.jpa.properties.hibernate.search.backend.version=opensearch:2.19
    "--guichet.events.reminder-cron=*/2 * * * * *" --server.servlet.session.cookie.secure=false "${APP_ARGS[@]}")
declare -A NODE_PID
# start_node NAME PORT [LOG] : the nodes start one after the other (the first creates the indexes)
start_node() {
    BENCH_PORT="$2"
    mkdir -p "$WORK/node-$1"
    start_app "$JAVA" "$WORK/node-$1" "$OUT/${3:-node-$1}.log" -Xmx512m -XX:G1PeriodicGCInterval=10000 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 \
        -jar "$APP_JAR" "${NODE_ARGS[@]}"
    NODE_PID[$1]="$APP_PID"
    wait_ready "$APP_PID" || { tail -40 "$OUT/node-$1.log" >&2; die "node $1 did not start"; }
    log "node $1 ready on port $2 (PID $APP_PID) in $(echo "$APP_T_READY - $APP_T0" | bc | cut -c1-5) s"
}
start_node a "$PORT_A"
start_node b "$PORT_B"
BENCH_PORT=$PROXY_PORT

cat > "$WORK/haproxy.cfg" <<CFG
global
    maxconn 1000
defaults
    mode http
    timeout connect 5s
    timeout client 60s
    timeout server 60s
    option forwardfor
    # a connection refused (a node just killed, not yet marked down) is tried on the other node: the
    # request never reached the dead one, so trying it again cannot write twice
    retries 2
    option redispatch
frontend portal
    bind 127.0.0.1:$PROXY_PORT
    default_backend nodes
backend nodes
    balance roundrobin
    option httpchk GET /actuator/health
    http-check expect status 200
    http-response set-header X-Served-By %[srv_name]
    server a 127.0.0.1:$PORT_A check inter 1s fall 2 rise 1
    server b 127.0.0.1:$PORT_B check inter 1s fall 2 rise 1
CFG
cp "$WORK/haproxy.cfg" "$OUT/"
haproxy -db -f "$WORK/haproxy.cfg" > "$OUT/haproxy.log" 2>&1 &
OTHER_PIDS+=("$!")
for _ in $(seq 1 50); do curl -fs -o /dev/null "$PROXY/actuator/health" && break; sleep 0.2; done
curl -fs -o /dev/null "$PROXY/actuator/health" || die "HAProxy does not answer on $PROXY"
log "haproxy on $PROXY"

{
    machine_summary | grep -v '^java25'
    echo "postgresql: $(psql -X -Atq -d postgres -c 'show server_version') at $PGHOST:$PGPORT, database $BENCH_DB"
    echo "haproxy: $(haproxy -v | head -1)"
    echo "opensearch: 2.19 (codelibs runner), -Xmx$OS_HEAP"
    echo "nodes: 2 × JDK 17 -Xmx512m -XX:G1PeriodicGCInterval=10000 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 ${SMOKE_JVM_OPTS[*]} ${APP_ARGS[*]}"
    echo "load: $USERS users, ${WARMUP} s + ${SECONDS_LOAD} s; $REGISTRATIONS registrations; $TICKETS tickets; BENCH_SMOKE=$BENCH_SMOKE"
    # what else ran: on 2 cores another build makes every figure of this run meaningless
    echo "load average when the nodes were ready: $(cut -d' ' -f1-3 /proc/loadavg); other processes: $(ps -e --no-headers | wc -l)"
} > "$OUT/machine.txt"

: > "$OUT/checks.txt"
FAILED=0
check() {  # check NAME ok|FAIL DETAIL
    printf '%-10s %-4s %s\n' "$1" "$2" "$3" | tee -a "$OUT/checks.txt" >&2
    [[ "$2" == ok ]] || FAILED=1
}

# ---- session: signed in through the proxy, served by both --------------------------------------
csrf_of() { sed -n 's/.*<meta name="_csrf" content="\([^"]*\)".*/\1/p' | head -1; }
# sign_in JAR EMAIL PASSWORD : through the proxy (the form and the POST may reach different nodes);
# prints "HTTP-code Location served-by"
sign_in() {
    local jar="$1" token
    token="$(curl -fs -c "$jar" -b "$jar" "$PROXY/connexion" | csrf_of)"
    curl -s -o /dev/null -D "$jar.headers" -w '%{http_code} %{redirect_url}' -c "$jar" -b "$jar" \
        --data-urlencode "email=$2" --data-urlencode "password=$3" --data-urlencode "_csrf=$token" "$PROXY/connexion"
    printf ' %s\n' "$(tr -d '\r' < "$jar.headers" | sed -n 's/^[Xx]-[Ss]erved-[Bb]y: //p')"
}
JAR="$WORK/session.jar"
read -r code location _ < <(sign_in "$JAR" "$MEMBER" "$BENCH_PASSWORD")
served="" session_ok=1
for _ in 1 2 3 4 5 6; do
    read -r c node < <(curl -s -o /dev/null -D - -w '%{http_code}\n' -b "$JAR" "$PROXY/compte" | tr -d '\r' \
        | awk 'tolower($1) == "x-served-by:" {n = $2} /^[0-9]+$/ {c = $1} END {print c, n}')
    served+="$node"
    [[ "$c" == 200 ]] || session_ok=0
done
direct=""
for base in "$NODE_A" "$NODE_B"; do direct+=" $(curl -s -o /dev/null -w '%{http_code}' -b "$JAR" "$base/compte")"; done
if [[ "$code" == 302 && "$location" != *connexion* && $session_ok == 1 && "$served" == *a* && "$served" == *b* \
    && "$direct" == " 200 200" ]]; then
    check session ok "signed in through the proxy; /compte 6 times: 200 each, served by $served; each node directly:$direct"
else
    check session FAIL "sign-in $code $location; /compte through the proxy served by '$served' (all 200: $session_ok); directly:$direct"
fi

# ---- throttle: wrong passwords on both nodes, one allowance ---------------------------------------
ALLOWANCE=5
JAR2="$WORK/throttle.jar"
first_refused=0 nodes_seen=""
for i in $(seq 1 $((ALLOWANCE + 2))); do
    # a sign-in is two requests (the form, the POST): one more request every other time, so that the
    # POSTs of round robin alternate between the nodes
    (( i % 2 )) || curl -fs -o /dev/null "$PROXY/actuator/health"
    read -r code location node < <(sign_in "$JAR2" "$THROTTLED" "not the password $i")
    nodes_seen+="$node"
    if [[ "$location" == *'?trop'* ]] && (( first_refused == 0 )); then first_refused=$i; fi
done
right=""
for base in "$NODE_A" "$NODE_B"; do
    token="$(curl -fs -c "$JAR2" -b "$JAR2" "$base/connexion" | csrf_of)"
    right+=" $(curl -s -o /dev/null -w '%{redirect_url}' -c "$JAR2" -b "$JAR2" --data-urlencode "email=$THROTTLED" \
        --data-urlencode "password=$BENCH_PASSWORD" --data-urlencode "_csrf=$token" "$base/connexion" | sed 's/.*?//')"
done
if (( first_refused == ALLOWANCE + 1 )) && [[ "$nodes_seen" == *a* && "$nodes_seen" == *b* && "$right" == " trop trop" ]]; then
    check throttle ok "wrong passwords served by $nodes_seen: refused from attempt $first_refused (allowance $ALLOWANCE); the right password then, on each node:$right"
else
    check throttle FAIL "first refused at attempt $first_refused (allowance $ALLOWANCE), served by $nodes_seen; the right password on each node:$right"
fi

# ---- reminders due, then the load ------------------------------------------------------------------
sql > /dev/null <<SQL
with e as (
    insert into agency_event (title, description, kind, product_id, domains, for_everyone, opens_at, deadline,
        needs_approval, shows_participants, status, announcement_id, created_by, created_at)
    values ('Atelier de banc : deux nœuds', 'Un atelier pour vérifier les rappels.', 'TRAINING', null, '', true,
        now() - interval '10 days', now() + interval '1 day', false, false, 'PUBLISHED', null, 1, now() - interval '10 days')
    returning id),
s as (
    insert into event_session (event_id, starts_at, ends_at, place, address, video_link, capacity, sequence, cancelled)
    select id, now() + interval '12 hours', now() + interval '15 hours', 'Salle du conseil', '1 place de la Mairie, 35000 Rennes',
        null, $REGISTRATIONS, 0, false from e
    returning id)
insert into event_registration (session_id, account_id, establishment_id, status, registered_by, registered_at, queued_at, status_at)
select s.id, a.id, m.organization_id, 'CONFIRMED', a.id, now() - interval '5 days', now() - interval '5 days', now() - interval '5 days'
from s, (select id from account where email like 'membre%' order by id offset 2 limit $REGISTRATIONS) a
    join membership m on m.account_id = a.id;
SQL
log "reminders: $REGISTRATIONS registrations due (both nodes' schedulers every 2 s)"

before=$(sql -c "select count(*) from ticket")
log "load: $USERS users filing tickets through the proxy, ${WARMUP} s + ${SECONDS_LOAD} s"
t0=$(date +%s.%N)
"$JAVA" -Xmx256m -cp "$WORK/tools" Load create "$PROXY" "cluster" "$USERS" "$WARMUP" "$SECONDS_LOAD" "$WORK/filers.tsv" \
    "$OUT/load.tsv" > "$OUT/load.log" 2>&1 || { tail -20 "$OUT/load.log" >&2; die "the load failed"; }
load_s="$(echo "$(date +%s.%N) - $t0" | bc)"
after=$(sql -c "select count(*) from ticket")
filed=$((after - before))
# load.tsv: label, users, measured s, requests, errors, requests/s, p50, p95, p99, max (ms)
read -r ok_count errors per_s p95 < <(awk -F'\t' '{print $4, $5, $6, $8}' "$OUT/load.tsv" | tail -1)
log "load: $filed tickets in $(printf %.1f "$load_s") s; measured: $ok_count answered, $errors errors, ${per_s}/s, p95 ${p95} ms"

# ---- search: filed on A, found on B ------------------------------------------------------------------
IFS=$'\t' read -r token establishment category domain < "$WORK/filers.tsv"
word="zorglub$(date +%s%N | tail -c 7)"
json="{\"categoryId\":$category,\"establishmentId\":$establishment,\"priority\":\"NON_BLOCKING\",\"nature\":\"FUNCTIONAL\",\"domain\":\"$domain\",\"title\":\"Panne $word du module\",\"description\":\"Bonjour, le module $word ne répond plus.\"}"
filed_code="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -H 'Accept: application/json' -H 'Accept-Language: fr' --data "$json" "$NODE_A/api/v1/tickets")"
t_filed=$(date +%s%N) found="" tries=0
while (( tries < 100 )); do
    tries=$((tries + 1))
    found="$(curl -s -H "Authorization: Bearer $token" -H 'Accept: application/json' "$NODE_B/api/v1/tickets?q=$word" \
        | grep -o '"total":[0-9]*' | cut -d: -f2)"
    [[ "${found:-0}" -ge 1 ]] && break
    sleep 0.05
done
search_ms=$(( ($(date +%s%N) - t_filed) / 1000000 ))
if [[ "$filed_code" == 201 && "${found:-0}" == 1 && $tries == 1 ]]; then
    check search ok "filed on node A (201), found on node B at the first search, ${search_ms} ms after the answer"
elif [[ "$filed_code" == 201 && "${found:-0}" == 1 ]]; then
    check search FAIL "filed on node A, found on node B only after $tries searches (${search_ms} ms): read-sync promises the first"
else
    check search FAIL "filed on node A: $filed_code; on node B found ${found:-nothing} after $tries searches"
fi

# ---- reminders and the outbox, once drained -------------------------------------------------------------
deadline=$(( $(date +%s) + 120 ))
while :; do
    due="$(sql -c "select count(*) from event_registration where reminded_at is null and status = 'CONFIRMED'")"
    pending="$(sql -c "select count(*) from outbox_message where status = 'PENDING'")"
    (( due == 0 && pending == 0 )) && break
    (( $(date +%s) < deadline )) || break
    sleep 1
done
sleep 1  # the mail log writes a line when the server answered the DATA: the last one may still be on its way
# mail_log_counts : the outbox's SENT rows against the mail log; prints "sent logged twice missing strangers"
# (Message-IDs logged more than once, SENT but not logged, logged but not in the outbox)
mail_log_counts() {
    sql -c "select message_id from outbox_message where status = 'SENT'" | sort > "$WORK/sent-ids.txt"
    cut -f1 "$OUT/mails.tsv" | sort > "$WORK/logged-ids.txt"
    echo "$(wc -l < "$WORK/sent-ids.txt") $(wc -l < "$WORK/logged-ids.txt") $(uniq -d "$WORK/logged-ids.txt" | wc -l)" \
        "$(comm -23 "$WORK/sent-ids.txt" <(sort -u "$WORK/logged-ids.txt") | wc -l)" \
        "$(comm -13 "$WORK/sent-ids.txt" <(sort -u "$WORK/logged-ids.txt") | wc -l)"
}
read -r sent_rows logged twice missing strangers < <(mail_log_counts)
if (( pending == 0 && twice == 0 && missing == 0 && strangers == 0 && logged == sent_rows && sent_rows > 0 )); then
    check outbox ok "$sent_rows e-mails SENT in the outbox, $logged at the mail log, each once; none left PENDING"
else
    check outbox FAIL "SENT $sent_rows, PENDING $pending; at the mail log $logged lines, $twice Message-IDs more than once, $missing sent but not logged, $strangers logged but not in the outbox"
fi

sql -c "select a.email from event_registration r join account a on a.id = r.account_id where r.reminded_at is not null" \
    | sort > "$WORK/reminded.txt"
reminded="$(wc -l < "$WORK/reminded.txt")"
cut -f2 "$OUT/mails.tsv" | sort | uniq -c | awk '{print $2, $1}' > "$WORK/per-recipient.txt"
once="$(join "$WORK/reminded.txt" <(sort "$WORK/per-recipient.txt") | awk '$2 == 1' | wc -l)"
if (( reminded == REGISTRATIONS && once == REGISTRATIONS )); then
    check reminders ok "$REGISTRATIONS registrations due: $reminded reminded, $once of them with exactly one e-mail at the mail log"
else
    check reminders FAIL "$REGISTRATIONS due: $reminded reminded, $once with exactly one e-mail"
fi

# (Load.java fails the run on any answer but 201: here every request of the load was answered 201)
# (a smoke run on a busy machine may see no request both start and end within its 3 s)
if (( errors == 0 && filed >= ok_count && filed >= 1 )) && { [[ "$BENCH_SMOKE" == 1 ]] || (( ok_count >= 1 )); }; then
    check load ok "$filed tickets filed through the proxy in $(printf %.1f "$load_s") s (measured window: ${per_s}/s, p95 ${p95} ms), no error"
else
    check load FAIL "$filed tickets filed, errors: ${errors:-?}"
fi

# ---- 5. a node killed under load ------------------------------------------------------------------
CRASH_SUMMARY="no node killed (--kills 0)"
if (( KILLS > 0 )); then
    # letters only: the search's analysers cut a word at its digits
    RUN_WORD="crash$(head -c 64 /dev/urandom | tr -dc 'a-z' | head -c 8)"
    port_of() { [[ $1 == a ]] && echo "$PORT_A" || echo "$PORT_B"; }
    sent_before="$(sql -c "select count(*) from outbox_message where status = 'SENT'")"
    crash_from="$(sql -c "select max(id) from outbox_message")"
    # access: 60 services decided by the establishments' super admins; in each filer's establishment,
    # its tenth member named super admin, the nine others asking (API tokens as generate.sql makes them)
    sql -F $'\t' > "$WORK/access.tsv" <<SQL
insert into catalogue_service (code, name, description, domain, decided_by, active, created_at)
select 'CRASH' || n, 'Service de banc ' || n, 'Un service pour la charge du banc.', 'PURCHASING', 'SUPER_ADMINS', true, now()
from generate_series(1, 60) n;
create temp table crash_site as
select distinct c.establishment_id e from correspondent c
where 'gch_bench_' || c.account_id in ($(cut -f1 "$WORK/filers.tsv" | head -"$USERS" | sed "s/.*/'&'/" | paste -sd,));
insert into super_admin (establishment_id, account_id, named_by, named_at)
select e, 5000 + (e - 1) * 10 + 10, null, now() from crash_site on conflict do nothing;
insert into api_token (account_id, name, token_hash, created_at)
select a, 'bench', encode(sha256(convert_to('gch_bench_' || a, 'UTF8')), 'hex'), now()
from crash_site, generate_series(1, 10) k, lateral (select 5000 + (e - 1) * 10 + k a) x
where not exists (select 1 from api_token t where t.account_id = a);
select 'gch_bench_' || (5000 + (e - 1) * 10 + 10), string_agg('gch_bench_' || (5000 + (e - 1) * 10 + k), ' ' order by k)
from crash_site, generate_series(1, 9) k group by e order by e;
SQL
    [[ -s "$WORK/access.tsv" ]] || die "no establishment for the access requests"
    SERVICES="$(sql -c "select string_agg(id::text, ' ' order by id) from catalogue_service where code like 'CRASH%'")"
    log "crash: $USERS users filing and completing tickets (word $RUN_WORD), $USERS asking for access and deciding, through the proxy; $KILLS kills"
    rm -f "$WORK/crash.stop"
    "$JAVA" -Xmx256m -cp "$WORK/tools" CrashLoad "$PROXY" "$RUN_WORD" "$USERS" $(( KILLS * 180 + 60 )) "$WORK/filers.tsv" \
        "$WORK/access.tsv" "$SERVICES" "$OUT/crash-outcomes.tsv" "$WORK/crash.stop" > "$OUT/crash-load.log" 2>&1 &
    CRASH_PID=$!
    OTHER_PIDS+=("$CRASH_PID")
    : > "$OUT/kills.tsv"
    restart_s=()
    for k in $(seq 1 "$KILLS"); do
        sleep "$(( 2 + RANDOM % 7 )).$(( RANDOM % 10 ))"
        kill -0 "$CRASH_PID" 2>/dev/null || { tail -20 "$OUT/crash-load.log" >&2; die "the crash load stopped before kill $k"; }
        node=$([[ $(( RANDOM % 2 )) == 0 ]] && echo a || echo b)
        pid="${NODE_PID[$node]}"
        kill -KILL "$pid" 2>/dev/null || die "node $node (PID $pid) was not running at kill $k"
        while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
        t_kill=$(date +%s.%N)
        written="$(sql -c "select count(*) from ticket where title like 'Panne $RUN_WORD %'")"
        start_node "$node" "$(port_of "$node")" "node-$node-restart-$k"
        BENCH_PORT=$PROXY_PORT
        back="$(echo "$APP_T_READY - $t_kill" | bc | cut -c1-5)"
        restart_s+=("$back")
        printf '%s\t%s\t%s\t%s\n' "$k" "$node" "$written" "$back" >> "$OUT/kills.tsv"
        log "crash: kill $k of node $node ($written tickets of the run written), back in $back s"
    done
    sleep 3  # the load goes on a moment on both nodes again
    touch "$WORK/crash.stop"
    wait "$CRASH_PID" || { tail -20 "$OUT/crash-load.log" >&2; die "the crash load failed"; }
    log "crash: $(tail -1 "$OUT/crash-load.log")"

    # a node killed while dispatching holds the mail back until its lock expires (guichet.mail.dispatch-lock,
    # 5 minutes by default): the drain waits longer than that
    deadline=$(( $(date +%s) + (BENCH_SMOKE == 1 ? 120 : 420) ))
    while :; do
        c_pending="$(sql -c "select count(*) from outbox_message where status = 'PENDING'")"
        (( c_pending == 0 )) && break
        (( $(date +%s) < deadline )) || break
        sleep 1
    done
    sleep 1

    # tickets and complements: what the client was answered against what the database holds
    # compare KIND ANSWERED_STATUS SQL : prints "answered in-db lost twice unanswered-but-written"
    compare() {
        awk -F'\t' -v kind="$1" -v ok="$2" '$1 == kind && $3 == ok {print $2}' "$OUT/crash-outcomes.tsv" | sort > "$WORK/answered-$1.txt"
        sql -c "$3" | sort > "$WORK/in-db-$1.txt"
        local answered in_db lost twice extra
        answered=$(wc -l < "$WORK/answered-$1.txt")
        in_db=$(wc -l < "$WORK/in-db-$1.txt")
        lost=$(comm -23 "$WORK/answered-$1.txt" <(sort -u "$WORK/in-db-$1.txt") | wc -l)
        twice=$(uniq -d "$WORK/in-db-$1.txt" | wc -l)
        extra=$(comm -13 "$WORK/answered-$1.txt" <(sort -u "$WORK/in-db-$1.txt") | wc -l)
        echo "$answered $in_db $lost $twice $extra"
    }
    attempts_t=$(awk -F'\t' '$1 == "T"' "$OUT/crash-outcomes.tsv" | wc -l)
    read -r t_answered t_db t_lost t_twice t_extra < <(compare T 201 \
        "select substring(title from ' (t[0-9]+x[0-9]+)\$') from ticket where title like 'Panne $RUN_WORD %'")
    if (( t_lost == 0 && t_twice == 0 && t_answered > 0 )); then
        check crash-tickets ok "$attempts_t filings, $t_answered answered 201: all $t_answered in the database, none twice; $t_extra more written without an answer reaching the client"
    else
        check crash-tickets FAIL "$attempts_t filings, $t_answered answered 201; $t_lost of them missing, $t_twice markers twice in the database, $t_extra written without an answer"
    fi
    attempts_e=$(awk -F'\t' '$1 == "E"' "$OUT/crash-outcomes.tsv" | wc -l)
    read -r e_answered e_db e_lost e_twice e_extra < <(compare E 200 \
        "select substring(e.text from 'Complément (c[0-9]+x[0-9]+) :') from ticket_exchange e join ticket t on t.id = e.ticket_id
         where t.title like 'Panne $RUN_WORD %' and e.action = 'COMPLEMENT'")
    if (( e_lost == 0 && e_twice == 0 && e_answered > 0 )); then
        check crash-complements ok "$attempts_e complements, $e_answered answered 200: all in the database, none twice; $e_extra more written without an answer"
    else
        check crash-complements FAIL "$attempts_e complements, $e_answered answered 200; $e_lost missing, $e_twice twice, $e_extra written without an answer"
    fi

    # access: every answered act is in the database; each request's acts in the audit once, none twice
    lost_a=0
    for kind_status in "A 201 pending,accepted,refused,revoked" "D 200 accepted,revoked" "R 204 revoked"; do
        read -r kind status states <<< "$kind_status"
        ids="$(awk -F'\t' -v k="$kind" -v s="$status" '$1 == k && $3 == s {print $2}' "$OUT/crash-outcomes.tsv" | paste -sd,)"
        [[ -z "$ids" ]] && continue
        n="$(sql -c "select count(*) from unnest('{$ids}'::bigint[]) i
            where not exists (select 1 from access_request r where r.id = i and lower(r.status) = any (string_to_array('$states', ',')))")"
        lost_a=$(( lost_a + n ))
    done
    read -r a_rows a_no_requested a_no_accepted a_no_revoked a_twice < <(sql -F ' ' <<'SQL'
with r as (select id, status from access_request
           where service_id in (select id from catalogue_service where code like 'CRASH%')),
a as (select action, substring(details from '^request=([0-9]+)$')::bigint rid, count(*) n from audit_entry
      where action in ('ACCESS_REQUESTED', 'ACCESS_ACCEPTED', 'ACCESS_REVOKED') group by 1, 2)
select (select count(*) from r),
    (select count(*) from r where not exists (select 1 from a where a.rid = r.id and a.action = 'ACCESS_REQUESTED')),
    (select count(*) from r where r.status in ('ACCEPTED', 'REVOKED')
        and not exists (select 1 from a where a.rid = r.id and a.action = 'ACCESS_ACCEPTED')),
    (select count(*) from r where r.status = 'REVOKED'
        and not exists (select 1 from a where a.rid = r.id and a.action = 'ACCESS_REVOKED')),
    (select count(*) from a join r on r.id = a.rid where a.n > 1)
SQL
)
    attempts_a=$(awk -F'\t' '$1 ~ /^[ADR]$/' "$OUT/crash-outcomes.tsv" | wc -l)
    answered_a=$(awk -F'\t' '($1 == "A" && $3 == 201) || ($1 == "D" && $3 == 200) || ($1 == "R" && $3 == 204)' "$OUT/crash-outcomes.tsv" | wc -l)
    if (( lost_a == 0 && a_no_requested == 0 && a_no_accepted == 0 && a_no_revoked == 0 && a_twice == 0 && a_rows > 0 )); then
        check crash-access ok "$attempts_a acts (ask, accept, withdraw), $answered_a answered: all in the database; $a_rows requests, each act in the audit once"
    else
        check crash-access FAIL "$attempts_a acts, $answered_a answered, $lost_a of them not in the database; of $a_rows requests: audit missing asked $a_no_requested, accepted $a_no_accepted, withdrawn $a_no_revoked; $a_twice entries twice"
    fi

    # the search, as each filer sees it (a correspondent sees his establishment's tickets)
    found=0
    for token in $(cut -f1 "$WORK/filers.tsv" | head -"$USERS" | sort -u); do
        n="$(curl -s -H "Authorization: Bearer $token" -H 'Accept: application/json' "$PROXY/api/v1/tickets?q=$RUN_WORD" \
            | grep -o '"total":[0-9]*' | cut -d: -f2)"
        found=$(( found + ${n:-0} ))
    done
    if (( found == t_db )); then
        check crash-search ok "all $t_db tickets of the run found by the search through the proxy"
    else
        check crash-search FAIL "$t_db tickets of the run in the database, $found found by the search"
    fi

    read -r c_sent c_logged c_twice c_missing c_strangers < <(mail_log_counts)
    crash_mails=$(( c_sent - sent_before ))
    if (( c_pending == 0 && c_missing == 0 && c_strangers == 0 && c_twice <= KILLS )); then
        check crash-outbox ok "$crash_mails e-mails sent during the crash run, none left PENDING, every SENT one at the mail log; $c_twice delivered twice (at most one per kill: $KILLS)"
    else
        check crash-outbox FAIL "PENDING $c_pending; $c_missing SENT but not at the mail log, $c_strangers at the mail log but not in the outbox, $c_twice delivered twice ($KILLS kills)"
    fi

    # the same e-mail written twice (a listener's work replayed): same recipient, subject and body
    same_mail="$(sql -c "select coalesce(sum(n - 1), 0) from (select count(*) n from outbox_message where id > ${crash_from:-0}
        group by recipient, subject, md5(body) having count(*) > 1) d")"
    if (( same_mail == 0 )); then
        check crash-mails ok "no e-mail of the crash run written twice (recipient, subject and body)"
    else
        check crash-mails FAIL "$same_mail e-mails of the crash run written more than once (recipient, subject and body)"
    fi

    incomplete="$(sql -c "select count(*) from event_publication where completion_date is null")"
    if (( incomplete == 0 )); then
        check crash-events ok "no event publication left incomplete"
    else
        sql -c "select listener_id, count(*) from event_publication where completion_date is null group by 1" > "$OUT/incomplete-publications.txt"
        check crash-events FAIL "$incomplete event publications left incomplete (see incomplete-publications.txt)"
    fi
    CRASH_SUMMARY="$KILLS kills (node back in $(printf '%s\n' "${restart_s[@]}" | sort -n | awk '{a[NR]=$1} END {print a[1] "–" a[NR]}') s); tickets: $attempts_t filed, $t_answered answered, $t_lost lost, $t_twice twice, $t_extra written unanswered; complements: $e_answered answered, $e_lost lost, $e_twice twice, $e_extra unanswered; access: $attempts_a acts, $answered_a answered, $lost_a lost, $a_rows requests, audit entries twice $a_twice; e-mails: $crash_mails, $c_twice twice"
fi

{
    echo "# Two nodes behind HAProxy, one PostgreSQL, one OpenSearch ($(date -u +%Y-%m-%dT%H:%M:%SZ))"
    echo
    cat "$OUT/machine.txt"
    echo
    echo "load through the proxy: $filed tickets, ${per_s}/s, p95 ${p95} ms ($USERS users)"
    echo "search: a ticket filed on node A found on node B ${search_ms} ms after the answer ($tries search(es))"
    echo "e-mails: $sent_rows sent, $logged received, $twice twice; reminders: $reminded of $REGISTRATIONS, each once"
    echo "crash: $CRASH_SUMMARY"
    echo "the whole run: $(( $(date +%s) - T_START )) s; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo
    cat "$OUT/checks.txt"
} > "$OUT/summary.txt"
cat "$OUT/summary.txt" >&2
expect_numbers "figures" "$filed" "$search_ms" "$sent_rows" "$logged" "$reminded"
(( FAILED == 0 )) || die "some checks failed (see $OUT/checks.txt)"
log "all checks ok; results in $OUT"
