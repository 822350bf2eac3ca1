#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JSONRPC
import Testing

/// Answers `echo` with its params, fails everything else with MethodNotFound, stops at `exit`.
private final class EchoHandler: MessageHandler {
    var isFinished = false
    var idleCalls = 0

    func handle(_ message: Message, on connection: Connection) {
        switch message {
        case .request(let id, "echo", let params): connection.reply(to: id, .success(params))
        case .request(let id, let method, _): connection.reply(to: id, .failure(ResponseError(.methodNotFound, method)))
        case .notification("exit", _): isFinished = true
        default: break
        }
    }

    func idle(on connection: Connection) { idleCalls += 1 }
}

@Suite struct ConnectionTests {
    /// Runs a connection over real pipes on `input` and returns every message it wrote.
    private func exchange(_ input: [UInt8]) throws -> [JSON] {
        var toServer: [Int32] = [0, 0], fromServer: [Int32] = [0, 0]
        #expect(pipe(&toServer) == 0 && pipe(&fromServer) == 0)
        input.withUnsafeBytes { _ = write(toServer[1], $0.baseAddress, $0.count) }
        close(toServer[1])
        let handler = EchoHandler()
        Connection(input: toServer[0], output: fromServer[1], log: { _ in }).run(handler)
        close(fromServer[1])
        close(toServer[0])
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fromServer[0], $0.baseAddress, $0.count) }
            if count <= 0 { break }
            output += chunk[..<count]
        }
        close(fromServer[0])
        var framer = MessageFramer()
        framer.append(output)
        var messages: [JSON] = []
        while case .body(let body)? = framer.next() { messages.append(try JSON.parse(body)) }
        return messages
    }

    private func framed(_ text: String) -> [UInt8] { MessageFramer.frame(Array(text.utf8)) }

    @Test func answersAfterAMalformedMessage() throws {
        let input = framed(#"{"jsonrpc":"2.0","id":1,"method":"echo""#)          // cut short
            + Array("Content-Length: nope\r\n\r\n".utf8)                           // a broken header
            + framed(#"{"jsonrpc":"2.0","id":2,"method":"echo","params":{"x":"é"}}"#)
            + framed(#"{"jsonrpc":"2.0","id":3,"method":"nothing"}"#)
            + framed(#"{"id":4,"method":"echo"}"#)                                 // no "jsonrpc"
        let messages = try exchange(input)
        #expect(messages.count == 5)
        #expect(messages[0]["error"]?["code"] == .int(ErrorCode.parseError.rawValue))
        #expect(messages[0]["id"] == .null)
        #expect(messages[1]["error"]?["code"] == .int(ErrorCode.parseError.rawValue))
        #expect(messages[2] == ["jsonrpc": "2.0", "id": 2, "result": ["x": "é"]])
        #expect(messages[3]["error"]?["code"] == .int(ErrorCode.methodNotFound.rawValue))
        #expect(messages[4]["error"]?["code"] == .int(ErrorCode.invalidRequest.rawValue))
        #expect(messages[4]["id"] == .int(4))
    }

    @Test func stopsAtExitAndAtTheEndOfInput() throws {
        let afterExit = framed(#"{"jsonrpc":"2.0","method":"exit"}"#) + framed(#"{"jsonrpc":"2.0","id":9,"method":"echo"}"#)
        #expect(try exchange(afterExit).isEmpty)
        #expect(try exchange([]).isEmpty)
    }
}
