import Foundation
import ScenarioLanguage
import SystemPackage

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `sandtable new NAME [--lang zh|en] [-o DIR]`: writes `NAME.ttx`, a commented starter exercise that passes `check`.
public enum NewCommand {
    /// Why the starter could not be written.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// The name holds a path separator or is empty.
        case invalidName(String)
        /// The file exists already; it is never overwritten.
        case exists(String)
        /// The folder does not exist or cannot be written.
        case unwritable(String, String)

        /// The message for the user.
        public var description: String {
            switch self {
            case .invalidName(let name):
                "'\(name)' is not a name for an exercise; give a plain name and the folder with -o, like: sandtable new flood -o exercises"
            case .exists(let path): "\(path) exists already; sandtable new never overwrites a file"
            case .unwritable(let path, let reason): "cannot write \(path): \(reason)"
            }
        }
    }

    /// The path `run` writes to: `DIR/NAME.ttx` (`NAME` without a `.ttx` it already ends with).
    public static func path(name: String, directory: String?) throws(Failure) -> String {
        let file = try fileName(name)
        guard let directory, !directory.isEmpty else { return file.string }
        return FilePath(directory).appending(file).string
    }

    /// `NAME.ttx` as one path component: a name that holds a separator, is empty, or is `.` or `..` is refused.
    private static func fileName(_ name: String) throws(Failure) -> FilePath.Component {
        var base = name.trimmingCharacters(in: .whitespaces)
        if base.hasSuffix(".ttx") { base.removeLast(4) }
        guard let component = FilePath.Component(base + ".ttx"), component.kind == .regular,
            FilePath.Component(base)?.kind == .regular
        else { throw .invalidName(name) }
        return component
    }

    /// Writes the starter exercise, refusing to overwrite; returns the path written.
    @discardableResult
    public static func write(name: String, language: StarterExercise.Language, directory: String?) throws(Failure)
        -> String
    {
        let target = try path(name: name, directory: directory)
        let base = try fileName(name).stem
        let data = Array(StarterExercise.text(name: base, language: language).utf8)
        // O_EXCL: the file is created here or not at all, so an existing exercise is never overwritten.
        let descriptor = open(target, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else {
            let code = errno
            if code == EEXIST { throw .exists(target) }
            let folder = FilePath(target).enclosingFolder.string
            if code == ENOENT { throw .unwritable(target, "the folder '\(folder)' does not exist") }
            if code == EACCES { throw .unwritable(target, "the folder '\(folder)' is not writable") }
            throw .unwritable(target, String(cString: strerror(code)))
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            try handle.write(contentsOf: Data(data))
            try handle.synchronize()
        } catch {
            unlink(target)
            throw .unwritable(target, error.localizedDescription)
        }
        return target
    }

    /// Runs the command and returns the exit code: 0 when written, 1 otherwise.
    public static func run(name: String, language: StarterExercise.Language, directory: String?) -> Int32 {
        do {
            let target = try write(name: name, language: language, directory: directory)
            let quoted = target.contains(" ") ? "'\(target)'" : target
            print(
                language == .zh
                    ? """
                    已创建 \(target)。接下来：
                      sandtable check \(quoted)               检查错误和警告
                      sandtable simulate \(quoted) -n 1000    随机通关 1000 次
                      sandtable play \(quoted)                开始演练
                    """
                    : """
                    Created \(target). Next:
                      sandtable check \(quoted)               look for errors and warnings
                      sandtable simulate \(quoted) -n 1000    play it 1000 times at random
                      sandtable play \(quoted)                run the exercise
                    """)
            return 0
        } catch {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            return 1
        }
    }
}
