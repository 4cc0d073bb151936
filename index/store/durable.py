"""Writes that survive a crash or a power cut: fsync of files and directories, atomic replace.

Used by the index store (the manifest swap that commits a build) and by the bot's state file:
a crash at any moment leaves either the old file or the new one, whole.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def fsync_file(path: Path) -> None:
    """Flush ``path``'s contents to the disk."""
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def fsync_dir(path: Path) -> None:
    """Flush ``path``'s directory entries (new names, renames) to the disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a crash leaves either the old file or the new one, whole.

    The temporary file is ``.NAME.*.tmp`` in the same directory (``os.replace`` cannot cross
    file systems); it is removed if the write fails.
    """
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    fsync_dir(path.parent)  # the rename itself survives a power cut
