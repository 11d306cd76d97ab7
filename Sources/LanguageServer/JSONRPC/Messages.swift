import Foundation

/// The id of a JSON-RPC request: a number or a string, as the client chose.
public enum RequestID: Codable, Hashable, Sendable, CustomStringConvertible {
    /// A numeric id.
    case number(Int)
    /// A string id.
    case string(String)

    /// Decodes a number or a string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let n = try? container.decode(Int.self) {
            self = .number(n)
        } else {
            self = .string(try container.decode(String.self))
        }
    }

    /// Encodes it as it came.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .number(let n): try container.encode(n)
        case .string(let s): try container.encode(s)
        }
    }

    /// The id as written in JSON.
    public var description: String {
        switch self {
        case .number(let n): String(n)
        case .string(let s): "\"\(s)\""
        }
    }
}

/// A JSON-RPC error answered to a request.
public struct ResponseError: Error, Codable, Sendable, Equatable {
    /// The error's code (JSON-RPC's and LSP's numbers).
    public var code: Int
    /// What went wrong, for the client's log.
    public var message: String

    /// Creates an error.
    public init(code: Int, message: String) {
        self.code = code
        self.message = message
    }

    /// The message was not JSON.
    public static func parseError(_ message: String) -> ResponseError { ResponseError(code: -32700, message: message) }
    /// The JSON was not a request.
    public static func invalidRequest(_ message: String) -> ResponseError {
        ResponseError(code: -32600, message: message)
    }
    /// The server does not implement the method.
    public static func methodNotFound(_ method: String) -> ResponseError {
        ResponseError(code: -32601, message: "method not found: \(method)")
    }
    /// The parameters did not decode.
    public static func invalidParams(_ message: String) -> ResponseError {
        ResponseError(code: -32602, message: message)
    }
    /// A request came before `initialize`.
    public static let serverNotInitialized = ResponseError(code: -32002, message: "server not initialized")
    /// A request came after `shutdown`.
    public static let shutDown = ResponseError(code: -32600, message: "server is shutting down")
    /// The client cancelled the request (`$/cancelRequest`).
    public static let requestCancelled = ResponseError(code: -32800, message: "request cancelled")
    /// The document changed before the answer was ready.
    public static let contentModified = ResponseError(code: -32801, message: "content modified")
}

/// The parts of an incoming message that say what it is.
struct Envelope: Decodable {
    var id: RequestID?
    var method: String?
}

/// The parameters of an incoming message, decoded as `P`.
struct ParamsEnvelope<P: Decodable>: Decodable {
    var params: P
}

/// What the server writes: a response (result or error), a notification or a request of its own.
enum Outgoing {
    /// The JSON of a response with a result (`null` when `result` is nil).
    static func response(id: RequestID?, result: (some Encodable)?) -> [UInt8] {
        encode(Response(id: id, result: result, error: nil))
    }

    /// The JSON of an error response.
    static func response(id: RequestID?, error: ResponseError) -> [UInt8] {
        encode(Response<Int>(id: id, result: nil, error: error))
    }

    /// The JSON of a notification.
    static func notification(_ method: String, _ params: some Encodable) -> [UInt8] {
        encode(Notification(method: method, params: params))
    }

    /// The JSON of a request without parameters.
    static func request(id: RequestID, _ method: String) -> [UInt8] {
        encode(Request(id: id, method: method))
    }

    private struct Response<R: Encodable>: Encodable {
        var id: RequestID?
        var result: R?
        var error: ResponseError?

        enum CodingKeys: String, CodingKey { case jsonrpc, id, result, error }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode("2.0", forKey: .jsonrpc)
            if let id { try c.encode(id, forKey: .id) } else { try c.encodeNil(forKey: .id) }
            if let error {
                try c.encode(error, forKey: .error)
            } else if let result {
                try c.encode(result, forKey: .result)
            } else {
                try c.encodeNil(forKey: .result)
            }
        }
    }

    private struct Notification<P: Encodable>: Encodable {
        var jsonrpc = "2.0"
        var method: String
        var params: P
    }

    private struct Request: Encodable {
        var jsonrpc = "2.0"
        var id: RequestID
        var method: String
    }

    private static func encode(_ value: some Encodable) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Every type encoded here is made of strings, numbers, booleans, arrays and objects, which always encode.
        return (try? Array(encoder.encode(value))) ?? Array(#"{"jsonrpc":"2.0","id":null,"result":null}"#.utf8)
    }
}
