/// TeamViewer Engage's section of tenant.yaml (its one component's settings, `EngageWebChat`).
public enum Engage {
    public static let section = VendorSection("engage", doc: "TeamViewer Engage settings")
}
