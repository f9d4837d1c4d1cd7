"""Generate the reference pages ``docs/cli.md`` and ``docs/api.md`` from the code itself.

The code is the single source of truth, so the pages are made from it, never edited by hand:

1. :func:`render_cli` walks the click group ``translit.cli.main``: every command in the order it is
   defined, its help text and usage line, its options (flags, type or choices, default, help) and its
   arguments.
2. :func:`render_api` walks the public names of :data:`MODULES` (``translit``, ``translit.names``,
   ``translit.text``, ``translit.clean``, ``translit.spark``): every function and class with its
   signature (:func:`inspect.signature`) and docstring (:func:`inspect.getdoc`), and the public methods
   of each class. Defaults that would print a memory address (functions, lambdas) are shown by name.
3. :func:`pages` collects both; ``python -m translit.reference_docs`` (:func:`main`) writes them into
   ``docs/`` of the source checkout this module lives in, rewriting only files that changed;
   ``--check`` writes nothing and exits 1 when a file is stale. ``tests/test_docs.py`` fails when the
   files on disk differ from :func:`pages`.

The Markdown helpers (:func:`~translit.scheme_docs.escape`, :func:`~translit.scheme_docs.code`,
:func:`~translit.scheme_docs.table`) are the scheme pages' own. ``translit.spark`` is imported only
when the API page is made (it needs no pyspark to import, but keeps it out of ``import translit``).
"""

from __future__ import annotations

import argparse
import enum
import importlib
import inspect
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from .scheme_docs import code, escape, table

GENERATED = "<!-- Generated from {source} by `python -m translit.reference_docs`; edit the code, not this file. -->"
REGENERATE = "run `python -m translit.reference_docs` to regenerate docs/cli.md and docs/api.md"
PROG = "translit"
WIDE = 88  # a signature longer than this is written one parameter a line
_ROLE = re.compile(r":(?:class|func|meth|mod|data|attr|exc|obj):`~?")

# module -> its documented names: None means the module's ``__all__``
MODULES: tuple[tuple[str, tuple[str, ...] | None], ...] = (
    ("translit", None),
    ("translit.names", None),
    ("translit.text", ("find_mentions", "Mention", "MentionFinder", "display_form", "rewrite")),
    ("translit.clean", None),
    ("translit.spark", ("resolve_udf",)),
)


# ---------------------------------------------------------------------------------------------
# CLI: docs/cli.md


def _command_help(text: str | None) -> list[str]:
    """A click help text as Markdown paragraphs (click's ``\\b`` no-rewrap markers dropped)."""
    if not text:
        return []
    text = inspect.cleandoc(text)
    paragraphs = [" ".join(line for line in block.splitlines() if line.strip() != "\b")
                  for block in text.split("\n\n")]
    lines: list[str] = []
    for paragraph in paragraphs:
        if paragraph.strip():
            lines += [escape(paragraph), ""]
    return lines


def _type_text(param: Any, ctx: Any) -> str:
    """What a parameter takes: ``flag``, the choices, a range, a file, or its metavar."""
    import click

    kind = param.type
    if getattr(param, "is_flag", False) and not getattr(param, "count", False):
        return "flag"
    if isinstance(kind, click.Choice):
        return " | ".join(code(str(choice)) for choice in kind.choices)
    if isinstance(kind, click.IntRange | click.FloatRange):
        number = "integer" if isinstance(kind, click.IntRange) else "number"
        low = "" if kind.min is None else f"{kind.min}"
        high = "" if kind.max is None else f"{kind.max}"
        return f"{number} {low}..{high}".rstrip(".") if (low or high) else number
    if isinstance(kind, click.File):
        return "file (`-`: standard input)" if "r" in kind.mode else "file (`-`: standard output)"
    if isinstance(kind, click.Path):
        words = ["existing" if kind.exists else "", "file" if not kind.dir_okay else
                 "directory" if not kind.file_okay else "path"]
        return " ".join(word for word in words if word)
    if param.param_type_name == "option" and param.metavar:
        return code(param.metavar)
    return {"text": "text", "integer": "integer", "float": "number", "boolean": "on/off"}.get(kind.name, kind.name)


def _default_text(param: Any) -> str:
    info = param.to_info_dict()
    default = info.get("default")
    if info.get("required"):
        return "required"
    if getattr(param, "is_flag", False):
        return "off" if default is False else "on" if default is True else "—"
    if default is None or default == () or callable(default):
        return "—"
    if isinstance(default, list | tuple):
        return " ".join(code(str(value)) for value in default)
    return code(str(default))


def _option_cell(param: Any) -> str:
    opts = ", ".join(code(opt) for opt in param.opts)
    if param.secondary_opts:
        opts += " / " + ", ".join(code(opt) for opt in param.secondary_opts)
    return opts + (" (repeatable)" if param.multiple else "")


def _argument_cell(param: Any, ctx: Any) -> str:
    shown = param.metavar or param.name.upper()
    if param.nargs == -1 and not shown.endswith("..."):
        shown += "..."
    return code(shown)


def _argument_text(param: Any) -> str:
    words = ["required" if param.required else "optional"]
    if param.nargs == -1:
        words.append("any number")
    elif param.nargs > 1:
        words.append(f"{param.nargs} values")
    return ", ".join(words)


def _usage(command: Any, ctx: Any, path: str) -> str:
    return " ".join([path, *command.collect_usage_pieces(ctx)])


def _command_section(command: Any, ctx: Any, path: str, level: str, help: bool = True) -> list[str]:
    lines = [f"{level} `{path}`", "", "```", _usage(command, ctx, path), "```", ""]
    lines += _command_help(command.help) if help else []
    params = [param for param in command.get_params(ctx) if not getattr(param, "hidden", False)]
    arguments = [param for param in params if param.param_type_name == "argument"]
    options = [param for param in params if param.param_type_name == "option"]
    if arguments:
        rows = ((_argument_cell(param, ctx), _type_text(param, ctx), _argument_text(param)) for param in arguments)
        lines += ["Arguments:", "", *table(("argument", "takes", "count"), rows), ""]
    if options:
        rows = ((_option_cell(param), _type_text(param, ctx), _default_text(param), escape(param.help or ""))
                for param in options)
        lines += ["Options:", "", *table(("option", "takes", "default", "meaning"), rows), ""]
    return lines


def _subcommands(group: Any) -> list[tuple[str, Any]]:
    """The group's commands in the order they are defined (``translit --help`` sorts them instead)."""
    return [(name, command) for name, command in group.commands.items() if not command.hidden]


def render_cli(group: Any | None = None) -> str:
    """The Markdown page of the ``translit`` command: the group, then each command."""
    import click

    if group is None:
        from .cli import main as group
    ctx = click.Context(group, info_name=PROG, **group.context_settings)
    commands = _subcommands(group)
    lines = [
        GENERATED.format(source="translit/cli.py"),
        "",
        f"# The `{PROG}` command",
        "",
        *_command_help(group.help),
        "A command that takes text reads its arguments or, given none, standard input, and writes standard "
        "output; bad input gives one line on standard error and exit status 2. Examples: "
        "[quickstart](quickstart.md), [README](../README.md#command-line). The same functions in Python: "
        "[api.md](api.md).",
        "",
        *_command_section(group, ctx, PROG, "##", help=False)[2:],  # the group's usage and options
        "Commands: " + ", ".join(f"[`{name}`](#{PROG}-{name})" for name, _ in commands) + ".",
        "",
    ]
    for name, command in commands:
        sub = click.Context(command, info_name=name, parent=ctx)
        lines += _command_section(command, sub, f"{PROG} {name}", "##")
    return "\n".join(lines).rstrip("\n") + "\n"


# ---------------------------------------------------------------------------------------------
# API: docs/api.md


class _Shown:
    """A value whose repr is the given text: how a signature shows a default or an annotation."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text


def _annotation(annotation: Any) -> Any:
    if annotation is inspect.Parameter.empty:
        return annotation
    if isinstance(annotation, str):  # ``from __future__ import annotations``: shown as written
        return _Shown(annotation)
    return _Shown(inspect.formatannotation(annotation))


def _default(value: Any) -> Any:
    """A default as written in code; never a memory address (``<function <lambda> at 0x…>``)."""
    if value is inspect.Parameter.empty:
        return value
    if inspect.isfunction(value) or inspect.isbuiltin(value) or inspect.ismethod(value):
        return _Shown("lambda ..." if value.__name__ == "<lambda>" else value.__qualname__)
    if isinstance(value, type):
        return _Shown(value.__qualname__)
    if isinstance(value, enum.Enum):
        return _Shown(f"{type(value).__name__}.{value.name}")
    text = repr(value)
    return _Shown(f"<{type(value).__name__}>") if " at 0x" in text else value


def _clean_signature(signature: inspect.Signature, drop_first: bool = False) -> inspect.Signature:
    params = list(signature.parameters.values())[1 if drop_first else 0:]
    return signature.replace(
        parameters=[param.replace(annotation=_annotation(param.annotation), default=_default(param.default))
                    for param in params],
        return_annotation=_annotation(signature.return_annotation),
    )


def _signature_text(name: str, signature: inspect.Signature, prefix: str = "") -> str:
    """``prefix name(params) -> return``, one parameter a line when it is long."""
    text = f"{prefix}{name}{signature}"
    if len(text) <= WIDE:
        return text
    parts = []
    seen_keyword_only = False
    params = list(signature.parameters.values())
    for i, param in enumerate(params):
        if param.kind is param.KEYWORD_ONLY and not seen_keyword_only:
            seen_keyword_only = True
            if not any(p.kind is p.VAR_POSITIONAL for p in params):
                parts.append("*")
        parts.append(str(param))
        if param.kind is param.POSITIONAL_ONLY and (i + 1 == len(params) or params[i + 1].kind is not
                                                    param.POSITIONAL_ONLY):
            parts.append("/")
    tail = ")"
    if signature.return_annotation is not inspect.Signature.empty:
        tail += f" -> {inspect.formatannotation(signature.return_annotation)}"
    return f"{prefix}{name}(\n" + "".join(f"    {part},\n" for part in parts) + tail


def _signature(obj: Any, drop_first: bool = False) -> inspect.Signature | None:
    try:
        return _clean_signature(inspect.signature(obj), drop_first)
    except (TypeError, ValueError):  # builtins and exceptions without their own __init__
        return None


def _docstring(obj: Any, missing: str = "*(no docstring)*") -> list[str]:
    """The docstring as Markdown: Sphinx roles (``:class:`X```) become plain code spans."""
    doc = inspect.getdoc(obj)
    if not doc:
        return [missing, ""] if missing else []
    return [_ROLE.sub("`", doc), ""]


def _python_block(text: str) -> list[str]:
    return ["```python", text, "```", ""]


def _bases(cls: type) -> str:
    bases = [base for base in cls.__bases__ if base is not object]
    return f"({', '.join(base.__name__ for base in bases)})" if bases else ""


def _methods(cls: type) -> list[tuple[str, Any, str]]:
    """(name, attribute, kind) of the public methods and properties a class defines itself, by name."""
    found = []
    for name, attribute in sorted(vars(cls).items()):
        if name.startswith("_"):
            continue
        if isinstance(attribute, classmethod):
            found.append((name, attribute, "classmethod"))
        elif isinstance(attribute, staticmethod):
            found.append((name, attribute, "staticmethod"))
        elif isinstance(attribute, property):
            found.append((name, attribute, "property"))
        elif inspect.isfunction(attribute):
            found.append((name, attribute, "method"))
    return found


def _method_section(cls: type, name: str, attribute: Any, kind: str, anchor: str) -> list[str]:
    qualified = f"{anchor}.{name}"
    lines = [f"#### `{qualified}`", ""]
    if kind == "property":
        lines += _python_block(f"{cls.__name__}.{name}  # property")
        return lines + _docstring(attribute, missing="")
    function = attribute.__func__ if kind in ("classmethod", "staticmethod") else attribute
    signature = _signature(function, drop_first=kind != "staticmethod")
    prefix = f"@{kind}\n" if kind != "method" else ""
    if signature is not None:
        lines += _python_block(prefix + _signature_text(f"{cls.__name__}.{name}", signature))
    return lines + _docstring(function, missing="")


def _is_error(obj: Any) -> bool:
    return isinstance(obj, type) and issubclass(obj, BaseException)


def _order(item: tuple[str, Any]) -> tuple[int, str]:
    """Functions, then classes, then exceptions, then constants; by name within each."""
    name, obj = item
    if inspect.isclass(obj):
        rank = 2 if _is_error(obj) else 1
    elif callable(obj):
        rank = 0
    else:
        rank = 3
    return rank, name.lower()


def _entry(module: str, name: str, obj: Any) -> list[str]:
    anchor = f"{module}.{name}"
    lines = [f"### `{anchor}`", ""]
    if inspect.isclass(obj):
        signature = None if _is_error(obj) and "__init__" not in vars(obj) else _signature(obj)
        if signature is None:
            head = f"class {name}{_bases(obj)}"
        else:
            signature = signature.replace(return_annotation=inspect.Signature.empty)
            if _bases(obj):  # the class line, then how it is called
                head = f"class {name}{_bases(obj)}\n" + _signature_text(name, signature)
            else:
                head = _signature_text(name, signature, prefix="class ")
        lines += _python_block(head)
        lines += _docstring(obj)
        for method_name, attribute, kind in _methods(obj):
            lines += _method_section(obj, method_name, attribute, kind, anchor)
        return lines
    if callable(obj):
        signature = _signature(obj)
        if signature is not None:
            lines += _python_block(_signature_text(name, signature, prefix="def "))
        return lines + _docstring(obj)
    return lines + _python_block(f"{name} = {obj!r}")


def public_names(module_name: str, names: Iterable[str] | None = None) -> list[tuple[str, Any]]:
    """(name, object) of a module's documented names, in the order of the page."""
    module = importlib.import_module(module_name)
    chosen = list(names) if names is not None else list(getattr(module, "__all__", ()))
    return sorted(((name, getattr(module, name)) for name in chosen), key=_order)


def _module_summary(module_name: str) -> list[str]:
    """The first paragraph of the module's docstring."""
    doc = inspect.getdoc(importlib.import_module(module_name)) or ""
    first = doc.split("\n\n")[0].strip()
    return [" ".join(first.split()), ""] if first else []


def render_api(modules: Iterable[tuple[str, tuple[str, ...] | None]] = MODULES) -> str:
    """The Markdown page of the public Python API."""
    modules = list(modules)
    lines = [
        GENERATED.format(source="the docstrings of " + ", ".join(f"`{name}`" for name, _ in modules)),
        "",
        "# Python API",
        "",
        "Every public function and class, with its signature and docstring. Worked examples: "
        "[README](../README.md#python), [quickstart](quickstart.md), [names](names.md), "
        "[normalize](normalize.md), [clean](clean.md), [spark](spark.md). The same operations on the "
        "command line: [cli.md](cli.md).",
        "",
        "Modules: " + ", ".join(f"[`{name}`](#{name.replace('.', '')})" for name, _ in modules) + ".",
        "",
    ]
    for module_name, names in modules:
        items = public_names(module_name, names)
        lines += [f"## `{module_name}`", "", *_module_summary(module_name)]
        lines += ["Contents: " + ", ".join(f"`{name}`" for name, _ in items) + ".", ""]
        for name, obj in items:
            lines += _entry(module_name, name, obj)
    return "\n".join(lines).rstrip("\n") + "\n"


# ---------------------------------------------------------------------------------------------
# Files


PAGES: dict[str, Callable[[], str]] = {"cli.md": render_cli, "api.md": render_api}


def pages() -> dict[str, str]:
    """File name (in ``docs/``) -> content of every generated reference page."""
    return {name: render() for name, render in PAGES.items()}


def stale(directory: Path | str) -> list[Path]:
    """The pages whose file in ``directory`` is missing or differs from :func:`pages`."""
    directory = Path(directory)
    return [directory / name for name, content in pages().items()
            if not (directory / name).is_file() or (directory / name).read_text(encoding="utf-8") != content]


def write_all(directory: Path | str) -> list[Path]:
    """Write every page into ``directory``; return the files that were created or rewritten."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    changed = []
    for name, content in pages().items():
        path = directory / name
        if not path.is_file() or path.read_text(encoding="utf-8") != content:
            path.write_text(content, encoding="utf-8")
            changed.append(path)
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m translit.reference_docs", description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 when a page is stale")
    args = parser.parse_args(argv)
    root = Path(__file__).resolve().parent.parent
    if not (root / "docs").is_dir():
        print(f"{root} is not a source checkout of translit (no docs/)", file=sys.stderr)
        return 1
    if args.check:
        outdated = stale(root / "docs")
        for path in outdated:
            print(f"stale: {path.relative_to(root)}", file=sys.stderr)
        if outdated:
            print(REGENERATE, file=sys.stderr)
            return 1
        print("docs/cli.md and docs/api.md are up to date")
        return 0
    changed = write_all(root / "docs")
    for path in changed:
        print(f"wrote {path.relative_to(root)}")
    if not changed:
        print("docs/cli.md and docs/api.md are up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
