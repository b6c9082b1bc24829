import EmbedConfig
import EmbedCore
import Foundation

/// What a tenant folder may not hold, and the located errors that refuse it. A tenant's files
/// are written by a client, not by the operator: only regular files and folders inside the
/// tenant's own folder are read, within bounds, and nothing may take a path the tool writes.
enum ContentRefusal {
    /// Folders below the tenant folder (`assets/img` is 2).
    static let maxDepth = 16
    /// Bytes of a path relative to the tenant folder (a name is at most 255 bytes on every
    /// common file system).
    static let maxPathBytes = 1024
    /// tenant.yaml and pages: what the YAML and Markdown readers accept (`SourceText`).
    static let maxTextBytes: Int64 = 1 << 20

    /// Paths the tool writes into a tenant's output folder: a tenant file or folder there
    /// would collide with them (or, for `_headers`, replace the tenant's security headers).
    static func reservedReason(_ relativePath: String) -> String? {
        switch relativePath {
        case "_headers": return "the tool writes the tenant's _headers file (its security headers) there"
        case "assets/embedsmith": return "the tool writes its stylesheet, bridge script and theme into assets/embedsmith/"
        default: return nil
        }
    }

    private static func at(_ file: String) -> SourceLocation { SourceLocation(file: file, line: 1, column: 1) }

    static func symlink(_ file: String, _ name: String) -> Diagnostic {
        .error(.contentSymlink, "'\(name)' is a symbolic link; a tenant's files must be regular files and folders inside its own folder, and links are never followed",
               at: at(file), hint: "replace the link with a copy of the file (links to another tenant or outside content/ would publish files that are not this tenant's)")
    }

    static func special(_ file: String, _ name: String, what: String) -> Diagnostic {
        .error(.contentSpecialFile, "'\(name)' is \(what); only regular files and folders are read", at: at(file),
               hint: "remove it from the tenant folder")
    }

    /// Located at the folder holding the name: the name itself cannot be printed as it is.
    static func nameEncoding(in folder: String, _ escapedName: String) -> Diagnostic {
        .error(.contentNameEncoding, "the name '\(escapedName)' in this folder is not valid UTF-8 (its bytes are shown escaped); file and folder names become URLs",
               at: at(folder), hint: "rename it with UTF-8 characters")
    }

    static func tooDeep(_ file: String) -> Diagnostic {
        .error(.contentTooDeep, "folders are nested more than \(maxDepth) deep in the tenant folder", at: at(file))
    }

    static func pathTooLong(_ file: String, bytes: Int) -> Diagnostic {
        .error(.contentPathTooLong, "the path is \(bytes) bytes long inside the tenant folder; the limit is \(maxPathBytes)", at: at(file))
    }

    static func reserved(_ file: String, _ relativePath: String, reason: String) -> Diagnostic {
        .error(.contentReservedPath, "'\(relativePath)' is reserved: \(reason)", at: at(file), hint: "rename or move it")
    }

    static func unreadable(_ file: String, _ what: String, reason: String) -> Diagnostic {
        .error(.contentUnreadable, "cannot read \(what): \(reason)", at: at(file))
    }

    static func assetTooLarge(_ file: String, size: Int64, limit: Int64) -> Diagnostic {
        .error(.contentTooLarge, "the asset is \(size) bytes; the limit is \(limit) bytes (build.limits.assetBytes)", at: at(file),
               hint: "serve large files from elsewhere, or raise build.limits.assetBytes in embedsmith.yaml")
    }

    static func tenantTooLarge(_ file: String, size: Int64, limit: Int64) -> Diagnostic {
        .error(.contentTooLarge, "the tenant's files total \(size) bytes; the limit is \(limit) bytes (build.limits.tenantBytes)", at: at(file),
               hint: "remove files, or raise build.limits.tenantBytes in embedsmith.yaml")
    }

    static func textTooLarge(_ file: String, size: Int64) -> Diagnostic {
        .error(.inputTooLarge, "file is \(size) bytes; the limit is \(maxTextBytes) bytes", at: at(file))
    }

    /// The error for a file that the reader refused (`what`: "page", "asset", "tenant.yaml").
    static func refused(_ file: String, _ what: String, relativePath: String, _ failure: TenantFileReader.Failure) -> Diagnostic {
        let name = String(relativePath.split(separator: "/").last ?? Substring(relativePath))
        switch failure {
        case .symlink: return symlink(file, name)
        case .notRegular(let kind): return special(file, name, what: kind)
        case .tooLarge(let size, let limit): return what == "asset" ? assetTooLarge(file, size: size, limit: limit) : textTooLarge(file, size: size)
        case .system, .write: return unreadable(file, what, reason: failure.reason)
        }
    }
}
