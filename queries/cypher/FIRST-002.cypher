// FIRST-002 一把手未声明第一责任人责任 / head without the first-responsible duty
// The head of a party organization who bears no `first_responsible`
// responsibility; one row per person. Evidence: [person, orgs headed (sorted)].
// Only the posts held at $as_of count (since <= $as_of <= until, either end open).
MATCH (person:Person)-[:HOLDS]->(p:Post {role: 'head'})-[:POST_IN]->(o:Organization)
WHERE coalesce(p.since, '') <= $as_of AND coalesce(p.until, '9999-12-31') >= $as_of
  AND o.org_kind IN ['party_committee', 'party_group', 'party_branch']
  AND NOT EXISTS { (person)-[:BEARS]->(:Responsibility {type: 'first_responsible'}) }
WITH DISTINCT person, o
ORDER BY o.id
WITH person, collect(o) AS orgs
RETURN person.id AS subject, person.name AS subject_name,
       [person.id] + [x IN orgs | x.id] AS evidence,
       {orgs: [x IN orgs | CASE WHEN x.name IS NULL OR x.name = '' THEN x.id ELSE x.name END]} AS params,
       person.source AS source
