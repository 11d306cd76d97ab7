extension CommandLineCatalog {
    /// Chinese help texts and command-line errors. Keep the keys and placeholders identical to ``en``.
    static let zh: [String: String] = [
        "root.abstract": "跨部门协作桌面推演（沙盘推演）工具。",

        "play.abstract": "在终端里进行一场演练（同时扮演多个角色时轮流操作）。",
        "play.file": "要进行的演练（.ttx）。",
        "play.roles": "由真人扮演的角色标识，以逗号分隔（默认：全部角色）。其余角色自动扮演。",
        "play.seed": "随机抽取所用的种子（写入记录）。",
        "play.facilitator": "以导调员身份运行：可使用以「:」开头的命令和导调员备注。",
        "play.out": "存放记录的文件夹。",
        "play.noTranscript": "不写记录。",
        "play.noPrivacyScreen": "键盘交给下一个部门时不清屏。",

        "resume.abstract": "根据记录继续一场会话（在 quit、Ctrl-D、关闭终端或崩溃之后）。",
        "resume.file": "要继续的记录（.jsonl）。",
        "resume.force": "即使演练已经修改也继续；按标识重放，并报告不再对得上的地方。",
        "resume.facilitator": "以导调员身份继续一场有导调员的会话（已签名的会话还需要密钥）。",

        "check.abstract": "像编译器一样检查演练中的错误和警告。",
        "check.files": "要检查的 .ttx 文件。",
        "check.strict": "把警告当作错误。",

        "lsp.abstract": "作为语言服务器为编辑器服务（通过标准输入输出的 LSP）。",
        "lsp.discussion":
            "由编辑器启动，而不是手动运行：VS Code、Neovim 和 Helix 的设置见 docs/editors.md。诊断随输入更新，"
            + "使用演练的语言，除非 --lang 或编辑器的语言另有指定。",
        "lsp.coverageRuns": "覆盖率提示统计的模拟次数。",

        "new.abstract": "写出一份带注释、能通过 check 的入门演练 NAME.ttx。",
        "new.discussion": "入门演练把语言的每种写法各用一次，每处都有注释。除非给出 --lang en，否则用中文书写。从不覆盖已有文件。",
        "new.name": "演练名称：文件名为 NAME.ttx，演练标识由 NAME 生成。",
        "new.lang": "入门演练的文字和注释所用的语言，也是提示信息的语言。",
        "new.folder": "写入的文件夹（默认：当前文件夹）。",

        "simulate.abstract": "用随机玩家把演练反复通关：运行时错误、覆盖情况、得分分布。",
        "simulate.discussion":
            "每个角色都由带种子的随机玩家扮演；一半的通关有导调员负责裁决。第 i 次通关使用种子 S + i，"
            + "因此 `-n 1 --seed SEED --show-text` 可以重演出错的那一次。编译出错或出现任何运行时错误时，退出码为 1。",
        "simulate.file": "要模拟的演练（.ttx）。",
        "simulate.n": "通关次数。",
        "simulate.seed": "基础种子：第 i 次通关使用种子 + i。",
        "simulate.jobs": "并行工作线程数（报告与之无关）。",
        "simulate.showText": "完整打印第一次通关（使用基础种子的那一次）。",
        "simulate.policy":
            "模拟学员的打法：random（随机，默认）、expected（称职的团队：选择每个标为预期的选项，接受协作请求，按时完成预期行动和共享）"
            + "或 default（被动：只选默认选项，不主动做任何事）。",

        "explore.abstract": "穷举演练中的每个决定：可到达的内容，以及最高分和最低分。",
        "explore.discussion":
            "在每个决策点尝试每个角色的每个选项、每个方案、牵头单位拍板和导调员裁决，以及（除非给出 --no-actions）"
            + "每项行动和每种请求答复，相同的状态只算一次。随机分支按种子抽取；--seeds N 从 --seed 起探索 N 个种子。"
            + "达到 --limit 个不同状态时停止，并予以说明。",
        "explore.file": "要穷举的演练（.ttx）。",
        "explore.limit": "最多探索的不同状态数。",
        "explore.seed": "第一个种子。",
        "explore.seeds": "从 --seed 起要探索的种子个数（每个种子的随机抽取不同）。",
        "explore.noActions": "从不采取行动，也不答复请求。",
        "explore.shares": "同时尝试把每条已知信息共享给全体（适用于开放共享的演练）。",
        "explore.timeLimit": "运行这么多秒后停止。",

        "graph.abstract": "把演练的场景、选项、跳转、注入和结局画成图（DOT 或 Mermaid）。",
        "graph.file": "要画的演练（.ttx）。",
        "graph.format": "图的种类：Graphviz DOT 或 Mermaid 流程图。",

        "debrief.abstract": "为一场会话，或同一演练的一批会话，写出复盘报告。",
        "debrief.discussion":
            "用演练引擎重放每份记录，使每个分数都附有产生它的事件。给出同一演练的多份记录时，写出批次报告"
            + "（评级分布、选项频次、得分分布、常见失分点）。记录损坏或遭篡改时，单场报告就此停止，批次报告则跳过它。"
            + "退出码：0 已写出，1 无法生成任何报告，2 命令行有误（例如记录属于不同演练）。",
        "debrief.files": "记录（.jsonl）。",
        "debrief.format": "输出格式（markdown 与 md 相同）。",
        "debrief.summary": "执行摘要中“导调员意见”的文本文件：段落之间空一行，以 # 开头的行不计入。",
        "debrief.due": "写入改进计划的完成时限（默认：留空，由导调员填写）。",

        "replay.abstract": "逐步回放一场已记录的会话：每个角色看到了什么、选择了什么。",
        "replay.discussion":
            "命令：n 或回车看下一步，p 看上一步；nd、pd 看下一个、上一个决策，ni、pi 看下一条、上一条情景注入，"
            + "nr 角色、pr 角色 看该角色的下一次、上一次行动；j HH:MM（情景时间的时刻）或 j +90m、j -30m（距当前一步）"
            + "跳转；g N 转到第 N 步（复盘报告引用的就是步数）；q 退出。命令从标准输入读取，因此也可以通过管道使用。",
        "replay.file": "记录（.jsonl）。",

        "verify.abstract": "核验一份记录：哈希链、序号、HMAC，以及重放能否重现其中的事件。",
        "verify.discussion": "退出码：0 完好，1 遭篡改，2 末尾残缺（只有结尾不完整），3 无法读取，4 未核实（重放无法核实内容：找不到演练，或演练被修改过）。",
        "verify.allowEdited": "接受以修改过的演练（用 --force 继续）记录的内容，而不判为未核实。",
        "verify.file": "记录（.jsonl）。",

        // Option groups
        "option.color": "何时给输出着色：仅在终端上（auto）、总是（always）或从不（never）。",
        "option.lang": "提示信息的语言（默认：按系统区域设置；区域设置为 C 或 POSIX 时，按演练或会话的语言）。",
        "option.keyFile": "存放导调员 HMAC 密钥的文件（默认：$SANDTABLE_HMAC_KEY）。",
        "option.exercise": "重放时所用的演练（.ttx）（默认：记录中写明的那份）。",
        "option.output": "写入此文件，而不是标准输出（「-」表示标准输出）。",
        "option.format": "输出格式。",

        // Validation
        "invalid.atLeastOne": "{0} 至少为 1",
        "invalid.positive": "{0} 必须大于 0",
        "export.abstract": "把会话结果导出为 CSV 文件或一个 SQLite 数据库，供分析使用。",
        "export.discussion":
            "像 debrief 一样重放每份记录，把结果写成数据表：sessions、roles、measures、objectives、"
            + "expected_actions、requests、peer_ratings、shares、breaches 和 skipped（各列说明见 docs/export.md）。"
            + "可以混合不同演练的记录。无法导出的记录会被跳过并给出提示，同时列入 skipped 表。导出全部完成之前，"
            + "输出位置不会出现任何内容。退出码：0 已写入，1 没有可导出的记录或无法写入输出，2 命令行有误。",
        "export.files": "演练记录（.jsonl）。",
        "export.format": "csv：一个文件夹，每张表一个 CSV 文件；sqlite：一个 SQLite 数据库文件。",
        "export.output": "要写入的文件夹（csv）或数据库文件（sqlite）；已存在时会被替换。",
        "export.bom": "在每个 CSV 文件开头写入 UTF-8 字节顺序标记，便于电子表格软件正确识别中文。",
        "invalid.bomCSV": "--bom 只用于 CSV 文件，请与 --format csv 一起使用",
        "invalid.showTextJSON": "--show-text 输出的是文字，请与 --format text 一起使用",
    ]
}
