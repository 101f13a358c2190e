#!/usr/bin/env python3
"""Checks that a DOT picture reads: its labels do not overlap, and it is not too tall.

Lays FILE.dot out with Graphviz (`dot -Tjson -Goverlap=false`: the layout
engine named in the file, node overlaps removed) and reads the positions
back: every node's box (label nodes included) and every edge label's text
box (`lp` and the width Graphviz measured) must not overlap another box.
Then renders SVG and reads its height.

  scripts/check_dot_layout.py FILE.dot [--max-height-px N] [--svg OUT.svg]

Prints one line: `FILE: W x H pt (W x H px), N labels, K overlaps`, then
each overlap; exits 1 when there is an overlap or the SVG is taller than N
px (1 pt = 4/3 px, as SVG viewers draw it), 77 when Graphviz is missing.
"""
import argparse
import itertools
import json
import re
import shutil
import subprocess
import sys

# Boxes touching within this many points do not count as overlapping.
TOLERANCE = 0.5


def node_boxes(layout):
    boxes = []
    for obj in layout.get("objects", []):
        if "pos" not in obj or "width" not in obj:
            continue  # a cluster or subgraph
        x, y = (float(v) for v in obj["pos"].split(","))
        w, h = float(obj["width"]) * 72, float(obj["height"]) * 72
        name = obj.get("label", obj["name"]).replace("\n", " ")
        boxes.append((f"node {obj['name']} ({name})", x - w / 2, y - h / 2, x + w / 2, y + h / 2))
    return boxes


def edge_label_boxes(layout):
    """Plain edge labels (the `dot` layouts): their text as Graphviz measured it."""
    boxes = []
    for edge in layout.get("edges", []):
        size = 14.0
        for op in edge.get("_ldraw_", []):
            if op["op"] == "F":
                size = float(op["size"])
            elif op["op"] == "T":
                x, y = op["pt"]
                w = float(op["width"])
                left = x - w / 2 if op["align"] == "c" else (x - w if op["align"] == "r" else x)
                boxes.append((f"edge label {op['text']!r}", left, y - size * 0.25,
                              left + w, y + size * 0.85))
    return boxes


def overlaps(a, b):
    return (a[1] + TOLERANCE < b[3] and b[1] + TOLERANCE < a[3] and
            a[2] + TOLERANCE < b[4] and b[2] + TOLERANCE < a[4])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("dot_file")
    parser.add_argument("--max-height-px", type=float, default=0)
    parser.add_argument("--svg")
    args = parser.parse_args()
    if shutil.which("dot") is None:
        print("skipped: Graphviz's dot is not installed (apt install graphviz)")
        return 77
    layout = json.loads(subprocess.run(["dot", "-Tjson", "-Goverlap=false", args.dot_file],
                                       check=True, capture_output=True, text=True).stdout)
    svg = subprocess.run(["dot", "-Tsvg", "-Goverlap=false", args.dot_file], check=True,
                         capture_output=True, text=True).stdout
    if args.svg:
        with open(args.svg, "w", encoding="utf-8") as f:
            f.write(svg)
    size = re.search(r'<svg width="([\d.]+)pt" height="([\d.]+)pt"', svg)
    width_pt, height_pt = float(size.group(1)), float(size.group(2))
    boxes = node_boxes(layout) + edge_label_boxes(layout)
    bad = [(a, b) for a, b in itertools.combinations(boxes, 2) if overlaps(a, b)]
    print(f"{args.dot_file}: {width_pt:.0f} x {height_pt:.0f} pt "
          f"({width_pt * 4 / 3:.0f} x {height_pt * 4 / 3:.0f} px), "
          f"{len(boxes)} labels, {len(bad)} overlaps")
    for a, b in bad[:20]:
        print(f"  overlap: {a[0]} and {b[0]}")
    failed = bool(bad)
    if args.max_height_px and height_pt * 4 / 3 > args.max_height_px:
        print(f"  too tall: {height_pt * 4 / 3:.0f} px > {args.max_height_px:.0f} px")
        failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
