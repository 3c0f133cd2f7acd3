// DUAL-001 班子成员未声明一岗双责 / team member without one post, two duties
// A deputy or member of a party committee or group who bears no
// `one_post_two_duties` responsibility; one row per person.
// Evidence: [person, those committees and groups (sorted)].
// Only the posts held at $as_of count (since <= $as_of <= until, either end open).
MATCH (person:Person)-[:HOLDS]->(p:Post)-[:POST_IN]->(o:Organization)
WHERE p.role IN ['deputy', 'member']
  AND coalesce(p.since, '') <= $as_of AND coalesce(p.until, '9999-12-31') >= $as_of
  AND o.org_kind IN ['party_committee', 'party_group']
  AND NOT EXISTS { (person)-[:BEARS]->(:Responsibility {type: 'one_post_two_duties'}) }
WITH DISTINCT person, o
ORDER BY o.id
WITH person, collect(o) AS orgs
RETURN person.id AS subject, person.name AS subject_name,
       [person.id] + [x IN orgs | x.id] AS evidence,
       {orgs: [x IN orgs | CASE WHEN x.name IS NULL OR x.name = '' THEN x.id ELSE x.name END]} AS params,
       person.source AS source
