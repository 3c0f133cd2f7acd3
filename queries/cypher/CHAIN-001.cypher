// CHAIN-001 层层传导中断 / transmission broken above
// A party organization with an ancestor (along SUB_ORGANIZATION_OF, any depth)
// that has MAIN-001 (a party organization declaring no main responsibility) or
// FIRST-001 (a committee or group without a head).
// Evidence: the path of ids from it up to the nearest broken ancestor.
// Only the posts held at $as_of count (since <= $as_of <= until, either end open).
//
// The broken organizations are found first, each checked once; the lines are
// then walked down from them. Walking up from every organization instead would
// check every ancestor of every organization again (depth times the work).
MATCH (b:Organization)
WHERE b.org_kind IN ['party_committee', 'party_group', 'party_branch']
WITH b,
     NOT EXISTS { (b)-[:BEARS]->(:Responsibility {type: 'main'}) }
       AND NOT EXISTS { (b)-[:OWNS]->(:List {list_kind: 'main'}) } AS main_broken,
     b.org_kind IN ['party_committee', 'party_group']
       AND NOT EXISTS {
         MATCH (p:Post {role: 'head'})-[:POST_IN]->(b)
         WHERE coalesce(p.since, '') <= $as_of AND coalesce(p.until, '9999-12-31') >= $as_of
       } AS head_vacant
WHERE main_broken OR head_vacant
MATCH path = (x:Organization)-[:SUB_ORGANIZATION_OF*1..]->(b)
WHERE x.org_kind IN ['party_committee', 'party_group', 'party_branch']
WITH x, path, b, main_broken, head_vacant
ORDER BY length(path)
WITH x, collect({path: path, b: b, main: main_broken, head: head_vacant})[0] AS near
RETURN x.id AS subject, x.name AS subject_name,
       [n IN nodes(near.path) | n.id] AS evidence,
       {broken: CASE WHEN near.b.name IS NULL OR near.b.name = '' THEN near.b.id ELSE near.b.name END,
        reasons: CASE WHEN near.main THEN ['MAIN-001'] ELSE [] END + CASE WHEN near.head THEN ['FIRST-001'] ELSE [] END,
        depth: length(near.path)} AS params,
       x.source AS source
