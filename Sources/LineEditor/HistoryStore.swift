import CLibedit
import SystemPackage

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// libedit history kept in memory and mirrored to a file after every entry.
///
/// The file is written whole to a temporary sibling (mode 0600) and renamed
/// over the old one, so a crash or a Ctrl-C never leaves it half written, and
/// its missing parent folders are created with mode 0700.
final class HistoryStore {
    /// The libedit `History *`.
    let handle: OpaquePointer
    /// Where the history is saved; `nil` keeps it in memory only.
    let path: String?
    /// The last load or save failure, as a sentence for the user; `nil` when all went well.
    private(set) var lastError: String?

    /// Creates the history and loads `path` when that file exists.
    init?(path: String?, capacity: Int32 = 1000) {
        guard let handle = history_init() else { return nil }
        self.handle = handle
        self.path = path
        st_history_set_size(handle, capacity)
        st_history_set_unique(handle, 1)
        if let path, access(path, F_OK) == 0, st_history_load(handle, path) < 0 {
            lastError = "cannot read history file \(path)"
        }
    }

    deinit {
        history_end(handle)
    }

    /// Number of entries held.
    var count: Int { Int(st_history_count(handle)) }

    /// The newest entry.
    var newest: String? { st_history_newest(handle).map { String(cString: $0) } }

    /// Adds `line` (unless blank) and saves the file.
    func add(_ line: String) {
        guard !line.allSatisfy(\.isWhitespace) else { return }
        st_history_enter(handle, line)
        save()
    }

    /// Writes the whole history to the file.
    @discardableResult
    func save() -> Bool {
        guard let path else { return true }
        guard Self.makeParentDirectories(of: path) else {
            lastError = "cannot create the folder for history file \(path)"
            return false
        }
        let temporary = path + ".tmp"
        // Create it 0600 before libedit opens it with fopen("w"), which would use 0666 & ~umask.
        unlink(temporary)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            lastError = "cannot write history file \(path)"
            return false
        }
        close(fd)
        guard st_history_save(handle, temporary) >= 0, chmod(temporary, 0o600) == 0,
            rename(temporary, path) == 0
        else {
            unlink(temporary)
            lastError = "cannot write history file \(path)"
            return false
        }
        lastError = nil
        return true
    }

    /// `mkdir -p` of the folder holding `path`, creating folders with mode 0700.
    static func makeParentDirectories(of path: String) -> Bool {
        let folder = FilePath(path).removingLastComponent()
        var current = folder.root.map { FilePath(root: $0) } ?? FilePath(".")
        for component in folder.components {
            current.append(component)
            if mkdir(current.string, 0o700) != 0 && errno != EEXIST {
                return false
            }
        }
        return true
    }
}
