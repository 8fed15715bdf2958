"""DejaVu Sans (Bitstream Vera license, see LICENSE-DejaVu.txt): Greek, dashes, accents and math symbols."""
