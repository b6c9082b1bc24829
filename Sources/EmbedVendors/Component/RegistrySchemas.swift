import EmbedConfig
import EmbedCore
import Foundation

/// The schemas the registry's components add up to: tenant.yaml (the site's keys around each
/// vendor's section), the page front matter (layouts and their keys) and the JSON Schema.
/// EmbedConfig declares the site's own keys and validates; the vendor parts are assembled here,
/// one layer up, so the module graph stays one-directional.
extension ComponentRegistry {
    /// Each vendor's section, in the order its first component appears in `all`.
    public static let tenantVendorSections: [FieldSchema] = {
        var vendors: [VendorSection] = []
        var fields: [String: [FieldSchema]] = [:]
        for component in all {
            guard let section = component.tenantSection else { continue }
            let vendor = section.vendor.key
            if fields[vendor] == nil {
                vendors.append(section.vendor)
                fields[vendor] = section.vendor.sharedFields
            }
            if let key = section.key {
                fields[vendor]!.append(FieldSchema(key, .object(section.schema), doc: section.doc))
            } else {
                fields[vendor]! += section.schema.fields
            }
        }
        return vendors.map { FieldSchema($0.key, .object(ObjectSchema($0.key, fields[$0.key]!)), doc: $0.doc) }
    }()

    /// The whole tenant.yaml contract.
    public static let tenantSchema = TenantSchema.tenant(vendorSections: tenantVendorSections)

    /// Layouts with a component, in registry order (after `page`).
    public static let layouts: [String] = all.compactMap { $0.layout?.name }

    /// The whole front-matter contract.
    public static let frontMatterSchema: ObjectSchema = PageSchema.frontMatter(layouts: layouts, componentFields: all.compactMap { component in
        switch component.layout?.frontMatter {
        case .options(let key, let doc)?: return FieldSchema(key, .object(component.optionsSchema), doc: doc)
        case .flag(let key, let doc, let defaultValue)?: return FieldSchema(key, .boolean, doc: doc, default: defaultValue)
        case nil: return nil
        }
    })

    /// `embedsmith schema --for tenant|page|all`.
    public static func jsonSchema(for target: String) -> String {
        JSONSchemaExport.document(for: target, tenant: tenantSchema, page: frontMatterSchema)
    }

    /// Validates tenant.yaml against the registry's tenant schema.
    public static func loadTenant(data: Data, file: String, id: String, allowLoopbackHTTP: Bool = false) -> (TenantConfig?, [Diagnostic]) {
        TenantLoader.load(data: data, file: file, id: id, schema: tenantSchema, allowLoopbackHTTP: allowLoopbackHTTP)
    }
}
