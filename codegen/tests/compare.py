#!/usr/bin/env python3
"""Differential test of tla2 codegen against the interpreter (slow; not run by `cargo test`).

For each model: generate the checker crate (examples/gen_crate), build it in release mode in a
shared target dir (/work/target-cgcrates, so the runtime builds once), run it and `tla2 check`
with `--output json` and the same flags, and compare the reports (everything but timings).

usage: compare.py [--tla2 PATH] [--gen PATH] [--corpus DIR] [--filter SUBSTR]
  --filter takes comma-separated substrings of model ids. Default models: the fixtures of
  tests/specs (expected.json); --corpus DIR takes a directory
  with an expected.json in the same format.
"""
import argparse, json, os, re, subprocess, sys, time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
VOLATILE = {"timestamp", "time_seconds", "states_per_second", "memory_mb"}


def strip(x):
    if isinstance(x, dict):
        return {k: strip(v) for k, v in x.items() if k not in VOLATILE}
    if isinstance(x, list):
        return [strip(v) for v in x]
    return x


def first_diff(a, b, path=""):
    if type(a) != type(b):
        return f"{path}: {json.dumps(a)[:200]} != {json.dumps(b)[:200]}"
    if isinstance(a, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a or k not in b:
                return f"{path}.{k}: only in {'interp' if k in a else 'compiled'}"
            d = first_diff(a[k], b[k], f"{path}.{k}")
            if d:
                return d
        return None
    if isinstance(a, list):
        if len(a) != len(b):
            return f"{path}: length {len(a)} != {len(b)}"
        for i, (x, y) in enumerate(zip(a, b)):
            d = first_diff(x, y, f"{path}[{i}]")
            if d:
                return d
        return None
    return None if a == b else f"{path}: {json.dumps(a)[:200]} != {json.dumps(b)[:200]}"


def run(cmd, cwd, timeout):
    t = time.time()
    try:
        p = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=timeout)
        return p.returncode, p.stdout, p.stderr, time.time() - t
    except subprocess.TimeoutExpired:
        return None, "", "timeout", time.time() - t


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tla2", default="/work/target-codegen/release/tla2")
    ap.add_argument("--gen", default="/work/target-codegen/debug/examples/gen_crate")
    ap.add_argument("--corpus")
    ap.add_argument("--filter", default="")
    ap.add_argument("--timeout", type=int, default=300)
    ap.add_argument("--out", default="/tmp/tla2-cg")
    args = ap.parse_args()
    base = args.corpus or os.path.join(ROOT, "tests", "specs")
    models = json.load(open(os.path.join(base, "expected.json")))["models"]
    filters = args.filter.split(",")
    models = [m for m in models if any(f in m["id"] for f in filters)]
    tally = {}
    for m in models:
        mid = m["id"]
        spec, cfg = m["module"], m.get("config") or re.sub(r"\.tla$", ".cfg", m["module"])
        flags = list(m.get("flags", []))
        if m.get("mode") == "simulate" and "-simulate" not in flags:
            flags = ["-simulate", "num=100"] + flags
        crate = os.path.join(args.out, re.sub(r"[^A-Za-z0-9]+", "_", mid))
        rc, _, err, _ = run([args.gen, spec, cfg, crate], base, 120)
        if rc != 0:
            verdict = "refused" if rc == 2 else "gen-failed"
            print(f"{verdict:12} {mid}: {err.strip()[:300]}")
            tally[verdict] = tally.get(verdict, 0) + 1
            continue
        env = dict(os.environ, CARGO_TARGET_DIR="/work/target-cgcrates")
        p = subprocess.run(["cargo", "build", "--release", "-q", "-j2", "--message-format", "short"],
                           cwd=crate, capture_output=True, text=True, env=env)
        if p.returncode != 0:
            print(f"{'build-failed':12} {mid}: {p.stderr.strip()[:600]}")
            tally["build-failed"] = tally.get("build-failed", 0) + 1
            continue
        name = re.search(r'name = "([^"]+)"', open(os.path.join(crate, "Cargo.toml")).read()).group(1)
        binary = os.path.join("/work/target-cgcrates/release", name)
        cmd_tail = [spec, "-config", cfg, "--output", "json"] + flags
        rc1, out1, err1, t1 = run([args.tla2, "check"] + cmd_tail, base, args.timeout)
        rc2, out2, err2, t2 = run([binary] + cmd_tail, base, args.timeout)
        try:
            a, b = strip(json.loads(out1)), strip(json.loads(out2))
            d = first_diff(a, b) if rc1 == rc2 else f"exit code {rc1} != {rc2}"
        except Exception as e:  # noqa: BLE001
            d = f"unparsable output: {e}: {err1.strip()[:200]} | {err2.strip()[:200]}"
        verdict = "agree" if d is None else "DIFFER"
        tally[verdict] = tally.get(verdict, 0) + 1
        speed = ""
        try:
            s1, s2 = json.loads(out1)["statistics"], json.loads(out2)["statistics"]
            speed = f"distinct={s1.get('states_distinct')} interp {t1:.2f}s compiled {t2:.2f}s"
        except Exception:  # noqa: BLE001
            pass
        print(f"{verdict:12} {mid} {speed} {d or ''}")
        sys.stdout.flush()
    print("summary:", tally)


if __name__ == "__main__":
    main()
