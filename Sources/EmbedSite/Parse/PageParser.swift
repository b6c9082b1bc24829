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
        let (metaOrNil, metaDiagnostics) = PageMetaLoader.load(yaml: split.yaml, file: file, firstLine: split.yamlFirstLine)
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
        var frames: [JSONValue] = []
        var loader: JSONValue? = nil
        var chatapp: [JSONValue] = []
        var engage: JSONValue? = nil
        var timeline: JSONValue? = nil
        var headScripts: [SafeURL] = []
        var agentTool = false
        var sequence = 0
        func absorb(_ output: ComponentOutput, at location: SourceLocation) {
            csp.formUnion(output.csp)
            personal = personal || output.containsPersonalData
            agentTool = agentTool || output.isAgentTool
            frames += output.bridgeFrames
            if let c = output.chatapp { chatapp.append(c) }
            for script in output.headScripts where !headScripts.contains(script) { headScripts.append(script) }
            func single(_ value: JSONValue?, _ slot: inout JSONValue?, code: DiagnosticCode, what: String) {
                guard let value else { return }
                if slot != nil { diagnostics.append(.error(code, "a page can hold one \(what)", at: location)) }
                slot = value
            }
            single(output.loaderAgent, &loader, code: .loaderAgentDuplicate, what: "loaderAgent bootstrap")
            single(output.engage, &engage, code: .engageDuplicate, what: "Engage web chat (a 'webchat' page or 'webchat: true' already loads it)")
            single(output.timeline, &timeline, code: .timelineDuplicate, what: "session timeline")
        }
        // The layout's own component comes first on the page, so it gets number 1.
        var component: TrustedHTML? = nil
        if let (kind, key) = layoutComponents[meta.layout] {
            sequence += 1
            let options = meta.raw.object(key) ?? ConfigObject(location: meta.raw.location)
            var layoutContext = context
            layoutContext.sequence = sequence
            switch ComponentRegistry.render(kind: kind, options: options, context: layoutContext) {
            case .success(let output):
                component = output.html
                absorb(output, at: options.location)
            case .failure(let problems):
                diagnostics += problems
            }
        }
        // The Engage web chat of a 'webchat' page, or of any page that asks for it.
        if meta.layout == "webchat" || meta.raw.bool("webchat") == true {
            sequence += 1
            var chatContext = context
            chatContext.sequence = sequence
            let options = ConfigObject(location: meta.raw.location(of: "webchat"))
            switch ComponentRegistry.render(kind: "engage-script", options: options, context: chatContext) {
            case .success(let output):
                component = (component ?? .empty) + output.html
                absorb(output, at: options.location)
            case .failure(let problems):
                diagnostics += problems
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
                           containsPersonalData: personal, bridgeFrames: frames, loaderAgent: loader,
                           chatapp: chatapp, engage: engage, timeline: timeline, headScripts: headScripts, isAgentTool: agentTool,
                           headings: rendered.headings), diagnostics)
    }

    /// Layout → (component kind, front matter key holding its options).
    static let layoutComponents: [String: (String, String)] = [
        "invite": ("quick-invitation", "invitation"),
        "agent": ("web-agent", "agent"),
        "embed-agent": ("apizee-embed", "embedAgent"),
        "console": ("console", "console"),
        "loader-agent": ("loader-agent", "loaderAgent"),
        "dialog": ("chatapp", "dialog"),
        "timeline": ("session-timeline", "timeline"),
    ]

    static func renderEmbed(_ block: EmbedBlock, file: String, context: ComponentContext) -> Result<ComponentOutput, DiagnosticList> {
        let fence = SourceLocation(file: file, line: block.fenceLine, column: block.column)
        guard let schema = ComponentSchemas.byKind[block.kind] else {
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
