import JSONRPC
import Testing

@Suite struct MessageTests {
    private func message(_ text: String) throws -> Message {
        try Message(JSON.parse(Array(text.utf8)))
    }

    @Test func readsRequestsNotificationsAndResponses() throws {
        #expect(try message(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"a":1}}"#)
                == .request(id: .number(1), method: "initialize", params: ["a": 1]))
        #expect(try message(#"{"jsonrpc":"2.0","id":"x","method":"shutdown"}"#)
                == .request(id: .string("x"), method: "shutdown", params: .null))
        #expect(try message(#"{"jsonrpc":"2.0","method":"exit"}"#) == .notification(method: "exit", params: .null))
        #expect(try message(#"{"jsonrpc":"2.0","id":3,"result":null}"#) == .response(id: .number(3), result: .success(.null)))
        #expect(try message(#"{"jsonrpc":"2.0","id":4,"error":{"code":-32601,"message":"no"}}"#)
                == .response(id: .number(4), result: .failure(ResponseError(.methodNotFound, "no"))))
    }

    @Test(arguments: [
        (#"[1,2]"#, ErrorCode.invalidRequest, nil as RequestID?),
        (#"{"id":1,"method":"x"}"#, .invalidRequest, .number(1)),
        (#"{"jsonrpc":"2.0","id":2,"method":7}"#, .invalidRequest, .number(2)),
        (#"{"jsonrpc":"2.0","id":true,"method":"x"}"#, .invalidRequest, nil),
        (#"{"jsonrpc":"2.0","id":5,"method":"x","params":3}"#, .invalidRequest, .number(5)),
        (#"{"jsonrpc":"2.0","id":6}"#, .invalidRequest, .number(6)),
    ])
    func rejectsInvalidMessagesWithTheIdToAnswer(text: String, code: ErrorCode, id: RequestID?) throws {
        let json = try JSON.parse(Array(text.utf8))
        do throws(InvalidMessage) {
            _ = try Message(json)
            Issue.record("\(text) was accepted")
        } catch {
            #expect(error.error.code == code.rawValue)
            #expect(error.id == id)
        }
    }

    @Test func rejectsBrokenJSON() {
        #expect(throws: (any Error).self) { try JSON.parse(Array(#"{"jsonrpc": "2.0", "id": 1,"#.utf8)) }
        #expect(throws: (any Error).self) { try JSON.parse(Array("".utf8)) }
    }

    @Test func writesWhatItReads() throws {
        let original = Message.request(id: .number(7), method: "textDocument/hover",
                                       params: ["position": ["line": 3, "character": 12], "text": "é\"\n", "flag": true, "n": nil])
        let read = try Message(JSON.parse(original.json.serialized()))
        #expect(read == original)
        #expect(Message.response(id: nil, result: .failure(ResponseError(.parseError, "bad"))).json.serializedString
                == #"{"error":{"code":-32700,"message":"bad"},"id":null,"jsonrpc":"2.0"}"#)
    }

    @Test func keepsIntegersApartFromFractions() throws {
        #expect(try JSON.parse(Array("[1, 1.5, -3]".utf8)) == [.int(1), .double(1.5), .int(-3)])
    }
}
