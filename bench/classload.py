"""Reads a `-Xlog:class+load:file=F:uptime` log of one command and prints: classes per library
(and how many came from a CDS archive), milestones (the uptime of the first class of each stage,
which times the phases without touching the code), and classes loaded per 100 ms by package.
Usage: python3 bench/classload.py FILE"""
import collections
import re
import sys

LIBS = [
    ("picocli", "picocli."),
    ("MyBatis Migrations", "org.apache.ibatis.migration."),
    ("MyBatis", "org.apache.ibatis."),
    ("HikariCP", "com.zaxxer.hikari."),
    ("logback", "ch.qos.logback."),
    ("SLF4J", "org.slf4j."),
    ("JDK XML parser (logback.xml, MyBatis mappers)", ("com.sun.org.apache.", "javax.xml.", "jdk.xml.", "org.xml.", "org.w3c.")),
    ("Jackson", "com.fasterxml.jackson."),
    ("sqlite-jdbc", "org.sqlite."),
    ("pgjdbc", "org.postgresql."),
    ("Javalin/Jetty/Kotlin", ("io.javalin.", "org.eclipse.jetty.", "kotlin.")),
    ("java-jwt/jwks-rsa", "com.auth0."),
    ("Micrometer", "io.micrometer."),
    ("DataMingle", "com.datamingle."),
    ("JDK", ("java.", "javax.", "jdk.", "sun.", "com.sun.")),
]
MILESTONES = [
    ("main class (JVM booted, jar opened)", "com.datamingle.adapter.cli.DataMingleCli"),
    ("picocli starts building the command tree", "picocli.CommandLine"),
    ("the command runs: settings read", "com.datamingle.adapter.cli.bootstrap.Settings"),
    ("migrations module (DatabaseMigrator)", "com.datamingle.migrations.DatabaseMigrator"),
    ("MyBatis Migrations", "org.apache.ibatis.migration."),
    ("JDBC driver (sqlite-jdbc)", "org.sqlite."),
    ("logging starts (SLF4J, asked by sqlite-jdbc)", "org.slf4j."),
    ("logback configures (first logback class)", "ch.qos.logback."),
    ("XML parser (logback.xml)", "com.sun.org.apache.xerces"),
    ("SQLite native library loader", "org.sqlite.SQLiteJDBCLoader"),
    ("first SQLite connection", "org.sqlite.core.NativeDB"),
    ("pgjdbc (DriverManager loads every driver)", "org.postgresql."),
    ("MyBatis (persistence module)", "org.apache.ibatis.session"),
    ("HikariCP pool", "com.zaxxer.hikari."),
]


def lib_of(name):
    for title, prefixes in LIBS:
        if name.startswith(prefixes if isinstance(prefixes, tuple) else (prefixes,)):
            return title
    return "other: " + ".".join(name.split(".")[:2])


loads = []
for line in open(sys.argv[1]):
    m = re.match(r"\[(\d+\.\d+)s\]\s+(\S+) source: (.*)", line)
    if m:
        loads.append((float(m.group(1)), m.group(2), m.group(3)))
if not loads:
    sys.exit("no class+load lines in " + sys.argv[1])
counts, cds = collections.Counter(), collections.Counter()
for t, name, src in loads:
    lib = lib_of(name)
    counts[lib] += 1
    if "shared objects file" in src or "AOT" in src:
        cds[lib] += 1
print(f"{len(loads)} classes, {sum(cds.values())} of them from a CDS/AOT archive; last class at {loads[-1][0] * 1000:.0f} ms")
for lib, n in counts.most_common():
    print(f"  {n:5d}  {lib}  (archived {cds[lib]})")
print("milestones (uptime of the first class of each stage):")
for title, prefix in MILESTONES:
    t = next((t for t, name, _ in loads if name.startswith(prefix)), None)
    if t is not None:
        print(f"  {t * 1000:6.0f} ms  {title}")
print("classes loaded per 100 ms (top packages):")
buckets = collections.defaultdict(collections.Counter)
for t, name, _ in loads:
    buckets[int(t * 10)][lib_of(name)] += 1
for b in sorted(buckets):
    print(f"  {b * 100:5d} ms: " + ", ".join(f"{k} {n}" for k, n in buckets[b].most_common(4)))
