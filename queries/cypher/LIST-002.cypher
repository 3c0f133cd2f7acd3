// LIST-002 任务无牵头单位 / task without a lead unit
// A task with no LEAD unit (牵头单位). Evidence: [task, its list].
MATCH (t:Task)
WHERE NOT EXISTS { (t)-[:LEAD]->() }
OPTIONAL MATCH (l:List {id: t.list})
RETURN t.id AS subject, t.name AS subject_name, [t.id, t.list] AS evidence,
       {list: CASE WHEN l.name IS NULL OR l.name = '' THEN t.list ELSE l.name END} AS params,
       t.source AS source
