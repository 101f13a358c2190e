#!/usr/bin/env python3
"""Checks the one-way include arrows between the layers (docs/decisions.md).

CMake cannot: the repository root is a public include directory of every
target, so any file could include any header. This reads every
`#include "..."` of the layer folders and fails, naming file and line, when
one points against the arrows:

  schema <- engine <- importers, queries <- api <- tools, python

and, inside queries/, output/ and graph/ stand alone, cypher/ and export/
use output/, canned/ and the files at queries/ may use them all. The face headers
(include/newsgraph/) count as the layer that implements them. tools/ (the
CLI) may include the face, and of the layers' own headers only those in
CLI_INTERNAL (tools/dev/, the developer tools that are not installed,
may look inside any layer): each is a place where the CLI is not yet only a client of the
face, and a new one fails this check until it is listed here. python/ (the
Python module) includes only the installed face headers (INSTALLED), as a
program built against an install would, and nothing includes python/.

  scripts/check_layers.py [ROOT]
"""
import os
import re
import sys

LAYERS = ["schema", "engine", "importers", "queries", "api", "tools", "python"]
# Which layers' folders a file of each layer may include.
ALLOWED = {
    "schema": {"schema"},
    "engine": {"schema", "engine"},
    "importers": {"schema", "engine", "importers"},
    "queries": {"schema", "engine", "queries"},
    "api": {"schema", "engine", "importers", "queries", "api"},
    "tools": {"tools"},
    "python": {"python"},
}
# The face headers cmake/install.cmake installs (read from it in main()):
# all python/ may include.
INSTALLED = set()
# The layer that implements each face header; those not listed are plain
# types that any layer may use.
FACE = {
    "store.h": "engine", "bulk_load.h": "engine", "graph_snapshot.h": "engine",
    "adjacency_file.h": "engine",
    "importer.h": "importers",
    "query.h": "queries", "cypher.h": "queries", "cypher_result.h": "queries",
    "traversal.h": "queries", "algorithms.h": "queries", "graph_export.h": "queries",
    "newsgraph.h": "api",
}
# Inside queries/: which subfolders a subfolder may include ("" = the files
# at queries/ itself).
QUERIES_ALLOWED = {
    "output": {"output"},
    "graph": {"graph"},
    "cypher": {"cypher", "output"},
    "export": {"export", "output"},
    "canned": {"canned", "cypher", "output", "graph", ""},
    "": {"canned", "cypher", "output", "graph", "export", ""},
}
CLI_INTERNAL = {
    "schema/ontology.h",                      # ask: state names in listings
    "schema/dates.h",                         # import: --since/--until days
    "queries/canned/registry.h",              # ask --list, parameter help
    "queries/canned/runner.h",                # ask: formats of an answer
    "queries/cypher/script.h",                # query --file, shell: statements
    "queries/cypher/executor/procedures.h",   # shell: completion of CALL names
    "queries/canned/entity_names.h",          # serve: /api/search
    "queries/output/answer_formats.h",        # serve: /api/evidence, sentences of an event
}
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')


def queries_part(path):
    """The subfolder of queries/ a path lies in ("" at queries/ itself)."""
    parts = path.split("/")
    return parts[1] if len(parts) > 2 else ""


def violation(src, target):
    if src.startswith("tools/dev/"):
        return None  # developer tools (not installed) look inside any layer
    layer = src.split("/")[0]
    head = target.split("/")[0]
    if head == "newsgraph" and layer == "python":
        if target.split("/", 1)[1] in INSTALLED:
            return None
        return "the Python module includes a face header that is not installed"
    if head == "newsgraph":
        owner = FACE.get(target.split("/", 1)[1])
        if owner is None or owner == layer or layer in ("api", "tools"):
            return None
        return None if owner in ALLOWED[layer] else f"{layer}/ includes the face header of {owner}/"
    if head not in LAYERS:
        return None  # a library (absl/, nlohmann/, ...) or a generated header
    if layer == "tools":
        if head == "tools" or target in CLI_INTERNAL:
            return None
        return "the CLI includes a layer's internal header not listed in CLI_INTERNAL"
    if head not in ALLOWED[layer]:
        return f"{layer}/ may not include {head}/"
    if layer == "queries" and head == "queries":
        if queries_part(target) not in QUERIES_ALLOWED[queries_part(src)]:
            return f"queries/{queries_part(src) or '.'} may not include queries/{queries_part(target)}/"
    return None


def installed_headers(root):
    """The header names of NEWSGRAPH_PUBLIC_HEADERS in cmake/install.cmake."""
    with open(os.path.join(root, "cmake", "install.cmake"), encoding="utf-8") as f:
        block = re.search(r"set\(NEWSGRAPH_PUBLIC_HEADERS([^)]*)\)", f.read())
    return set(re.findall(r"include/newsgraph/(\w+\.h)", block.group(1))) if block else set()


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..")
    INSTALLED.update(installed_headers(root))
    failures = []
    for layer in LAYERS:
        for dirpath, _, files in os.walk(os.path.join(root, layer)):
            for name in sorted(files):
                if not name.endswith((".h", ".cc")):
                    continue
                path = os.path.join(dirpath, name)
                src = os.path.relpath(path, root).replace(os.sep, "/")
                with open(path, encoding="utf-8", errors="replace") as f:
                    for number, line in enumerate(f, 1):
                        m = INCLUDE.match(line)
                        why = m and violation(src, m.group(1))
                        if why:
                            failures.append(f"{src}:{number}: {m.group(1)}: {why}")
    for failure in failures:
        print(failure)
    if failures:
        print(f"{len(failures)} include(s) against the layer arrows (docs/decisions.md)")
        return 1
    print("layer arrows hold")
    return 0


if __name__ == "__main__":
    sys.exit(main())
