import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a project: one example tenant that builds at once, and a page per layout to copy.",
        discussion: """
        Writes embedsmith.yaml, content/example/ (tenant.yaml with a working quick invitation,
        the web-agent's apiKey and webAgent as placeholders, every other section commented out;
        index.md, invite.md, agent.md), examples/ (one page per other layout, each saying what it
        needs), README.md and .gitignore into DIR (default: the current folder), then prints the
        next commands.

        A folder that is not empty is refused, nothing written (exit 64), unless --force: then
        the scaffold's files replace files of the same names and nothing else is touched.

        Examples:
          embedsmith init my-site && embedsmith serve --root my-site --stub-vendors
        """)

    @Argument(help: ArgumentHelp("Folder to create or fill (default: the current folder).", valueName: "dir"))
    var directory: String = "."

    @Flag(help: "Write into a folder that is not empty (files of the same names are replaced).")
    var force = false

    func run() throws {
        switch ScaffoldWriter.write(into: directory, force: force) {
        case .success(let written):
            print("created \(written.count) files in \(directory == "." ? "the current folder" : directory)/")
            let rootArg = directory == "." ? "" : " --root \(directory)"
            print("""
            next:
              embedsmith serve\(rootArg) --stub-vendors     # http://127.0.0.1:4000/, the agent page on a simulated web-agent
              embedsmith serve\(rootArg)                    # reloads on every save; the real vendor apps
              embedsmith build\(rootArg)                    # the site for Netlify or Cloudflare Pages
            """)
        case .failure(let problem):
            FileHandle.standardError.write(Data("error: \(problem.message) [\(problem.code)]\n  hint: \(problem.hint)\n".utf8))
            throw ExitCode(problem.exitCode)
        }
    }
}

/// Writes `ProjectScaffold.files` below a folder, refusing a non-empty folder unless forced.
/// Never follows a link: each folder on the way is made or checked with `lstat`, each file is
/// opened with `O_NOFOLLOW`, so `--force` into a folder holding links cannot write elsewhere.
enum ScaffoldWriter {
    struct Problem: Error, Equatable {
        var code: String
        var message: String
        var hint: String
        var exitCode: Int32
    }

    static func write(into directory: String, force: Bool) -> Result<[String], Problem> {
        let fm = FileManager.default
        var info = stat()
        if lstat(directory, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else {
                return .failure(Problem(code: "init-not-folder", message: "\(directory) exists and is not a folder: nothing written",
                                        hint: "name a new folder: embedsmith init my-site", exitCode: 64))
            }
            let entries = (try? fm.contentsOfDirectory(atPath: directory)) ?? []
            if !entries.isEmpty && !force {
                return .failure(Problem(code: "init-not-empty", message: "\(directory) is not empty (\(entries.count) entries): nothing written",
                                        hint: "name a new folder (embedsmith init my-site), or add --force to write the scaffold's files among these", exitCode: 64))
            }
        } else if mkdir(directory, 0o755) != 0 {
            return .failure(Problem(code: "init-write", message: "cannot create \(directory): \(String(cString: strerror(errno)))",
                                    hint: "check that the parent folder exists and is writable", exitCode: 74))
        }
        var written: [String] = []
        for file in ProjectScaffold.files {
            let components = file.path.split(separator: "/").map(String.init)
            var path = directory
            for folder in components.dropLast() {
                path += "/" + folder
                if lstat(path, &info) == 0 {
                    guard info.st_mode & S_IFMT == S_IFDIR else {
                        return .failure(Problem(code: "init-write", message: "\(path) is not a folder (a file or link): stopped after \(written.count) files",
                                                hint: "remove it or choose another folder", exitCode: 74))
                    }
                } else if mkdir(path, 0o755) != 0 {
                    return .failure(Problem(code: "init-write", message: "cannot create \(path): \(String(cString: strerror(errno)))",
                                            hint: "check the folder's permissions", exitCode: 74))
                }
            }
            path += "/" + components.last!
            let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
            guard fd >= 0 else {
                return .failure(Problem(code: "init-write", message: "cannot write \(path): \(String(cString: strerror(errno)))",
                                        hint: "a link or an unwritable file is in the way: remove it", exitCode: 74))
            }
            let bytes = Array((file.contents + "\n").utf8)
            let count = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            close(fd)
            guard count == bytes.count else {
                return .failure(Problem(code: "init-write", message: "cannot write \(path)", hint: "check free space", exitCode: 74))
            }
            written.append(file.path)
        }
        return .success(written)
    }
}
