#!/usr/bin/env bash
# What a figure was measured on, written beside every benchmark's results (machine.txt): the same
# script on another CPU, or beside other work, gives other numbers, and a record that does not say
# which cannot be compared (the helpdesk's creation rate once halved between two days for that).
# Prints: CPU model, cores, frequency, memory, kernel, the JDKs, the load, how busy both cores were
# over a second, and the processes that took the most CPU at that moment (what else ran).
set -uo pipefail
cpu_model="$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)"
mhz="$(awk -F': ' '/^cpu MHz/ {printf "%.0f", $2; exit}' /proc/cpuinfo)"
ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9}' /proc/stat; }
read -r -a a < <(ticks); sleep 1; read -r -a b < <(ticks)
busy=$(( 100 * (b[0] - a[0]) / (b[1] - a[1] > 0 ? b[1] - a[1] : 1) ))
echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "cpu: ${cpu_model:-unknown}, $(nproc) cores, ${mhz:-?} MHz"
echo "memory: $(awk '/^MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo) ($(awk '/^MemAvailable/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo) available)"
echo "kernel: $(uname -sr)"
for home in "${JAVA17_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}" "${JAVA25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"; do
    [[ -x "$home/bin/java" ]] && echo "jdk: $("$home/bin/java" -version 2>&1 | head -n 1) ($home)"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "cpu busy over 1 s before the run: ${busy}% (both cores, everything)"
echo "what else ran (top CPU, percent of one core since each process started):"
ps -eo pcpu=,pid=,etime=,args= --sort=-pcpu | awk 'NR <= 8' | cut -c1-160 | sed 's/^/  /'
