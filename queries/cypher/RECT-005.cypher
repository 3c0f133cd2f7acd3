// RECT-005 整改无责任人 / measure without a responsible person
// A measure with no RESPONSIBLE person. Evidence: [measure, its problem].
MATCH (pb:Problem)-[:HAS_MEASURE]->(m:Measure)
WHERE NOT EXISTS { (m)-[:RESPONSIBLE]->() }
RETURN m.id AS subject, m.name AS subject_name, [m.id, pb.id] AS evidence,
       {problem: CASE WHEN pb.name IS NULL OR pb.name = '' THEN pb.id ELSE pb.name END} AS params,
       m.source AS source
