#!/usr/bin/env bash
# Bounded local load with Gatling (bench/gatling): sign-in, and "Mon compte" for signed-in people.
#
#   bench/load.sh [--users N] [--duration S] [--warmup S] [--jdk 17|25] [--demo-accounts] [signin|compte|access|all]
#
#   signin : SignInSimulation  - closed model, N concurrent users, each in a loop: drop cookies,
#            GET /connexion, POST /connexion with the right password (302 to the home page). One Argon2id
#            verification per sign-in on the server.
#   compte : CompteSimulation  - N users sign in once, then GET /compte in a loop (closed model).
#   access : ServicesSimulation - N users sign in once, then load the catalogue with every domain
#            open (GET /services?domaines=tous) and "Mes outils et services" (GET /mes-services) in
#            a loop; the database gets 200 active services and, for each bench account, 50 grants
#            and 10 favourites (issue 4's figures).
#   all    : signin and compte (default), each against its own fresh application.
# Defaults: --users 8, --duration 60 (measured), --warmup 15 (same load before, not measured),
# --jdk 17 (the baseline). No think time. Bounds: users 1..64, duration 1..600 s, warm-up 0..300 s.
#
# Accounts: the database gets 64 member accounts bench.userNN@univ-montval.fr (cloned from a demo
# account by SQL: same Argon2id hash), one per virtual user, because concurrent sign-ins to the SAME
# account fail (HTTP 500, optimistic locking on the account row). --demo-accounts shares the three
# demo accounts between the users instead, and reports failures rather than failing the run: it
# shows that problem.
#
# For each simulation: a temporary working directory with a copy of a freshly seeded database,
# the application (default JVM settings, JAVA_OPTS added if set) on 127.0.0.1:$BENCH_PORT, a
# sign-in check with curl (the load must not trip the failed sign-in throttle), the Gatling run,
# then the application is stopped. Gatling runs on the same machine: it shares the 2 cores.
# Results: bench/results/load-<timestamp>/ (summary.md, Gatling reports, application logs).
# BENCH_SMOKE=1 (bench/smoke.sh): a check of the script, not a measurement: the three simulations
# (signin, compte, access) unless one is named, against one application started once, 2 users,
# 1 s warm-up + 3 s, nothing discarded.
# Every measured row of summary.md is checked to hold numbers.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

USERS=8
DURATION=60
WARMUP=15
JDK=17
WHAT=all
[[ "${BENCH_SMOKE:-0}" == 1 ]] && { USERS=2 DURATION=3 WARMUP=1 WHAT=smoke; }
ACCOUNTS=bench
while (( $# )); do
    case "$1" in
        --users) USERS="$2"; shift 2 ;;
        --duration) DURATION="$2"; shift 2 ;;
        --warmup) WARMUP="$2"; shift 2 ;;
        --jdk) JDK="$2"; shift 2 ;;
        --demo-accounts) ACCOUNTS=demo; shift ;;
        -h|--help) sed -n '2,/^set -euo/{/^#/p}' "$0"; exit 0 ;;
        signin|compte|access|all) WHAT="$1"; shift ;;
        *) die "unknown argument: $1 (see --help)" ;;
    esac
done
[[ "$USERS" =~ ^[0-9]+$ ]] && (( USERS >= 1 && USERS <= 64 )) || die "--users must be within 1..64"
[[ "$DURATION" =~ ^[0-9]+$ ]] && (( DURATION >= 1 && DURATION <= 600 )) || die "--duration must be within 1..600"
[[ "$WARMUP" =~ ^[0-9]+$ ]] && (( WARMUP <= 300 )) || die "--warmup must be within 0..300"
case "$JDK" in
    17) JAVA="$JAVA17_HOME/bin/java" ;;
    25) JAVA="$JAVA25_HOME/bin/java" ;;
    *) die "--jdk: 17 or 25" ;;
esac
read -r -a EXTRA_OPTS <<< "${JAVA_OPTS:-}"
SIMS=()
[[ $WHAT == all || $WHAT == smoke || $WHAT == signin ]] && SIMS+=(SignInSimulation)
[[ $WHAT == all || $WHAT == smoke || $WHAT == compte ]] && SIMS+=(CompteSimulation)
[[ $WHAT == smoke || $WHAT == access ]] && SIMS+=(ServicesSimulation)
[[ " ${SIMS[*]} " == *" ServicesSimulation "* && $ACCOUNTS == demo ]] && die "access needs the bench accounts (no --demo-accounts)"

OUT="$BENCH_DIR/results/load-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
"$BENCH_DIR/machine-facts.sh" > "$OUT/machine.txt"
make_work_dir
ensure_jar "$WORK"
{
    machine_summary
    echo "load: users=$USERS duration=${DURATION}s warmup=${WARMUP}s application on JDK $JDK, JAVA_OPTS: ${JAVA_OPTS:-(none)}"
    echo "gatling: $(sed -n 's:.*<gatling.version>\(.*\)</gatling.version>.*:\1:p' "$BENCH_DIR/gatling/pom.xml"), run by $("$JAVA17_HOME/bin/java" -version 2>&1 | head -1)"
} | tee "$OUT/machine.txt" >&2

log "compiling the simulations"
JAVA_HOME="$JAVA17_HOME" "$PROJECT_DIR/mvnw" -B -q -f "$BENCH_DIR/gatling/pom.xml" test-compile >"$OUT/gatling-compile.log" 2>&1 \
    || { cat "$OUT/gatling-compile.log" >&2; die "could not compile bench/gatling"; }

mkdir -p "$WORK/seed"
seed_database "$JAVA" "$WORK/seed"
if [[ $ACCOUNTS == bench ]]; then
    add_bench_accounts "$WORK/seed" 64
    [[ " ${SIMS[*]} " == *" ServicesSimulation "* ]] && add_access_data "$WORK/seed" 200 50 10
    GATLING_ACCOUNTS=bench
else
    GATLING_ACCOUNTS="claire.martin@univ-montval.fr,paul.bernard@univ-lacbleu.fr,admin@agence-demo.fr"
fi

# A run during which processes other than the application and Gatling used more than this much
# CPU (s) is discarded and repeated (up to 3 attempts): on 2 cores they would skew the figures.
MAX_OTHERS_CPU="${BENCH_MAX_OTHERS_CPU:-10}"
[[ "$BENCH_SMOKE" == 1 ]] && MAX_OTHERS_CPU=1000000
: > "$OUT/kept-reports.txt"
APP_PID=""
for sim in "${SIMS[@]}"; do
  for attempt in 1 2 3; do
    # (a smoke run loads one application, started for the first simulation, with all of them: what
    # it checks is each simulation, not a fresh start for each)
    if [[ "$BENCH_SMOKE" != 1 || -z "$APP_PID" ]]; then
        d="$WORK/$sim-$attempt"; mkdir -p "$d"; cp -r "$WORK/seed/data" "$d/data"
        busy="$(wait_quiet 300)"
        log "$sim, attempt $attempt: starting the application (machine ${busy}% busy before)"
        APP_LOG="$OUT/$sim-app.log"
        start_app "$JAVA" "$d" "$APP_LOG" "${EXTRA_OPTS[@]}" -jar "$GUICHET_JAR"
        wait_ready "$APP_PID" || die "application did not start (see $APP_LOG)"
    fi
    sign_in_check || die "a sign-in with the demo password failed: not loading (see $APP_LOG)"
    if [[ $ACCOUNTS == bench ]]; then
        sign_in_check bench.user01@univ-montval.fr || die "a sign-in to a bench account failed: not loading"
    fi
    rss_before=$(( $(rss_kb "$APP_PID") / 1024 ))
    cpu_before="$(cpu_seconds "$APP_PID")"
    log "$sim: $USERS users, ${WARMUP}s warm-up + ${DURATION}s measured"
    t0=$(date +%s)
    ticks0="$(machine_busy_ticks)"
    children_cpu; gatling_cpu0="$CHILDREN_CPU"
    results="$OUT/gatling-$sim-$attempt"
    failed=0
    # timeout: a hard bound on top of the simulation's own maxDuration
    if ! JAVA_HOME="$JAVA17_HOME" timeout $(( WARMUP + DURATION + 300 )) setsid bash -c 'echo "$0" > /proc/self/autogroup 2>/dev/null; exec "$@"' "$BENCH_NICE" "$PROJECT_DIR/mvnw" -B -f "$BENCH_DIR/gatling/pom.xml" \
            gatling:test -Dgatling.simulationClass="guichet.bench.$sim" -Dgatling.resultsFolder="$results" \
            -Dguichet.baseUrl="http://127.0.0.1:$BENCH_PORT" -Dguichet.users="$USERS" \
            -Dguichet.duration="$DURATION" -Dguichet.warmup="$WARMUP" \
            -Dguichet.password="$GUICHET_DEMO_PASSWORD" -Dguichet.accounts="$GATLING_ACCOUNTS" \
            -Dguichet.allowFailures="$([[ $ACCOUNTS == demo ]] && echo true || echo false)" \
            -Dgatling.runDescription="users=$USERS duration=${DURATION}s warmup=${WARMUP}s jdk=$JDK accounts=$ACCOUNTS" \
            >"$OUT/$sim-gatling.log" 2>&1; then
        failed=1
    fi
    elapsed=$(( $(date +%s) - t0 ))
    cpu_after="$(cpu_seconds "$APP_PID")"
    machine_cpu="$(echo "scale=1; ($(machine_busy_ticks) - $ticks0) / $(getconf CLK_TCK)" | bc)"
    children_cpu; gatling_cpu="$(echo "scale=1; ($CHILDREN_CPU - $gatling_cpu0) / 1" | bc)"
    app_cpu="$(echo "scale=1; ($cpu_after - $cpu_before) / 1" | bc)"
    others="$(echo "scale=1; ($machine_cpu - $app_cpu - $gatling_cpu) / 1" | bc)"
    rss_after=$(( $(rss_kb "$APP_PID") / 1024 ))
    [[ "$BENCH_SMOKE" == 1 ]] || { stop_app "$APP_PID"; APP_PID=""; }
    (( failed )) && { log "Gatling reported a failure (see $OUT/$sim-gatling.log)"; SIM_FAILED=1; }
    if (( $(echo "$others > $MAX_OTHERS_CPU" | bc) )) && (( attempt < 3 )) && (( ! failed )); then
        log "discarded: other processes used ${others} s of CPU during the run (limit ${MAX_OTHERS_CPU} s); repeating"
        mv "$results" "$results-discarded"
        mv "$OUT/$sim-gatling.log" "$OUT/$sim-gatling-discarded-$attempt.log"
        mv "$OUT/$sim-app.log" "$OUT/$sim-app-discarded-$attempt.log"
        continue
    fi
    find "$results" -name index.html >> "$OUT/kept-reports.txt"
    echo "$sim: app RSS ${rss_before} MB before the run, ${rss_after} MB after; CPU during the Gatling run (${elapsed} s wall, Gatling's start included; $(( elapsed * $(nproc) )) s available): application ${app_cpu} s, Gatling + Maven ${gatling_cpu} s, other processes ${others} s" \
        | tee -a "$OUT/app-resources.txt" >&2
    break
  done
done
[[ -z "$APP_PID" ]] || stop_app "$APP_PID"

# Gatling 3.15 writes no stats.json: the figures are read from the statistics table of its HTML
# report (index.html). Columns: 2 total, 4 KO, 7 min, 8 p50, 9 p75, 10 p95, 11 p99, 12 max, 13 mean.
report_rows() {
    awk -v sim="$1" -v dur="$2" '
        /class="ellipsed-name">/ { name = $0; sub(/.*class="ellipsed-name">/, "", name); sub(/<\/span>.*/, "", name) }
        /<td class="value [a-z]+ col-[0-9]+">/ {
            col = $0; sub(/.*col-/, "", col); sub(/".*/, "", col)
            v = $0; sub(/.*">/, "", v); sub(/<\/td>.*/, "", v); c[col] = v }
        /<\/tr>/ {
            if (name != "" && name != "All Requests" && name !~ /^(warm-up|setup) /)
                printf "| %s | %s | %s | %s | %.1f | %s | %s | %s | %s | %s |\n", sim, name, c[2], c[4], c[2] / dur, c[13], c[8], c[10], c[11], c[12]
            name = ""; delete c }' "$3"
}

{
    echo "# Load ($(date -u +%Y-%m-%dT%H:%M:%SZ))"
    echo
    echo '```'; cat "$OUT/machine.txt"; cat "$OUT/app-resources.txt"; echo '```'
    echo
    echo "| simulation | request or group | count | KO | per second (count / ${DURATION} s) | mean ms | p50 ms | p95 ms | p99 ms | max ms |"
    echo '|---|---|---|---|---|---|---|---|---|---|'
    while read -r report; do
        [[ -f $report ]] || continue
        sim="$(basename "$(dirname "$report")")"
        report_rows "${sim%%-*}" "$DURATION" "$report"
    done < "$OUT/kept-reports.txt"
    echo
    echo "Warm-up and setup requests are left out. The 'sign-in' group row is a whole sign-in (GET form + POST): its time is Gatling's cumulated response time of the two requests. Gatling's own 'Cnt/s' in the HTML report divides by the whole run (warm-up included) and is lower."
} > "$OUT/summary.md"
cat "$OUT/summary.md"
log "results in $OUT"
[[ -z "${SIM_FAILED:-}" ]] || die "at least one simulation failed: see the Gatling logs in $OUT"
for sim in "${SIMS[@]}"; do
    # count, KO, per second, mean, p50, p95, p99, max of every measured row of the simulation
    # shellcheck disable=SC2046
    expect_numbers "$sim (summary.md)" $(awk -F'|' -v s="$sim" 'tolower($2) == " " tolower(s) " " {
        for (i = 4; i <= 11; i++) { v = $i; gsub(/[ ,]/, "", v); printf "%s ", v } }' "$OUT/summary.md")
done
