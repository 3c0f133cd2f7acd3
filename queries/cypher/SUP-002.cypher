// SUP-002 监督责任主体错位 / supervisory responsibility borne by the wrong body
// A `supervisory` responsibility (an entry it BEARS or a list it OWNS) of
// something that is neither a discipline commission nor a dispatched group.
// Evidence: [bearer, the declaring responsibilities and lists (sorted)].
CALL () {
  MATCH (b)-[:BEARS]->(d:Responsibility {type: 'supervisory'})
  RETURN b, d
  UNION
  MATCH (b)-[:OWNS]->(d:List {list_kind: 'supervisory'})
  RETURN b, d
}
WITH b, d
WHERE NOT (b:Organization AND coalesce(b.org_kind, '') IN ['discipline_commission', 'dispatched_group'])
WITH DISTINCT b, d
ORDER BY d.id
WITH b, collect(d.id) AS declared
RETURN b.id AS subject, b.name AS subject_name, [b.id] + declared AS evidence,
       {kind: CASE WHEN b:Organization AND coalesce(b.org_kind, '') <> '' THEN b.org_kind ELSE 'person' END} AS params,
       b.source AS source
