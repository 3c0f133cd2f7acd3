// FIRST-001 一把手空缺 / head vacant
// A party committee or group where nobody holds a post in the `head` role.
// Evidence: [org].
// Only the posts held at $as_of count (since <= $as_of <= until, either end open).
MATCH (o:Organization)
WHERE o.org_kind IN ['party_committee', 'party_group']
  AND NOT EXISTS {
    MATCH (p:Post {role: 'head'})-[:POST_IN]->(o)
    WHERE coalesce(p.since, '') <= $as_of AND coalesce(p.until, '9999-12-31') >= $as_of
  }
RETURN o.id AS subject, o.name AS subject_name, [o.id] AS evidence, {} AS params, o.source AS source
