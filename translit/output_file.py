"""Output files written whole or not at all, for ``-o`` of every command and ``clean_file``.

The output goes to a temporary file beside the target and is renamed over it only when the
writer finished; on any error (or Ctrl-C) the temporary file is removed and an existing target
is left untouched. The finished file gets the permissions a plain ``open(path, "w")`` would give:
those of the file it replaces, else 0666 less the process's umask (a temporary file starts 0600).
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from typing import IO

from .errors import TranslitError


@contextlib.contextmanager
def replaced_atomically(path: str, *, binary: bool = False) -> Iterator[IO]:
    """A writable handle whose content replaces ``path`` when the block ends without an error."""
    directory = os.path.dirname(os.path.abspath(path))
    try:
        handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below on every path
            "wb" if binary else "w", encoding=None if binary else "utf-8", newline=None if binary else "",
            dir=directory, prefix=".translit-", suffix=".tmp", delete=False)
    except OSError as error:
        raise TranslitError(f"cannot write {path}: {error.strerror or error}") from None
    try:
        yield handle
        handle.close()
        os.chmod(handle.name, _mode_for(path))
        os.replace(handle.name, path)
    except BaseException:
        handle.close()
        with contextlib.suppress(FileNotFoundError):
            os.unlink(handle.name)
        raise


def _mode_for(path: str) -> int:
    """The permission bits ``open(path, "w")`` would leave: the existing file's, else 0666 & ~umask."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return 0o666 & ~_umask()


def _umask() -> int:
    """The process's umask, read without changing it where Linux shows it (other threads may be
    creating files); elsewhere set and restored at once."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except OSError:
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
