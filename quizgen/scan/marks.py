"""How dark each bubble is, measured against the page's own paper and ink levels, and what each row of
bubbles says: a value, blank, or doubtful with the reason (never a guess)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import cv2
import numpy as np

from ..i18n import Message, message
from .locate import Located
from .sheetfile import BubbleSpec

INNER = 0.72  # the part of a bubble measured: inside its printed outline
INK = 0.42  # a pixel this dark (0 paper … 1 ink) counts as a pen or pencil mark
FILLED = 0.15  # a bubble whose inner disc is this much covered is marked (a tick covers about a quarter)
EMPTY_COVER, EMPTY_MEAN = 0.07, 0.2  # below both: empty (an erased smudge is light all over); else doubtful
ERASED = 0.04  # beside one clear mark, a bubble with less cover than this is an erased leftover
SEARCH = 5.0  # points a row of bubbles may sit away from where the homography puts it (under half the pitch)
DRIFT = 6.0  # points of correction beyond which the corner marks are not trusted
STRAY_STEP = 1.1  # points between samples of the space around a row's bubbles
STRAY_MIN = 6  # dark samples there (about 0.9 mm²) make the row doubtful: a mark outside the bubbles


class Misplaced(Exception):
    """The bubbles cannot be placed on the page safely."""


@dataclass(frozen=True)
class Read:
    """One row of bubbles (a question, a matching term, a student-number digit) as read on one page."""

    question: int  # 0: the student number
    index: int  # matching term or digit position, else 0
    value: str | None  # "" blank, a value, or None when doubtful
    seen: str  # what was seen, for the teacher: "B", "A+C", "B?", ""
    reason: Message | None = None  # why it is doubtful


def _points(hom: np.ndarray, xy_top_down: np.ndarray) -> np.ndarray:
    return cv2.perspectiveTransform(xy_top_down.reshape(-1, 1, 2).astype(np.float64), hom).reshape(-1, 2)


def centres(
    gray: np.ndarray, loc: Located, bubbles: list[BubbleSpec], page_h: float
) -> tuple[np.ndarray, dict[tuple, tuple[float, float]]]:
    """Each bubble's centre in image pixels: through the homography, then each row (or student-number column)
    moved to where its printed outlines are, since paper is never a perfect plane. Row by row the outlines are
    matched within SEARCH; a smooth (quadratic) field fitted to those moves overrules any row that disagrees
    with its neighbours (a row of filled bubbles shows little outline to match)."""
    mapped = _points(loc.homography, np.array([[b.x, page_h - b.y] for b in bubbles]))
    rows: dict[tuple, list[int]] = defaultdict(list)
    for i, b in enumerate(bubbles):
        rows[(b.question, b.index)].append(i)
    darkness = np.clip((loc.paper - gray.astype(np.float32)) / (loc.paper - loc.ink), 0, 1)
    found = {
        key: _match(darkness, mapped[m], bubbles[m[0]].r * loc.scale, SEARCH * loc.scale) for key, m in rows.items()
    }
    where = np.array([mapped[m].mean(axis=0) for m in rows.values()])
    moves = np.array([found[k][:2] for k in rows])
    quality = np.array([found[k][2] for k in rows])
    good = quality >= 0.5 * np.median(quality)
    predicted = moves.copy()
    if good.sum() >= 8:
        span = np.maximum(where.max(axis=0) - where.min(axis=0), 1)
        u = (where - where.min(axis=0)) / span

        def basis(uv):
            return np.column_stack(
                [np.ones(len(uv)), uv[:, 0], uv[:, 1], uv[:, 0] ** 2, uv[:, 0] * uv[:, 1], uv[:, 1] ** 2]
            )

        keep = good.copy()
        for _ in range(2):  # fit, drop rows far from the fit, fit again
            coef, *_ = np.linalg.lstsq(basis(u[keep]), moves[keep], rcond=None)
            predicted = basis(u) @ coef
            keep = good & (np.hypot(*(moves - predicted).T) <= 1.5 * loc.scale)
            if keep.sum() < 8:
                break
    if np.abs(predicted).max(initial=0) > DRIFT * loc.scale:
        # farther than that, a row could be matched to its neighbour's outlines: refuse rather than guess
        raise Misplaced(message("scan-misplaced"))
    shifts: dict[tuple, tuple[float, float]] = {}
    for j, (key, members) in enumerate(rows.items()):
        move = moves[j]
        if np.hypot(*(move - predicted[j])) > 1.5 * loc.scale:  # disagrees: search again near the field's value
            r = bubbles[members[0]].r * loc.scale
            dx, dy, _ = _match(darkness, mapped[members] + predicted[j], r, 1.5 * loc.scale)
            move = predicted[j] + [dx, dy]
        mapped[members] += move
        shifts[key] = (float(move[0]), float(move[1]))
    return mapped, shifts


def _match(darkness: np.ndarray, pts: np.ndarray, r: float, search: float) -> tuple[float, float, float]:
    """(dx, dy, outline darkness) of the best placement of a row's printed outlines within `search` pixels."""
    s = max(2, int(round(search)))
    x0, y0 = np.floor(pts.min(axis=0) - r - 2 - s).astype(int)
    x1, y1 = np.ceil(pts.max(axis=0) + r + 2 + s).astype(int)
    if x0 < 0 or y0 < 0 or x1 >= darkness.shape[1] or y1 >= darkness.shape[0]:
        return 0.0, 0.0, 0.0
    roi = darkness[y0 : y1 + 1, x0 : x1 + 1]
    template = np.zeros((roi.shape[0] - 2 * s, roi.shape[1] - 2 * s), np.float32)
    for x, y in pts - [x0 + s, y0 + s]:
        cv2.circle(template, (int(round(x)), int(round(y))), int(round(r)), 1.0, max(1, int(round(0.2 * r))))
    score = cv2.matchTemplate(roi, template, cv2.TM_CCORR)
    _, best, _, (bx, by) = cv2.minMaxLoc(score)
    return float(bx - s), float(by - s), float(best / max(template.sum(), 1))


def measure(gray: np.ndarray, loc: Located, bubbles: list[BubbleSpec], at: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(mean darkness, ink cover) of each bubble's inner disc, around the centres `at` (image pixels)."""
    if not bubbles:
        return np.zeros(0), np.zeros(0)
    rp = INNER * bubbles[0].r * loc.scale
    R = int(np.ceil(rp))
    dy, dx = np.mgrid[-R : R + 1, -R : R + 1]
    inside = dx**2 + dy**2 <= rp * rp
    dx, dy = dx[inside], dy[inside]
    cx = np.clip(np.rint(at[:, 0]).astype(int)[:, None] + dx[None, :], 0, gray.shape[1] - 1)
    cy = np.clip(np.rint(at[:, 1]).astype(int)[:, None] + dy[None, :], 0, gray.shape[0] - 1)
    dark = np.clip((loc.paper - gray[cy, cx].astype(np.float32)) / (loc.paper - loc.ink), 0, 1)
    return dark.mean(axis=1), (dark >= INK).mean(axis=1)


def strays(gray: np.ndarray, loc: Located, bubbles: list[BubbleSpec], page_h: float, shifts: dict) -> dict[tuple, int]:
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
    moved = np.array([shifts.get(key, (0, 0)) for key in owner]).reshape(-1, 2)
    px = np.rint(_points(loc.homography, np.concatenate(samples)) + moved).astype(int)
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
            unsure = [i for i in unsure if covers[i] >= ERASED]
        marks = "+".join(bubbles[i].value for i in filled)
        seen = marks + ("?" if unsure else "")
        if stray.get((question, index), 0) >= STRAY_MIN:
            out.append(Read(question, index, None, seen, message("scan-stray")))
        elif unsure:
            faint = ", ".join(bubbles[i].value for i in unsure)
            out.append(Read(question, index, None, seen, message("scan-faint", marks=faint)))
        elif not filled and bubbles[members[0]].field == "points":
            out.append(Read(question, index, None, seen, message("scan-no-points")))
        elif len(filled) > 1:
            several = message("scan-several", len(filled), marks=", ".join(marks.split("+")))
            out.append(Read(question, index, None, seen, several))
        else:
            out.append(Read(question, index, marks, seen))
    return out


def student_number(reads: list[Read], digits: int) -> Read:
    """The number bubbled in the student-number grid (leading and trailing blank columns allowed)."""
    cols = {r.index: r for r in reads if r.question == 0}
    values = [cols[d].value if d in cols else "" for d in range(1, digits + 1)]
    seen = "".join(v if v else ("?" if v is None else "_") for v in values)
    if any(v is None for v in values):
        return Read(0, 0, None, seen, message("scan-number-unclear"))
    text = "".join(v if v else " " for v in values).strip()
    if not text:
        return Read(0, 0, None, seen, message("scan-number-none"))
    if " " in text:
        return Read(0, 0, None, seen, message("scan-number-gap"))
    return Read(0, 0, text, seen)
