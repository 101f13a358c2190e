"""Database.to_networkx: the store, or a filtered part of it, as a networkx graph.

Both halves come through Database.ask on the canned queries of graph.cypher,
so that every edge arrives with its evidence sentences resolved by the library.
"""


def _networkx():
    try:
        import networkx  # pylint: disable=import-outside-toplevel
    except ImportError as e:
        raise ImportError("Database.to_networkx needs networkx, which is not installed "
                          "(Debian: apt install python3-networkx; or pip install networkx)") from e
    return networkx


def _node_label(node):
    """What a viewer shows for a node: its name, or for an event (which has
    none) its type and first day."""
    props = node["properties"]
    if props.get("name"):
        return props["name"]
    if "Event" in node["labels"]:
        date = props.get("date")
        return " ".join(str(p) for p in (props.get("type"), date) if p is not None)
    return f"{node['labels'][0] if node['labels'] else 'node'} {node['id']}"


def _node_attributes(node, evidence):
    attributes = dict(node["properties"])
    attributes.update(label=_node_label(node), labels=list(node["labels"]),
                      kind=node["labels"][0] if node["labels"] else None)
    if evidence:
        attributes["evidence"] = evidence
    return attributes


def to_networkx(db, params, budgets):
    """`params`: types, from, to, factuality as to_networkx takes them (None: no
    filter); `budgets`: QueryOptions keywords for each query."""
    networkx = _networkx()
    graph = networkx.MultiDiGraph()
    edges = db.ask("graph-edges", params, **budgets)
    filtered = any(value is not None for value in params.values())
    ends = set()
    for row in edges:
        rel = row["relationship"]
        attributes = dict(rel["properties"])
        attributes.update(type=rel["type"], evidence=row["evidence"])
        graph.add_edge(rel["start"], rel["end"], key=rel["id"], **attributes)
        ends.update((rel["start"], rel["end"]))
    for row in db.ask("graph-nodes", **budgets):
        node = row["node"]
        # Filtered, the graph holds the nodes its edges join; whole, every node.
        if not filtered or node["id"] in ends:
            graph.add_node(node["id"], **_node_attributes(node, row["evidence"]))
    return graph
