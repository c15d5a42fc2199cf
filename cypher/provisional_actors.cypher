// Provisional actors awaiting review: found in text but not in the knowledge base, most mentioned first.
// example: graphx query provisional_actors
// portable: yes
MATCH (a:Actor)
WHERE a.provisional = true
OPTIONAL MATCH (m:Mention)
WHERE m.source_id = a.id OR m.target_id = a.id
RETURN a.id AS id, a.name AS name, a.type AS type, count(m) AS mentions
ORDER BY mentions DESC, name
