"""Write a file atomically: a temporary file beside the target, renamed over it at the end.

Not stable API. Shared by the CLI's ``-o`` output and the store's exports, so a run that stops
half-way leaves the target as it was.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def atomic_path(target: Path, suffix: str = ".tmp", mode: int | None = None) -> Iterator[Path]:
    """Yield the path to write ``target``'s new content to; it replaces ``target`` on success.

    A device or pipe (/dev/null, a FIFO) is yielded itself and written in place: renaming a
    file over it would replace the device itself.

    Args:
        target: the file to (re)write.
        suffix: the temporary file's suffix.
        mode: permission bits for the new file (``mkstemp`` makes it private, 0600).

    Raises:
        OSError: the temporary file cannot be made, written or renamed.
    """
    if target.exists() and not target.is_file():
        yield target
        return
    folder = target.parent if str(target.parent) else Path(".")
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix, dir=folder)
    os.close(fd)
    temp = Path(name)
    try:
        yield temp
        if mode is not None:
            os.chmod(temp, mode)
        os.replace(temp, target)
    finally:
        temp.unlink(missing_ok=True)
