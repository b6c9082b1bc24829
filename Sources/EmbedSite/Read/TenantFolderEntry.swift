import EmbedCore

extension OpenFolder.Entry {
    /// A regular file's stamp for the stat cache, from the `fstatat` the listing made of it
    /// (nil for anything else).
    var stamp: FileStamp? { kind == .file ? status.map(FileStamp.init) : nil }
}
