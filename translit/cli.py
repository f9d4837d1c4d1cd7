"""The ``translit`` command: turns files, flags and streams into library calls.

Every command streams line by line (``zcat big.gz | translit convert -s be-lacinka | head`` starts
printing at once), writes ``-o`` files through a temporary file that is renamed only on success,
and turns any :class:`~translit.errors.TranslitError` or undecodable input into one line on
stderr and exit status 2.
"""

from __future__ import annotations

import codecs
import contextlib
import io
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, TextIO

import click

from . import __version__
from .candidates import candidates as find_candidates
from .detect import identify
from .errors import TranslitError
from .output_file import replaced_atomically
from .schemes import convert as convert_text
from .schemes import converter, export_icu, parse_scheme_spec, register_scheme, schemes
from .tables import tables_dir


class InputError(click.ClickException):
    """Bad input (undecodable bytes, unknown scheme): one line on stderr, exit status 2."""

    exit_code = 2

    def show(self, file=None) -> None:
        click.echo(f"translit: error: {self.format_message()}", err=True, file=file)


@contextlib.contextmanager
def _output(path: str | None) -> Iterator[TextIO]:
    """UTF-8 stdout, or ``path`` replaced only when all went well (see ``translit.output_file``)."""
    if path is None or path == "-":
        stdout = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="",
                                  line_buffering=sys.stdout.isatty())
        try:
            yield stdout
        finally:
            stdout.flush()
            stdout.detach()  # leave sys.stdout open
        return
    try:
        with replaced_atomically(path) as handle:
            yield handle
    except TranslitError as error:  # cannot write the output
        raise InputError(str(error)) from None


def _lines(stream: BinaryIO, name: str, encoding: str) -> Iterator[tuple[int, str]]:
    """Decode ``stream`` line by line; an undecodable byte names the line and the byte offset."""
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    offset = 0
    number = 0
    for number, raw in enumerate(stream, 1):
        try:
            text = decoder.decode(raw)
        except UnicodeDecodeError as error:
            raise InputError(
                f"{name}: line {number}, byte offset {offset + error.start}: cannot decode "
                f"{raw[error.start:error.start + 1]!r} as {encoding}"
            ) from None
        offset += len(raw)
        yield number, text
    try:
        tail = decoder.decode(b"", final=True)
    except UnicodeDecodeError as error:
        pending = len(error.object) - error.start
        raise InputError(
            f"{name}: line {max(number, 1)}, byte offset {offset - pending}: the input ends inside a "
            f"{encoding} character"
        ) from None
    if tail:
        yield number + 1, tail


def _streams(inputs: tuple[BinaryIO, ...]) -> Iterator[tuple[str, BinaryIO]]:
    """(name, binary stream) of each input file, or of stdin when there is none; files are closed
    after their turn."""
    stdin = sys.stdin.buffer
    for stream in inputs or (stdin,):
        name = getattr(stream, "name", "-")
        yield ("<stdin>" if name in ("-", "<stdin>") else name), stream
        if stream is not stdin:
            stream.close()


def _check_encoding(encoding: str) -> str:
    """The codec's name, if it is one that turns bytes into text (not base64, zlib, rot13)."""
    try:
        codec = codecs.lookup(encoding)
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None
    if not getattr(codec, "_is_text_encoding", True):
        raise InputError(f"{encoding!r} is not a text encoding")
    return codec.name


def _register_scheme_files(ctx: click.Context, param: click.Parameter, paths: tuple[str, ...]) -> None:
    """``--scheme-file FILE``: register each table before the command runs; a bad one exits 2."""
    for path in paths:
        try:
            register_scheme(Path(path))
        except TranslitError as error:
            raise InputError(str(error)) from None


def _scheme_file_option() -> click.Option:
    return click.Option(
        ["--scheme-file"], multiple=True, metavar="FILE", expose_value=False, callback=_register_scheme_files,
        type=click.Path(dir_okay=False), help="A scheme table of your own (docs/extending.md), usable as "
        "any shipped scheme. Repeatable.",
    )


class _Group(click.Group):
    """The ``translit`` group: every command also takes ``--scheme-file`` (as the group itself does)."""

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        cmd.params.append(_scheme_file_option())
        super().add_command(cmd, name)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="translit")
def main() -> None:
    """Belarusian and Russian text across scripts and romanization systems."""


main.params.append(_scheme_file_option())


@main.command()
@click.option("-s", "--scheme", "scheme_spec", required=True, metavar="SCHEME",
              help="Scheme id or alias; options as suffixes: be-lacinka+softness.")
@click.option("--reverse", is_flag=True, help="Convert back: Latin to Cyrillic.")
@click.option("--best-guess", is_flag=True, help="With --reverse of a lossy scheme: the first of its candidates.")
@click.option("--softness", is_flag=True, default=None, help="be-lacinka: assimilative softness, written (снег → śnieh) or, with --reverse, dropped.")
@click.option("--option", "option_values", multiple=True, metavar="NAME=on|off",
              help="Set a scheme option, e.g. --option interpunct=off. Repeatable.")
@click.option("--errors", type=click.Choice(["preserve", "strict", "replace"]), default="preserve",
              show_default=True, help="Letters the scheme does not cover: keep, fail, or replace.")
@click.option("--replacement", default="?", show_default=True, help="Text written for each uncovered letter "
              "with --errors replace.")
@click.option("--encoding", default="utf-8", show_default=True, help="Encoding of the input files.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write here (atomically) instead of stdout.")
@click.option("--override", "override_values", multiple=True, metavar="WORD=OUTPUT",
              help="Write this whole word (or words) of the input as OUTPUT, over the letters: "
              "--override 'Інтэграл=Integral'. Repeatable.")
@click.argument("inputs", nargs=-1, type=click.File("rb", lazy=True))
def convert(
    scheme_spec, reverse, best_guess, softness, option_values, errors, replacement, encoding, output,
    override_values, inputs
) -> None:
    """Convert FILEs (or stdin, or -) line by line with SCHEME."""
    encoding = _check_encoding(encoding)
    overrides: dict[str, str] = {}
    for value in override_values:
        word, sep, written = value.partition("=")
        if not sep:
            raise InputError(f"--override {value!r}: write WORD=OUTPUT")
        overrides[word] = written
    options: dict[str, bool] = {}
    if softness is not None:
        options["softness"] = softness
    for value in option_values:
        name, sep, state = value.partition("=")
        if not sep:
            raise InputError(f"--option {value!r}: write NAME=on or NAME=off")
        scheme_spec += f"+{name}={state}"
    try:
        if best_guess and reverse and parse_scheme_spec(scheme_spec)[0].reverse is None:
            def line_converter(line: str, errors: str, replacement: str) -> str:
                return convert_text(line, scheme_spec, reverse=True, best_guess=True, overrides=overrides)
        else:
            line_converter = converter(scheme_spec, reverse=reverse, **options)
            if overrides:
                with_overrides = line_converter

                def line_converter(line: str, errors: str, replacement: str) -> str:
                    return with_overrides(line, errors, replacement, overrides)
        if overrides:
            line_converter("", "preserve", "?")  # a bad --override fails before any output
    except TranslitError as error:
        raise InputError(str(error)) from None
    with _output(output) as out:
        for name, stream in _streams(inputs):
            for number, line in _lines(stream, name, encoding):
                try:
                    out.write(line_converter(line, errors, replacement))
                except TranslitError as error:
                    raise InputError(f"{name}: line {number}: {error}") from None


@main.command("candidates")
@click.option("-s", "--scheme", "scheme_spec", required=True, metavar="SCHEME", help="The scheme that wrote TEXT.")
@click.option("-n", "--limit", default=10, show_default=True, type=click.IntRange(1, 100), help="At most this many.")
@click.argument("texts", nargs=-1, metavar="[TEXT]...")
def candidates_command(scheme_spec: str, limit: int, texts: tuple[str, ...]) -> None:
    """Possible Cyrillic spellings of each romanized TEXT (or stdin line), best first, tab-separated."""
    lines = texts or (line.rstrip("\r\n") for line in sys.stdin)
    try:
        for text in lines:
            click.echo("\t".join([text, *find_candidates(text, scheme_spec, limit=limit)]))
    except TranslitError as error:
        raise InputError(str(error)) from None


@main.command("identify")
@click.option("-n", "--limit", default=3, show_default=True, type=click.IntRange(1, 100), help="Guesses shown.")
@click.argument("texts", nargs=-1, metavar="[TEXT]...")
def identify_command(limit: int, texts: tuple[str, ...]) -> None:
    """Which language (Cyrillic) or scheme (Latin) each TEXT (or stdin line) is, best first, tab-separated."""
    lines = texts or (line.rstrip("\r\n") for line in sys.stdin)
    for text in lines:
        guesses = identify(text)[:limit]
        click.echo("\t".join([text, *(f"{name} {score:.2f}" for name, score in guesses)]))


@main.command("schemes")
def list_schemes() -> None:
    """List the shipped schemes and those of --scheme-file: id, directions, reversibility, name."""
    rows = [("ID", "DIRECTIONS", "REVERSIBLE", "OPTIONS", "NAME")]
    for info in schemes():
        directions = f"{info.source_script}→{info.target_script}" + (
            f", {info.target_script}→{info.source_script}" if info.has_reverse else ""
        )
        rows.append((info.id, directions, "yes" if info.reversible else "no", ",".join(info.options) or "-",
                     info.name + (f" (user scheme: {info.path})" if info.user else "")))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    for row in rows:
        click.echo("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False)) + "  " + row[-1])


@main.command("export-icu")
@click.argument("scheme_spec", metavar="SCHEME")
@click.option("--reverse", is_flag=True, help="The Latin → Cyrillic direction.")
def export_icu_command(scheme_spec: str, reverse: bool) -> None:
    """Print SCHEME's compiled ICU transform rules (for uconv -x, ICU4C, ICU4J)."""
    try:
        click.echo(export_icu(scheme_spec, reverse=reverse), nl=False)
    except TranslitError as error:
        raise InputError(str(error)) from None


def _names_index(names_file: str | None, names_only: bool = False):
    """The shipped gazetteer, merged with the user's ``--names FILE`` (theirs win; each conflict is
    reported on stderr), or that file alone with ``--names-only``."""
    from .names import Index

    if names_only and not names_file:
        raise InputError("--names-only needs --names FILE")
    if not names_file:
        return Index.default()
    try:
        user = Index.from_file(names_file)
    except OSError as error:
        raise InputError(f"{names_file}: {error.strerror or error}") from None
    except (TranslitError, UnicodeDecodeError) as error:
        raise InputError(str(error)) from None
    if names_only:
        return user
    merged = Index.default().merged(user)
    for conflict in merged.conflicts:
        click.echo(f"translit: note: {names_file}: {conflict}", err=True)
    return merged


def _names_options(command):
    """``--names FILE`` and ``--names-only``, for every command that resolves names."""
    command = click.option("--names-only", is_flag=True,
                           help="Resolve to the --names list alone, without the shipped gazetteer.")(command)
    return click.option("--names", "names_file", type=click.Path(exists=True, dir_okay=False), default=None,
                        help="Your own names (TOML gazetteer, CSV/TSV with id,name[,type] columns, or JSONL), "
                        "merged with the shipped gazetteer: yours win, conflicts are reported.")(command)


def _arguments_or_stdin(texts: tuple[str, ...]) -> Iterator[str]:
    """The arguments, or stdin's lines (``-`` or no argument)."""
    if texts and texts != ("-",):
        yield from texts
        return
    for _, line in _lines(sys.stdin.buffer, "<stdin>", "utf-8"):
        yield line.rstrip("\r\n")


@main.command("resolve")
@_names_options
@click.option("-t", "--type", "entity_type", default=None, help="Only ids of this type (person, org, place).")
@click.option("-n", "--limit", default=5, show_default=True, type=click.IntRange(1, 100), help="At most this many.")
@click.option("--format", "output_format", type=click.Choice(["jsonl", "tsv"]), default="jsonl", show_default=True,
              help="One JSON object per name, or tab-separated: name, id, score, ambiguous.")
@click.argument("names", nargs=-1, metavar="[NAME]...")
def resolve_command(names_file: str | None, names_only: bool, entity_type: str | None, limit: int, output_format: str,
                    names: tuple[str, ...]) -> None:
    """Canonical ids for each NAME (or stdin line), best first; nothing found is an empty list."""
    import json

    from .records import resolution_record

    index = _names_index(names_file, names_only)
    with _output(None) as out:
        for name in _arguments_or_stdin(names):
            found = index.resolve(name, type=entity_type, limit=limit)
            if output_format == "tsv":
                best = found[0] if found else None
                cells = [name, best.id, f"{best.score:.4f}", "ambiguous" if best.ambiguous else ""] if best else [name]
                out.write("\t".join(cells).rstrip("\t") + "\n")
                continue
            out.write(json.dumps(resolution_record(name, found), ensure_ascii=False) + "\n")


@main.command("normalize")
@click.option("--mode", type=click.Choice(["annotate", "replace"]), default="annotate", show_default=True,
              help="annotate: write each name as surface[[id]]; replace: write it in the --display style.")
@click.option("--display", type=click.Choice(["be-lacinka", "be", "ru", "en"]), default="be-lacinka",
              show_default=True, help="With --mode replace: the style names are written in.")
@click.option("--to", "to_scheme", default=None, metavar="SCHEME",
              help="Also convert the text between names with this scheme (Cyrillic → Latin).")
@_names_options
@click.option("--format", "output_format", type=click.Choice(["text", "jsonl"]), default="text", show_default=True,
              help="text: the rewritten text; jsonl: one object per line with its mentions.")
@click.option("--encoding", default="utf-8", show_default=True, help="Encoding of the input files.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write here (atomically) instead of stdout.")
@click.argument("inputs", nargs=-1, type=click.File("rb", lazy=True))
def normalize_command(mode: str, display: str, to_scheme: str | None, names_file: str | None, names_only: bool,
                      output_format: str, encoding: str, output: str | None, inputs: tuple[BinaryIO, ...]) -> None:
    """Find every person, organization and place in running text and tie it to its canonical id.

    Reads FILEs or stdin line by line; names are found in any script or scheme and in their case
    forms (Лукашэнку, Mahilova). Text that is not a name is written byte for byte unless --to is given.
    """
    import json

    from .records import mention_record
    from .text import MentionFinder, display_form, rewrite

    encoding = _check_encoding(encoding)
    index = _names_index(names_file, names_only)
    finder = MentionFinder(index)
    try:
        to_latin = converter(to_scheme) if to_scheme else None
    except TranslitError as error:
        raise InputError(str(error)) from None

    def written(mention) -> str:
        if mode == "annotate":
            return f"{mention.surface}[[{mention.id}]]"
        return display_form(mention.id, display, index) or mention.surface

    def between(piece: str) -> str:
        return to_latin(piece, "preserve", "?") if to_latin and piece else piece

    with _output(output) as out:
        for name, stream in _streams(inputs):
            named_in_full: dict[str, str] = {}  # one document's memory of who was named in full
            for number, line in _lines(stream, name, encoding):
                mentions = finder.find(line, named_in_full)
                if output_format == "jsonl":
                    body = line.rstrip("\r\n")
                    record = {"line": number, "text": body,
                              "mentions": [mention_record(m) for m in mentions if m.end <= len(body)]}
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
                else:
                    out.write(rewrite(line, mentions, written, between))


@main.command("clean")
@click.argument("source", metavar="INPUT", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write here (atomically) instead of stdout; needed for Parquet.")
@click.option("-c", "--column", "columns", multiple=True, required=True, metavar="NAME",
              help="A column of names to resolve. Repeatable.")
@click.option("-t", "--type", "entity_type", default=None, help="Only ids of this type (person, org, place).")
@_names_options
@click.option("--format", "input_format", type=click.Choice(["csv", "tsv", "jsonl", "parquet"]), default=None,
              help="Format of INPUT (and the output); by default from the file name.")
@click.option("--display", type=click.Choice(["be", "ru", "be-lacinka", "en"]), default="be", show_default=True,
              help="Style of the _canonical column.")
@click.option("--strict", is_flag=True, help="Stop at the first row that cannot be read (exit 2) instead of "
              "keeping it with status invalid.")
@click.option("-q", "--quiet", is_flag=True, help="No progress line and no summary.")
def clean_command(source: str, output: str | None, columns: tuple[str, ...], entity_type: str | None,
                  names_file: str | None, names_only: bool, input_format: str | None, display: str, strict: bool,
                  quiet: bool) -> None:
    """Add NAME_id, NAME_canonical, NAME_score, NAME_scheme and NAME_status columns for each --column NAME.

    CSV, TSV, JSON Lines and Parquet; every row is kept, in order. Rows that cannot be read are
    kept with status invalid and a warning naming their line (--strict stops instead). Prints a
    progress line on a terminal and a summary at the end.
    """
    from .clean import clean_file, progress_printer

    index = _names_index(names_file, names_only) if names_file or names_only else None
    show_progress = not quiet and sys.stderr.isatty()
    try:
        summary = clean_file(
            source, output, list(columns), input_format=input_format, index=index, type=entity_type,
            display=display, strict=strict, stdout=sys.stdout.buffer,
            warn=lambda message: click.echo(f"translit: warning: {message}", err=True),
            progress=progress_printer(sys.stderr) if show_progress else (lambda rows, fraction: None),
        )
    except TranslitError as error:
        raise InputError(str(error)) from None
    if not quiet:
        click.echo(f"translit: {summary.line()}", err=True)


@main.command("key")
@click.argument("names", nargs=-1, metavar="[NAME]...")
def key_command(names: tuple[str, ...]) -> None:
    """The cross-script key of each NAME (or stdin line): name, tab, key."""
    from .names import key

    for name in _arguments_or_stdin(names):
        click.echo(f"{name}\t{key(name)}")


@main.command("match")
@click.argument("first", metavar="A")
@click.argument("second", metavar="B")
def match_command(first: str, second: str) -> None:
    """How likely names A and B are one name, 0..1 (0.80 and up: a match by default)."""
    from .names import match

    click.echo(f"{match(first, second):.4f}")


@main.command("variants")
@click.argument("name_or_id", metavar="NAME|ID")
def variants_command(name_or_id: str) -> None:
    """Spellings of NAME through every scheme, or every form of a gazetteer ID (place:minsk)."""
    from .names import variants

    for spelling in variants(name_or_id):
        click.echo(spelling)


@main.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Listen on this address (0.0.0.0: every "
              "interface).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Listen on this port.")
@click.option("--log-level", type=click.Choice(["critical", "error", "warning", "info", "debug"]), default="info",
              show_default=True, help="uvicorn's logging; info logs each request.")
@_names_options
def serve_command(host: str, port: int, log_level: str, names_file: str | None, names_only: bool) -> None:
    """Serve the JSON API (POST /convert, /resolve, /normalize…) and the web page at / (docs/serve.md).

    Needs the serve extra: pip install 'translit-toolkit[serve]'. Stop it with Ctrl-C.
    """
    try:
        import starlette  # noqa: F401 - only to tell a missing extra apart from other errors
        import uvicorn  # noqa: F401
    except ImportError:
        raise InputError("translit serve needs the serve extra: pip install 'translit-toolkit[serve]'") from None
    from .serve import run

    index = _names_index(names_file, names_only) if names_file or names_only else None
    try:
        run(host, port, log_level=log_level, index=index)
    except OSError as error:  # the address is taken, or not this machine's
        raise InputError(str(error)) from None


@main.command()
def demo() -> None:
    """Run the built-in example: its names through every scheme, forward and back."""
    with (tables_dir() / "demo.toml").open("rb") as handle:
        example = tomllib.load(handle)
    click.echo("Example text:")
    click.echo(example["text"].strip())
    for info in schemes():
        if info.source_script != "Cyrl":
            continue
        click.echo(f"\n{info.id}: {info.name}")
        back_label = "back (exact)" if info.reversible else "back (best of candidates(): the scheme is lossy)"
        rows = [("Cyrillic", info.id, back_label)]
        for name in example["names"]:
            latin = convert_text(name, info.id)
            if info.reversible:
                back = convert_text(latin, info.id, reverse=True)
            else:
                back = next(iter(find_candidates(latin, info.id, limit=1)), "(none)")
            rows.append((name, latin, back))
        widths = [max(len(row[i]) for row in rows) for i in range(2)]
        for row in rows:
            click.echo(f"  {row[0].ljust(widths[0])}  {row[1].ljust(widths[1])}  {row[2]}".rstrip())
    _demo_names(example["names"])
    _demo_normalize(example["english"])


def _demo_normalize(english: str) -> None:
    """The example's English version through ``translit normalize``, both modes."""
    from .text import display_form, find_mentions, rewrite

    mentions = find_mentions(english)
    click.echo("\ntranslit normalize (annotate) on the English version:")
    click.echo(rewrite(english, mentions, lambda m: f"{m.surface}[[{m.id}]]").strip())
    click.echo("\ntranslit normalize --mode replace --display en:")
    click.echo(rewrite(english, mentions, lambda m: display_form(m.id, "en") or m.surface).strip())


def _demo_names(names: list[str]) -> None:
    """The example's names in other scripts and schemes, each resolved to its canonical id."""
    from .names import Index, lookup

    index = Index.default()
    click.echo("\nNames → canonical ids (translit resolve), from other scripts and schemes:")
    for name in names:
        match = index.resolve(name, limit=1)
        entity = lookup(match[0].id) if match else None
        forms = [convert_text(name, "be-bgn-pcgn-1979"), convert_text(name, "be-passport")]
        if entity is not None:
            forms += [entity.display.get("ru", ""), entity.display.get("en", "")]
        for form in dict.fromkeys(f for f in forms if f and f != name):
            found = index.resolve(form, limit=1)
            click.echo(f"  {form:<28} → {found[0].id if found else '(no match)'}")


if __name__ == "__main__":
    main()
