MATCH (o:Organization)
WHERE o.org_kind IN ['party_committee', 'party_group', 'party_branch']
  AND NOT EXISTS { (o)-[:BEARS]->(:Responsibility {type: 'main'}) }
  AND NOT EXISTS { (o)-[:OWNS]->(:List {list_kind: 'main'}) }
RETURN o.id AS id, o.name AS name, o.org_kind AS kind
ORDER BY id
