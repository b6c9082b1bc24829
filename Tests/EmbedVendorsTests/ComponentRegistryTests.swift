import EmbedConfig
import EmbedCore
@testable import EmbedVendors
import Foundation
import Testing

/// What the registry derives from its one list.
@Suite struct ComponentRegistryTests {
    static let templates = ComponentDocsTests.packageRoot.appendingPathComponent("templates/layouts")

    @Test func kindsLayoutsAndFrontMatterKeysAreUniqueAndComeFromTheList() throws {
        let kinds = ComponentRegistry.all.map { $0.kind }
        #expect(Set(kinds).count == kinds.count)
        #expect(ComponentRegistry.kinds == kinds.sorted())
        let layouts = ComponentRegistry.all.compactMap { $0.layout?.name }
        #expect(Set(layouts).count == layouts.count && !layouts.contains(PageSchema.plainLayout))
        guard case .enumeration(let accepted)? = ComponentRegistry.frontMatterSchema.field("layout")?.type else { Issue.record("no layout enum"); return }
        #expect(accepted == [PageSchema.plainLayout] + layouts)
        for component in ComponentRegistry.all {
            guard let layout = component.layout else { continue }
            #expect(ComponentRegistry.frontMatterSchema.field(layout.frontMatterKey) != nil, "\(component.kind)")
            #expect(ComponentRegistry.component(layout: layout.name)?.kind == component.kind)
        }
    }

    @Test func everyLayoutHasItsTemplate() {
        for layout in [PageSchema.plainLayout] + ComponentRegistry.layouts {
            #expect(FileManager.default.fileExists(atPath: Self.templates.appendingPathComponent("\(layout).mustache").path), "templates/layouts/\(layout).mustache")
        }
    }

    @Test func theJSONSchemaHoldsEveryComponentsKeys() throws {
        let page = try #require(try JSONSerialization.jsonObject(with: Data(ComponentRegistry.jsonSchema(for: "page").utf8)) as? [String: Any])
        let properties = try #require(page["properties"] as? [String: Any])
        for component in ComponentRegistry.all {
            guard let key = component.layout?.frontMatterKey else { continue }
            #expect(properties[key] != nil, "\(key)")
        }
        let tenant = ComponentRegistry.jsonSchema(for: "tenant")
        for component in ComponentRegistry.all { for field in component.tenantSection?.schema.fields ?? [] { #expect(tenant.contains("\"\(field.name)\"")) } }
    }

    @Test func anUnknownKindIsAnErrorNotAnotherComponent() throws {
        let at = ConfigObject(location: SourceLocation(file: "p.md", line: 3, column: 1))
        let t = try tenant("name: A\nbaseURL: https://a.example/\nengage:\n  scriptId: abc\n")
        guard case .failure(let list) = ComponentRegistry.render(kind: "engage", options: at, context: ComponentContext(tenant: t))
        else { Issue.record("rendered"); return }
        #expect(list.diagnostics.map(\.code) == ["embed-unknown-kind"])
        #expect(ComponentRegistry.component(kind: "nonsense") == nil)
    }

    @Test func defaultsAreDeclaredOnceWithTheirKey() {
        // The documented default is the one the builder falls back to.
        #expect(QuickInvitation.Options.label.field.defaultValue == "Start video assistance")
        #expect(ChatAppEmbed.TenantSettings.messengers.field.defaultValue == "[grWhatsApp, telegram]")
        #expect(WebAgentFrame.TenantDefaults.allow.field.defaultValue == "[autoplay, microphone, camera, display-capture, encrypted-media, clipboard-write]")
    }

    @Test func linkSpecsNameKeysThatExist() {
        func field(_ path: [String], _ schema: ObjectSchema) -> FieldSchema? {
            guard let first = path.first, let f = schema.field(first) else { return nil }
            if path.count == 1 { return f }
            guard case .object(let nested) = f.type else { return nil }
            return field(Array(path.dropFirst()), nested)
        }
        for component in ComponentRegistry.linkable {
            let spec = component.link!
            for path in spec.tenantKeys { #expect(field(path, ComponentRegistry.tenantSchema) != nil, "\(component.kind): \(path)") }
            for key in spec.optionNames.keys { #expect(field(key.split(separator: ".").map(String.init), component.optionsSchema) != nil, "\(component.kind): \(key)") }
            #expect(!spec.examples.isEmpty)
        }
    }
}
