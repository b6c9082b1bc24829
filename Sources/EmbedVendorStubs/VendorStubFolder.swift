import Foundation

/// Reads the stub files from a `vendor-stubs/` folder on disk (tests, and a tool run from a
/// checkout). Only the catalog's files are ever read: a request cannot name any other file.
public enum VendorStubFolder {
    public static func lookup(_ folder: URL) -> @Sendable (String) -> [UInt8]? {
        let allowed = Set(VendorStubCatalog.files)
        return { relative in
            guard allowed.contains(relative),
                  let data = try? Data(contentsOf: folder.appendingPathComponent(relative), options: .mappedIfSafe) else { return nil }
            return [UInt8](data)
        }
    }
}
