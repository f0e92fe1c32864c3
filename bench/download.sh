#!/usr/bin/env bash
# Document download throughput and memory (issue 4): a 10 MB file of a service's document space,
# streamed from disk, on an application whose heap is capped, compared with a 45 MB file (the upload limit is 50 MB).
#
#   bench/download.sh [--xmx 128m] [--count 40] [--parallel 4]
#
# Steps: seed a database (first start, demo data); start the application (JDK 17, -Xmx as given, the
# embedded default otherwise); sign in as the demo platform admin with curl and create an API
# token on /compte/jetons; upload through the API (POST /api/v1/services/{id}/documents) two PDF
# files of 10 MB and 45 MB (a PDF header, random bytes, an end marker: the type is detected from the
# bytes); then, for each file, --count downloads through the page link one after the other, and
# --count downloads --parallel at a time. For each batch: wall time, MB/s, the SHA-256 of every
# downloaded body checked against the uploaded file, and the heap in use (jcmd GC.heap_info,
# sampled every 0.2 s) at its highest. If a download were copied into memory, the 45 MB batches
# would need 45 MB of heap per concurrent download: under a 128 MB heap, 4 at a time would fail.
# Results: bench/results/download-<timestamp>/ (summary.md, logs).
# BENCH_SMOKE=1 (bench/smoke.sh): a check of the script, not a measurement: files of 1 and 4 MB,
# --count 2 --parallel 2 unless given. Every row of the table is checked: numbers, and no bad body.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

XMX=128m
COUNT=40
PARALLEL=4
SIZES=(10 45)
[[ "$BENCH_SMOKE" == 1 ]] && { COUNT=2 PARALLEL=2 SIZES=(1 4); }
while (( $# )); do
    case "$1" in
        --xmx) XMX="$2"; shift 2 ;;
        --count) COUNT="$2"; shift 2 ;;
        --parallel) PARALLEL="$2"; shift 2 ;;
        -h|--help) sed -n '2,/^set -euo/{/^#/p}' "$0"; exit 0 ;;
        *) die "unknown argument: $1 (see --help)" ;;
    esac
done
[[ "$COUNT" =~ ^[0-9]+$ ]] && (( COUNT >= 1 && COUNT <= 500 )) || die "--count must be within 1..500"
[[ "$PARALLEL" =~ ^[0-9]+$ ]] && (( PARALLEL >= 1 && PARALLEL <= 16 )) || die "--parallel must be within 1..16"
[[ "$XMX" =~ ^[0-9]+[mMgG]$ ]] || die "--xmx like 128m"

OUT="$BENCH_DIR/results/download-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
"$BENCH_DIR/machine-facts.sh" > "$OUT/machine.txt"
make_work_dir
ensure_jar "$WORK"
JAVA="$JAVA17_HOME/bin/java"
JCMD="$JAVA17_HOME/bin/jcmd"
BASE="http://127.0.0.1:$BENCH_PORT"
{
    machine_summary
    echo "download: -Xmx$XMX, $COUNT downloads per batch, $PARALLEL at a time in the parallel batches, JDK 17"
} | tee "$OUT/machine.txt" >&2

mkdir -p "$WORK/seed"
seed_database "$JAVA" "$WORK/seed"
start_app "$JAVA" "$WORK/seed" "$OUT/app.log" "-Xmx$XMX" -jar "$GUICHET_JAR"
wait_ready "$APP_PID" || die "application did not start (see $OUT/app.log)"

# A signed-in platform admin (cookie jar) and an API token of his.
JAR="$WORK/cookies.txt"
csrf() { sed -n 's/.*<meta name="_csrf" content="\([^"]*\)".*/\1/p' | head -1; }
token="$(curl -fs -c "$JAR" -b "$JAR" "$BASE/connexion" | csrf)"
curl -fs -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "email=admin@agence-demo.fr" \
    --data-urlencode "password=$GUICHET_DEMO_PASSWORD" --data-urlencode "_csrf=$token" "$BASE/connexion"
token="$(curl -fs -c "$JAR" -b "$JAR" "$BASE/compte/jetons" | csrf)"
API_TOKEN="$(curl -fs -c "$JAR" -b "$JAR" --data-urlencode "name=bench" --data-urlencode "_csrf=$token" -L "$BASE/compte/jetons" \
    | grep -o 'gch_[A-Za-z0-9_-]*' | sed -n 1p)"
[[ -n "$API_TOKEN" ]] || die "no API token"
SERVICE="$(curl -fs -H "Authorization: Bearer $API_TOKEN" "$BASE/api/v1/services" \
    | python3 -c 'import json,sys; print([s["id"] for s in json.load(sys.stdin) if s["code"] == "MATINFO6"][0])')"

make_pdf() { # make_pdf FILE MB
    { printf '%%PDF-1.4\n%% bench\n'; head -c "$(( $2 * 1024 * 1024 ))" /dev/urandom; printf '\n%%%%EOF\n'; } > "$1"
}
declare -A DOC SHA SIZE
for mb in "${SIZES[@]}"; do
    make_pdf "$WORK/file-$mb.pdf" "$mb"
    SHA[$mb]="$(sha256sum "$WORK/file-$mb.pdf" | cut -d' ' -f1)"
    SIZE[$mb]="$(stat -c %s "$WORK/file-$mb.pdf")"
    DOC[$mb]="$(curl -fs -H "Authorization: Bearer $API_TOKEN" -F area=ESTABLISHMENTS -F family=BUSINESS \
        -F "title=Banc $mb Mo" -F "file=@$WORK/file-$mb.pdf;type=application/pdf" \
        "$BASE/api/v1/services/$SERVICE/documents" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')"
    log "uploaded the $mb MB file: document ${DOC[$mb]}"
done

heap_used_mb() { "$JCMD" "$APP_PID" GC.heap_info 2>/dev/null | awk '/used/ {for (i = 1; i <= NF; i++) if ($i == "used") {v = $(i + 1); sub(/K,?$/, "", v); print int(v / 1024); exit}}'; }
sample_heap() { # writes the highest heap use seen to $1 until killed
    local max=0 h
    while :; do h="$(heap_used_mb)"; [[ -n "$h" ]] && (( h > max )) && { max=$h; echo "$max" > "$1"; }; sleep 0.2; done
}
export JAR BASE SERVICE WORK
{
    echo "| file | batch | downloads | wall (s) | MB/s | highest heap in use (MB) | bad bodies |"
    echo "|---|---|---|---|---|---|---|"
} > "$OUT/table.md"
for mb in "${SIZES[@]}"; do
    for mode in sequential parallel; do
        wait_quiet 60 >/dev/null || true
        rm -f "$WORK/heap-max"; echo 0 > "$WORK/heap-max"
        sample_heap "$WORK/heap-max" & sampler=$!
        t0=$(date +%s.%N)
        p=1; [[ $mode == parallel ]] && p=$PARALLEL
        bad="$(seq 1 "$COUNT" | DOCID="${DOC[$mb]}" SHAV="${SHA[$mb]}" xargs -P "$p" -I{} bash -c '
            curl -fs -b "$JAR" -o "$WORK/got-{}" "$BASE/services/$SERVICE/documents/$DOCID" || echo "FAILED {}"
            [[ "$(sha256sum "$WORK/got-{}" | cut -d" " -f1)" == "$SHAV" ]] || echo "BAD {}"
            rm -f "$WORK/got-{}"' | wc -l)"
        t1=$(date +%s.%N)
        kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null || true
        awk -v f="$mb MB" -v m="$mode ($p at a time)" -v n="$COUNT" -v t0="$t0" -v t1="$t1" -v size="${SIZE[$mb]}" \
            -v heap="$(cat "$WORK/heap-max")" -v bad="$bad" 'BEGIN {
            printf "| %s | %s | %d | %.1f | %.0f | %s | %s |\n", f, m, n, t1 - t0, n * size / 1048576 / (t1 - t0), heap, bad }' \
            | tee -a "$OUT/table.md" >&2
    done
done
rss=$(( $(rss_kb "$APP_PID") / 1024 ))
stop_app "$APP_PID"
grep -c 'OutOfMemoryError' "$OUT/app.log" > "$OUT/oom-count.txt" || true
{
    echo "# Document downloads ($(date -u +%Y-%m-%dT%H:%M:%SZ))"
    echo
    echo '```'; cat "$OUT/machine.txt"; echo '```'
    echo
    cat "$OUT/table.md"
    echo
    echo "Application RSS at the end: $rss MB; OutOfMemoryError in its log: $(cat "$OUT/oom-count.txt")."
    echo "curl downloads through the page link (the session cookie of the platform admin) on loopback, on the same 2 cores."
} > "$OUT/summary.md"
cat "$OUT/summary.md"
log "results in $OUT"
# wall, MB/s, highest heap of the 4 batches; then not one bad body
# shellcheck disable=SC2046
expect_numbers "download (table.md)" $(awk -F'|' 'NR > 2 {print $5, $6, $7}' "$OUT/table.md")
(( $(awk -F'|' 'NR > 2' "$OUT/table.md" | wc -l) == 4 )) || die "not 4 batches in $OUT/table.md"
awk -F'|' 'NR > 2 && $8 + 0 != 0 {bad = 1} END {exit bad}' "$OUT/table.md" || die "bad or failed downloads: see $OUT/table.md"
