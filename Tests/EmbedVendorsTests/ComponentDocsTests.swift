import EmbedConfig
import EmbedCore
import EmbedVendors
import Foundation
import Testing

/// docs/components/<kind>.md: one page per component, whose examples run here. A ```` ```yaml
/// tenant ```` block sets the tenant (added to a name and base URL) for the examples after it;
/// an ```` ```embed KIND ```` block is followed by what it must give: ```` ```html output ````
/// (the markup, exactly), ```` ```json settings ```` (the page's bridge settings block, exactly,
/// for a page holding just this component) or ```` ```text error ```` (the diagnostic codes).
@Suite struct ComponentDocsTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let folder = packageRoot.appendingPathComponent("docs/components")

    struct Example: CustomTestStringConvertible {
        var page: String
        var line: Int
        var tenant: String
        var kind: String
        var options: String
        var expected: [(kind: String, text: String)]
        var testDescription: String { "\(page).md:\(line)" }
    }

    static func text(_ kind: String) -> String? {
        try? String(contentsOf: folder.appendingPathComponent("\(kind).md"), encoding: .utf8)
    }

    static var examples: [Example] {
        var result: [Example] = []
        for component in ComponentRegistry.all {
            guard let text = text(component.kind) else { continue }
            var tenant = ""
            var open: (info: String, line: Int, lines: [String])? = nil
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if var block = open {
                    guard line == "```" else { block.lines.append(String(line)); open = block; continue }
                    open = nil
                    let body = block.lines.joined(separator: "\n")
                    if block.info == "yaml tenant" {
                        tenant = body
                    } else if block.info.hasPrefix("embed ") {
                        result.append(Example(page: component.kind, line: block.line, tenant: tenant, kind: String(block.info.dropFirst(6)),
                                              options: body, expected: []))
                    } else if ["html output", "json settings", "text error"].contains(block.info), !result.isEmpty, result[result.count - 1].page == component.kind {
                        result[result.count - 1].expected.append((block.info, body))
                    }
                } else if line.hasPrefix("```"), line.count > 3 {
                    open = (String(line.dropFirst(3)), number + 1, [])
                }
            }
        }
        return result
    }

    @Test func everyComponentHasAPageListingItsOptionsWithExamples() throws {
        let readme = try String(contentsOf: Self.folder.appendingPathComponent("README.md"), encoding: .utf8)
        let examples = Self.examples
        for component in ComponentRegistry.all {
            let kind = component.kind
            #expect(readme.contains("[\(kind)](\(kind).md)"), "docs/components/README.md does not list \(kind)")
            guard let text = Self.text(kind) else { Issue.record("no docs/components/\(kind).md"); continue }
            #expect(text.hasPrefix("# \(kind)\n"))
            for field in component.optionsSchema.fields { #expect(text.contains("`\(field.name)`"), "\(kind).md does not document `\(field.name)`") }
            for field in component.tenantSection?.schema.fields ?? [] { #expect(text.contains("`\(field.name)`"), "\(kind).md does not document tenant key `\(field.name)`") }
            let mine = examples.filter { $0.page == kind }
            #expect(mine.contains { $0.expected.contains { $0.kind == "html output" } }, "\(kind).md has no 'html output' example")
            #expect(mine.contains { $0.expected.contains { $0.kind == "text error" } }, "\(kind).md has no 'text error' example")
        }
    }

    @Test("documentation examples give what they show", arguments: examples)
    func exampleGivesWhatItShows(_ example: Example) throws {
        #expect(example.kind == example.page, "an example of \(example.page).md places 'embed \(example.kind)'")
        #expect(!example.expected.isEmpty, "no expected result after the embed block")
        let file = "docs/components/\(example.page).md"
        let tenantYAML = "name: Example\nbaseURL: https://support.example.com/\n" + example.tenant
        let (tenantOrNil, tenantProblems) = ComponentRegistry.loadTenant(data: Data(tenantYAML.utf8), file: "tenant.yaml", id: "example")
        let component = try #require(ComponentRegistry.component(kind: example.kind))
        var codes: [String] = tenantProblems.filter { $0.severity == .error }.map(\.code)
        var output: ComponentOutput? = nil
        if let tenant = tenantOrNil {
            let node = try YAMLLoader.load(text: example.options, file: file, firstLine: example.line + 1).get()
            var validator = SchemaValidator(file: file, lineOffset: example.line)
            let options = validator.validateDocument(node, schema: component.optionsSchema, what: "block")
            codes += validator.diagnostics.filter { $0.severity == .error }.map(\.code)
            if codes.isEmpty {
                switch ComponentRegistry.render(kind: example.kind, options: options, context: ComponentContext(tenant: tenant)) {
                case .success(let built): output = built
                case .failure(let list): codes += list.diagnostics.map(\.code)
                }
            }
        }
        for expected in example.expected {
            switch expected.kind {
            case "text error":
                #expect(codes == expected.text.split(separator: "\n").map(String.init), "\(example.testDescription)")
            case "html output":
                #expect(output?.html.markup == expected.text, "\(example.testDescription): \(codes)")
            default:
                let locale = tenantOrNil?.locale ?? "en"
                #expect(output.map { BridgeSettings(locale: locale, parts: $0.bridge).scriptJSON } == expected.text, "\(example.testDescription): \(codes)")
            }
        }
    }
}
