// Ambivalence: actors that both support and oppose (or strike) the same target.
// example: graphx query support_and_oppose_same_target
// portable: yes
MATCH (a:Actor)-[s:SUPPORTS]->(t:Actor)<-[h:OPPOSES|STRIKES]-(a)
RETURN a.name AS actor, t.name AS target, s.documents AS support_documents,
       h.documents AS hostile_documents
ORDER BY actor, target
