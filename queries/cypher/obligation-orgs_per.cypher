// Obligation shape orgs_per: organizations by kind (and level), per period.
// One row per (obligation, organization, period) that falls short, or every one
// when $every (the coverage figures). $obligations is a list of maps {id,
// periods: [{i, start, end}], org_kinds, levels, event_kind, sub_field,
// sub_value, rel, parent_head, at_least}. The events of each row are collected in a
// subquery of their own, so that memory does not grow with the number of rows.
UNWIND $obligations AS ob
UNWIND ob.periods AS per
MATCH (o:Organization)
WHERE o.org_kind IN ob.org_kinds
  AND (ob.levels IS NULL OR o.level IN ob.levels)
  AND (NOT ob.parent_head OR EXISTS {
    MATCH (o)-[:SUB_ORGANIZATION_OF]->(:Organization)<-[:POST_IN]-(:Post {role: 'head'})
  })
CALL (ob, per, o) {
  OPTIONAL MATCH (e:Event)-[r]->(o)
  WHERE e.event_kind = ob.event_kind AND type(r) = ob.rel
    AND e.date >= per.start AND e.date <= per.end
    AND e[ob.sub_field] = ob.sub_value
    AND (NOT ob.parent_head OR EXISTS {
      MATCH (e)-[:BY]->(:Person)-[:HOLDS]->(hp:Post {role: 'head'})-[:POST_IN]->(:Organization)<-[:SUB_ORGANIZATION_OF]-(o)
      WHERE (hp.since IS NULL OR hp.since <= e.date) AND (hp.until IS NULL OR hp.until >= e.date)
    })
  RETURN collect(DISTINCT e.id) AS counted
}
WITH *
WHERE $every OR size(counted) < ob.at_least
RETURN ob.id AS obligation, o.id AS subject, o.name AS subject_name, o.source AS source,
       per.i AS slot, counted, [o.id] AS orgs
