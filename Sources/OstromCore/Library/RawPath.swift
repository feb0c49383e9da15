import CMappedFiles
import Foundation

/// File names as the system has them: bytes, not always UTF-8. A name
/// that is not valid UTF-8 (`café` written in Latin-1) is held in a String
/// with each byte of its invalid sequences as a scalar of the last
/// private-use block (U+10FF00 + byte), so that the file can still be
/// opened and listed, and is shown with those bytes escaped (`caf\xE9`).
public enum RawPath {
    private static let base: UInt32 = 0x10FF00

    /// The String for a name's bytes.
    public static func string(_ bytes: some Collection<UInt8>) -> String {
        let array = Array(bytes)
        if let valid = String(validating: array, as: UTF8.self) { return valid }
        var scalars = String.UnicodeScalarView()
        var index = 0
        while index < array.count {
            let length = sequenceLength(array, at: index)
            if length > 0, let text = String(validating: array[index..<(index + length)], as: UTF8.self) {
                scalars.append(contentsOf: text.unicodeScalars)
                index += length
            } else {
                scalars.append(Unicode.Scalar(base + UInt32(array[index]))!)
                index += 1
            }
        }
        return String(scalars)
    }

    /// The String for a C string's bytes (an argument, a directory entry).
    public static func string(cString: UnsafePointer<CChar>) -> String {
        string(UnsafeRawBufferPointer(start: cString, count: strlen(cString)))
    }

    /// The bytes a path stands for (the inverse of `string`).
    public static func bytes(_ path: String) -> [UInt8] {
        guard path.unicodeScalars.contains(where: { $0.value > base && $0.value <= base + 0xFF }) else { return Array(path.utf8) }
        var bytes: [UInt8] = []
        for scalar in path.unicodeScalars {
            if scalar.value > base && scalar.value <= base + 0xFF {
                bytes.append(UInt8(scalar.value - base))
            } else {
                bytes.append(contentsOf: String(scalar).utf8)
            }
        }
        return bytes
    }

    /// The path as it is shown: its raw bytes escaped as `\xE9`.
    public static func display(_ path: String) -> String {
        guard path.unicodeScalars.contains(where: { $0.value > base && $0.value <= base + 0xFF }) else { return path }
        return path.unicodeScalars.map { scalar in
            scalar.value > base && scalar.value <= base + 0xFF ? String(format: "\\x%02X", scalar.value - base) : String(scalar)
        }.joined()
    }

    /// The path's last part, as `basename` has it: `notes` for `a/notes/`,
    /// `/` for `/`. (Foundation's `URL` took a browser's start 0.3 ms to
    /// first say it.)
    public static func lastComponent(of path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? (path.isEmpty ? "" : "/")
    }

    /// Calls `body` with the path as a C string of its bytes.
    public static func withCString<Result>(_ path: String, _ body: (UnsafePointer<CChar>) -> Result) -> Result {
        (bytes(path).map { CChar(bitPattern: $0) } + [0]).withUnsafeBufferPointer { body($0.baseAddress!) }
    }

    /// What is at the path: nil when nothing is.
    public static func kind(of path: String) -> FileKind? {
        var status = stat()
        guard withCString(path, { stat($0, &status) }) == 0 else { return nil }
        return (status.st_mode & S_IFMT) == S_IFDIR ? .folder : .file
    }

    public enum FileKind { case file, folder }

    /// The size of the regular file at the path; nil for anything else.
    public static func fileSize(of path: String) -> Int? {
        var status = stat()
        guard withCString(path, { stat($0, &status) }) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(status.st_size)
    }

    /// The file's bytes; nil when it cannot be read. A regular file of
    /// `smallestMappedFile` or more is mapped (`mapped`); others are read straight
    /// into one block the size the file has (grown if it grows meanwhile),
    /// not through a small buffer appended to a growing one: they are
    /// copied once, not twice. It does not ask for the kernel's
    /// huge pages (`MADV_HUGEPAGE`): when memory was fragmented, making
    /// them held up the read for seconds (a million entries: 17.1 to 19.4 s
    /// with them, 12.0 to 14.5 s without).
    public static func contents(of path: String) -> Data? {
        let descriptor = withCString(path) { open($0, O_RDONLY | O_CLOEXEC) }
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        if let mapped = mapped(descriptor, status) { return mapped }
        // One byte more than the size, to see the end without another block.
        var capacity = max(Int(status.st_size), 0) + 1
        guard var block = malloc(capacity) else { return nil }
        var count = 0
        while true {
            guard let got = fill(block + count, count: capacity - count, from: descriptor) else {
                free(block)
                return nil
            }
            count += got
            if count < capacity { return Data(bytesNoCopy: block, count: count, deallocator: .free) }
            capacity *= 2
            guard let larger = realloc(block, capacity) else {
                free(block)
                return nil
            }
            block = larger
        }
    }

    /// Regular files this large are mapped rather than read (`mapped`).
    static let smallestMappedFile = 1 << 20

    /// The bytes of a large regular file, mapped: its pages are the
    /// system's file cache, taken without being copied or zeroed first (a
    /// million entries, 2.2 GB: 0.1 s where reading them took 1.2 to 1.7
    /// s), and a page given back (`EntryBytesRelease`) is read from the
    /// file again if it is read again. Private and writable, so that
    /// nothing written to them reaches the file. Watched while held
    /// (`CMappedFiles`): if another program cuts the file short meanwhile,
    /// what stood past its new end reads as zeros (`wasCutShort`), where
    /// the system would end ostrom. Nil for a smaller or special file (a
    /// pipe), or when the system will not map it.
    private static func mapped(_ descriptor: Int32, _ status: stat) -> Data? {
        let size = Int(status.st_size)
        guard (status.st_mode & S_IFMT) == S_IFREG, size >= smallestMappedFile, let address = map(descriptor, size: size) else { return nil }
        return Data(bytesNoCopy: address, count: size, deallocator: .custom { address, size in unmap(address, size: size) })
    }

    /// The first `size` bytes of an open file mapped, private and writable,
    /// and watched (`CMappedFiles`; all but the 64 watched at once); nil
    /// when the system will not map them (`errno` says why).
    public static func map(_ descriptor: Int32, size: Int) -> UnsafeMutableRawPointer? {
        guard let address = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else { return nil }
        _ = ostrom_mapped_watch(address, size)
        return address
    }

    /// Lets go of a mapping `map` made.
    public static func unmap(_ address: UnsafeMutableRawPointer, size: Int) {
        _ = ostrom_mapped_unwatch(address)
        munmap(address, size)
    }

    /// Puts the watch over mapped files (`mapped`) before a SIGBUS handler
    /// installed since it was (the terminal's crash handler, which would
    /// end ostrom before the watch could tell a file was cut short).
    public static func watchMappedFilesFirst() {
        ostrom_mapped_handle_bus_errors()
    }

    /// Whether `bytes` are a mapped file's (`contents(of:)`): a page of
    /// theirs given back to the system is the file's again when read.
    public static func isMapped(_ bytes: Data) -> Bool {
        bytes.withUnsafeBytes { raw in raw.baseAddress.map { ostrom_mapped_holds($0) != 0 } ?? false }
    }

    /// Whether `bytes` are a mapped file's (`contents(of:)`) that another
    /// program cut short while they were held.
    public static func wasCutShort(_ bytes: Data) -> Bool {
        bytes.withUnsafeBytes { raw in raw.baseAddress.map { ostrom_mapped_was_cut_short($0) != 0 } ?? false }
    }

    /// The file's first `count` bytes (fewer when it is shorter); nil when
    /// it cannot be read.
    public static func head(of path: String, count: Int) -> Data? {
        let descriptor = withCString(path) { open($0, O_RDONLY | O_CLOEXEC) }
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var head = Data(count: count)
        guard count > 0 else { return head }
        guard let filled = head.withUnsafeMutableBytes({ fill($0.baseAddress!, count: count, from: descriptor) }) else { return nil }
        head.count = filled
        return head
    }

    /// Reads into `buffer` until `count` bytes or the end: how many were
    /// read, nil on an error.
    private static func fill(_ buffer: UnsafeMutableRawPointer, count: Int, from descriptor: Int32) -> Int? {
        var filled = 0
        while filled < count {
            let got = read(descriptor, buffer + filled, count - filled)
            if got > 0 {
                filled += got
            } else if got == 0 {
                break
            } else if errno != EINTR {
                return nil
            }
        }
        return filled
    }

    /// The names in a folder (hidden ones left out), as `string` gives them.
    public static func names(in folder: String) -> [String]? {
        guard let directory = withCString(folder, { opendir($0) }) else { return nil }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { string(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
            // Hidden entries, and `.` and `..`, are left out.
            guard let first = name.first, first != "." else { continue }
            names.append(name)
        }
        return names
    }

    /// The length of the UTF-8 sequence a lead byte announces, 0 for a byte
    /// that cannot start one.
    private static func sequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        let length = lead < 0x80 ? 1 : lead >> 5 == 0x6 ? 2 : lead >> 4 == 0xE ? 3 : lead >> 3 == 0x1E ? 4 : 0
        return index + length <= bytes.count ? length : 0
    }
}
