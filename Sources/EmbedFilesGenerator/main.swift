import Foundation

// Turns a folder of text files into a Swift table: `enum <Type> { static let files: [String: String] }`,
// path below the folder -> contents. Run at build time by the EmbedFiles plugin (Plugins/EmbedFiles),
// so nothing generated is committed.
//
//   EmbedFilesGenerator <folder> <output.swift> <TypeName> [public]

/// A Swift string literal holding exactly `text`: a single-line literal, so no line ending is
/// normalised and no indentation is stripped; everything but printable text is escaped.
func swiftLiteral(_ text: String) -> String {
    var out = "\""
    out.reserveCapacity(text.utf8.count + text.utf8.count / 16 + 2)
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": out += "\\\\"
        case "\"": out += "\\\""
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case _ where scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
            || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0xFEFF:
            out += "\\u{" + String(scalar.value, radix: 16) + "}"
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("EmbedFilesGenerator: error: \(message)\n".utf8))
    exit(1)
}

let arguments = CommandLine.arguments
guard arguments.count == 4 || arguments.count == 5 else {
    fail("usage: EmbedFilesGenerator <folder> <output.swift> <TypeName> [public]")
}
let folder = URL(fileURLWithPath: arguments[1]).standardizedFileURL
let output = URL(fileURLWithPath: arguments[2])
let typeName = arguments[3]
let access = arguments.count == 5 && arguments[4] == "public" ? "public " : ""

guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey],
                                                      options: [.skipsHiddenFiles]) else {
    fail("cannot read the folder \(folder.path)")
}
var files: [(path: String, text: String)] = []
for case let url as URL in enumerator {
    guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
    let path = String(url.standardizedFileURL.path.dropFirst(folder.path.count + 1))
    guard let data = FileManager.default.contents(atPath: url.path) else { fail("cannot read \(url.path)") }
    // Embedded as String: the bytes must be UTF-8, and String(decoding:) would replace bad ones silently.
    guard let text = String(data: data, encoding: .utf8), Data(text.utf8) == data else {
        fail("\(url.path) is not UTF-8 text")
    }
    files.append((path, text))
}
files.sort { $0.path < $1.path }

var source = """
// Generated at build time by the EmbedFiles plugin from \(folder.lastPathComponent)/. Do not edit.

/// The files of `\(folder.lastPathComponent)/`, compiled into the tool: path below the folder -> contents.
\(access)enum \(typeName) {
    \(access)static let files: [String: String] = [

"""
for file in files { source += "        \(swiftLiteral(file.path)): \(swiftLiteral(file.text)),\n" }
if files.isEmpty { source += "        :\n" }
source += "    ]\n}\n"

// Rewritten only when different: an unchanged table does not recompile its module.
if FileManager.default.contents(atPath: output.path) != Data(source.utf8) {
    do {
        try FileManager.default.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(source.utf8).write(to: output, options: .atomic)
    } catch {
        fail("cannot write \(output.path): \(error.localizedDescription)")
    }
}
