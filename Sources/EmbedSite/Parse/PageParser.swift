import EmbedConfig
import EmbedCore
import EmbedMarkdown
import EmbedVendors
import Foundation

/// Front matter + Markdown + `embed` blocks → `ParsedPage`, collecting every diagnostic.
enum PageParser {
    static func parse(_ source: PageSource, data: Data, context: ComponentContext) -> (ParsedPage?, [Diagnostic]) {
        let file = source.displayPath
        let text: String
        switch SourceText.decode(data, file: file) {
        case .failure(let d): return (nil, [d])
        case .success(let t): text = t
        }
        let split: FrontMatterSplit
        do {
            split = try FrontMatter.split(text)
        } catch {
            return (nil, [diagnostic(error, file: file)])
        }
        let (metaOrNil, metaDiagnostics) = PageMetaLoader.load(yaml: split.yaml, file: file, firstLine: split.yamlFirstLine,
                                                                             schema: ComponentRegistry.frontMatterSchema)
        var diagnostics = metaDiagnostics
        guard let meta = metaOrNil else { return (nil, diagnostics) }

        let rendered = MarkdownRenderer.render(split.body, firstLine: split.bodyFirstLine, allowRawHTML: meta.rawHTML)
        var columns = ByteColumn(text)
        for issue in rendered.issues {
            var fixed = issue
            if let column = columns.scalarColumn(line: issue.line, byteColumn: issue.column) { fixed.column = column }
            diagnostics.append(diagnostic(fixed, file: file))
        }

        var content = TrustedHTML.empty
        var csp = CSPContribution()
        var personal = false
        var bridge = BridgeContribution()
        var headScripts: [SafeURL] = []
        var agentTool = false
        var sequence = 0
        func absorb(_ output: ComponentOutput, at location: SourceLocation) {
            csp.formUnion(output.csp)
            personal = personal || output.containsPersonalData
            agentTool = agentTool || output.isAgentTool
            for feature in bridge.merge(output.bridge) {
                if let duplicate = feature.duplicate(at: location) { diagnostics.append(duplicate) }
            }
            for script in output.headScripts where !headScripts.contains(script) { headScripts.append(script) }
        }
        func render(_ component: any Component.Type, options: ConfigObject) -> ComponentOutput? {
            sequence += 1
            var numbered = context
            numbered.sequence = sequence
            switch ComponentRegistry.render(kind: component.kind, options: options, context: numbered) {
            case .success(let output):
                absorb(output, at: options.location)
                return output
            case .failure(let problems):
                diagnostics += problems
                return nil
            }
        }
        // The layout's own component comes first on the page, so it gets number 1; then the
        // components a front-matter flag adds to any page (`webchat: true`).
        var component: TrustedHTML? = nil
        let layoutComponent = ComponentRegistry.component(layout: meta.layout)
        if let layoutComponent, case .options(let key, _)? = layoutComponent.layout?.frontMatter {
            component = render(layoutComponent, options: meta.raw.object(key) ?? ConfigObject(location: meta.raw.location))?.html
        }
        for flagged in ComponentRegistry.all {
            guard case .flag(let key, _, _)? = flagged.layout?.frontMatter,
                  flagged.layout?.name == meta.layout || meta.raw.bool(key) == true else { continue }
            if let output = render(flagged, options: ConfigObject(location: meta.raw.location(of: key))) {
                component = (component ?? .empty) + output.html
            }
        }
        diagnostics += AgentLinkScan.problems(in: rendered.links, file: file, columns: &columns)
        for piece in rendered.pieces {
            switch piece {
            case .html(let html):
                content.append(TrustedHTML(producedByTool: html))
            case .embed(let block):
                sequence += 1
                var blockContext = context
                blockContext.sequence = sequence
                switch renderEmbed(block, file: file, context: blockContext) {
                case .success(let output):
                    content.append(output.html)
                    content.append(TrustedHTML(producedByTool: "\n"))
                    absorb(output, at: SourceLocation(file: file, line: block.fenceLine, column: block.column))
                case .failure(let problems):
                    diagnostics += problems
                }
            }
        }

        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        return (ParsedPage(source: source, meta: meta, content: content, component: component, csp: csp,
                           containsPersonalData: personal, bridge: bridge, headScripts: headScripts, isAgentTool: agentTool,
                           headings: rendered.headings), diagnostics)
    }

    static func renderEmbed(_ block: EmbedBlock, file: String, context: ComponentContext) -> Result<ComponentOutput, DiagnosticList> {
        let fence = SourceLocation(file: file, line: block.fenceLine, column: block.column)
        guard let schema = ComponentRegistry.component(kind: block.kind)?.optionsSchema else {
            var message = "unknown component 'embed \(DisplayText.excerpt(block.kind))'"
            if let guess = Suggestion.closest(to: block.kind, in: ComponentRegistry.kinds) { message += " (did you mean '\(guess)'?)" }
            return .failure([.error(.embedUnknownKind, message, at: fence,
                                    hint: "components: \(ComponentRegistry.kinds.joined(separator: ", "))")])
        }
        switch YAMLLoader.load(text: block.body, file: file, firstLine: block.line, firstColumn: block.column) {
        case .failure(let d):
            return .failure([d])
        case .success(let node):
            var validator = SchemaValidator(file: file, lineOffset: block.line - 1, columnOffset: block.column - 1,
                                            allowLoopbackHTTP: context.allowLoopbackHTTP)
            let options = validator.validateDocument(node, schema: schema, what: "the 'embed \(block.kind)' block", at: fence)
            if validator.diagnostics.hasErrors { return .failure(DiagnosticList(validator.diagnostics)) }
            return ComponentRegistry.render(kind: block.kind, options: options, context: context)
        }
    }

    static func diagnostic(_ issue: MarkdownIssue, file: String) -> Diagnostic {
        .error(DiagnosticCode(issue.code), issue.message, at: SourceLocation(file: file, line: issue.line, column: issue.column))
    }
}
