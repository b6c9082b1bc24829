import EmbedCore
import Foundation

/// One build at a time per output folder: two builds would clear each other's staging folder
/// and race on the swap. An advisory lock (`flock`) on `.site.lock` beside `site/`. The kernel
/// releases it when the process ends, even when it is killed, so a left-over file is never a
/// held lock; a finished build removes the file.
final class OutputLock {
    private let descriptor: Int32
    private let path: String

    private init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    deinit {
        // Unlink before unlocking: whoever opens the path next gets a new file, and `acquire`
        // checks that the file it locked is still the one at the path.
        unlink(path)
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    /// `.site.lock` beside `site/`.
    static func path(forOutput output: URL) -> String {
        output.deletingLastPathComponent().path + "/." + output.lastPathComponent + ".lock"
    }

    /// Takes the lock without waiting: a build that finds another one running says so and stops.
    static func acquire(for output: URL) -> Result<OutputLock, Diagnostic> {
        let path = path(forOutput: output)
        try? FileManager.default.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
        for _ in 0..<10 {
            let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else {
                return .failure(.error(.ioWrite, "cannot create the build lock '\(path)': \(String(cString: strerror(errno)))"))
            }
            guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
                close(descriptor)
                return .failure(.error(.outputBusy, "another embedsmith build is writing '\(output.path)'",
                                       hint: "wait for it to finish, or build into another --out"))
            }
            // The holder before us may have removed the file between our open and our lock.
            var locked = stat(), current = stat()
            if fstat(descriptor, &locked) == 0, stat(path, &current) == 0, locked.st_ino == current.st_ino, locked.st_dev == current.st_dev {
                return .success(OutputLock(descriptor: descriptor, path: path))
            }
            close(descriptor)
        }
        return .failure(.error(.outputBusy, "another embedsmith build is writing '\(output.path)'",
                               hint: "wait for it to finish, or build into another --out"))
    }
}
