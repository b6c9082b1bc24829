import Mustache

/// One level of the values a layout sees (`page`, `tenant`, a `nav` item, ...).
///
/// swift-mustache looks every name up by casting the current object to its protocols. A
/// plain struct is the cheapest type to cast (a class costs a walk of its superclasses, a
/// nested `[String: Any]` a conditional conformance), and it renders the same. Immutable,
/// hence Sendable.
struct TemplateScope: MustacheParent, @unchecked Sendable {
    private let values: [String: Any]

    init(_ values: [String: Any]) {
        self.values = values
    }

    func child(named name: String) -> Any? {
        values[name]
    }
}

/// A text value for a template. Rendered like a `String` (escaped by `{{ }}`, truthy in a
/// section, transformable with `uppercased(...)` and the like) without going through
/// `String(describing:)` for every use. Inside its own section (`{{#tenant.logo}}`) it has no
/// children, like a `String`, and says so directly: otherwise every name looked up there
/// would first be searched by reflection.
struct TemplateText: MustacheCustomRenderable, MustacheTransformable, MustacheParent {
    let renderText: String

    init(_ text: String) {
        renderText = text
    }

    var isNull: Bool { false }

    func transform(_ name: String) -> Any? {
        renderText.transform(name)
    }

    func child(named name: String) -> Any? { nil }
}
