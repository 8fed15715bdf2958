"""Files in a folder someone else may have prepared: temporary names nobody can predict (made with O_EXCL
inside a private folder), quizgen's own markers read without following links, modes from the umask, and
one lock per output folder so two builds never interleave."""

from __future__ import annotations

import fcntl
import hashlib
import os
import re
import shutil
import stat
import tempfile
from pathlib import Path

from .errors import QuizgenError

PRIVATE_PREFIX = ".quizgen-tmp-"  # mkdtemp() folders inside an output folder; only quizgen makes them
_PRIVATE = re.compile(r"^\.quizgen-tmp-[A-Za-z0-9_]{8}$")
LOCK = ".quizgen-lock"


def umask_mode(base: int = 0o666) -> int:
    """The mode a new file gets from open(): `base` less the process umask."""
    mask = os.umask(0)
    os.umask(mask)
    return base & ~mask


def write_atomic(path: Path, data: bytes, workdir: Path | None = None) -> None:
    """Write to a new temporary file (mkstemp: O_EXCL, unpredictable name) in `workdir` (default: beside
    `path`), then rename over `path`: readers never see a partial file, and a link planted at the final
    name is replaced, never followed."""
    fd, tmp = tempfile.mkstemp(dir=workdir or path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, umask_mode())
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.lexists(tmp):
            os.unlink(tmp)
        raise


def read_own_file(path: Path, limit: int) -> bytes | None:
    """A file quizgen wrote itself (a marker, an earlier exam.json): None unless it is a regular file
    (not a link, device or FIFO) of at most `limit` bytes."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as f:
        st = os.fstat(f.fileno())
        if not stat.S_ISREG(st.st_mode) or st.st_size > limit:
            return None
        return f.read(limit + 1)[:limit]


def sha256_file(path: Path) -> str | None:
    """SHA-256 of a regular file (links not followed); None when there is none."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as f:
        if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
            return None
        h = hashlib.sha256()
        while chunk := f.read(1 << 20):
            h.update(chunk)
        return h.hexdigest()


def private_dir(parent: Path) -> Path:
    """A fresh folder only this process knows (mode 0700) inside `parent`, for temporary files and tools."""
    return Path(tempfile.mkdtemp(prefix=PRIVATE_PREFIX, dir=parent))


def remove_private_dirs(parent: Path) -> None:
    """Private folders a killed build left behind (called under the folder lock, so none is in use)."""
    for entry in os.scandir(parent):
        if _PRIVATE.match(entry.name) and entry.is_dir(follow_symlinks=False):
            shutil.rmtree(entry.path)


class FolderLock:
    """An exclusive flock on `folder/.quizgen-lock` (released when the process ends, however it ends)."""

    def __init__(self, folder: Path, display: str):
        try:
            self.fd = os.open(folder / LOCK, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, umask_mode())
        except OSError as e:
            raise QuizgenError(f"cannot lock {display}/{LOCK}: {e.strerror}; remove that file") from None
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(self.fd)
            raise QuizgenError(
                f"another quizgen build is writing to {display}; wait for it to finish or choose another --out"
            ) from None

    def release(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1
