// TALK-001 班子成员本年度无谈话 / team member with no talk in the period
// A head, deputy or member of a party committee or group who is WITH no talk
// dated in $period (a year). Evidence: [person, those organizations (sorted)].
// Only the posts held at $as_of count (since <= $as_of <= until, either end open).
MATCH (person:Person)-[:HOLDS]->(p:Post)-[:POST_IN]->(o:Organization)
WHERE p.role IN ['head', 'deputy', 'member']
  AND coalesce(p.since, '') <= $as_of AND coalesce(p.until, '9999-12-31') >= $as_of
  AND o.org_kind IN ['party_committee', 'party_group']
  AND NOT EXISTS {
    MATCH (t:Event {event_kind: 'talk'})-[:WITH]->(person)
    WHERE substring(t.date, 0, 4) = $period
  }
WITH DISTINCT person, o
ORDER BY o.id
WITH person, collect(o) AS orgs
RETURN person.id AS subject, person.name AS subject_name,
       [person.id] + [x IN orgs | x.id] AS evidence,
       {orgs: [x IN orgs | CASE WHEN x.name IS NULL OR x.name = '' THEN x.id ELSE x.name END],
        period: $period} AS params,
       person.source AS source
