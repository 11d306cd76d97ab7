/// The words of the language by the place they may be written in: what an editor offers to complete, and which kind
/// of id follows a word. It follows the grammar of `docs/language.md`; `VocabularyTests` check it against the
/// compiler (every word listed for a place compiles there), so a new construct is added here beside the compiler.
public enum Vocabulary {
    /// The words that start a declaration, at the top level.
    public static let declarations = Compiler.declarationKeywords

    /// The statements of a scene's body.
    public static let statements = Compiler.statementKeywords

    /// The statements of an effect block (a choice, an option, an action, an inject, a request's answer, a breach):
    /// the statements without the questions, which belong to a scene's body.
    public static let effects = Compiler.statementKeywords.filter { !["ask", "decide", "discuss"].contains($0) }

    /// The functions of expressions.
    public static let functions = Compiler.functionNames

    /// The words of expressions that are not functions or ids.
    public static let expressionWords = ["and", "or", "not", "true", "false", "time"]

    /// Words that can never be ids.
    public static let reservedWords = Compiler.reservedWords.sorted()

    /// The words that may start a line in the block under a line that starts with `keyword`, or nil when that
    /// depends on where the line is (`if`, `elif`, `else` and `chance` hold statements in a scene's body and effects
    /// elsewhere).
    public static func blockWords(under keyword: String) -> [String]? {
        switch keyword {
        case "exercise": headerProperties
        case "peer": ["question"]
        case "role": ["brief", "lead", "knows", "weight", "auto"]
        case "info": ["owner", "sensitivity", "cleared", "derived", "text", "on"]
        case "measure": ["weight", "range"]
        case "state": ["range"]
        case "objective": ["capability", "owner", "recommend", "P", "S", "M", "U", "else"]
        case "ending": ["text"]
        case "inject": ["at", "when", "chance", "to", "contingency", "text", "expect"] + effects
        case "expect": ["do", "choose", "share", "when"]
        case "action": ["by", "when", "cost", "once"] + effects
        case "request": ["from", "to", "within", "points", "auto", "accept", "refuse"]
        case "duty": ["within", "points"]
        case "scene": statements
        case "ask": ["choice"]
        case "decide": ["by", "rule", "weights", "quorum", "veto", "arbitration", "fallback", "option"]
        case "arbitration": ["when"]
        case "choice", "option", "on", "accept", "refuse": effects
        default: nil
        }
    }

    /// The words that may follow the head (`KEYWORD ID "TITLE"`) of a line that starts with `keyword`: its
    /// properties or flags written on the same line.
    public static func lineWords(after keyword: String) -> [String] {
        switch keyword {
        case "exercise": headerProperties
        case "role": ["lead", "knows", "weight", "auto", "brief"]
        case "info": ["owner", "sensitivity", "cleared", "derived", "text"]
        case "measure": ["weight", "range"]
        case "state": ["range"]
        case "inject": ["at", "when", "chance", "to", "contingency", "text"]
        case "expect": ["by", "within", "all", "any"]
        case "action": ["by", "when", "cost", "once"]
        case "request": ["from", "to", "within", "points", "auto"]
        case "duty": ["within", "points"]
        case "choice": ["default", "expected", "once", "sticky", "if", "when", "cost"]
        case "option": ["default", "expected"]
        case "decide": ["by", "rule", "weights", "quorum", "veto", "arbitration", "fallback"]
        case "ask": ["timeout"]
        case "discuss": ["to"]
        case "award": ["to"]
        case "share": ["with"]
        case "clear", "revoke": ["for"]
        default: []
        }
    }

    /// The words that may follow `word` as its value on a line that starts with `keyword`
    /// (`sensitivity` → `public`, `internal`, `secret`).
    public static func values(after word: String, onLineOf keyword: String) -> [String] {
        switch word {
        case "sensitivity": ["public", "internal", "secret"]
        case "rule": ["unanimous", "majority", "weighted", "lead", "arbitrate"]
        case "fallback", "then": ["negotiate", "lead", "arbitrate"]
        case "arbitration": ["facilitator", "rule"]
        case "scores": ["hidden", "totals", "full"]
        case "sharing": ["open", "scripted"]
        case "peer": ["anonymous", "named", "off"]
        case "language": ["zh-Hans", "en"]
        case "auto": keyword == "request" ? ["accept", "refuse"] : ["default", "random", "script"]
        case "else" where keyword == "else": ["P", "S", "M", "U"]
        default: []
        }
    }

    /// The kind of id that follows `word` on a line that starts with `keyword` (`goto` → scene, `knows` → item), or
    /// nil when no id follows it. A comma continues the list of the word before it.
    public static func idKind(after word: String, onLineOf keyword: String) -> ElementKind? {
        switch word {
        case "goto", "start": .scene
        case "end" where keyword == "end": .ending
        case "from" where keyword == "info": .item
        case "for" where keyword == "clear" || keyword == "revoke": .item
        case "ask", "owner", "cleared", "with", "by", "from", "for", "weights", "veto", "arbitration": .role
        case "to":
            keyword == "award" || keyword == "discuss" || keyword == "inject" || keyword == "request" ? .role : nil
        case "knows": .item
        case "share": .item
        case "clear", "revoke": .role
        case "trigger": .inject
        case "send": .request
        case "checkpoint": .objective
        case "set": .variable
        case "do": .action
        case "choose", "script": .choice
        default: nil
        }
    }

    /// The kinds of id each argument of a function takes, or nil for an argument that is an expression (`min`,
    /// `max`, and anything past the listed ones). `shared` and `shared_at` also take `all` for their role.
    public static func argumentKinds(of function: String) -> [[ElementKind]]? {
        switch function {
        case "knows": [[.role], [.item]]
        case "shared", "shared_at": [[.item], [.role]]
        case "breached", "leaked": [[.item]]
        case "cleared": [[.role], [.item]]
        case "leaked_to": [[.item], [.party]]
        case "visited": [[.scene]]
        case "chose": [[.choice], [.role]]
        case "did": [[.action], [.role]]
        case "decided": [[.decision], [.option]]
        case "resolved_by": [[.decision]]
        case "position": [[.decision], [.role]]
        case "fired": [[.inject]]
        case "hit", "missed": [[.expectation]]
        case "late": [[.expectation, .request]]
        case "on_time", "refused", "answered": [[.request]]
        case "points": [[.role]]
        case "measure": [[.measure], [.role]]
        default: nil
        }
    }

    private static let headerProperties = [
        "language", "version", "authors", "summary", "clock", "duration", "start", "scores", "sharing", "peer",
    ]
}
