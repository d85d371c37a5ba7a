"""Errors that reach a person: each has an HTTP status and a snake_case code for the API."""


class GivefirstError(Exception):
    status = 400
    code = "bad_request"

    def __init__(self, message: str, code: str | None = None, status: int | None = None):
        super().__init__(message)
        self.message = message
        if code:
            self.code = code
        if status:
            self.status = status


class Invalid(GivefirstError):
    status = 422
    code = "invalid"


class NotFound(GivefirstError):
    status = 404
    code = "not_found"


class Conflict(GivefirstError):
    status = 409
    code = "conflict"
