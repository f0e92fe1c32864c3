#!/usr/bin/env bash
# Fuzzing of the encryption certificate parser: now one target of bench/fuzz.sh, kept for the
# commands written down before it.
#   bench/fuzz-certificates.sh [TRIES]   = bench/fuzz.sh certificates [TRIES]
exec "$(dirname "$0")/fuzz.sh" certificates "$@"
