// LIST-007 任务即将到期 / task due soon
// A task not done whose due is on $as_of or not after $soon_until (the last
// day of the --soon window), in a register that records performance.
// Evidence: [task, its list].
// Whether the register records performance is asked once, before the tasks.
WITH EXISTS { (:Evidence) } OR EXISTS { (:Problem) }
     OR EXISTS { MATCH (x:Task) WHERE x.done_on IS NOT NULL AND x.done_on <> '' } AS records
WHERE records
MATCH (t:Task)
WHERE coalesce(t.status, 'open') <> 'done'
  AND t.due IS NOT NULL AND t.due >= $as_of AND t.due <= $soon_until
OPTIONAL MATCH (l:List {id: t.list})
RETURN t.id AS subject, t.name AS subject_name, [t.id, t.list] AS evidence,
       {list: CASE WHEN l.name IS NULL OR l.name = '' THEN t.list ELSE l.name END,
        due: t.due, days: duration.inDays(date($as_of), date(t.due)).days} AS params,
       t.source AS source
