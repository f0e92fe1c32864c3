#!/usr/bin/env python3
"""Writes the summary.md of a run.sh results directory (Markdown on stdout).

    summary.py RESULTS_DIR MEASURED_SECONDS

Reads what run.sh left there: machine.txt, data.txt, jmh-*.json (JMH), gatling-*/*/index.html
(Gatling 3.15 writes no stats.json: the figures come from the statistics table of its HTML
report), large-users-page.txt, sql-per-page.txt, machine-load.txt, app-warnings.txt.
"""
import glob
import html
import json
import os
import re
import sys

out, duration = sys.argv[1], float(sys.argv[2])


def read(name):
    path = os.path.join(out, name)
    return open(path, encoding="utf-8").read() if os.path.exists(path) else None


def pct(values, p):
    values = sorted(values)
    if not values:
        return float("nan")
    k = max(0, min(len(values) - 1, int(round(p / 100 * len(values) + 0.5)) - 1))  # nearest rank
    return values[k]


print("# Administration benchmarks:", os.path.basename(out))
print()
print("```")
print((read("machine.txt") or "").strip())
print("```")
if read("data.txt"):
    print()
    print("Data (generate.sql):")
    print()
    print("```")
    print(read("data.txt").strip())
    print("```")

jmh_files = sorted(glob.glob(os.path.join(out, "jmh-*.json")))
if jmh_files:
    print()
    print("## Permission check (JMH)")
    print()
    print("| benchmark | who | mode | samples | mean | p50 | p90 | p95 | p99 | p99.9 | max | unit |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for f in jmh_files:
        for r in json.load(open(f)):
            m = r["primaryMetric"]
            name = r["benchmark"].split(".")[-2] + "." + r["benchmark"].split(".")[-1]
            who = r.get("params", {}).get("who", "admin" if "CheckParts" in name else "")
            p = m.get("scorePercentiles", {})
            samples = ""
            if r["mode"] == "sample":
                samples = sum(c for fork in m.get("rawDataHistogram", []) for it in fork for _, c in it)
            def g(k):
                return f"{p[k]:.1f}" if k in p and r["mode"] == "sample" else ""
            # (one iteration, as in smoke mode, has no error: JMH writes "NaN")
            error = f"{m['scoreError']:.1f}" if isinstance(m["scoreError"], (int, float)) else str(m["scoreError"])
            print(f"| {name} | {who} | {r['mode']} | {samples} | {m['score']:.1f} ± {error} | "
                  f"{g('50.0')} | {g('90.0')} | {g('95.0')} | {g('99.0')} | {g('99.9')} | {g('100.0')} | {m['scoreUnit']} |")

for report in sorted(glob.glob(os.path.join(out, "gatling-*", "*", "index.html")),
                     key=lambda r: ("profiled" in r, "whatif" in r, "1-user" in r, r)):
    label = os.path.basename(os.path.dirname(os.path.dirname(report)))[len("gatling-"):]
    settings = (read(os.path.join("gatling-" + label, "settings")) or "").strip()
    m = re.search(r"([0-9]+) s measured", settings)
    measured = float(m.group(1)) if m else duration
    print()
    print(f"## Pages under load: {label} ({settings}; per second = count / measured seconds)")
    print()
    print("| request | count | KO | per second | mean ms | p50 ms | p75 ms | p95 ms | p99 ms | max ms |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    text = open(report, encoding="utf-8").read()
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", text, re.S):
        name = re.search(r'class="ellipsed-name">([^<]*)<', row)
        if not name:
            continue
        name = html.unescape(name.group(1))
        cols = dict(re.findall(r'<td class="value [a-z]+ col-(\d+)">([^<]*)</td>', row))
        if name.startswith(("warm-up ", "setup ")) or name == "All Requests" or not cols:
            continue
        total = int(cols["2"])
        print(f"| {name} | {total} | {cols['4']} | {total / measured:.1f} | {cols['13']} | {cols['8']} | {cols['9']} | "
              f"{cols['10']} | {cols['11']} | {cols['12']} |")
    print()
    print(f"Report: {os.path.relpath(report, out)}")

large = read("large-users-page.txt")
if large:
    rows = [l.split() for l in large.strip().splitlines()]
    warm_up = 5 if len(rows) > 5 else 0
    times = [float(r[1]) * 1000 for r in rows[warm_up:]]
    members = (read("large-users-page.members") or "?").strip()
    print()
    print(f"## An establishment's users page ({members} members), sequential, {len(times)} requests after {warm_up} warm-up")
    print()
    print(f"p50 {pct(times, 50):.0f} ms, p95 {pct(times, 95):.0f} ms, max {max(times):.0f} ms; "
          f"page size {int(rows[-1][2]) / 1024:.0f} KiB")

if read("jfr-breakdown.md"):
    print()
    print("## Where the request threads' CPU goes (JFR, under the profiled load)")
    print()
    print(read("jfr-breakdown.md").strip())

for title, name in (("CPU per request, sequential (curl)", "cpu-per-request.txt"), ("SQL statements per permission check", "sql-per-check.txt"), ("SQL statements per page", "sql-per-page.txt"), ("Machine during the measurements", "machine-load.txt"),
                    ("Application warnings and errors (count, message)", "app-warnings.txt")):
    content = read(name)
    if content is not None:
        print()
        print("## " + title)
        print()
        print("```")
        print(content.strip() or "(none)")
        print("```")
