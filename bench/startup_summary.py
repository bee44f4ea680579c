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
for name, title in (("version", "--version"), ("db-current", "db current"), ("db-history", "db history"),
                    ("users-show", "users show"), ("db-upgrade", "db upgrade (from empty)")):
    results = load(name)
    if not results:
        continue
    by_kind = {}
    for command, r in results.items():
        kind = "flask" if command.startswith("flask") else "launcher" if command.startswith("./datamingle") else "java"
        by_kind[kind] = r
    f, l, j = by_kind.get("flask"), by_kind.get("launcher"), by_kind.get("java")

    def ratio(a, b):
        return "—" if a is None or b is None else f"{a['median'] / b['median']:.2f} ×"

    print(f"| {title} | {ms(f) if f else '—'} | {ms(l) if l else '—'} | {ms(j) if j else '—'} | {ratio(l, f)} | {ratio(j, f)} "
          f"| {ratio(l, reference) if name != 'version' else '—'} | {ratio(j, reference) if name != 'version' else '—'} |")
check = load("launcher-check")
for command, r in check.items():
    print(f"\nThe launcher's staleness check alone ({command}): {ms(r)}.")
ready = []
failed = 0
path = out / "serve-ready.txt"
if path.exists():
    for line in path.read_text().splitlines():
        m = re.search(r"ms=(\d+)", line)
        if m:
            ready.append(int(m.group(1)))
        else:
            failed += 1
if ready:
    print(f"\n`serve --dev` on SQLite, process start to `/ready` 200: median {statistics.median(ready):,.0f} ms "
          f"(runs: {', '.join(str(r) for r in ready)}){'; ' + str(failed) + ' failed' if failed else ''}.")
