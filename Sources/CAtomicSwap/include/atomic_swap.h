#ifndef EMBEDSMITH_ATOMIC_SWAP_H
#define EMBEDSMITH_ATOMIC_SWAP_H

/// Atomically exchanges two existing paths (Linux renameat2 RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (EINVAL/ENOSYS where unsupported).
int embedsmith_exchange_paths(const char *first, const char *second);

#endif
