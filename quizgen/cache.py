"""The user cache: what quizgen derives from a bank (its TF-IDF matrix) kept between runs, so a large bank's
second build skips the work. Entries are named by a SHA-256 of their inputs and of FORMAT, so a changed bank
or a new quizgen never meets an old entry; they are numpy .npz files read with allow_pickle=False and
checked (structure and a SHA-256 of their arrays) before use — a damaged entry is ignored and rebuilt.

Folder: $QUIZGEN_CACHE_DIR, else $XDG_CACHE_HOME/quizgen, else ~/.cache/quizgen; created 0700, files 0600.
Off with `quizgen --no-cache …` or QUIZGEN_NO_CACHE=1 (nothing is then read or written). At most
QUIZGEN_CACHE_MB megabytes (default 1024): the least recently used entries go first. Writes go to a
temporary file in the folder and are renamed into place, so concurrent runs never see half an entry."""

from __future__ import annotations

import hashlib
import os
import stat
import tempfile
from pathlib import Path

FORMAT = "quizgen-cache-1"  # change when what an entry holds (or how it is computed) changes
DEFAULT_MB = 1024
_disabled = False  # set by the --no-cache option


def use(on: bool) -> None:
    """Turn the cache on or off for this process (the command line's --no-cache)."""
    global _disabled
    _disabled = not on


def enabled() -> bool:
    return not _disabled and os.environ.get("QUIZGEN_NO_CACHE", "").strip() in ("", "0")


def folder() -> Path:
    if os.environ.get("QUIZGEN_CACHE_DIR"):
        return Path(os.environ["QUIZGEN_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or ""
    return (Path(base) if os.path.isabs(base) else Path.home() / ".cache") / "quizgen"


def limit_bytes() -> int:
    try:
        return max(0, int(float(os.environ.get("QUIZGEN_CACHE_MB", DEFAULT_MB)) * 1024 * 1024))
    except ValueError:
        return DEFAULT_MB * 1024 * 1024


def key(kind: str, parts: list[str]) -> str:
    """The name of an entry: its kind, then a SHA-256 of FORMAT and every input (length-prefixed)."""
    h = hashlib.sha256(FORMAT.encode())
    for part in parts:
        data = part.encode("utf-8", "surrogatepass")
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return f"{kind}-{h.hexdigest()}"


def _own_folder(create: bool) -> Path | None:
    """The cache folder when it is a real directory of ours that only we can use (made so when `create`)."""
    path = folder()
    if create:
        try:
            path.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError:
            return None
    try:
        st = os.lstat(path)
    except OSError:
        return None
    if not stat.S_ISDIR(st.st_mode) or st.st_uid != os.getuid() or st.st_mode & 0o077:
        return None  # a link, someone else's, or open to others: not used
    return path


def _digest(arrays: dict) -> bytes:
    h = hashlib.sha256()
    for name in sorted(arrays):
        a = arrays[name]
        h.update(f"{name}:{a.dtype.str}:{a.shape}".encode())
        h.update(a.tobytes())
    return h.digest()


def load(name: str) -> dict | None:
    """The arrays of entry `name`, or None when caching is off or the entry is missing or damaged."""
    if not enabled() or (path := _own_folder(create=False)) is None:
        return None
    import numpy as np

    file = path / f"{name}.npz"
    try:
        fd = os.open(file, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return None
    try:
        with os.fdopen(fd, "rb") as f:
            st = os.fstat(f.fileno())
            if not stat.S_ISREG(st.st_mode) or st.st_uid != os.getuid():
                return None
            with np.load(f, allow_pickle=False) as npz:
                arrays = {n: npz[n] for n in npz.files}
        digest = arrays.pop("sha256")
        if digest.tobytes() != _digest(arrays):
            raise ValueError("checksum")
    except Exception:  # noqa: BLE001  any damage (truncated zip, bad header, wrong sum): rebuild it
        _remove(file)
        return None
    try:
        os.utime(file)  # recently used: evicted last
    except OSError:
        pass
    return arrays


def store(name: str, arrays: dict) -> None:
    """Write entry `name` atomically (best effort: a full disk or read-only folder only skips the cache)."""
    if not enabled() or (path := _own_folder(create=True)) is None:
        return
    import numpy as np

    data = dict(arrays, sha256=np.frombuffer(_digest(arrays), dtype=np.uint8))
    try:
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".npz", dir=path)  # 0600
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as f:
            np.savez(f, **data)
        os.replace(tmp, path / f"{name}.npz")
    except OSError:
        _remove(Path(tmp))
        return
    _evict(path, limit_bytes())


def _evict(path: Path, limit: int) -> None:
    entries = []
    for p in path.glob("*.npz"):
        try:
            st = p.lstat()
        except OSError:
            continue
        entries.append((st.st_mtime, p.name, st.st_size, p))
    total = sum(e[2] for e in entries)
    for _, _, size, p in sorted(entries):  # oldest use first
        if total <= limit:
            break
        _remove(p)
        total -= size


def _remove(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
