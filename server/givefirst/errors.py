"""Errors that reach a person: each has an HTTP status and a snake_case code for the API."""

from givefirst.sites.base import InvalidUrl, NotAProfile

NOT_A_PROFILE_URL = (InvalidUrl, NotAProfile)  # what store/people.ref_for raises


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


def invalid_profile_url(error: InvalidUrl | NotAProfile) -> Invalid:
    """A URL that names no one's profile, as the 422 the API, the dashboard and imports report."""
    return Invalid(
        str(error), code="invalid_url" if isinstance(error, InvalidUrl) else "not_a_profile"
    )
