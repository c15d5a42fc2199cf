// The most attacked actors: documents reporting strikes against each (an attack repeated inside one article counts once), mentions, and by how many attackers; each state's forces and government bodies count as the state.
// param: limit = 20 — number of rows
// param: rollup = true — count a state's forces and government bodies (US forces, the Pentagon) as the state; false keeps them apart
// example: graphx query most_attacked --param limit=10
// portable: yes
MATCH (a:Actor)<-[:SOURCE]-(m:Mention)-[:TARGET]->(t:Actor)
WHERE m.relation = 'strikes' AND m.negated = false
WITH m, CASE WHEN $rollup THEN t.rollup ELSE t.id END AS target_id,
     CASE WHEN $rollup THEN a.rollup ELSE a.id END AS attacker_id
WHERE attacker_id <> target_id
MATCH (r:Actor)
WHERE r.id = target_id
RETURN r.name AS target, count(DISTINCT m.doc) AS documents, count(*) AS mentions,
       count(DISTINCT attacker_id) AS attackers
ORDER BY documents DESC, mentions DESC, target
LIMIT $limit
