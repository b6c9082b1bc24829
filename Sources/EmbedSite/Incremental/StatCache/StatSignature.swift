import EmbedCore
import Foundation

/// The stamps of a tenant's files, in the order they were given, hashed into one value.
struct StatSignature {
    /// Each file's name, then its stamp as raw integers: hashed, never shown.
    private var bytes: [UInt8] = []
    /// A file changed less than `InputStatCache.settleSeconds` before `now`: not remembered.
    private(set) var isFresh = false
    private let now: Int

    init(now: Int = Int(time(nil))) {
        self.now = now
        bytes.reserveCapacity(512)
    }

    mutating func add(_ stamp: FileStamp, as name: String) {
        bytes += name.utf8
        bytes.append(0)
        for field in stamp.fields {
            withUnsafeBytes(of: field.littleEndian) { bytes += $0 }
        }
        if stamp.isFresh(now: now) { isFresh = true }
    }

    var value: String { ContentHash.sha256Hex(Data(bytes)) }
}
