MATCH (o:Organization)
WHERE o.org_kind IN ['party_committee', 'party_group']
OPTIONAL MATCH (p:Person)-[:HOLDS]->(:Post {role: 'head'})-[:POST_IN]->(o)
RETURN o.name AS organization,
       coalesce(p.name, '（空缺 / vacant）') AS head,
       p IS NOT NULL AND EXISTS { (p)-[:BEARS]->(:Responsibility {type: 'first_responsible'}) } AS declares_first
ORDER BY declares_first, organization
