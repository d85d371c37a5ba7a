"""`givefirst open` and `givefirst bookmarklet`: what they print on their last line."""

from urllib.parse import unquote, urlsplit

from givefirst.cli import main


def last_line(result) -> str:
    assert result.exit_code == 0, result.output
    return result.stdout.strip().splitlines()[-1]


def test_open_prints_a_one_time_login_link_that_logs_in_once(runner, anonymous, app):
    url = last_line(runner.invoke(main, ["open", "--no-browser"]))
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc, parts.path) == ("http", "127.0.0.1:7170", "/login")
    assert anonymous.get(f"/login?{parts.query}").status_code == 200  # then on to Today
    assert anonymous.get("/").status_code == 200
    assert app.test_client().get(f"/login?{parts.query}").status_code == 403


def test_open_says_when_the_service_is_not_running(runner):
    result = runner.invoke(main, ["open", "--no-browser", "--port", "9"])
    assert "does not answer on port 9" in result.stderr
    assert last_line(result).startswith("http://127.0.0.1:9/login?token=")


def test_bookmarklet_prints_one_javascript_url_for_the_port(runner):
    url = last_line(runner.invoke(main, ["bookmarklet", "--port", "7171"]))
    assert url.startswith("javascript:") and " " not in url and "#" not in url
    code = unquote(url.removeprefix("javascript:"))
    assert '"http://127.0.0.1:7171" + "/popup#"' in code
    assert "window.open(" in code


def test_the_bookmarklet_never_loads_anything_from_the_service_itself(runner):
    code = unquote(last_line(runner.invoke(main, ["bookmarklet"])))
    for forbidden in ("fetch(", "XMLHttpRequest", "createElement", "iframe", "sendBeacon", ".src"):
        assert forbidden not in code, forbidden
    assert code.count("127.0.0.1") == 1  # only in the popup's address
