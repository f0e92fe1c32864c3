# shellcheck shell=bash
# The machine's state around a measurement, for the benches that record it (administration, helpdesk, changes).
# Sourced after log() is defined; reads $OUT and $BENCH_QUIET_WAIT.

busy_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9}' /proc/stat; }
cpu_busy_pct() {
    local a b
    read -r -a a < <(busy_ticks); sleep 1; read -r -a b < <(busy_ticks)
    echo $(( 100 * (b[0] - a[0]) / (b[1] - a[1] > 0 ? b[1] - a[1] : 1) ))
}
wait_quiet() {
    local waited=0 busy
    (( BENCH_QUIET_WAIT > 0 )) || return 0
    [[ "${BENCH_SMOKE:-0}" == 1 ]] && return 0
    while :; do
        busy="$(cpu_busy_pct)"
        (( busy < 15 )) && break
        if (( waited >= BENCH_QUIET_WAIT )); then
            log "machine still ${busy}% busy after ${BENCH_QUIET_WAIT}s of waiting: measuring anyway (see machine-load.txt)"
            break
        fi
        (( waited == 0 )) && log "machine ${busy}% busy: waiting up to ${BENCH_QUIET_WAIT}s for it to calm down"
        sleep 4; waited=$((waited + 5))
    done
}
declare -A MARK_TICKS MARK_TOTAL MARK_T0 MARK_LOAD
mark() {
    local t; read -r -a t < <(busy_ticks)
    MARK_TICKS[$1]=${t[0]}; MARK_TOTAL[$1]=${t[1]}; MARK_T0[$1]=$(date +%s); MARK_LOAD[$1]="$(cut -d' ' -f1-3 /proc/loadavg)"
    # (awk, not head: ps stopped by SIGPIPE would fail the script under pipefail)
    ps -eo pcpu=,pid=,args= --sort=-pcpu | awk 'NR <= 4' | cut -c1-160 | sed "s/^/  [$1 start] top: /" >> "$OUT/machine-load.txt"
}
mark_end() {
    local t; read -r -a t < <(busy_ticks)
    local busy=$(( 100 * (t[0] - MARK_TICKS[$1]) / (t[1] - MARK_TOTAL[$1] > 0 ? t[1] - MARK_TOTAL[$1] : 1) ))
    echo "$1: $(( $(date +%s) - MARK_T0[$1] )) s, machine CPU ${busy}% busy (both cores, everything), load average ${MARK_LOAD[$1]} at start, $(cut -d' ' -f1-3 /proc/loadavg) at end" \
        | tee -a "$OUT/machine-load.txt" >&2
}
proc_cpu() { awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15) / hz}' "/proc/$1/stat" 2>/dev/null || echo 0; }
