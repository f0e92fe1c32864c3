# shellcheck shell=bash disable=SC2034
# (SC2034: variables set here, e.g. APP_T0, are read by the scripts that source this file)
# Shared helpers of the bench scripts (sourced, not run). Bash only.
#
# Every application started here runs from a temporary working directory, listens on
# 127.0.0.1 only, and is stopped by the script that started it (trap on EXIT), by its own PID.

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROJECT_DIR="$(cd "$BENCH_DIR/.." && pwd)"

: "${JAVA17_HOME:=/usr/lib/jvm/java-17-openjdk-amd64}"
: "${JAVA25_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
: "${GUICHET_JAR:=$PROJECT_DIR/target/guichet-0.1.0-SNAPSHOT.jar}"
: "${GUICHET_DEMO_PASSWORD:=Bench demo password 2026}"
: "${BENCH_PORT:=18080}"
# Start-up limit: an application not ready by then is killed and the run fails (a smoke run, on a
# machine that may be busy, waits longer: it only guards against a hang).
if [[ "${BENCH_SMOKE:-0}" == 1 ]]; then : "${BENCH_START_TIMEOUT:=600}"; else : "${BENCH_START_TIMEOUT:=180}"; fi
# Priority of the measured JVMs (and of Gatling): each runs in a session of its own whose
# scheduling autogroup gets this nice value (/proc/PID/autogroup; with autogroups, the plain nice
# of a process does not weigh against other sessions' processes), so that other work on the
# machine takes less CPU from them. 0 to run them at the default priority.
: "${BENCH_NICE:=-10}"
# BENCH_SMOKE=1: a check that the script still runs end to end (tiny data, seconds of load), not a
# measurement: nothing waits for the machine to be quiet, no run is discarded for other processes'
# CPU, and each script shortens its runs (see its header). bench/smoke.sh runs them all so.
: "${BENCH_SMOKE:=0}"
# Options of every application JVM of a smoke run: the C1 compiler only, which costs less CPU in a
# run of seconds (startup.sh empties it: its AOT cache and CDS archive are what it checks).
SMOKE_JVM_OPTS=()
[[ "$BENCH_SMOKE" == 1 ]] && SMOKE_JVM_OPTS=(-XX:TieredStopAtLevel=1)
export GUICHET_DEMO_PASSWORD

BENCH_APP_PIDS=()
BENCH_TMP_DIRS=()

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

bench_cleanup() {
    local pid
    for pid in "${BENCH_APP_PIDS[@]}"; do
        stop_app "$pid"
    done
    BENCH_APP_PIDS=()
    if [[ "${BENCH_KEEP_TMP:-0}" != 1 ]]; then
        local d
        for d in "${BENCH_TMP_DIRS[@]}"; do
            [[ -n "$d" && -d "$d" ]] && rm -rf -- "$d"
        done
    fi
}
trap bench_cleanup EXIT
trap 'exit 130' INT TERM

# Sets WORK to a new temporary directory, removed on exit (unless BENCH_KEEP_TMP=1).
make_work_dir() {
    WORK="$(mktemp -d "${TMPDIR:-/tmp}/guichet-bench.XXXXXX")"
    BENCH_TMP_DIRS+=("$WORK")
}

# Builds the jar if missing, then works on a private copy of it (in DIR), so that a rebuild of
# target/ during a measurement cannot change or remove it. Sets GUICHET_JAR to the copy.
ensure_jar() {
    local dir="$1"
    if [[ ! -f "$GUICHET_JAR" ]]; then
        log "building $GUICHET_JAR"
        (cd "$PROJECT_DIR" && ./mvnw -q -o -DskipTests package) || die "build failed"
    fi
    GUICHET_JAR_SOURCE="$GUICHET_JAR"
    mkdir -p "$dir/app"
    cp -p "$GUICHET_JAR" "$dir/app/"
    GUICHET_JAR="$dir/app/$(basename "$GUICHET_JAR")"
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Percentage of CPU time (all cores) spent busy over one second.
cpu_busy_pct() {
    local a b
    read -r -a a < <(grep '^cpu ' /proc/stat)
    sleep 1
    read -r -a b < <(grep '^cpu ' /proc/stat)
    local i t1=0 t2=0
    for i in 1 2 3 4 5 6 7 8; do t1=$((t1 + a[i])); t2=$((t2 + b[i])); done
    local idle=$(( (b[4] + b[5]) - (a[4] + a[5]) )) total=$((t2 - t1))
    (( total > 0 )) || { echo 0; return; }
    echo $(( 100 * (total - idle) / total ))
}

# Waits (up to $1 s, default 300) for the machine to be quiet (< 10 % busy) so that other
# processes do not skew a measurement; prints the last busy percentage. Never fails: a busy
# machine is reported in the results instead.
wait_quiet() {
    local max="${1:-300}" waited=0 busy
    while :; do
        busy="$(cpu_busy_pct)"
        if (( busy < 10 )) || [[ "$BENCH_SMOKE" == 1 ]]; then break; fi
        if (( waited >= max )); then
            log "WARNING: machine still ${busy}% busy after ${max}s; measuring anyway (figures will be pessimistic)"
            break
        fi
        (( waited == 0 )) && log "machine ${busy}% busy (other processes); waiting up to ${max}s for it to calm down"
        sleep 4
        waited=$((waited + 5))
    done
    echo "$busy"
}

# expect_numbers WHAT VALUE... : fails unless every VALUE is a number (a figure that is not one means
# the script or what it reads has changed, and the figures would be wrong).
expect_numbers() {
    local what="$1" v
    shift
    (( $# )) || die "$what: no figures"
    for v in "$@"; do
        [[ "$v" =~ ^-?([0-9]+([.][0-9]+)?|[.][0-9]+)$ ]] || die "$what: '$v' is not a number"
    done
}

# prioritized COMMAND... : runs COMMAND (exec, same PID) in a new session whose autogroup has
# nice $BENCH_NICE (see above).
prioritized() {
    exec setsid bash -c 'echo "$0" > /proc/self/autogroup 2>/dev/null; exec nice -n "$0" "$@"' "$BENCH_NICE" "$@"
}

# start_app JAVA WORKDIR LOGFILE ARGS... : starts "JAVA ARGS... --server.port=$BENCH_PORT
# --server.address=127.0.0.1" in WORKDIR; sets APP_PID and APP_T0 (epoch seconds, ns precision).
start_app() {
    local java="$1" wd="$2" logf="$3"
    shift 3
    port_free "$BENCH_PORT" || die "port $BENCH_PORT is in use (set BENCH_PORT)"
    APP_T0="$(date +%s.%N)"
    (cd "$wd" && prioritized "$java" "${SMOKE_JVM_OPTS[@]}" "$@" --server.port="$BENCH_PORT" --server.address=127.0.0.1) >"$logf" 2>&1 &
    APP_PID=$!
    BENCH_APP_PIDS+=("$APP_PID")
    local i
    for i in $(seq 1 50); do
        [[ "$(tr '\0' ' ' < "/proc/$APP_PID/cmdline" 2>/dev/null)" == "$java "* ]] && return 0
        sleep 0.1
    done
    die "PID $APP_PID is not the application (did setsid fork?)"
}

# wait_ready PID : polls GET /actuator/health/readiness every 0.1 s until 200; sets APP_T_READY.
# (/actuator/health itself answers 503 in the embedded default: see docs/performance.md.)
wait_ready() {
    local pid="$1" deadline=$(( $(date +%s) + BENCH_START_TIMEOUT ))
    while :; do
        if curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:$BENCH_PORT/actuator/health/readiness"; then
            APP_T_READY="$(date +%s.%N)"
            return 0
        fi
        kill -0 "$pid" 2>/dev/null || { log "application exited before being ready"; return 1; }
        (( $(date +%s) < deadline )) || { log "application not ready after ${BENCH_START_TIMEOUT}s"; return 1; }
        sleep 0.1
    done
}

# stop_app PID [TIMEOUT] : SIGTERM (graceful shutdown), then SIGKILL after TIMEOUT s (60).
stop_app() {
    local pid="$1" timeout="${2:-60}" i
    kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 1 $((timeout * 10))); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
        log "PID $pid still alive ${timeout} s after SIGTERM: SIGKILL"
        kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
    local kept=()
    for i in "${BENCH_APP_PIDS[@]}"; do [[ "$i" != "$pid" ]] && kept+=("$i"); done
    BENCH_APP_PIDS=("${kept[@]}")
    return 0
}

# seed_database JAVA DIR : first start in DIR (Flyway migrations + demo data), then stop:
# DIR/data then holds the database that start-up runs copy.
# In a smoke run, BENCH_SEEDED (set by bench/smoke.sh) names a directory seeded so once for all the
# scripts: its data/ and seed.log are copied instead (the first start is the same for every script).
seed_database() {
    local java="$1" dir="$2"
    if [[ "$BENCH_SMOKE" == 1 && -n "${BENCH_SEEDED:-}" ]]; then
        [[ -f "$BENCH_SEEDED/data/guichet.mv.db" ]] || die "no seeded database in BENCH_SEEDED=$BENCH_SEEDED"
        log "copying the database bench/smoke.sh seeded ($BENCH_SEEDED)"
        mkdir -p "$dir"
        cp -r "$BENCH_SEEDED/data" "$dir/data"
        cp "$BENCH_SEEDED/seed.log" "$dir/seed.log"
        return 0
    fi
    log "seeding a database in $dir (first start: migrations and demo data)"
    start_app "$java" "$dir" "$dir/seed.log" -jar "$GUICHET_JAR"
    wait_ready "$APP_PID" || { tail -50 "$dir/seed.log" >&2; die "seeding start failed"; }
    local i
    for i in $(seq 1 100); do grep -q 'Demo data created\|DemoData' "$dir/seed.log" && break; sleep 0.2; done
    stop_app "$APP_PID"
    [[ -f "$dir/data/guichet.mv.db" ]] || die "no database after seeding"
}

# sign_in_check : one sign-in with curl (GET form, POST), fails unless it lands on the home page
# (/compte for jars built before it did so).
# Run before any load: with a wrong password, sign-ins would be throttled and figures meaningless.
sign_in_check() {
    local email="${1:-claire.martin@univ-montval.fr}" jar token code location base="http://127.0.0.1:$BENCH_PORT"
    jar="$(mktemp)"
    token="$(curl -fs -c "$jar" -b "$jar" "$base/connexion" | sed -n 's/.*<meta name="_csrf" content="\([^"]*\)".*/\1/p' | head -1)"
    [[ -n "$token" ]] || { rm -f "$jar"; log "no CSRF token on /connexion"; return 1; }
    read -r code location < <(curl -s -o /dev/null -w '%{http_code} %{redirect_url}\n' -c "$jar" -b "$jar" \
        --data-urlencode "email=$email" --data-urlencode "password=$GUICHET_DEMO_PASSWORD" \
        --data-urlencode "_csrf=$token" "$base/connexion")
    if [[ "$code" != 302 || ( "$location" != "$base/" && "$location" != "$base/compte" ) ]]; then
        rm -f "$jar"; log "sign-in check failed: $code $location"; return 1
    fi
    code="$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" "$base/compte")"
    rm -f "$jar"
    [[ "$code" == 200 ]] || { log "GET /compte after sign-in: $code"; return 1; }
}

# median/min/max of numbers on stdin: "median min max"
stats() {
    sort -g | awk '{v[NR]=$1} END {if (NR==0) {print "- - -"; exit}
        m = (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2; print m, v[1], v[NR]}'
}

# Busy CPU time of the whole machine so far, in clock ticks (all cores, idle and iowait excluded).
machine_busy_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }

# CPU time (user + system) of this shell's finished, waited-for children, in seconds (bash "times").
# Sets CHILDREN_CPU (a builtin with a redirection runs in this shell, unlike a $(...) subshell).
children_cpu() {
    times > "$WORK/.times"
    CHILDREN_CPU="$(sed -n 2p "$WORK/.times" | awk '{ t = 0; for (i = 1; i <= 2; i++) { split($i, p, "m"); sub(/s/, "", p[2]); t += p[1] * 60 + p[2] } print t }')"
}

# CPU time (user + system) used so far by a process, in seconds.
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15) / hz}' "/proc/$1/stat"; }

rss_kb() { ps -o rss= -p "$1" | tr -d ' '; }

machine_summary() {
    echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(nproc) cores"
    echo "memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
    echo "kernel: $(uname -r)"
    echo "java17: $("$JAVA17_HOME/bin/java" -version 2>&1 | sed -n 2p)"
    echo "java25: $("$JAVA25_HOME/bin/java" -version 2>&1 | sed -n 2p)"
    echo "jar: ${GUICHET_JAR_SOURCE:-$GUICHET_JAR} ($(stat -c %s "$GUICHET_JAR") bytes, built $(date -u -r "$GUICHET_JAR" +%Y-%m-%dT%H:%M:%SZ), sha256 $(sha256sum "$GUICHET_JAR" | cut -c1-12))"
    echo "git: $(cd "$PROJECT_DIR" && git rev-parse --short HEAD 2>/dev/null)$(cd "$PROJECT_DIR" && git diff --quiet HEAD -- src pom.xml 2>/dev/null || echo ' (+ uncommitted changes in src/ or pom.xml)')"
}

# add_bench_accounts DIR COUNT : into the (stopped) database DIR/data, adds COUNT member accounts
# bench.user01@univ-montval.fr ... cloned from claire.martin@univ-montval.fr: same Argon2id hash
# (so the same password and the same hashing cost), same confirmed membership. Each virtual user
# of the load then signs in with an account of its own.
add_bench_accounts() {
    local dir="$1" count="$2" h2
    h2="$(dirname "$GUICHET_JAR")/h2.jar"
    if [[ ! -f "$h2" ]]; then
        local entry
        # (awk reads the whole listing: grep -m1 would stop unzip with SIGPIPE, a failure under pipefail)
        entry="$(unzip -Z1 "$GUICHET_JAR" | awk '/^BOOT-INF\/lib\/h2-.*\.jar$/ && !e {e = $0} END {print e}')"
        [[ -n "$entry" ]] || die "no H2 in the jar"
        unzip -p "$GUICHET_JAR" "$entry" > "$h2"
    fi
    local i
    {
        for i in $(seq -w 1 "$count"); do
            cat <<SQL
insert into account (email, status, password_hash, civility, last_name, first_name, newsletter,
        preferred_locale, platform_admin, created_at, activated_at, version)
    select 'bench.user$i@univ-montval.fr', status, password_hash, civility, 'Banc', 'Essai $i', false,
        preferred_locale, false, created_at, activated_at, 0
    from account where email = 'claire.martin@univ-montval.fr';
SQL
        done
        cat <<SQL
insert into membership (account_id, organization_id, status, created_at)
    select b.id, m.organization_id, 'CONFIRMED', m.created_at
    from account b, account a join membership m on m.account_id = a.id
    where a.email = 'claire.martin@univ-montval.fr' and b.email like 'bench.user%';
SQL
    } > "$dir/bench-accounts.sql"
    (cd "$dir" && "$JAVA17_HOME/bin/java" -cp "$h2" org.h2.tools.RunScript \
        -url "jdbc:h2:file:./data/guichet;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
        -user sa -script bench-accounts.sql) || die "could not add the bench accounts"
}

# add_access_data DIR SERVICES GRANTS FAVOURITES : in the seeded H2 database of DIR, SERVICES active
# catalogue services spread over the 14 domains, and for every bench account GRANTS accepted
# requests (on the first services, decided by the Montval super admin) and FAVOURITES favourites.
# Run after add_bench_accounts.
add_access_data() {
    local dir="$1" services="$2" grants="$3" favourites="$4" h2 i
    h2="$(dirname "$GUICHET_JAR")/h2.jar"
    local domains=(TRANSFORMATIONS PURCHASING ARCHIVING SUSTAINABILITY FINANCE REAL_ESTATE LEGAL STEERING QUALITY
        RESEARCH HUMAN_RESOURCES HEALTH_AND_SAFETY STUDENT_LIFE INFORMATION_SYSTEMS)
    {
        for i in $(seq -w 1 "$services"); do
            echo "insert into catalogue_service (code, name, description, domain, decided_by, active, created_at, version)
    values ('BENCH-$i', 'SERVICE DE BANC $i', 'Accord-cadre de banc d’essai numéro $i : pièces du marché, bordereaux de prix, guides.',
        '${domains[$(( 10#$i % 14 ))]}', 'SUPER_ADMINS', true, current_timestamp, 0);"
        done
        cat <<SQL
insert into access_request (service_id, account_id, establishment_id, status, open_marker, requested_at, decided_at,
        decided_by, version)
    select s.id, b.id, m.organization_id, 'ACCEPTED', 1, current_timestamp, current_timestamp, c.id, 0
    from catalogue_service s, account b join membership m on m.account_id = b.id, account c
    where b.email like 'bench.user%' and c.email = 'claire.martin@univ-montval.fr'
      and s.code like 'BENCH-%' and cast(substring(s.code, 7) as int) <= $grants;
insert into favourite_service (account_id, service_id, created_at)
    select b.id, s.id, current_timestamp from catalogue_service s, account b
    where b.email like 'bench.user%' and s.code like 'BENCH-%' and cast(substring(s.code, 7) as int) <= $favourites;
SQL
    } > "$dir/access-data.sql"
    (cd "$dir" && "$JAVA17_HOME/bin/java" -cp "$h2" org.h2.tools.RunScript \
        -url "jdbc:h2:file:./data/guichet;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
        -user sa -script access-data.sql) || die "could not add the access data"
}
