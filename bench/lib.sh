# Shared by bench/side-by-side.sh and bench/startup.sh (sourced, not run): tools, the Flask
# prototype's environment, databases, and the CPU time of server processes.

root=$(CDPATH= cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
jar="$root/adapter-cli/target/datamingle.jar"
proto_dir="$root/bench/prototype"
# Debian's interpreter: the apt packages below install for it, whatever python3 comes first on PATH.
py=/usr/bin/python3

# The database named on the command line (the script's $1, default sqlite): sets db, or exits 2
# saying what to name.
bench_database() {
  db="${1:-sqlite}"
  case "$db" in sqlite|postgresql) ;; *) echo "bench: say sqlite or postgresql" >&2; exit 2 ;; esac
}

# Installs from Debian's packages whatever is missing: wrk, hyperfine, and the prototype's Python
# stack (Flask, Flask-SQLAlchemy, Flask-Migrate with Alembic, PyJWT, cryptography, psycopg2, gunicorn).
ensure_tools() {
  local missing=()
  command -v wrk >/dev/null 2>&1 || missing+=(wrk)
  command -v hyperfine >/dev/null 2>&1 || missing+=(hyperfine)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  if [ ! -x "$py" ] || ! "$py" -c 'import flask, flask_sqlalchemy, flask_migrate, jwt, cryptography, psycopg2, gunicorn' 2>/dev/null; then
    missing+=(python3 python3-flask python3-flask-sqlalchemy python3-flask-migrate python3-jwt python3-cryptography
      python3-psycopg2 gunicorn)
  fi
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "bench: installing from Debian's packages: ${missing[*]}" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  "$root/datamingle" --version >/dev/null   # builds the jar when stale
}

# The launcher's flags for short commands, without its staleness check: what a packaged
# `bin/datamingle` would run.
java_cli() { java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -jar "$jar" "$@"; }

# db_env DB WORK: sets, for database DB (sqlite|postgresql) and work folder WORK:
#   DATABASE_URL, dm_jdbc, dm_jdbc_user    DataMingle's database (and the JDBC form for bench/*.java)
#   PROTOTYPE_DATABASE_URL                 the prototype's own database (same server, own file/schema)
#   psql_url                               (PostgreSQL) the server, for psql
# PostgreSQL: BENCH_POSTGRES_URL, default the local test database; schemas bench_dm and bench_proto.
db_env() {
  local db="$1" work="$2"
  case "$db" in
    sqlite)
      export DATABASE_URL="jdbc:sqlite:$work/dm.sqlite"
      dm_jdbc="$DATABASE_URL"; dm_jdbc_user=""
      export PROTOTYPE_DATABASE_URL="sqlite:///$work/proto.sqlite" ;;
    postgresql)
      pg="${BENCH_POSTGRES_URL:-postgresql://postgres@127.0.0.1:5432/test}"
      psql_url="${pg/postgresql:/postgres:}"
      export DATABASE_URL="$pg?currentSchema=bench_dm"
      local hostpath="${pg#postgresql://}"
      dm_jdbc_user="${hostpath%%@*}"; dm_jdbc="jdbc:postgresql://${hostpath#*@}?currentSchema=bench_dm"
      export PROTOTYPE_DATABASE_URL="$pg?options=-csearch_path%3Dbench_proto" ;;
    *) echo "bench: say sqlite or postgresql" >&2; exit 2 ;;
  esac
}

# setup_databases DB WORK: db_env, and both databases emptied (files removed, schemas made anew)
setup_databases() {
  db_env "$1" "$2"
  case "$1" in
    sqlite) rm -f "$2"/dm.sqlite* "$2"/proto.sqlite* ;;
    postgresql)
      psql "$psql_url" -qc "DROP SCHEMA IF EXISTS bench_dm CASCADE; CREATE SCHEMA bench_dm;
        DROP SCHEMA IF EXISTS bench_proto CASCADE; CREATE SCHEMA bench_proto" >/dev/null 2>&1 ;;
  esac
}

flask_cmd() { (cd "$proto_dir" && "$py" -m flask --app app "$@"); }

# CPU time (clock ticks, 100 per second) used so far by the processes whose ids are given.
cpu_ticks() {
  local total=0 p t
  for p in "$@"; do
    t=$(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0)
    total=$((total + t))
  done
  echo "$total"
}

# CPU ticks the JIT compiler threads of JVM process PID have used so far (0 for a process without).
jit_ticks() {
  local t total=0 v
  for t in /proc/"$1"/task/*; do
    case "$(cat "$t/comm" 2>/dev/null)" in C1\ Compiler*|C2\ Compiler*) ;; *) continue ;; esac
    v=$(awk '{print $14 + $15}' "$t/stat" 2>/dev/null || echo 0); total=$((total + v))
  done
  echo "$total"
}

# "busy idle" ticks of the whole machine (all cores) so far, from /proc/stat.
machine_ticks() { awk '$1 == "cpu" {print $2 + $3 + $4 + $7 + $8, $5 + $6}' /proc/stat; }

# A process and its children (gunicorn's master and workers).
tree_pids() { echo "$1" $(pgrep -P "$1" 2>/dev/null); }

# PostgreSQL's own processes (all of them: other users of the server are counted too).
postgres_pids() { pgrep -u postgres 2>/dev/null || true; }

# pg_snapshot: "pid ticks" for each PostgreSQL process now; pg_ticks_since SNAPSHOT: CPU ticks all
# PostgreSQL processes used since, counting processes started meanwhile (new connections) whole
pg_snapshot() { local p; for p in $(postgres_pids); do echo "$p $(cpu_ticks "$p")"; done; }
pg_ticks_since() {
  local p total=0 now before
  for p in $(postgres_pids); do
    now=$(cpu_ticks "$p")
    before=$(awk -v p="$p" '$1 == p {print $2}' <<< "$1")
    total=$((total + now - ${before:-0}))
  done
  echo "$total"
}

# Milliseconds since the epoch.
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# http_ok PORT PATH: whether GET PATH on loopback answers 200, without starting a process (a
# poller that forks curl every 10 ms would take CPU from the server it times on two cores)
http_ok() {
  local line
  { exec 3<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null || return 1
  # a server that resets the connection while it starts must not end the script with SIGPIPE
  trap '' PIPE
  { printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "$2" >&3; } 2>/dev/null || line=""
  { IFS= read -r -t 5 line <&3; } 2>/dev/null || line=""
  trap - PIPE
  exec 3>&-
  [[ "$line" == "HTTP/1."?" 200"* ]]
}

# wait_ok PORT PATH PID: waits (polling every 10 ms, at most 90 s) until GET PATH answers 200;
# prints the milliseconds waited; fails if process PID ends first
wait_ok() {
  local t0; t0=$(now_ms)
  while ! http_ok "$1" "$2"; do
    if ! kill -0 "$3" 2>/dev/null || [ $(( $(now_ms) - t0 )) -gt 90000 ]; then return 1; fi
    sleep 0.01
  done
  echo $(( $(now_ms) - t0 ))
}

# ensure_dev_key KEYS: a dev signing key in KEYS/.datamingle-dev (made by `dev token` when missing)
ensure_dev_key() {
  if [ ! -f "$1/.datamingle-dev/signing-key.pk8" ]; then
    (cd "$1" && DATABASE_URL="jdbc:sqlite:$1/unused.sqlite" java_cli dev token --email bench@example.com >/dev/null)
  fi
}

# mint_tokens KEYS NAME PREFIX FIRST LAST [known|new]: KEYS/NAME.txt (bench/Tokens.java), minted
# again when missing, minted for other users (KEYS/NAME.args records for whom: the same count of
# another range is not the same tokens), older than 10 hours, or older than the key
mint_tokens() {
  local file="$1/$2.txt" args="$3 $4 $5 ${6:-known}"
  if [ -f "$file" ] && [ "$(cat "$1/$2.args" 2>/dev/null)" = "$args" ] && [ -n "$(find "$file" -mmin -600)" ] \
      && [ "$file" -nt "$1/.datamingle-dev/signing-key.pk8" ]; then return; fi
  echo "bench: minting $(($5 - $4 + 1)) tokens ($2)" >&2
  java -cp "$jar" "$root/bench/Tokens.java" "$1/.datamingle-dev" "$3" "$4" "$5" "${6:-known}" > "$file.tmp"
  mv "$file.tmp" "$file"
  echo "$args" > "$1/$2.args"
}

# stop_server: stops the server whose process id is in $server (the caller's), if any, and waits
stop_server() {
  if [ -n "${server:-}" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; server=""; fi
}
