import Foundation

extension POSIXError {
    /// The error the last failed system call left in `errno`.
    static var fromErrno: POSIXError { POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
}
