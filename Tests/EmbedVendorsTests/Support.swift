import EmbedConfig
import EmbedCore
@testable import EmbedVendors
import Foundation
import Testing

/// Builds validated options the way a page's `embed` block would.
func options(_ yaml: String, schema: ObjectSchema = QuickInvitation.optionsSchema) throws -> ConfigObject {
    let node = try YAMLLoader.load(text: yaml, file: "page.md").get()
    var validator = SchemaValidator(file: "page.md")
    let object = validator.validateDocument(node, schema: schema, what: "block")
    #expect(validator.diagnostics.isEmpty, "\(validator.diagnostics)")
    return object
}

func tenant(_ yaml: String) throws -> TenantConfig {
    let (config, diagnostics) = ComponentRegistry.loadTenant(data: Data(yaml.utf8), file: "tenant.yaml", id: "acme")
    return try #require(config, "\(diagnostics)")
}

/// Builds a component from a block's YAML against a tenant with a name, a base URL and `tenantYAML`.
func build<C: Component>(_ component: C.Type, tenant tenantYAML: String, options block: String = "{}") throws -> Result<C, DiagnosticList> {
    let t = try tenant("name: A\nbaseURL: https://a.example/\n" + tenantYAML)
    return C.build(options: try options(block, schema: C.optionsSchema), context: ComponentContext(tenant: t))
}
