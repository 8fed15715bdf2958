"""Stage 1: the topic bank — load and validate YAML, lint, import plain lists."""

from .load import bundled_bank_path, load_bank, read_bank

__all__ = ["bundled_bank_path", "load_bank", "read_bank"]
