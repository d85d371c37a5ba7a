"""Reading request bodies and query parameters, with the API's errors."""

import json
import re

from flask import request

from givefirst.errors import GivefirstError, Invalid


def json_body() -> dict:
    """The body as a JSON object: 415 for other content types, 400 for broken JSON."""
    if not request.is_json:
        raise GivefirstError(
            "send JSON with Content-Type: application/json",
            code="unsupported_media_type",
            status=415,
        )
    raw = request.get_data(cache=True)
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as error:
        raise GivefirstError(f"the body is not valid JSON: {error}", code="bad_json") from None
    except RecursionError:
        raise GivefirstError("the body is nested too deeply", code="bad_json") from None
    if not isinstance(data, dict):
        raise Invalid("the body must be a JSON object")
    return data


WHOLE_NUMBER = re.compile(r"-?[0-9]{1,18}")


def one_arg(name: str) -> str | None:
    """A query parameter given at most once: `?limit=&limit=5` is refused, not half-read."""
    found = request.args.getlist(name)
    if len(found) > 1:
        raise Invalid(f"{name} is given more than once")
    return found[0] if found else None


def int_arg(name: str, default: int, low: int, high: int) -> int:
    raw = one_arg(name)
    if raw is None:
        return default
    if not WHOLE_NUMBER.fullmatch(raw):  # int() would also take " 5", "5_0" and other digits
        raise Invalid(f"{name} must be a whole number")
    value = int(raw)
    if not low <= value <= high:
        raise Invalid(f"{name} must be from {low} to {high}")
    return value


def str_arg(name: str, max_length: int = 200) -> str | None:
    raw = one_arg(name)
    if raw is None or not raw.strip():
        return None
    if len(raw) > max_length or "\x00" in raw:
        raise Invalid(f"{name} is too long or contains NUL bytes")
    return raw.strip()
