#!/usr/bin/env bash
# DataMingle beside the Flask prototype it replaces (bench/prototype: gunicorn, 5 sync workers),
# on one database, the same seeded users, the same load (wrk, 2 threads x 32 connections), on
# loopback only. One server at a time: the prototype's runs first, then DataMingle's.
#
# Usage: bench/side-by-side.sh [sqlite|postgresql]
#   (PostgreSQL: BENCH_POSTGRES_URL, default postgresql://postgres@127.0.0.1:5432/test; schemas
#   bench_dm and bench_proto are dropped and made anew)
#
# Workloads (each system in its own database, seeded with the same BENCH_USERS users, each of whom
# has signed in once in the session its token carries, so a known user's request writes nothing):
#   W0          GET /health
#   W1-one      GET /api/me, one known user, one token (bench/run.sh's W1)
#   W1-many     GET /api/me over BENCH_W1_TOKENS known users, a different token each request
#               (bench/me-many.lua): token verification and user lookups miss every cache that
#               is smaller than that set
#   W2          first sign-ins: one GET /api/me per new user (wrk with bench/first-sign-in.lua, or
#               bench/FirstSignIn.java: BENCH_W2_DRIVER=java), BENCH_W2_USERS for DataMingle,
#               BENCH_W2_USERS_PROTO for the prototype
#   W3-one      PATCH /api/me, one user (bench/patch-me.lua)
#   W3-32       PATCH /api/me across 32 users (bench/patch-many.lua)
#   W4          the admin's user list, first page: GET /api/users?limit=50 (pages in id order), as
#               the last seeded user, made an admin in each system before the servers start
#   COLD        W0, W1-one, W1-many, W2, W3-one, W3-32 and W4 in the first BENCH_COLD_DURATION after the server answers
#               (DataMingle: /ready 200; prototype: /health 200), each on a freshly started server,
#               in BENCH_COLD_SLICES back-to-back slices (a curve when more than one)
# Warm figures follow an unrecorded warm-up of BENCH_WARMUP per workload (DataMingle; the
# prototype gets BENCH_PROTO_WARMUP: CPython has no JIT to warm).
#
# Settings (environment): BENCH_USERS (100000), BENCH_W1_TOKENS (BENCH_USERS), BENCH_DURATION (10s),
# BENCH_WARMUP (20s), BENCH_PROTO_WARMUP (3s), BENCH_RUNS (1), BENCH_W2_USERS (20000),
# BENCH_W2_USERS_PROTO (2000), BENCH_COLD_DURATION (10s), BENCH_COLD_SLICES (1),
# BENCH_W2_DRIVER (wrk|java), BENCH_W2_WRK_DURATION (30s: wrk runs that long whatever; the rate is timed by
# the script from the first request to the last answer), BENCH_ONLY (both|dm|proto), BENCH_JAVA_OPTS (extra JVM flags for DataMingle's serve),
# BENCH_PORT (18281; the prototype uses the next port), BENCH_DM_WARMUP (auto: DataMingle's serve
# gets DATAMINGLE_WARMUP=$BENCH_DM_WARMUP, how long it warms its request paths before /ready; give a
# duration such as 2s, or off, to compare; a build whose serve does not know `auto` refuses it).
#
# Output: a table of ratios on standard output and in bench/results/side-by-side/<time>-<db>/
# summary.md, beside the raw wrk and driver outputs and results.txt (one line per measurement:
# requests/s, p99, non-2xx answers, and the CPU time per request of the server's processes (and of
# its JIT compiler threads among them), of all of PostgreSQL's processes on PostgreSQL, and of the
# load generator, with the share of the machine's CPU left idle: where the two cores went).
set -euo pipefail
source "$(dirname -- "$0")/lib.sh"
bench_database "${1:-}"

users="${BENCH_USERS:-100000}"
w1_tokens="${BENCH_W1_TOKENS:-$users}"
duration="${BENCH_DURATION:-10s}"
warmup="${BENCH_WARMUP:-20s}"
proto_warmup="${BENCH_PROTO_WARMUP:-3s}"
runs="${BENCH_RUNS:-1}"
w2_dm="${BENCH_W2_USERS:-20000}"
w2_proto="${BENCH_W2_USERS_PROTO:-2000}"
cold_duration="${BENCH_COLD_DURATION:-10s}"
cold_slices="${BENCH_COLD_SLICES:-1}"
only="${BENCH_ONLY:-both}"
port_dm="${BENCH_PORT:-18281}"
port_proto=$((port_dm + 1))
if [ "$w1_tokens" -gt "$users" ]; then echo "bench: BENCH_W1_TOKENS must not exceed BENCH_USERS" >&2; exit 2; fi

ensure_tools
work="$root/bench/work/side-$db"
keys="$root/bench/work/side-keys"
out="$root/bench/results/side-by-side/$(date -u +%Y-%m-%dT%H%M%SZ)-$db"
mkdir -p "$work" "$keys" "$out"
results="$out/results.txt"
: > "$results"
{
  echo "database=$db users=$users w1_tokens=$w1_tokens duration=$duration warmup=$warmup proto_warmup=$proto_warmup"
  echo "runs=$runs w2_dm=$w2_dm w2_proto=$w2_proto cold_duration=$cold_duration cold_slices=$cold_slices"
  echo "java: $(java -version 2>&1 | head -n 1); BENCH_JAVA_OPTS=${BENCH_JAVA_OPTS:-}; W2 driver: ${BENCH_W2_DRIVER:-wrk}"
  echo "python: $("$py" --version 2>&1); $("$py" -c 'import flask, sqlalchemy, jwt, gunicorn; print("flask", flask.__version__, "sqlalchemy", sqlalchemy.__version__, "pyjwt", jwt.__version__, "gunicorn", gunicorn.__version__)')"
  echo "wrk: $(wrk -v 2>&1 | head -n 1); cores: $(nproc); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "commit: $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
} > "$out/settings.txt"

server=""
trap stop_server EXIT

# --- the dev signing key and the tokens, kept between runs (they last 12 hours) ---------------------
ensure_dev_key "$keys"
mint() { mint_tokens "$keys" "$@"; }
mint w1 SEED 1 "$w1_tokens"
mint admin SEED "$users" "$users"
mint w2warm W2WARM 1 5000
for run in $(seq 1 "$runs"); do mint "w2-run$run" "W2R${run}N" 1 "$w2_dm"; done
mint w2cold W2COLD 1 "$w2_dm"
head -n 1 "$keys/w1.txt" > "$work/w1-one.txt"
sed -n '2,33p' "$keys/w1.txt" > "$work/w3-32.txt"
if [ "$(wc -l < "$work/w3-32.txt")" -lt 32 ]; then echo "bench: BENCH_W1_TOKENS must be at least 33" >&2; exit 2; fi
one_token=$(cat "$work/w1-one.txt")
admin_token=$(cat "$keys/admin.txt")
rm -rf "$work/.datamingle-dev" && cp -r "$keys/.datamingle-dev" "$work/"
javac -d "$work/classes" "$root/bench/FirstSignIn.java"   # compiled once, not by each run of the driver
export PROTOTYPE_JWKS_URL="file://$work/.datamingle-dev/jwks.json"

# --- databases: each system its own, the same users ------------------------------------------------
setup_databases "$db" "$work"
echo "bench: migrating and seeding $users users for each system" >&2
(cd "$work" && java_cli db upgrade >/dev/null)
java -cp "$jar" "$root/bench/Seed.java" "$dm_jdbc" "$dm_jdbc_user" 1 "$users"
flask_cmd db upgrade >/dev/null 2>&1
flask_cmd bench-seed 1 "$users" >/dev/null
# W4's caller: the last seeded user, an admin in both systems
(cd "$work" && java_cli users promote "user_01SEED$users" >/dev/null)
flask_cmd bench-promote "user_01SEED$users" >/dev/null
if [ "$db" = postgresql ]; then psql "$psql_url" -q -c "VACUUM ANALYZE bench_dm.users" -c "VACUUM ANALYZE bench_proto.users" >/dev/null; fi

# --- measuring -----------------------------------------------------------------------------------------
record() { echo "$*" | tee -a "$results"; }

# measure SYSTEM LABEL WRK-ARGS...: one wrk run, its raw output kept, one result line
measure() {
  local system="$1" label="$2"; shift 2
  local pids; pids=$(tree_pids "$server")
  local c0 pg0="" c1 pgt=0 j0 j1 m0 m1 gen; c0=$(cpu_ticks $pids); j0=$(jit_ticks "$server")
  [ "$db" = postgresql ] && pg0=$(pg_snapshot)
  local raw="$out/$system-$label.txt"
  m0=$(machine_ticks)
  # the load generator's own CPU (user + system seconds), from bash's time keyword
  gen=$( { TIMEFORMAT='%3U %3S'; time wrk -t2 -c32 --latency "$@" > "$raw" 2>&1 || true; } 2>&1 | awk '{print $1 + $2}')
  m1=$(machine_ticks)
  pids=$(tree_pids "$server")   # gunicorn may have replaced a worker
  c1=$(cpu_ticks $pids); j1=$(jit_ticks "$server")
  [ "$db" = postgresql ] && pgt=$(pg_ticks_since "$pg0")
  local rps p99 non2xx requests errors
  rps=$(awk '/Requests\/sec/ {print $2}' "$raw")
  requests=$(awk '/requests in/ {print $1}' "$raw")
  p99=$(awk '$1=="99%" {v=$2; if (v ~ /us$/) {sub("us","",v); v=v/1000} else if (v ~ /ms$/) {sub("ms","",v)} else if (v ~ /s$/) {sub("s","",v); v=v*1000}; print v}' "$raw")
  non2xx=$(awk '/Non-2xx/ {print $NF}' "$raw")
  errors=$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' "$raw")
  local cpu="" pgcpu="" jit="" gencpu="" idle
  if [ "${requests:-0}" -gt 0 ]; then
    cpu=$(( (c1 - c0) * 10000 / requests ))   # a tick is 10 ms: microseconds per request
    jit=$(( (j1 - j0) * 10000 / requests ))
    gencpu=$(awk -v s="$gen" -v n="$requests" 'BEGIN {printf "%d", s * 1000000 / n}')
    [ "$db" = postgresql ] && pgcpu=$(( pgt * 10000 / requests ))
  fi
  # the share of the machine's CPU time left idle during the run: near 0 means the cores were the limit
  idle=$(awk -v a="$m0" -v b="$m1" 'BEGIN {split(a, x, " "); split(b, y, " "); busy = y[1] - x[1]; id = y[2] - x[2];
    if (busy + id > 0) printf "%d", 100 * id / (busy + id)}')
  record "$system $label rps=${rps:-0} p99_ms=${p99:-} non2xx=${non2xx:-0} socket_errors=${errors:-0} cpu_us_per_req=${cpu} jit_us_per_req=${jit} pg_cpu_us_per_req=${pgcpu} gen_cpu_us_per_req=${gencpu} idle_pct=${idle}"
}

# first_sign_ins SYSTEM LABEL PORT TOKENS-FILE COUNT: W2 with the driver (BENCH_W2_DRIVER: wrk with
# bench/first-sign-in.lua, the default, or java: bench/FirstSignIn.java); the rows are counted after.
# Besides the server's and PostgreSQL's, the driver's own CPU per sign-in is recorded: it shares the
# two cores with the server.
first_sign_ins() {
  local system="$1" label="$2" port="$3" file="$4" count="$5"
  head -n "$count" "$file" > "$work/w2-$system.txt"
  local raw="$out/$system-$label.txt" driver=()
  case "${BENCH_W2_DRIVER:-wrk}" in
    wrk) driver=(env TOKENS="$work/w2-$system.txt" wrk -t2 -c32 -d"${BENCH_W2_WRK_DURATION:-30s}" -s "$root/bench/first-sign-in.lua" "http://127.0.0.1:$port/api/me") ;;
    java) driver=(java -cp "$work/classes" FirstSignIn "http://127.0.0.1:$port" "$work/w2-$system.txt" 32) ;;
    *) echo "bench: BENCH_W2_DRIVER is wrk or java" >&2; exit 2 ;;
  esac
  local pids c0 c1 pg0="" pgt=0 d0 d1 me=$BASHPID j0 j1 m0 m1
  pids=$(tree_pids "$server"); c0=$(cpu_ticks $pids); j0=$(jit_ticks "$server")
  [ "$db" = postgresql ] && pg0=$(pg_snapshot)
  d0=$(awk '{print $16 + $17}' "/proc/$me/stat"); m0=$(machine_ticks)
  "${driver[@]}" > "$raw" 2>&1 || true
  d1=$(awk '{print $16 + $17}' "/proc/$me/stat"); m1=$(machine_ticks)
  pids=$(tree_pids "$server"); c1=$(cpu_ticks $pids); j1=$(jit_ticks "$server")
  [ "$db" = postgresql ] && pgt=$(pg_ticks_since "$pg0")
  local ups; ups=$(sed -n 's/.*users_per_second=\([0-9]*\).*/\1/p' "$raw")
  local statuses; statuses=$(sed -n 's/.*statuses=\(.*\)/\1/p' "$raw" | tr -d ' ')
  # the sign-ins sent (a cold run stops at its duration, maybe before the tokens run out)
  local sent; sent=$(sed -n 's/^requests=\([0-9]*\).*/\1/p' "$raw"); [ "${sent:-0}" -gt 0 ] || sent=$count
  local pgcpu=""; [ "$db" = postgresql ] && pgcpu=$(( pgt * 10000 / sent ))
  local idle; idle=$(awk -v a="$m0" -v b="$m1" 'BEGIN {split(a, x, " "); split(b, y, " "); busy = y[1] - x[1]; id = y[2] - x[2];
    if (busy + id > 0) printf "%d", 100 * id / (busy + id)}')
  record "$system $label users_per_s=${ups:-0} requests=$sent statuses=$statuses cpu_us_per_req=$(( (c1 - c0) * 10000 / sent ))" \
    "jit_us_per_req=$(( (j1 - j0) * 10000 / sent )) pg_cpu_us_per_req=$pgcpu gen_cpu_us_per_req=$(( (d1 - d0) * 10000 / sent )) idle_pct=$idle"
}

start_dm() {
  local t0; t0=$(now_ms)
  (cd "$work" && DATAMINGLE_WARMUP="${BENCH_DM_WARMUP:-auto}" exec java ${BENCH_JAVA_OPTS:-} -jar "$jar" serve --dev --port "$port_dm" > "$work/dm-serve.log" 2>&1) &
  server=$!
  if ! wait_ok "$port_dm" /ready "$server" >/dev/null; then
    echo "bench: DataMingle did not get ready; see $work/dm-serve.log" >&2; exit 1; fi
  record "dm start-to-ready ms=$(( $(now_ms) - t0 ))"
}

start_proto() {
  local t0; t0=$(now_ms)
  (cd "$proto_dir" && exec "$py" -m gunicorn --workers 5 --bind "127.0.0.1:$port_proto" app:app > "$work/proto-serve.log" 2>&1) &
  server=$!
  if ! wait_ok "$port_proto" /health "$server" >/dev/null; then
    echo "bench: the prototype did not start; see $work/proto-serve.log" >&2; exit 1; fi
  record "proto start-to-health ms=$(( $(now_ms) - t0 ))"
}

check_answers() { # SYSTEM PORT: one request of each kind, so a broken set-up fails before it is measured
  local base="http://127.0.0.1:$2"
  curl -sf -H "Authorization: Bearer $one_token" "$base/api/me" >/dev/null \
    || { echo "bench: $1 does not answer GET /api/me for a seeded user" >&2; exit 1; }
  curl -sf -H "Authorization: Bearer $admin_token" "$base/api/users?limit=50" | grep -q '"next_cursor"' \
    || { echo "bench: $1 does not answer GET /api/users?limit=50 for the admin" >&2; exit 1; }
}

# cold SYSTEM START-FUNCTION PORT W2-COUNT: a fresh server per variant, measured as soon as it
# answers; cold W2 signs in up to W2-COUNT new users (their own tokens) in BENCH_COLD_DURATION
cold() {
  local system="$1" start="$2" port="$3" w2count="$4" base="http://127.0.0.1:$3" variant slice
  for variant in w0 one many w2 w3one w3many w4; do
    "$start"
    for slice in $(seq 1 "$cold_slices"); do
      case "$variant" in
        w0) measure "$system" "cold-W0-s$slice" -d"$cold_duration" "$base/health" ;;
        w3one) measure "$system" "cold-W3-one-s$slice" -d"$cold_duration" -s "$root/bench/patch-me.lua" -H "Authorization: Bearer $one_token" "$base/api/me" ;;
        w3many) TOKENS="$work/w3-32.txt" measure "$system" "cold-W3-32-s$slice" -d"$cold_duration" -s "$root/bench/patch-many.lua" "$base/api/me" ;;
        one) measure "$system" "cold-W1-one-s$slice" -d"$cold_duration" -H "Authorization: Bearer $one_token" "$base/api/me" ;;
        many) TOKENS="$keys/w1.txt" measure "$system" "cold-W1-many-s$slice" -d"$cold_duration" -s "$root/bench/me-many.lua" "$base/api/me" ;;
        w2) [ "$slice" = 1 ] && BENCH_W2_WRK_DURATION="$cold_duration" first_sign_ins "$system" "cold-W2-s1" "$port" "$keys/w2cold.txt" "$w2count" ;;
        w4) measure "$system" "cold-W4-s$slice" -d"$cold_duration" -H "Authorization: Bearer $admin_token" "$base/api/users?limit=50" ;;
      esac
    done
    stop_server
  done
}

# warm SYSTEM START-FUNCTION PORT WARMUP W2-COUNT
warm() {
  local system="$1" start="$2" port="$3" wu="$4" w2count="$5" base="http://127.0.0.1:$3" run
  "$start"
  check_answers "$system" "$port"
  echo "bench: $system warm-up" >&2
  wrk -t2 -c32 -d"$wu" "$base/health" >/dev/null
  wrk -t2 -c32 -d"$wu" -H "Authorization: Bearer $one_token" "$base/api/me" >/dev/null
  TOKENS="$keys/w1.txt" wrk -t2 -c32 -d"$wu" -s "$root/bench/me-many.lua" "$base/api/me" >/dev/null
  wrk -t2 -c32 -d"$wu" -s "$root/bench/patch-me.lua" -H "Authorization: Bearer $one_token" "$base/api/me" >/dev/null
  TOKENS="$work/w3-32.txt" wrk -t2 -c32 -d"$wu" -s "$root/bench/patch-many.lua" "$base/api/me" >/dev/null
  wrk -t2 -c32 -d"$wu" -H "Authorization: Bearer $admin_token" "$base/api/users?limit=50" >/dev/null
  if [ "$system" = dm ]; then java -cp "$work/classes" FirstSignIn "$base" "$keys/w2warm.txt" 32 >/dev/null; fi
  for run in $(seq 1 "$runs"); do
    measure "$system" "W0-run$run" -d"$duration" "$base/health"
    measure "$system" "W1-one-run$run" -d"$duration" -H "Authorization: Bearer $one_token" "$base/api/me"
    TOKENS="$keys/w1.txt" measure "$system" "W1-many-run$run" -d"$duration" -s "$root/bench/me-many.lua" "$base/api/me"
    measure "$system" "W3-one-run$run" -d"$duration" -s "$root/bench/patch-me.lua" -H "Authorization: Bearer $one_token" "$base/api/me"
    TOKENS="$work/w3-32.txt" measure "$system" "W3-32-run$run" -d"$duration" -s "$root/bench/patch-many.lua" "$base/api/me"
    measure "$system" "W4-run$run" -d"$duration" -H "Authorization: Bearer $admin_token" "$base/api/users?limit=50"
    first_sign_ins "$system" "W2-run$run" "$port" "$keys/w2-run$run.txt" "$w2count"
  done
  stop_server
}

if [ "$only" != dm ]; then
  echo "bench: the prototype (gunicorn, 5 workers)" >&2
  cold proto start_proto "$port_proto" "$w2_proto"
  warm proto start_proto "$port_proto" "$proto_warmup" "$w2_proto"
  rows=$(flask_cmd bench-count user_01W2R)
  record "proto W2-rows rows=$rows expected=$((runs * w2_proto))"
fi
if [ "$only" != proto ]; then
  echo "bench: DataMingle (serve --dev)" >&2
  cold dm start_dm "$port_dm" "$w2_dm"
  warm dm start_dm "$port_dm" "$warmup" "$w2_dm"
  rows=$(java -cp "$jar" "$root/bench/Count.java" "$dm_jdbc" "$dm_jdbc_user" "SELECT count(*) FROM users WHERE workos_user_id LIKE 'user_01W2R%'")
  record "dm W2-rows rows=$rows expected=$((runs * w2_dm))"
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/settings.txt"

"$py" "$root/bench/side_summary.py" "$out" | tee "$out/summary.md"
echo "bench: raw results in ${out#"$root"/}" >&2
