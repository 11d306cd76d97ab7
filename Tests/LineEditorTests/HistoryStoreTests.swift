import Testing

@testable import LineEditor

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite("History file")
struct HistoryStoreTests {
    /// A fresh folder under /tmp, removed by the caller.
    private func temporaryFolder() throws -> String {
        var template = Array("/tmp/le-history-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.flatMap { mkdtemp($0) }.map { String(cString: $0) }
        }
        return try #require(made)
    }

    private func mode(of path: String) -> mode_t? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return info.st_mode & 0o777
    }

    @Test func roundTripThroughAFile() throws {
        let folder = try temporaryFolder()
        defer { _ = system("rm -rf '\(folder)'") }
        let path = folder + "/state/sandtable/history"

        do {
            let store = try #require(HistoryStore(path: path))
            store.add("as 交通局")
            store.add("status")
            store.add("status")  // unique: a repeat is not stored twice
            store.add("   ")  // blank: skipped
            #expect(store.count == 2)
            #expect(store.lastError == nil)
        }
        #expect(mode(of: path) == 0o600)
        #expect(mode(of: folder + "/state") == 0o700)
        #expect(mode(of: folder + "/state/sandtable") == 0o700)
        #expect(access(path + ".tmp", F_OK) != 0)

        let reloaded = try #require(HistoryStore(path: path))
        #expect(reloaded.count == 2)
        #expect(reloaded.newest == "status")
        reloaded.add("quit")
        #expect(mode(of: path) == 0o600)
        #expect(try #require(HistoryStore(path: path)).count == 3)
    }

    @Test func savedAfterEveryLine() throws {
        let folder = try temporaryFolder()
        defer { _ = system("rm -rf '\(folder)'") }
        let path = folder + "/history"
        let store = try #require(HistoryStore(path: path))
        store.add("first")
        #expect(try #require(HistoryStore(path: path)).newest == "first")
        store.add("second")
        #expect(try #require(HistoryStore(path: path)).newest == "second")
    }

    @Test func unwritableFolderIsReportedNotFatal() throws {
        let store = try #require(HistoryStore(path: "/proc/nonexistent/sandtable/history"))
        store.add("x")
        #expect(store.lastError != nil)
        #expect(store.count == 1)
    }
}
