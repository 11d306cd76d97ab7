import Foundation
import Localization
import ScenarioLanguage
import SystemPackage
import TerminalText

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
        /// The file's folder does not exist.
        case folderMissing(path: String, folder: String)
        /// The file's folder may not be written.
        case folderReadOnly(path: String, folder: String)
        /// Writing failed for another reason (the system's words).
        case unwritable(String, String)

        /// The message for the user in `language`.
        public func message(_ language: UILanguage) -> String {
            let strings = Strings(.commands, language: language)
            return switch self {
            case .invalidName(let name): strings("new.invalidName", name)
            case .exists(let path): strings("new.exists", path)
            case .folderMissing(let path, let folder): strings("new.unwritable", path, strings("new.noFolder", folder))
            case .folderReadOnly(let path, let folder):
                strings("new.unwritable", path, strings("new.folderReadOnly", folder))
            case .unwritable(let path, let reason): strings("new.unwritable", path, reason)
            }
        }

        /// The message in English.
        public var description: String { message(.en) }
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
            if code == ENOENT { throw .folderMissing(path: target, folder: folder) }
            if code == EACCES { throw .folderReadOnly(path: target, folder: folder) }
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
    /// - Parameters:
    ///   - language: The starter's language (its texts and comments).
    ///   - messages: The language of the messages; nil for the locale's (under the C locale, the starter's).
    public static func run(
        name: String, language: StarterExercise.Language, directory: String?, messages: UILanguage? = nil
    ) -> Int32 {
        let strings = Strings(
            .commands,
            language: UILanguage.detect(
                explicit: messages?.rawValue, environment: ProcessInfo.processInfo.environment,
                contentLanguage: language.rawValue))
        do {
            let target = try write(name: name, language: language, directory: directory)
            let quoted = target.contains(" ") ? "'\(target)'" : target
            let next = [
                ("sandtable check \(quoted)", "new.next.check"),
                ("sandtable simulate \(quoted) -n 1000", "new.next.simulate"),
                ("sandtable play \(quoted)", "new.next.play"),
            ]
            // The commands in a column, their explanations four columns past the longest.
            let width = next.map(\.0.displayWidth).max() ?? 0
            print(strings("new.created", target))
            for (command, key) in next { print("  " + TextLayout.pad(command, toWidth: width + 4) + strings[key]) }
            return 0
        } catch {
            let language = strings.language
            FileHandle.standardError.write(Data((strings["command.error"] + error.message(language) + "\n").utf8))
            return 1
        }
    }
}
