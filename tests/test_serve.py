"""The HTTP API of ``translit serve`` (``translit.serve``), through Starlette's TestClient.

Expected values come from the standards' reference pairs (``tests/data/*.tsv``, copied from the
project's reference dossier) and from the gazetteer's own tables (``tables/names/*.toml``: ids and
canonical forms), never from translit's own output. Besides the endpoints: the limits (413, 422 with
the field named), that no request body at all gets a 500 (hypothesis), the OpenAPI description, the
page's accessibility basics, that the page's files ship in the wheel, and that ``translit serve``
without the ``serve`` extra exits 2 with one line.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

if os.environ.get("CI", "").lower() not in ("true", "1", "yes"):  # in CI the extra must be there
    pytest.importorskip("starlette", reason="the serve extra is not installed: pip install -e '.[test]'")

from click.testing import CliRunner  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from serve_helpers import LUKASHENKA, MAHILOU, MAHILOU_BGN, MAHILOU_LACINKA, entity_id, gazetteer, ref  # noqa: E402
from starlette.testclient import TestClient  # noqa: E402

from translit.cli import main  # noqa: E402
from translit.serve import app as serve_app  # noqa: E402
from translit.serve import create_app  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(create_app(), raise_server_exceptions=False) as test_client:  # runs the lifespan
        yield test_client


def post(client: TestClient, path: str, body: Any) -> tuple[int, dict[str, Any]]:
    response = client.post(path, content=json.dumps(body).encode("utf-8"),
                           headers={"Content-Type": "application/json"})
    assert response.headers["content-type"].startswith("application/json"), response.text
    return response.status_code, response.json()


def bad(client: TestClient, path: str, body: Any, field: str | None, status: int = 422) -> dict[str, Any]:
    code, answer = post(client, path, body)
    assert code == status, answer
    assert answer.get("field") == field and answer["error"], answer
    return answer


# ---------------------------------------------------------------------------------------------
# POST /convert


def test_convert_reference_pairs(client: TestClient) -> None:
    assert post(client, "/convert", {"text": MAHILOU, "scheme": "be-lacinka"}) == (
        200, {"text": MAHILOU_LACINKA, "scheme": "be-lacinka", "reverse": False})
    code, answer = post(client, "/convert", {"text": "Віцебск", "scheme": "be-national-2023"})
    assert answer["text"] == ref("national_2023.tsv", "be-national-2023", "Віцебск")
    code, answer = post(client, "/convert", {"text": MAHILOU, "scheme": "be-bgn-pcgn-1979"})
    assert answer["text"] == MAHILOU_BGN
    code, answer = post(client, "/convert", {"text": MAHILOU_LACINKA, "scheme": "be-lacinka", "reverse": True})
    assert (code, answer["text"]) == (200, MAHILOU)


def test_convert_options_and_suffixes(client: TestClient) -> None:
    # latynkatar's poem pair: Taraškievica's softness marks (lacinka-czech+softness)
    source = "Маладыя жаданні!"
    expected = ref("lacinka_examples.tsv", "lacinka-czech+softness", source)
    assert post(client, "/convert", {"text": source, "scheme": "be-lacinka", "options": {"softness": True}})[1][
        "text"] == expected
    assert post(client, "/convert", {"text": source, "scheme": "be-lacinka+softness"})[1]["text"] == expected


def test_convert_names_are_placed_in_the_output(client: TestClient) -> None:
    text = f"{LUKASHENKA} наведаў {MAHILOU}."
    code, answer = post(client, "/convert", {"text": text, "scheme": "be-lacinka", "names": True})
    assert code == 200
    output = answer["text"]
    assert MAHILOU_LACINKA in output
    found = {m["id"]: m for m in answer["mentions"]}
    assert set(found) == {entity_id(LUKASHENKA), entity_id(MAHILOU)}
    place = found[entity_id(MAHILOU)]
    assert text[place["start"]:place["end"]] == place["surface"] == MAHILOU
    assert output[place["output_start"]:place["output_end"]] == MAHILOU_LACINKA
    entity = answer["entities"][entity_id(MAHILOU)]
    written = gazetteer()[entity_id(MAHILOU)]
    assert entity["display"] == {style: written[style] for style in ("be", "ru", "be-lacinka", "en")}


def test_convert_errors_name_their_field(client: TestClient) -> None:
    answer = bad(client, "/convert", {"text": MAHILOU, "scheme": "be-lacinkaa"}, "scheme")
    assert "be-lacinka" in answer["suggestions"]
    bad(client, "/convert", {"text": MAHILOU_BGN, "scheme": "be-bgn-pcgn-1979", "reverse": True}, "reverse")
    code, answer = post(client, "/convert", {"text": MAHILOU_BGN, "scheme": "be-bgn-pcgn-1979", "reverse": True,
                                              "best_guess": True})
    assert (code, answer["text"]) == (200, MAHILOU)
    answer = bad(client, "/convert", {"text": "Гомель Їжак", "scheme": "be-lacinka", "errors": "strict"}, "text")
    assert (answer["offset"], answer["character"]) == (7, "Ї")
    assert post(client, "/convert", {"text": "Їжак", "scheme": "be-lacinka", "errors": "replace",
                                     "replacement": "_"})[1]["text"].startswith("_")
    bad(client, "/convert", {"text": MAHILOU, "scheme": "be-lacinka", "options": {"nosuch": True}}, "options")
    bad(client, "/convert", {"text": MAHILOU, "scheme": "be-lacinka", "options": {"softness": "yes"}},
        "options.softness")
    bad(client, "/convert", {"text": MAHILOU, "scheme": "be-lacinka", "options": {"reverse": True}}, "options.reverse")
    bad(client, "/convert", {"text": MAHILOU, "scheme": "be-lacinka", "errors": "ignore"}, "errors")
    bad(client, "/convert", {"scheme": "be-lacinka"}, "text")
    bad(client, "/convert", {"text": 5, "scheme": "be-lacinka"}, "text")
    bad(client, "/convert", {"text": MAHILOU, "scheme": "be-lacinka", "reverse": "yes"}, "reverse")
    bad(client, "/convert", {"text": MAHILOU, "scheme": "be-lacinka", "txet": "x"}, "txet")
    bad(client, "/convert", ["text"], "body")
    bad(client, "/convert", {"text": "\ud800", "scheme": "be-lacinka"}, "text")  # a lone surrogate


def test_bodies_that_are_not_json(client: TestClient) -> None:
    for raw in (b"", b"{", b"\xff\xfe", b"[" * 100_000, b'{"limit": 1' + b"0" * 5000 + b"}"):
        response = client.post("/identify", content=raw)
        assert response.status_code == 422 and response.json()["field"] == "body", (raw[:20], response.text)


# ---------------------------------------------------------------------------------------------
# POST /candidates, /identify


def test_candidates(client: TestClient) -> None:
    code, answer = post(client, "/candidates", {"text": MAHILOU_BGN, "scheme": "be-bgn-pcgn-1979", "limit": 3})
    assert code == 200 and answer["candidates"][0] == MAHILOU and len(answer["candidates"]) <= 3
    bad(client, "/candidates", {"text": MAHILOU_BGN, "scheme": "be-bgn-pcgn-1979", "limit": 0}, "limit")
    bad(client, "/candidates", {"text": MAHILOU_BGN, "scheme": "be-bgn-pcgn-1979", "limit": True}, "limit")
    bad(client, "/candidates", {"text": MAHILOU_BGN, "scheme": "nope"}, "scheme")
    answer = bad(client, "/candidates", {"text": "a" * (serve_app.MAX_CANDIDATES_CHARS + 1), "scheme": "be-lacinka"},
                 "text")
    assert answer["limit"] == serve_app.MAX_CANDIDATES_CHARS


def test_identify(client: TestClient) -> None:
    code, answer = post(client, "/identify", {"text": f"{LUKASHENKA} наведаў {MAHILOU}"})
    assert code == 200 and answer["guesses"][0]["name"] == "be" and len(answer["guesses"]) <= 3
    code, answer = post(client, "/identify", {"text": ref("lacinka_examples.tsv", "lacinka", "Беларусь"), "limit": 1})
    assert [guess["name"] for guess in answer["guesses"]] == ["be-lacinka"]
    assert post(client, "/identify", {"text": "123"}) == (200, {"guesses": []})


# ---------------------------------------------------------------------------------------------
# POST /resolve, /normalize


def test_resolve_one_and_many(client: TestClient) -> None:
    code, answer = post(client, "/resolve", {"name": MAHILOU_BGN})
    assert code == 200 and answer["query"] == MAHILOU_BGN
    assert answer["matches"][0]["id"] == entity_id(MAHILOU) and answer["matches"][0]["ambiguous"] is False
    assert set(answer["matches"][0]) == {"id", "score", "name", "type", "via", "ambiguous"}  # as translit resolve
    names = [MAHILOU, LUKASHENKA, "Mohylew", "Qwxyz Zzzz"]
    code, answer = post(client, "/resolve", {"names": names, "entities": True})
    assert [r["query"] for r in answer["results"]] == names
    assert [r["matches"][0]["id"] if r["matches"] else None for r in answer["results"]] == [
        entity_id(MAHILOU), entity_id(LUKASHENKA), entity_id("Mohylew"), None]
    person = gazetteer()[entity_id(LUKASHENKA)]
    assert answer["entities"][entity_id(LUKASHENKA)]["display"]["be-lacinka"] == person["be-lacinka"]
    code, answer = post(client, "/resolve", {"name": MAHILOU, "type": "person"})
    assert answer["matches"] == []


def test_resolve_answers_like_the_cli(client: TestClient) -> None:
    cli = CliRunner().invoke(main, ["resolve", MAHILOU_BGN, LUKASHENKA])
    lines = [json.loads(line) for line in cli.stdout.splitlines()]
    assert post(client, "/resolve", {"names": [MAHILOU_BGN, LUKASHENKA]})[1]["results"] == lines


def test_resolve_limits(client: TestClient) -> None:
    answer = bad(client, "/resolve", {"names": ["Mahilyow"] * (serve_app.MAX_NAMES + 1)}, "names")
    assert answer["limit"] == serve_app.MAX_NAMES
    assert post(client, "/resolve", {"names": ["Mahilyow"] * serve_app.MAX_NAMES})[0] == 200
    bad(client, "/resolve", {"names": ["Mahilyow", "x" * (serve_app.MAX_NAME_CHARS + 1)]}, "names[1]")
    bad(client, "/resolve", {"names": ["Mahilyow", 3]}, "names[1]")
    bad(client, "/resolve", {}, "name")
    bad(client, "/resolve", {"name": "a", "names": ["b"]}, "names")
    bad(client, "/resolve", {"name": "a", "limit": serve_app.MAX_LIMIT + 1}, "limit")
    assert post(client, "/resolve", {"names": []}) == (200, {"results": []})


def test_normalize(client: TestClient) -> None:
    text = f"{LUKASHENKA} наведаў {MAHILOU}."
    code, answer = post(client, "/normalize", {"text": text})
    assert code == 200
    assert answer["text"] == f"{LUKASHENKA}[[{entity_id(LUKASHENKA)}]] наведаў {MAHILOU}[[{entity_id(MAHILOU)}]]."
    assert [(m["surface"], m["id"]) for m in answer["mentions"]] == [(LUKASHENKA, entity_id(LUKASHENKA)),
                                                                     (MAHILOU, entity_id(MAHILOU))]
    code, answer = post(client, "/normalize", {"text": text, "mode": "replace", "display": "en", "entities": True})
    person, place = gazetteer()[entity_id(LUKASHENKA)], gazetteer()[entity_id(MAHILOU)]
    assert answer["text"] == f"{person['en']} наведаў {place['en']}."
    assert set(answer["entities"]) == {entity_id(LUKASHENKA), entity_id(MAHILOU)}
    bad(client, "/normalize", {"text": text, "to": "nope"}, "to")
    bad(client, "/normalize", {"text": text, "display": "fr"}, "display")
    bad(client, "/normalize", {"text": text, "mode": "rewrite"}, "mode")


# ---------------------------------------------------------------------------------------------
# GET endpoints, errors of HTTP itself


def test_schemes_are_the_tables(client: TestClient) -> None:
    response = client.get("/schemes")
    ids = [scheme["id"] for scheme in response.json()["schemes"]]
    assert ids == sorted(path.stem for path in (ROOT / "tables" / "schemes").glob("*.toml"))


def test_entities(client: TestClient) -> None:
    place = entity_id(MAHILOU)
    response = client.get(f"/entities/{place}")
    assert response.status_code == 200
    answer = response.json()
    written = gazetteer()[place]
    assert answer["id"] == place and answer["display"]["be"] == MAHILOU and answer["aliases"] == written["aliases"]
    response = client.get("/entities/place:nowhere-at-all")
    assert response.status_code == 404 and response.json()["field"] == "id"


def test_health_and_http_errors(client: TestClient) -> None:
    assert client.get("/health").json()["status"] == "ok"
    response = client.get("/nowhere")
    assert response.status_code == 404 and "error" in response.json()
    response = client.get("/convert")
    assert response.status_code == 405 and "error" in response.json()


def test_body_limit(client: TestClient) -> None:
    limit = serve_app.MAX_BODY_BYTES
    body = json.dumps({"text": "а" * (limit // 2 + 10), "scheme": "be-lacinka"}, ensure_ascii=False).encode()
    assert len(body) > limit  # "а" is two bytes in UTF-8
    response = client.post("/convert", content=body)
    assert response.status_code == 413 and str(limit) in response.json()["error"]

    def chunks() -> Iterator[bytes]:  # no Content-Length: the limit holds while reading
        yield b'{"text": "'
        for _ in range(limit // 10_000 + 1):
            yield b"a" * 10_000
        yield b'", "scheme": "be-lacinka"}'

    response = client.post("/convert", content=chunks())
    assert response.status_code == 413 and response.json()["limit"] == limit
    near = json.dumps({"text": "а" * (limit // 2 - 100), "scheme": "be-lacinka"}, ensure_ascii=False).encode()
    assert len(near) <= limit
    response = client.post("/convert", content=near)  # just under the limit: converted
    assert response.status_code == 200 and response.json()["text"] == "a" * (limit // 2 - 100)


def test_openapi_describes_every_endpoint_and_limit(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert schema["openapi"].startswith("3.1")
    assert set(schema["paths"]) >= {"/convert", "/candidates", "/identify", "/resolve", "/normalize", "/schemes",
                                    "/entities/{id}", "/health"}
    for path, fields in [("/convert", serve_app.CONVERT_FIELDS), ("/resolve", serve_app.RESOLVE_FIELDS)]:
        operation = schema["paths"][path]["post"]
        body = operation["requestBody"]["content"]["application/json"]["schema"]
        assert list(body["properties"]) == [spec.name for spec in fields]
        assert {"413", "422"} <= set(operation["responses"])
    names = schema["paths"]["/resolve"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert names["properties"]["names"]["maxItems"] == serve_app.MAX_NAMES
    assert str(serve_app.MAX_BODY_BYTES) in schema["info"]["description"]


def test_page(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    page = response.text
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    for control in ("input", "mode", "reverse"):
        assert f'<label for="{control}">' in page and f'id="{control}"' in page
    assert 'aria-live="polite"' in page and 'role="alert"' in page
    assert '<option value="be-lacinka"' in page and "selected" in page
    assert "default-src 'self'" in response.headers["content-security-policy"]
    for name in ("app.js", "app.css"):
        asset = client.get(f"/static/{name}")
        assert asset.status_code == 200 and asset.text.strip()


def test_page_files_ship_in_the_wheel(tmp_path: Path) -> None:
    pytest.importorskip("build", reason="build is not installed: pip install -e '.[test]'")
    import zipfile

    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(tmp_path), str(ROOT)],
                   check=True, capture_output=True, timeout=300)
    (wheel,) = tmp_path.glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in ("index.html", "app.js", "app.css"):
        assert f"translit/serve/static/{name}" in names


# ---------------------------------------------------------------------------------------------
# No request body gives a 500


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats()
    | st.text(st.characters(exclude_categories=()), max_size=30),  # lone surrogates included
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=8,
)
TEXTS = st.text(max_size=60) | st.sampled_from(
    [MAHILOU, MAHILOU_LACINKA, MAHILOU_BGN, LUKASHENKA, "Łukašenka’s", "ААТ «Белшына»", "", " ", "\n"])
GOOD_SCHEMES = ["be-lacinka", "be-lacinka+softness", "be-bgn-pcgn-1979", "be-national-2023", "be-national-2007",
                "be-passport", "ru-iso9", "ru-bgn-pcgn"]
SCHEMES = st.sampled_from(GOOD_SCHEMES * 4 + ["be-lacinka+nosuch", "nope", "", "b\u00e9+", "+", "be-lacinka+softness=x"])
PLAUSIBLE = {  # mostly good values: the work itself should run on odd text, not only the checks
    "text": TEXTS, "name": TEXTS, "names": st.lists(TEXTS, max_size=5), "scheme": SCHEMES,
    "to": st.none() | SCHEMES, "reverse": st.booleans(), "best_guess": st.booleans(), "names_flag": st.booleans(),
    "options": st.sampled_from([{}, {}, {}, {}, {"softness": True}, {"softness": False}, {"nosuch": True},
                                {"text": True}]),
    "errors": st.sampled_from(["preserve", "strict", "replace", "replace", "x"]), "replacement": TEXTS,
    "limit": st.integers(0, 101), "quick": st.booleans(),
    "type": st.sampled_from([None, "person", "org", "place", "x"]),
    "mode": st.sampled_from(["annotate", "replace", "x"]), "display": st.sampled_from(["be-lacinka", "en", "ru", "x"]),
    "entities": st.booleans(),
}
ENDPOINTS = {"/convert": serve_app.CONVERT_FIELDS, "/candidates": serve_app.CANDIDATES_FIELDS,
             "/identify": serve_app.IDENTIFY_FIELDS, "/resolve": serve_app.RESOLVE_FIELDS,
             "/normalize": serve_app.NORMALIZE_FIELDS}


def bodies(fields: tuple, sane: bool) -> st.SearchStrategy[Any]:
    """Request bodies. ``sane``: objects of the endpoint's fields with plausible values (many pass,
    so the work itself runs on odd text); else objects with wild values, unknown fields, and any
    JSON value at all."""
    def plausible(name: str) -> st.SearchStrategy[Any]:
        return PLAUSIBLE["names_flag" if (name == "names" and fields is serve_app.CONVERT_FIELDS) else name]

    if sane:
        required = {spec.name: plausible(spec.name) for spec in fields if spec.required}
        optional = {spec.name: plausible(spec.name) for spec in fields if not spec.required}
        if fields is serve_app.RESOLVE_FIELDS:  # one of name and names
            required = {"names": plausible("names")} if "names" in optional else required
            optional.pop("names", None)
            optional.pop("name", None)
        return st.fixed_dictionaries(required, optional=optional) | st.fixed_dictionaries(
            {"name": plausible("name")} if fields is serve_app.RESOLVE_FIELDS else required, optional=optional)
    wild = st.fixed_dictionaries({}, optional={spec.name: plausible(spec.name) | JSON_VALUES for spec in fields})
    return st.one_of(wild, st.dictionaries(st.text(max_size=6), JSON_VALUES, max_size=3), JSON_VALUES)


@pytest.mark.parametrize("sane", [True, False], ids=["plausible", "wild"])
@pytest.mark.parametrize("path", list(ENDPOINTS))
def test_no_body_gives_a_500(client: TestClient, path: str, sane: bool) -> None:
    @settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)
    @given(body=bodies(ENDPOINTS[path], sane))
    def check(body: Any) -> None:
        response = client.post(path, content=json.dumps(body).encode("utf-8"))  # ensure_ascii: surrogates go
        assert response.status_code in (200, 422), (body, response.status_code, response.text)
        answer = response.json()
        if response.status_code == 422:
            assert "field" in answer and answer["error"], answer

    check()


@settings(max_examples=60, deadline=None, database=None)
@given(raw=st.binary(max_size=200), entity=st.text(max_size=20))
def test_no_bytes_give_a_500(client: TestClient, raw: bytes, entity: str) -> None:
    for path in ENDPOINTS:
        assert client.post(path, content=raw).status_code in (200, 422)
    response = client.get("/entities/" + urllib.parse.quote(entity, safe=""))
    answer = response.json()  # 404: no such entity, or no such path (an id with a newline)
    assert (response.status_code == 200 and "id" in answer) or (response.status_code == 404 and answer["error"])


# ---------------------------------------------------------------------------------------------
# The command


def test_serve_command_runs_uvicorn_with_its_options(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    monkeypatch.setattr("translit.serve.run",
                        lambda host, port, log_level, index: calls.append((host, port, log_level, index)))
    result = CliRunner().invoke(main, ["serve", "--host", "0.0.0.0", "--port", "8123", "--log-level", "warning"])
    assert result.exit_code == 0, result.output
    assert calls == [("0.0.0.0", 8123, "warning", None)]


def test_serve_with_names_of_ones_own(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    ours = tmp_path / "ours.csv"
    ours.write_text("id,name,type\nsdn:1,Іван Іваноў,person\n", encoding="utf-8")
    served = []
    monkeypatch.setattr("translit.serve.run", lambda host, port, log_level, index: served.append(index))
    result = CliRunner().invoke(main, ["serve", "--names", str(ours)])
    assert result.exit_code == 0, result.output
    with TestClient(create_app(served[0])) as ours_client:
        assert post(ours_client, "/resolve", {"name": "Ivan Ivanou", "limit": 1})[1]["matches"][0]["id"] == "sdn:1"
        assert post(ours_client, "/resolve", {"name": MAHILOU, "limit": 1})[1]["matches"][0]["id"] == \
            entity_id(MAHILOU)
        normalized = post(ours_client, "/normalize", {"text": f"Іван Іваноў у {MAHILOU}"})[1]
        assert [m["id"] for m in normalized["mentions"]] == ["sdn:1", entity_id(MAHILOU)]


def test_serve_on_a_taken_port_exits_2() -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(main, ["serve", "--port", str(port)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"translit: error: cannot listen on 127.0.0.1:{port}: ")


def test_serve_without_the_extra_exits_2(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "starlette", None)  # import starlette now raises ImportError
    result = CliRunner().invoke(main, ["serve"])
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        "translit: error: translit serve needs the serve extra: pip install 'translit-toolkit[serve]'"]


def test_import_translit_does_not_import_starlette() -> None:
    code = ("import sys, translit, translit.cli, translit.records; translit.convert('а', 'be-lacinka'); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('starlette', 'uvicorn', 'translit.serve')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == "[]"
