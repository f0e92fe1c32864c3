#!/usr/bin/env python3
"""Where the requests' wall-clock time goes, from thread dumps taken at regular intervals under load
(jcmd PID Thread.print, every 0.25 s): a poor man's wall-clock profiler that, unlike JFR's execution
samples, also sees a request thread that waits (for PostgreSQL, a lock, an index commit).

    stacks.py < dumps.txt

Only Tomcat request threads busy with a request (an fr.guichet frame in their stack) count. Each
goes to the first component found from the top of its stack, in the order of the list below, and to
the application method nearest the top.
"""
import collections
import re
import sys

COMPONENTS = [
    ("Argon2id (sign-ins)", ("org.bouncycastle.crypto.generators.Argon2", "org.springframework.security.crypto.")),
    ("waiting for the index commit (Hibernate Search write-sync)", ("CompletableFuture.get", "CompletableFuture.join")),
    ("jollyday (French public holidays)", ("de.focus_shift.",)),
    ("Lucene (searching, indexing)", ("org.apache.lucene.",)),
    ("Hibernate Search (mapping, orchestration)", ("org.hibernate.search.",)),
    ("e-mail templates (notification)", ("fr.guichet.notification.",)),
    ("HikariCP (waiting for a connection)", ("com.zaxxer.hikari.pool.HikariPool.getConnection",)),
    ("PostgreSQL (JDBC: the query's round trip)", ("org.postgresql.",)),
    ("Hibernate ORM (loading, flush)", ("org.hibernate.",)),
    ("Thymeleaf rendering", ("org.thymeleaf.", "org.attoparser.")),
    ("Jackson (JSON)", ("com.fasterxml.jackson.", "tools.jackson.")),
]

dumps = 0
threads = []  # (state, frames)
name = None
state = None
frames = []


search_threads = collections.Counter()


def flush():
    if name and "Hibernate Search" in name and frames and any("lucene" in f for f in frames):
        search_threads[(re.sub(r"\d+", "N", name), state, frames[0])] += 1
    if name and re.search(r"http-nio-.*-exec-", name) and any(f.startswith("fr.guichet.") for f in frames):
        threads.append((state, list(frames)))


for line in sys.stdin:
    line = line.rstrip("\n")
    if line.startswith("Full thread dump"):
        dumps += 1
    m = re.match(r'^"([^"]+)"', line)
    if m:
        flush()
        name, state, frames = m.group(1), None, []
        continue
    m = re.match(r"\s+java.lang.Thread.State: (\w+)", line)
    if m:
        state = m.group(1)
        continue
    m = re.match(r"\s+at (\S+)\(", line)
    if m:
        frames.append(m.group(1))
        continue
    if not line.strip():
        flush()
        name, frames = None, []
flush()

total = len(threads)
print(f"{dumps} thread dumps, {total} busy request threads seen in them"
      f" ({total / max(dumps, 1):.1f} per dump on average)\n")
if not total:
    sys.exit(0)


def pct(n):
    return f"{100.0 * n / total:5.1f} %"


print("| thread state | share |\n|---|---|")
for s, n in collections.Counter(s for s, _ in threads).most_common():
    print(f"| {s} | {pct(n)} |")

components = collections.Counter()
for s, f in threads:
    for comp, prefixes in COMPONENTS:
        if any(any(p in fr for p in prefixes) for fr in f):
            components[comp] += 1
            break
    else:
        components["other (Spring, Tomcat, JDK…)"] += 1
print("\n| component (first of the list found in the stack) | share |\n|---|---|")
for comp, n in components.most_common():
    print(f"| {comp} | {pct(n)} |")

app = collections.Counter(next(fr for fr in f if fr.startswith("fr.guichet.")) for _, f in threads)
print("\n| nearest application method | share |\n|---|---|")
for m, n in app.most_common(15):
    print(f"| {m} | {pct(n)} |")

top = collections.Counter(f[0] for _, f in threads if f)
print("\n| top frame | share |\n|---|---|")
for m, n in top.most_common(12):
    print(f"| {m} | {pct(n)} |")

print("\n| Hibernate Search threads at work on Lucene (thread, state, top frame) | dumps |\n|---|---|")
for (n, st, f), c in search_threads.most_common(10):
    print(f"| {n}, {st}, {f} | {c} |")
