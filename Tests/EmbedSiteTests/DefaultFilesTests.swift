@testable import EmbedSite
import Foundation
import Testing

/// The EmbedFiles plugin compiles templates/ into DefaultFiles at build time. The table must hold
/// every file of the folder byte for byte: the templates are hashed into the build key, so an
/// altered byte (a line ending, an escape) would change every page and re-render every tenant.
@Suite struct DefaultFilesTests {
    @Test func compiledTemplatesEqualTheTemplatesFolder() throws {
        let folder = TestProject.packageRoot.appendingPathComponent("templates")
        var onDisk: [String: Data] = [:]
        let enumerator = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey],
                                                                     options: [.skipsHiddenFiles]))
        for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            onDisk[String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1))] = try Data(contentsOf: url)
        }
        #expect(!onDisk.isEmpty)
        #expect(Set(DefaultFiles.files.keys) == Set(onDisk.keys))
        for (path, data) in onDisk {
            #expect(DefaultFiles.files[path].map { Data($0.utf8) } == data, "templates/\(path) differs from its compiled copy")
        }
    }
}
