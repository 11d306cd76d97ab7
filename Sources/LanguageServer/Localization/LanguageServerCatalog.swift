import Localization

/// The language server's own texts: what the editor shows beside the compiler's diagnostics (related places,
/// hovers, lenses, refusals of a rename) and the lines it writes to its log.
enum LanguageServerCatalog {
    static let zh: [String: String] = [
        "diagnostic.includedFrom": "由此处包含",
        "log.malformed": "跳过了一条格式不对的消息：{0}",
        "log.badMessage": "无法读取的消息：{0}",
        "log.unknownNotification": "忽略了未知的通知 {0}",
        "log.readFailed": "读取标准输入失败：{0}",
        "hover.title": "{0} `{1}`",
        "hover.brief": "简介：{0}",
        "hover.sensitivity": "密级：{0}",
        "hover.owner": "所属：{0}",
        "hover.knownAtStart": "开始时知道：{0}",
        "hover.sharers": "可以分享：{0}",
        "hover.nobody": "无",
        "hover.lead": "牵头部门",
        "hover.weight": "权重：{0}",
        "hover.range": "范围：{0}",
        "hover.unresolved": "未定义的{0} `{1}`",
        "lens.reached": "{1} 次模拟中到达 {0} 次",
        "lens.chosen": "{1} 次模拟中选择 {0} 次",
        "lens.fired": "{1} 次模拟中触发 {0} 次",
        "lens.taken": "{1} 次模拟中采取 {0} 次",
        "lens.sent": "{1} 次模拟中发出 {0} 次",
        "rename.noID": "这里没有可以重命名的标识符",
        "rename.invalid": "“{0}” 不能作标识符：只能用字母、数字和下划线，且不以数字开头",
        "rename.reserved": "“{0}” 是保留字，不能作标识符",
        "rename.taken": "“{0}” 已经是{1} “{2}” 的标识符",
    ]

    static let en: [String: String] = [
        "diagnostic.includedFrom": "included from here",
        "log.malformed": "skipped a malformed message: {0}",
        "log.badMessage": "unreadable message: {0}",
        "log.unknownNotification": "ignored the unknown notification {0}",
        "log.readFailed": "reading standard input failed: {0}",
        "hover.title": "{0} `{1}`",
        "hover.brief": "Brief: {0}",
        "hover.sensitivity": "Sensitivity: {0}",
        "hover.owner": "Owner: {0}",
        "hover.knownAtStart": "Known at start by: {0}",
        "hover.sharers": "Can share it: {0}",
        "hover.nobody": "nobody",
        "hover.lead": "lead department",
        "hover.weight": "Weight: {0}",
        "hover.range": "Range: {0}",
        "hover.unresolved": "undefined {0} `{1}`",
        "lens.reached": "reached in {0} of {1} runs",
        "lens.chosen": "chosen in {0} of {1} runs",
        "lens.fired": "fired in {0} of {1} runs",
        "lens.taken": "taken in {0} of {1} runs",
        "lens.sent": "sent in {0} of {1} runs",
        "rename.noID": "there is no id here to rename",
        "rename.invalid": "'{0}' cannot be an id: use letters, digits and underscores, not starting with a digit",
        "rename.reserved": "'{0}' is a reserved word and cannot be an id",
        "rename.taken": "'{0}' is already the id of {1} '{2}'",
    ]
}

extension Catalog {
    /// The language server's catalogue.
    static let languageServer = Catalog(
        name: "languageServer", zh: LanguageServerCatalog.zh, en: LanguageServerCatalog.en)
}
