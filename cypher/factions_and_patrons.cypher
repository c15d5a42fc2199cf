// PMF factions and their patrons: members of an umbrella (by the knowledge base or the texts)
// and who is reported to support each of them.
// param: umbrella = "pmf" — actor id of the umbrella
// example: graphx query factions_and_patrons --param umbrella=islamic_resistance_in_iraq
// portable: yes
MATCH (faction:Actor)-[:PART_OF]->(umbrella:Actor)
WHERE umbrella.id = $umbrella
OPTIONAL MATCH (patron:Actor)-[s:SUPPORTS]->(faction)
RETURN faction.name AS faction, patron.name AS patron, s.count AS mentions
ORDER BY faction, patron
