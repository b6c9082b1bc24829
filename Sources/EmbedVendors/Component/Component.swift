import EmbedConfig
import EmbedCore

/// A vendor component: what a page places with an `embed KIND` block (or its layout).
///
/// Everything about one component is declared by its type, in its folder under its vendor
/// (`Apizee/QuickInvitation/`): the options schema, the tenant section it reads, its layout,
/// its `embedsmith link` kind, and the builder (validated options → HTML, CSP needs and typed
/// bridge settings). `ComponentRegistry.all` lists the types; everything else (the tenant and
/// front-matter schemas, the JSON Schema, the layouts, the `embed` kinds, the `link`
/// subcommands) is derived from that list.
public protocol Component: Sendable {
    /// The word after `embed` (`quick-invitation`), also the `link` subcommand and the doc page name.
    static var kind: String { get }
    /// Options of an `embed KIND` block (and of the layout's front-matter key).
    static var optionsSchema: ObjectSchema { get }
    /// Where the component's tenant-wide settings live in tenant.yaml, if it has any.
    static var tenantSection: TenantSection? { get }
    /// The page layout that renders this component first, if any.
    static var layout: ComponentLayout? { get }
    /// `embedsmith link KIND`, if the component has a URL worth printing.
    static var link: LinkSpec? { get }

    /// Validates the options against the tenant; problems come back as located diagnostics.
    static func build(options: ConfigObject, context: ComponentContext) -> Result<Self, DiagnosticList>
    func output(context: ComponentContext) -> ComponentOutput
    /// What `embedsmith link` prints: the URL, and the element to paste (`--html`).
    func linkTarget(context: ComponentContext) -> LinkTarget?
    /// The same component with its vendor URLs pointed at the simulated vendor apps
    /// (`serve --stub-vendors`, `VendorStubOrigin`); nil: unchanged.
    func stubbed(_ stubs: VendorStubOrigin?) -> Self
}

extension Component {
    public static var tenantSection: TenantSection? { nil }
    public static var layout: ComponentLayout? { nil }
    public static var link: LinkSpec? { nil }
    public func linkTarget(context: ComponentContext) -> LinkTarget? { nil }
    public func stubbed(_ stubs: VendorStubOrigin?) -> Self { self }

    /// build then output, for callers holding only the type.
    static func render(options: ConfigObject, context: ComponentContext) -> Result<ComponentOutput, DiagnosticList> {
        build(options: options, context: context).map { $0.stubbed(context.stubVendors).output(context: context) }
    }

    static func renderLink(options: ConfigObject, context: ComponentContext) -> Result<LinkTarget?, DiagnosticList> {
        build(options: options, context: context).map { $0.linkTarget(context: context) }
    }
}

/// What `embedsmith link` prints for one built component.
public struct LinkTarget: Sendable, Equatable {
    public var url: String
    public var html: String

    public init(url: String, html: String) {
        self.url = url
        self.html = html
    }
}
