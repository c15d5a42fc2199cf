// PMF factions and their patrons: members of an umbrella (by the knowledge base or the texts)
// and who is reported to support each of them.
// param: umbrella (actor) = "pmf" — the umbrella, by name or id
// example: graphx query factions_and_patrons --param umbrella=islamic_resistance_in_iraq
// portable: yes
MATCH (f:Actor)-[:PART_OF]->(u:Actor)
WHERE u.id = $umbrella
OPTIONAL MATCH (p:Actor)-[s:SUPPORTS]->(f)
RETURN f.name AS faction, p.name AS patron, s.documents AS documents, s.mentions AS mentions
ORDER BY faction, patron
