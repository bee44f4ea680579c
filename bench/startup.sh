#!/usr/bin/env bash
# Start-up of short commands, DataMingle beside the Flask prototype (bench/prototype), cold (a new
# process each run, as an operator types them), with hyperfine; and `serve` from process start to
# `/ready` 200. Loopback and local files only.
#
# Usage: bench/startup.sh [sqlite|postgresql]
#   (PostgreSQL: BENCH_POSTGRES_URL, default postgresql://postgres@127.0.0.1:5432/test; schemas
#   bench_dm and bench_proto are dropped and made anew)
#
# Pairs, each measured in one hyperfine invocation (so the ratio comes from one run):
#   db current        `flask db current`  vs `datamingle db current`
#   db history        `flask db history`  vs `datamingle db history`
#   users show        `flask users show`  vs `datamingle users show` (one of 1,000 seeded users)
#   db upgrade        `flask db upgrade`  vs `datamingle db upgrade`, from an empty database
# DataMingle runs twice in each: through the checkout's launcher `./datamingle` (which checks the
# jar is not stale first) and as `java <the launcher's flags> -jar datamingle.jar` (what an installed
# launcher would run). `--version` of both stacks gives the floor (interpreter or JVM, no database).
# Then `serve --dev` on SQLite, started BENCH_SERVE_RUNS times (default 10) as `java -jar` and as
# many through the launcher (without a warm-up, --dev's default, and with DATAMINGLE_WARMUP=auto,
# production's default): milliseconds from process start
# to the first `/ready` 200 (polled every 10 ms without forking a process) and the process's CPU
# time by then.
# The launcher keeps its class-data-sharing archives in adapter-cli/target/jvm-cache (hyperfine's
# warm-up runs record them); `java -jar` runs without one.
#
# Settings: BENCH_STARTUP_RUNS (10 runs per command after 2 warm-ups), BENCH_SERVE_RUNS (10),
# BENCH_SERVE_JAVA_OPTS (JVM flags for the serve runs), BENCH_PORT (18291).
# Output: a table of ratios to `flask db current` and to the same flask command, on standard output
# and in bench/results/startup/<time>-<db>/summary.md, beside hyperfine's JSON exports.
set -euo pipefail
source "$(dirname -- "$0")/lib.sh"
runs="${BENCH_STARTUP_RUNS:-10}"
serve_runs="${BENCH_SERVE_RUNS:-10}"
port="${BENCH_PORT:-18291}"
bench_database "${1:-}"

ensure_tools
work="$root/bench/work/startup-$db"
out="$root/bench/results/startup/$(date -u +%Y-%m-%dT%H%M%SZ)-$db"
rm -rf "$work" && mkdir -p "$work" "$out"
{
  echo "database=$db runs=$runs serve_runs=$serve_runs"
  echo "java: $(java -version 2>&1 | head -n 1)"
  echo "python: $("$py" --version 2>&1); $(hyperfine --version); cores: $(nproc); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "commit: $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
} > "$out/settings.txt"

setup_databases "$db" "$work"
(cd "$work" && java_cli db upgrade >/dev/null)
java -cp "$jar" "$root/bench/Seed.java" "$dm_jdbc" "$dm_jdbc_user" 1 1000
flask_cmd db upgrade >/dev/null 2>&1
flask_cmd bench-seed 1 1000 >/dev/null

# The commands, as one string each (hyperfine -N splits them like a shell, without starting one).
flask="$py -m flask --app $proto_dir/app.py"
launcher="$root/datamingle"
# the launcher's JVM options for a short command, from the launcher itself (lib/launch.sh)
. "$root/adapter-cli/src/dist/lib/launch.sh"
_dm_jvm_opts db
bare="java $_dm_opts -Xshare:auto -jar $jar"

# Empty databases for the upgrade pair: each prepare step empties its own before every run.
case "$db" in
  sqlite)
    up_dm_url="jdbc:sqlite:$work/up-dm.sqlite"; up_proto_url="sqlite:///$work/up-proto.sqlite"
    printf 'rm -f %q*\n' "$work/up-dm.sqlite" > "$work/empty-dm.sh"
    printf 'rm -f %q*\n' "$work/up-proto.sqlite" > "$work/empty-proto.sh" ;;
  postgresql)
    up_dm_url="${DATABASE_URL/currentSchema=bench_dm/currentSchema=bench_dm_up}"
    up_proto_url="${PROTOTYPE_DATABASE_URL/bench_proto/bench_proto_up}"
    printf 'psql %q -qc "DROP SCHEMA IF EXISTS bench_dm_up CASCADE; CREATE SCHEMA bench_dm_up" >/dev/null 2>&1\n' "$psql_url" > "$work/empty-dm.sh"
    printf 'psql %q -qc "DROP SCHEMA IF EXISTS bench_proto_up CASCADE; CREATE SCHEMA bench_proto_up" >/dev/null 2>&1\n' "$psql_url" > "$work/empty-proto.sh" ;;
esac

# pair NAME FLASK-ARGS DATAMINGLE-ARGS [--prepare-style]: one hyperfine run of the three commands
pair() {
  local name="$1" fargs="$2" dargs="$3"
  echo "bench: $name" >&2
  (cd "$work" && hyperfine -N --warmup 2 --runs "$runs" --style basic \
    --export-json "$out/$name.json" \
    -n "flask $fargs" "$flask $fargs" \
    -n "./datamingle $dargs" "$launcher $dargs" \
    -n "java -jar datamingle.jar $dargs" "$bare $dargs") > "$out/$name.txt" 2>&1 \
    || { cat "$out/$name.txt" >&2; echo "bench: $name failed" >&2; exit 1; }
}
pair version "--version" "--version"
pair db-current "db current" "db current"
pair db-history "db history" "db history"
pair users-show "users show seed77@example.com" "users show seed77@example.com"

echo "bench: db-upgrade (from empty)" >&2
(cd "$work" && hyperfine -N --warmup 1 --runs "$runs" --style basic --export-json "$out/db-upgrade.json" \
  -n "flask db upgrade" --prepare "bash $work/empty-proto.sh" \
    "env PROTOTYPE_DATABASE_URL=$up_proto_url $flask db upgrade" \
  -n "./datamingle db upgrade" --prepare "bash $work/empty-dm.sh" \
    "env DATABASE_URL=$up_dm_url $launcher db upgrade" \
  -n "java -jar datamingle.jar db upgrade" --prepare "bash $work/empty-dm.sh" \
    "env DATABASE_URL=$up_dm_url $bare db upgrade") > "$out/db-upgrade.txt" 2>&1 \
  || { cat "$out/db-upgrade.txt" >&2; echo "bench: db-upgrade failed" >&2; exit 1; }

# The launcher's own cost: its staleness check (a find over the sources) against a bare `true`.
echo "bench: launcher staleness check" >&2
stale_check="find $root/pom.xml $(printf '%s ' "$root"/*/pom.xml) $(printf '%s ' "$root"/*/src/main) -newer $jar -print -quit"
hyperfine -N --warmup 2 --runs "$runs" --style basic --export-json "$out/launcher-check.json" \
  -n "staleness check (find)" "$stale_check" > "$out/launcher-check.txt" 2>&1 || true

# serve --dev on SQLite: process start to /ready 200, and the process's CPU time (user + system,
# from /proc) when /ready first answers; as `java -jar` and through the launcher (which starts it
# with serve's class-data-sharing archive: its first two starts record and check it), without a
# warm-up (--dev's default) and with production's (DATAMINGLE_WARMUP=auto)
serve_db="$work/serve.sqlite"
(cd "$work" && DATABASE_URL="jdbc:sqlite:$serve_db" java_cli db upgrade >/dev/null)
tick=$(getconf CLK_TCK)
serve_starts() { # FILE WARMUPS COMMAND...: BENCH_SERVE_RUNS starts after WARMUPS untimed ones
  local file="$1" warmups="$2" i pid t0 ms cpu; shift 2
  : > "$out/$file"
  for i in $(seq 1 $(( warmups + serve_runs ))); do
    t0=$(now_ms)
    (cd "$work" && DATABASE_URL="jdbc:sqlite:$serve_db" exec "$@" serve --dev --port "$port" \
      > "$work/serve-$i.log" 2>&1) &
    pid=$!
    if wait_ok "$port" /ready "$pid" >/dev/null; then
      ms=$(( $(now_ms) - t0 ))
      cpu=$(awk -v t="$tick" '{ printf "%d", ($14 + $15) * 1000 / t }' "/proc/$pid/stat" 2>/dev/null || echo 0)
      [ "$i" -gt "$warmups" ] && echo "run$(( i - warmups )) ms=$ms cpu_ms=$cpu" >> "$out/$file"
    else
      echo "run$i failed (see $work/serve-$i.log)" >> "$out/$file"
    fi
    kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
  done
}
echo "bench: serve --dev, start to /ready" >&2
serve_starts serve-ready.txt 0 java ${BENCH_SERVE_JAVA_OPTS:-} -jar "$jar"
echo "bench: serve --dev through the launcher, start to /ready" >&2
serve_starts serve-ready-launcher.txt 2 "$launcher"
# serve without --dev warms up before /ready (DATAMINGLE_WARMUP=auto, until hot, at most 8 s):
# the same starts with it
echo "bench: serve --dev through the launcher, DATAMINGLE_WARMUP=auto, start to /ready" >&2
serve_starts serve-ready-launcher-auto.txt 0 env DATAMINGLE_WARMUP=auto "$launcher"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/settings.txt"

"$py" "$root/bench/startup_summary.py" "$out" | tee "$out/summary.md"
echo "bench: raw results in ${out#"$root"/}" >&2
