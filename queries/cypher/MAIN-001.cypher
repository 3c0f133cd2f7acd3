// MAIN-001 党组织未声明主体责任 / party organization without a main responsibility
// A party organization (committee, group, branch) that bears no `main`
// responsibility and owns no `main` list. Evidence: [org].
MATCH (o:Organization)
WHERE o.org_kind IN ['party_committee', 'party_group', 'party_branch']
  AND NOT EXISTS { (o)-[:BEARS]->(:Responsibility {type: 'main'}) }
  AND NOT EXISTS { (o)-[:OWNS]->(:List {list_kind: 'main'}) }
RETURN o.id AS subject, o.name AS subject_name, [o.id] AS evidence, {} AS params, o.source AS source
