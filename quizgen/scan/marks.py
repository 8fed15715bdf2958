"""How dark each bubble is, measured against the page's own paper and ink levels, and what each row of
bubbles says: a value, blank, or doubtful with the reason (never a guess)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import cv2
import numpy as np

from .locate import Located
from .sheetfile import BubbleSpec

INNER = 0.72  # the part of a bubble measured: inside its printed outline
INK = 0.42  # a pixel this dark (0 paper … 1 ink) counts as a pen or pencil mark
FILLED = 0.20  # a bubble whose inner disc is this much covered is marked
EMPTY_COVER, EMPTY_MEAN = 0.07, 0.14  # below both: empty; in between: doubtful (faint, erased, a dot)
ERASED = 0.04  # beside one clear mark, a bubble with less cover than this is an erased leftover
STRAY_STEP = 1.1  # points between samples of the space around a row's bubbles
STRAY_MIN = 6  # dark samples there (about 0.9 mm²) make the row doubtful: a mark outside the bubbles


@dataclass(frozen=True)
class Read:
    """One row of bubbles (a question, a matching term, a student-number digit) as read on one page."""

    question: int  # 0: the student number
    index: int  # matching term or digit position, else 0
    value: str | None  # "" blank, a value, or None when doubtful
    seen: str  # what was seen, for the teacher: "B", "A+C", "B?", ""
    reason: str  # why it is doubtful, "" otherwise


def _points(hom: np.ndarray, xy_top_down: np.ndarray) -> np.ndarray:
    return cv2.perspectiveTransform(xy_top_down.reshape(-1, 1, 2).astype(np.float64), hom).reshape(-1, 2)


def measure(gray: np.ndarray, loc: Located, bubbles: list[BubbleSpec], page_h: float) -> tuple[np.ndarray, np.ndarray]:
    """(mean darkness, ink cover) of each bubble's inner disc."""
    if not bubbles:
        return np.zeros(0), np.zeros(0)
    centres = _points(loc.homography, np.array([[b.x, page_h - b.y] for b in bubbles]))
    rp = INNER * bubbles[0].r * loc.scale
    R = int(np.ceil(rp))
    dy, dx = np.mgrid[-R : R + 1, -R : R + 1]
    inside = dx**2 + dy**2 <= rp * rp
    dx, dy = dx[inside], dy[inside]
    cx = np.clip(np.rint(centres[:, 0]).astype(int)[:, None] + dx[None, :], 0, gray.shape[1] - 1)
    cy = np.clip(np.rint(centres[:, 1]).astype(int)[:, None] + dy[None, :], 0, gray.shape[0] - 1)
    dark = np.clip((loc.paper - gray[cy, cx].astype(np.float32)) / (loc.paper - loc.ink), 0, 1)
    return dark.mean(axis=1), (dark >= INK).mean(axis=1)


def strays(gray: np.ndarray, loc: Located, bubbles: list[BubbleSpec], page_h: float) -> dict[tuple, int]:
    """Dark samples in the space around each row's bubbles (between and beside them), per row."""
    rows: dict[tuple, list[BubbleSpec]] = defaultdict(list)
    for b in bubbles:
        if b.field != "student_id":
            rows[(b.question, b.index)].append(b)
    samples, owner = [], []
    for key, row in rows.items():
        r = row[0].r
        ys = {b.y for b in row}
        if len(ys) != 1:
            continue
        y = ys.pop()
        half = (1.1 if row[0].field == "points" else 1.35) * r
        gx = np.arange(min(b.x for b in row) - 1.3 * r, max(b.x for b in row) + 1.3 * r, STRAY_STEP)
        gy = np.arange(y - half, y + half, STRAY_STEP)
        pts = np.array(np.meshgrid(gx, gy)).reshape(2, -1).T
        far = np.ones(len(pts), bool)
        for b in row:
            far &= np.hypot(pts[:, 0] - b.x, pts[:, 1] - b.y) > 1.25 * r
        pts = pts[far]
        samples.append(np.column_stack([pts[:, 0], page_h - pts[:, 1]]))
        owner += [key] * len(pts)
    if not samples:
        return {}
    px = np.rint(_points(loc.homography, np.concatenate(samples))).astype(int)
    px[:, 0] = np.clip(px[:, 0], 0, gray.shape[1] - 1)
    px[:, 1] = np.clip(px[:, 1], 0, gray.shape[0] - 1)
    dark = (loc.paper - gray[px[:, 1], px[:, 0]].astype(np.float32)) / (loc.paper - loc.ink) >= 0.5
    counts: dict[tuple, int] = defaultdict(int)
    for key, is_dark in zip(owner, dark):
        if is_dark:
            counts[key] += 1
    return dict(counts)


def state(mean: float, cover: float) -> str:
    if cover >= FILLED:
        return "filled"
    if cover < EMPTY_COVER and mean < EMPTY_MEAN:
        return "empty"
    return "doubtful"


def read_rows(bubbles: list[BubbleSpec], means: np.ndarray, covers: np.ndarray, stray: dict) -> list[Read]:
    """Each row's reading, in layout order."""
    rows: dict[tuple, list[int]] = {}
    for i, b in enumerate(bubbles):
        rows.setdefault((b.question, b.index), []).append(i)
    out = []
    for (question, index), members in rows.items():
        states = [state(means[i], covers[i]) for i in members]
        filled = [i for i, s in zip(members, states) if s == "filled"]
        unsure = [i for i, s in zip(members, states) if s == "doubtful"]
        if filled and len(filled) == 1:
            # an erased leftover beside one clear mark is what the instructions ask students to do
            unsure = [i for i in unsure if covers[i] >= ERASED or means[i] >= 0.5 * means[filled[0]]]
        marks = "+".join(bubbles[i].value for i in filled)
        seen = marks + ("?" if unsure else "")
        if stray.get((question, index), 0) >= STRAY_MIN:
            out.append(Read(question, index, None, seen, "mark outside the bubbles"))
        elif unsure:
            faint = ", ".join(bubbles[i].value for i in unsure)
            out.append(Read(question, index, None, seen, f"faint, erased or partial mark at {faint}"))
        elif not filled and bubbles[members[0]].field == "points":
            out.append(Read(question, index, None, seen, "the teacher has not filled the points circles"))
        elif len(filled) > 1:
            out.append(Read(question, index, None, seen, f"{len(filled)} marks: {', '.join(marks.split('+'))}"))
        else:
            out.append(Read(question, index, marks, seen, ""))
    return out


def student_number(reads: list[Read], digits: int) -> Read:
    """The number bubbled in the student-number grid (leading and trailing blank columns allowed)."""
    cols = {r.index: r for r in reads if r.question == 0}
    values = [cols[d].value if d in cols else "" for d in range(1, digits + 1)]
    seen = "".join(v if v else ("?" if v is None else "_") for v in values)
    if any(v is None for v in values):
        return Read(0, 0, None, seen, "student number: a column is unclear")
    text = "".join(v if v else " " for v in values).strip()
    if not text:
        return Read(0, 0, None, seen, "no student number bubbled")
    if " " in text:
        return Read(0, 0, None, seen, "student number has an empty column between digits")
    return Read(0, 0, text, seen, "")
