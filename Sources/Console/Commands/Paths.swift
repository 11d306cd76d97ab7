import SystemPackage

// Path arithmetic for the commands, on swift-system's `FilePath` and from the text alone (the file system is not
// asked). Foundation's string path methods are not used: on Linux `deletingLastPathComponent` traps on a
// one-character folder such as `t` (`sandtable verify t/x.jsonl` died with SIGILL).

extension FilePath {
    /// The folder that holds this file or folder, worked out from the path's text: `t` for `t/x.jsonl`, `.` for
    /// `x.jsonl` and for `t`, `../..` for `..`, `/` for `/a` and for `/` itself.
    var enclosingFolder: FilePath {
        var path = lexicallyNormalized()
        if path.isEmpty || path.lastComponent?.kind == .parentDirectory {
            path.append("..")
            return path
        }
        path.removeLastComponent()
        return path.isEmpty ? "." : path
    }

    /// `other` looked up from this folder: `other` itself when it is absolute or this folder is `.` (so messages
    /// show the path as the user would type it), else this folder followed by `other`.
    func resolving(_ other: FilePath) -> FilePath {
        self == "." ? other : pushing(other)
    }
}

/// Where the commands look for a file that a transcript or an exercise names.
enum PathLookup {
    /// The places to look for the exercise `source` that the transcript at `transcript` names, in order: as given
    /// (from the current folder), beside the transcripts folder (the transcript's folder's parent, as when
    /// `transcripts/` sits next to `exercises/`), then inside the transcript's own folder. Without repeats.
    static func exerciseCandidates(transcript: String, source: String) -> [String] {
        let folder = FilePath(transcript).enclosingFolder
        let source = FilePath(source)
        var seen: Set<String> = []
        return [source, folder.enclosingFolder.resolving(source), folder.resolving(source)].map(\.string).filter {
            seen.insert($0).inserted
        }
    }

    /// The folder a transcript lives in, for writing on: `.` when the path names no folder.
    static func folder(of file: String) -> String {
        FilePath(file).enclosingFolder.string
    }
}
