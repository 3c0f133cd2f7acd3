// SUP-001 党委（党组）无人监督 / leading party organization under no supervision
// A party committee or group such that neither it nor any unit it LEADS is
// COVERed by a `supervisory` responsibility.
// Evidence: [org, the units it leads (sorted)].
MATCH (o:Organization)
WHERE o.org_kind IN ['party_committee', 'party_group']
  AND NOT EXISTS { (:Responsibility {type: 'supervisory'})-[:COVERS]->(o) }
  AND NOT EXISTS { (o)-[:LEADS]->()<-[:COVERS]-(:Responsibility {type: 'supervisory'}) }
OPTIONAL MATCH (o)-[:LEADS]->(u)
WITH o, u
ORDER BY u.id
WITH o, collect(u.id) AS units
RETURN o.id AS subject, o.name AS subject_name, [o.id] + units AS evidence,
       {units: size(units)} AS params, o.source AS source
