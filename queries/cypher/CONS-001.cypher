// CONS-001 派驻组与被监督党组织未专题会商 / no consultation with the dispatched group
// A party committee or group COVERed by a dispatched group's `supervisory`
// responsibility, with no consultation dated in $period whose PARTY includes both.
// Evidence: [org, the dispatched groups without a consultation (sorted)].
MATCH (g:Organization {org_kind: 'dispatched_group'})-[:BEARS]->(:Responsibility {type: 'supervisory'})-[:COVERS]->(o:Organization)
WHERE o.org_kind IN ['party_committee', 'party_group']
  AND NOT EXISTS {
    MATCH (g)<-[:PARTY]-(c:Event {event_kind: 'consultation'})-[:PARTY]->(o)
    WHERE substring(c.date, 0, 4) = $period
  }
WITH DISTINCT o, g
ORDER BY g.id
WITH o, collect(g) AS groups
RETURN o.id AS subject, o.name AS subject_name, [o.id] + [x IN groups | x.id] AS evidence,
       {groups: [x IN groups | CASE WHEN x.name IS NULL OR x.name = '' THEN x.id ELSE x.name END],
        period: $period} AS params,
       o.source AS source
