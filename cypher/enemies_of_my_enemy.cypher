// Enemies of my enemy: actors hostile to someone the given actor is hostile to (opposes or
// strikes), with the shared enemy, as candidate partners.
// param: actor (actor) — the actor, by name or id
// example: graphx query enemies_of_my_enemy --param actor=us
// portable: yes
MATCH (me:Actor)-[:OPPOSES|STRIKES]->(enemy:Actor)<-[:OPPOSES|STRIKES]-(other:Actor)
WHERE me.id = $actor AND other.id <> me.id
RETURN DISTINCT other.name AS candidate, enemy.name AS shared_enemy
ORDER BY candidate, shared_enemy
