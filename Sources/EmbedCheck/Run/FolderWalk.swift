import EmbedCore
import Foundation

/// Finds the pages below one folder `embedsmith check` was given, as the builder walks a tenant
/// folder (EmbedCore's `OpenFolder`): every entry's type comes from `readdir`/`fstatat` before
/// anything is opened, and no folder below the one given is opened through a link, so a
/// FIFO, socket or device is reported and never opened; every folder and file is visited once
/// (by device and inode), so link loops end; depth is bounded.
///
/// Symbolic links are read after the plain walk, and followed only when they resolve inside the
/// folder given (a server following them would serve that content, so it is checked). A link
/// that leads out of the folder is reported, not read: its target is not part of what was given.
/// A file reached both directly and through a link is checked once, under its own path.
struct FolderWalk {
    /// Deeper folders are reported, not walked (a real site is a few levels deep).
    static let maxDepth = 64

    var files: [String] = []
    var problems: [Diagnostic] = []
    /// Shared by all the paths given, so that overlapping folders are read once.
    var seenFiles: Set<FileIdentity>
    var seenFolders: Set<FileIdentity>

    private var pending: [(path: String, depth: Int)] = []
    private var links: [(path: String, depth: Int)] = []

    init(seenFiles: Set<FileIdentity>, seenFolders: Set<FileIdentity>) {
        self.seenFiles = seenFiles
        self.seenFolders = seenFolders
    }

    static func isPage(_ name: String) -> Bool { name.hasSuffix(".html") || name.hasSuffix(".htm") }

    mutating func walk(_ root: String, identity: FileIdentity) {
        guard seenFolders.insert(identity).inserted else { return }
        guard let realRoot = Self.realPath(root) else {
            problem(root, .inputUnreadable, "folder cannot be resolved (\(String(cString: strerror(errno))))")
            return
        }
        pending = [(root, 0)]
        while true {
            while let (folder, depth) = pending.popLast() { list(folder, depth: depth) }
            guard !links.isEmpty else { break }
            let found = links.sorted { $0.path < $1.path }
            links = []
            for link in found { follow(link.path, depth: link.depth, root: root, realRoot: realRoot) }
        }
    }

    private mutating func list(_ folder: String, depth: Int) {
        // The folder given is opened as named (it may be a link the operator chose); a folder
        // below it never through a link (one swapped in since the listing is refused).
        let entries: [OpenFolder.Entry]
        switch Self.entries(of: folder, followingLink: depth == 0) {
        case .failure(let failure):
            problem(folder, .inputUnreadable, "folder cannot be listed (\(String(cString: strerror(failure.code))))")
            return
        case .success(let listed): entries = listed
        }
        for entry in entries {
            guard entry.isUTF8 else {
                problem(folder, .inputNameEncoding, "entry '\(entry.name)' has a name that is not valid UTF-8 (its bytes are shown escaped); it cannot be checked",
                        hint: "rename it (UTF-8 names only)")
                continue
            }
            let name = entry.name
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            // The listing examined folders and pages (`fstatat`, never following a link): that
            // gives their identity, and their type where d_type said nothing. Skipped when it failed.
            if case .unexaminable = entry.kind { continue }
            if Self.needsIdentity(entry.kind, name), entry.status == nil { continue }
            switch entry.kind {
            case .folder:
                guard let info = entry.status, seenFolders.insert(FileIdentity(info)).inserted else { continue }
                if depth + 1 > Self.maxDepth {
                    problem(path, .inputTooDeep, "folder is more than \(Self.maxDepth) levels below the folder given; not checked")
                } else {
                    pending.append((path, depth + 1))
                }
            case .file:
                guard Self.isPage(name), let info = entry.status else { continue }
                if seenFiles.insert(FileIdentity(info)).inserted { files.append(path) }
            case .symlink:
                links.append((path, depth))
            default:
                if Self.isPage(name) { problems.append(Self.notAFile(path, entry.kind)) }
            }
        }
    }

    static func needsIdentity(_ kind: FileKind?, _ name: String) -> Bool {
        kind == .folder || (kind == .file && isPage(name))
    }

    /// A link found in the walk: checked where it leads if that is inside the folder given.
    private mutating func follow(_ link: String, depth: Int, root: String, realRoot: String) {
        let name = String(link.split(separator: "/").last ?? "")
        guard let real = Self.realPath(link),
              case .success(let info) = FileIdentity.status(of: real, followingLinks: false) else {
            // A broken link serves nothing; a loop of links is refused by realpath (ELOOP).
            if Self.isPage(name) {
                problem(link, .inputUnreadable, "link cannot be followed (\(String(cString: strerror(errno))))")
            }
            return
        }
        let kind = FileIdentity.kind(info)
        guard kind == .folder || Self.isPage(name) else { return }
        let inside = real == realRoot || real.hasPrefix(realRoot == "/" ? "/" : realRoot + "/")
        guard inside else {
            problem(link, .inputLinkOutside, "link leads out of the folder being checked; its target is not checked",
                    hint: "check the target folder itself, or replace the link with the files")
            return
        }
        // Name what is read by its own path below the folder given.
        let shown = real == realRoot ? root : (root.hasSuffix("/") ? String(root.dropLast()) : root) + real.dropFirst(realRoot.count)
        switch kind {
        case .folder:
            guard seenFolders.insert(FileIdentity(info)).inserted else { return }
            let below = real.dropFirst(realRoot.count).split(separator: "/").count
            if below > Self.maxDepth {
                problem(link, .inputTooDeep, "link leads more than \(Self.maxDepth) levels below the folder given; not checked")
            } else {
                pending.append((shown, below))
            }
        case .file:
            if seenFiles.insert(FileIdentity(info)).inserted { files.append(shown) }
        default:
            problems.append(Self.notAFile(link, kind))
        }
    }

    static func notAFile(_ path: String, _ kind: FileIdentity.Kind) -> Diagnostic {
        .error(.inputNotAFile, "is \(kind.phrase), not a regular file; it was not opened",
               at: SourceLocation(file: path, line: 1, column: 1), hint: "check reads regular files only")
    }

    private mutating func problem(_ path: String, _ code: DiagnosticCode, _ message: String, hint: String? = nil) {
        problems.append(.error(code, message, at: SourceLocation(file: path, line: 1, column: 1), hint: hint))
    }

    // MARK: POSIX

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The folder's entries through EmbedCore's file-system seam (`OpenFolder`: hidden ones left
    /// out, folders and pages examined with `fstatat`), sorted bytewise by name; the `errno` of
    /// a folder that cannot be opened or listed.
    static func entries(of folder: String, followingLink: Bool) -> Result<[OpenFolder.Entry], ListingFailure> {
        guard let open = OpenFolder.open(folder, in: AT_FDCWD, followingLink: followingLink) else { return .failure(ListingFailure(code: errno)) }
        do {
            let listed = try open.list(examining: needsIdentity)
            return .success(listed.entries.sorted { $0.raw.lexicographicallyPrecedes($1.raw) })
        } catch let error as POSIXError {
            return .failure(ListingFailure(code: error.code.rawValue))
        } catch {
            return .failure(ListingFailure(code: EIO))
        }
    }

    /// The `errno` of a folder that could not be opened or listed.
    struct ListingFailure: Error {
        let code: Int32
    }
}
