// The shortest chain of relations between two actors (through typed actor-to-actor edges, any direction).
// param: a (actor) — one actor, by name or id
// param: b (actor) — the other actor, by name or id
// example: graphx query shortest_chain --param a=hamas --param b=kataib_hezbollah
// portable: no (Neo4j only): shortestPath() and list comprehensions are spelled differently
// in LadybugDB (-[* SHORTEST 1..6]-, list_transform); tested on Neo4j.
MATCH (a:Actor {id: $a}), (b:Actor {id: $b})
MATCH p = shortestPath((a)-[:SUPPORTS|OPPOSES|STRIKES|VOTES_AGAINST|DEMANDS_WITHDRAWAL|THREATENS|NEGOTIATES|PART_OF|LEADS*..6]-(b))
RETURN length(p) AS hops, [n IN nodes(p) | n.name] AS actors,
       [r IN relationships(p) | type(r)] AS relations
