import ArgumentParser
import EmbedServe
import Foundation

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site into a folder of serve's own, serve it on loopback, rebuild and reload on every edit.",
        discussion: """
        Builds <root>/content/ into <root>/.embedsmith/serve/site (never <root>/site/), serves it,
        watches content/, templates/ and embedsmith.yaml, rebuilds what changed and reloads the
        open pages. The root page lists the tenants; each page opens in a dev view that frames
        it (the page itself is served byte for byte as built, with the headers its tenant's
        _headers gives it on Netlify) and shows a failed build's diagnostics over it until the
        file is fixed.

        Safe by default: 127.0.0.1 only (--host another address prints a warning), requests
        whose Host header is not this server's are refused (DNS rebinding), no folder listing,
        no path outside the built folder (encoded '..', links), bounded requests.

        Examples:
          embedsmith serve
          embedsmith serve --root my-site --port 8080 --open
        """)

    @Option(name: .long, help: ArgumentHelp("Project folder with content/ and templates/.", valueName: "dir"))
    var root: String = "."

    @Option(name: .long, help: ArgumentHelp("Port to listen on (0: any free port).", valueName: "n"))
    var port: Int = 4000

    @Option(name: .long, help: ArgumentHelp("Address to listen on (default 127.0.0.1; any other is reachable from other machines).", valueName: "addr"))
    var host: String = "127.0.0.1"

    @Option(name: .long, help: ArgumentHelp("Tenants built in parallel (default: number of cores).", valueName: "n"))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .long, help: "Open the root page in the default browser.")
    var open = false

    @Flag(name: .long, help: "Also run local stand-ins of the vendor apps and point the tenants at them.")
    var stubVendors = false

    func validate() throws {
        if !(0...65535).contains(port) { throw ValidationError("--port must be between 0 and 65535") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        var stub: StubVendorSeam?
        if stubVendors {
            guard let seam = StubVendorWiring.seam() else {
                FileHandle.standardError.write(Data("error: --stub-vendors: the simulated vendor apps are not part of this build yet\n".utf8))
                throw ExitCode(64)
            }
            stub = seam
        }
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let rootURL = URL(fileURLWithPath: root, relativeTo: cwd)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: rootURL.appendingPathComponent("content").path, isDirectory: &isFolder), isFolder.boolValue else {
            FileHandle.standardError.write(Data("error: \(root): no content/ folder here (start one with 'embedsmith init \(root)') [serve-no-project]\n".utf8))
            throw ExitCode(64)
        }
        let displayRoot = root == "." || root == "./" ? "" : (root.hasSuffix("/") ? String(root.dropLast()) : root)
        let options = ServeOptions(root: rootURL, displayRoot: displayRoot, host: host, port: port, jobs: jobs, stubVendors: stub)
        let openBrowser = open
        // serve runs until the process is stopped; the command's thread waits for it (the
        // root command is synchronous).
        let failure = Locked<String?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                try await ServeSession.run(options, log: { line in
                    print(line)
                    fflush(stdout)
                }, ready: { url in
                    if openBrowser { Self.openInBrowser(url) }
                })
            } catch {
                failure.value = "\(error)"
            }
            done.signal()
        }
        done.wait()
        if let message = failure.value {
            FileHandle.standardError.write(Data("error: cannot serve on \(host):\(port): \(message) [serve-listen]\n".utf8))
            throw ExitCode(74)
        }
    }

    private static func openInBrowser(_ url: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xdg-open", url]
        try? process.run()
    }
}
