#!/usr/bin/env bash
# Issue 16's measurements on PostgreSQL, two `serve --dev` instances of this build on one schema
# (loopback only):
#   propagation  bench/Propagation.java: BENCH_CHANGES deactivations/re-activations through
#                instance A, each until instance B refuses/serves accordingly (p50, p99, max),
#                after 200 unrecorded ones (the JIT)
#   W1           GET /api/me, one known user (wrk, 32 connections in all): the baseline build
#                (today's, BENCH_BASELINE_REV, one instance, its own schema), this build's one
#                instance, and this build's two instances driven together (16 connections each,
#                requests per second added up); BENCH_RUNS rounds, in that order each round
#
# Usage: bench/propagation.sh
# Settings: BENCH_POSTGRES_URL (postgresql://postgres@127.0.0.1:5432/test; schemas bench_prop and
# bench_prop_base are dropped and made anew), BENCH_CHANGES (400), BENCH_DURATION (10s),
# BENCH_WARMUP (20s), BENCH_RUNS (3), BENCH_BASELINE_REV (7cf6a4d, main before issue 16: built
# once into bench/work/baseline), BENCH_PORT (18381; +1, +2 for the others).
# Output: bench/results/propagation/<time>/ (results.txt, the raw outputs, summary.txt).
set -euo pipefail
source "$(dirname -- "$0")/lib.sh"
changes="${BENCH_CHANGES:-400}"
duration="${BENCH_DURATION:-10s}"
warmup="${BENCH_WARMUP:-20s}"
runs="${BENCH_RUNS:-3}"
rev="${BENCH_BASELINE_REV:-7cf6a4d}"
port_a="${BENCH_PORT:-18381}"; port_b=$((port_a + 1)); port_base=$((port_a + 2))
command -v wrk >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
"$root/datamingle" --version >/dev/null   # builds the jar when stale

work="$root/bench/work/propagation"
out="$root/bench/results/propagation/$(date -u +%Y-%m-%dT%H%M%SZ)"
rm -rf "$work" && mkdir -p "$work/new" "$work/base" "$out"
results="$out/results.txt"; : > "$results"
record() { echo "$*" | tee -a "$results"; }

# --- the baseline build: today's code, built once ---------------------------------------------------
base_src="$root/bench/work/baseline/$rev"
base_jar="$base_src/adapter-cli/target/datamingle.jar"
if [ ! -f "$base_jar" ]; then
  echo "bench: building the baseline $rev" >&2
  rm -rf "$base_src" && mkdir -p "$base_src"
  git -C "$root" archive "$rev" | tar -x -C "$base_src"
  (cd "$base_src" && ./mvnw -q -B -o -DskipTests -Dspotless.check.skip=true package -pl adapter-cli -am >/dev/null)
fi

pg="${BENCH_POSTGRES_URL:-postgresql://postgres@127.0.0.1:5432/test}"
psql_url="${pg/postgresql:/postgres:}"
psql "$psql_url" -qc "DROP SCHEMA IF EXISTS bench_prop CASCADE; CREATE SCHEMA bench_prop;
  DROP SCHEMA IF EXISTS bench_prop_base CASCADE; CREATE SCHEMA bench_prop_base" >/dev/null
{
  echo "changes=$changes duration=$duration warmup=$warmup runs=$runs baseline=$rev"
  echo "java: $(java -version 2>&1 | head -n 1); wrk: $(wrk -v 2>&1 | head -n 1); cores: $(nproc)"
  echo "commit: $(git -C "$root" rev-parse --short HEAD); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$out/settings.txt"

pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT
# start NAME JAR DIR SCHEMA PORT
start() {
  (cd "$3" && DATABASE_URL="$pg?currentSchema=$4" exec java -jar "$2" serve --dev --port "$5" > "$3/$1.log" 2>&1) &
  pids+=($!)
  wait_ok "$5" /ready "$!" >/dev/null || { echo "bench: $1 did not get ready; see $3/$1.log" >&2; exit 1; }
}
cli() { (cd "$2" && DATABASE_URL="$pg?currentSchema=$3" java -XX:TieredStopAtLevel=1 -jar "$1" "${@:4}"); }

cli "$jar" "$work/new" bench_prop db upgrade >/dev/null
cli "$base_jar" "$work/base" bench_prop_base db upgrade >/dev/null
start a "$jar" "$work/new" bench_prop "$port_a"
start b "$jar" "$work/new" bench_prop "$port_b"
start base "$base_jar" "$work/base" bench_prop_base "$port_base"

admin=$(cli "$jar" "$work/new" bench_prop dev token --email prop-admin@example.com --admin --ttl PT12H)
cli "$jar" "$work/new" bench_prop dev token --count 20 --email "prop{n}@example.com" --ttl PT12H > "$work/users.txt"
member=$(cli "$jar" "$work/new" bench_prop dev token --email w1@example.com --ttl PT12H)
base_member=$(cli "$base_jar" "$work/base" bench_prop_base dev token --email w1@example.com --ttl PT12H)

echo "bench: propagation, $changes changes" >&2
java "$root/bench/Propagation.java" "http://127.0.0.1:$port_a" "http://127.0.0.1:$port_b" "$admin" "$work/users.txt" "$changes" 200 > "$out/propagation.txt"
grep '^from_' "$out/propagation.txt" | sed 's/^/propagation /' | tee -a "$results"

p99() { awk '$1=="99%" {v=$2; if (v ~ /us$/) {sub("us","",v); v=v/1000} else if (v ~ /ms$/) {sub("ms","",v)} else if (v ~ /s$/) {sub("s","",v); v=v*1000}; print v}' "$1"; }
rps() { awk '/Requests\/sec/ {print $2}' "$1"; }
non2xx() { awk '/Non-2xx/ {n = $NF} END {print n + 0}' "$1"; }

echo "bench: W1 warm-up" >&2
wrk -t2 -c32 -d"$warmup" -H "Authorization: Bearer $base_member" "http://127.0.0.1:$port_base/api/me" >/dev/null
wrk -t2 -c32 -d"$warmup" -H "Authorization: Bearer $member" "http://127.0.0.1:$port_a/api/me" >/dev/null
wrk -t2 -c32 -d"$warmup" -H "Authorization: Bearer $member" "http://127.0.0.1:$port_b/api/me" >/dev/null
for run in $(seq 1 "$runs"); do
  f="$out/W1-baseline-one-run$run.txt"
  wrk -t2 -c32 -d"$duration" --latency -H "Authorization: Bearer $base_member" "http://127.0.0.1:$port_base/api/me" > "$f"
  record "W1 baseline-one run$run rps=$(rps "$f") p99_ms=$(p99 "$f") non2xx=$(non2xx "$f")"
  f="$out/W1-new-one-run$run.txt"
  wrk -t2 -c32 -d"$duration" --latency -H "Authorization: Bearer $member" "http://127.0.0.1:$port_a/api/me" > "$f"
  record "W1 new-one run$run rps=$(rps "$f") p99_ms=$(p99 "$f") non2xx=$(non2xx "$f")"
  fa="$out/W1-new-two-a-run$run.txt"; fb="$out/W1-new-two-b-run$run.txt"
  wrk -t1 -c16 -d"$duration" --latency -H "Authorization: Bearer $member" "http://127.0.0.1:$port_a/api/me" > "$fa" &
  wa=$!
  wrk -t1 -c16 -d"$duration" --latency -H "Authorization: Bearer $member" "http://127.0.0.1:$port_b/api/me" > "$fb"
  wait "$wa"
  total=$(awk -v x="$(rps "$fa")" -v y="$(rps "$fb")" 'BEGIN {printf "%.2f", x + y}')
  record "W1 new-two run$run rps=$total a_rps=$(rps "$fa") b_rps=$(rps "$fb") a_p99_ms=$(p99 "$fa") b_p99_ms=$(p99 "$fb") non2xx=$(( $(non2xx "$fa") + $(non2xx "$fb") ))"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/settings.txt"

# medians and ratios to the baseline's one instance
"$py" - "$results" > "$out/summary.txt" <<'PY'
import statistics, sys
rps = {}
for line in open(sys.argv[1]):
    f = line.split()
    if f and f[0] == "W1":
        rps.setdefault(f[1], []).append(float(f[3].split("=")[1]))
base = statistics.median(rps["baseline-one"])
for name in ("baseline-one", "new-one", "new-two"):
    m = statistics.median(rps[name])
    print(f"W1 {name} median_rps={m:.0f} ratio_to_baseline_one={m / base:.3f}")
PY
grep '^propagation' "$results" >> "$out/summary.txt"
cat "$out/summary.txt"
echo "bench: raw results in ${out#"$root"/}" >&2
