#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a JSON-RPC endpoint does with the messages it receives.
public protocol MessageHandler: AnyObject {
    /// A request or notification; answer requests with `connection.reply`.
    func handle(_ message: Message, on connection: Connection)
    /// Called when every message received so far has been handled, before waiting for more:
    /// the place for work that a burst of notifications should trigger once (diagnostics).
    func idle(on connection: Connection)
    /// Whether to stop reading (after `exit`).
    var isFinished: Bool { get }
}

/// A JSON-RPC connection over two file descriptors (stdin and stdout for a language server):
/// reads framed messages, answers malformed ones with the right error, and writes replies and
/// notifications. One thread reads and handles; writes are whole frames.
public final class Connection {
    private let input: Int32
    private let output: Int32
    private var framer = MessageFramer()
    private var nextRequestID = 1
    /// Set when the output is gone (the client closed its end): nothing more can be said.
    public private(set) var isBroken = false
    /// Where problems with the stream itself are written (stderr by default).
    private let log: (String) -> Void

    public init(input: Int32 = 0, output: Int32 = 1, log: @escaping (String) -> Void = Connection.standardError) {
        self.input = input
        self.output = output
        self.log = log
        // A client that closes its end must not kill the server with SIGPIPE mid-write.
        signal(SIGPIPE, SIG_IGN)
    }

    public static func standardError(_ line: String) {
        let bytes = Array((line + "\n").utf8)
        bytes.withUnsafeBytes { _ = write(2, $0.baseAddress, $0.count) }
    }

    /// Reads and handles messages until the input ends or the handler is finished.
    public func run(_ handler: some MessageHandler) {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while !handler.isFinished {
            drain(handler)
            // Nobody is listening any more (the client closed our output): stop rather than work for no one.
            if handler.isFinished || isBroken { return }
            handler.idle(on: self)
            let count = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                log("charter lsp: cannot read the input: \(String(cString: strerror(errno)))")
                return
            }
            if count == 0 { return }
            framer.append(chunk[..<count])
        }
    }

    /// Handles every complete frame already received.
    private func drain(_ handler: some MessageHandler) {
        while !handler.isFinished, !isBroken, let frame = framer.next() {
            switch frame {
            case .malformed(let reason):
                log("charter lsp: skipped bytes that are not a message: \(reason)")
                send(.response(id: nil, result: .failure(ResponseError(.parseError, "not a message: \(reason)"))))
            case .body(let body):
                let json: JSON
                do {
                    json = try JSON.parse(body)
                } catch {
                    send(.response(id: nil, result: .failure(ResponseError(.parseError, "the body is not valid JSON"))))
                    continue
                }
                do throws(InvalidMessage) {
                    handler.handle(try Message(json), on: self)
                } catch {
                    // A response to nothing cannot be answered; a broken request or notification can.
                    send(.response(id: error.id, result: .failure(error.error)))
                }
            }
        }
    }

    public func reply(to id: RequestID, _ result: Result<JSON, ResponseError>) {
        send(.response(id: id, result: result))
    }

    public func notify(_ method: String, _ params: JSON) {
        send(.notification(method: method, params: params))
    }

    /// Sends a request to the client; its answer arrives as a `.response` message.
    @discardableResult
    public func request(_ method: String, _ params: JSON) -> RequestID {
        let id = RequestID.number(nextRequestID)
        nextRequestID += 1
        send(.request(id: id, method: method, params: params))
        return id
    }

    public func send(_ message: Message) {
        guard !isBroken else { return }
        let bytes = MessageFramer.frame(message.json.serialized())
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { write(output, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                isBroken = true
                return
            }
            offset += written
        }
    }
}
