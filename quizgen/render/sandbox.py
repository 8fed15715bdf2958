"""Running what a template author wrote: the Jinja template is rendered in a forked child with CPU-time and
memory limits (on top of Jinja's SandboxedEnvironment), and TeX runs inside bubblewrap where only its job
folder and the TeX installation (read-only) are visible — pdfTeX's `\\pdfobj … file {…}` reads any file
the process can see, and no TeX setting stops it."""

from __future__ import annotations

import json
import os
import resource
import select
import shutil
import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

from ..errors import QuizgenError

RENDER_SECONDS = 60  # CPU seconds for rendering a template
RENDER_MEMORY = 2 << 30  # bytes a template may allocate beyond what quizgen already holds
_READ_ONLY = ("/usr", "/etc/texmf", "/var/lib/texmf", "/etc/alternatives", "/etc/ld.so.cache")
_sandbox_works: bool | None = None


def run_limited(render: Callable[[], str], seconds: int | None = None, memory: int | None = None) -> str:
    """render() in a forked child limited to `seconds` of CPU and `memory` more bytes (default: the module's
    limits); its QuizgenError messages come back as QuizgenErrors, and running out of a limit is one too."""
    seconds, memory = seconds or RENDER_SECONDS, memory or RENDER_MEMORY
    if not hasattr(os, "fork"):
        return render()
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        status = 0
        try:
            os.close(read_end)
            resource.setrlimit(resource.RLIMIT_AS, (_address_space() + memory,) * 2)
            resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 1))
            try:
                result = {"ok": render()}
            except QuizgenError as e:
                result = {"error": str(e)}
            except MemoryError:
                result = {"error": f"the template needs more than {memory >> 20} MB to render; simplify it"}
            except RecursionError:
                result = {"error": "the template recurses too deeply; simplify it"}
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(json.dumps(result).encode("utf-8"))
        except BaseException:
            status = 1
        finally:
            os._exit(status)
    os.close(write_end)
    chunks, deadline, timed_out = [], time.monotonic() + 2 * seconds + 5, False
    with os.fdopen(read_end, "rb") as pipe:
        while True:
            remaining = deadline - time.monotonic()
            ready = select.select([pipe], [], [], remaining)[0] if remaining > 0 else []
            if not ready:
                timed_out = True
                break
            chunk = os.read(pipe.fileno(), 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
    if timed_out:
        os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    try:
        result = json.loads(b"".join(chunks))
    except ValueError:
        raise QuizgenError(
            f"the template did not finish rendering within {seconds} s of CPU and {memory >> 20} MB; it may loop"
        ) from None
    if "error" in result:
        raise QuizgenError(result["error"])
    return result["ok"]


def _address_space() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


def sandbox_command(folder: Path) -> list[str]:
    """The bubblewrap prefix that runs a command seeing only `folder` (read-write) and the system's
    programs and TeX installation (read-only): no home, no /etc/passwd, no network."""
    args = ["bwrap", "--unshare-all", "--die-with-parent", "--new-session", "--dev", "/dev", "--tmpfs", "/tmp"]
    for top in ("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"):
        if os.path.islink(top):
            args += ["--symlink", os.readlink(top), top]
        elif os.path.isdir(top):
            args += ["--ro-bind", top, top]
    for path in _READ_ONLY:
        args += ["--ro-bind-try", path, path]
    folder = str(folder.resolve())
    return [*args, "--bind", folder, folder, "--chdir", folder, "--setenv", "HOME", folder, "--"]


def sandbox_available(folder: Path) -> bool:
    """Whether bubblewrap runs here (it needs user namespaces, or root); probed once, in `folder`."""
    global _sandbox_works
    if _sandbox_works is None:
        _sandbox_works = False
        if shutil.which("bwrap"):
            try:
                run = subprocess.run(
                    [*sandbox_command(folder), "sh", "-c", "test ! -e /etc/passwd"],
                    capture_output=True,
                    timeout=20,
                    stdin=subprocess.DEVNULL,
                )
                _sandbox_works = run.returncode == 0
            except (OSError, subprocess.TimeoutExpired):
                pass
    return _sandbox_works
