import EmbedCore
import EmbedSite
import Foundation

/// What `embedsmith serve` was asked to do.
public struct ServeOptions: Sendable {
    public var root: URL
    /// Shown in diagnostics' paths (the `--root` as typed; empty for the current folder).
    public var displayRoot: String
    public var host: String
    /// 0: the system picks a free port.
    public var port: Int
    public var jobs: Int
    /// Seconds between two looks at the sources.
    public var pollInterval: Double
    public var stubVendors: StubVendorSeam?

    public init(root: URL, displayRoot: String = "", host: String = "127.0.0.1", port: Int = 4000,
                jobs: Int = ProcessInfo.processInfo.activeProcessorCount, pollInterval: Double = 0.1,
                stubVendors: StubVendorSeam? = nil) {
        self.root = root.standardizedFileURL
        self.displayRoot = displayRoot
        self.host = host
        self.port = port
        self.jobs = jobs
        self.pollInterval = pollInterval
        self.stubVendors = stubVendors
    }

    /// serve's own output folder, inside the project but never its `site/`: a hidden folder
    /// the build reuses between runs (its cache makes the first build of a restart cheap).
    public var servedFolder: URL { root.appendingPathComponent(".embedsmith/serve/site") }

    /// Loopback addresses, which need no warning.
    public var isLoopback: Bool { ["127.0.0.1", "::1", "localhost"].contains(host) || host.hasPrefix("127.") }
}

/// `embedsmith serve`: build into serve's own folder, serve it, watch the sources, rebuild
/// incrementally, tell open pages to reload or show the diagnostics.
public enum ServeSession {
    /// Runs until the process ends. `log` gets the lines serve prints (URL, builds);
    /// `ready` is called once with the site's URL, after the first build.
    public static func run(_ options: ServeOptions, log: @escaping @Sendable (String) -> Void,
                           ready: @escaping @Sendable (String) -> Void = { _ in }) async throws {
        let folder = options.servedFolder
        try FileManager.default.createDirectory(at: folder.deletingLastPathComponent(), withIntermediateDirectories: true)

        var buildOptions = BuildOptions(root: options.root, output: folder, jobs: options.jobs)
        var stubListener: HTTPListener?
        if let stub = options.stubVendors {
            let (listener, origin) = try await startStubListener(stub, host: "127.0.0.1")
            stubListener = listener
            buildOptions = stub.adjustBuild(buildOptions, origin)
            log("stub vendor apps at \(origin)")
        }
        defer { _ = stubListener }

        let session = UUID().uuidString.prefix(8)
        var builds = 0
        func build() -> BuildState {
            let start = Date()
            let summary = BuildPipeline.run(buildOptions, displayRoot: options.displayRoot)
            let seconds = String(format: "%.3f", Date().timeIntervalSince(start))
            for diagnostic in summary.diagnostics { log(diagnostic.description) }
            if summary.succeeded {
                builds += 1
                log(summary.wroteOutput ? "rebuilt \(summary.tenantCount - summary.tenantsReused) tenant(s) in \(seconds) s" : "up to date (\(seconds) s)")
            } else {
                log("build failed in \(seconds) s: the last good site is still served")
            }
            return BuildState(generation: "\(session)-\(builds)", failed: !summary.succeeded, diagnostics: summary.diagnostics)
        }

        let watcher = SourceWatcher(root: options.root.path)
        #if canImport(Glibc)
        let notifier = InotifyWatcher(root: options.root.path)
        #endif
        var fingerprint = watcher.fingerprint()
        let hub = ReloadHub(state: build())
        // The build made the folder; its real path is what is served.
        let served = folder.resolvingSymlinksInPath().path
        // The Host check needs the port, known once listening (--port 0): set before any answer.
        let routerBox = Locked<SiteRouter?>(nil)
        let listener = try await HTTPListener.start(host: options.host, port: options.port, maxBody: 0) { request in
            guard let router = routerBox.value else { return .response(.text(503, "starting")) }
            if let stub = options.stubVendors, stub.answersOnSiteOrigin(request.path) {
                return .response(await StubVendorSeam.answer(request, hostCheck: router.hostCheck, handler: stub.handler))
            }
            switch router.answer(request) {
            case .response(let response): return .response(response)
            case .events:
                guard let stream = await hub.subscribe() else { return .response(.text(503, "too many open event streams")) }
                return .stream(ServeResponse(status: 200, headers: [("Content-Type", "text/event-stream")] + ServeResponse.baseHeaders), stream)
            }
        }
        let port = listener.port
        let hostCheck = HostHeaderCheck(port: port, extraHost: options.isLoopback ? nil : options.host)
        routerBox.value = SiteRouter(servedFolder: served, hostCheck: hostCheck,
                                     projectName: options.displayRoot.isEmpty ? options.root.lastPathComponent : options.displayRoot)
        let shownHost = options.host.contains(":") ? "[\(options.host)]" : options.host
        let url = "http://\(shownHost):\(port)/"
        if !options.isLoopback {
            log("warning: serving on \(options.host): other machines can reach this development server")
        }
        log("serving \(options.displayRoot.isEmpty ? "." : options.displayRoot) at \(url) (Ctrl-C stops)")
        ready(url)

        var lastHeartbeat = Date()
        while !Task.isCancelled {
            try await Task.sleep(nanoseconds: UInt64(options.pollInterval * 1e9))
            var look = true
            #if canImport(Glibc)
            // With inotify, the stat walk runs only after an event (to tell a real change from
            // an event that changed nothing the build reads, such as its own files).
            if let notifier { look = notifier.changed() }
            #endif
            let now = look ? watcher.fingerprint() : fingerprint
            if now != fingerprint {
                fingerprint = now
                await hub.publish(build())
            }
            if Date().timeIntervalSince(lastHeartbeat) > 15 {
                lastHeartbeat = Date()
                await hub.heartbeat()
            }
        }
    }

    /// The stub vendor listener on a port of its own; its origin.
    static func startStubListener(_ stub: StubVendorSeam, host: String) async throws -> (HTTPListener, String) {
        // The Host check needs the port, known once listening: the handler reads it then.
        let port = Locked(0)
        let handler = stub.handler
        let listener = try await HTTPListener.start(host: host, port: 0, maxBody: RequestLimits.maxStubBodyBytes) { request in
            .response(await StubVendorSeam.answer(request, hostCheck: HostHeaderCheck(port: port.value), handler: handler))
        }
        port.value = listener.port
        return (listener, "http://127.0.0.1:\(listener.port)")
    }
}

/// A value set once by one task and read by request handlers.
public final class Locked<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    public init(_ value: Value) { stored = value }
    public var value: Value {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
