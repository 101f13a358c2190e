// The canned queries behind newsgraph.Database.to_networkx (docs/python.md),
// in the format of data/queries/canned.cypher. The Python package passes
// this file to every Database it opens (DatabaseOptions::query_files), so
// that the whole graph comes through Database::Ask, which resolves each
// row's `evidence` into article ids and sentences.

// name: graph-nodes
// description: Every node of the store with its labels and properties; an event's evidence is
// description: its sentences, other nodes have none.
MATCH (n)
RETURN n AS node, n AS evidence
ORDER BY id(n)

// name: graph-edges
// description: Every relationship of the store, or those of the given types whose time overlaps
// description: the window and whose factuality (and that of an event at either end) is one of
// description: the given; undated and unqualified relationships pass a window and a factuality.
// description: The evidence is the relationship's sentences, else those of the event at one end.
// param: types strings[MET|SPOKE_WITH|PARTICIPATED_IN|HOLDS_ROLE|MEMBER_OF|HELD_AT|REPORTED_IN|LOCATED_IN] = null — relationship types to keep (null: all)
// param: from date = null — only relationships that end on or after this day
// param: to date = null — only relationships that start on or before this day
// param: factuality strings[happened|planned|possible|cancelled|denied] = null — only these factualities (null: any)
MATCH (a)-[r]->(b)
WHERE ($types IS NULL OR type(r) IN $types)
  AND ($from IS NULL OR coalesce(r.end_date, r.date) IS NULL OR coalesce(r.end_date, r.date) >= $from)
  AND ($to IS NULL OR r.date IS NULL OR r.date <= $to)
  AND ($factuality IS NULL OR r.factuality IS NULL OR r.factuality IN $factuality)
  AND (NOT a:Event OR $factuality IS NULL OR a.factuality IN $factuality)
  AND (NOT b:Event OR $factuality IS NULL OR b.factuality IN $factuality)
RETURN r AS relationship,
       CASE WHEN r.evidence IS NOT NULL OR r.event_id IS NOT NULL THEN r
            WHEN b:Event THEN b
            WHEN a:Event THEN a
            ELSE r END AS evidence
ORDER BY id(r)
