"""One error shape for the whole API: {"error": {"code", "message"}} with a fitting status."""

import logging

from flask import Flask, g, jsonify, request
from werkzeug.exceptions import HTTPException

from givefirst.errors import NOT_A_PROFILE_URL, GivefirstError, invalid_profile_url

log = logging.getLogger("givefirst")

HTTP_CODES = {
    400: ("bad_request", "The request could not be understood."),
    401: (
        "unauthorized",
        "A valid token is required: pair the extension or run `givefirst token new`.",
    ),
    403: ("forbidden", "This request is not allowed."),
    404: ("not_found", "There is nothing here."),
    405: ("method_not_allowed", "This method is not allowed here."),
    413: ("too_large", "The request body is larger than 4 MiB."),
    415: ("unsupported_media_type", "Send JSON with Content-Type: application/json."),
    422: ("invalid", "The request is not valid."),
    429: ("too_many_requests", "Too many requests; try again later."),
    500: ("internal_error", "Something went wrong inside givefirst; nothing was changed."),
}


SAVED_THEN_FAILED = "The change was saved, but something went wrong inside givefirst after that."


def error_response(status: int, code: str | None = None, message: str | None = None):
    default_code, default_message = HTTP_CODES.get(status, ("error", "Request failed."))
    response = jsonify(
        {"error": {"code": code or default_code, "message": message or default_message}}
    )
    response.status_code = status
    if status == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="givefirst"'
    return response


def wants_json() -> bool:
    return request.path.startswith("/api/")


def init_app(app: Flask) -> None:
    @app.errorhandler(GivefirstError)
    def known_error(error: GivefirstError):
        return error_response(error.status, error.code, error.message)

    def not_a_profile_url(error: Exception):
        return known_error(invalid_profile_url(error))

    for refused_url in NOT_A_PROFILE_URL:
        app.register_error_handler(refused_url, not_a_profile_url)

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        if not wants_json():
            return error
        response = error_response(error.code or 500)
        if error.code == 405 and error.valid_methods:
            response.headers["Allow"] = ", ".join(error.valid_methods)
        return response

    @app.errorhandler(Exception)
    def unexpected(error: Exception):
        # Never a traceback to the client; the log keeps it for the person running the service.
        log.exception("unexpected error on %s %s", request.method, request.path)
        if g.get("committed"):
            return error_response(500, message=SAVED_THEN_FAILED)
        return error_response(500)
