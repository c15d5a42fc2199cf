"""The extraction stage: documents read (`documents`), their dates (`dates`), the actor
knowledge base (`kb`) and relation lexicon (`lexicon`), the spaCy pipeline (`nlp`), actor
mentions (`mentions`), the construction rules (`rules`) and the pipeline that runs them over
documents in bounded pieces (`pipeline`). Nothing here is imported by `import graphx`.
"""
