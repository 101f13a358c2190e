#!/usr/bin/env python3
"""The cost-curve tables of bench/run_curve.sh, from what run_suite.sh left.

  curve_report.py --work DIR --sizes 1M,10M,100M [--peers kuzu,igraph,duckdb]

DIR/<size>/ is one run_suite.sh --work directory (the size as given, e.g.
DIR/10M), plus run_curve.sh's own notes there: curve.status ("ran, exit N",
"skipped: why", "timed out after S s"), curve.repeat, and peers.skipped
("PEER: why" per peer left out). Nothing is measured here: every figure is
read from those files, and a figure that is not there prints as "-" with
the reason in the row's note. Prints two markdown tables: one row per size
and engine, then each figure's growth per tenfold step of the edges.
"""
import argparse
import json
import math
import os
import re
import statistics
import subprocess

WORKLOADS = ("hop1", "hop2", "sp", "bfs")
ENGINES = ("store", "snapshot", "mapped")  # newsgraph's, one `bench run` each
UNITS = {"": 1, "k": 10**3, "m": 10**6, "g": 10**9}


def parse_size(text):
    """Edges of a size such as 100k, 1M, 2500000."""
    m = re.fullmatch(r"([0-9]+)([kKmMgG]?)", text)
    if not m or int(m.group(1)) == 0:
        raise ValueError(f"bad size {text!r} (e.g. 100k, 1M, 10M)")
    return int(m.group(1)) * UNITS[m.group(2).lower()]


def read(path, default=None):
    try:
        with open(path) as f:
            return f.read()
    except OSError:
        return default


def json_lines(path):
    """The JSON objects of a file's lines that are one."""
    out = []
    for line in (read(path) or "").splitlines():
        if line.startswith("{"):
            try:
                out.append(json.loads(line))
            except ValueError:
                pass
    return out


def by_workload(path):
    return {j["workload"]: j for j in json_lines(path) if "workload" in j}


def rss_kb(path):
    """The peak RSS (first line) of run_suite.sh's or run_peers.sh's rss.* file."""
    text = read(path)
    if not text or not text.split()[0].isdigit():
        return None
    return int(text.split()[0])


def wall_s(path):
    lines = (read(path) or "").split()
    return float(lines[1]) if len(lines) > 1 else None


def disk_bytes(path):
    if not os.path.exists(path):
        return None
    out = subprocess.run(["du", "-sb", path], capture_output=True, text=True).stdout
    return int(out.split()[0]) if out else None


def agreement(work, answers_prefix):
    """agree, or which workloads differ from csr_baseline's, lack an answer
    file, or cannot be checked since csr_baseline wrote none."""
    verdicts = {"DIFFER": [], "missing": [], "unchecked": []}
    for w in WORKLOADS:
        mine, csr = read(f"{answers_prefix}{w}.txt"), read(f"{work}/csr_{w}.txt")
        if mine is None:
            verdicts["missing"].append(w)
        elif csr is None:
            verdicts["unchecked"].append(w)
        elif mine != csr:
            verdicts["DIFFER"].append(w)
    parts = [f"{k} {','.join(v)}" for k, v in verdicts.items() if v]
    return "; ".join(parts) or "agree"


def newsgraph_row(work, engine, edges):
    load = re.search(r"^seconds:\s*([0-9.]+)", read(f"{work}/load.txt", ""), re.M)
    runs = {w: by_workload(f"{work}/{engine}_{w}.err").get(w, {}) for w in WORKLOADS}
    rss_q = [rss_kb(f"{work}/rss.{engine}_{w}") for w in WORKLOADS]
    startup = [wall_s(f"{work}/rss.{engine}_{w}") - runs[w]["query_total_s"] for w in WORKLOADS
               if wall_s(f"{work}/rss.{engine}_{w}") is not None and "query_total_s" in runs[w]]
    db = disk_bytes(f"{work}/db")
    return {
        "load_s": float(load.group(1)) if load else None,
        "bytes_edge": db / edges if db else None, "disk_bytes": db,
        "rss_load_mb": kb_to_mb(rss_kb(f"{work}/rss.load")),
        "rss_query_mb": kb_to_mb(max((r for r in rss_q if r), default=None)),
        "first_s": runs["hop1"].get("first_answer_s"),
        "wall_minus_query_s": statistics.median(startup) if startup else None,
        **{w: runs[w].get("median_s") for w in WORKLOADS},
        "answers": agreement(work, f"{work}/{engine}_"),
        "note": "",
    }


def kb_to_mb(kb):
    return kb / 1024 if kb else None


def first_estimate(load_s, hop1_s, hop1_queries):
    """A process that must load before it answers: load plus one hop1 query."""
    if load_s is None or hop1_s is None or not hop1_queries:
        return None
    return load_s + hop1_s / hop1_queries


def csr_row(work, repeat):
    runs = by_workload(f"{work}/csr.err")
    head = next((j for j in json_lines(f"{work}/csr.err") if "load_s" in j), {})
    rss = kb_to_mb(rss_kb(f"{work}/rss.csr"))
    wall = wall_s(f"{work}/rss.csr")
    timed = sum(runs[w]["median_s"] * repeat for w in WORKLOADS if w in runs)
    return {
        "load_s": head.get("load_s"), "bytes_edge": None, "disk_bytes": None,
        "rss_load_mb": rss, "rss_query_mb": rss,
        "first_s": first_estimate(head.get("load_s"), runs.get("hop1", {}).get("median_s"),
                                  runs.get("hop1", {}).get("queries")),
        "wall_minus_query_s": wall - timed if wall is not None and len(runs) == 4 else None,
        **{w: runs.get(w, {}).get("median_s") for w in WORKLOADS},
        "answers": "(reference)",
        "note": "nothing on disk (in memory); one process: RSS of load and queries together; "
                "first answer = load + one hop1 query; wall-query from medians x repeat",
    }


def peer_row(work, peer, edges, skipped):
    pdir = f"{work}/peers"
    status = (read(f"{pdir}/{peer}.status") or "").strip()
    if peer in skipped:
        status = "skipped: " + skipped[peer]
    runs = by_workload(f"{pdir}/{peer}.json")
    load_s = runs.get("load", {}).get("median_s")
    db = disk_bytes(f"{pdir}/{peer}_db") if peer != "igraph" else None
    rss = kb_to_mb(rss_kb(f"{pdir}/rss.{peer}"))
    if peer in skipped:
        return {"note": status, "answers": "-"}
    notes = [] if status == "ok" else [status or "not run (no peers output)"]
    if peer == "igraph":
        notes.append("nothing on disk (in memory)")
    notes.append("one process: RSS of load and queries together")
    # The peer's own fresh-process figure (run_peers.sh), else an estimate.
    first = runs.get("first_answer", {})
    if "first_answer_s" in first:
        notes.append(f"first answer: a fresh process from the {first.get('from', '?')}")
    else:
        notes.append("first answer = load + one hop1 query (no fresh-process figure)")
    notes.append("wall not timed by run_peers.sh")
    return {
        "load_s": load_s, "bytes_edge": db / edges if db else None, "disk_bytes": db,
        "rss_load_mb": rss, "rss_query_mb": rss,
        "first_s": first.get("first_answer_s") or first_estimate(
            load_s, runs.get("hop1", {}).get("median_s"), runs.get("hop1", {}).get("queries")),
        "wall_minus_query_s": None,
        **{w: runs.get(w, {}).get("median_s") for w in WORKLOADS},
        "answers": agreement(work, f"{pdir}/{peer}_") if status == "ok" else "-",
        "note": "; ".join(notes),
    }


def skipped_peers(work):
    out = {}
    for line in (read(f"{work}/peers.skipped") or "").splitlines():
        peer, _, why = line.partition(": ")
        if peer:
            out[peer] = why
    return out


def size_rows(work, edges, peers):
    """(engine, row) pairs of one size, or [("all", note row)] when it did not run."""
    status = (read(f"{work}/curve.status") or "").strip()
    if not status and not os.path.exists(f"{work}/csr.err"):
        status = "not run (no run_suite.sh output in this directory)"
    if status.startswith(("skipped", "not run")):
        return [("all", {"note": status})]
    repeat = int((read(f"{work}/curve.repeat") or "1").strip() or 1)
    rows = [(e, newsgraph_row(work, e, edges)) for e in ENGINES]
    rows.append(("csr", csr_row(work, repeat)))
    skipped = skipped_peers(work)
    rows += [(p, peer_row(work, p, edges, skipped)) for p in peers]
    if status and not status.startswith("ran, exit 0"):
        for _, row in rows:
            row["note"] = (status + "; " + row["note"]).strip("; ")
    return rows


COLUMNS = [("load_s", "load s"), ("bytes_edge", "bytes/edge on disk"),
           ("rss_load_mb", "peak RSS load MB"), ("rss_query_mb", "peak RSS queries MB"),
           ("first_s", "first answer s"), ("wall_minus_query_s", "wall-query s")] + \
          [(w, f"{w} s") for w in WORKLOADS]


def fmt(value):
    if value is None:
        return "-"
    if isinstance(value, str):
        return value
    if value == 0:
        return "0"
    return f"{value:.3g}" if abs(value) >= 0.001 else f"{value:.2e}"


def print_rows(table):
    print("| size | edges | engine | " + " | ".join(h for _, h in COLUMNS) + " | answers | note |")
    print("|---" * (len(COLUMNS) + 5) + "|")
    for size, edges, rows in table:
        for engine, row in rows:
            cells = [fmt(row.get(k)) for k, _ in COLUMNS]
            print(f"| {size} | {edges} | {engine} | " + " | ".join(cells) +
                  f" | {row.get('answers', '-')} | {row.get('note', '')} |")


# Figures whose growth is shown: totals, not per-edge ones (bytes per edge
# is the disk total divided by a tenfold larger number each step).
GROWTH = [("load_s", "load"), ("disk_bytes", "disk"), ("rss_load_mb", "RSS load"),
          ("rss_query_mb", "RSS queries"), ("first_s", "first answer"),
          ("wall_minus_query_s", "wall-query")] + [(w, w) for w in WORKLOADS]


def growth_label(ratio, step, edges):
    """What a ratio `ratio` over an edge ratio `step` from `edges` edges looks like."""
    linear = step
    nlogn = step * math.log(step * edges) / math.log(edges)
    if ratio < step ** 0.3:
        return "flat"
    if ratio < step ** 0.85:
        return "sublinear"
    if ratio <= math.sqrt(linear * nlogn):
        return "linear"
    if ratio <= nlogn * 1.25:
        return "n log n"
    return "worse"


def print_growth(table):
    steps = list(zip(table, table[1:]))
    if not steps:
        return
    print()
    print("| engine | figure | " + " | ".join(f"{a[0]}→{b[0]}" for a, b in steps) + " | bend |")
    print("|---" * (len(steps) + 3) + "|")
    engines = []
    for _, _, rows in table:
        engines += [e for e, _ in rows if e != "all" and e not in engines]
    # newsgraph's three engines share one load: its figures go on store's rows.
    shared = {"load_s", "disk_bytes", "rss_load_mb"}
    for engine in engines:
        for key, name in GROWTH:
            if engine in ENGINES[1:] and key in shared:
                continue
            cells, labels = [], []
            for (sa, ea, ra), (sb, eb, rb) in steps:
                a, b = dict(ra).get(engine, {}).get(key), dict(rb).get(engine, {}).get(key)
                if not a or not b:
                    cells.append("-")
                    labels.append(None)
                    continue
                label = growth_label(b / a, eb / ea, ea)
                per10 = (b / a) ** (1 / math.log10(eb / ea))
                cells.append(f"{per10:.3g}× per 10× ({label})")
                labels.append((sb, label))
            bends = [f"at {y[0]}: {x[1]} → {y[1]}" for x, y in zip(labels, labels[1:])
                     if x and y and x[1] != y[1]]
            if any(c != "-" for c in cells):
                print(f"| {engine} | {name} | " + " | ".join(cells) + f" | {'; '.join(bends) or '-'} |")


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--work", required=True)
    ap.add_argument("--sizes", required=True)
    ap.add_argument("--peers", default="")
    args = ap.parse_args()
    try:
        sizes = sorted(((s, parse_size(s)) for s in args.sizes.split(",") if s), key=lambda x: x[1])
    except ValueError as e:
        ap.error(str(e))
    peers = [p for p in args.peers.split(",") if p]
    table = [(s, e, size_rows(os.path.join(args.work, s), e, peers)) for s, e in sizes]
    print_rows(table)
    print_growth(table)


if __name__ == "__main__":
    main()
