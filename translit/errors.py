"""The one exception family of translit: every error a user can cause is a ``TranslitError``."""

from __future__ import annotations


class TranslitError(Exception):
    """Base class of every error translit raises on purpose."""


class UnknownSchemeError(TranslitError, KeyError):
    """A scheme id or alias that no table defines; ``suggestions`` holds the nearest ids."""

    def __init__(self, scheme_id: str, suggestions: list[str]):
        self.scheme_id = scheme_id
        self.suggestions = suggestions
        hint = f"; did you mean {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"unknown scheme {scheme_id!r}{hint}")

    def __str__(self) -> str:  # KeyError would quote the message
        return self.args[0]


class TableError(TranslitError):
    """A scheme table that cannot be loaded: the message names the file and the key."""

    def __init__(self, path: str, key: str, problem: str):
        self.path = path
        self.key = key
        self.problem = problem
        super().__init__(f"{path}: {key}: {problem}")


class DirectionError(TranslitError):
    """A direction the scheme does not offer (e.g. reverse of a forward-only scheme)."""


class UncoveredCharacterError(TranslitError, ValueError):
    """``errors="strict"``: a character of the source script that the scheme does not cover."""

    def __init__(self, character: str, offset: int, scheme_id: str):
        self.character = character
        self.offset = offset
        self.scheme_id = scheme_id
        super().__init__(
            f"character {character!r} (U+{ord(character):04X}) at offset {offset} "
            f"is not covered by scheme {scheme_id!r}"
        )


class OptionError(TranslitError, ValueError):
    """An option the scheme does not define, or a bad ``errors=`` policy."""
