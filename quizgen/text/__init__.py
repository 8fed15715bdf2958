"""Text helpers shared by every stage: math spans, normalisation, similarity."""
