"""The OpenAPI document stays true to the registered routes."""

import re


def api_routes(app) -> set[tuple[str, str]]:
    found = set()
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/api/"):
            continue
        path = re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule)
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            found.add((path, method.lower()))
    return found


def documented(document) -> set[tuple[str, str]]:
    return {
        (path, method)
        for path, item in document["paths"].items()
        for method in item
        if method in ("get", "post", "patch", "put", "delete")
    }


def test_every_route_is_documented_and_every_documented_path_exists(app, client):
    document = client.get("/api/openapi.json").json
    assert document["openapi"].startswith("3.")
    assert documented(document) == api_routes(app)


def test_path_parameters_are_declared(client):
    document = client.get("/api/openapi.json").json
    for path, item in document["paths"].items():
        for name in re.findall(r"{(\w+)}", path):
            assert any(p["name"] == name for p in item.get("parameters", [])), path


def test_every_schema_reference_resolves(client):
    document = client.get("/api/openapi.json").json
    refs = set(re.findall(r'"#/components/schemas/(\w+)"', str(document).replace("'", '"')))
    assert refs <= set(document["components"]["schemas"])


def conforms(value, schema, schemas, where="$"):
    """The subset of OpenAPI 3.0 schemas the document uses: types, nullable, enum, $ref,
    required properties; every property a response carries must be described."""
    if "$ref" in schema:
        return conforms(value, schemas[schema["$ref"].rsplit("/", 1)[1]], schemas, where)
    if value is None:
        assert schema.get("nullable"), f"{where} is null"
        return
    if "enum" in schema:
        assert value in schema["enum"], f"{where}: {value!r} not in {schema['enum']}"
    kind = schema.get("type")
    types = {
        "object": dict,
        "array": list,
        "string": str,
        "integer": int,
        "number": (int, float),
        "boolean": bool,
    }
    if kind:
        assert isinstance(value, types[kind]), f"{where} is not {kind}: {value!r}"
    if kind == "object" and "properties" in schema:
        assert set(schema.get("required", [])) <= set(value), f"{where} misses required keys"
        for key, item in value.items():
            assert key in schema["properties"], f"{where}.{key} is not documented"
            conforms(item, schema["properties"][key], schemas, f"{where}.{key}")
    if kind == "array":
        for index, item in enumerate(value):
            conforms(item, schema["items"], schemas, f"{where}[{index}]")


def test_a_real_context_answer_matches_the_documented_schema(client, person, clock):
    from datetime import timedelta
    from pathlib import Path

    pages = Path(__file__).parents[1] / "sites" / "fixtures" / "github"
    html = (pages / "user-full.html").read_text(encoding="utf-8")
    pid = person("Ada Lindqvist", ["https://github.com/octo-ada"])["id"]
    client.post("/api/v1/people", json={"name": "Other", "profiles": ["https://x.com/octo_ada"]})
    client.post(f"/api/v1/people/{pid}/interactions", json={"kind": "gave", "summary": "x"})
    url = "https://github.com/octo-ada"
    client.post("/api/v1/context", json={"url": url, "html": html.replace("Göteborg", "Oslo")})
    clock.now += timedelta(days=1)
    answer = client.post("/api/v1/context", json={"url": url, "html": html}).json
    assert answer["changes"] and answer["suggested_profiles"] and answer["profile"]["activity"]
    document = client.get("/api/openapi.json").json
    schemas = document["components"]["schemas"]
    conforms(answer, schemas["Context"], schemas)
