// ACC-001 问责后无激励谈话 / no encouragement talk after accountability
// A person who was the TARGET of an accountability and is WITH no
// `encouragement` talk dated on or after it and not after $as_of.
// Evidence: [person, the accountabilities without a follow-up (sorted)].
MATCH (a:Event {event_kind: 'accountability'})-[:TARGET]->(p)
WHERE NOT EXISTS {
  MATCH (t:Event {event_kind: 'talk', talk: 'encouragement'})-[:WITH]->(p)
  WHERE t.date >= a.date AND t.date <= $as_of
}
WITH p, a
ORDER BY a.id
WITH p, collect(a.id) AS events, collect(DISTINCT a.date) AS dates
RETURN p.id AS subject, p.name AS subject_name, [p.id] + events AS evidence,
       {dates: dates, as_of: $as_of} AS params, p.source AS source
