MATCH (l:List)-[:HAS_TASK]->(t:Task)
WHERE t.due < $as_of AND coalesce(t.status, 'open') <> 'done'
OPTIONAL MATCH (t)-[:RESPONSIBLE]->(p:Person)
OPTIONAL MATCH (t)-[:LEAD]->(u:Organization)
RETURN l.name AS list, t.name AS task, t.due AS due, collect(DISTINCT p.name) AS responsible,
       collect(DISTINCT u.name) AS lead
ORDER BY due
