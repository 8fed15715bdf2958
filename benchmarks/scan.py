"""Benchmark of the paper round trip, judged by an INDEPENDENT filler: this script imports nothing from
quizgen. It runs `quizgen build --answer-sheet` as a command, then reads only exam.json's recorded layout
(bubbles, corner marks, QR box) and the printed PDFs, fills sheets itself with Pillow (pen, pencil, crosses,
ticks, partial fills, erased marks, stray marks), scans them clean (200 dpi) and distorted (150-300 dpi,
quarter turns plus up to 5 degrees, 90-110 % scale, shift, perspective, blur, noise, JPEG 50-90, colour,
shuffled, duplicates and pages of another exam mixed in), runs `quizgen scan`, acts as the teacher on
review.csv from the truth, runs the scan again with --review, and compares.

Run: python benchmarks/scan.py [--students 200] [--jobs 2]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageFilter

QUIZGEN = [sys.executable, "-m", "quizgen"]


def run(*args: str, cwd: Path | None = None) -> str:
    done = subprocess.run([*QUIZGEN, *args], capture_output=True, text=True, cwd=cwd)
    if done.returncode:
        sys.exit(f"quizgen {' '.join(args)} failed:\n{done.stderr}")
    return done.stdout.strip()


def build(folder: Path, seed: int, variants: int) -> dict:
    run("build", "--answer-sheet", "--seed", str(seed), "--variants", str(variants), "--out", str(folder), "--quiet")
    return json.loads((folder / "exam.json").read_text(encoding="utf-8"))


def blank_pages(folder: Path, layout: dict, dpi: int, cache: dict) -> list[Image.Image]:
    pdf = folder / layout["file"]
    key = (pdf, dpi)
    if key not in cache:
        doc = pdfium.PdfDocument(str(pdf))
        n = len(doc)
        cache[key] = [doc[i].render(scale=dpi / 72).to_pil().convert("L") for i in range(n - layout["pages"], n)]
    return [p.copy() for p in cache[key]]


def label_value(text: str) -> float:
    return float(text.replace("½", "") or 0) + (0.5 if "½" in text else 0)


def choose(exam: dict, layout: dict, rng: random.Random, number: str) -> dict:
    """Truth for one student: row key -> the value filled ('' for none)."""
    rows: dict[tuple, list[str]] = {}
    for b in layout["bubbles"]:
        key = (b.get("question", 0), b.get("term", b.get("digit", 0)), b["field"])
        rows.setdefault(key, []).append(b["value"])
    truth = {}
    for key, values in rows.items():
        q, index, field = key
        if field == "student_id":
            truth[key] = number[index - 1]
        elif field == "points":
            truth[key] = rng.choice(values)
        else:
            truth[key] = "" if rng.random() < 0.04 else rng.choice(values)
    return truth


def mark(draw: ImageDraw.ImageDraw, x: float, y: float, r: float, style: str, rng: random.Random) -> None:
    ink = rng.randint(5, 50) if style != "pencil" else rng.randint(75, 120)
    if style in ("pen", "pencil"):
        rr = r * rng.uniform(0.75, 1.0)
        draw.ellipse([x - rr, y - rr * rng.uniform(0.85, 1), x + rr, y + rr], fill=ink)
    elif style == "partial":
        start = rng.uniform(0, 360)
        draw.pieslice(
            [x - 0.85 * r, y - 0.85 * r, x + 0.85 * r, y + 0.85 * r], start, start + rng.uniform(200, 300), fill=ink
        )
    elif style == "cross":
        a, w = r * rng.uniform(0.65, 0.85), max(2, round(r * 0.2))
        draw.line([x - a, y - a, x + a, y + a], fill=ink, width=w)
        draw.line([x - a, y + a, x + a, y - a], fill=ink, width=w)
    else:  # tick
        w = max(2, round(r * 0.22))
        draw.line(
            [x - 0.7 * r, y, x - 0.1 * r, y + 0.65 * r, x + 0.8 * r, y - 0.8 * r], fill=ink, width=w, joint="curve"
        )


def fill(img: Image.Image, exam: dict, layout: dict, page: int, truth: dict, dpi: int, rng: random.Random) -> None:
    k = dpi / 72
    h = exam["answer_sheets"]["page_size"][1]
    draw = ImageDraw.Draw(img)
    bubbles = [b for b in layout["bubbles"] if b["page"] == page]
    for b in bubbles:
        key = (b.get("question", 0), b.get("term", b.get("digit", 0)), b["field"])
        x, y, r = b["x"] * k, (h - b["y"]) * k, b["r"] * k
        if truth[key] == b["value"]:
            style = rng.choices(["pen", "pencil", "cross", "tick", "partial"], [40, 25, 15, 10, 10])[0]
            mark(draw, x, y, r, style, rng)
        elif rng.random() < 0.006:  # an erased earlier mark
            level = rng.randint(215, 238)
            draw.ellipse([x - 0.85 * r, y - 0.85 * r, x + 0.85 * r, y + 0.85 * r], fill=level)
    if rng.random() < 0.25:  # a stray mark somewhere away from bubbles, corner squares and the code
        centres = np.array([[b["x"] * k, (h - b["y"]) * k] for b in bubbles])
        for _ in range(50):
            x, y = rng.uniform(0.12, 0.88) * img.width, rng.uniform(0.3, 0.9) * img.height
            if len(centres) == 0 or np.min(np.hypot(*(centres - [x, y]).T)) > 6 * bubbles[0]["r"] * k:
                draw.line([x, y, x + rng.uniform(-30, 30), y + rng.uniform(5, 30)], fill=30, width=3)
                break


def distort(img: Image.Image, rng: random.Random, dpi: int) -> Image.Image:
    w, h = img.size
    angle = rng.uniform(-5, 5)
    scale = rng.uniform(0.9, 1.1)
    out = img.rotate(angle, resample=Image.BILINEAR, fillcolor=245, expand=True)
    out = out.resize((round(out.width * scale), round(out.height * scale)), Image.BILINEAR)
    w, h = round(w * 1.32), round(h * 1.24)  # the scanner bed is larger than the page: all of it is scanned
    canvas = Image.new("L", (w, h), 245)
    canvas.paste(
        out,
        (
            round((w - out.width) / 2 + rng.uniform(-8, 8) / 25.4 * dpi),
            round((h - out.height) / 2 + rng.uniform(-8, 8) / 25.4 * dpi),
        ),
    )
    j = 0.01 * w
    quad = [c + rng.uniform(-j, j) for c in (0, 0, 0, h, w, h, w, 0)]
    out = canvas.transform((w, h), Image.QUAD, quad, resample=Image.BILINEAR, fillcolor=245)
    out = out.filter(ImageFilter.GaussianBlur(rng.uniform(0.2, 1.2)))
    arr = np.asarray(out, dtype=np.float32) + np.random.default_rng(rng.randrange(2**32)).normal(0, 6, (h, w))
    out = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    out = out.rotate(90 * rng.randrange(4), expand=True)
    if rng.random() < 0.5:
        tint = (rng.randint(235, 255), rng.randint(235, 255), rng.randint(220, 250))
        out = Image.merge("RGB", [out.point(lambda v, t=t: v * t // 255) for t in tint])
    return out


def make_scans(root: Path, exam: dict, folder: Path, students: int, distorted: bool, rng: random.Random):
    """Scan files and the truth for each scanned page: (file, page) -> (student, variant, page, truth)."""
    sheets = exam["answer_sheets"]
    layouts = {lay["variant"]: lay for lay in sheets["layouts"] if not lay["named"]}
    digits = sheets["id_digits"]
    numbers = rng.sample(range(10 ** (digits - 1), 10**digits), students)
    cache: dict = {}
    pages, truths = [], {}
    for s in range(students):
        variant = sorted(layouts)[s % len(layouts)]
        layout, number = layouts[variant], str(numbers[s])
        truth = choose(exam, layout, rng, number)
        truths[number] = (variant, truth)
        dpi = rng.choice([150, 200, 250, 300]) if distorted else 200
        for p, img in enumerate(blank_pages(folder, layout, dpi, cache), 1):
            fill(img, exam, layout, p, truth, dpi, rng)
            pages.append((number, p, distort(img, rng, dpi) if distorted else img, dpi))
    scans = []
    if distorted:
        rng.shuffle(pages)
        for i, (number, p, img, _) in enumerate(pages):
            name = root / f"scan-{i:04d}.{rng.choice(['jpg', 'jpg', 'png', 'tif'])}"
            if name.suffix == ".jpg":
                img.save(name, quality=rng.randint(50, 90))
            else:
                img.save(name)
            scans.append((name, 1, number, p))
    else:
        name = root / "clean.pdf"
        images = [img for *_, img, _ in pages]
        images[0].save(name, save_all=True, append_images=images[1:], resolution=200)
        scans = [(name, i + 1, number, p) for i, (number, p, _, _) in enumerate(pages)]
    return scans, truths


def read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def teacher(review: list[dict], where: dict, truths: dict, exam: dict) -> list[dict]:
    """Decide every open review row from the truth, as a teacher looking at the crop would."""
    for row in review:
        if not row["question"] or row["decision"]:
            continue
        number, _ = where[(row["file"], int(row["page"]))]
        variant, truth = truths[number]
        if row["question"] == "student_id":
            row["decision"] = number
        else:
            row["decision"] = cell(exam, variant, int(row["question"][1:]), truth) or "blank"
    return review


def cell(exam: dict, variant: str, n: int, truth: dict) -> str:
    q = next(q for v in exam["variants"] if v["code"] == variant for q in v["questions"] if q["number"] == n)
    if q["type"] == "matching":
        letters = "".join(truth[(n, t, "match")] or "-" for t in range(1, len(q["premises"]) + 1))
        return "" if set(letters) == {"-"} else letters
    if q["type"] == "cloze":
        return f"points={label_value(truth[(n, 0, 'points')]):g}"
    return truth[(n, 0, "choice")]


def evaluate(
    label: str,
    root: Path,
    exam_dir: Path,
    exam: dict,
    students: int,
    distorted: bool,
    jobs: int,
    extra: list[Path],
    seed: int,
) -> None:
    rng = random.Random(seed)
    scans, truths = make_scans(root, exam, exam_dir, students, distorted, rng)
    files = sorted({s[0] for s in scans}) + extra
    duplicates = []
    for original in files[:2]:  # the same pages scanned twice must be reported, not dropped silently
        twin = root / f"again-{original.name}"
        twin.write_bytes(original.read_bytes())
        duplicates.append(twin.name)
    files += [root / d for d in duplicates]
    where = {(f.name, page): (number, p) for f, page, number, p in scans}
    out = root / "scanned"
    names = [str(f.relative_to(root)) if f.parent == root else str(f) for f in files]
    start = time.perf_counter()
    run("scan", *names, "--exam", str(exam_dir / "exam.json"), "--out", "scanned", "--jobs", str(jobs), cwd=root)
    elapsed = time.perf_counter() - start
    scanned_pages = len(list((out / "pages").glob("*.jpg")))  # every page given, duplicates included
    first_review = read_csv(out / "review.csv")
    decided = teacher(first_review, where, truths, exam)
    with (root / "decided.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(decided[0]) if decided else ["file"])
        w.writeheader()
        w.writerows(decided)
    if decided:
        run(
            "scan",
            *names,
            "--exam",
            str(exam_dir / "exam.json"),
            "--out",
            "scanned",
            "--review",
            "decided.csv",
            "--jobs",
            str(jobs),
            cwd=root,
        )
    final = {r["student_id"]: r for r in read_csv(out / "responses.csv")}
    reviewed = {
        (r["student_id"] or where.get((r["file"], int(r["page"])), ("",))[0], r["question"])
        for r in first_review
        if r["question"]
    }
    total = right = doubtful = silent = 0
    matched = 0
    for number, (variant, truth) in truths.items():
        row = final.get(number)
        if row is not None and row["variant"] == variant:
            matched += 1
        questions = {q["number"]: q for v in exam["variants"] if v["code"] == variant for q in v["questions"]}
        layout = next(lay for lay in exam["answer_sheets"]["layouts"] if lay["variant"] == variant and not lay["named"])
        per_q: dict[int, int] = {}
        for b in layout["bubbles"]:
            per_q[b.get("question", 0)] = per_q.get(b.get("question", 0), 0) + 1
        for n, count in per_q.items():
            total += count
            flagged = (number, "student_id" if n == 0 else f"q{n}") in reviewed
            if flagged:
                doubtful += count
                continue
            if row is None:
                continue  # an unmatched sheet: counted in "sheets matched"
            want = number if n == 0 else cell(exam, variant, n, truth)
            got = row["student_id"] if n == 0 else row[f"q{n}"]
            if got == want:
                right += count
            else:
                silent += 1
                kind = questions.get(n, {}).get("type")
                print(f"  silent misread: student {number} q{n}: read {got!r}, filled {want!r} ({kind})")
    for number in set(final) - set(truths):
        silent += 1
        print(f"  silent misread: a sheet read as student {number}, who does not exist")
    problems = [r for r in first_review if not r["question"]]
    reported = {r["file"] for r in problems if r["problem"].startswith("duplicate of")}
    print(f"  duplicates reported: {len(reported & set(duplicates))} of {len(duplicates)} files given twice")
    print(
        f"{label}: {len(scans)} sheets, {total} bubbles; read right {right / total:.4%}, doubtful "
        f"{doubtful / total:.3%}, silent misreads {silent}; sheets matched {matched}/{len(truths)}; "
        f"{len(problems)} page problems reported; scan of {scanned_pages} pages {elapsed:.1f} s = "
        f"{scanned_pages / elapsed:.1f} sheets/s "
        f"(--jobs {jobs}, start-up included)"
    )
    for r in problems:
        print(f"  {r['file']} p{r['page']}: {r['problem']}")
    reasons = Counter(r["problem"].split(" at ")[0] for r in first_review if r["question"])
    for reason, n in reasons.most_common():
        print(f"  doubtful ({n}): {reason}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--students", type=int, default=200)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--only", choices=["clean", "distorted"])
    ap.add_argument("--keep", type=Path, help="Work in this (new) folder and keep it, to look at the scans.")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = args.keep or Path(tmp)
        root.mkdir(parents=True, exist_ok=True)
        exam = build(root / "exam", 7, 4)
        other = build(root / "other", 8, 1)
        rng = random.Random(99)
        foreign = root / "foreign.png"
        lay = other["answer_sheets"]["layouts"][0]
        blank = blank_pages(root / "other", lay, 200, {})[0]
        fill(blank, other, lay, 1, choose(other, lay, rng, "12345678"), 200, rng)
        blank.save(foreign)
        for label in ("clean", "distorted"):
            if args.only and args.only != label:
                continue
            sub = root / label
            sub.mkdir()
            extra = [foreign]
            evaluate(label, sub, root / "exam", exam, args.students, label == "distorted", args.jobs, extra, 1)
            # duplicates: the same scans given again under another name must be reported, not dropped silently


if __name__ == "__main__":
    main()
