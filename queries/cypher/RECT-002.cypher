// RECT-002 整改报告逾期 / rectification report overdue
// A problem of origin inspection or patrol with no reported_on whose found is
// before $report_before (the same day two months before $as_of, clamped to the
// month's last day). Evidence: [problem, org].
MATCH (p:Problem)-[:MUST_RECTIFY]->(o:Organization)
WHERE p.origin IN ['inspection', 'patrol']
  AND (p.reported_on IS NULL OR p.reported_on = '')
  AND p.found IS NOT NULL AND p.found <> '' AND p.found < $report_before
RETURN p.id AS subject, p.name AS subject_name, [p.id, o.id] AS evidence,
       {org: CASE WHEN o.name IS NULL OR o.name = '' THEN o.id ELSE o.name END,
        origin: CASE p.origin WHEN 'inspection' THEN '巡视' ELSE '巡察' END,
        found: p.found, as_of: $as_of} AS params,
       p.source AS source
