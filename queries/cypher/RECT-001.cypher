// RECT-001 未制定整改措施 / problem without a measure
// A problem with no closed_on and no HAS_MEASURE. Evidence: [problem, org].
MATCH (p:Problem)-[:MUST_RECTIFY]->(o:Organization)
WHERE (p.closed_on IS NULL OR p.closed_on = '') AND NOT EXISTS { (p)-[:HAS_MEASURE]->() }
RETURN p.id AS subject, p.name AS subject_name, [p.id, o.id] AS evidence,
       {org: CASE WHEN o.name IS NULL OR o.name = '' THEN o.id ELSE o.name END} AS params,
       p.source AS source
