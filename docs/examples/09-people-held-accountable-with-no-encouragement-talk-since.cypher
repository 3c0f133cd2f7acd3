MATCH (a:Event {event_kind: 'accountability'})-[:TARGET]->(p:Person)
WHERE NOT EXISTS {
  MATCH (t:Event {event_kind: 'talk', talk: 'encouragement'})-[:WITH]->(p)
  WHERE a.date <= t.date <= $as_of
}
RETURN p.name AS person, a.date AS held_accountable_on, a.form AS form
ORDER BY held_accountable_on
