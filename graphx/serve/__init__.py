"""The serving stage, all on a store and none of it needing spaCy: the selected network
(`network`), name lookups (`lookup`), the Cypher query library (`queries`), analytics
(`analytics`), the HTML view (`view`) and exports (`export`).
"""
