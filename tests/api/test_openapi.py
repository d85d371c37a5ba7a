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
