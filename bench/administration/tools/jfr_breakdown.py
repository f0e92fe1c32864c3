#!/usr/bin/env python3
"""Where the request threads' CPU goes, from a JFR recording's execution samples.

    jfr print --events jdk.ExecutionSample --stack-depth 256 app.jfr | jfr_breakdown.py

Only samples of Tomcat's request threads (http-nio-*) count: CPU time in Java (a thread waiting
for PostgreSQL's answer is not sampled). Each sample is given to the first component of the list
below found anywhere in its stack (in that order of priority: a JDBC call made by Hibernate
counts as "PostgreSQL driver", a link lookup made while rendering as "static-resource lookup"),
and to the application method nearest the top of the stack (fr.guichet.*).
"""
import collections
import re
import sys

COMPONENTS = [
    ("Argon2id (the sign-ins)", ("org.springframework.security.crypto.",)),
    ("static-resource lookup of each link (ResourceUrlEncodingFilter -> resource chain -> classpath)",
     ("org.springframework.web.servlet.resource.",)),
    ("Spring Session JDBC (load/save the session)", ("org.springframework.session.jdbc.",)),
    ("PostgreSQL driver (JDBC calls)", ("org.postgresql.",)),
    ("HikariCP", ("com.zaxxer.hikari.",)),
    ("Hibernate (queries, entity loading, flush)", ("org.hibernate.",)),
    ("Thymeleaf rendering (the rest of it)", ("org.thymeleaf.", "org.attoparser.")),
    ("Spring transactions", ("org.springframework.transaction.", "org.springframework.orm.")),
    ("application code (fr.guichet, rest)", ("fr.guichet.",)),
    ("Micrometer observations", ("io.micrometer.",)),
    ("Spring Security filters (their own work)", ("org.springframework.security.",)),
]

samples = []
thread = None
stack = []
in_stack = False
for line in sys.stdin:
    line = line.rstrip("\n")
    m = re.match(r'\s*sampledThread = "([^"]*)"', line)
    if m:
        thread = m.group(1)
        continue
    if line.strip() == "stackTrace = [":
        in_stack, stack = True, []
        continue
    if in_stack:
        if line.strip() == "]":
            in_stack = False
            samples.append((thread, stack))
        elif line.strip() and line.strip() != "...":
            stack.append(line.strip())

requests = [s for t, s in samples if t and t.startswith("http-nio")]
print(f"{len(samples)} samples, {len(requests)} on request threads (http-nio-*)")
if not requests:
    sys.exit(0)

by_component = collections.Counter()
for stack in requests:
    for name, prefixes in COMPONENTS:
        if any(frame.startswith(prefixes) for frame in stack):
            by_component[name] += 1
            break
    else:
        by_component["other (Tomcat, Spring MVC, JDK)"] += 1
print()
print("| component (first found in the stack, in priority order) | samples | share |")
print("|---|---|---|")
for name, n in by_component.most_common():
    print(f"| {name} | {n} | {100 * n / len(requests):.0f} % |")

by_method = collections.Counter()
for stack in requests:
    app = [f for f in stack if f.startswith("fr.guichet.")]
    key = re.sub(r"\(.*", "", app[0]) if app else "(no application frame)"
    by_method[key] += 1
print()
print("| innermost application method on the stack | samples | share |")
print("|---|---|---|")
for name, n in by_method.most_common(15):
    print(f"| {name} | {n} | {100 * n / len(requests):.0f} % |")

by_top = collections.Counter(re.sub(r"\(.*", "", s[0]) for s in requests if s)
print()
print("| top frame (self time) | samples | share |")
print("|---|---|---|")
for name, n in by_top.most_common(12):
    print(f"| {name} | {n} | {100 * n / len(requests):.0f} % |")
