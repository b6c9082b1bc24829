import EmbedCheck
import Foundation

/// Answers a request to the served site: the Host check, the limits, serve's own pages, and
/// the built files with the headers their tenant's `_headers` gives them.
///
/// URL layout: `/` lists tenants; `/<tenant>/<page>` (or `<page>.html`, `/<tenant>/` for
/// `index.html`) is a tenant's file with its production headers; `/__embedsmith/view/<tenant>/<page>`
/// is the dev view framing it with live reload; no folder is ever listed.
public struct SiteRouter: Sendable {
    /// The built site (the real path of serve's own output folder).
    public let servedFolder: String
    public let hostCheck: HostHeaderCheck
    public let projectName: String

    public init(servedFolder: String, hostCheck: HostHeaderCheck, projectName: String) {
        self.servedFolder = servedFolder
        self.hostCheck = hostCheck
        self.projectName = projectName
    }

    public enum Answer: Sendable {
        case response(ServeResponse)
        /// The event stream: the caller connects it to the `ReloadHub`.
        case events
    }

    public func answer(_ request: ServeRequest) -> Answer {
        guard hostCheck.accepts(request.headers["host"]) else {
            return .response(.text(421, "this server answers only to its own loopback address (Host header refused)"))
        }
        if let refusal = RequestLimits.refusal(request, maxBody: 0) { return .response(refusal) }
        guard request.method == "GET" || request.method == "HEAD" else {
            var response = ServeResponse.text(405, "method not allowed")
            response.headers.append(("Allow", "GET, HEAD"))
            return .response(response)
        }
        let path: RequestPath
        switch RequestPath.parse(request.path) {
        case .success(let parsed): path = parsed
        case .failure: return .response(.text(400, "path refused"))
        }
        if path.segments.isEmpty { return .response(page(DevPages.root(listing: .read(servedFolder: servedFolder), projectName: projectName))) }
        if path.segments[0] == "__embedsmith" { return dev(path) }
        let answer = file(path)
        // Chromium asks serve's origin for /favicon.ico and logs a 404 as a console error on
        // the dev view; the built site has none at its root: answer "no icon" instead.
        if path.segments == ["favicon.ico"], answer.status == 404 { return .response(ServeResponse(status: 204, headers: ServeResponse.baseHeaders)) }
        return .response(answer)
    }

    private func dev(_ path: RequestPath) -> Answer {
        let rest = path.segments.dropFirst()
        switch rest.first {
        case "events" where rest.count == 1: return .events
        case "reload.js" where rest.count == 1:
            return .response(asset(DevPages.script, type: "text/javascript; charset=utf-8"))
        case "dev.css" where rest.count == 1:
            return .response(asset(DevPages.style, type: "text/css; charset=utf-8"))
        case "view" where rest.count >= 2:
            let pagePath = "/" + rest.dropFirst().map(RequestPath.encoded).joined(separator: "/") + (path.isFolder ? "/" : "")
            return .response(page(DevPages.view(pagePath: pagePath)))
        default: return .response(.text(404, "not found"))
        }
    }

    private func page(_ html: String) -> ServeResponse {
        ServeResponse(status: 200, headers: [
            ("Content-Type", "text/html; charset=utf-8"),
            ("Content-Security-Policy", DevPages.policy),
            ("Referrer-Policy", "no-referrer"),
        ] + ServeResponse.baseHeaders, body: Data(html.utf8))
    }

    private func asset(_ text: String, type: String) -> ServeResponse {
        ServeResponse(status: 200, headers: [("Content-Type", type)] + ServeResponse.baseHeaders, body: Data(text.utf8))
    }

    /// A tenant's file: `p` is `p.html` when `p` is not a file, a folder answers with its
    /// `index.html` (redirected to the slash form first, as the hosts do), never a listing.
    private func file(_ path: RequestPath) -> ServeResponse {
        var segments = path.segments
        var outcome = ServedFileReader.load(segments: segments, in: servedFolder)
        if outcome == .folder {
            guard path.isFolder else {
                return ServeResponse(status: 301, headers: [("Location", "/" + segments.map(RequestPath.encoded).joined(separator: "/") + "/")] + ServeResponse.baseHeaders)
            }
            segments.append("index.html")
            outcome = ServedFileReader.load(segments: segments, in: servedFolder)
        } else if outcome == .notFound, !path.isFolder, let last = segments.last, !last.contains(".") {
            segments[segments.count - 1] = last + ".html"
            outcome = ServedFileReader.load(segments: segments, in: servedFolder)
        }
        guard case .file(let data) = outcome else {
            return outcome == .refused ? .text(403, "not served (a link or special file)") : .text(404, "not found")
        }
        let tenant = segments[0]
        let urlPath = "/" + path.segments.dropFirst().joined(separator: "/") + (path.isFolder && path.segments.count > 1 ? "/" : "")
        var headers: [(name: String, value: String)] = [("Content-Type", ContentTypes.of(fileName: segments.last!))]
        if segments.count > 1, let rules = headerRules(tenant: tenant) {
            headers += ServedHeaders.headers(of: rules, urlPath: urlPath).filter { $0.name.lowercased() != "cache-control" }
        }
        if !headers.contains(where: { $0.name.lowercased() == "x-content-type-options" }) { headers += ServeResponse.baseHeaders.prefix(1) }
        headers.append(("Cache-Control", "no-store"))
        return ServeResponse(status: 200, headers: headers, body: data)
    }

    /// The tenant's `_headers`, read at each request: it is small and changes with every build.
    private func headerRules(tenant: String) -> HostHeaderRules? {
        guard case .file(let data) = ServedFileReader.load(segments: [tenant, "_headers"], in: servedFolder),
              data.count <= HeadersFile.maxBytes else { return nil }
        return HostHeaderRules(file: HeadersFile(text: String(decoding: data, as: UTF8.self)), host: .netlify)
    }
}

extension RequestPath {
    /// A decoded segment percent-encoded again for a URL path.
    static func encoded(_ segment: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "/?#;")
        return segment.addingPercentEncoding(withAllowedCharacters: allowed) ?? segment
    }
}
