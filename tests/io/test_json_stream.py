"""A JSON document read as a stream gives what json.loads of the whole file gives, and the
same errors on the same lines, wherever the chunks it is read in happen to end."""

import json

import pytest
from givefirst.io import givefirst_json, json_stream
from givefirst.io.reading import ImportProblem


@pytest.fixture(params=[1, 7, 1024 * 1024], ids=["1 byte", "7 bytes", "1 MiB"])
def chunk(request, monkeypatch):
    monkeypatch.setattr(json_stream, "CHUNK", request.param)
    return request.param


def members(path):
    found, items = {}, []
    for key, value in json_stream.members(path, "people"):
        if key is json_stream.ITEM:
            items.append(value)
        else:
            found[key] = value
    return found, items


DOCUMENT = {
    "format": "givefirst",
    "version": 1,
    "people": [
        {"id": 1, "name": "Zoë \u00c5ngstr\u00f6m", "note": 'line\nbreak "quoted" \\ \U0001f600'},
        {"id": 12345678901234567890, "weight": 1.5e-3, "flags": [True, False, None], "e": {}},
        [],
        "a string",
        -0.0,
    ],
    "exported_at": "2026-12-02T23:56:32+00:00",
}


@pytest.mark.parametrize("indent", [None, 1])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
def test_the_stream_gives_what_loading_the_whole_file_gives(tmp_path, chunk, indent, encoding):
    path = tmp_path / "export.json"
    path.write_bytes(json.dumps(DOCUMENT, indent=indent, ensure_ascii=False).encode(encoding))
    found, items = members(path)
    assert items == DOCUMENT["people"]
    assert found == {**DOCUMENT, "people": []}


BROKEN = [
    '{"format": "givefirst",\n "version": 1,\n "people": [,]}\n',
    '{"format": "givefirst",\n "people": [{"id": 1},\n {"id": 2,}]}',
    '{"format": "givefirst",\n "people": [{"id": 1}\n {"id": 2}]}',
    '{"format": "givefirst"\n "people": []}',
    '{"format": "givefirst", "people": [{"name": "unterminated\n',
    '{"format": "givefirst", "people": [{"id": 1}]}\n\n x',
    '{"format" "givefirst"}',
    '{"format": tru}',
    "{1: 2}",
    "[1, 2,\n\n 3",
    "",
    "   \n",
    '{"people": [{"id": 1}, {"id": 2}]',
]


@pytest.mark.parametrize("text", BROKEN)
def test_an_error_is_the_one_json_loads_gives_on_the_same_line(tmp_path, chunk, text):
    path = tmp_path / "export.json"
    path.write_text(text)
    with pytest.raises(json.JSONDecodeError) as expected:
        json.loads(text)
    with pytest.raises(ImportProblem) as refused:
        members(path)
    assert refused.value.line == expected.value.lineno
    assert refused.value.reason == f"is not valid JSON ({expected.value.msg})"


def test_bytes_that_are_not_text_are_refused_at_their_line(tmp_path, chunk):
    path = tmp_path / "export.json"
    path.write_bytes(b'{"format": "givefirst",\n "people": [\n {"name": "B\xffo"}]}')
    with pytest.raises(ImportProblem, match=r"^export.json line 3: is not valid UTF-8 text$"):
        members(path)


def person(n: int) -> dict:
    return {
        "id": n,
        "uuid": f"00000000-0000-4000-8000-{n:012d}",
        "name": f"Ada Quill {n}",
        "created_at": "2026-01-01T00:00:00+00:00",
        "updated_at": "2026-01-01T00:00:00+00:00",
    }


def test_people_before_the_format_are_checked_once_the_format_is_known(tmp_path):
    path = tmp_path / "export.json"
    path.write_text(json.dumps({"people": [person(1), person(2)], "format": "givefirst"}))
    with pytest.raises(ImportProblem, match="has format version None"):
        next(givefirst_json.persons(path))
    path.write_text(json.dumps({"people": [person(1)], "version": 1, "format": "givefirst"}))
    assert [p["name"] for p in givefirst_json.persons(path)] == ["Ada Quill 1"]


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ([], 'is not a givefirst export (no "format": "givefirst")'),
        ({"format": "givefirst", "version": 1}, '"people" must be a list'),
        ({"format": "givefirst", "version": 1, "people": {}}, '"people" must be a list'),
    ],
)
def test_a_document_that_is_not_one_says_so(tmp_path, document, message):
    path = tmp_path / "export.json"
    path.write_text(json.dumps(document))
    with pytest.raises(ImportProblem) as refused:
        list(givefirst_json.persons(path))
    assert refused.value.reason == message


def test_one_value_longer_than_the_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(json_stream, "MAX_VALUE_CHARS", 1000)
    monkeypatch.setattr(json_stream, "CHUNK", 100)
    path = tmp_path / "export.json"
    big = {**person(2), "notes": "x" * 5000}
    path.write_text(json.dumps({"format": "givefirst", "version": 1, "people": [person(1), big]}))
    persons = givefirst_json.persons(path)
    assert next(persons)["id"] == 1
    with pytest.raises(ImportProblem, match="holds a value longer than"):
        next(persons)


def test_progress_counts_people_against_an_estimate_from_the_bytes_read(tmp_path, monkeypatch):
    monkeypatch.setattr(givefirst_json, "PROGRESS_EVERY", 2)
    monkeypatch.setattr(json_stream, "CHUNK", 64)
    path = tmp_path / "export.json"
    people = [person(n) for n in range(1, 8)]
    path.write_text(json.dumps({"format": "givefirst", "version": 1, "people": people}))
    heard = []
    assert len(list(givefirst_json.persons(path, lambda *seen: heard.append(seen)))) == 7
    assert [done for done, _ in heard] == [2, 4, 6, 7]
    assert all(total >= done for done, total in heard) and heard[-1] == (7, 7)
