"""Import quizgen's exports with the consumers CI cannot install, and print what came through.

    python benchmarks/consumers/run_by_hand.py --moodle MOODLE_SRC --qtimt QTIMIGRATIONTOOL [--work DIR]

MOODLE_SRC is a Moodle source tree (4.1 was used; only question/format.php, question/format/{xml,gift},
question/type/{multianswer,shortanswer} and lib/xmlize.php are read), QTIMIGRATIONTOOL a checkout of
instructure/QTIMigrationTool (python3 + lxml). Needs php-cli with php-xml, php-mbstring and php-intl.
Moodle's importers run unchanged on stubs of its core (moodle-stubs/); Canvas's last step (its Ruby
qti_exporter) is reproduced in tests/consumer_checks.py. docs/exports.md records the figures."""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(REPO / "tests"))

import consumer_checks as cc  # noqa: E402

from quizgen.bank import load_bank  # noqa: E402
from quizgen.cli import cli  # noqa: E402
from quizgen.examfile import load_exam_json  # noqa: E402
from quizgen.export import bank_items, distinct, exam_items, export  # noqa: E402

MOODLE_FILES = [
    "question/format.php",
    "question/format/xml/format.php",
    "question/format/gift/format.php",
    "question/type/multianswer/questiontype.php",
    "question/type/shortanswer/question.php",
    "lib/xmlize.php",
]
TYPES = ["mcq", "cloze", "matching", "truefalse"]
EXAM_SPEC = """\
title: Every type, four variants
seed: 11
variants: 4
sections:
  - {type: mcq, count: 6, direction: definition-to-term}
  - {type: mcq, count: 4, direction: term-to-definition}
  - {type: cloze, count: 3, mode: term, points: 2}
  - {type: cloze, count: 3, mode: keyphrase, points: 2}
  - {type: matching, sets: 2, size: 4}
  - {type: truefalse, count: 4}
"""
SMALL_SPEC = """\
title: Every type on the hostile bank, four variants
seed: 11
variants: 4
sections:
  - {type: mcq, count: 2, direction: definition-to-term}
  - {type: mcq, count: 1, direction: term-to-definition}
  - {type: cloze, count: 2, mode: term}
  - {type: cloze, count: 1, mode: keyphrase}
  - {type: matching, sets: 1, size: 3}
  - {type: truefalse, count: 2}
"""


def cases(work: Path):
    """(name, distinct export items) for each case."""
    hostile = REPO / "tests" / "data" / "hostile-export"
    yield "hostile bank, 14 of each type", bank_items(load_bank(hostile), TYPES, 14, random.Random(3))
    yield "bundled bank, 65 of each type", bank_items(load_bank(None), TYPES, 65, random.Random(1))
    for name, bank in (("bundled bank", None), ("hostile bank", hostile)):
        spec = work / f"spec-{len(name)}.yaml"
        spec.write_text(EXAM_SPEC if bank is None else SMALL_SPEC, encoding="utf-8")
        out = work / f"exam-{name.split()[0]}"
        args = ["build", str(spec), "--out", str(out), "--quiet", "--force"] + (["--bank", str(bank)] if bank else [])
        result = cli.main(args, standalone_mode=False)
        assert result in (None, 0), result
        yield f"exam on the {name}, 4 variants", exam_items(load_exam_json(out / "exam.json"))


def moodle(overlay: Path, fmt: str, path: Path) -> list[dict]:
    run = subprocess.run(["php", str(HERE / "moodle_import.php"), str(overlay), fmt, str(path)], capture_output=True)
    if run.returncode:
        raise SystemExit(run.stderr.decode())
    data = json.loads(run.stdout)
    if data["errors"].strip():
        print(f"  Moodle {fmt} importer reported: {cc.shown(data['errors'])[:300]}")
    return data["questions"]


def moodle_accepts(overlay: Path, expected, got):
    """Moodle's shortanswer matching for every (answer, stored answer) pair the comparison will ask about."""
    stored = {v[1]: v[2] for v in got if v[0] == "cloze"}
    pairs = sorted(
        {
            (given, s)
            for v in expected
            if v[0] == "cloze" and v[1] in stored
            for accepted, answers in zip(v[2], stored[v[1]])
            for given in (*accepted, cc.WRONG)
            for s in answers
        }
    )
    run = subprocess.run(
        ["php", str(HERE / "moodle_import.php"), str(overlay), "match"],
        input=json.dumps(pairs).encode(),
        capture_output=True,
    )
    if run.returncode:
        raise SystemExit(run.stderr.decode())
    verdict = dict(zip(pairs, json.loads(run.stdout)))
    ported = [p for p, v in verdict.items() if v != cc.moodle_accepts(p[0], (p[1],))]
    assert not ported, f"tests/consumer_checks.py's copy of Moodle's rule disagrees on {ported[:3]}"
    return lambda given, answers: any(verdict.get((given, s), False) for s in answers)


def canvas(qtimt: Path, package: bytes, work: Path) -> list[tuple]:
    src, out = work / "qti-in", work / "qti-out"
    for d in (src, out):
        shutil.rmtree(d, ignore_errors=True)
    src.mkdir()
    zipfile.ZipFile(__import__("io").BytesIO(package)).extractall(src)
    cmd = [sys.executable, str(qtimt / "migrate.py"), "--ucvars", "--nogui", "--overwrite", f"--cpout={out}", str(src)]
    subprocess.run(cmd, capture_output=True, check=True)
    return cc.canvas_views_qti2(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--moodle", type=Path, required=True)
    ap.add_argument("--qtimt", type=Path, required=True)
    ap.add_argument("--work", type=Path)
    a = ap.parse_args()
    work = a.work or Path(tempfile.mkdtemp(prefix="quizgen-consumers-"))
    overlay = work / "moodle"
    for f in MOODLE_FILES:
        (overlay / f).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(a.moodle / f, overlay / f)
    shutil.copytree(HERE / "moodle-stubs" / "question", overlay / "question", dirs_exist_ok=True)
    failed = False
    for name, items in cases(work):
        items = distinct(items)
        print(f"{name}: {len(items)} distinct questions")
        views = [cc.view(e.item) for e in items]
        xml = work / "export.xml"
        xml.write_bytes(export(items, "moodle-xml", name).data)
        got = cc.moodle_views(moodle(overlay, "xml", xml))
        r = cc.compare(views, got)
        cc.grade_cloze(views, got, moodle_accepts(overlay, views, got), r)
        gift = export(items, "gift", name)
        (work / "export.gift").write_bytes(gift.data)
        got = cc.moodle_views(moodle(overlay, "gift", work / "export.gift"))
        skipped = {s.split("'")[1] for s in gift.skipped}
        gviews = [v for e in items if e.name not in skipped for v in cc.gift_views(e.item)]
        g = cc.compare(gviews, got)
        cc.grade_cloze(gviews, got, moodle_accepts(overlay, gviews, got), g)
        c = cc.compare(views, canvas(a.qtimt, export(items, "qti", name).data, work))
        cc.grade_cloze(views, cc.canvas_views_qti2(work / "qti-out"), cc.canvas_accepts, c)
        for consumer, rep in (("Moodle XML", r), ("Moodle GIFT", g), ("Canvas (QTIMigrationTool)", c)):
            print("  " + rep.line(consumer) + (f"; {len(gift.skipped)} left out with a note" if rep is g else ""))
            for p in rep.problems[:5]:
                print("    " + p)
            failed |= not rep.ok()
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
