MATCH (o:Organization {id: $org})
OPTIONAL MATCH (o)-[:BEARS]->(r:Responsibility)
OPTIONAL MATCH (p:Person)-[:HOLDS]->(post:Post)-[:POST_IN]->(o)
OPTIONAL MATCH (post)-[:IN_CHARGE_OF]->(area)
RETURN o.name AS organization, collect(DISTINCT r.type) AS declares,
       p.name AS person, post.role AS role, collect(DISTINCT area.name) AS in_charge_of
ORDER BY role
