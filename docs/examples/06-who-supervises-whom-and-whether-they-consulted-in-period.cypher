MATCH (s:Organization)-[:BEARS]->(:Responsibility {type: 'supervisory'})-[:COVERS]->(o:Organization)
OPTIONAL MATCH (s)<-[:PARTY]-(c:Event {event_kind: 'consultation'})-[:PARTY]->(o)
WHERE c.date STARTS WITH $period
RETURN s.name AS supervisor, s.org_kind AS kind, o.name AS supervised, count(c) AS consultations
ORDER BY consultations, supervisor, supervised
