"""Sends one request to a session's virtual server as raw HTTP bytes, and reads the raw response
back with http.client, the way a real client would."""

import base64
import http.client
import io

from . import sessions
from .console import strip_ansi

DEFAULT_CLIENT = "203.0.113.7"  # TEST-NET-3: an address from the internet, i.e. the attacker


class _ResponseSocket:
    def __init__(self, data):
        self._data = data

    def makefile(self, mode="rb", buffering=None):
        return io.BytesIO(self._data)


def _raw_request(served, request):
    body = (request.get("body") or "").encode("utf-8")
    headers = [(name, value) for name, value in request.get("headers", [])]
    names = {name.lower() for name, _ in headers}
    if "host" not in names:
        headers.insert(0, ("Host", f"localhost:{served.port}"))
    if "user-agent" not in names:
        headers.append(("User-Agent", "curl/8.11.1"))
    if "accept" not in names:
        headers.append(("Accept", "*/*"))
    if body and "content-length" not in names:
        headers.append(("Content-Length", str(len(body))))
    lines = [f"{request.get('method', 'GET')} {request['path']} HTTP/1.1"]
    lines += [f"{name}: {value}" for name, value in headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


def _parse_response(raw, method):
    if not raw:
        return None
    response = http.client.HTTPResponse(_ResponseSocket(raw), method=method)
    response.begin()
    body = response.read()
    parsed = {
        "status": response.status,
        "reason": response.reason,
        "headers": [[name, value] for name, value in response.getheaders()],
        "body": body.decode("utf-8", errors="replace"),
    }
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        # An image or a font: the preview needs the bytes themselves, not their text.
        parsed["bodyBase64"] = base64.b64encode(body).decode("ascii")
    return parsed


def request(args):
    session = sessions.get(args["session"])
    request_spec = args["request"]
    served = session.server
    if served is None:
        return {
            "status": 0,
            "reason": "Connection refused",
            "headers": [],
            "body": "",
            "log": "",
            "interrupted": False,
        }
    if request_spec.get("probe"):
        from . import probe

        probe.install(served.flask_app)
        request_spec = {**request_spec, "path": probe.PROBE_PATH}
    client = (request_spec.get("client") or DEFAULT_CLIENT, 54321)
    interruption = None
    raw_response = b""
    forwarded_reads = None
    with session.active(), session.capturing() as log:
        try:
            if request_spec.get("watchForwarded"):
                from . import forwarded_reads as watch

                raw_response, forwarded_reads = watch.watching(
                    served.flask_app, lambda: served.handle(_raw_request(served, request_spec), client)
                )
            else:
                raw_response = served.handle(_raw_request(served, request_spec), client)
        except KeyboardInterrupt as error:
            from .runner import interruption_of

            interruption = interruption_of(error)
    interrupted = interruption is not None
    parsed = None if interrupted else _parse_response(raw_response, request_spec.get("method", "GET"))
    if parsed is None:
        parsed = {"status": 0, "reason": "Empty reply from server", "headers": [], "body": ""}
    answer = {**parsed, "log": strip_ansi("".join(log)), "interrupted": interrupted, "interruption": interruption}
    if forwarded_reads is not None:
        answer["forwardedReads"] = forwarded_reads
    return answer
