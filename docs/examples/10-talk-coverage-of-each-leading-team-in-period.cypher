MATCH (o:Organization)<-[:POST_IN]-(post:Post)<-[:HOLDS]-(p:Person)
WHERE o.org_kind IN ['party_committee', 'party_group'] AND post.role IN ['head', 'deputy', 'member']
WITH o, p, EXISTS {
  MATCH (t:Event {event_kind: 'talk'})-[:WITH]->(p) WHERE t.date STARTS WITH $period
} AS talked
RETURN o.name AS organization, count(DISTINCT p) AS team,
       count(DISTINCT CASE WHEN talked THEN p END) AS talked_with,
       round(100.0 * count(DISTINCT CASE WHEN talked THEN p END) / count(DISTINCT p)) AS percent
ORDER BY percent, organization
