"""spaCy pipelines and the pre-annotation engine (entities, quotes/speakers, events). No Qt."""
