#ifndef OSTROM_CSQLITE_H
#define OSTROM_CSQLITE_H

#include <sqlite3.h>

/* SQLITE_TRANSIENT is a cast Swift cannot import: SQLite copies the bytes. */
static inline sqlite3_destructor_type ostrom_sqlite_transient(void) { return SQLITE_TRANSIENT; }

#endif
