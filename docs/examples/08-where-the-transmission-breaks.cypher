MATCH (b:Organization)
WHERE b.org_kind IN ['party_committee', 'party_group', 'party_branch']
  AND (NOT EXISTS { (b)-[:BEARS]->(:Responsibility {type: 'main'}) }
       AND NOT EXISTS { (b)-[:OWNS]->(:List {list_kind: 'main'}) }
    OR b.org_kind IN ['party_committee', 'party_group']
       AND NOT EXISTS { (:Post {role: 'head'})-[:POST_IN]->(b) })
MATCH path = (x:Organization)-[:SUB_ORGANIZATION_OF*1..]->(b)
RETURN path
