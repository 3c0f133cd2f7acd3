// RECT-004 销号不实 / problem closed without being done
// A problem with closed_on while a measure is not done, or with no evidence on
// the problem or any of its measures. Evidence: [problem, measures not done].
MATCH (p:Problem)
WHERE p.closed_on IS NOT NULL AND p.closed_on <> ''
OPTIONAL MATCH (p)-[:HAS_MEASURE]->(m:Measure)
WITH p, collect(m) AS ms
WITH p, ms,
     [m IN ms WHERE (m.done_on IS NULL OR m.done_on = '') AND coalesce(m.status, 'open') <> 'done' | m.id] AS undone
CALL (p, ms) {
  OPTIONAL MATCH (x)-[:HAS_EVIDENCE]->(e:Evidence)
  WHERE x = p OR x IN ms
  RETURN count(DISTINCT e) AS n_evidence
}
WITH p, undone, n_evidence
WHERE size(undone) > 0 OR n_evidence = 0
RETURN p.id AS subject, p.name AS subject_name, [p.id] + undone AS evidence,
       {closed_on: p.closed_on, open: size(undone), evidence: n_evidence} AS params,
       p.source AS source
