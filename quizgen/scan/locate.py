"""Finding a sheet on a page image: the four corner squares, the orientation (any multiple of 90°) from
where the QR code is, and the homography from page points to image pixels (rotation, scale, shift and
perspective in one)."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from urllib.parse import unquote

import cv2
import numpy as np

from ..i18n import message
from .sheetfile import SheetSpec

QR_PREFIX = "QZS1"
QR_PX_PER_PT = 3.0  # the QR region is resampled at about 212 dpi before decoding


@dataclass(frozen=True)
class Located:
    homography: np.ndarray  # page points (x right, y DOWN from the top edge) -> image pixels
    scale: float  # image pixels per page point
    paper: float  # grey level of blank paper on this page
    ink: float  # grey level of the corner squares (full ink)
    payload: str  # the QR code's text ("" when it could not be read)


class NotASheet(Exception):
    """The page has no readable answer sheet; the message says what is wrong."""


def to_top_down(points, page_h: float) -> np.ndarray:
    pts = np.asarray(points, dtype=np.float64).reshape(-1, 2)
    return np.column_stack([pts[:, 0], page_h - pts[:, 1]])


def locate(gray: np.ndarray, spec: SheetSpec, detector: cv2.QRCodeDetector) -> Located:
    page_w, page_h = spec.page_size
    ih, iw = gray.shape
    s0 = max(ih, iw) / max(page_w, page_h)  # pixels per point if the page fills the image
    f = max(1, int(s0 * 72 / 60))  # look for the corner squares at about 60 dpi
    small = cv2.resize(gray, (iw // f, ih // f), interpolation=cv2.INTER_AREA) if f > 1 else gray
    sample = small[:: max(1, small.shape[0] // 200), :: max(1, small.shape[1] // 200)]
    paper, dark = float(np.percentile(sample, 90)), float(np.percentile(small, 0.5))
    if paper - dark < 40:
        raise NotASheet(message("scan-no-contrast"))
    mask = (small < (paper + dark) / 2).astype(np.uint8)
    n, _, stats, centroids = cv2.connectedComponentsWithStats(mask, connectivity=8)
    w, h, area = stats[1:, 2], stats[1:, 3], stats[1:, 4]
    # solid, roughly square blobs of any size a corner mark could have; which four are the corner marks is
    # decided by where they are and by their size against their spacing (scale is not known in advance)
    ok = (w <= 1.6 * h) & (h <= 1.6 * w) & (area >= 0.6 * w * h) & (area >= (0.002 * max(small.shape)) ** 2)
    picked = _corners(centroids[1:][ok], np.sqrt(area[ok]), small.shape, spec)
    side = picked[0][2] * f
    found = np.array(
        [_refine(gray, p * f + (f - 1) / 2, side) if real else p * f + (f - 1) / 2 for p, real, _ in picked]
    )
    ink = _ink_level(gray, found[[real for _, real, _ in picked]], side * 0.3)
    if paper - ink < 40:
        raise NotASheet(message("scan-faint-corners"))
    page_fid = to_top_down(spec.fiducials, page_h)  # page TL, TR, BR, BL
    top = np.hypot(*(found[1] - found[0]))
    left = np.hypot(*(found[3] - found[0]))
    portrait_page = page_h >= page_w
    upright_first = (left >= top) == portrait_page
    order = (0, 2, 1, 3) if upright_first else (1, 3, 0, 2)
    for k in order:
        # rotated k quarter turns clockwise: image corner i shows page corner (i - k) mod 4
        dst = np.array([page_fid[(i - k) % 4] for i in range(4)], dtype=np.float32)
        hom = cv2.getPerspectiveTransform(dst, found.astype(np.float32))
        payload = _read_qr(gray, hom, spec, detector)
        if payload.startswith(QR_PREFIX + "|"):
            scale = float(
                np.mean(
                    [
                        np.hypot(*(found[a] - found[b])) / np.hypot(*(dst[a] - dst[b]))
                        for a, b in ((0, 1), (1, 2), (2, 3), (3, 0))
                    ]
                )
            )
            return Located(hom, scale, paper, ink, payload)
    foreign = _read_anywhere(gray, detector)  # another exam's sheet keeps its code elsewhere: say whose it is
    parsed = parse_payload(foreign) if foreign else None
    if parsed is not None and parsed[0] != spec.exam_hash:
        return Located(hom, 1.0, paper, ink, foreign)  # never read further: its exam is not this one
    raise NotASheet(message("scan-no-code"))


def _read_anywhere(gray: np.ndarray, detector: cv2.QRCodeDetector) -> str:
    """The QR text found anywhere on the page (at most 1,600 pixels on the long side), or ''."""
    scale = min(1.0, 1600 / max(gray.shape))
    small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else gray
    try:
        text, _, _ = detector.detectAndDecode(small)
    except cv2.error:
        text = ""
    return text or ""


def _corners(cand: np.ndarray, sizes: np.ndarray, shape: tuple, spec: SheetSpec) -> list[tuple]:
    """(centre, found, side) of the corner squares clockwise from top-left: among the blobs nearest each image
    corner, the four that form the sheet's rectangle with sizes that fit their spacing; one square lost (cut
    off, stapled over) is completed from the other three."""
    corners = np.array([[0, 0], [shape[1], 0], [shape[1], shape[0]], [0, shape[0]]], dtype=float)
    reach = 0.35 * np.hypot(*shape)
    options = []
    for c in corners:
        d = np.hypot(*(cand - c).T) if len(cand) else np.zeros(0)
        options.append([int(i) for i in np.argsort(d)[:3] if d[i] <= reach] + [None])
    fw = np.hypot(*np.subtract(spec.fiducials[1], spec.fiducials[0]))
    fh = np.hypot(*np.subtract(spec.fiducials[3], spec.fiducials[0]))
    best, best_score = None, (0, 0.0)
    for combo in itertools.product(*options):
        lost = [i for i, c in enumerate(combo) if c is None]
        if len(lost) > 1:
            continue
        points = [cand[c] if c is not None else None for c in combo]
        if lost:
            k = lost[0]
            points[k] = points[(k + 1) % 4] + points[(k + 3) % 4] - points[(k + 2) % 4]
        sides = [np.hypot(*(points[(i + 1) % 4] - points[i])) for i in range(4)]
        if min(sides) <= 0 or abs(sides[0] - sides[2]) > 0.15 * sides[0] or abs(sides[1] - sides[3]) > 0.15 * sides[1]:
            continue  # (slight perspective makes opposite sides differ a little)
        ratio = (sides[1] + sides[3]) / (sides[0] + sides[2])
        if not any(abs(ratio - want) <= 0.12 * want for want in (fh / fw, fw / fh)):
            continue
        side = (sides[0] + sides[1]) / (fw + fh) * spec.fiducial_side
        if any(c is not None and not 0.7 * side <= sizes[c] <= 1.35 * side for c in combo):
            continue
        score = (4 - len(lost), sides[0] * sides[1])  # all four found beats three and a guess
        if score > best_score:
            best, best_score = [(p, c is not None, side) for p, c in zip(points, combo)], score
    if best is None:
        raise NotASheet(message("scan-no-corners"))
    return best


def _refine(gray: np.ndarray, centre: np.ndarray, side: float) -> np.ndarray:
    """The centroid of the dark square near `centre`, at full resolution."""
    r = int(side * 0.9) + 2
    x0, y0 = max(0, int(centre[0]) - r), max(0, int(centre[1]) - r)
    win = gray[y0 : int(centre[1]) + r + 1, x0 : int(centre[0]) + r + 1].astype(np.float32)
    if win.size == 0:
        return centre
    mid = (float(win.max()) + float(win.min())) / 2
    ys, xs = np.nonzero(win < mid)
    if len(xs) == 0:
        return centre
    return np.array([xs.mean() + x0, ys.mean() + y0])


def _ink_level(gray: np.ndarray, centres: np.ndarray, half: float) -> float:
    values = []
    for x, y in centres:
        h = max(1, int(half))
        values.append(np.median(gray[max(0, int(y) - h) : int(y) + h + 1, max(0, int(x) - h) : int(x) + h + 1]))
    return float(np.median(values))


def _read_qr(gray: np.ndarray, hom: np.ndarray, spec: SheetSpec, detector: cv2.QRCodeDetector) -> str:
    x, y, side = spec.qr
    top = spec.page_size[1] - y - side  # top edge of the QR box, measured down from the page top
    n = int(side * QR_PX_PER_PT)
    k = QR_PX_PER_PT
    # a wider margin of paper around the code when the first crop does not read (OpenCV's detector missed some
    # codes with 8 %, a clean render of a sheet among them, and read them with 25 %)
    for pad in (int(n * 0.08), int(n * 0.25)):
        # crop pixel (u, v) -> page point (x + (u - pad) / k, top + (v - pad) / k) -> image pixel
        crop_to_page = np.array([[1 / k, 0, x - pad / k], [0, 1 / k, top - pad / k], [0, 0, 1]])
        crop = cv2.warpPerspective(
            gray,
            hom @ crop_to_page,
            (n + 2 * pad, n + 2 * pad),
            flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP,
            borderValue=255,
        )
        for img in (crop, cv2.threshold(crop, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)[1]):
            try:
                text, _, _ = detector.detectAndDecode(img)
            except cv2.error:
                text = ""
            if text:
                return text
    return ""


def parse_payload(payload: str) -> tuple[str, str, int, str] | None:
    """(exam hash, variant, page, student id or '') from a sheet's QR text, or None when malformed."""
    parts = payload.split("|")
    if len(parts) != 5 or parts[0] != QR_PREFIX or not parts[3].isdigit() or len(parts[3]) > 3:
        return None
    return parts[1], unquote(parts[2]), int(parts[3]), unquote(parts[4])
