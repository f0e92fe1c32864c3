#!/usr/bin/env bash
# Issue 17, "Statistiques", measured on the helpdesk benchmark's installation: 1,000,000 tickets
# across 200 establishments in a PostgreSQL cluster of its own (bench/helpdesk/run.sh, step data).
#
#   bench/statistics/run.sh [--users N] [--rounds N] [--tickets N]
#
# Makes the installation when there is none yet (the helpdesk's data and index steps: a few
# minutes), then the helpdesk script's statistics step:
#   - the one-time recount (Recount) of every ticket and access request into the daily counts, on
#     an application started with guichet.statistics.recount-delay=PT1S, timed from its log lines
#     "statistics: recounting" → "statistics: recount done";
#   - a year of sign-ins made up by SQL (each correspondent active on ~3 business days in 8);
#   - GET /agence/statistiques?periode=12 (every establishment, with the rankings) and
#     GET /organisations/{id}/statistiques?periode=12 (a random establishment each request) as agents
#     signed in through the form: p50/p95/p99 at 1 user (5 s warm-up + 20 s) and at --users users
#     (default 8; 10 s + 30 s), without think time, --rounds times (default 2).
# Results: bench/results/helpdesk-<timestamp>/summary.tsv (rows "statistics …"); the figures of
# record are in docs/performance.md. BENCH_STATE, BENCH_PG_PORT… as bench/helpdesk/run.sh says.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [[ "${BENCH_SMOKE:-0}" == 1 ]]; then : "${BENCH_STATE:=/tmp/guichet-helpdesk-bench-smoke}"; fi
: "${BENCH_STATE:=/tmp/guichet-helpdesk-bench}"
export BENCH_STATE
# a smoke run always makes its own tiny installation; otherwise the existing one is reused (the pages
# need the ticket index: the helpdesk's index step makes it once)
steps=(statistics)
[[ -d "$BENCH_STATE/index" ]] || steps=(index statistics)
if [[ "${BENCH_SMOKE:-0}" == 1 || ! -f "$BENCH_STATE/pg/PG_VERSION" ]]; then steps=(data index statistics); fi
exec "$HERE/../helpdesk/run.sh" "$@" "${steps[@]}"
