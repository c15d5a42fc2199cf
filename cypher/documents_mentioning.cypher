// Documents that mention an actor in a relation, with how many mentions each.
// param: actor (actor) — the actor, by name or id
// example: graphx query documents_mentioning --param actor=kataib_hezbollah
// portable: yes
MATCH (d:Document)<-[:IN_DOCUMENT]-(m:Mention)
WHERE m.source_id = $actor OR m.target_id = $actor
RETURN d.id AS document, d.title AS title, d.date AS date, count(m) AS mentions
ORDER BY mentions DESC, document
