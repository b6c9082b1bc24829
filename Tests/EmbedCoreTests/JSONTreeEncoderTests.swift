import EmbedCore
import Foundation
import Testing

/// `JSONValue(encoding:)` gives the tree a JSONEncoder/JSONDecoder round trip gives.
@Suite struct JSONTreeEncoderTests {
    struct Inner: Codable, Equatable { var a: Int; var b: String?; var c: [Bool] }
    struct Outer: Codable, Equatable {
        var name: String
        var inner: Inner?
        var list: [Inner]
        var table: [String: Double]
        var raw: JSONValue

        enum CodingKeys: String, CodingKey { case name, inner, list, table, raw, nested }

        init(name: String, inner: Inner?, list: [Inner], table: [String: Double], raw: JSONValue) {
            (self.name, self.inner, self.list, self.table, self.raw) = (name, inner, list, table, raw)
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            name = try c.decode(String.self, forKey: .name)
            inner = try c.decodeIfPresent(Inner.self, forKey: .inner)
            list = try c.decode([Inner].self, forKey: .list)
            table = try c.decode([String: Double].self, forKey: .table)
            raw = try c.decode(JSONValue.self, forKey: .raw)
        }

        /// Writes `inner` as null when absent, and a nested container written after it is attached.
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name)
            try c.encode(inner, forKey: .inner)
            try c.encode(list, forKey: .list)
            try c.encode(table, forKey: .table)
            try c.encode(raw, forKey: .raw)
            var nested = c.nestedUnkeyedContainer(forKey: .nested)
            try nested.encode("late </script>")
            try nested.encodeNil()
        }
    }

    @Test func theTreeIsTheRoundTripsTree() throws {
        let value = Outer(name: "x\u{2028}<y>", inner: nil, list: [Inner(a: 1, b: nil, c: [true, false]), Inner(a: -2, b: "&", c: [])],
                          table: ["k": 1.5], raw: ["n": .null, "l": [1, "s"]])
        let roundTrip = try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(value))
        let tree = try #require(JSONValue(encoding: value))
        #expect(tree == roundTrip)
        #expect(ScriptJSON.encode(tree) == ScriptJSON.encode(roundTrip))
        #expect(try JSONDecoder().decode(Outer.self, from: Data(ScriptJSON.encode(tree).utf8)) == value)
    }
}
