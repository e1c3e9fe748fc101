#include <sqlite3.h>

/// Turns SQLite's memory statistics off (before the first connection opens). They take a
/// global mutex on every allocation, which the sandbox never reads. Here because
/// sqlite3_config is variadic, which Swift cannot call.
static inline int sandbox_sqlite3_disable_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
