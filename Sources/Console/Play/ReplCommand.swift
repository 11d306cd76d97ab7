/// A command of the REPL: its name, aliases, arguments and help in every UI language.
struct ReplCommand: Sendable {
    /// The commands trainees can type.
    enum Name: String, Sendable, CaseIterable {
        case help, status, log, quit, info, roles, `as`, `do`, share, request, accept, refuse, forward, note, look,
            score
    }

    let name: Name
    let aliases: [String]
    /// The key of its usage line and summary in the catalogues: `cmd.NAME.usage`, `cmd.NAME.summary`.
    var key: String { "cmd.\(name.rawValue)" }

    static let all: [ReplCommand] = [
        ReplCommand(name: .help, aliases: ["?", "帮助"]),
        ReplCommand(name: .status, aliases: ["st", "状态"]),
        ReplCommand(name: .look, aliases: ["l", "question", "问题"]),
        ReplCommand(name: .info, aliases: ["信息"]),
        ReplCommand(name: .roles, aliases: ["角色"]),
        ReplCommand(name: .as, aliases: ["seat", "切换"]),
        ReplCommand(name: .do, aliases: ["act", "行动"]),
        ReplCommand(name: .share, aliases: ["共享"]),
        ReplCommand(name: .request, aliases: ["请求"]),
        ReplCommand(name: .accept, aliases: ["同意"]),
        ReplCommand(name: .refuse, aliases: ["拒绝"]),
        ReplCommand(name: .forward, aliases: ["转交"]),
        ReplCommand(name: .note, aliases: ["备注"]),
        ReplCommand(name: .score, aliases: ["scores", "得分"]),
        ReplCommand(name: .log, aliases: ["history", "记录"]),
        ReplCommand(name: .quit, aliases: ["exit", "q", "退出"]),
    ]

    /// The entry of a command in the table.
    static func command(_ name: Name) -> ReplCommand {
        all.first { $0.name == name } ?? ReplCommand(name: name, aliases: [])
    }

    /// The command with this name or alias.
    static func find(_ word: String) -> ReplCommand? {
        all.first { $0.name.rawValue == word || $0.aliases.contains(word) }
    }

    /// Facilitator commands, typed after a colon.
    static let facilitator = ["inject", "pause", "resume", "advance", "arbitrate", "rate", "end", "note"]
}
