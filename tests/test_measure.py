"""devtools.measure counts every response: one whose body cannot be read fails the
measurement instead of being left out of the byte totals and the gzip checks."""
from __future__ import annotations

import pytest

from devtools.measure import MeasurementError, Traffic


class Response:
    def __init__(self, url, status=200, body=b"x" * 2000, headers=None):
        self.url, self.status, self._body = url, status, body
        self.headers = headers if headers is not None else {"content-encoding": "gzip", "content-type": "text/html"}
        self.request = self

    def sizes(self):
        return {"responseBodySize": 100, "responseHeadersSize": 50}

    def body(self):
        if isinstance(self._body, Exception):
            raise self._body
        return self._body


def test_a_body_that_cannot_be_read_fails_the_measurement():
    traffic = Traffic()
    traffic.add(Response("http://x/a"))
    traffic.add(Response("http://x/b", body=RuntimeError("Network.getResponseBody failed")))
    assert traffic.requests == 2
    with pytest.raises(MeasurementError, match="http://x/b"):
        traffic.check()


def test_redirects_and_readable_bodies_are_counted():
    traffic = Traffic()
    traffic.add(Response("http://x/", status=301, body=RuntimeError("no body")))
    traffic.add(Response("http://x/a", headers={"content-type": "text/html"}))
    assert traffic.check() is traffic
    assert (traffic.requests, traffic.transferred, traffic.uncompressed) == (2, 300, 2000)
    assert traffic.uncompressed_types == ["http://x/a"]
