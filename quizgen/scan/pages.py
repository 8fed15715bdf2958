"""Scanner output as grey page images: multi-page PDFs rendered with PDFium, PNG/JPEG/TIFF decoded with
Pillow; every page brought to about 200 dpi, and nothing too large to be a sheet decoded at all."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..bank.load import display_path
from ..errors import Location, QuizgenError

DPI = 200
MAX_PIXELS = 80_000_000  # a letter page at 1,000 dpi; larger is not a scan of a sheet
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff"}


@dataclass(frozen=True)
class PageRef:
    file: str  # as shown in reports
    path: str
    page: int  # 1-based


def list_pages(paths: list[Path]) -> list[PageRef]:
    """Every page of every scan, in the order given; a file that cannot be opened stops with its name."""
    out: list[PageRef] = []
    seen: set[Path] = set()
    for p in paths:
        display = display_path(p)
        if p.resolve() in seen:
            raise QuizgenError("given twice; name each scan file once", Location(display))
        seen.add(p.resolve())
        suffix = p.suffix.lower()
        if suffix == ".pdf":
            count = _pdf_pages(p, display)
        elif suffix in IMAGE_SUFFIXES:
            count = _image_frames(p, display)
        else:
            raise QuizgenError("not a scan quizgen reads; give PDF, PNG, JPEG or TIFF files", Location(display))
        out += [PageRef(display, str(p), i + 1) for i in range(count)]
    return out


def _pdf_pages(p: Path, display: str) -> int:
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(str(p))
    except pdfium.PdfiumError as e:
        raise QuizgenError(f"not a readable PDF ({e}); scan it again", Location(display)) from None
    try:
        return len(doc)
    finally:
        doc.close()


def _image_frames(p: Path, display: str) -> int:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(p) as im:
            if im.width * im.height > MAX_PIXELS:
                raise QuizgenError(f"{im.width}×{im.height} pixels is too large for a scanned page", Location(display))
            return getattr(im, "n_frames", 1)
    except (UnidentifiedImageError, OSError) as e:
        raise QuizgenError(f"not a readable image ({e}); scan it again", Location(display)) from None


_OPEN: dict[str, object] = {}  # PDFs kept open by this process while it reads their pages


def load_page(ref: PageRef) -> np.ndarray:
    """The page as a 2-D uint8 grey image at about DPI (never upscaled); raises ValueError when unreadable."""
    if ref.path.lower().endswith(".pdf"):
        import pypdfium2 as pdfium

        doc = _OPEN.get(ref.path)
        if doc is None:
            _OPEN.clear()
            doc = _OPEN[ref.path] = pdfium.PdfDocument(ref.path)
        try:
            page = doc[ref.page - 1]
            w, h = page.get_size()
            scale = DPI / 72
            if w * h * scale * scale > MAX_PIXELS or w <= 0 or h <= 0:
                raise ValueError("the PDF page is too large to be a scanned sheet")
            bitmap = page.render(scale=scale, grayscale=True)
            gray = np.array(bitmap.to_numpy(), copy=True)
        except pdfium.PdfiumError as e:
            raise ValueError(f"PDFium cannot render the page: {e}") from None
        return gray[..., 0] if gray.ndim == 3 else gray
    from PIL import Image

    with Image.open(ref.path) as im:
        if im.width * im.height > MAX_PIXELS:
            raise ValueError("the image is too large to be a scanned sheet")
        im.seek(ref.page - 1)
        gray = np.asarray(im.convert("L"))
    return _to_dpi(gray)


def _to_dpi(gray: np.ndarray) -> np.ndarray:
    """Downscale a high-resolution scan to about DPI (an 11.7 in long side), which is all the reader needs."""
    import cv2

    long_side = max(gray.shape)
    target = int(11.7 * DPI)
    if long_side <= target * 1.25:
        return gray
    f = target / long_side
    return cv2.resize(gray, (round(gray.shape[1] * f), round(gray.shape[0] * f)), interpolation=cv2.INTER_AREA)
