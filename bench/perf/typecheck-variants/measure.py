"""
tsc -p of each variant (made by make.py) and the anchor, interleaved: rounds of all of them, in
an order rotated each round; wall and CPU time (user + system of the tsc process), medians, and
--extendedDiagnostics counts. The anchor is openapi-typescript's GitHub output in a folder named
`anchor` beside the variants (`typecheck.ts --keep` leaves it in test/.tmp/typecheck/openapi-typescript).

  python3 measure.py <tsc> <rounds> <variant,variant,...>    # prints a Markdown table
"""
import os, subprocess, time, re, json, sys, resource, statistics as st
OUT = os.environ.get("PMGEN_TC_OUT", "/tmp/tc")
TSC = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../node_modules/typescript/bin/tsc")
variants = sys.argv[3].split(",") if len(sys.argv) > 3 else ["anchor","base","no-fixtures","fixtures-no-satisfies","ops-no-satisfies","ops-generic-send","ops-generic-send-no-satisfies","no-api-client","no-reexports","undocumented-all-statuses","undocumented-number","runtime-only","runtime-types","no-fixtures-no-client","all-four"]
rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
res = {v: [] for v in variants}
for r in range(rounds):
    order = variants[r % len(variants):] + variants[:r % len(variants)]
    for v in order:
        cmd = (["node", TSC] if TSC.endswith(".js") or TSC.endswith("/tsc") and "typescript/bin" in TSC else [TSC]) + ["-p", f"{OUT}/{v}", "--extendedDiagnostics"]
        ru0 = resource.getrusage(resource.RUSAGE_CHILDREN); t = time.time()
        out = subprocess.run(cmd, capture_output=True, text=True).stdout; wall = time.time() - t
        ru1 = resource.getrusage(resource.RUSAGE_CHILDREN); cpu = (ru1.ru_utime - ru0.ru_utime) + (ru1.ru_stime - ru0.ru_stime)
        d = {k: v2 for k, v2 in re.findall(r"^([A-Za-z ]+?):\s+(\S+)", out, re.M)}
        res[v].append({"wall": wall, "cpu": cpu, **d})
    print("round", r, file=sys.stderr)
base = st.median(x["wall"] for x in res["anchor"]); basecpu = st.median(x["cpu"] for x in res["anchor"])
print("| variant | wall median (s) | x anchor | CPU median (s) | x anchor | check time | total time | types | instantiations |")
for v in variants:
    xs = res[v]
    w = st.median(x["wall"] for x in xs); c = st.median(x["cpu"] for x in xs)
    med = lambda k: st.median(float(x[k].rstrip("s")) for x in xs if k in x) if all(k in x for x in xs) else float("nan")
    print(f"| {v} | {w:.2f} | {w/base:.2f}x | {c:.2f} | {c/basecpu:.2f}x | {med('Check time'):.2f} | {med('Total time'):.2f} | {xs[0].get('Types')} | {xs[0].get('Instantiations')} |")
json.dump(res, open(f"{OUT}/measure-{int(time.time())}.json", "w"))
