// FIRST-001 一把手空缺 / head vacant
// A party committee or group where nobody holds a post in the `head` role.
// Evidence: [org].
MATCH (o:Organization)
WHERE o.org_kind IN ['party_committee', 'party_group']
  AND NOT EXISTS { (:Post {role: 'head'})-[:POST_IN]->(o) }
RETURN o.id AS subject, o.name AS subject_name, [o.id] AS evidence, {} AS params, o.source AS source
