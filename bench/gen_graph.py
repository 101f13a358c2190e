#!/usr/bin/env python3
"""Generates a directed multigraph with power-law degrees for `newsgraph bench`.

Writes into OUT_DIR:
  nodes.csv   id,kind            ids 1..N (0 means "none" in the store)
  edges.csv   src,dst,type       M edges, types 1..8 (skewed), parallel edges
                                 and self-loops allowed
  hop1.txt    1000 seeds         hop2.txt  200 seeds     (one id a line)
  sp.txt      100 pairs "s t"    bfs.txt   1 source (the largest out-degree)

Degrees: every edge picks its source and its destination independently with
probability proportional to rank^-ALPHA over two random orderings of the
nodes, so out- and in-degree both follow a power law with different hubs.
Same arguments and seed, same files. Pure Python (no numpy needed).
"""
import argparse
import bisect
import itertools
import os
import random

KINDS = ["PERSON", "STATE", "ALLIANCE", "ORGANIZATION", "PLACE", "EVENT", "ARTICLE"]
TYPE_WEIGHTS = [30, 15, 15, 10, 5, 5, 12, 8]  # edge types 1..8


def power_law_picker(rng, n, alpha):
    """A function drawing k node ids with P(rank r) ~ r^-alpha."""
    order = list(range(1, n + 1))
    rng.shuffle(order)
    cum = list(itertools.accumulate((r + 1) ** -alpha for r in range(n)))
    total = cum[-1]

    def pick(k):
        rand = rng.random
        return [order[bisect.bisect(cum, rand() * total, 0, n - 1)] for _ in range(k)]

    return pick


def write_lines(path, header, rows):
    with open(path, "w") as f:
        if header:
            f.write(header + "\n")
        for chunk in rows:
            f.write("\n".join(chunk))
            f.write("\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--nodes", type=int, required=True, help="N nodes")
    ap.add_argument("--edges", type=int, required=True, help="M edges")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--alpha", type=float, default=0.8, help="power-law exponent on rank")
    ap.add_argument("--out", required=True, help="output directory")
    args = ap.parse_args()
    n, m = args.nodes, args.edges
    rng = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)

    write_lines(os.path.join(args.out, "nodes.csv"), "id,kind",
                [[f"{i},{KINDS[rng.randrange(len(KINDS))]}"
                  for i in range(start, min(start + 100000, n + 1))]
                 for start in range(1, n + 1, 100000)])

    pick_src = power_law_picker(rng, n, args.alpha)
    pick_dst = power_law_picker(rng, n, args.alpha)
    cum_types = list(itertools.accumulate(TYPE_WEIGHTS))
    out_degree = [0] * (n + 1)
    in_degree = [0] * (n + 1)
    chunk = 1 << 20

    def edge_chunks():
        for start in range(0, m, chunk):
            k = min(chunk, m - start)
            srcs, dsts = pick_src(k), pick_dst(k)
            types = rng.choices(range(1, 9), cum_weights=cum_types, k=k)
            for s in srcs:
                out_degree[s] += 1
            for d in dsts:
                in_degree[d] += 1
            yield [f"{s},{d},{t}" for s, d, t in zip(srcs, dsts, types)]

    write_lines(os.path.join(args.out, "edges.csv"), "src,dst,type", edge_chunks())

    sources = [v for v in range(1, n + 1) if out_degree[v] > 0] or [1]
    targets = [v for v in range(1, n + 1) if in_degree[v] > 0] or [1]
    write_lines(os.path.join(args.out, "hop1.txt"), None,
                [[str(rng.choice(sources)) for _ in range(1000)]])
    write_lines(os.path.join(args.out, "hop2.txt"), None,
                [[str(rng.choice(sources)) for _ in range(200)]])
    write_lines(os.path.join(args.out, "sp.txt"), None,
                [[f"{rng.choice(sources)} {rng.choice(targets)}" for _ in range(100)]])
    hub = max(range(1, n + 1), key=lambda v: out_degree[v])
    write_lines(os.path.join(args.out, "bfs.txt"), None, [[str(hub)]])


if __name__ == "__main__":
    main()
