"""translit: Belarusian and Russian names across scripts and romanization systems.

Only the public names live here; each is re-exported from the module that does the work.
"""

__version__ = "0.1.0"

from .candidates import candidates  # noqa: E402
from .detect import identify  # noqa: E402
from .errors import (  # noqa: E402
    DirectionError,
    OptionError,
    TableError,
    TranslitError,
    UncoveredCharacterError,
    UnknownSchemeError,
)
from .prep import prepare  # noqa: E402
from .schemes import SchemeInfo, convert, export_icu, register_scheme, schemes, unregister_scheme  # noqa: E402


def resolve(name: str, type: str | None = None):
    """The shipped gazetteer's best ``Match`` for ``name`` (any script or romanization), or None
    when nothing matches or two ids match about equally well. See ``translit.names``."""
    from .names import resolve as resolve_name  # imported on first use: keeps `import translit` fast

    return resolve_name(name, type)


__all__ = [
    "DirectionError",
    "OptionError",
    "SchemeInfo",
    "TableError",
    "TranslitError",
    "UncoveredCharacterError",
    "UnknownSchemeError",
    "__version__",
    "candidates",
    "convert",
    "identify",
    "export_icu",
    "prepare",
    "register_scheme",
    "resolve",
    "schemes",
    "unregister_scheme",
]
