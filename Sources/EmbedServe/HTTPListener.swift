import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// What a handler answers: a whole response, or an event stream sent chunk by chunk until the
/// client goes away.
public enum ServeReply: Sendable {
    case response(ServeResponse)
    case stream(ServeResponse, AsyncStream<[UInt8]>)
}

/// One HTTP/1.1 listener on SwiftNIO (its parser, llhttp, and its limits: a header field and all
/// of them together at most `maxHeaderBytes`, so a huge request line or header is refused with
/// an error before it is held in memory). Bodies beyond `maxBody` are refused by Content-Length
/// or as they arrive (413, connection closed). A connection that sends nothing for 30 s is
/// closed, except while it receives an event stream.
public final class HTTPListener: Sendable {
    public let port: Int
    private let channel: any Channel

    private init(port: Int, channel: any Channel) {
        self.port = port
        self.channel = channel
    }

    public static let idleSeconds: Int64 = 30

    public static func start(host: String, port: Int, maxBody: Int,
                             handle: @escaping @Sendable (ServeRequest) async -> ServeReply) async throws -> HTTPListener {
        var limits = NIOHTTPDecoderLimitConfiguration()
        limits.maxHeaderFieldSize = RequestLimits.maxHeaderBytes
        limits.maxHeaderListSize = RequestLimits.maxHeaderBytes
        limits.maxHeaderFieldCount = RequestLimits.maxHeaderCount
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(ChannelOptions.backlog, value: 256)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(IdleStateHandler(readTimeout: .seconds(idleSeconds)))
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withPipeliningAssistance: true, withServerUpgrade: nil, withErrorHandling: true, withOutboundHeaderValidation: true, withEncoderConfiguration: .init(), withDecoderLimitConfiguration: limits)
                    try channel.pipeline.syncOperations.addHandler(RequestHandler(maxBody: maxBody, handle: handle))
                }
            }
        let channel = try await bootstrap.bind(host: host, port: port).get()
        return HTTPListener(port: channel.localAddress?.port ?? port, channel: channel)
    }

    public func close() async {
        try? await channel.close()
    }
}

/// Collects one request (head, body within the limit, end), asks the handler, writes the answer.
private final class RequestHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let maxBody: Int
    private let handle: @Sendable (ServeRequest) async -> ServeReply
    private var head: HTTPRequestHead?
    private var body = Data()
    private var refused = false
    private var streaming = false
    private var streamTask: Task<Void, Never>?

    init(maxBody: Int, handle: @escaping @Sendable (ServeRequest) async -> ServeReply) {
        self.maxBody = maxBody
        self.handle = handle
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            body = Data()
            refused = false
            if let length = head.headers.first(name: "content-length").flatMap(Int.init), length > maxBody {
                refuse(context, head: head)
            }
        case .body(let buffer):
            guard !refused, let head else { return }
            if body.count + buffer.readableBytes > maxBody { refuse(context, head: head); return }
            body.append(contentsOf: buffer.readableBytesView)
        case .end:
            guard !refused, let head else { return }
            self.head = nil
            let request = Self.request(head, body: body)
            body = Data()
            let loop = context.eventLoop
            let bound = NIOLoopBound((self, context), eventLoop: loop)
            let handle = self.handle
            Task {
                let reply = await handle(request)
                loop.execute { bound.value.0.send(reply, for: head, context: bound.value.1) }
            }
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is IdleStateHandler.IdleStateEvent, !streaming {
            context.close(promise: nil)
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    func channelInactive(context: ChannelHandlerContext) {
        streamTask?.cancel()
        streamTask = nil
        context.fireChannelInactive()
    }

    private func refuse(_ context: ChannelHandlerContext, head: HTTPRequestHead) {
        refused = true
        send(.response(.text(413, "request body too large")), for: head, context: context, close: true)
    }

    static func request(_ head: HTTPRequestHead, body: Data) -> ServeRequest {
        var headers: [String: String] = [:]
        for (name, value) in head.headers {
            let key = name.lowercased()
            // A repeated Host is ambiguous: keep a value no check accepts.
            if key == "host", headers[key] != nil { headers[key] = ""; continue }
            headers[key] = headers[key].map { $0 + ", " + value } ?? value
        }
        let parts = head.uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        return ServeRequest(method: head.method.rawValue, path: String(parts.first ?? ""),
                            query: parts.count > 1 ? String(parts[1]) : "", headers: headers, body: body)
    }

    private func send(_ reply: ServeReply, for head: HTTPRequestHead, context: ChannelHandlerContext, close: Bool = false) {
        guard context.channel.isActive else { return }
        switch reply {
        case .response(let response):
            let keepAlive = head.isKeepAlive && !close
            var headers = HTTPHeaders(response.headers.map { ($0.name, $0.value) })
            headers.replaceOrAdd(name: "Content-Length", value: String(response.body.count))
            if !keepAlive { headers.replaceOrAdd(name: "Connection", value: "close") }
            context.write(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: HTTPResponseStatus(statusCode: response.status), headers: headers))), promise: nil)
            if head.method != .HEAD, !response.body.isEmpty {
                context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: response.body)))), promise: nil)
            }
            let channel = context.channel
            context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in
                if !keepAlive { channel.close(promise: nil) }
            }
        case .stream(let response, let stream):
            streaming = true
            let headers = HTTPHeaders(response.headers.map { ($0.name, $0.value) })
            context.writeAndFlush(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: HTTPResponseStatus(statusCode: response.status), headers: headers))), promise: nil)
            let loop = context.eventLoop
            let bound = NIOLoopBound((self, context), eventLoop: loop)
            streamTask = Task {
                for await chunk in stream {
                    loop.execute {
                        let (handler, context) = bound.value
                        guard context.channel.isActive else { return }
                        context.writeAndFlush(handler.wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: chunk)))), promise: nil)
                    }
                }
            }
        }
    }
}
