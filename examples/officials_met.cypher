// Q1 in Cypher: the pairs of `newsgraph ask officials-met --a $a --b $b
// --from $from --to $to` (in-person contacts that happened). $a and $b are
// state codes (kb_key: US, CN); $from and $to are dates.
MATCH (:State {kb_key: $a})<-[:HOLDS_ROLE]-(a:Person)
WITH DISTINCT a
MATCH (a)-[pa:PARTICIPATED_IN]->(e:Event)<-[pb:PARTICIPATED_IN]-(b:Person)
WHERE pa.date >= $from AND pa.date <= $to
  AND e.type = 'CONSULT' AND e.mode IN ['in-person', 'summit']
  AND e.factuality = 'happened' AND NOT e.fell_back
  AND e.granularity IN ['day', 'week', 'month']
  AND (e.granularity = 'day'
       OR (e.date.year = e.end_date.year AND e.date.month = e.end_date.month))
  AND e.date >= $from AND e.end_date <= $to
  AND (coalesce(pa.state, a.state) IS NULL OR toUpper(coalesce(pa.state, a.state)) = $a)
  AND toUpper(coalesce(pb.state, b.state)) = $b
  AND b <> a
WITH a, b, e ORDER BY e.date, e.id
WITH a, b, collect(DISTINCT e.id) AS events, collect(DISTINCT e.evidence) AS evidence
RETURN a.name AS official, b.name AS counterpart, events, evidence
ORDER BY official, counterpart
