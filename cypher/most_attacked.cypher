// The most attacked actors: mentions of strikes against each, and by how many attackers.
// param: limit = 20 — number of rows
// example: graphx query most_attacked --param limit=10
// portable: yes
MATCH (a:Actor)-[e:STRIKES]->(t:Actor)
RETURN t.name AS target, sum(e.count) AS attacks, count(a) AS attackers
ORDER BY attacks DESC, target
LIMIT $limit
