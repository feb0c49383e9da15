import CSQLite
import Foundation
import OstromCore

/// What SQLite refused, with the database it was about.
public struct DatabaseError: Error, CustomStringConvertible {
    public var path: String
    public var code: Int32
    public var message: String

    public var description: String { "\(RawPath.display(path)): \(message)" }

    /// Another process held the database longer than we would wait.
    public var isBusy: Bool { code & 0xff == SQLITE_BUSY || code & 0xff == SQLITE_LOCKED }
}

/// One connection to an SQLite file: the few calls ostrom needs, with
/// errors that name the file. Opened without following a symbolic link,
/// in WAL mode, waiting for another process's write up to a limit.
final class SQLiteDatabase {
    let path: String
    private let handle: OpaquePointer
    private var waiting: BusyWait?
    private var waitLimit = 0.0
    private var transactionDepth = 0

    init(path: String, readOnly: Bool = false) throws(DatabaseError) {
        self.path = path
        let flags = (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) | SQLITE_OPEN_NOFOLLOW
        var opened = try Self.open(path, flags: flags)
        if Self.isOnReadOnlyMedium(opened, path: path) {
            // A WAL database is read through its `-shm` file, which a
            // read-only folder cannot hold once the last writer closed
            // cleanly and removed it: nothing can change the file there,
            // so it is read as immutable, without one.
            sqlite3_close_v2(opened)
            opened = try Self.open(Self.immutableURI(path), flags: SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOFOLLOW, naming: path)
        }
        handle = opened
        sqlite3_extended_result_codes(handle, 1)
    }

    private static func open(_ name: String, flags: Int32, naming path: String? = nil) throws(DatabaseError) -> OpaquePointer {
        var opened: OpaquePointer?
        let code = sqlite3_open_v2(name, &opened, flags, nil)
        guard let opened else { throw DatabaseError(path: path ?? name, code: code, message: "cannot be opened (out of memory)") }
        guard code == SQLITE_OK else {
            let message = String(cString: sqlite3_errmsg(opened))
            sqlite3_close_v2(opened)
            throw DatabaseError(path: path ?? name, code: code, message: message)
        }
        return opened
    }

    /// Opened read-only in a folder that cannot be written (a read-only
    /// mount), with no write-ahead log beside it to read.
    private static func isOnReadOnlyMedium(_ handle: OpaquePointer, path: String) -> Bool {
        guard sqlite3_db_readonly(handle, "main") == 1, access(path + "-wal", F_OK) != 0 else { return false }
        let folder = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        return access(folder.isEmpty ? "/" : folder, W_OK) != 0
    }

    /// `path` as an SQLite URI that opens it immutable.
    static func immutableURI(_ path: String) -> String {
        "file:" + PercentEncoding.encoded(path) + "?immutable=1"
    }

    deinit {
        sqlite3_close_v2(handle)
    }

    /// Waits up to `seconds` for another process's lock; `onWait` is
    /// called once, when waiting starts.
    func waitWhenBusy(seconds: Double, onWait: (() -> Void)? = nil) {
        let wait = BusyWait(limit: seconds, onWait: onWait)
        waiting = wait
        waitLimit = seconds
        sqlite3_busy_handler(handle, { context, attempt in
            guard let context else { return 0 }
            return Unmanaged<BusyWait>.fromOpaque(context).takeUnretainedValue().shouldRetry(attempt: attempt) ? 1 : 0
        }, Unmanaged.passUnretained(wait).toOpaque())
    }

    /// Runs `body` again while another process's lock makes it fail, up to
    /// the wait limit: a few steps (turning WAL on while another connection
    /// opens the file) are refused without the busy handler being asked.
    func retryingWhileBusy<T>(_ body: () throws(DatabaseError) -> T) throws(DatabaseError) -> T {
        let deadline = Date().addingTimeInterval(waitLimit)
        while true {
            do {
                return try body()
            } catch where error.isBusy && Date() < deadline {
                usleep(5_000)
            }
        }
    }

    func execute(_ sql: String) throws(DatabaseError) {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        guard code == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
            sqlite3_free(message)
            throw DatabaseError(path: path, code: code, message: text)
        }
    }

    func prepare(_ sql: String) throws(DatabaseError) -> Statement {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        guard code == SQLITE_OK, let statement else { throw error(code) }
        return Statement(handle: statement, database: self)
    }

    /// Runs `body` in one write transaction: all of it is kept, or none.
    /// Inside another, it is part of that one.
    func transaction<T>(_ body: () throws(DatabaseError) -> T) throws(DatabaseError) -> T {
        guard transactionDepth == 0 else {
            transactionDepth += 1
            defer { transactionDepth -= 1 }
            return try body()
        }
        try execute("BEGIN IMMEDIATE")
        transactionDepth = 1
        defer { transactionDepth = 0 }
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// The rows of a query of two text columns, the first as the key.
    func dictionary(_ sql: String) throws(DatabaseError) -> [String: String] {
        let statement = try prepare(sql)
        var result: [String: String] = [:]
        while try statement.step() {
            if let key = statement.text(0), let value = statement.text(1) { result[key] = value }
        }
        return result
    }

    var userVersion: Int {
        get throws(DatabaseError) {
            let statement = try prepare("PRAGMA user_version")
            return try statement.step() ? statement.int(0) : 0
        }
    }

    func error(_ code: Int32) -> DatabaseError {
        DatabaseError(path: path, code: code, message: String(cString: sqlite3_errmsg(handle)))
    }
}

/// How long to keep retrying while another process writes.
private final class BusyWait {
    let limit: Double
    let onWait: (() -> Void)?
    private var started: Date?

    init(limit: Double, onWait: (() -> Void)?) {
        self.limit = limit
        self.onWait = onWait
    }

    func shouldRetry(attempt: Int32) -> Bool {
        if attempt == 0 {
            started = Date()
            onWait?()
        }
        guard let started, Date().timeIntervalSince(started) < limit else { return false }
        usleep(5_000)
        return true
    }
}

/// A prepared statement: bind, step, read columns, reset.
final class Statement {
    private let handle: OpaquePointer
    private let database: SQLiteDatabase

    fileprivate init(handle: OpaquePointer, database: SQLiteDatabase) {
        self.handle = handle
        self.database = database
    }

    deinit {
        sqlite3_finalize(handle)
    }

    func bind(_ values: [Value]) throws(DatabaseError) {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch value {
            case .null: code = sqlite3_bind_null(handle, index)
            case .integer(let number): code = sqlite3_bind_int64(handle, index, Int64(number))
            case .text(let text): code = sqlite3_bind_text(handle, index, text, -1, ostrom_sqlite_transient())
            case .blob(let bytes):
                code = bytes.withUnsafeBytes { sqlite3_bind_blob(handle, index, $0.baseAddress, Int32($0.count), ostrom_sqlite_transient()) }
            }
            guard code == SQLITE_OK else { throw database.error(code) }
        }
    }

    /// The next row: true when there is one, false when done.
    func step() throws(DatabaseError) -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            sqlite3_reset(handle)
            throw database.error(code)
        }
    }

    /// Binds and runs a statement that returns no rows.
    func run(_ values: [Value] = []) throws(DatabaseError) {
        try bind(values)
        while try step() {}
    }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

    func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(handle, column)) }

    func text(_ column: Int32) -> String? {
        guard let bytes = sqlite3_column_text(handle, column) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    /// The column's bytes, valid until the next step.
    func blob(_ column: Int32) -> UnsafeRawBufferPointer {
        let count = Int(sqlite3_column_bytes(handle, column))
        guard let bytes = sqlite3_column_blob(handle, column) else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: bytes, count: count)
    }

    enum Value {
        case null
        case integer(Int)
        case text(String)
        case blob([UInt8])

        static func text(_ text: String?) -> Value { text.map(Value.text) ?? .null }
        static func integer(_ number: Int?) -> Value { number.map(Value.integer) ?? .null }
    }
}
