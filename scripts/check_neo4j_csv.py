#!/usr/bin/env python3
"""Checks a `newsgraph export --format neo4j` folder against the header rules of
`neo4j-admin database import full` (Neo4j 5), as docs/exports.md states them:

  - every CSV file has a header whose fields are `name:TYPE`, `name` (a
    string), `[name]:ID`, `:LABEL`, `:START_ID`, `:END_ID`, `:TYPE` or
    `:IGNORE`; TYPE is one of int, long, float, double, boolean, byte,
    short, char, string, point, date, localtime, time, localdatetime,
    datetime, duration, each optionally followed by [] (an array);
  - a node file has exactly one ID field and no START_ID, END_ID or TYPE;
    a relationship file exactly one START_ID and one END_ID, a TYPE, and no
    ID; every row has as many fields as its header;
  - node ids are unique across the node files (one id space), and every
    relationship's START_ID and END_ID is one of them;
  - every value parses as its type: dates as YYYY-MM-DD, booleans as
    true/false, numbers as numbers; arrays split at the delimiter that
    import.sh passes as --array-delimiter (default ';');
  - import.sh names every CSV file once, node files with --nodes and
    relationship files with --relationships.

  scripts/check_neo4j_csv.py DIR

Prints a summary and each problem (the first 20); exits 1 on any problem.
"""
import csv
import datetime
import os
import re
import sys

TYPES = {"int", "long", "float", "double", "boolean", "byte", "short", "char", "string",
         "point", "date", "localtime", "time", "localdatetime", "datetime", "duration"}
SPECIAL = {"ID", "LABEL", "START_ID", "END_ID", "TYPE", "IGNORE"}
FIELD = re.compile(r"^(?P<name>[^:]*)(?::(?P<type>[A-Za-z_]+)(?P<array>\[\])?(?:\((?P<group>[^)]*)\))?)?$")


def parse_header(fields, problems, where):
    """[(name, kind, array)] where kind is a special name or a value type."""
    out = []
    for field in fields:
        m = FIELD.match(field)
        kind = (m.group("type") or "string") if m else None
        if m is None or (kind not in SPECIAL and kind.lower() not in TYPES):
            problems.append(f"{where}: header field {field!r} has no allowed type")
            out.append((field, "string", False))
            continue
        if kind in SPECIAL and m.group("array"):
            problems.append(f"{where}: {field!r}: {kind} cannot be an array")
        if kind not in SPECIAL and not m.group("name"):
            problems.append(f"{where}: {field!r}: a property needs a name")
        out.append((m.group("name"), kind if kind in SPECIAL else kind.lower(), bool(m.group("array"))))
    return out


def value_ok(kind, text):
    try:
        if kind == "date":
            return bool(re.fullmatch(r"-?\d{4,}-\d\d-\d\d", text)) and (
                text.startswith("-") or len(text) > 10 or datetime.date.fromisoformat(text))
        if kind == "boolean":
            return text in ("true", "false")
        if kind in ("int", "long", "short", "byte"):
            int(text)
        elif kind in ("float", "double"):
            float(text)
        elif kind == "char":
            return len(text) == 1
        return True
    except ValueError:
        return False


def read_script(folder, problems):
    """The delimiter and the files import.sh names: {file: flag}."""
    path = os.path.join(folder, "import.sh")
    if not os.path.exists(path):
        problems.append("import.sh is missing")
        return ";", {}
    text = open(path, encoding="utf-8").read()
    m = re.search(r"--array-delimiter='(.)'", text)
    named = {}
    for flag, name in re.findall(r"--(nodes|relationships)=(\S+)", text):
        if name in named:
            problems.append(f"import.sh names {name} twice")
        named[name] = flag
    return (m.group(1) if m else ";"), named


def check_file(path, delimiter, problems):
    """(kind, ids or endpoint pairs, row count) of one file."""
    where = os.path.basename(path)
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    if not rows:
        problems.append(f"{where}: empty file")
        return None, [], 0
    header = parse_header(rows[0], problems, where)
    kinds = [k for _, k, _ in header]
    count = {k: kinds.count(k) for k in SPECIAL}
    is_node = count["ID"] > 0
    if is_node and (count["ID"] != 1 or count["START_ID"] or count["END_ID"] or count["TYPE"]):
        problems.append(f"{where}: a node file needs exactly one ID and no START_ID/END_ID/TYPE")
    if not is_node and (count["START_ID"] != 1 or count["END_ID"] != 1 or count["TYPE"] != 1):
        problems.append(f"{where}: needs exactly one :ID, or one :START_ID, :END_ID and :TYPE")
    found = []
    for number, row in enumerate(rows[1:], 2):
        if len(row) != len(header):
            problems.append(f"{where}:{number}: {len(row)} fields, the header has {len(header)}")
            continue
        for (name, kind, array), text in zip(header, row):
            if kind in SPECIAL or text == "":
                continue
            for item in (text.split(delimiter) if array else [text]):
                if not value_ok(kind, item):
                    problems.append(f"{where}:{number}: {name}: {item!r} is not a {kind}")
        if is_node:
            found.append(row[kinds.index("ID")])
        else:
            found.append((row[kinds.index("START_ID")], row[kinds.index("END_ID")]))
    return ("node" if is_node else "relationship"), found, len(rows) - 1


def main():
    folder = sys.argv[1]
    problems = []
    delimiter, named = read_script(folder, problems)
    ids, pairs, files = set(), [], {"node": 0, "relationship": 0}
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".csv"):
            continue
        kind, found, _ = check_file(os.path.join(folder, name), delimiter, problems)
        if kind is None:
            continue
        files[kind] += 1
        expected_flag = "nodes" if kind == "node" else "relationships"
        if named.pop(name, None) != expected_flag:
            problems.append(f"import.sh does not load {name} with --{expected_flag}")
        if kind == "node":
            for i in found:
                if i in ids:
                    problems.append(f"{name}: id {i!r} appears twice")
                ids.add(i)
        else:
            pairs.extend((name, s, e) for s, e in found)
    for name in named:
        problems.append(f"import.sh names {name}, which is not there")
    for name, start, end in pairs:
        for end_id in (start, end):
            if end_id not in ids:
                problems.append(f"{name}: relationship end {end_id!r} is no node id")
    print(f"{folder}: {files['node']} node files ({len(ids)} nodes), {files['relationship']} "
          f"relationship files ({len(pairs)} relationships), array delimiter {delimiter!r}: "
          f"{len(problems)} problems")
    for p in problems[:20]:
        print(f"  {p}")
    return 1 if problems or not ids else 0


if __name__ == "__main__":
    sys.exit(main())
