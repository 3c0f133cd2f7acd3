// Obligation shape people_per: people by role and kind of organization, per period.
// One row per (obligation, person, period) that falls short, or every one when
// $every (the coverage figures), with the organizations of the person's matching
// posts (orgs). Every value is a
// parameter: $obligations is a list of maps {id, periods: [{i, start, end}],
// roles, org_kinds, levels (null: any), event_kind, sub_field, sub_value (the sub-kind;
// event_kind itself when any kind counts),
// rel (the relationship type from the event to the subject), parent_head, at_least}.
// A person is a subject in a period when a matching post is held on its last day;
// an event counts when dated from the first day to the last, both included.
UNWIND $obligations AS ob
UNWIND ob.periods AS per
MATCH (person:Person)
CALL (ob, per, person) {
  MATCH (person)-[:HOLDS]->(p:Post)-[:POST_IN]->(o:Organization)
  WHERE p.role IN ob.roles AND o.org_kind IN ob.org_kinds
    AND (ob.levels IS NULL OR o.level IN ob.levels)
    AND (p.since IS NULL OR p.since <= per.end)
    AND (p.until IS NULL OR p.until >= per.end)
    AND (NOT ob.parent_head OR EXISTS {
      MATCH (o)-[:SUB_ORGANIZATION_OF]->(:Organization)<-[:POST_IN]-(:Post {role: 'head'})
    })
  RETURN collect(DISTINCT o.id) AS orgs
}
WITH ob, per, person, orgs WHERE size(orgs) > 0
CALL (ob, per, person, orgs) {
  OPTIONAL MATCH (e:Event)-[r]->(person)
  WHERE e.event_kind = ob.event_kind AND type(r) = ob.rel
    AND e.date >= per.start AND e.date <= per.end
    AND e[ob.sub_field] = ob.sub_value
    AND (NOT ob.parent_head OR EXISTS {
      MATCH (e)-[:BY]->(:Person)-[:HOLDS]->(hp:Post {role: 'head'})-[:POST_IN]->(:Organization)<-[:SUB_ORGANIZATION_OF]-(so:Organization)
      WHERE so.id IN orgs
        AND (hp.since IS NULL OR hp.since <= e.date) AND (hp.until IS NULL OR hp.until >= e.date)
    })
  RETURN collect(DISTINCT e.id) AS counted
}
WITH *
WHERE $every OR size(counted) < ob.at_least
RETURN ob.id AS obligation, person.id AS subject, person.name AS subject_name, person.source AS source,
       per.i AS slot, counted, orgs
