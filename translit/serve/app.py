"""The HTTP API and web page of ``translit serve``: JSON in and out, on Starlette, run by uvicorn.

Why Starlette and not FastAPI: the API is eight small endpoints over a library that already checks
its own input and raises :class:`~translit.errors.TranslitError` with a clear message. FastAPI would
add pydantic (a compiled dependency, larger than the rest of the stack) to describe a dozen fields.
Starlette is the small, well-kept ASGI toolkit FastAPI itself is built on; the request fields are
described once here (:class:`Field`), and that one description both checks the requests and makes
the OpenAPI schema (``GET /openapi.json``), so the two cannot drift apart.

Guarantees, for any request:

- a body over :data:`MAX_BODY_BYTES` gets **413** with ``{"error": ...}`` (checked on
  ``Content-Length`` first, then while reading, so a chunked body cannot get past it);
- bad input gets **422** with ``{"error": ..., "field": ...}`` naming the field (``"names[3]"``,
  ``"options.softness"``, ``"body"`` for a body that is not a JSON object); the library's errors map to
  the field they are about (an unknown scheme to ``scheme``, a direction the scheme has not to
  ``reverse``, an uncovered letter with ``errors="strict"`` to ``text`` with its ``offset``);
- unknown paths give 404 and wrong methods 405, also as JSON; nothing a client sends gives a 500
  (``tests/test_serve.py`` posts generated bodies to every endpoint to hold this).

The names index and the mention finder are the library's own cached ones (``Index.default()``,
``translit.text.find_mentions``), built once at start-up (the lifespan) so the first request is as
fast as the others. The library is synchronous: each request's work runs in Starlette's thread pool
(``run_in_threadpool``), so a slow request does not hold up the event loop.
"""

from __future__ import annotations

import contextlib
import html
import json
import math
import socket
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from .. import __version__
from ..errors import (
    DirectionError,
    OptionError,
    TableError,
    TranslitError,
    UncoveredCharacterError,
    UnknownSchemeError,
)

if TYPE_CHECKING:
    from ..names import Index

STATIC = Path(__file__).resolve().parent / "static"

MAX_BODY_BYTES = 1_000_000  # a request body; more is 413
MAX_NAMES = 1000  # names in one POST /resolve
MAX_NAME_CHARS = 300  # characters of one name (no real name comes near; a long one costs fuzzy matching)
MAX_CANDIDATES_CHARS = 10_000  # text of POST /candidates (each word is searched among many spellings)
MAX_IDENTIFY_CHARS = 100_000  # text of POST /identify (only its first words decide a Latin scheme anyway)
MAX_LIMIT = 100  # "limit" of /candidates, /identify, /resolve
LIMITS = {
    "max_body_bytes": MAX_BODY_BYTES, "max_names": MAX_NAMES, "max_name_chars": MAX_NAME_CHARS,
    "max_candidates_chars": MAX_CANDIDATES_CHARS, "max_identify_chars": MAX_IDENTIFY_CHARS, "max_limit": MAX_LIMIT,
}
DISPLAY_STYLES = ("be-lacinka", "be", "ru", "en")
ERROR_POLICIES = ("preserve", "strict", "replace")
# Keyword arguments of translit.convert(): not usable as option names
_CONVERT_KEYWORDS = frozenset({"text", "scheme", "reverse", "errors", "replacement", "best_guess", "overrides"})


class BadInput(Exception):
    """A request the API refuses: HTTP ``status`` with ``{"error": message, "field": field, **extra}``."""

    def __init__(self, message: str, field: str | None, status: int = 422, **extra: Any) -> None:
        super().__init__(message)
        self.message, self.field, self.status, self.extra = message, field, status, extra


class JSON(JSONResponse):
    """JSON as translit's CLI writes it (``json.dumps`` spacing, UTF-8, not \\u-escaped), one line
    with a newline at the end, so ``curl`` prints it readably."""

    def render(self, content: Any) -> bytes:
        return (json.dumps(content, ensure_ascii=False, allow_nan=False) + "\n").encode("utf-8")


def _error(message: str, status: int, field: str | None = None, **extra: Any) -> JSON:
    body = {"error": message}
    if status == 422 or field is not None:
        body["field"] = field
    return JSON({**body, **extra}, status_code=status)


# ---------------------------------------------------------------------------------------------
# Request fields: one description checks the requests and makes the OpenAPI schema


@dataclass(frozen=True)
class Field:
    """One field of a JSON request body.

    ``kind``: ``string``, ``boolean``, ``integer``, ``strings`` (a list of strings) or ``flags`` (an
    object of booleans). ``max_length`` bounds a string's characters or a list's items,
    ``item_max_length`` each string of a list.
    """

    name: str
    kind: str
    description: str
    required: bool = False
    default: Any = None
    nullable: bool = False
    choices: tuple[str, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    max_length: int | None = None
    item_max_length: int | None = None

    def schema(self) -> dict[str, Any]:
        """This field as a JSON Schema (OpenAPI 3.1)."""
        types = {"string": "string", "boolean": "boolean", "integer": "integer", "strings": "array",
                 "flags": "object"}
        schema: dict[str, Any] = {"type": [types[self.kind], "null"] if self.nullable else types[self.kind],
                                  "description": self.description}
        if self.choices:
            schema["enum"] = list(self.choices)
        if self.minimum is not None:
            schema["minimum"] = self.minimum
        if self.maximum is not None:
            schema["maximum"] = self.maximum
        if self.kind == "string" and self.max_length is not None:
            schema["maxLength"] = self.max_length
        if self.kind == "strings":
            schema["items"] = {"type": "string"}
            if self.item_max_length is not None:
                schema["items"]["maxLength"] = self.item_max_length
            if self.max_length is not None:
                schema["maxItems"] = self.max_length
        if self.kind == "flags":
            schema["additionalProperties"] = {"type": "boolean"}
        if not self.required:
            schema["default"] = self.default
        return schema


def _check_text(value: str, field: str, max_length: int | None) -> str:
    if max_length is not None and len(value) > max_length:
        raise BadInput(f"{field}: {len(value)} characters, more than the limit of {max_length}", field,
                       limit=max_length)
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:  # a lone surrogate (JSON's "\ud800"): not text
        raise BadInput(f"{field}: not valid Unicode (a lone surrogate at offset {error.start})", field) from None
    return value


def _type_name(value: Any) -> str:
    return {dict: "an object", list: "an array", str: "a string", bool: "a boolean", int: "an integer",
            float: "a number", type(None): "null"}.get(type(value), type(value).__name__)


def _check_field(spec: Field, value: Any) -> Any:
    name = spec.name
    if value is None and spec.nullable:
        return None
    if spec.kind == "string":
        if not isinstance(value, str):
            raise BadInput(f"{name}: expected a string, got {_type_name(value)}", name)
        _check_text(value, name, spec.max_length)
        if spec.choices and value not in spec.choices:
            raise BadInput(f"{name}: {value!r} is not one of {', '.join(spec.choices)}", name)
        return value
    if spec.kind == "boolean":
        if not isinstance(value, bool):
            raise BadInput(f"{name}: expected true or false, got {_type_name(value)}", name)
        return value
    if spec.kind == "integer":
        if isinstance(value, bool) or not isinstance(value, int | float) or (
                isinstance(value, float) and not (math.isfinite(value) and value.is_integer())):
            raise BadInput(f"{name}: expected an integer, got {_type_name(value)}", name)
        value = int(value)
        if (spec.minimum is not None and value < spec.minimum) or (spec.maximum is not None and value > spec.maximum):
            raise BadInput(f"{name}: {value} is not in {spec.minimum}..{spec.maximum}", name)
        return value
    if spec.kind == "strings":
        if not isinstance(value, list):
            raise BadInput(f"{name}: expected an array of strings, got {_type_name(value)}", name)
        if spec.max_length is not None and len(value) > spec.max_length:
            raise BadInput(f"{name}: {len(value)} items, more than the limit of {spec.max_length}", name,
                           limit=spec.max_length)
        for i, item in enumerate(value):
            if not isinstance(item, str):
                raise BadInput(f"{name}[{i}]: expected a string, got {_type_name(item)}", f"{name}[{i}]")
            _check_text(item, f"{name}[{i}]", spec.item_max_length)
        return value
    if spec.kind == "flags":
        if not isinstance(value, dict):
            raise BadInput(f"{name}: expected an object of true/false values, got {_type_name(value)}", name)
        for key, flag in value.items():
            _check_text(key, f"{name}.{key}", 100)
            if not isinstance(flag, bool):
                raise BadInput(f"{name}.{key}: expected true or false, got {_type_name(flag)}", f"{name}.{key}")
        return value
    raise AssertionError(spec.kind)  # pragma: no cover - the specs below use only the kinds above


def check_body(body: Any, fields: tuple[Field, ...]) -> dict[str, Any]:
    """The request's values with defaults filled in; :class:`BadInput` naming the first bad field."""
    if not isinstance(body, dict):
        raise BadInput(f"the body must be a JSON object, got {_type_name(body)}", "body")
    known = {spec.name: spec for spec in fields}
    for name in body:
        if name not in known:
            raise BadInput(f"unknown field {name!r}; this endpoint takes {', '.join(known)}",
                           _check_text(name, "body", 100))
    values = {}
    for spec in fields:
        if spec.name in body:
            values[spec.name] = _check_field(spec, body[spec.name])
        elif spec.required:
            raise BadInput(f"{spec.name}: required", spec.name)
        else:
            values[spec.name] = spec.default
    return values


TEXT = "Text in any script."
SCHEME = "A scheme id or alias (GET /schemes); options may be suffixes: be-lacinka+softness."
CONVERT_FIELDS = (
    Field("text", "string", "The text to convert (Cyrillic, or Latin with reverse).", required=True),
    Field("scheme", "string", SCHEME, required=True, max_length=200),
    Field("reverse", "boolean", "Convert back: Latin to Cyrillic.", default=False),
    Field("options", "flags", "Scheme options, e.g. {\"softness\": true} (GET /schemes lists them).", default={}),
    Field("errors", "string", "Letters the scheme does not cover: keep them, fail (422 naming the offset), or "
          "write replacement.", default="preserve", choices=ERROR_POLICIES),
    Field("replacement", "string", "Written for each uncovered letter with errors=replace.", default="?",
          max_length=100),
    Field("best_guess", "boolean", "With reverse on a lossy scheme: the first of its candidates instead of a "
          "422.", default=False),
    Field("names", "boolean", "Also find the names in the text: mentions (with their place in the output) and "
          "entities.", default=False),
)
CANDIDATES_FIELDS = (
    Field("text", "string", "A romanization by scheme.", required=True, max_length=MAX_CANDIDATES_CHARS),
    Field("scheme", "string", "The scheme that wrote the text.", required=True, max_length=200),
    Field("limit", "integer", "At most this many.", default=10, minimum=1, maximum=MAX_LIMIT),
)
IDENTIFY_FIELDS = (
    Field("text", "string", TEXT, required=True, max_length=MAX_IDENTIFY_CHARS),
    Field("limit", "integer", "Guesses returned.", default=3, minimum=1, maximum=MAX_LIMIT),
    Field("quick", "boolean", "Judge Latin text by its letters only (much faster, rougher).", default=False),
)
RESOLVE_FIELDS = (
    Field("name", "string", "One name (give name or names).", max_length=MAX_NAME_CHARS),
    Field("names", "strings", f"Up to {MAX_NAMES} names (give name or names).", max_length=MAX_NAMES,
          item_max_length=MAX_NAME_CHARS),
    Field("type", "string", "Only ids of this type: person, org, place.", nullable=True, max_length=100),
    Field("limit", "integer", "Matches per name, at most.", default=5, minimum=1, maximum=MAX_LIMIT),
    Field("entities", "boolean", "Also return the gazetteer entity of each matched id.", default=False),
)
NORMALIZE_FIELDS = (
    Field("text", "string", "Running text.", required=True),
    Field("mode", "string", "annotate: write each name as surface[[id]]; replace: write it in the display "
          "style.", default="annotate", choices=("annotate", "replace")),
    Field("display", "string", "With mode=replace: the style names are written in.", default="be-lacinka",
          choices=DISPLAY_STYLES),
    Field("to", "string", "Also convert the text between names with this scheme (Cyrillic to Latin).",
          nullable=True, max_length=200),
    Field("entities", "boolean", "Also return the gazetteer entity of each id found.", default=False),
)


# ---------------------------------------------------------------------------------------------
# The work: plain synchronous functions of checked values, run in the thread pool


def _library_error(error: TranslitError, scheme_field: str = "scheme", text_field: str = "text") -> BadInput:
    """A library error as a 422 naming the field it is about."""
    message = str(error)
    if isinstance(error, UnknownSchemeError):
        return BadInput(message, scheme_field, suggestions=list(error.suggestions))
    if isinstance(error, UncoveredCharacterError):
        return BadInput(message, text_field, offset=error.offset, character=error.character)
    if isinstance(error, DirectionError):
        return BadInput(message, "reverse")
    if isinstance(error, OptionError):
        return BadInput(message, "options")
    if isinstance(error, TableError):
        return BadInput(message, scheme_field)
    return BadInput(message, None)


def _entities(ids: list[str]) -> dict[str, Any]:
    """The gazetteer entity of each id (ids of no entity are left out)."""
    from ..names import lookup
    from ..records import entity_record

    found = {}
    for entity_id in dict.fromkeys(ids):
        entity = lookup(entity_id)
        if entity is not None:
            found[entity_id] = entity_record(entity)
    return found


def convert_request(values: dict[str, Any], index: Index | None = None) -> dict[str, Any]:
    """POST /convert; ``index``: the names to find (default: the shipped gazetteer)."""
    from ..records import mention_record
    from ..schemes import convert
    from ..text import find_mentions

    options = values["options"]
    for name in options:
        if name in _CONVERT_KEYWORDS:
            raise BadInput(f"options.{name}: not a scheme option", f"options.{name}")
    text = values["text"]
    kwargs = {"reverse": values["reverse"], "errors": values["errors"], "replacement": values["replacement"],
              "best_guess": values["best_guess"], **options}
    try:
        output = convert(text, values["scheme"], **kwargs)
    except TranslitError as error:
        raise _library_error(error) from None
    result: dict[str, Any] = {"text": output, "scheme": values["scheme"], "reverse": values["reverse"]}
    if values["names"]:
        mentions = find_mentions(text, index)
        # Each name converted on its own, and the text between: when the pieces add up to the whole
        # output (they do unless a rule looks across a name's edge), each name's place in it is known.
        pieces, spans, position, length = [], [], 0, 0
        for mention in mentions:
            before = convert(text[position:mention.start], values["scheme"], **kwargs)
            written = convert(mention.surface, values["scheme"], **kwargs)
            pieces += [before, written]
            length += len(before)
            spans.append((length, length + len(written)))
            length += len(written)
            position = mention.end
        pieces.append(convert(text[position:], values["scheme"], **kwargs))
        if "".join(pieces) != output:
            spans = [(None, None)] * len(mentions)
        result["mentions"] = [{**mention_record(m), "output_start": start, "output_end": end}
                              for m, (start, end) in zip(mentions, spans, strict=True)]
        result["entities"] = _entities([m.id for m in mentions])
    return result


def candidates_request(values: dict[str, Any]) -> dict[str, Any]:
    """POST /candidates."""
    from ..candidates import candidates

    try:
        return {"candidates": candidates(values["text"], values["scheme"], limit=values["limit"])}
    except TranslitError as error:
        raise _library_error(error) from None


def identify_request(values: dict[str, Any]) -> dict[str, Any]:
    """POST /identify."""
    from ..detect import identify

    guesses = identify(values["text"], quick=values["quick"])[:values["limit"]]
    return {"guesses": [{"name": name, "score": score} for name, score in guesses]}


def resolve_request(values: dict[str, Any], index: Index | None = None) -> dict[str, Any]:
    """POST /resolve: one name gives one record, a list ``{"results": [...]}``."""
    from ..names import Index
    from ..records import resolution_record

    single, many = values["name"], values["names"]
    if (single is None) == (many is None):
        field = "name" if single is None else "names"
        raise BadInput("give either name (one name) or names (a list), not both" if single is not None
                       else "name or names: required", field)
    index = index if index is not None else Index.default()
    try:
        records = [resolution_record(name, index.resolve(name, type=values["type"], limit=values["limit"]))
                   for name in ([single] if single is not None else many)]
    except TranslitError as error:
        raise BadInput(str(error), "type") from None
    result: dict[str, Any] = records[0] if single is not None else {"results": records}
    if values["entities"]:
        result["entities"] = _entities([m["id"] for record in records for m in record["matches"]])
    return result


def normalize_request(values: dict[str, Any], index: Index | None = None) -> dict[str, Any]:
    """POST /normalize: the text with its names annotated or replaced, and the names found."""
    from ..records import mention_record
    from ..schemes import converter
    from ..text import display_form, find_mentions, rewrite

    try:
        to_latin = converter(values["to"]) if values["to"] else None
    except TranslitError as error:
        raise _library_error(error, scheme_field="to") from None
    text = values["text"]
    mentions = find_mentions(text, index)

    def written(mention) -> str:
        if values["mode"] == "annotate":
            return f"{mention.surface}[[{mention.id}]]"
        return display_form(mention.id, values["display"], index) or mention.surface

    def between(piece: str) -> str:
        return to_latin(piece, "preserve", "?") if to_latin and piece else piece

    result: dict[str, Any] = {"text": rewrite(text, mentions, written, between),
                              "mentions": [mention_record(m) for m in mentions]}
    if values["entities"]:
        result["entities"] = _entities([m.id for m in mentions])
    return result


def schemes_request() -> dict[str, Any]:
    """GET /schemes."""
    from ..records import scheme_record
    from ..schemes import schemes

    return {"schemes": [scheme_record(info) for info in schemes()]}


def entity_request(entity_id: str) -> dict[str, Any]:
    """GET /entities/{id}: the entity (a merged id gives the kept one, with ``redirected_from``)."""
    from ..names import lookup
    from ..records import entity_record

    entity = lookup(entity_id)
    if entity is None:
        raise BadInput(f"no entity with id {entity_id!r}", "id", status=404)
    record = entity_record(entity)
    if entity.id != entity_id:
        record["redirected_from"] = entity_id
    return record


# ---------------------------------------------------------------------------------------------
# HTTP


async def read_json(request: Request) -> Any:
    """The parsed body: 413 past :data:`MAX_BODY_BYTES`, 422 (field ``body``) when it is not JSON."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.strip().isdigit() and int(declared) > MAX_BODY_BYTES:
        raise BadInput(f"the request body is {int(declared)} bytes, more than the limit of {MAX_BODY_BYTES}",
                       None, status=413, limit=MAX_BODY_BYTES)
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            raise BadInput(f"the request body is more than the limit of {MAX_BODY_BYTES} bytes", None, status=413,
                           limit=MAX_BODY_BYTES)
        chunks.append(chunk)
    raw = b"".join(chunks)
    if not raw.strip():
        raise BadInput("the body is empty: send a JSON object", "body")
    try:
        return json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise BadInput(f"the body is not UTF-8 (byte offset {error.start})", "body") from None
    except (ValueError, RecursionError) as error:  # JSONDecodeError, a too long integer, too deep nesting
        raise BadInput(f"the body is not valid JSON: {str(error) or type(error).__name__}"[:300], "body") from None


def _post(fields: tuple[Field, ...], work: Callable[[dict[str, Any]], dict[str, Any]]):
    async def endpoint(request: Request) -> Response:
        try:
            values = check_body(await read_json(request), fields)
            return JSON(await run_in_threadpool(work, values))
        except BadInput as bad:
            return _error(bad.message, bad.status, bad.field, **bad.extra)

    return endpoint


async def health(request: Request) -> Response:
    return JSON({"status": "ok", "version": __version__})


async def list_schemes(request: Request) -> Response:
    return JSON(await run_in_threadpool(schemes_request))


async def get_entity(request: Request) -> Response:
    try:
        return JSON(await run_in_threadpool(entity_request, request.path_params["id"]))
    except BadInput as bad:
        return _error(bad.message, bad.status, bad.field, **bad.extra)


async def openapi(request: Request) -> Response:
    return JSON(openapi_schema())


PAGE_HEADERS = {
    # The page loads only its own script and stylesheet and talks only to this server.
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; "
                               "frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def page_html() -> str:
    """``static/index.html`` with the scheme choices filled in (Cyrillic → Latin schemes)."""
    from ..schemes import schemes

    options = []
    for info in schemes():
        if info.source_script != "Cyrl":
            continue
        selected = " selected" if info.id == "be-lacinka" else ""
        options.append(f'<option value="{html.escape(info.id)}" data-name="{html.escape(info.name)}" '
                       f'data-reverse="{"yes" if info.has_reverse else "no"}" '
                       f'data-reversible="{"yes" if info.reversible else "no"}"{selected}>'
                       f'{html.escape(info.id)} — {html.escape(info.name)}</option>')
    page = (STATIC / "index.html").read_text(encoding="utf-8")
    return page.replace("<!-- SCHEMES -->", "\n".join(options)).replace("{{VERSION}}", html.escape(__version__))


async def page(request: Request) -> Response:
    return HTMLResponse(await run_in_threadpool(page_html), headers=PAGE_HEADERS)


async def http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, HTTPException)
    messages = {404: f"no such path: {request.url.path}", 405: f"{request.method} is not allowed here"}
    return JSON({"error": messages.get(error.status_code, str(error.detail))}, status_code=error.status_code,
                headers=error.headers)


def _warm_up(index: Index | None) -> None:
    """Build what every request needs before the first one: the names index and the mention finder."""
    from ..names import Index
    from ..schemes import converter
    from ..text import find_mentions

    find_mentions("Магілёў", index if index is not None else Index.default())
    converter("be-lacinka")


def create_app(index: Index | None = None) -> Starlette:
    """The ASGI application: the JSON endpoints, ``/openapi.json``, the page at ``/`` and its files.
    ``index``: the names that /resolve, /normalize and /convert find (default: the shipped gazetteer;
    ``translit serve --names FILE`` merges a user's list into it)."""

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await run_in_threadpool(_warm_up, index)
        yield

    routes = [
        Route("/", page, methods=["GET"]),
        Route("/health", health, methods=["GET"]),
        Route("/schemes", list_schemes, methods=["GET"]),
        Route("/entities/{id:path}", get_entity, methods=["GET"]),
        Route("/openapi.json", openapi, methods=["GET"]),
        Route("/convert", _post(CONVERT_FIELDS, partial(convert_request, index=index)), methods=["POST"]),
        Route("/candidates", _post(CANDIDATES_FIELDS, candidates_request), methods=["POST"]),
        Route("/identify", _post(IDENTIFY_FIELDS, identify_request), methods=["POST"]),
        Route("/resolve", _post(RESOLVE_FIELDS, partial(resolve_request, index=index)), methods=["POST"]),
        Route("/normalize", _post(NORMALIZE_FIELDS, partial(normalize_request, index=index)), methods=["POST"]),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    return Starlette(routes=routes, exception_handlers={HTTPException: http_error}, lifespan=lifespan)


def check_address(host: str, port: int) -> None:
    """Raise ``OSError`` (with a plain message) unless a server could listen on ``host:port`` now."""
    try:
        family, kind, _, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    except socket.gaierror as error:
        raise OSError(f"cannot listen on {host}:{port}: unknown host ({error.strerror})") from None
    with socket.socket(family, kind) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does
        try:
            probe.bind(address)
        except OSError as error:
            raise OSError(f"cannot listen on {host}:{port}: {error.strerror or error}") from None


def run(host: str = "127.0.0.1", port: int = 8000, *, log_level: str = "info", index: Index | None = None) -> None:
    """Serve :func:`create_app` with uvicorn until interrupted; ``OSError`` when the address is taken."""
    import uvicorn

    check_address(host, port)
    uvicorn.run(create_app(index), host=host, port=port, log_level=log_level)


# ---------------------------------------------------------------------------------------------
# OpenAPI


def _object(properties: dict[str, Any], required: list[str] | None = None) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "object", "properties": properties}
    if required:
        schema["required"] = required
    return schema


_STR, _NUM, _BOOL, _INT = {"type": "string"}, {"type": "number"}, {"type": "boolean"}, {"type": "integer"}
_NULLABLE_STR = {"type": ["string", "null"]}
COMPONENTS: dict[str, Any] = {
    "Error": _object({"error": _STR, "field": {**_NULLABLE_STR, "description": "The field the error is about "
                                               "(422): a name, names[3], options.softness, or body."},
                      "limit": {**_INT, "description": "The limit that was passed (413, and 422 on a size)."},
                      "suggestions": {"type": "array", "items": _STR, "description": "Unknown scheme: the "
                                      "nearest ids."},
                      "offset": {**_INT, "description": "errors=strict: where the uncovered letter is."}},
                     ["error"]),
    "Match": _object({"id": _STR, "score": _NUM, "name": {**_STR, "description": "The indexed name that matched."},
                      "type": _NULLABLE_STR, "via": {"enum": ["exact", "key", "fuzzy", "id"]}, "ambiguous": _BOOL},
                     ["id", "score", "name", "type", "via", "ambiguous"]),
    "Resolution": _object({"query": _STR, "matches": {"type": "array", "items": {"$ref": "#/components/schemas/Match"}},
                           "entities": {"$ref": "#/components/schemas/Entities"}}, ["query", "matches"]),
    "Mention": _object({"start": {**_INT, "description": "Code points into the text."}, "end": _INT,
                        "surface": _STR, "id": _STR, "score": _NUM, "type": _NULLABLE_STR,
                        "output_start": {"type": ["integer", "null"], "description": "POST /convert: code points "
                                         "into the output (null when not known)."},
                        "output_end": {"type": ["integer", "null"]}},
                       ["start", "end", "surface", "id", "score", "type"]),
    "Entity": _object({"id": _STR, "type": _STR, "kind": _NULLABLE_STR,
                       "display": {"type": "object", "additionalProperties": _STR,
                                   "description": "Canonical forms: be, ru, be-lacinka, en."},
                       "aliases": {"type": "array", "items": _STR}, "external": {"type": "object"},
                       "legal_form": {"type": "object"}, "role": _NULLABLE_STR, "note": _NULLABLE_STR,
                       "redirected_from": _STR}, ["id", "type", "display", "aliases"]),
    "Entities": {"type": "object", "additionalProperties": {"$ref": "#/components/schemas/Entity"},
                 "description": "id -> entity, for the ids found (with entities or names: true)."},
    "Scheme": _object({"id": _STR, "name": _STR, "aliases": {"type": "array", "items": _STR}, "language": _STR,
                       "source_script": _STR, "target_script": _STR, "reversible": _BOOL, "has_reverse": _BOOL,
                       "status": _STR, "standard": _STR, "options": {"type": "array", "items": _STR},
                       "user": _BOOL}),
}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


_ERRORS = {
    "413": _json(_ref("Error"), f"The body is over {MAX_BODY_BYTES} bytes."),
    "422": _json(_ref("Error"), "Bad input; field names the field."),
}
_MENTIONS = {"type": "array", "items": _ref("Mention")}


def _post_operation(summary: str, fields: tuple[Field, ...], response: dict[str, Any]) -> dict[str, Any]:
    body = _object({spec.name: spec.schema() for spec in fields}, [spec.name for spec in fields if spec.required])
    body["additionalProperties"] = False
    return {"post": {"summary": summary, "requestBody": {"required": True, "content": {"application/json": {
        "schema": body}}}, "responses": {"200": _json(response, "OK"), **_ERRORS}}}


def openapi_schema() -> dict[str, Any]:
    """The OpenAPI 3.1 description of the API, made from the same field descriptions that check requests."""
    limits = ", ".join(f"{name} = {value}" for name, value in LIMITS.items())
    return {
        "openapi": "3.1.0",
        "info": {"title": "translit", "version": __version__, "description": (
            "Belarusian and Russian text across scripts and romanizations; names to canonical ids. "
            f"Limits: {limits}. A body over max_body_bytes gets 413; bad input 422 with the field named.")},
        "paths": {
            "/convert": _post_operation("Convert text with a scheme", CONVERT_FIELDS, _object(
                {"text": _STR, "scheme": _STR, "reverse": _BOOL, "mentions": _MENTIONS, "entities": _ref("Entities")},
                ["text", "scheme", "reverse"])),
            "/candidates": _post_operation("Cyrillic spellings behind a romanization, best first", CANDIDATES_FIELDS,
                                           _object({"candidates": {"type": "array", "items": _STR}}, ["candidates"])),
            "/identify": _post_operation("The language (Cyrillic) or scheme (Latin) of a text", IDENTIFY_FIELDS,
                                         _object({"guesses": {"type": "array", "items": _object(
                                             {"name": _STR, "score": _NUM}, ["name", "score"])}}, ["guesses"])),
            "/resolve": _post_operation(f"Canonical ids of one name, or of up to {MAX_NAMES}", RESOLVE_FIELDS, {
                "oneOf": [_ref("Resolution"), _object({"results": {"type": "array", "items": _ref("Resolution")},
                                                       "entities": _ref("Entities")}, ["results"])]}),
            "/normalize": _post_operation("Names in running text", NORMALIZE_FIELDS, _object(
                {"text": _STR, "mentions": _MENTIONS, "entities": _ref("Entities")}, ["text", "mentions"])),
            "/schemes": {"get": {"summary": "Every scheme", "responses": {"200": _json(_object(
                {"schemes": {"type": "array", "items": _ref("Scheme")}}, ["schemes"]), "OK")}}},
            "/entities/{id}": {"get": {
                "summary": "A gazetteer entity with its canonical forms",
                "parameters": [{"name": "id", "in": "path", "required": True, "schema": _STR,
                                "example": "place:mahiliou"}],
                "responses": {"200": _json(_ref("Entity"), "OK"), "404": _json(_ref("Error"), "No such id.")}}},
            "/health": {"get": {"summary": "Liveness", "responses": {"200": _json(_object(
                {"status": {"const": "ok"}, "version": _STR}, ["status", "version"]), "OK")}}},
            "/openapi.json": {"get": {"summary": "This description", "responses": {"200": {"description": "OK"}}}},
            "/": {"get": {"summary": "The web page", "responses": {"200": {"description": "HTML",
                                                                            "content": {"text/html": {}}}}}},
        },
        "components": {"schemas": COMPONENTS},
    }
