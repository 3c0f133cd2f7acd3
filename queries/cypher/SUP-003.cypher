// SUP-003 派驻独立性 / dispatched group not independent
// A person with a post in a dispatched group and a post in what that group
// supervises: an organization its `supervisory` responsibility COVERS, or one
// that LEADS such a unit. A post in the discipline_secretary role does not count
// (the discipline secretary on the same-level committee is by design).
// Evidence: [person, the groups and organizations involved (sorted together)].
// Only the posts held at $as_of count (since <= $as_of <= until, either end open).
MATCH (g:Organization {org_kind: 'dispatched_group'})-[:BEARS]->(:Responsibility {type: 'supervisory'})-[:COVERS]->(c)
WITH g, collect(DISTINCT c) AS covered
CALL (covered) {
  UNWIND covered AS c
  OPTIONAL MATCH (l:Organization)-[:LEADS]->(c)
  RETURN collect(DISTINCT l) AS leaders
}
WITH g, [x IN covered + leaders WHERE x <> g] AS watched
MATCH (g)<-[:POST_IN]-(gp:Post)<-[:HOLDS]-(person:Person)
WHERE coalesce(gp.since, '') <= $as_of AND coalesce(gp.until, '9999-12-31') >= $as_of
WITH DISTINCT g, watched, person
MATCH (person)-[:HOLDS]->(p:Post)-[:POST_IN]->(o)
WHERE o IN watched AND coalesce(p.role, '') <> 'discipline_secretary'
  AND coalesce(p.since, '') <= $as_of AND coalesce(p.until, '9999-12-31') >= $as_of
WITH person, collect(DISTINCT g) AS groups, collect(DISTINCT o) AS orgs
UNWIND groups + orgs AS x
WITH DISTINCT person, groups, orgs, x
ORDER BY x.id
WITH person, groups, orgs, collect(x.id) AS involved
RETURN person.id AS subject, person.name AS subject_name, [person.id] + involved AS evidence,
       {groups: [x IN groups | CASE WHEN x.name IS NULL OR x.name = '' THEN x.id ELSE x.name END],
        orgs: [x IN orgs | CASE WHEN x.name IS NULL OR x.name = '' THEN x.id ELSE x.name END]} AS params,
       person.source AS source
