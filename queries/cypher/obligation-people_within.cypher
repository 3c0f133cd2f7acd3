// Obligation shape people_within: an event in the N days up to the `since` of
// each matching post taken up in the period year (on or before $as_of).
// One row per (obligation, person, post) that falls short, or every one when
// $every (the coverage figures). $obligations is a
// list of maps {id, roles, org_kinds, levels, event_kind, sub_field, sub_value,
// rel, parent_head, at_least, days}; $year_start, $year_end and $as_of are ISO dates.
// The window is from `since` minus `days` to `since`, both included.
UNWIND $obligations AS ob
MATCH (person:Person)-[:HOLDS]->(p:Post)-[:POST_IN]->(o:Organization)
WHERE p.role IN ob.roles AND o.org_kind IN ob.org_kinds
  AND (ob.levels IS NULL OR o.level IN ob.levels)
  AND p.since IS NOT NULL AND p.since >= $year_start AND p.since <= $year_end AND p.since <= $as_of
  AND (NOT ob.parent_head OR EXISTS {
    MATCH (o)-[:SUB_ORGANIZATION_OF]->(:Organization)<-[:POST_IN]-(:Post {role: 'head'})
  })
WITH DISTINCT ob, person, o, p.since AS since
WITH ob, person, o, since, toString(date(since) - duration({days: ob.days})) AS from
CALL (ob, person, o, since, from) {
  OPTIONAL MATCH (e:Event)-[r]->(person)
  WHERE e.event_kind = ob.event_kind AND type(r) = ob.rel
    AND e.date >= from AND e.date <= since
    AND e[ob.sub_field] = ob.sub_value
    AND (NOT ob.parent_head OR EXISTS {
      MATCH (e)-[:BY]->(:Person)-[:HOLDS]->(hp:Post {role: 'head'})-[:POST_IN]->(:Organization)<-[:SUB_ORGANIZATION_OF]-(o)
      WHERE (hp.since IS NULL OR hp.since <= e.date) AND (hp.until IS NULL OR hp.until >= e.date)
    })
  RETURN collect(DISTINCT e.id) AS counted
}
WITH *
WHERE $every OR size(counted) < ob.at_least
RETURN ob.id AS obligation, person.id AS subject, person.name AS subject_name, person.source AS source,
       [since, o.id, CASE WHEN o.name IS NULL OR o.name = '' THEN o.id ELSE o.name END] AS slot, counted,
       [o.id] AS orgs
