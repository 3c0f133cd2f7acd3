// ECO-001 政治生态较差未跟进谈话 / poor political ecology without a follow-up talk
// An organization rated `poor` (an ecology_rating ABOUT it) with no `collective`
// or `warning` talk, dated on or after the rating, WITH someone holding a post in it.
// Evidence: [org, the poor ratings without a follow-up (sorted)].
// Only the posts held at $as_of count (since <= $as_of <= until, either end open).
MATCH (r:Event {event_kind: 'ecology_rating', rating: 'poor'})-[:ABOUT]->(o)
WHERE NOT EXISTS {
  MATCH (t:Event {event_kind: 'talk'})-[:WITH]->(:Person)-[:HOLDS]->(p:Post)-[:POST_IN]->(o)
  WHERE t.talk IN ['collective', 'warning'] AND t.date >= r.date
    AND coalesce(p.since, '') <= $as_of AND coalesce(p.until, '9999-12-31') >= $as_of
}
WITH o, r
ORDER BY r.id
WITH o, collect(r.id) AS ratings, collect(DISTINCT r.date) AS dates
RETURN o.id AS subject, o.name AS subject_name, [o.id] + ratings AS evidence,
       {dates: dates} AS params, o.source AS source
