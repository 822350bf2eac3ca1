"""What a well-behaved client never sends: raw JSON-RPC frames over the server's pipes."""

import json
import subprocess
import time

import pytest

from conftest import SERVER_COMMAND


class RawSession:
    def __init__(self, cwd):
        self.process = subprocess.Popen(SERVER_COMMAND, cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE)

    def send_bytes(self, data: bytes):
        self.process.stdin.write(data)
        self.process.stdin.flush()

    def send(self, message: dict):
        body = json.dumps(message).encode("utf-8")
        self.send_bytes(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def receive(self) -> dict:
        length = None
        while True:
            line = self.process.stdout.readline()
            assert line, "the server closed its output"
            if line in (b"\r\n", b"\n"):
                break
            name, _, value = line.decode("ascii").partition(":")
            if name.strip().lower() == "content-length":
                length = int(value)
        return json.loads(self.process.stdout.read(length))

    def response(self, request_id) -> dict:
        """The response to one request, skipping notifications (diagnostics) on the way."""
        while True:
            message = self.receive()
            if "method" not in message and message.get("id") == request_id:
                return message

    def initialize(self, root):
        self.send({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                   "params": {"processId": None, "rootUri": root.as_uri(), "capabilities": {}}})
        result = self.response(1)["result"]
        self.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
        return result

    def wait(self, timeout=10):
        return self.process.wait(timeout=timeout)

    def close(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
            stream.close()


@pytest.fixture
def session(workspace):
    raw = RawSession(workspace)
    yield raw
    raw.close()


def test_initialize_result_names_the_capabilities(session, workspace):
    result = session.initialize(workspace)
    capabilities = result["capabilities"]
    assert capabilities["textDocumentSync"]["change"] == 2
    for provider in ("definitionProvider", "referencesProvider", "hoverProvider", "documentSymbolProvider",
                     "renameProvider", "completionProvider", "codeActionProvider"):
        assert capabilities[provider]
    assert result["serverInfo"]["name"] == "charter"


def test_request_before_initialize_is_refused(session, workspace):
    session.send({"jsonrpc": "2.0", "id": 7, "method": "textDocument/hover",
                  "params": {"textDocument": {"uri": (workspace / "people.yaml").as_uri()},
                             "position": {"line": 0, "character": 0}}})
    assert session.response(7)["error"]["code"] == -32002
    session.initialize(workspace)


def test_malformed_messages_then_a_valid_request_still_works(session, workspace):
    session.initialize(workspace)
    session.send_bytes(b"Content-Length: 12\r\n\r\n{not json!!}")
    assert session.receive()["error"]["code"] == -32700
    session.send_bytes(b"Content-Length: banana\r\n\r\n")
    assert session.receive()["error"]["code"] == -32700
    session.send({"jsonrpc": "2.0", "id": 3, "params": {}})
    assert session.response(3)["error"]["code"] == -32600
    session.send({"jsonrpc": "2.0", "id": 4, "method": "workspace/noSuchThing", "params": {}})
    assert session.response(4)["error"]["code"] == -32601
    # And the server still answers real requests.
    session.send({"jsonrpc": "2.0", "id": 5, "method": "textDocument/documentSymbol",
                  "params": {"textDocument": {"uri": (workspace / "programs/payments/milestones.yaml").as_uri()}}})
    assert [symbol["name"] for symbol in session.response(5)["result"]] == ["M1", "M2"]
    session.send({"jsonrpc": "2.0", "id": 6, "method": "shutdown"})
    assert session.response(6)["result"] is None
    session.send({"jsonrpc": "2.0", "method": "exit"})
    assert session.wait() == 0


def test_exit_without_shutdown_ends_with_status_1(session, workspace):
    session.initialize(workspace)
    session.send({"jsonrpc": "2.0", "method": "exit"})
    assert session.wait() == 1


def test_a_client_that_disappears_does_not_leave_the_server_running(session, workspace):
    session.initialize(workspace)
    session.process.stdin.close()
    assert session.wait() == 1


def test_requests_after_shutdown_are_refused(session, workspace):
    session.initialize(workspace)
    session.send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    session.response(2)
    session.send({"jsonrpc": "2.0", "id": 3, "method": "textDocument/documentSymbol",
                  "params": {"textDocument": {"uri": (workspace / "people.yaml").as_uri()}}})
    assert session.response(3)["error"]["code"] == -32600
    session.send({"jsonrpc": "2.0", "method": "exit"})
    assert session.wait() == 0
