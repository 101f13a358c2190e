#!/usr/bin/env python3
"""The four traversal workloads of `newsgraph bench run` on python-igraph.

  igraph_bench.py --graph DIR --work DIR [--repeat N] [--workloads hop1,hop2,sp,bfs]

DIR holds gen_graph.py's files. Loads nodes.csv and edges.csv into a directed
igraph multigraph (edge type kept as the edge attribute "type"), timed as the
load, then runs each workload over its whole input REPEAT times with igraph's
own functions and writes the answers of the last run to
WORK/igraph_<workload>.txt, one a line. stderr gets one JSON line per step:
{"workload": "load", "edges": .., "median_s": ..} and
{"workload": W, "queries": Q, "median_s": S}. Before the timed hop1 runs it
answers the first hop1 seed once and reports the process's age then
(program start, imports, the load from CSV, the query) as
{"workload": "first_answer", "first_answer_s": S, "answer": A}: igraph keeps
nothing on disk, so a fresh process always loads first.

Run it with the interpreter that has igraph (Debian's python3-igraph lives
under /usr/bin/python3). Exit status: 0 on success, 2 on bad arguments or
input, 1 when igraph is missing.
"""
import argparse
import json
import os
import statistics
import sys
import time
import warnings

MAX_PATH_DEPTH = 6  # as newsgraph's Traverser and csr_baseline
WORKLOADS = ("hop1", "hop2", "sp", "bfs")


def report(**fields):
    print(json.dumps(fields), file=sys.stderr, flush=True)


class InputError(Exception):
    pass


def read_columns(path, width):
    """The comma-separated columns of a CSV with a header, as strings."""
    with open(path) as f:
        f.readline()
        cells = f.read().replace("\n", ",").split(",")
    if cells and cells[-1] == "":
        cells.pop()
    if len(cells) % width:
        raise InputError(f"{path}: expected {width} fields on every line")
    return [cells[i::width] for i in range(width)]


def load(igraph, graph_dir):
    """The graph and a map from node id (as written in the CSV) to vertex."""
    nodes_csv = os.path.join(graph_dir, "nodes.csv")
    edges_csv = os.path.join(graph_dir, "edges.csv")
    ids, _kinds = read_columns(nodes_csv, 2)
    index = {node_id: v for v, node_id in enumerate(ids)}
    src, dst, types = read_columns(edges_csv, 3)
    try:
        pairs = zip(map(index.__getitem__, src), map(index.__getitem__, dst))
        g = igraph.Graph(n=len(ids), edges=pairs, directed=True)
    except KeyError as e:
        raise InputError(f"{edges_csv}: node {e.args[0]} not in {nodes_csv}") from None
    g.es["type"] = list(map(int, types))
    return g, index


def read_queries(path, index):
    """Vertex ids (None when absent from the graph) per line of an input."""
    queries = []
    with open(path) as f:
        for number, line in enumerate(f, 1):
            fields = line.split()
            if not fields:
                continue
            if not all(x.isdigit() for x in fields):
                raise InputError(f"{path}:{number}: bad line {line.strip()!r}")
            queries.append(tuple((x, index.get(x)) for x in fields))
    return queries


def hop1(g, q):
    (_, s), = q
    return 0 if s is None else len(set(g.successors(s)))


def hop2(g, q):
    (_, s), = q
    return 0 if s is None else g.neighborhood_size(s, order=2, mode="out", mindist=1)


def shortest_path(g, q):
    (a, s), (z, t) = q
    if a == z:
        return 0
    if s is None or t is None:
        return -1
    # Stops as soon as t is reached; [] when it is not reachable.
    path = g.get_shortest_paths(s, to=t, mode="out", output="vpath")[0]
    return len(path) - 1 if 0 < len(path) <= MAX_PATH_DEPTH + 1 else -1


def bfs(g, q):
    (_, s), = q
    if s is None:
        return "1 0"
    visited, layer_starts, _parents = g.bfs(s, mode="out")
    return f"{len(visited)} {len(layer_starts) - 2}"


def process_age():
    """Seconds since this process started, from /proc (10 ms ticks)."""
    with open("/proc/self/stat") as f:
        start_ticks = int(f.read().rsplit(")", 1)[1].split()[19])  # field 22
    with open("/proc/uptime") as f:
        uptime = float(f.read().split()[0])
    return uptime - start_ticks / os.sysconf("SC_CLK_TCK")


def report_first_answer(g, index, args):
    queries = read_queries(os.path.join(args.graph, "hop1.txt"), index)
    if queries:
        answer = hop1(g, queries[0])
        report(workload="first_answer", first_answer_s=round(process_age(), 3),
               answer=str(answer), **{"from": "csv"})


def run_workload(g, index, args, name):
    answer = {"hop1": hop1, "hop2": hop2, "sp": shortest_path, "bfs": bfs}[name]
    queries = read_queries(os.path.join(args.graph, f"{name}.txt"), index)
    seconds = []
    answers = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        answers = [answer(g, q) for q in queries]
        seconds.append(time.perf_counter() - start)
    with open(os.path.join(args.work, f"igraph_{name}.txt"), "w") as f:
        f.writelines(f"{a}\n" for a in answers)
    report(workload=name, queries=len(queries), median_s=round(statistics.median(seconds), 6))


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--graph", required=True, help="gen_graph.py output directory")
    ap.add_argument("--work", required=True, help="where answers go")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--workloads", default=",".join(WORKLOADS))
    args = ap.parse_args()
    args.repeat = max(1, args.repeat)
    workloads = [w for w in args.workloads.split(",") if w]
    unknown = [w for w in workloads if w not in WORKLOADS]
    if unknown:
        ap.error(f"unknown workload {unknown[0]}")
    try:
        import igraph
    except ImportError as e:
        print(f"igraph_bench: {e}", file=sys.stderr)
        return 1
    # get_shortest_path warns for every unreachable target.
    warnings.filterwarnings("ignore", module="igraph")
    warnings.filterwarnings("ignore", category=RuntimeWarning)
    try:
        start = time.perf_counter()
        g, index = load(igraph, args.graph)
        report(workload="load", edges=g.ecount(),
               median_s=round(time.perf_counter() - start, 3), igraph=igraph.__version__)
        if "hop1" in workloads:
            report_first_answer(g, index, args)
        for name in workloads:
            run_workload(g, index, args, name)
    except (InputError, OSError) as e:
        print(f"igraph_bench: {e}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
