#!/usr/bin/env bash
# Issue 15, "Measured": sign-ins per second through an OpenID Connect provider and a SAML provider,
# beside the password sign-in, in one run on this machine.
#
#   bench/federation/run.sh [--clients N] [MODE...]   MODE: password oidc saml saml-sso (default: all, in this order)
#
# The embedded default (H2 file, demo data) seeded once, with N bench accounts of Montval
# (bench.user{i}@univ-montval.fr, the demo password); the application started (JDK 17, -Xmx512m,
# --guichet.federation.saml.entity-id=urn:guichet:test, the name Keycloak's test realm knows it by).
# Two identity providers, both from Maven Central, each in a JVM of its own:
#   - OIDC: mock-oauth2-server 6.0.2 (standalone main class, class path resolved from
#     bench/federation/pom.xml), issuer /montval, in its login-form mode: the load driver posts a
#     username (oidc.user{i}), the token and user info carry email oidc.user{i}@univ-montval.fr,
#     email_verified, given_name, family_name. (Its non-interactive mode gives every sign-in the same
#     claims: they can only depend on the token request, never on who signs in.)
#   - SAML: Keycloak 26.7.3 (keycloak-quarkus-dist, unpacked into target/keycloak as the tests do),
#     start-dev, in-memory database, realm src/test/keycloak/guichet-realm.json (client
#     urn:guichet:test); N users saml.user{i} (email and eduPersonPrincipalName
#     saml.user{i}@univ-montval.fr, the demo password) created through its admin API.
# The demo platform admin registers both for the Université de Montval through his pages (curl);
# each bench person signs in once through each (a newcomer completes his civility), so that the
# measured sign-ins are returning people's. Then bench/federation/SignInLoad.java, N clients
# (default 4) without think time, each its own person and cookie jar, 10 s warm-up + 30 s per mode:
#   password  GET /connexion, POST /connexion, GET / (one Argon2id verification)
#   oidc      portal → provider's login page → its form → the portal's callback (token and user info
#             requests to the provider, ID token signature checked) → /
#   saml      a fresh cookie jar at Keycloak each time too: its login form posted (a full sign-in at
#             the provider, its password hash checked), the signed assertion posted to the ACS,
#             collected, → /
#   saml-sso  the same but Keycloak's SSO session kept: it answers at once (no form, no password)
# Each iteration a fresh portal cookie jar, and it must end on / signed in. The CPU used meanwhile
# by the application, each provider and the driver, and the machine's load, are recorded beside it.
# Before each mode the script waits (at most BENCH_QUIET_WAIT s, default 120) for a quiet machine.
# Ports: what the OS gives (BENCH_PORT for the application, if set). Results:
# bench/results/federation-<timestamp>/summary.tsv (git-ignored), machine-load.txt, the logs.
#
# BENCH_SMOKE=1 (bench/smoke.sh): a check of the script, not a measurement: 1 client, 1 s + 2 s, the
# driver compiled once.
# Maven fetches mock-oauth2-server and Keycloak from Maven Central when missing (never skipped).
set -euo pipefail
# (decimal points in the figures whatever the locale)
export LC_NUMERIC=C
GIVEN_PORT="${BENCH_PORT:-}"
HERE="$(cd "$(dirname "$0")" && pwd)"
source "$HERE/../lib.sh"

CLIENTS=4 WARMUP=10 DURATION=30
MODES=()
if [[ "$BENCH_SMOKE" == 1 ]]; then CLIENTS=1 WARMUP=1 DURATION=2; : "${BENCH_QUIET_WAIT:=0}"; fi
: "${BENCH_QUIET_WAIT:=120}"
while (( $# )); do
    case "$1" in
        --clients) CLIENTS="$2"; shift 2 ;;
        password|oidc|saml|saml-sso) MODES+=("$1"); shift ;;
        -h|--help) sed -n '2,/^set -euo/{/^#/p}' "$0"; exit 0 ;;
        *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
    esac
done
(( ${#MODES[@]} )) || MODES=(password oidc saml saml-sso)
[[ "$CLIENTS" =~ ^[0-9]+$ ]] && (( CLIENTS >= 1 && CLIENTS <= 8 )) || { echo "--clients: 1..8" >&2; exit 2; }

OUT="$PROJECT_DIR/bench/results/federation-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
"$HERE/../machine-facts.sh" > "$OUT/machine.txt"
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" | tee -a "$OUT/run.log" >&2; }
die() { log "ERROR: $*"; exit 1; }
# shellcheck source=../machine.sh
source "$HERE/../machine.sh"
JAVA="$JAVA17_HOME/bin/java"
DRIVER="$HERE/SignInLoad.java"
KC_VERSION=26.7.3
KC_HOME="$PROJECT_DIR/target/keycloak/keycloak-$KC_VERSION"
KC_ADMIN_PASSWORD="admin-of-the-bench"
MOCK_CLASSPATH="$PROJECT_DIR/target/mock-oauth2-server.classpath"

# ---- the providers' software, from Maven Central (cached in target/, as the tests cache theirs) ---
# A clean machine (CI) fetches them; a failure stops the script: a smoke run never skips a provider.
if [[ ! -s "$MOCK_CLASSPATH" || "$HERE/pom.xml" -nt "$MOCK_CLASSPATH" ]]; then
    log "resolving mock-oauth2-server's class path (Maven Central)"
    mkdir -p "$PROJECT_DIR/target"
    (cd "$PROJECT_DIR" && ./mvnw -q -B -ntp -f "$HERE/pom.xml" \
        org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.outputFile="$MOCK_CLASSPATH") \
        > "$OUT/mock-classpath.log" 2>&1 || { tail -20 "$OUT/mock-classpath.log" >&2; die "could not resolve mock-oauth2-server"; }
fi
if [[ ! -x "$KC_HOME/bin/kc.sh" ]]; then
    log "fetching Keycloak $KC_VERSION (Maven Central, src/test/keycloak/pom.xml)"
    (cd "$PROJECT_DIR" && ./mvnw -q -B -ntp -f src/test/keycloak/pom.xml \
        org.apache.maven.plugins:maven-dependency-plugin:3.8.1:unpack-dependencies -DoutputDirectory="$PROJECT_DIR/target/keycloak") \
        > "$OUT/keycloak-unpack.log" 2>&1 || { tail -20 "$OUT/keycloak-unpack.log" >&2; die "could not fetch Keycloak"; }
    [[ -x "$KC_HOME/bin/kc.sh" ]] || die "no $KC_HOME/bin/kc.sh after unpacking"
fi

# ---- ports the OS gives (never fixed ones: other people run Keycloaks, portals and benches here) --
# Taken before seeding, which starts the application too.
mapfile -t PORTS < <("$JAVA" "$DRIVER" ports 4)
(( ${#PORTS[@]} == 4 )) || die "no free ports"
[[ -n "$GIVEN_PORT" ]] || BENCH_PORT="${PORTS[0]}"
MOCK_PORT="${PORTS[1]}" KC_PORT="${PORTS[2]}" KC_MANAGEMENT_PORT="${PORTS[3]}"
# the portal as Keycloak's client knows it (redirect URIs http://localhost*): the ACS is named after it
BASE="http://localhost:$BENCH_PORT"
MOCK="http://127.0.0.1:$MOCK_PORT"
KC="http://localhost:$KC_PORT"
log "ports: application $BENCH_PORT, mock-oauth2-server $MOCK_PORT, Keycloak $KC_PORT (management $KC_MANAGEMENT_PORT)"

# ---- the application's data -----------------------------------------------------------------------
make_work_dir
ensure_jar "$WORK"
mkdir -p "$WORK/seed"
seed_database "$JAVA" "$WORK/seed"
add_bench_accounts "$WORK/seed" "$CLIENTS"

# start_provider NAME LOGFILE COMMAND... : in the background, in a session of its own with the measured
# JVMs' priority; its PID (the command's, by exec) joins those the EXIT trap stops (SIGTERM, then SIGKILL).
start_provider() {
    local name="$1" logf="$2"
    shift 2
    (prioritized "$@") > "$logf" 2>&1 &
    PROVIDER_PID=$!
    BENCH_APP_PIDS+=("$PROVIDER_PID")
    log "$name started (PID $PROVIDER_PID)"
}
# wait_http NAME URL PID : until URL answers 200, or the process died, or BENCH_START_TIMEOUT.
wait_http() {
    local name="$1" url="$2" pid="$3" deadline=$(( $(date +%s) + BENCH_START_TIMEOUT ))
    until curl -fs -o /dev/null --max-time 2 "$url"; do
        kill -0 "$pid" 2>/dev/null || die "$name stopped while starting (see $OUT)"
        (( $(date +%s) < deadline )) || die "$name not ready after ${BENCH_START_TIMEOUT}s (see $OUT)"
        sleep 0.5
    done
}

# OIDC provider: every username signs in; its claims are the mapping's, the username put in.
cat > "$OUT/mock-oauth2-server.json" <<'JSON'
{
  "interactiveLogin": true,
  "httpServer": "NettyWrapper",
  "tokenCallbacks": [
    {
      "issuerId": "montval",
      "tokenExpiry": 300,
      "requestMappings": [
        {
          "requestParam": "subject",
          "match": "*",
          "claims": {
            "sub": "${subject}",
            "aud": ["${clientId}"],
            "email": "${subject}@univ-montval.fr",
            "email_verified": true,
            "given_name": "Essai",
            "family_name": "Fédération"
          }
        }
      ]
    }
  ]
}
JSON
JSON_CONFIG="$(cat "$OUT/mock-oauth2-server.json")" SERVER_HOSTNAME=127.0.0.1 SERVER_PORT="$MOCK_PORT" \
    start_provider mock-oauth2-server "$OUT/mock-oauth2-server.log" "$JAVA" -Xmx256m -cp "$(cat "$MOCK_CLASSPATH")" \
    no.nav.security.mock.oauth2.StandaloneMockOAuth2ServerKt
MOCK_PID=$PROVIDER_PID

# SAML provider: the tests' realm, imported at start; the database in memory (nothing left behind).
mkdir -p "$KC_HOME/data/import"
cp "$PROJECT_DIR/src/test/keycloak/guichet-realm.json" "$KC_HOME/data/import/guichet-realm.json"
KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD="$KC_ADMIN_PASSWORD" JAVA_HOME="$JAVA17_HOME" \
    JAVA_OPTS_APPEND="-Xms256m -Xmx768m ${SMOKE_JVM_OPTS[*]}" \
    start_provider Keycloak "$OUT/keycloak.log" "$KC_HOME/bin/kc.sh" start-dev --http-host=127.0.0.1 \
    --http-port="$KC_PORT" --http-management-port="$KC_MANAGEMENT_PORT" --db=dev-mem --import-realm
KC_PID=$PROVIDER_PID

start_app "$JAVA" "$WORK/seed" "$OUT/app.log" -Xmx512m -jar "$GUICHET_JAR" \
    --guichet.federation.saml.entity-id=urn:guichet:test
wait_ready "$APP_PID" || { tail -40 "$OUT/app.log" >&2; die "the application did not start"; }
sign_in_check "bench.user1@univ-montval.fr" || die "password sign-in check failed"
wait_http mock-oauth2-server "$MOCK/montval/.well-known/openid-configuration" "$MOCK_PID"
wait_http Keycloak "$KC/realms/guichet" "$KC_PID"
log "all three up"

# ---- Keycloak's bench people, through its admin API (as src/test/.../support/Keycloak.java) --------
kc_token() {
    curl -fs --data-urlencode grant_type=password --data-urlencode client_id=admin-cli \
        --data-urlencode username=admin --data-urlencode "password=$KC_ADMIN_PASSWORD" \
        "$KC/realms/master/protocol/openid-connect/token" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}
token="$(kc_token)"
[[ -n "$token" ]] || die "no admin token from Keycloak"
# (names without digits: the portal asks a newcomer for a name that does not read as one)
# its user profile keeps only declared attributes: let the federation's (eppn) through
profile="$(curl -fs -H "Authorization: Bearer $token" "$KC/admin/realms/guichet/users/profile")"
[[ "$profile" == \{* ]] || die "no user profile from Keycloak"
[[ "$profile" == *unmanagedAttributePolicy* ]] || profile="{\"unmanagedAttributePolicy\":\"ENABLED\",${profile#\{}"
curl -fs -o /dev/null -X PUT -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    --data-binary "$profile" "$KC/admin/realms/guichet/users/profile" || die "Keycloak refused the user profile"
for i in $(seq 1 "$CLIENTS"); do
    user="saml.user$i"
    # (the password as JSON: the demo password holds no quote or backslash, checked here)
    [[ "$GUICHET_DEMO_PASSWORD" != *[\"\\]* ]] || die "GUICHET_DEMO_PASSWORD with a quote or backslash"
    code="$(curl -s -o "$OUT/kc-user.txt" -w '%{http_code}' -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
        --data-binary "{\"username\":\"$user\",\"enabled\":true,\"email\":\"$user@univ-montval.fr\",\"emailVerified\":true,
            \"firstName\":\"Essai\",\"lastName\":\"Fédération\",\"attributes\":{\"eppn\":[\"$user@univ-montval.fr\"]},
            \"credentials\":[{\"type\":\"password\",\"value\":\"$GUICHET_DEMO_PASSWORD\",\"temporary\":false}]}" \
        "$KC/admin/realms/guichet/users")"
    [[ "$code" == 201 ]] || die "Keycloak refused $user: $code $(cat "$OUT/kc-user.txt")"
done
# how Keycloak hashes its people's passwords (its default): what a full SAML sign-in pays there
kc_user="$(curl -fs -H "Authorization: Bearer $token" "$KC/admin/realms/guichet/users?username=saml.user1&exact=true" \
    | sed -n 's/^\[{"id":"\([^"]*\)".*/\1/p')"
[[ -n "$kc_user" ]] && curl -fs -H "Authorization: Bearer $token" "$KC/admin/realms/guichet/users/$kc_user/credentials" \
    | grep -o '"credentialData":"[^}]*}' > "$OUT/keycloak-password-hashing.txt" || true
certificate="$(curl -fs "$KC/realms/guichet/protocol/saml/descriptor" | sed -n 's/.*<ds:X509Certificate>\([^<]*\)<.*/\1/p' | head -1)"
[[ -n "$certificate" ]] || die "no signing certificate in Keycloak's metadata"
log "Keycloak: $CLIENTS people"

# ---- the platform admin registers both providers for Montval, through his pages ------------------
jar="$WORK/admin.cookies"
csrf() { sed -n 's/.*<meta name="_csrf" content="\([^"]*\)".*/\1/p' | head -1; }
token="$(curl -fs -c "$jar" -b "$jar" "$BASE/connexion" | csrf)"
curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "email=admin@agence-demo.fr" \
    --data-urlencode "password=$GUICHET_DEMO_PASSWORD" --data-urlencode "_csrf=$token" "$BASE/connexion"
# register PROTOCOL FIELD=VALUE... : sets PROVIDER_ID
register() {
    local protocol="$1" page montval location fields=()
    shift
    page="$(curl -fs -c "$jar" -b "$jar" "$BASE/administration/fournisseurs-identite/nouveau?protocole=$protocol")"
    montval="$(sed -n 's/.*<option value="\([0-9]*\)"[^>]*>Université de Montval<.*/\1/p' <<<"$page" | head -1)"
    [[ -n "$montval" ]] || die "Montval is not among the establishments of the provider's page"
    for f in "$@"; do fields+=(--data-urlencode "$f"); done
    location="$(curl -fs -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" --data-urlencode "_csrf=$(csrf <<<"$page")" \
        --data-urlencode "protocol=$protocol" --data-urlencode "name=Montval ($protocol, banc)" \
        --data-urlencode "establishmentId=$montval" "${fields[@]}" "$BASE/administration/fournisseurs-identite/nouveau")"
    PROVIDER_ID="${location##*/}"
    [[ "$PROVIDER_ID" =~ ^[0-9]+$ ]] || die "the $protocol provider was not registered (answer: '$location')"
}
register OIDC "issuer=$MOCK/montval" "clientId=guichet-bench" "clientSecret=bench-secret-$RANDOM$RANDOM"
OIDC_ID="$PROVIDER_ID"
register SAML "samlEntityId=$KC/realms/guichet" "samlSsoUrl=$KC/realms/guichet/protocol/saml" "samlCertificate=$certificate"
SAML_ID="$PROVIDER_ID"
log "providers registered: OIDC $OIDC_ID, SAML $SAML_ID"

# (a smoke run compiles the driver once: the source launcher compiles it again for each of its six
# runs of seconds; a measurement keeps the launcher, whose CPU is part of the driver's figures)
DRIVER_RUN=("$DRIVER")
if [[ "$BENCH_SMOKE" == 1 ]]; then
    "$JAVA17_HOME/bin/javac" -d "$WORK/driver" "$DRIVER" || die "could not compile $DRIVER"
    DRIVER_RUN=(-cp "$WORK/driver" SignInLoad)
fi
driver() { (prioritized "$JAVA" -Xmx256m "${DRIVER_RUN[@]}" "$@" "$GUICHET_DEMO_PASSWORD" "$OIDC_ID" "$SAML_ID"); }
for protocol in oidc saml; do
    driver "prime-$protocol" "$BASE" "$CLIENTS" 0 0 >> "$OUT/run.log" 2>> "$OUT/load-errors.log" \
        || { tail -5 "$OUT/load-errors.log" >&2; die "first sign-ins through $protocol failed (see $OUT/load-errors.log)"; }
done
log "each person signed in once through each provider"

# ---- the measurement ------------------------------------------------------------------------------
{
    machine_summary
    echo "application: JDK 17, -Xmx512m, embedded H2 database, demo data + $CLIENTS bench accounts"
    echo "mock-oauth2-server 6.0.2 (JDK 17, -Xmx256m, Netty); Keycloak $KC_VERSION (JDK 17, -Xms256m -Xmx768m, start-dev, dev-mem)"
    echo "load: $CLIENTS clients, ${WARMUP}s warm-up + ${DURATION}s per mode; BENCH_SMOKE=$BENCH_SMOKE"
} > "$OUT/machine.txt"
# CPU seconds of a process and its descendants (kc.sh runs Keycloak's JVM as its child)
tree_cpu() {
    local pid="$1" total child
    total="$(proc_cpu "$pid")"
    for child in $(pgrep -P "$pid" || true); do total="$(echo "$total + $(tree_cpu "$child")" | bc)"; done
    echo "$total"
}
pct_of() { printf "%.1f" "$(echo "scale=3; 100 * $1 / $2" | bc)"; }
printf 'mode\tclients\tper_s\tp50_ms\tp95_ms\tp99_ms\titerations\terrors\tapp_cpu_pct\tmock_cpu_pct\tkeycloak_cpu_pct\tdriver_cpu_pct\tothers_cpu_pct\tmachine_busy_pct\tapp_cpu_ms_per_signin\tidp_cpu_ms_per_signin\n' > "$OUT/summary.tsv"
for mode in "${MODES[@]}"; do
    wait_quiet
    log "$mode: $CLIENTS clients, ${WARMUP}s warm-up + ${DURATION}s"
    app0="$(proc_cpu "$APP_PID")" mock0="$(tree_cpu "$MOCK_PID")" kc0="$(tree_cpu "$KC_PID")"
    children_cpu; driver0="$CHILDREN_CPU"
    read -r -a t < <(busy_ticks); ticks0="${t[0]}" total0="${t[1]}"
    t0="$(date +%s.%N)"
    mark "$mode"
    line="$(driver "$mode" "$BASE" "$CLIENTS" "$WARMUP" "$DURATION" 2>> "$OUT/load-errors.log")" \
        || { tail -5 "$OUT/load-errors.log" >&2; die "$mode: failed sign-ins (see $OUT/load-errors.log)"; }
    mark_end "$mode"
    wall="$(echo "$(date +%s.%N) - $t0" | bc)"
    read -r -a t < <(busy_ticks); ticks1="${t[0]}" total1="${t[1]}"
    children_cpu
    app="$(echo "$(proc_cpu "$APP_PID") - $app0" | bc)"
    mock="$(echo "$(tree_cpu "$MOCK_PID") - $mock0" | bc)"
    kc="$(echo "$(tree_cpu "$KC_PID") - $kc0" | bc)"
    drv="$(echo "$CHILDREN_CPU - $driver0" | bc)"
    busy=$(( 100 * (ticks1 - ticks0) / (total1 - total0 > 0 ? total1 - total0 : 1) ))
    per_s="$(cut -f3 <<<"$line")"
    # what other processes (other people's work, not this benchmark's) used meanwhile: the machine's
    # busy time less that of the portal, the providers and the driver
    others="$(echo "scale=2; ($ticks1 - $ticks0) / $(getconf CLK_TCK) - $app - $mock - $kc - $drv" | bc)"
    if (( $(echo "$others < 0" | bc) )); then others=0; fi
    # CPU per sign-in: over warm-up and measure, at the measured rate (the warm-up's is a little lower)
    per_signin() { printf "%.1f" "$(echo "scale=3; 1000 * $1 / ($per_s * ($WARMUP + $DURATION))" | bc)"; }
    # (CPU shares in % of one core over the run's wall time: 200 % is both cores)
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$line" "$(pct_of "$app" "$wall")" "$(pct_of "$mock" "$wall")" \
        "$(pct_of "$kc" "$wall")" "$(pct_of "$drv" "$wall")" "$(pct_of "$others" "$wall")" "$busy" \
        "$(per_signin "$app")" "$(per_signin "$(echo "$mock + $kc" | bc)")" >> "$OUT/summary.tsv"
    tail -1 "$OUT/summary.tsv" | tee -a "$OUT/run.log" >&2
done

# every figure a number, every run with sign-ins and no error
awk -F'\t' 'NR > 1 { for (i = 2; i <= NF; i++) if ($i !~ /^-?[0-9]*[.]?[0-9]+$/) bad = 1; if ($7 + 0 == 0 || $8 + 0 != 0) bad = 1 }
    END { exit bad }' "$OUT/summary.tsv" || die "a run without figures, or with errors: $OUT/summary.tsv"
(( $(wc -l < "$OUT/summary.tsv") == ${#MODES[@]} + 1 )) || die "a mode left no figures: $OUT/summary.tsv"
column -t -s $'\t' "$OUT/summary.tsv" | tee "$OUT/summary.txt" >&2
log "done: $OUT"
