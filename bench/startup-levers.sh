#!/usr/bin/env bash
# Diagnosis for the start-up of short commands (issue 17), not a benchmark figure: where a cold
# `datamingle db current` on SQLite spends its time, and what each lever saves, measured in one
# hyperfine run beside `flask db current` (bench/prototype).
#
# Usage: bench/startup-levers.sh
#   BENCH_JAVA25: a JDK 25 (or newer) `java` executable, for its ahead-of-time cache rows; skipped
#   when unset. BENCH_STARTUP_RUNS (10).
#
# What it does:
#  1. Class loading of `--version`, `db current`, `users show` with -Xlog:class+load, grouped by
#     library (picocli, logback, MyBatis, HikariCP, sqlite-jdbc...) and by 100 ms of uptime, and
#     phase marks taken from the first class of each stage (bench/classload.py).
#  2. hyperfine, all in one run: flask db current; java -jar with the launcher's flags (the
#     baseline); -Xshare:off (what the JDK's default CDS archive gives); an AppCDS archive made by a
#     training run of `db current` (-XX:ArchiveClassesAtExit, then -XX:SharedArchiveFile); the same
#     plus SQLite's native library pre-extracted (org.sqlite.lib.path); logback left unconfigured
#     (a minimal configurator that skips logback.xml, made in bench/work: what a programmatic logging
#     set-up would save); JDK 25 plain and with an AOT cache (-XX:AOTCacheOutput / -XX:AOTCache);
#     the launcher `./datamingle` itself and its staleness check.
# Output: bench/results/startup-levers/<time>/ (classload-*.txt, hyperfine.json/.txt, summary.txt).
set -euo pipefail
source "$(dirname -- "$0")/lib.sh"
runs="${BENCH_STARTUP_RUNS:-10}"
ensure_tools
work="$root/bench/work/startup-levers"
out="$root/bench/results/startup-levers/$(date -u +%Y-%m-%dT%H%M%SZ)"
rm -rf "$work" && mkdir -p "$work" "$out"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -n 1)" > "$out/summary.txt"

db_env sqlite "$work"
(cd "$work" && java_cli db upgrade >/dev/null)
java -cp "$jar" "$root/bench/Seed.java" "$dm_jdbc" "" 1 1000
flask_cmd db upgrade >/dev/null 2>&1

flags="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto"

# 1. class loading
for cmd in "--version" "db current" "users show seed7@example.com"; do
  name=$(echo "$cmd" | awk '{print $1 "-" $2}' | tr -d '-' ); name=${name:-version}
  (cd "$work" && java $flags -Xlog:class+load:file="$work/cl-$name.txt":uptime -jar "$jar" $cmd >/dev/null)
  { echo "== $cmd"; "$py" "$root/bench/classload.py" "$work/cl-$name.txt"; } > "$out/classload-$name.txt"
done

# 2. levers
# AppCDS (JDK 17): a dynamic archive from one training run of `db current`
(cd "$work" && java $flags -XX:ArchiveClassesAtExit="$work/app17.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off -jar "$jar" db current >/dev/null 2>&1) \
  || echo "training the AppCDS archive failed" >> "$out/summary.txt"
# SQLite's native library, extracted once (sqlite-jdbc otherwise copies it to the temp folder on every start)
arch=$(uname -m); case "$arch" in x86_64|amd64) arch=x86_64 ;; aarch64|arm64) arch=aarch64 ;; esac
mkdir -p "$work/native"
unzip -p "$jar" "org/sqlite/native/Linux/$arch/libsqlitejdbc.so" > "$work/native/libsqlitejdbc.so"
native="-Dorg.sqlite.lib.path=$work/native -Dorg.sqlite.lib.name=libsqlitejdbc.so"
# logback unconfigured: a Configurator found first by the ServiceLoader, which adds nothing (WARN to
# standard error through logback's BasicConfigurator is not even set up); a stand-in for a small
# programmatic set-up, to price the XML configuration
mkdir -p "$work/quiet/META-INF/services"
cat > "$work/QuietLogback.java" <<'EOF'
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;
public class QuietLogback extends ContextAwareBase implements Configurator {
  @Override public ExecutionStatus configure(LoggerContext context) {
    context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.WARN);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }
}
EOF
javac -nowarn -cp "$jar" -d "$work/quiet" "$work/QuietLogback.java" 2>/dev/null
echo QuietLogback > "$work/quiet/META-INF/services/ch.qos.logback.classic.spi.Configurator"
jar cf "$work/quiet.jar" -C "$work/quiet" .   # a jar: CDS archives no class-path directory
quiet_cp="$work/quiet.jar:$jar"
(cd "$work" && java $flags -Xlog:class+load:file="$work/cl-quiet.txt":uptime -cp "$quiet_cp" com.datamingle.adapter.cli.DataMingleCli db current >/dev/null)
{ echo "== db current, logback unconfigured"; "$py" "$root/bench/classload.py" "$work/cl-quiet.txt"; } > "$out/classload-dbcurrent-quiet-logback.txt"
(cd "$work" && java $flags -XX:ArchiveClassesAtExit="$work/quiet17.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off -cp "$quiet_cp" \
  com.datamingle.adapter.cli.DataMingleCli db current >/dev/null 2>&1) || echo "training the AppCDS archive with logback unconfigured failed" >> "$out/summary.txt"

commands=(
  -n "flask db current" "$py -m flask --app $proto_dir/app.py db current"
  -n "java -jar (launcher's flags)" "java $flags -jar $jar db current"
  -n "  -Xshare:off" "java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:off -jar $jar db current"
  -n "  default JIT (no TieredStopAtLevel=1)" "java -XX:+UseSerialGC -Xshare:auto -jar $jar db current"
  -n "  AppCDS" "java $flags -XX:SharedArchiveFile=$work/app17.jsa -Xlog:cds=off -jar $jar db current"
  -n "  AppCDS + native SQLite pre-extracted" "java $flags -XX:SharedArchiveFile=$work/app17.jsa -Xlog:cds=off $native -jar $jar db current"
  -n "  logback unconfigured" "java $flags -cp $quiet_cp com.datamingle.adapter.cli.DataMingleCli db current"
  -n "  logback unconfigured + AppCDS + native" "java $flags -XX:SharedArchiveFile=$work/quiet17.jsa -Xlog:cds=off $native -cp $quiet_cp com.datamingle.adapter.cli.DataMingleCli db current"
  -n "  --version (JVM + picocli, no database)" "java $flags -jar $jar --version"
  -n "./datamingle db current (launcher)" "$root/datamingle db current"
  -n "launcher staleness check alone" "find $root/pom.xml $(printf '%s ' "$root"/*/pom.xml) $(printf '%s ' "$root"/*/src/main) -newer $jar -print"
)
if [ -n "${BENCH_JAVA25:-}" ]; then
  j25="$BENCH_JAVA25"
  # -XX:AOTCache refuses any -Xshare option
  f25="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 --enable-native-access=ALL-UNNAMED"
  (cd "$work" && "$j25" $f25 -XX:AOTCacheOutput="$work/app25.aot" -Xlog:cds=off -Xlog:aot=off \
    -jar "$jar" db current >/dev/null 2>&1) || echo "training the JDK 25 AOT cache failed" >> "$out/summary.txt"
  (cd "$work" && "$j25" $f25 -XX:AOTCacheOutput="$work/quiet25.aot" -Xlog:cds=off -Xlog:aot=off \
    -cp "$quiet_cp" com.datamingle.adapter.cli.DataMingleCli db current >/dev/null 2>&1) || echo "training the JDK 25 AOT cache (logback unconfigured) failed" >> "$out/summary.txt"
  commands+=(
    -n "JDK 25, launcher's flags" "$j25 $f25 -jar $jar db current"
    -n "  JDK 25 AOT cache" "$j25 $f25 -XX:AOTCache=$work/app25.aot -Xlog:cds=off -Xlog:aot=off -jar $jar db current"
    -n "  JDK 25 AOT cache + logback unconfigured + native" "$j25 $f25 -XX:AOTCache=$work/quiet25.aot -Xlog:cds=off -Xlog:aot=off $native -cp $quiet_cp com.datamingle.adapter.cli.DataMingleCli db current"
  )
else
  echo "BENCH_JAVA25 unset: no JDK 25 rows" >> "$out/summary.txt"
fi
(cd "$work" && hyperfine -N --warmup 2 --runs "$runs" --style basic --export-json "$out/hyperfine.json" "${commands[@]}") \
  > "$out/hyperfine.txt" 2>&1 || { cat "$out/hyperfine.txt" >&2; exit 1; }
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/summary.txt"
"$py" - "$out/hyperfine.json" >> "$out/summary.txt" <<'EOF'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
flask = next(r for r in results if r["command"] == "flask db current")
base = next(r for r in results if r["command"].startswith("java -jar"))
print(f"{'command':58s} {'median':>9s} {'/ flask':>8s} {'- baseline':>11s}")
for r in results:
    print(f"{r['command']:58s} {r['median'] * 1000:7.0f} ms {r['median'] / flask['median']:7.2f}x {(r['median'] - base['median']) * 1000:+9.0f} ms")
EOF
cat "$out"/classload-*.txt "$out/summary.txt"
echo "bench: results in ${out#"$root"/}" >&2
