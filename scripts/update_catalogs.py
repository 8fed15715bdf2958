"""Write quizgen/locale/quizgen.pot from quizgen/labels.py and merge it into every catalog: a new label
appears untranslated (English is printed until a translator fills it in), a removed one is dropped.
Run after changing labels.py: python scripts/update_catalogs.py"""

from __future__ import annotations

import io
import re
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from quizgen.labels import LABELS

LOCALE = Path(__file__).resolve().parent.parent / "quizgen" / "locale"


def template() -> Catalog:
    pot = Catalog(project="quizgen", version="", fuzzy=False)
    for label, english in LABELS.items():
        pot.add(english, context=label)
    return pot


def po_bytes(catalog: Catalog) -> bytes:
    buf = io.BytesIO()
    write_po(buf, catalog, width=0, omit_header=False, sort_output=False, no_location=True)
    return buf.getvalue()


def main() -> None:
    pot = template()
    (LOCALE / "quizgen.pot").write_bytes(po_bytes(pot))
    for path in sorted(LOCALE.glob("*/LC_MESSAGES/quizgen.po")):
        data = path.read_bytes()
        own = re.findall(rb'^"X-[A-Za-z-]+: .*\\n"$', data, re.M)  # Babel keeps only the headers it knows
        po = read_po(io.BytesIO(data))
        po.update(pot, no_fuzzy_matching=True)
        po.obsolete.clear()
        out = po_bytes(po)
        at = out.index(b"\n\n")  # the end of the header entry
        path.write_bytes(out[:at] + b"".join(b"\n" + h for h in own) + out[at:])
        print(f"updated {path.relative_to(LOCALE.parent.parent)}")


if __name__ == "__main__":
    main()
