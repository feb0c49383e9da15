/// The tables of `library.sqlite`, versioned by `PRAGMA user_version`: each
/// migration takes the schema one version further, in the transaction that
/// opens the file, so a database is always at one version or the one before.
enum LibrarySchema {
    static let migrations: [String] = [
        // 1: records, the user's annotations, reading positions, search history,
        // settings the browser remembers.
        // An import reads the keys of every record once (faster than looking
        // each up), so doi, work_key and the source need no index of their own.
        """
        CREATE TABLE records (
            rowid INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL,
            title TEXT NOT NULL,
            year INTEGER,
            doi TEXT,
            work_key TEXT NOT NULL,
            source_path TEXT,
            source_key TEXT,
            added INTEGER NOT NULL,
            updated INTEGER NOT NULL,
            data BLOB NOT NULL
        );
        CREATE TABLE annotations (
            record_id TEXT PRIMARY KEY,
            starred INTEGER NOT NULL DEFAULT 0,
            tags TEXT NOT NULL DEFAULT '[]',
            note TEXT,
            placement TEXT
        ) WITHOUT ROWID;
        CREATE TABLE reading_positions (
            document TEXT PRIMARY KEY,
            offset INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE search_history (
            position INTEGER PRIMARY KEY,
            query TEXT NOT NULL UNIQUE
        );
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE migrated_files (
            name TEXT PRIMARY KEY,
            migrated INTEGER NOT NULL
        ) WITHOUT ROWID;
        """,
        // 2: an identity made once, and a counter that every record changed
        // or removed moves on, so that what is kept from a library (its search
        // index) can tell that the library is the same and unchanged. (An
        // insert changes the count of records and the last row, which the
        // stamp also holds: a trigger on insert would cost an import of
        // 100 000 records 0.7 s.)
        """
        CREATE TABLE library_changes (
            single INTEGER PRIMARY KEY CHECK (single = 1),
            identity TEXT NOT NULL,
            counter INTEGER NOT NULL
        );
        INSERT INTO library_changes VALUES (1, lower(hex(randomblob(16))), 0);
        CREATE TRIGGER records_updated AFTER UPDATE ON records BEGIN UPDATE library_changes SET counter = counter + 1; END;
        CREATE TRIGGER records_deleted AFTER DELETE ON records BEGIN UPDATE library_changes SET counter = counter + 1; END;
        """,
    ]

    static var version: Int { migrations.count }

    /// Brings the database to this ostrom's schema; a database a newer
    /// ostrom made is refused, never changed.
    static func migrate(_ database: SQLiteDatabase) throws(DatabaseError) {
        try database.transaction { () throws(DatabaseError) in
            let current = try database.userVersion
            guard current <= version else {
                throw DatabaseError(path: database.path, code: 0,
                                    message: "made by a newer ostrom (schema \(current), this one knows \(version)); left as it is")
            }
            for migration in migrations[current...] { try database.execute(migration) }
            if current < version { try database.execute("PRAGMA user_version = \(version)") }
        }
    }
}
