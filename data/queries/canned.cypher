// The canned queries of `newsgraph ask`: named, documented, parameterised
// Cypher texts over the graph of docs/graph-model.md ("Cypher view").
//
// Add your own in a file of the same format and pass it with
// `newsgraph ask --queries FILE` (or list files in NEWSGRAPH_QUERIES,
// ':'-separated); an entry of yours with a name used here replaces this one.
//
// Format (queries/canned_registry.h): an entry starts at `// name:`; the
// `//` lines right after it are its header, the rest up to the next
// `// name:` its Cypher text.
//   // description: text                     (repeatable)
//   // param: NAME TYPE [= DEFAULT] — help    TYPE: string int float bool date
//                                             strings; int[1..3], string[a|b]
//                                             person, entity: a name or alias,
//                                             resolved in the store (did you mean)
//   // formats: table json csv dot graphml   (default table json csv)
//   // engine: native                        (officials-met, contacts-of and
//                                             neighbourhood: `ask` runs the C++
//                                             version unless --engine cypher)
// Every answer row carries its proof in a column named `evidence`: evidence
// ids, or nodes, relationships and paths whose evidence the runner looks up
// (an Event's `evidence`, a MET/SPOKE_WITH relationship's event's), then
// shows as article ids and sentences.

// name: officials-met
// description: Officials of A who met (or called) officials of B between two dates. An event
// description: counts when it is a CONSULT of the asked mode and factuality, dated to the month
// description: or better and wholly inside the window; a participant's side is the state read
// description: for that event, else the person's, alliances by dated membership.
// param: a string — ISO 3166 code (US) or alliance (NATO)
// param: b string — ISO 3166 code or alliance, as for a
// param: from date = 1900-01-01 — first day of the window
// param: to date = 2999-12-31 — last day of the window (inclusive)
// param: mode string[in-person|call|any] = in-person — in-person (meetings, summits), call (phone, video) or any
// param: factuality strings[happened|planned|possible|cancelled|denied] = happened — event factualities to count
// engine: native
OPTIONAL MATCH (ma_state:State)-[ma:MEMBER_OF]->(:Alliance {name: $a})
WITH collect({code: ma_state.kb_key, since: ma.date, until: ma.end_date}) AS a_members
OPTIONAL MATCH (mb_state:State)-[mb:MEMBER_OF]->(:Alliance {name: $b})
WITH a_members, collect({code: mb_state.kb_key, since: mb.date, until: mb.end_date}) AS b_members
// Side A's people: those holding a role in A, or in one of its members.
MATCH (x:Person)-[:HOLDS_ROLE]->(side)
WHERE side.kb_key = $a OR side.name = $a OR side.kb_key IN [m IN a_members | m.code]
WITH DISTINCT a_members, b_members, x
MATCH (x)-[px:PARTICIPATED_IN]->(e:Event)<-[py:PARTICIPATED_IN]-(y:Person)
WHERE y <> x AND e.type = 'CONSULT' AND e.factuality IN $factuality
  AND e.mode IN CASE $mode WHEN 'in-person' THEN ['in-person', 'summit']
                           WHEN 'call' THEN ['phone', 'video']
                           ELSE ['in-person', 'summit', 'phone', 'video'] END
  AND NOT e.fell_back AND e.granularity IN ['day', 'week', 'month']
  AND (e.granularity = 'day' OR (e.date.year = e.end_date.year AND e.date.month = e.end_date.month))
  AND e.date >= $from AND e.end_date <= $to
// A participant's side: the state read for this event, else the person's;
// a member state counts on the event's day.
WITH a_members, b_members, x, y, e,
     coalesce(px.state, x.state) AS x_side, coalesce(py.state, y.state) AS y_side
WHERE (x_side IS NULL OR x_side = $a OR any(m IN a_members WHERE m.code = x_side
          AND (m.since IS NULL OR m.since <= e.date) AND (m.until IS NULL OR e.date <= m.until)))
  AND (y_side = $b OR any(m IN b_members WHERE m.code = y_side
          AND (m.since IS NULL OR m.since <= e.date) AND (m.until IS NULL OR e.date <= m.until)))
WITH x, y, e ORDER BY e.date
RETURN x.name AS a, y.name AS b, count(DISTINCT e) AS events,
       collect(DISTINCT e.date) AS dates, collect(e.evidence) AS evidence
ORDER BY a, b

// name: contacts-of
// description: Everyone who met (or called) one person between two dates, with the rules of
// description: officials-met for which events count.
// param: person person — the person's name or an alias ("Wang Yi", "xi jinping")
// param: from date = 1900-01-01 — first day of the window
// param: to date = 2999-12-31 — last day of the window (inclusive)
// param: mode string[in-person|call|any] = in-person — in-person (meetings, summits), call (phone, video) or any
// param: factuality strings[happened|planned|possible|cancelled|denied] = happened — event factualities to count
// engine: native
MATCH (x:Person)
WHERE x.name = $person OR $person IN coalesce(x.aliases, [])
MATCH (x)-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(y:Person)
WHERE y <> x AND e.type = 'CONSULT' AND e.factuality IN $factuality
  AND e.mode IN CASE $mode WHEN 'in-person' THEN ['in-person', 'summit']
                           WHEN 'call' THEN ['phone', 'video']
                           ELSE ['in-person', 'summit', 'phone', 'video'] END
  AND NOT e.fell_back AND e.granularity IN ['day', 'week', 'month']
  AND (e.granularity = 'day' OR (e.date.year = e.end_date.year AND e.date.month = e.end_date.month))
  AND e.date >= $from AND e.end_date <= $to
WITH x, y, e ORDER BY e.date
RETURN x.name AS a, y.name AS b, y.state AS b_state, count(DISTINCT e) AS events,
       collect(DISTINCT e.date) AS dates, collect(e.evidence) AS evidence
ORDER BY a, b

// name: neighbourhood
// description: What lies within k hops of an entity: one row per relationship that reaches an
// description: entity at its shortest distance (hop) from the first,
// description: following only the given relationship types, only relationships whose time
// description: overlaps the window, and only events of the given factualities. At most limit
// description: entities, nearest first; a note says when the limit was reached.
// param: entity entity — the entity's name or an alias (Wang Yi, United States, NATO, Bali, Indonesia)
// param: k int[1..3] = 2 — hops
// param: types strings[MET|SPOKE_WITH|PARTICIPATED_IN|HOLDS_ROLE|MEMBER_OF|HELD_AT|REPORTED_IN|LOCATED_IN] = MET,SPOKE_WITH — relationship types to follow, comma-separated
// param: from date = null — only relationships that end on or after this day
// param: to date = null — only relationships that start on or before this day
// param: factuality strings[happened|planned|possible|cancelled|denied] = happened — only events and relationships of these factualities (null: any)
// param: limit int[1..10000] = 200 — at most this many entities (the Cypher text below: rows)
// formats: table json csv dot graphml
// engine: native
//
// `ask` runs the C++ version (queries/canned/neighbourhood.h): one
// breadth-first expansion that examines each relationship once, the same
// rows in the same order, with limit counting entities. This text is its
// readable equivalent (`--engine cypher`), which enumerates paths: one
// pattern step per hop, each filtered as soon as it is bound (a
// variable-length pattern would expand every relationship type first). An
// entity's hop is its shortest distance; the rows are the relationships
// that reach it at that distance. MET and SPOKE_WITH are stored once each
// way; each is followed the way it points so that a contact appears once.
MATCH (start {name: $entity})
MATCH (start)-[r1]-(n1)
WHERE n1 <> start AND type(r1) IN $types
  AND (NOT type(r1) IN ['MET', 'SPOKE_WITH'] OR startNode(r1) = start)
  AND ($from IS NULL OR coalesce(r1.end_date, r1.date) IS NULL OR coalesce(r1.end_date, r1.date) >= $from)
  AND ($to IS NULL OR r1.date IS NULL OR r1.date <= $to)
  AND ($factuality IS NULL OR r1.factuality IS NULL OR r1.factuality IN $factuality)
  AND (NOT n1:Event OR $factuality IS NULL OR n1.factuality IN $factuality)
OPTIONAL MATCH (n1)-[r2]-(n2)
WHERE $k >= 2 AND n2 <> start AND n2 <> n1 AND type(r2) IN $types
  AND (NOT type(r2) IN ['MET', 'SPOKE_WITH'] OR startNode(r2) = n1)
  AND ($from IS NULL OR coalesce(r2.end_date, r2.date) IS NULL OR coalesce(r2.end_date, r2.date) >= $from)
  AND ($to IS NULL OR r2.date IS NULL OR r2.date <= $to)
  AND ($factuality IS NULL OR r2.factuality IS NULL OR r2.factuality IN $factuality)
  AND (NOT n2:Event OR $factuality IS NULL OR n2.factuality IN $factuality)
OPTIONAL MATCH (n2)-[r3]-(n3)
WHERE $k >= 3 AND n3 <> start AND n3 <> n1 AND n3 <> n2 AND type(r3) IN $types
  AND (NOT type(r3) IN ['MET', 'SPOKE_WITH'] OR startNode(r3) = n2)
  AND ($from IS NULL OR coalesce(r3.end_date, r3.date) IS NULL OR coalesce(r3.end_date, r3.date) >= $from)
  AND ($to IS NULL OR r3.date IS NULL OR r3.date <= $to)
  AND ($factuality IS NULL OR r3.factuality IS NULL OR r3.factuality IN $factuality)
  AND (NOT n3:Event OR $factuality IS NULL OR n3.factuality IN $factuality)
UNWIND [{hops: 1, src: start, rel: r1, dst: n1}, {hops: 2, src: n1, rel: r2, dst: n2},
        {hops: 3, src: n2, rel: r3, dst: n3}] AS e
WITH DISTINCT e WHERE e.rel IS NOT NULL
WITH e.dst AS reached, min(e.hops) AS distance, collect(e) AS reaching
UNWIND reaching AS e
WITH e WHERE e.hops = distance
RETURN e.hops AS hops, e.src AS from_entity, e.rel AS via, e.dst AS entity,
       labels(e.dst) AS kind, e.rel AS evidence
ORDER BY hops, entity.name, from_entity.name
LIMIT $limit

// name: path
// description: How two entities are connected: every shortest path between them (set limit to 1
// description: for one) through the relationship types asked for, of contacts (MET,
// description: SPOKE_WITH), shared events (PARTICIPATED_IN) and places (HELD_AT), up to 6 hops:
// description: the shortest among the paths that keep to those types. Paths may pass through
// description: planned or cancelled contacts; the path text names any that did not happen.
// param: a entity — the first entity's name or an alias
// param: b entity — the second entity's name or an alias
// param: types strings[MET|SPOKE_WITH|PARTICIPATED_IN|HELD_AT] = MET,SPOKE_WITH,PARTICIPATED_IN,HELD_AT — relationship types a path may use, comma-separated
// param: limit int[1..1000] = 20 — at most this many paths
// formats: table json csv dot graphml
//
// The search follows only $types: the planner reads the all(... type(r)
// IN $types) conjunct into the shortest-path search (PartPlan::path_types).
MATCH (x {name: $a}), (y {name: $b})
MATCH p = allShortestPaths((x)-[:MET|SPOKE_WITH|PARTICIPATED_IN|HELD_AT*..6]-(y))
WHERE all(r IN relationships(p) WHERE type(r) IN $types)
// MET and SPOKE_WITH are stored once each way: walk each the way it points.
  AND all(i IN range(0, length(p) - 1) WHERE NOT type(relationships(p)[i]) IN ['MET', 'SPOKE_WITH']
          OR startNode(relationships(p)[i]) = nodes(p)[i])
RETURN length(p) AS hops, p AS path, p AS evidence
LIMIT $limit

// name: path-in-time
// description: How two people are connected in time order: chains of up to max_hops contacts in
// description: which each contact is dated no earlier than the one before it (who could have
// description: passed something on to whom), shortest first, then earliest arrival.
// param: a person — the first person's name or an alias
// param: b person — the second person's name or an alias
// param: max_hops int[1..3] = 3 — longest chain considered
// param: types strings[MET|SPOKE_WITH] = MET,SPOKE_WITH — kinds of contact a chain may use
// param: from date = null — no contact before this day
// param: factuality strings[happened|planned|possible|cancelled|denied] = happened — only contacts of these factualities
// param: limit int[1..1000] = 20 — at most this many paths
// formats: table json csv dot graphml
//
// One fixed-length pattern per length, so that each date comparison prunes
// the search as soon as both of its relationships are bound. MET and
// SPOKE_WITH are stored once each way: -> takes each contact once.
MATCH (x {name: $a}), (y {name: $b})
OPTIONAL MATCH p = (x)-[r1:MET|SPOKE_WITH]->(y)
WHERE type(r1) IN $types AND r1.date IS NOT NULL
  AND ($from IS NULL OR r1.date >= $from) AND r1.factuality IN $factuality
WITH x, y, collect(p) AS paths1
OPTIONAL MATCH p = (x)-[r1:MET|SPOKE_WITH]->(m1)-[r2:MET|SPOKE_WITH]->(y)
WHERE $max_hops >= 2 AND m1 <> y AND r1.date <= r2.date
  AND type(r1) IN $types AND r1.date IS NOT NULL
  AND ($from IS NULL OR r1.date >= $from) AND r1.factuality IN $factuality
  AND type(r2) IN $types AND r2.date IS NOT NULL
  AND ($from IS NULL OR r2.date >= $from) AND r2.factuality IN $factuality
WITH x, y, paths1, collect(p) AS paths2
OPTIONAL MATCH p = (x)-[r1:MET|SPOKE_WITH]->(m1)-[r2:MET|SPOKE_WITH]->(m2)-[r3:MET|SPOKE_WITH]->(y)
WHERE $max_hops >= 3 AND m1 <> y AND m2 <> x AND m2 <> y AND m1 <> m2
  AND r1.date <= r2.date AND r2.date <= r3.date
  AND type(r1) IN $types AND r1.date IS NOT NULL
  AND ($from IS NULL OR r1.date >= $from) AND r1.factuality IN $factuality
  AND type(r2) IN $types AND r2.date IS NOT NULL
  AND ($from IS NULL OR r2.date >= $from) AND r2.factuality IN $factuality
  AND type(r3) IN $types AND r3.date IS NOT NULL
  AND ($from IS NULL OR r3.date >= $from) AND r3.factuality IN $factuality
WITH x, y, paths1, paths2, collect(p) AS paths3
UNWIND paths1 + paths2 + paths3 AS p
RETURN length(p) AS hops, p AS path, relationships(p)[0].date AS first_date,
       last(relationships(p)).date AS last_date, p AS evidence
ORDER BY hops, last_date, first_date
LIMIT $limit

// name: timeline
// description: An entity's events in date order: a person's (those it took part in) or a
// description: place's (those held there), with type, mode, place, factuality and who else was there.
// param: entity entity — a person's or a place's name or an alias
// param: from date = null — first day
// param: to date = null — last day
// param: factuality strings[happened|planned|possible|cancelled|denied] = null — only events of these factualities
MATCH (x {name: $entity})-[:PARTICIPATED_IN|HELD_AT]-(e:Event)
WHERE ($from IS NULL OR e.date >= $from) AND ($to IS NULL OR e.date <= $to)
  AND ($factuality IS NULL OR e.factuality IN $factuality)
OPTIONAL MATCH (e)<-[:PARTICIPATED_IN]-(other:Person)
WHERE other <> x
WITH e, collect(DISTINCT other.name) AS others
RETURN e.date AS date, e.granularity AS precision, e.type AS type, e.mode AS mode,
       e.place AS place, e.factuality AS factuality, others AS with, e.evidence AS evidence
ORDER BY date, type

// name: alliance-members
// description: The states that are members of an alliance on a given day, by the dated
// description: memberships of the knowledge base (data/kb/alliances.textproto). Their proof is
// description: the KB entry (source), not a sentence: the evidence column holds the membership
// description: relationship, whose evidence is empty unless a KB record carries some.
// param: alliance entity — the alliance's name (NATO, EU, G7, SCO, BRICS, ...)
// param: date date — the day
MATCH (s:State)-[m:MEMBER_OF]->(a:Alliance {name: $alliance})
WHERE (m.date IS NULL OR m.date <= $date) AND (m.end_date IS NULL OR $date <= m.end_date)
RETURN s.kb_key AS code, s.name AS state, m.date AS since, m.end_date AS until,
       'knowledge base' AS source, m AS evidence
ORDER BY code

// name: co-participants
// description: The people who took part in the same events as a person, most shared events
// description: first, with the first and last shared date.
// param: person person — the person's name or an alias
// param: from date = null — first day
// param: to date = null — last day
// param: factuality strings[happened|planned|possible|cancelled|denied] = happened — only events of these factualities
// param: limit int[1..10000] = 50 — at most this many people
MATCH (x:Person {name: $person})-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(y:Person)
WHERE y <> x AND e.factuality IN $factuality
  AND ($from IS NULL OR e.date >= $from) AND ($to IS NULL OR e.date <= $to)
RETURN y.name AS person, y.state AS state, count(DISTINCT e) AS events,
       min(e.date) AS first, max(e.date) AS last, collect(e.evidence) AS evidence
ORDER BY events DESC, person
LIMIT $limit

// name: top-connected
// description: The best-connected people over a window: how many distinct people each met or
// description: called (degree), in how many events, with up to three of those contacts as evidence.
// param: from date = null — only contacts on or after this day
// param: to date = null — only contacts on or before this day
// param: types strings[MET|SPOKE_WITH] = MET,SPOKE_WITH — kinds of contact
// param: factuality strings[happened|planned|possible|cancelled|denied] = happened — only contacts of these factualities
// param: limit int[1..10000] = 20 — at most this many people
MATCH (x:Person)-[r:MET|SPOKE_WITH]->(y:Person)
WHERE type(r) IN $types AND r.factuality IN $factuality
  AND ($from IS NULL OR r.date >= $from) AND ($to IS NULL OR r.date <= $to)
WITH x, count(DISTINCT y) AS degree, count(DISTINCT r.event_id) AS events, collect(r)[0..3] AS sample
RETURN x.name AS person, x.state AS state, degree, events, sample AS evidence
ORDER BY degree DESC, events DESC, person
LIMIT $limit
