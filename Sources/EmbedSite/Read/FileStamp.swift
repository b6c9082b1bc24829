import EmbedCore
import Foundation

/// The `stat` facts of one file that change whenever its content can have.
struct FileStamp: Sendable, Equatable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var mode: UInt32
    var modified: timespec
    var changed: timespec

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        mode = UInt32(info.st_mode)
        modified = info.st_mtim
        changed = info.st_ctim
    }

    /// `device.inode.size.mode.mtime-sec.mtime-nsec.ctime-sec.ctime-nsec`, for the cache file.
    func write(to out: inout CacheBytesWriter) {
        for (index, value) in [Int64(bitPattern: device), Int64(bitPattern: inode), size, Int64(mode),
                               Int64(modified.tv_sec), Int64(modified.tv_nsec), Int64(changed.tv_sec), Int64(changed.tv_nsec)].enumerated() {
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
        guard values.count == 8, item.atEnd, let mode = UInt32(exactly: values[3]) else { return nil }
        device = UInt64(bitPattern: values[0])
        inode = UInt64(bitPattern: values[1])
        size = values[2]
        self.mode = mode
        modified = timespec(tv_sec: Int(values[4]), tv_nsec: Int(values[5]))
        changed = timespec(tv_sec: Int(values[6]), tv_nsec: Int(values[7]))
    }

    /// Changed less than `InputStatCache.settleSeconds` before `now`.
    func isFresh(now: Int) -> Bool {
        let limit = now - InputStatCache.settleSeconds
        return changed.tv_sec >= limit || modified.tv_sec >= limit
    }

    static func == (a: FileStamp, b: FileStamp) -> Bool {
        a.device == b.device && a.inode == b.inode && a.size == b.size && a.mode == b.mode
            && a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec
            && a.changed.tv_sec == b.changed.tv_sec && a.changed.tv_nsec == b.changed.tv_nsec
    }
}
