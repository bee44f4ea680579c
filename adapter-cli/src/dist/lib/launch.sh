# The part of the datamingle launchers (bin/datamingle of the distribution, ./datamingle of a
# checkout) that starts the JVM; POSIX sh, sourced. `datamingle_exec JAR CACHE-DIR ARGS...`
# replaces the shell with `java ... -jar JAR ARGS...`.
#
# Start-up: every command runs with a class-data-sharing archive of the classes it loaded the
# first time (JDK 17+: -XX:ArchiveClassesAtExit, then -XX:SharedArchiveFile), one archive per
# command (db-current, users-show, serve, ...) in CACHE-DIR/<jar>/, built by its first run.
# An archive is used only when it is complete and unchanged (its cksum recorded when it was made)
# and newer than the jar; a truncated or altered one would crash the JVM or silently break class
# loading, so anything else is removed and the command runs without one. The JVM checks the rest
# (same JVM build, same jar) and falls back on its own; its CDS messages are switched off so that
# the output of a command never changes. An unwritable CACHE-DIR means no archive, nothing else.
# SQLite's native library is kept in CACHE-DIR too (datamingle.native.dir), extracted once.
# DATAMINGLE_JAVA_OPTS replaces all JVM options (no archive then).

datamingle_exec() {
  _dm_jar=$1
  _dm_cache=$2
  shift 2
  if [ -n "${JAVA_HOME:-}" ]; then _dm_java="$JAVA_HOME/bin/java"; else _dm_java=java; fi
  if [ -n "${DATAMINGLE_JAVA_OPTS:-}" ]; then
    exec "$_dm_java" $DATAMINGLE_JAVA_OPTS -jar "$_dm_jar" "$@"
  fi
  _dm_jvm_opts "$@"
  # one archive per command (`db-current`, `users-show`, `serve`); the rest share one
  case "${1:-}" in
    db | users | dev) case "${2:-}" in
        "" | *[!a-z0-9-]* | [!a-z]*) _dm_group=$1 ;;
        *) _dm_group=$1-$2 ;;
      esac ;;
    serve) _dm_group=serve$_dm_dev ;;
    *) _dm_group=other ;;
  esac
  _dm_archive_opts "$_dm_jar" "$_dm_cache" "$_dm_group" 2>/dev/null || _dm_share="-Xshare:auto"
  exec "$_dm_java" $_dm_opts $_dm_share -jar "$_dm_jar" "$@"
}

# Sets _dm_opts to the JVM options of the command in $@ (bench/startup.sh reads them here too), and
# _dm_dev to -dev for `serve --dev`. Short commands start faster with the C1 compiler alone,
# compiling a method after 6 times the usual number of calls (half the compilations of a start,
# about 35 ms CPU less; a long command is compiled all the same, a little later), and without the
# performance-data file (jps/jstat do not see them). The production server wants the full JIT (C2)
# and warms it before it reports ready. A developer's server (`serve --dev`) runs with C1 alone, as
# IDE launchers of Java services do for local runs: C2 compiled for about 0.7 s of CPU before
# /ready on two cores, and a developer restarts often but never needs its peak throughput. It has
# its own archive (the dev token classes instead of WorkOS's).
_dm_jvm_opts() {
  _dm_dev=
  case "${1:-}" in
    serve)
      _dm_opts=""
      for _dm_arg in "$@"; do
        case "$_dm_arg" in
          --dev) _dm_opts="-XX:TieredStopAtLevel=1" _dm_dev=-dev ;;
          --) break ;;
        esac
      done ;;
    *) _dm_opts="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=6 -XX:-UsePerfData" ;;
  esac
}

# Sets _dm_share to the archive options for command $3 of jar $1 under cache folder $2. The key
# after the command's name is digits, so db-[0-9]* never matches db-current's archives.
_dm_archive_opts() {
  case "$2" in *[[:space:]]*) return 1 ;; esac # the options are split at spaces
  # Every process costs about a millisecond, and this runs before every command: shell built-ins
  # where they do the job, one cksum for both names.
  case "$_dm_java" in
    */*) _dm_bin=$_dm_java ;;
    *) _dm_bin=
      _dm_ifs=$IFS
      IFS=:
      set -f # the PATH's folders as they are, no pattern expanded
      for _dm_d in ${PATH:-}; do
        [ -f "${_dm_d:-.}/$_dm_java" ] && [ -x "${_dm_d:-.}/$_dm_java" ] && _dm_bin=${_dm_d:-.}/$_dm_java && break
      done
      set +f
      IFS=$_dm_ifs
      [ -n "$_dm_bin" ] || return 1 ;;
  esac
  if [ -h "$_dm_bin" ]; then
    _dm_bin=$(readlink -f "$_dm_bin" 2>/dev/null || printf '%s' "$_dm_bin")
  fi
  _dm_home=${_dm_bin%/bin/*}
  # the archive's name: the JVM build and the jar, as `ls` sees them (size, time, path); its
  # folder: the jar's path
  _dm_sums=$(ls -lLn "$1" "$_dm_home/release" "$_dm_home"/lib/server/libjvm.* 2>/dev/null |
    cksum /dev/stdin /dev/fd/3 3<<EOF
$1
EOF
  ) || return 1
  _dm_key=${_dm_sums%% *}
  _dm_sums=${_dm_sums#*
}
  _dm_dir="$2/${_dm_sums%% *}"
  _dm_file="$_dm_dir/$3-$_dm_key.jsa"
  { [ -d "$_dm_dir" ] || mkdir -p "$_dm_dir"; } && [ -w "$_dm_dir" ] || return 1
  _dm_share="-Ddatamingle.native.dir=$2"
  _dm_off="$_dm_share -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off"
  _dm_finish_training "$1" "$3"
  if [ -f "$_dm_file" ]; then
    _dm_sum=
    read -r _dm_sum < "$_dm_file.cksum" || :
    if [ ! "$1" -nt "$_dm_file" ] && [ -n "$_dm_sum" ] && [ "$(cksum < "$_dm_file")" = "$_dm_sum" ]; then
      _dm_share="$_dm_off -XX:SharedArchiveFile=$_dm_file"
      return 0
    fi
    rm -f "$_dm_file" "$_dm_file.cksum"
  fi
  for _dm_t in "$_dm_dir/$3"-[0-9]*.jsa.*.tmp; do
    [ -f "$_dm_t" ] && _dm_share=$_dm_off && return 0 # another run is making it
  done
  # exec keeps this process id: the archive's temporary name says which JVM writes it
  _dm_share="$_dm_off -XX:ArchiveClassesAtExit=$_dm_file.$$.tmp"
}

# A finished training run of command $2 (its JVM gone) leaves NAME.jsa.PID.tmp: check that the JVM can map it,
# record its cksum and move it in place of the command's older archives.
_dm_finish_training() {
  for _dm_t in "$_dm_dir/$2"-[0-9]*.jsa.*.tmp; do
    [ -f "$_dm_t" ] || continue
    _dm_pid=${_dm_t%.tmp}
    _dm_pid=${_dm_pid##*.}
    kill -0 "$_dm_pid" 2>/dev/null && continue
    _dm_final=${_dm_t%.*.tmp}
    if "$_dm_java" -Xshare:on -XX:SharedArchiveFile="$_dm_t" -Xlog:cds=off -Xlog:cds+dynamic=off \
      -XX:ErrorFile="$_dm_dir/.hs_err_%p.log" -XX:-CreateCoredumpOnCrash -cp "$1" -version >/dev/null 2>&1; then
      for _dm_old in "$_dm_dir/$2"-[0-9]*.jsa; do
        [ "$_dm_old" = "$_dm_final" ] || rm -f "$_dm_old" "$_dm_old.cksum"
      done
      cksum < "$_dm_t" > "$_dm_final.cksum" && mv -f "$_dm_t" "$_dm_final"
    else
      rm -f "$_dm_t" "$_dm_dir"/.hs_err_*.log
    fi
  done
}
