/// A request id: JSON-RPC allows a number or a string.
public enum RequestID: Sendable, Hashable, CustomStringConvertible {
    case number(Int)
    case string(String)

    public init?(_ json: JSON) {
        if let number = json.intValue { self = .number(number) }
        else if let text = json.stringValue { self = .string(text) }
        else { return nil }
    }

    public var json: JSON {
        switch self {
        case .number(let number): return .int(number)
        case .string(let text): return .string(text)
        }
    }

    public var description: String {
        switch self {
        case .number(let number): return String(number)
        case .string(let text): return text
        }
    }
}

/// One JSON-RPC 2.0 message.
public enum Message: Sendable, Hashable {
    case request(id: RequestID, method: String, params: JSON)
    case notification(method: String, params: JSON)
    case response(id: RequestID?, result: Result<JSON, ResponseError>)

    /// Reads a message from its JSON; a value that is no valid message throws the error to answer
    /// with (and the id to answer, when one could be read).
    public init(_ json: JSON) throws(InvalidMessage) {
        guard let members = json.objectValue else {
            throw InvalidMessage(id: nil, error: ResponseError(.invalidRequest, "a JSON-RPC message must be an object"))
        }
        let id = members["id"].flatMap { $0.isNull ? nil : RequestID($0) }
        if let idValue = members["id"], !idValue.isNull, id == nil {
            throw InvalidMessage(id: nil, error: ResponseError(.invalidRequest, "the id must be a number or a string"))
        }
        guard members["jsonrpc"]?.stringValue == "2.0" else {
            throw InvalidMessage(id: id, error: ResponseError(.invalidRequest, "the message must say \"jsonrpc\": \"2.0\""))
        }
        if let methodValue = members["method"] {
            guard let method = methodValue.stringValue else {
                throw InvalidMessage(id: id, error: ResponseError(.invalidRequest, "the method must be a string"))
            }
            let params = members["params"] ?? .null
            switch params {
            case .null, .object, .array: break
            default:
                throw InvalidMessage(id: id, error: ResponseError(.invalidRequest, "params must be an object or an array"))
            }
            if let id { self = .request(id: id, method: method, params: params) }
            else { self = .notification(method: method, params: params) }
            return
        }
        if let error = members["error"]?.objectValue {
            let response = ResponseError(code: error["code"]?.intValue ?? ErrorCode.unknownErrorCode.rawValue,
                                         message: error["message"]?.stringValue ?? "", data: error["data"])
            self = .response(id: id, result: .failure(response))
            return
        }
        if members.keys.contains("result") {
            self = .response(id: id, result: .success(members["result"] ?? .null))
            return
        }
        throw InvalidMessage(id: id, error: ResponseError(.invalidRequest, "a message needs a method, a result or an error"))
    }

    public var json: JSON {
        switch self {
        case .request(let id, let method, let params):
            var members: [String: JSON] = ["jsonrpc": "2.0", "id": id.json, "method": .string(method)]
            if !params.isNull { members["params"] = params }
            return .object(members)
        case .notification(let method, let params):
            var members: [String: JSON] = ["jsonrpc": "2.0", "method": .string(method)]
            if !params.isNull { members["params"] = params }
            return .object(members)
        case .response(let id, let result):
            var members: [String: JSON] = ["jsonrpc": "2.0", "id": id?.json ?? .null]
            switch result {
            case .success(let value): members["result"] = value
            case .failure(let error): members["error"] = error.json
            }
            return .object(members)
        }
    }
}

/// A JSON value that is not a valid message, with the id to answer when it had one.
public struct InvalidMessage: Error, Sendable, Hashable {
    public var id: RequestID?
    public var error: ResponseError
}
