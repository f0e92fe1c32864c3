#!/usr/bin/env bash
# Issue 15, "Measured": token issuance of Guichet as the OpenID Connect provider of connected
# services, beside Keycloak's figures measured on this machine earlier (257/s client credentials,
# 21.5/s password grant, at 4 clients).
#
#   bench/connect/run.sh [--clients N] [MODE...]     MODE: cc code (default: both, in this order)
#
# The embedded default (H2 file, demo data) seeded once, 8 bench accounts of Montval holding a grant
# of a bench catalogue service; the application started (JDK 17, -Xmx512m), a platform admin
# registers that service as an OIDC client through his page (curl), then TokenLoad.java at --clients
# clients (default 4) without think time, each run 10 s warm-up + 30 s:
#   cc    client credentials: POST /oauth2/token
#   code  authorization code with PKCE, each client a signed-in person: GET /oauth2/authorize (302
#         with the code) + POST /oauth2/token (ID, access and refresh tokens): one sign-in of a
#         service's user per iteration
# Results: bench/results/connect-<timestamp>/summary.tsv (git-ignored).
#
# BENCH_SMOKE=1 (bench/smoke.sh): a check of the script, not a measurement: 2 clients, 1 s + 2 s.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"

CLIENTS=4 WARMUP=10 DURATION=30
MODES=()
[[ "$BENCH_SMOKE" == 1 ]] && { CLIENTS=2 WARMUP=1 DURATION=2; }
while (( $# )); do
    case "$1" in
        --clients) CLIENTS="$2"; shift 2 ;;
        cc|code) MODES+=("$1"); shift ;;
        -h|--help) sed -n '2,/^set -euo/{/^#/p}' "$0"; exit 0 ;;
        *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
    esac
done
(( ${#MODES[@]} )) || MODES=(cc code)
[[ "$CLIENTS" =~ ^[0-9]+$ ]] && (( CLIENTS >= 1 && CLIENTS <= 8 )) || { echo "--clients: 1..8" >&2; exit 2; }

OUT="$PROJECT_DIR/bench/results/connect-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
"$PROJECT_DIR/bench/machine-facts.sh" > "$OUT/machine.txt"
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" | tee -a "$OUT/run.log" >&2; }
die() { log "ERROR: $*"; exit 1; }
JAVA="$JAVA17_HOME/bin/java"
BASE="http://127.0.0.1:$BENCH_PORT"
REDIRECT="http://localhost:9/callback"

make_work_dir
ensure_jar "$WORK"
mkdir -p "$WORK/seed"
seed_database "$JAVA" "$WORK/seed"
add_bench_accounts "$WORK/seed" 8
add_access_data "$WORK/seed" 1 1 0

start_app "$JAVA" "$WORK/seed" "$OUT/app.log" -Xmx512m -jar "$GUICHET_JAR"
wait_ready "$APP_PID" || { tail -40 "$OUT/app.log" >&2; die "the application did not start"; }

# the platform admin of the demo data registers the bench service, as on his page
jar="$WORK/admin.cookies"
csrf() { sed -n 's/.*<meta name="_csrf" content="\([^"]*\)".*/\1/p' | head -1; }
token="$(curl -fs -c "$jar" -b "$jar" "$BASE/connexion" | csrf)"
curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "email=admin@agence-demo.fr" \
    --data-urlencode "password=$GUICHET_DEMO_PASSWORD" --data-urlencode "_csrf=$token" "$BASE/connexion"
list="$(curl -fs -c "$jar" -b "$jar" "$BASE/administration/services-connectes")"
service="$(grep -o 'href="/administration/services-connectes/[0-9]*">SERVICE DE BANC 1<' <<<"$list" | grep -o '[0-9]*' | head -1)"
[[ -n "$service" ]] || die "the bench service is not on the connected services' page"
token="$(curl -fs -c "$jar" -b "$jar" "$BASE/administration/services-connectes/$service" | csrf)"
page="$(curl -fs -c "$jar" -b "$jar" --data-urlencode "_csrf=$token" --data-urlencode "redirectUris=$REDIRECT" \
    --data-urlencode "scopes=profile" "$BASE/administration/services-connectes/$service")"
client_id="$(sed -n 's/.*data-testid="client-id">\([^<]*\)<.*/\1/p' <<<"$page" | head -1)"
client_secret="$(sed -n 's/.*data-testid="client-secret">\([^<]*\)<.*/\1/p' <<<"$page" | head -1)"
[[ -n "$client_id" && -n "$client_secret" ]] || die "the service could not be registered"
log "client $client_id registered"

{
    echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(nproc) cores"
    echo "java: $("$JAVA" -version 2>&1 | sed -n 2p), embedded H2 database, -Xmx512m"
    echo "git: $(cd "$PROJECT_DIR" && git rev-parse --short HEAD)"
} > "$OUT/machine.txt"
printf 'mode\tclients\tper_s\tp50_ms\tp95_ms\tp99_ms\titerations\terrors\n' > "$OUT/summary.tsv"
for mode in "${MODES[@]}"; do
    log "$mode: $CLIENTS clients, ${WARMUP}s warm-up + ${DURATION}s"
    (prioritized "$JAVA" -Xmx256m "$PROJECT_DIR/bench/connect/TokenLoad.java" "$BASE" "$mode" "$CLIENTS" "$WARMUP" \
        "$DURATION" "$client_id" "$client_secret" "$REDIRECT" "$GUICHET_DEMO_PASSWORD") \
        >> "$OUT/summary.tsv" 2>> "$OUT/load-errors.log" || die "$mode: failed requests (see $OUT/load-errors.log)"
    tail -1 "$OUT/summary.tsv" | tee -a "$OUT/run.log" >&2
done
# every figure a number, every run with iterations
awk -F'\t' 'NR > 1 && ($3 !~ /^[0-9.]+$/ || $7 + 0 == 0) {bad = 1} END {exit bad}' "$OUT/summary.tsv" \
    || die "a run without figures: $OUT/summary.tsv"
column -t -s $'\t' "$OUT/summary.tsv" | tee "$OUT/summary.txt" >&2
