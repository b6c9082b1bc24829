import FlyingFox
import FlyingSocks
import Foundation

/// The bridge between FlyingFox's request and response types and serve's own.
enum FlyingFoxAdapter {
    /// A listener on `host:port` (port 0: the system picks one) with `handle` answering
    /// every request. Requests' bodies beyond a few KiB are not buffered by the library;
    /// serve refuses them by their Content-Length before reading.
    static func makeServer(host: String, port: Int, handle: @escaping @Sendable (HTTPRequest) async -> HTTPResponse) throws -> HTTPServer {
        let address: any SocketAddress = host.contains(":")
            ? try sockaddr_in6.inet6(ip6: host, port: UInt16(port))
            : try sockaddr_in.inet(ip4: host, port: UInt16(port))
        let config = HTTPServer.Configuration(address: address, timeout: 30,
                                              sharedRequestBufferSize: 4_096,
                                              sharedRequestReplaySize: RequestLimits.maxStubBodyBytes,
                                              logger: .disabled)
        let server = HTTPServer(config: config)
        Task { await server.appendRoute("*", handler: handle) }
        return server
    }

    static func request(_ request: HTTPRequest, readBody: Bool) async -> ServeRequest {
        var headers: [String: String] = [:]
        for (name, value) in request.headers { headers[name.rawValue.lowercased()] = value }
        var body = Data()
        if readBody, let data = try? await request.bodyData { body = data }
        return ServeRequest(method: request.method.rawValue, path: request.target.path(), query: request.target.query(),
                            headers: headers, body: body)
    }

    static func response(_ response: ServeResponse, method: String) -> HTTPResponse {
        var headers = HTTPHeaders()
        for header in response.headers { headers.addValue(header.value, for: HTTPHeader(header.name)) }
        let body = method == "HEAD" ? Data() : response.body
        return HTTPResponse(statusCode: HTTPStatusCode(response.status, phrase: phrase(response.status)), headers: headers, body: body)
    }

    static func eventStream(_ stream: AsyncStream<[UInt8]>) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers[HTTPHeader("Content-Type")] = "text/event-stream"
        for header in ServeResponse.baseHeaders { headers[HTTPHeader(header.name)] = header.value }
        return HTTPResponse(statusCode: .ok, headers: headers, body: HTTPBodySequence(from: EventStreamBytes(stream: stream)))
    }

    static func port(of server: HTTPServer) async -> Int? {
        switch await server.listeningAddress {
        case .ip4(_, let port), .ip6(_, let port): return Int(port)
        default: return nil
        }
    }

    private static func phrase(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 301: return "Moved Permanently"
        case 400: return "Bad Request"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 405: return "Method Not Allowed"
        case 413: return "Content Too Large"
        case 414: return "URI Too Long"
        case 421: return "Misdirected Request"
        case 431: return "Request Header Fields Too Large"
        case 503: return "Service Unavailable"
        default: return "Status"
        }
    }
}
