"""Answer sheets: where every bubble goes (layout, recorded in exam.json), how a sheet is drawn, and how
one is filled in programmatically to try the scan without a scanner."""
