@testable import EmbedVendors
import Foundation
import Testing

/// PHPQuery against real PHP (Debian's php-cli, installed by `make test-deps`): the query the
/// generator writes is byte for byte PHP's `http_build_query`, and PHP's `parse_str` reads it back
/// as the same structure, for every payload of the XSS corpus and a few hand-picked values.
@Suite(.enabled(if: PHPBinary.path != nil, "php is not installed (make test-deps installs php-cli)"))
struct PHPInteropTests {

    static let values: [String] = {
        let corpus = RepositoryPaths.fixtures.appendingPathComponent("shared-data/xss-payloads/xss-payloads.json")
        struct Corpus: Decodable { struct Payload: Decodable { let payload: String }; let payloads: [Payload] }
        let payloads = (try? JSONDecoder().decode(Corpus.self, from: Data(contentsOf: corpus)))?.payloads.map(\.payload) ?? []
        return ["79999999999", "a&b=c", "[0]", "%41", "é ü", "+33 6", "x]y[z", "\"'<>", "~*()!", "", "a\u{0}b", "😀"] + payloads
    }()

    static func structure(_ value: String) -> [(String, PHPQuery.Value)] {
        [("api", .array([("license_id", .text("30310")), ("crm_domain", .text(value))])),
         ("crm", .array([("phones", .array([("0", .text(value)), ("1", .text("2"))])), ("dialogIds", .array([("0", .text(value))]))]))]
    }

    /// PHP reads a JSON list of values and our queries; it answers, for each, its own
    /// http_build_query of the same structure and its parse_str of ours, as JSON.
    static let script = #"""
    $in = json_decode(file_get_contents('php://stdin'), true);
    $out = [];
    foreach ($in as $case) {
        $v = $case['value'];
        $structure = ['api' => ['license_id' => '30310', 'crm_domain' => $v],
                      'crm' => ['phones' => [$v, '2'], 'dialogIds' => [$v]]];
        parse_str($case['query'], $parsed);
        $out[] = ['built' => http_build_query($structure), 'parsed' => $parsed];
    }
    echo json_encode($out, JSON_UNESCAPED_SLASHES | JSON_INVALID_UTF8_SUBSTITUTE);
    """#

    @Test func phpBuildsTheSameQueryAndParsesOursBack() throws {
        let php = try #require(PHPBinary.path)
        let cases = Self.values.map { ["value": $0, "query": PHPQuery.build(Self.structure($0))] }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: php)
        process.arguments = ["-r", Self.script]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(try JSONSerialization.data(withJSONObject: cases))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        let answers = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        try #require(answers.count == cases.count)
        var mismatches: [String] = []
        for (value, answer) in zip(Self.values, answers) {
            let ours = PHPQuery.build(Self.structure(value))
            if answer["built"] as? String != ours {
                mismatches.append("build \(String(reflecting: value)): PHP \(answer["built"] ?? "nil"), ours \(ours)")
            }
            let parsed = answer["parsed"] as? [String: Any]
            let api = parsed?["api"] as? [String: Any], crm = parsed?["crm"] as? [String: Any]
            let phones = crm?["phones"] as? [Any], dialogs = crm?["dialogIds"] as? [Any]
            let readBack = [api?["crm_domain"] as? String, phones?.first as? String, dialogs?.first as? String]
            if readBack != [value, value, value] || api?["license_id"] as? String != "30310" || phones?.last as? String != "2" {
                mismatches.append("parse_str of ours for \(String(reflecting: value)): \(parsed as Any)")
            }
            // And our parser reads PHP's query as PHP built it.
            let back = PHPQuery.parse(answer["built"] as? String ?? "")
            if PHPQuery.Value.array(back) != PHPQuery.Value.array(Self.structure(value)) {
                mismatches.append("our parse of PHP's query for \(String(reflecting: value))")
            }
        }
        #expect(Self.values.count > 250)
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches:\n\(mismatches.prefix(10).joined(separator: "\n"))")
    }
}

enum PHPBinary {
    static let path: String? = ["/usr/bin/php", "/usr/local/bin/php"].first { FileManager.default.isExecutableFile(atPath: $0) }
}
