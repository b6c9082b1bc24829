/// A page file split into its YAML front matter and its Markdown body.
public struct FrontMatterSplit: Sendable, Equatable {
    /// Text between the opening and closing fences, line endings kept as in the file;
    /// nil when the file has no front matter.
    public var yaml: String?
    /// 1-based file line of the first YAML line (1 when there is no front matter).
    public var yamlFirstLine: Int
    public var body: String
    /// 1-based file line where the body starts.
    public var bodyFirstLine: Int

    public init(yaml: String?, yamlFirstLine: Int, body: String, bodyFirstLine: Int) {
        self.yaml = yaml
        self.yamlFirstLine = yamlFirstLine
        self.body = body
        self.bodyFirstLine = bodyFirstLine
    }
}

public enum FrontMatter {
    /// Splits `text` into front matter and body.
    ///
    /// Front matter exists only when the first line is exactly `---` (after an optional
    /// UTF-8 BOM; trailing spaces and tabs allowed). It ends at the next line that is exactly
    /// `---` or `...`. Line endings may be `\n`, `\r\n` or a lone `\r` (the same set cmark
    /// accepts, so body line numbers stay in step with cmark's).
    public static func split(_ text: String) throws(MarkdownIssue) -> FrontMatterSplit {
        let bytes = Array(text.utf8)
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let start = bytes.starts(with: bom) ? bom.count : 0

        let firstLine = nextLine(in: bytes, from: start)
        guard isFence(bytes[firstLine.content], allowDots: false) else {
            return FrontMatterSplit(
                yaml: nil, yamlFirstLine: 1,
                body: String(decoding: bytes[start...], as: UTF8.self), bodyFirstLine: 1)
        }

        let yamlStart = firstLine.next
        var lineStart = yamlStart
        var lineNumber = 2
        while lineStart < bytes.count {
            let line = nextLine(in: bytes, from: lineStart)
            if isFence(bytes[line.content], allowDots: true) {
                return FrontMatterSplit(
                    yaml: String(decoding: bytes[yamlStart..<lineStart], as: UTF8.self),
                    yamlFirstLine: 2,
                    body: String(decoding: bytes[line.next...], as: UTF8.self),
                    bodyFirstLine: lineNumber + 1)
            }
            lineStart = line.next
            lineNumber += 1
        }
        throw MarkdownIssue(
            line: 1, column: 1, code: "frontmatter-unclosed",
            message: "front matter opened with '---' on line 1 is never closed; end it with a line containing only '---'")
    }

    /// The line starting at `start`: its content range (without the line ending) and the
    /// index where the following line starts.
    private static func nextLine(in bytes: [UInt8], from start: Int) -> (content: Range<Int>, next: Int) {
        var index = start
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\n"):
                return (start..<index, index + 1)
            case UInt8(ascii: "\r"):
                let isCRLF = index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n")
                return (start..<index, index + (isCRLF ? 2 : 1))
            default:
                index += 1
            }
        }
        return (start..<index, index)
    }

    private static func isFence(_ line: ArraySlice<UInt8>, allowDots: Bool) -> Bool {
        var trimmed = line
        while let last = trimmed.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") {
            trimmed.removeLast()
        }
        if trimmed.elementsEqual("---".utf8) { return true }
        return allowDots && trimmed.elementsEqual("...".utf8)
    }
}
