"""Summarises one run of bench/side-by-side.sh: reads DIR/results.txt, prints a Markdown table of
medians and ratios (DataMingle / prototype, and each system's cold / warm).
Usage: python3 bench/side_summary.py DIR"""
import pathlib
import re
import statistics
import sys

out = pathlib.Path(sys.argv[1])
rows = {}
for line in (out / "results.txt").read_text().splitlines():
    parts = line.split()
    if len(parts) < 3:
        continue
    system, label = parts[0], re.sub(r"-run\d+$", "", parts[1])
    values = dict(p.split("=", 1) for p in parts[2:] if "=" in p)
    rows.setdefault((system, label), []).append(values)


def median(system, label, key):
    found = [float(v[key]) for v in rows.get((system, label), []) if v.get(key) not in (None, "")]
    return statistics.median(found) if found else None


def total(system, label, key):
    found = [v.get(key, "0") for v in rows.get((system, label), [])]
    return sum(int(x) for x in found if x.isdigit())


def fmt(value, digits=0):
    if value is None:
        return "—"
    return f"{value:,.{digits}f}"


def ratio(a, b):
    return "—" if a is None or b is None or b == 0 else f"{a / b:.2f} ×"


settings = (out / "settings.txt").read_text().splitlines()
print(f"# Side by side: {settings[0]}\n")
print("\n".join(f"    {s}" for s in settings[1:]))
print()
print("| Workload | Prototype | DataMingle | DataMingle / prototype | CPU µs/request proto · DM | PostgreSQL CPU µs/request proto · DM |")
print("|---|---:|---:|---:|---:|---:|")
workloads = [
    ("W0 `GET /health`", "W0", "rps"),
    ("W1 `GET /api/me`, one user", "W1-one", "rps"),
    ("W1 `GET /api/me`, many users", "W1-many", "rps"),
    ("W2 first sign-ins (users/s)", "W2", "users_per_s"),
    ("W3 `PATCH /api/me`, one user", "W3-one", "rps"),
    ("W3 `PATCH /api/me`, 32 users", "W3-32", "rps"),
    ("W4 admin `GET /api/users?limit=50`", "W4", "rps"),
    ("COLD W0 `GET /health`, first slice after ready", "cold-W0-s1", "rps"),
    ("COLD W1 one user, first slice after ready", "cold-W1-one-s1", "rps"),
    ("COLD W1 many users, first slice after ready", "cold-W1-many-s1", "rps"),
    ("COLD W2 first sign-ins (users/s), first slice after ready", "cold-W2-s1", "users_per_s"),
    ("COLD W3 `PATCH`, one user, first slice after ready", "cold-W3-one-s1", "rps"),
    ("COLD W3 `PATCH`, 32 users, first slice after ready", "cold-W3-32-s1", "rps"),
    ("COLD W4 admin user list, first slice after ready", "cold-W4-s1", "rps"),
]
for title, label, key in workloads:
    p, d = median("proto", label, key), median("dm", label, key)
    p99p, p99d = median("proto", label, "p99_ms"), median("dm", label, "p99_ms")
    bad = total("proto", label, "non2xx") + total("dm", label, "non2xx")
    cell_p = fmt(p) + (f" (p99 {fmt(p99p, 1)} ms)" if p99p is not None else "")
    cell_d = fmt(d) + (f" (p99 {fmt(p99d, 1)} ms)" if p99d is not None else "")
    cpu = f"{fmt(median('proto', label, 'cpu_us_per_req'))} · {fmt(median('dm', label, 'cpu_us_per_req'))}"
    pg = f"{fmt(median('proto', label, 'pg_cpu_us_per_req'))} · {fmt(median('dm', label, 'pg_cpu_us_per_req'))}"
    print(f"| {title}{' **(non-2xx: ' + str(bad) + ')**' if bad else ''} | {cell_p} | {cell_d} | {ratio(d, p)} | {cpu} | {pg} |")

print()
print("| Cold / warm (same server kind, this run) | Prototype | DataMingle |")
print("|---|---:|---:|")
for title, cold_label, warm_label in (("W0", "cold-W0", "W0"), ("W1 one", "cold-W1-one", "W1-one"),
                                     ("W1 many", "cold-W1-many", "W1-many"), ("W2", "cold-W2", "W2"),
                                     ("W3 one", "cold-W3-one", "W3-one"),
                                     ("W3 32", "cold-W3-32", "W3-32"), ("W4", "cold-W4", "W4")):
    cells = []
    for system in ("proto", "dm"):
        key = "users_per_s" if warm_label == "W2" else "rps"
        cold = median(system, f"{cold_label}-s1", key)
        warm = median(system, warm_label, key)
        cells.append(ratio(cold, warm))
    print(f"| {title}: first slice / warm | {cells[0]} | {cells[1]} |")
print()
print("Where the two cores went, per request (CPU µs: server, of which its JIT compiler threads;"
      " PostgreSQL; the load generator; and the share of the machine left idle). Idle near 0 % means"
      " the cores were the limit; JIT time means the server was still compiling; warm W2's idle share is"
      " not shown, its driver idles after the last sign-in:")
print()
print("| Workload | system | server µs | of which JIT µs | PostgreSQL µs | load generator µs | idle |")
print("|---|---|---:|---:|---:|---:|---:|")
for title, label, _ in workloads:
    for system in ("proto", "dm"):
        if (system, label) not in rows or median(system, label, "gen_cpu_us_per_req") is None:
            continue
        # W2's driver runs past its last sign-in (wrk keeps its -d): its idle share is not the run's
        idle = None if label == "W2" else median(system, label, "idle_pct")
        print(f"| {title} | {system} | {fmt(median(system, label, 'cpu_us_per_req'))} "
              f"| {fmt(median(system, label, 'jit_us_per_req')) if system == 'dm' else '—'} "
              f"| {fmt(median(system, label, 'pg_cpu_us_per_req'))} "
              f"| {fmt(median(system, label, 'gen_cpu_us_per_req'))} | {fmt(idle)}{' %' if idle is not None else ''} |")

slices = sorted({label for (_, label) in rows if re.match(r"cold-(W0|W1-one|W1-many|W3-one|W3-32|W4)-s\d+$", label)},
                key=lambda l: (l.split("-s")[0], int(l.rsplit("-s", 1)[1])))
if any(not s.endswith("-s1") for s in slices):
    print()
    print("Cold curve, requests/s per slice:")
    for system in ("proto", "dm"):
        for variant in ("W0", "W1-one", "W1-many", "W3-one", "W3-32", "W4"):
            curve = [fmt(median(system, s, "rps")) for s in slices if s.startswith(f"cold-{variant}-")]
            print(f"- {system} {variant}: {' → '.join(curve)}")
ready = [v.get("ms") for v in rows.get(("dm", "start-to-ready"), [])]
if ready:
    print(f"\nDataMingle `serve --dev` from process start to `/ready` 200: {', '.join(ready)} ms "
          f"(the prototype's gunicorn to `/health` 200: "
          f"{', '.join(v.get('ms') for v in rows.get(('proto', 'start-to-health'), []))} ms)")
for system in ("proto", "dm"):
    for v in rows.get((system, "W2-rows"), []):
        print(f"\n{system} W2 rows created: {v.get('rows')} (expected {v.get('expected')})")
