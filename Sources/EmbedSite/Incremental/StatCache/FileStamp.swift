import EmbedCore
import Foundation

/// The `stat` facts of one file that change whenever its content can have.
struct FileStamp: Sendable, Equatable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var mode: UInt32
    var modifiedSeconds: Int64
    var modifiedNanoseconds: Int64
    var changedSeconds: Int64
    var changedNanoseconds: Int64

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        mode = UInt32(info.st_mode)
        modifiedSeconds = Int64(info.st_mtim.tv_sec)
        modifiedNanoseconds = Int64(info.st_mtim.tv_nsec)
        changedSeconds = Int64(info.st_ctim.tv_sec)
        changedNanoseconds = Int64(info.st_ctim.tv_nsec)
    }

    /// The eight facts in one fixed order, as the cache file writes them and `StatSignature`
    /// hashes them.
    var fields: [Int64] {
        [Int64(bitPattern: device), Int64(bitPattern: inode), size, Int64(mode),
         modifiedSeconds, modifiedNanoseconds, changedSeconds, changedNanoseconds]
    }

    init?(fields: [Int64]) {
        guard fields.count == 8, let mode = UInt32(exactly: fields[3]) else { return nil }
        device = UInt64(bitPattern: fields[0])
        inode = UInt64(bitPattern: fields[1])
        size = fields[2]
        self.mode = mode
        modifiedSeconds = fields[4]
        modifiedNanoseconds = fields[5]
        changedSeconds = fields[6]
        changedNanoseconds = fields[7]
    }

    /// `device.inode.size.mode.mtime-sec.mtime-nsec.ctime-sec.ctime-nsec`, for the cache file.
    func write(to out: inout CacheBytesWriter) {
        for (index, value) in fields.enumerated() {
            if index > 0 { out.append(byte: UInt8(ascii: ".")) }
            out.append(signed: value)
        }
    }

    init?(reading item: inout CacheBytesReader) {
        var values: [Int64] = []
        while !item.atEnd, values.count < 8 {
            guard let value = item.integer(until: UInt8(ascii: ".")) else { return nil }
            values.append(value)
        }
        guard item.atEnd else { return nil }
        self.init(fields: values)
    }

    /// Changed less than `InputStatCache.settleSeconds` before `now`.
    func isFresh(now: Int) -> Bool {
        let limit = Int64(now - InputStatCache.settleSeconds)
        return changedSeconds >= limit || modifiedSeconds >= limit
    }
}
