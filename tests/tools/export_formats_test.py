#!/usr/bin/env python3
"""Loads every whole-graph export back as another tool would (ctest export_formats_*).

Imports CORPUS into a fresh store, then:
  - jsonl: `import --format jsonl` into an empty store and exports it again:
    the bytes must be identical (whole store, and a filtered slice);
  - jsonl and graphml: loaded into NetworkX (skipped, with a message, when
    networkx is not installed: apt install python3-networkx); counts,
    labels, aliases, evidence sentences and relationship ends checked;
  - turtle: parsed by serdi or rapper (skipped, with a message, when
    neither is installed: apt install serdi); every ng: term it uses must
    be defined in docs/newsgraph.ttl, which must parse too;
  - neo4j: scripts/check_neo4j_csv.py (the documented header rules);
  - filters: a --types/--factuality/--from/--to slice holds only what
    they allow.

  export_formats_test.py --cli CLI --source SRC --work DIR CORPUS...

Exits 77 when a CORPUS file is absent (../shared on a machine without it),
1 when a check fails.
"""
import json
import os
import shutil
import subprocess
import sys

from test_folders import fresh_folder, tool_test_parser

FAILED = []


def check(ok, what):
    print(("ok: " if ok else "FAIL: ") + what)
    if not ok:
        FAILED.append(what)
    return ok


def run(*args, **kwargs):
    return subprocess.run(list(args), check=True, capture_output=True, **kwargs)


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def round_trip(cli, work, name, filters):
    """Exports (with filters), reads back into an empty store, exports again."""
    first = os.path.join(work, f"{name}.jsonl")
    run(cli, "export", "--db", os.path.join(work, "store"), "--format", "jsonl", "--out", first,
        *filters)
    restored = os.path.join(work, f"{name}_restored")
    shutil.rmtree(restored, ignore_errors=True)
    run(cli, "import", "--db", restored, "--format", "jsonl", first)
    second = run(cli, "export", "--db", restored, "--format", "jsonl", *filters).stdout
    same = open(first, "rb").read() == second
    check(same, f"jsonl round trip ({name}): export -> import --format jsonl -> export is "
                f"byte-identical ({len(second)} bytes)")
    return read_jsonl(first)


def check_networkx(records, graphml_path):
    try:
        import networkx as nx
    except ImportError:
        print("skipped: networkx is not installed (apt install python3-networkx): "
              "the GraphML and JSON Lines exports were not loaded into NetworkX")
        return
    header = records[0]
    nodes = {r["id"]: r for r in records if r["type"] == "node"}
    rels = [r for r in records if r["type"] == "relationship"]
    g = nx.MultiDiGraph()
    for node_id, r in nodes.items():
        g.add_node(node_id, labels=r["labels"], **r["properties"])
    for r in rels:
        g.add_edge(r["start"], r["end"], key=r["id"], type=r["label"], **r["properties"])
    check(g.number_of_nodes() == header["nodes"] == len(nodes) and
          g.number_of_edges() == header["relationships"],
          f"jsonl -> NetworkX: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges, as the "
          f"header says, every relationship end among the nodes")
    h = nx.read_graphml(graphml_path, force_multigraph=True)
    check(h.number_of_nodes() == len(nodes) and h.number_of_edges() == len(rels),
          f"graphml -> NetworkX: {h.number_of_nodes()} nodes, {h.number_of_edges()} edges "
          f"(the same as jsonl)")
    check(all(d.get("label") for _, d in h.nodes(data=True)), "graphml: every node has a label")
    aliases_ok = all(json.loads(h.nodes[n].get("aliases", "[]")) ==
                     nodes[n]["properties"].get("aliases", []) for n in h.nodes)
    check(aliases_ok, "graphml: aliases are JSON arrays equal to the jsonl aliases")
    with_evidence = [d for _, _, d in h.edges(data=True) if "evidence" in d]
    sentences_ok = all(json.loads(d.get("sentences", "[]")) and
                       all(s["sentence"] for s in json.loads(d["sentences"]))
                       for d in with_evidence)
    check(sentences_ok, f"graphml: the {len(with_evidence)} edges with evidence carry its "
                        f"sentences")


def triples(path, syntax="turtle"):
    """N-Triples lines of a Turtle file, by serdi or rapper; None when neither is there."""
    if shutil.which("serdi"):
        return run("serdi", "-i", syntax, "-o", "ntriples", path, text=True).stdout.splitlines()
    if shutil.which("rapper"):
        return run("rapper", "-q", "-i", syntax, "-o", "ntriples", path,
                   text=True).stdout.splitlines()
    return None


def check_turtle(path, source, records):
    ns = "<https://newsgraph.dev/ns#"
    try:
        data = triples(path)
    except subprocess.CalledProcessError as e:
        check(False, f"turtle parses: {e.stderr.decode(errors='replace')[:500]}")
        return
    if data is None:
        print("skipped: neither serdi nor rapper is installed (apt install serdi): "
              "the Turtle export was not parsed")
        return
    vocabulary = triples(os.path.join(source, "docs", "newsgraph.ttl"))
    defined = {line.split()[0] for line in vocabulary if line.startswith(ns)}
    used = set()
    for line in data:
        for term in line.split(" ", 2)[:2] + [line.rsplit(" ", 2)[-2]]:
            if term.startswith(ns):
                used.add(term)
    rels = sum(1 for r in records if r["type"] == "relationship")
    typed = sum(1 for line in data if line.endswith(f"{ns}Relationship> ."))
    check(typed == rels, f"turtle parses: {len(data)} triples, {typed} ng:Relationship "
                         f"resources for {rels} relationships")
    check(used <= defined, f"turtle: the {len(used)} ng: terms used are defined in "
                           f"docs/newsgraph.ttl (undefined: {sorted(used - defined)[:5]})")


def check_filters(records, frm, to):
    rels = [r for r in records if r["type"] == "relationship"]
    ids = {r["id"] for r in records if r["type"] == "node"}
    ok = all(r["label"] == "MET" and r["properties"].get("factuality") == "happened" and
             r["properties"]["date"] <= to and r["properties"]["end_date"] >= frm and
             not r["properties"]["fell_back"] for r in rels)
    ends = {e for r in rels for e in (r["start"], r["end"])}
    check(ok and ends == ids and records[0]["relationships"] == len(rels),
          f"filtered export: {len(rels)} relationships, all MET, happened, overlapping "
          f"{frm}..{to}; its {len(ids)} nodes are exactly their ends")


def main():
    parser = tool_test_parser()
    parser.add_argument("corpus", nargs="+")
    args = parser.parse_args()
    for path in args.corpus:
        if not os.path.exists(path):
            print(f"skipped: {path} is absent (the shared data is not on this machine)")
            return 77
    fresh_folder(args.work)
    store = os.path.join(args.work, "store")
    run(args.cli, "import", "-q", "--db", store, *args.corpus)
    records = round_trip(args.cli, args.work, "whole", [])
    window = ["--types", "MET", "--factuality", "happened", "--from", "2022-01-01", "--to",
              "2023-12-31"]
    sliced = round_trip(args.cli, args.work, "slice", window)
    check_filters(sliced, "2022-01-01", "2023-12-31")
    graphml = os.path.join(args.work, "graph.graphml")
    run(args.cli, "export", "--db", store, "--format", "graphml", "--out", graphml)
    check_networkx(records, graphml)
    turtle = os.path.join(args.work, "graph.ttl")
    run(args.cli, "export", "--db", store, "--format", "turtle", "--out", turtle)
    check_turtle(turtle, args.source, records)
    neo4j = os.path.join(args.work, "neo4j")
    run(args.cli, "export", "--db", store, "--format", "neo4j", "--out", neo4j)
    checker = subprocess.run([sys.executable, os.path.join(args.source, "scripts",
                                                           "check_neo4j_csv.py"), neo4j],
                             capture_output=True, text=True)
    check(checker.returncode == 0, "neo4j CSV header rules: " + checker.stdout.strip())
    print(f"{len(FAILED)} failed")
    return 1 if FAILED else 0


if __name__ == "__main__":
    sys.exit(main())
