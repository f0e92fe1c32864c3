#!/usr/bin/env bash
# Start-up time and idle resident memory of the embedded default (H2 file database, demo data).
#
#   bench/startup.sh [--runs N] [--idle SECONDS] [--fresh-db] [--training onrefresh|workload] [MODE...]
#   bench/startup.sh --resummarize bench/results/startup-<timestamp>   (rewrite summary.md from runs.tsv)
#
# MODE (default: jdk17 jdk25 jdk25-aot):
#   jdk17            java 17 -jar target/guichet-*.jar                     (the baseline)
#   jdk25            java 25 -jar target/guichet-*.jar
#   jdk25-extracted  java 25 -jar on the extracted jar (no AOT cache): isolates the extraction's share
#   jdk25-aot        java 25 -XX:AOTCache=app.aot -jar on the extracted jar (JEP 483/514)
#   jdk17-cds        java 17 -XX:SharedArchiveFile=app.jsa -jar on the extracted jar (AppCDS, for comparison)
#   jdk25-aot-spring the AOT cache on top of Spring AOT: the jar built with ./mvnw -Paot (bean
#                    definitions generated at build time; GUICHET_AOT_JAR, built if absent), run and
#                    trained with -Dspring.aot.enabled=true
#
# Each run: a new temporary working directory holding a copy of a database seeded once beforehand
# (so every run is a restart of an existing installation; --fresh-db starts on an empty directory
# instead, i.e. the very first start with migrations, and demo data created after "Started"), start,
# poll GET /actuator/health/readiness every 0.1 s until 200, wait --idle seconds (default 30) without
# any request, read the process RSS, stop with SIGTERM. Records:
#   started_s : "Started GuichetApplication in X seconds" (Spring's own figure)
#   jvm_s     : "(process running for Y)" of the same line (includes JVM start)
#   ready_s   : wall time from launching java to the first 200 of /actuator/health/readiness
#   rss_mb    : ps -o rss of the java process after the idle wait
# A start during which other processes used more than BENCH_MAX_OTHERS_CPU (4) s of CPU is
# discarded and repeated (up to 6 attempts): on 2 cores, any other work skews start-up times.
# Results: bench/results/startup-<timestamp>/ (runs.tsv, summary.md, logs).
#
# Environment: JAVA17_HOME, JAVA25_HOME, GUICHET_JAR, BENCH_PORT (18080), JAVA_OPTS (added to every
# run, e.g. JAVA_OPTS='-Xmx256m'), BENCH_KEEP_TMP=1 to keep the temporary directories.
# BENCH_SMOKE=1 (bench/smoke.sh): a check of the script, not a measurement: 1 run of jdk17 and of
# jdk25-aot unless modes are given, the AOT cache trained with --training onrefresh unless told
# otherwise, 1 s idle, nothing discarded; every kept run's figures are checked to be numbers.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
# what is started here is what is measured, in smoke mode too (AOT cache, CDS archive): lib.sh reads it
# shellcheck disable=SC2034
SMOKE_JVM_OPTS=()

RUNS=3
IDLE=30
FRESH=0
TRAINING=workload
[[ "$BENCH_SMOKE" == 1 ]] && TRAINING=onrefresh
RESUMMARIZE=
MODES=()
while (( $# )); do
    case "$1" in
        --runs) RUNS="$2"; shift 2 ;;
        --idle) IDLE="$2"; shift 2 ;;
        --fresh-db) FRESH=1; shift ;;
        --training) TRAINING="$2"; shift 2 ;;
        --resummarize) RESUMMARIZE="$2"; shift 2 ;;
        -h|--help) sed -n '2,/^set -euo/{/^#/p}' "$0"; exit 0 ;;
        jdk17|jdk25|jdk25-extracted|jdk25-aot|jdk17-cds|jdk25-aot-spring) MODES+=("$1"); shift ;;
        *) die "unknown argument: $1 (see --help)" ;;
    esac
done
if [[ "$BENCH_SMOKE" == 1 ]]; then
    RUNS=1 IDLE=1
    (( ${#MODES[@]} )) || MODES=(jdk17 jdk25-aot)
fi
(( ${#MODES[@]} )) || MODES=(jdk17 jdk25 jdk25-aot)
[[ "$RUNS" =~ ^[0-9]+$ ]] && (( RUNS >= 1 && RUNS <= 20 )) || die "--runs must be within 1..20"
[[ "$IDLE" =~ ^[0-9]+$ ]] && (( IDLE <= 600 )) || die "--idle must be within 0..600"
[[ "$TRAINING" == onrefresh || "$TRAINING" == workload ]] || die "--training: onrefresh or workload"
read -r -a EXTRA_OPTS <<< "${JAVA_OPTS:-}"
# A start during which other processes used more CPU than this (s) is discarded and repeated.
MAX_OTHERS_CPU="${BENCH_MAX_OTHERS_CPU:-4}"
[[ "$BENCH_SMOKE" == 1 ]] && MAX_OTHERS_CPU=1000000
MAX_ATTEMPTS=6

write_summary() {
    {
        echo "# Start-up and idle RSS ($(date -u +%Y-%m-%dT%H:%M:%SZ))"
        echo
        echo '```'; cat "$OUT/machine.txt"; echo '```'
        echo
        echo "Median (min–max) of the kept runs ($RUNS per mode); RSS after ${IDLE} s idle."
        echo
        echo '| mode | Started in (s) | process running for (s) | launch → readiness 200 (s) | idle RSS (MB) | CPU used by the start (s) |'
        echo '|---|---|---|---|---|---|'
        local m col row med lo hi
        for m in "${MODES[@]}"; do
            row="| $m"
            for col in 3 4 5 6 9; do
                read -r med lo hi < <(awk -F'\t' -v m="$m" -v c="$col" 'NR>1 && $1==m && $11=="yes" && $c!="-" {print $c}' "$OUT/runs.tsv" | stats)
                row="$row | $med ($lo–$hi)"
            done
            echo "$row |"
        done
        echo
        echo "GET /actuator/health status codes seen (kept runs): $(awk -F'\t' 'NR>1 && $11=="yes" {print $7}' "$OUT/runs.tsv" | sort | uniq -c | xargs)."
        echo "CPU used by other processes during a kept start: at most $(awk -F'\t' 'NR>1 && $11=="yes" {print $10}' "$OUT/runs.tsv" | sort -g | tail -1) s (the curl polling is ~2 s of it);"
        echo "$(awk -F'\t' 'NR>1 && $11=="no"' "$OUT/runs.tsv" | wc -l) start(s) discarded and repeated because other processes used more than ${MAX_OTHERS_CPU} s of CPU (runs.tsv, others_cpu_s)."
    } > "$OUT/summary.md"
    cat "$OUT/summary.md"
    log "results in $OUT"
    local m
    for m in "${MODES[@]}"; do
        # started_s, jvm_s, ready_s, rss_mb of the mode's kept runs (none for a mode that did not run)
        # shellcheck disable=SC2046
        expect_numbers "$m (runs.tsv)" $(awk -F'\t' -v m="$m" 'NR>1 && $1==m && $11=="yes" {print $3, $4, $5, $6}' "$OUT/runs.tsv")
    done
}

if [[ -n "$RESUMMARIZE" ]]; then
    OUT="$RESUMMARIZE"
    mapfile -t MODES < <(awk -F'\t' 'NR>1 && !seen[$1]++ {print $1}' "$OUT/runs.tsv")
    RUNS="$(awk -F'\t' 'NR>1 && $11=="yes"' "$OUT/runs.tsv" | wc -l) in all"
    IDLE="$(sed -n 's/.*idle: \([0-9]*\)s.*/\1/p' "$OUT/machine.txt")"
    write_summary
    exit 0
fi

J17="$JAVA17_HOME/bin/java"
J25="$JAVA25_HOME/bin/java"
OUT="$BENCH_DIR/results/startup-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT/logs"
"$BENCH_DIR/machine-facts.sh" > "$OUT/machine.txt"
make_work_dir
ensure_jar "$WORK"
JAR_NAME="$(basename "$GUICHET_JAR")"

{
    machine_summary
    echo "modes: ${MODES[*]}; runs: $RUNS; idle: ${IDLE}s; database: $([[ $FRESH == 1 ]] && echo 'fresh (first start)' || echo 'seeded copy (restart)'); AOT/CDS training: $TRAINING"
    echo "JAVA_OPTS: ${JAVA_OPTS:-(none)}; measured JVMs run at nice $BENCH_NICE"
} | tee "$OUT/machine.txt" >&2

if [[ $FRESH == 0 ]]; then
    mkdir -p "$WORK/seed"
    seed_database "$J17" "$WORK/seed"
    cp "$WORK/seed/seed.log" "$OUT/logs/seed.log"
fi

# A working directory for one run: empty, or with a copy of the seeded database.
run_dir() {
    local d="$WORK/run-$1"
    rm -rf "$d"; mkdir -p "$d"
    [[ $FRESH == 1 ]] || cp -r "$WORK/seed/data" "$d/data"
    echo "$d"
}

needs_extract=0
needs_spring_aot=0
for m in "${MODES[@]}"; do
    if [[ $m == jdk25-extracted || $m == jdk25-aot || $m == jdk17-cds ]]; then needs_extract=1; fi
    if [[ $m == jdk25-aot-spring ]]; then needs_spring_aot=1; fi
done
if (( needs_extract )); then
    # Spring Boot's recommended layout for CDS / AOT cache: application jar + lib/, plain class path.
    log "extracting the jar (java -Djarmode=tools -jar $JAR_NAME extract)"
    "$J25" -Djarmode=tools -jar "$GUICHET_JAR" extract --destination "$WORK/extracted" >/dev/null
fi
EXTRACTED_JAR="$WORK/extracted/$JAR_NAME"
: "${GUICHET_AOT_JAR:=$PROJECT_DIR/target/guichet-aot-0.1.0-SNAPSHOT.jar}"
if (( needs_spring_aot )); then
    if [[ ! -f $GUICHET_AOT_JAR ]]; then
        log "building the Spring AOT jar (./mvnw -Paot -DskipTests package)"
        (cd "$PROJECT_DIR" && ./mvnw -B -q -Paot -DskipTests package) > "$OUT/logs/aot-build.log" 2>&1 || die "AOT build failed"
    fi
    echo "spring aot jar: $GUICHET_AOT_JAR (sha256 $(sha256sum "$GUICHET_AOT_JAR" | cut -c1-12)…)" | tee -a "$OUT/machine.txt" >&2
    "$J25" -Djarmode=tools -jar "$GUICHET_AOT_JAR" extract --destination "$WORK/extracted-aot" >/dev/null
fi
EXTRACTED_AOT_JAR="$WORK/extracted-aot/$(basename "$GUICHET_AOT_JAR")"

# Exercises the application a little while a training run records (workload training).
exercise() {
    local e
    for e in claire.martin@univ-montval.fr paul.bernard@univ-lacbleu.fr admin@agence-demo.fr; do
        sign_in_check "$e" || die "sign-in failed during training"
    done
    local p
    for p in / /connexion /inscription /mot-de-passe-oublie /actuator/health/liveness; do
        curl -s -o /dev/null "http://127.0.0.1:$BENCH_PORT$p"
    done
}

# train JAVA OPTION LOG : one training run, ending with the archive / cache written.
train() {
    local java="$1" option="$2" logf="$3" d
    d="$(run_dir train)"
    if [[ $TRAINING == onrefresh ]]; then
        # Spring Framework stops right after refreshing the context (before the web server starts).
        (cd "$d" && timeout "$BENCH_START_TIMEOUT" "$java" "${EXTRA_OPTS[@]}" "${TRAIN_OPTS[@]}" "$option" -Dspring.context.exit=onRefresh \
            -jar "$TRAIN_JAR" --server.port="$BENCH_PORT" --server.address=127.0.0.1) >"$logf" 2>&1 \
            || die "training run failed (see $logf)"
    else
        # Start, serve a few sign-ins and pages, stop cleanly (SIGTERM): the JVM writes at exit.
        start_app "$java" "$d" "$logf" "${EXTRA_OPTS[@]}" "${TRAIN_OPTS[@]}" "$option" -jar "$TRAIN_JAR"
        wait_ready "$APP_PID" || die "training run not ready (see $logf)"
        exercise
        stop_app "$APP_PID" 300
    fi
}

AOT_CACHE="$WORK/app.aot"
AOT_SPRING_CACHE="$WORK/app-spring.aot"
CDS_ARCHIVE="$WORK/app.jsa"
TRAIN_JAR="$EXTRACTED_JAR"
TRAIN_OPTS=()
for m in "${MODES[@]}"; do
    if [[ $m == jdk25-aot-spring && ! -f $AOT_SPRING_CACHE ]]; then
        wait_quiet 120 >/dev/null
        log "AOT cache training run on the Spring AOT jar ($TRAINING): -XX:AOTCacheOutput=app-spring.aot"
        TRAIN_JAR="$EXTRACTED_AOT_JAR"; TRAIN_OPTS=(-Dspring.aot.enabled=true)
        train "$J25" "-XX:AOTCacheOutput=$AOT_SPRING_CACHE" "$OUT/logs/aot-spring-training.log"
        TRAIN_JAR="$EXTRACTED_JAR"; TRAIN_OPTS=()
        [[ -f $AOT_SPRING_CACHE ]] || die "no AOT cache written (see $OUT/logs/aot-spring-training.log)"
        echo "aot cache (spring aot): $(stat -c %s "$AOT_SPRING_CACHE") bytes" | tee -a "$OUT/machine.txt" >&2
    fi
    if [[ $m == jdk25-aot && ! -f $AOT_CACHE ]]; then
        wait_quiet 120 >/dev/null
        log "AOT cache training run ($TRAINING): -XX:AOTCacheOutput=app.aot"
        t0=$(date +%s.%N)
        train "$J25" "-XX:AOTCacheOutput=$AOT_CACHE" "$OUT/logs/aot-training.log"
        [[ -f $AOT_CACHE ]] || die "no AOT cache written (see $OUT/logs/aot-training.log)"
        echo "aot cache: $(stat -c %s "$AOT_CACHE") bytes, training + assembly $(echo "$(date +%s.%N) - $t0" | bc) s" | tee -a "$OUT/machine.txt" >&2
    fi
    if [[ $m == jdk17-cds && ! -f $CDS_ARCHIVE ]]; then
        wait_quiet 120 >/dev/null
        log "CDS training run ($TRAINING): -XX:ArchiveClassesAtExit=app.jsa"
        train "$J17" "-XX:ArchiveClassesAtExit=$CDS_ARCHIVE" "$OUT/logs/cds-training.log"
        [[ -f $CDS_ARCHIVE ]] || die "no CDS archive written (see $OUT/logs/cds-training.log)"
        echo "cds archive: $(stat -c %s "$CDS_ARCHIVE") bytes" | tee -a "$OUT/machine.txt" >&2
    fi
done

printf 'mode\trun\tstarted_s\tjvm_s\tready_s\trss_mb\thealth\tbusy_before_pct\tapp_cpu_s\tothers_cpu_s\tkept\n' > "$OUT/runs.tsv"
for m in "${MODES[@]}"; do
    case "$m" in
        jdk17) JAVA="$J17"; ARGS=(-jar "$GUICHET_JAR") ;;
        jdk25) JAVA="$J25"; ARGS=(-jar "$GUICHET_JAR") ;;
        jdk25-extracted) JAVA="$J25"; ARGS=(-jar "$EXTRACTED_JAR") ;;
        # AOTMode=on: refuse to start rather than silently run without the cache
        jdk25-aot) JAVA="$J25"; ARGS=(-XX:AOTCache="$AOT_CACHE" -XX:AOTMode=on -jar "$EXTRACTED_JAR") ;;
        jdk17-cds) JAVA="$J17"; ARGS=(-XX:SharedArchiveFile="$CDS_ARCHIVE" -Xshare:on -jar "$EXTRACTED_JAR") ;;
        jdk25-aot-spring) JAVA="$J25"; ARGS=(-XX:AOTCache="$AOT_SPRING_CACHE" -XX:AOTMode=on -Dspring.aot.enabled=true
            -jar "$EXTRACTED_AOT_JAR") ;;
    esac
    for r in $(seq 1 "$RUNS"); do
        for attempt in $(seq 1 "$MAX_ATTEMPTS"); do
            busy="$(wait_quiet 300)"
            d="$(run_dir "$m-$r")"
            logf="$OUT/logs/$m-$r.log"
            log "$m run $r/$RUNS, attempt $attempt (machine ${busy}% busy before)"
            ticks0="$(machine_busy_ticks)"
            start_app "$JAVA" "$d" "$logf" "${EXTRA_OPTS[@]}" "${ARGS[@]}"
            wait_ready "$APP_PID" || { tail -40 "$logf" >&2; die "$m run $r did not start"; }
            ticks1="$(machine_busy_ticks)"
            app_cpu="$(cpu_seconds "$APP_PID")"
            ready="$(echo "$APP_T_READY - $APP_T0" | bc)"
            # CPU used during the start by anything but the application (the curl polling every
            # 0.1 s is part of it, ~2 s): more means another process competed for the 2 cores.
            others="$(echo "scale=1; ($ticks1 - $ticks0) / $(getconf CLK_TCK) - $app_cpu" | bc)"
            line="$(grep -m1 'Started GuichetApplication in' "$logf" || true)"
            started="$(sed -n 's/.*Started GuichetApplication in \([0-9.]*\) seconds.*/\1/p' <<< "$line")"
            jvm="$(sed -n 's/.*process running for \([0-9.]*\)).*/\1/p' <<< "$line")"
            kept=yes
            if (( $(echo "$others > $MAX_OTHERS_CPU" | bc) )) && (( attempt < MAX_ATTEMPTS )); then
                kept=no
                rss=-; health=-
                log "discarded: other processes used ${others} s of CPU during this start (limit ${MAX_OTHERS_CPU} s)"
                mv "$logf" "$OUT/logs/$m-$r-discarded-$attempt.log"
            else
                sleep "$IDLE"
                rss=$(( $(rss_kb "$APP_PID") / 1024 ))
                health="$(curl -s -o /dev/null -w '%{http_code}' --max-time 15 "http://127.0.0.1:$BENCH_PORT/actuator/health")"
            fi
            stop_app "$APP_PID"
            printf '%s\t%s\t%s\t%s\t%.2f\t%s\t%s\t%s\t%s\t%s\t%s\n' "$m" "$r" "${started:--}" "${jvm:--}" "$ready" "$rss" \
                "$health" "$busy" "$app_cpu" "$others" "$kept" | tee -a "$OUT/runs.tsv" >&2
            [[ $kept == yes ]] && break
        done
    done
done

write_summary
