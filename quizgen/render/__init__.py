"""Stage 4: writers over items and exams (text, PDF, LaTeX)."""
