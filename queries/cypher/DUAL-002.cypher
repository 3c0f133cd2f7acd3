// DUAL-002 分管空白 / unit in nobody's charge
// A unit that a party committee or group LEADS and that is in the areas
// (IN_CHARGE_OF) of no post of its team (head, deputy, member); one row per unit.
// Evidence: [unit, the leading organizations with the gap (sorted)].
// Only the posts held at $as_of count (since <= $as_of <= until, either end open).
MATCH (org:Organization)-[:LEADS]->(u)
WHERE org.org_kind IN ['party_committee', 'party_group']
  AND NOT EXISTS {
    MATCH (org)<-[:POST_IN]-(p:Post)-[:IN_CHARGE_OF]->(u)
    WHERE p.role IN ['head', 'deputy', 'member']
      AND coalesce(p.since, '') <= $as_of AND coalesce(p.until, '9999-12-31') >= $as_of
  }
WITH DISTINCT u, org
ORDER BY org.id
WITH u, collect(org) AS leaders
RETURN u.id AS subject, u.name AS subject_name,
       [u.id] + [x IN leaders | x.id] AS evidence,
       {leaders: [x IN leaders | CASE WHEN x.name IS NULL OR x.name = '' THEN x.id ELSE x.name END]} AS params,
       u.source AS source
