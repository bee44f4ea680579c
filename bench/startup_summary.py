"""Summarises one run of bench/startup.sh: reads DIR/*.json (hyperfine exports) and
DIR/serve-ready.txt, prints a Markdown table of means and ratios to the Flask prototype.
Usage: python3 bench/startup_summary.py DIR"""
import json
import pathlib
import re
import statistics
import sys

out = pathlib.Path(sys.argv[1])


def load(name):
    path = out / f"{name}.json"
    if not path.exists():
        return {}
    return {r["command"]: r for r in json.loads(path.read_text())["results"]}


COMMANDS = (("version", "--version"), ("db-current", "db current"), ("db-history", "db history"),
            ("users-show", "users show"), ("db-upgrade", "db upgrade (from empty)"))


def by_kind(results):
    """hyperfine's results of one pair keyed flask, launcher, java"""
    kinds = {}
    for command, r in results.items():
        kind = "flask" if command.startswith("flask") else "launcher" if command.startswith("./datamingle") else "java"
        kinds[kind] = r
    return kinds


def ms(result):
    return f"{result['median'] * 1000:,.0f} ms (mean {result['mean'] * 1000:,.0f} ± {result['stddev'] * 1000:,.0f})"


settings = (out / "settings.txt").read_text().splitlines()
print(f"# Start-up side by side: {settings[0]}\n")
print("\n".join(f"    {s}" for s in settings[1:]))
print()
reference = load("db-current").get("flask db current")
print("Medians of hyperfine's runs (each a new process); ratios of medians.\n")
print("| Command | Flask prototype | `./datamingle` (launcher) | `java -jar` (launcher's flags) | launcher / flask | java -jar / flask | launcher / `flask db current` | java -jar / `flask db current` |")
print("|---|---:|---:|---:|---:|---:|---:|---:|")
for name, title in COMMANDS:
    results = by_kind(load(name))
    if not results:
        continue
    f, l, j = results.get("flask"), results.get("launcher"), results.get("java")

    def ratio(a, b):
        return "—" if a is None or b is None else f"{a['median'] / b['median']:.2f} ×"

    print(f"| {title} | {ms(f) if f else '—'} | {ms(l) if l else '—'} | {ms(j) if j else '—'} | {ratio(l, f)} | {ratio(j, f)} "
          f"| {ratio(l, reference) if name != 'version' else '—'} | {ratio(j, reference) if name != 'version' else '—'} |")
print("\nCPU time per run (user + system, hyperfine's means): steadier than wall time on a busy machine.\n")
print("| Command | Flask prototype | `./datamingle` (launcher) | `java -jar` (launcher's flags) | launcher / flask | launcher / `flask db current` |")
print("|---|---:|---:|---:|---:|---:|")
cpu_reference = reference and reference["user"] + reference["system"]
for name, title in COMMANDS:
    cpu = {kind: r["user"] + r["system"] for kind, r in by_kind(load(name)).items()}
    if not cpu:
        continue
    f, l, j = cpu.get("flask"), cpu.get("launcher"), cpu.get("java")

    def cms(v):
        return "—" if v is None else f"{v * 1000:,.0f} ms"

    def cratio(a, b):
        return "—" if not a or not b else f"{a / b:.2f} ×"

    print(f"| {title} | {cms(f)} | {cms(l)} | {cms(j)} | {cratio(l, f)} | {cratio(l, cpu_reference) if name != 'version' else '—'} |")
check = load("launcher-check")
for command, r in check.items():
    print(f"\nThe launcher's staleness check alone ({command}): {ms(r)}.")
for file, title in (("serve-ready.txt", "`java -jar`"), ("serve-ready-launcher.txt", "the launcher (archive)"),
                    ("serve-ready-launcher-auto.txt", "the launcher (archive), DATAMINGLE_WARMUP=auto")):
    path = out / file
    if not path.exists():
        continue
    ready, cpu, failed = [], [], 0
    for line in path.read_text().splitlines():
        m = re.search(r"ms=(\d+)(?: cpu_ms=(\d+))?", line)
        if m:
            ready.append(int(m.group(1)))
            if m.group(2):
                cpu.append(int(m.group(2)))
        else:
            failed += 1
    if ready:
        print(f"\n`serve --dev` on SQLite as {title}, process start to `/ready` 200: median {statistics.median(ready):,.0f} ms "
              f"(runs: {', '.join(str(r) for r in ready)}){'; ' + str(failed) + ' failed' if failed else ''}"
              + (f"; process CPU by then: median {statistics.median(cpu):,.0f} ms" if cpu else "") + ".")
