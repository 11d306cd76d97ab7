import Localization

/// The texts of ``TranscriptError`` in Chinese and English. The `reason`s inside them come from the system or from
/// the checks of a line, and stay as they are given.
enum TranscriptCatalog {
    /// English texts. Keep the keys and placeholders identical to ``zh``.
    static let en: [String: String] = [
        "transcript.directoryMissing":
            "The transcripts folder '{0}' does not exist. Create it (mkdir -p {1}) or choose another folder.",
        "transcript.directoryUnnamed":
            "No transcripts folder was given (--out is empty). Name a folder, e.g. --out transcripts.",
        "transcript.notADirectory": "'{0}' is not a folder, so transcripts cannot be written there. Choose a folder.",
        "transcript.directoryNotWritable":
            "Sandtable cannot write transcripts into the folder '{0}' ({1}). Check its permissions or choose another "
            + "folder.",
        "transcript.cannotCreate": "The transcript '{0}' could not be created ({1}).",
        "transcript.writeFailed":
            "Writing to the transcript '{0}' failed ({1}). Everything up to the last shown step is saved; the session "
            + "cannot accept more input until it can be recorded. ",
        "transcript.writeFailed.space": "Free some space, then resume with: sandtable resume {0}",
        "transcript.writeFailed.permission":
            "Check the permissions of the file and its folder, then resume with: sandtable resume {0}",
        "transcript.writeFailed.other": "Once the cause is fixed, resume with: sandtable resume {0}",
        "reason.diskFull": "the disk is full",
        "reason.quotaExceeded": "the disk quota is used up",
        "reason.permissionDenied": "permission denied",
        "reason.readOnly": "the file system is read-only",
        "reason.inputOutput": "an input/output error",
        "reason.noSuchFile": "no such file or folder",
        "transcript.fileVanished":
            "The transcript '{0}' was deleted or moved away while the session was running, so this step was not "
            + "recorded and the session takes no more decisions. If the file was moved, resume it from where it is "
            + "now with sandtable resume.",
        "transcript.fileReplaced":
            "Another file has taken the place of the transcript '{0}' while the session was running, so this step was "
            + "not recorded and the session takes no more decisions.",
        "transcript.writerBroken":
            "The transcript '{0}' stopped accepting records after a failed write; nothing more can be recorded. "
            + "Resume later with: sandtable resume {1}",
        "transcript.writerClosed": "The transcript '{0}' is already closed.",
        "transcript.outOfOrder": "The transcript '{0}' cannot record this step: {1}.",
        "transcript.keyFileUnreadable": "The key file '{0}' could not be read.",
        "transcript.keyEmpty": "The HMAC key from {0} is empty.",
        "transcript.fileMissing": "There is no transcript at '{0}'.",
        "transcript.cannotRead": "The transcript '{0}' could not be read ({1}).",
        "transcript.notATranscript": "'{0}' is not a Sandtable transcript ({1}).",
        "transcript.unsupportedFormat":
            "The transcript '{0}' uses format version {1}, which this version of Sandtable does not know. Use a newer "
            + "Sandtable.",
        "transcript.corrupt": "The transcript '{0}' is damaged at line {1}: {2}.",
        "transcript.tampered": "The transcript '{0}' was changed after it was written: line {1} {2}.",
        "transcript.keyRequired":
            "The transcript '{0}' is signed with the facilitator's key. Give the key with --key-file or the {1} "
            + "environment variable.",
        "transcript.scoringChanged":
            "The session in '{0}' was recorded under scoring rules version {1}; this Sandtable scores by version {2}, "
            + "so replaying it would not give the recorded scores. Use the Sandtable version that recorded it; its "
            + "hash chain can still be checked with sandtable verify.",
        "transcript.scenarioChanged":
            "The exercise '{0}' has changed since the session in '{1}' was recorded (fingerprint {2}… then, {3}… "
            + "now). Resuming could replay the recorded decisions differently. Restore the original exercise, or use "
            + "--force to replay by ids and see every point where the edited exercise no longer matches.",
        "transcript.unknownID": "Line {0} names the {1} '{2}', which the exercise does not have.",
        "transcript.malformed": "Line {0} is not a valid transcript record: {1}.",
        "transcript.inputRejected": "The input at line {0} no longer applies when replayed: {1}.",
        "transcript.replayMismatch":
            "Replaying the session does not reproduce line {0}: expected {1}, found {2}.",
        "transcript.inUse":
            "The transcript '{0}' is being written by another Sandtable session. Close that session first.",
        "transcript.alreadyEnded":
            "The session in '{0}' has already ended; there is nothing to resume. Use sandtable debrief {1} to see the "
            + "results.",
        "transcript.facilitatorRequired":
            "The session in '{0}' was run by a facilitator, and only its facilitator may resume it: sandtable resume "
            + "{1} --facilitator (with the facilitator's key, if the session was signed).",
        "transcript.notFacilitated":
            "The session in '{0}' had no facilitator, so it cannot be resumed with --facilitator. Resume it without.",
        "resume.discarded":
            "The end of the transcript was incomplete: {0} byte written during a crash was never shown and has been "
            + "removed.|The end of the transcript was incomplete: {0} bytes written during a crash were never shown "
            + "and have been removed.",
        "resume.replayedByIDs":
            "The exercise has changed since the session was recorded; the session was replayed by ids and everything "
            + "still matches.",
        "resume.mismatches":
            "The exercise has changed since the session was recorded; the session was replayed by ids with {0} "
            + "mismatch:|The exercise has changed since the session was recorded; the session was replayed by ids "
            + "with {0} mismatches:",
        "resume.anonymousRestarts":
            "The anonymous peer evaluation starts again from the first rater: its ratings are recorded only when the "
            + "last one is given.",
        "transcript.line.tampered": "Line {0} {1}.",
        "transcript.line.corrupt": "Line {0} is damaged: {1}.",
    ]

    /// Chinese texts. Keep the keys and placeholders identical to ``en``.
    static let zh: [String: String] = [
        "transcript.directoryMissing": "记录文件夹「{0}」不存在。请先创建（mkdir -p {1}），或换一个文件夹。",
        "transcript.directoryUnnamed": "没有指定记录文件夹（--out 为空）。请给出一个文件夹，例如 --out transcripts。",
        "transcript.notADirectory": "「{0}」不是文件夹，无法在此写入记录。请指定一个文件夹。",
        "transcript.directoryNotWritable": "Sandtable 无法在文件夹「{0}」中写入记录（{1}）。请检查其权限，或换一个文件夹。",
        "transcript.cannotCreate": "无法创建记录「{0}」（{1}）。",
        "transcript.writeFailed": "写入记录「{0}」失败（{1}）。已显示的每一步都已保存；在能够记录之前，会话不再接受输入。",
        "transcript.writeFailed.space": "请腾出磁盘空间，再运行 sandtable resume {0} 继续。",
        "transcript.writeFailed.permission": "请检查该文件及其文件夹的权限，再运行 sandtable resume {0} 继续。",
        "transcript.writeFailed.other": "排除原因后，请运行 sandtable resume {0} 继续。",
        "reason.diskFull": "磁盘已满",
        "reason.quotaExceeded": "磁盘配额已用完",
        "reason.permissionDenied": "没有权限",
        "reason.readOnly": "文件系统是只读的",
        "reason.inputOutput": "输入/输出错误",
        "reason.noSuchFile": "没有这个文件或文件夹",
        "transcript.fileVanished":
            "会话进行中，记录「{0}」被删除或移走了，因此这一步没有记下，会话不再接受任何决定。如果文件只是被移走，请在它现在的位置运行 sandtable resume 继续。",
        "transcript.fileReplaced": "会话进行中，另一个文件占据了记录「{0}」的位置，因此这一步没有记下，会话不再接受任何决定。",
        "transcript.writerBroken": "记录「{0}」在一次写入失败后已停止接收，无法再记录任何内容。稍后请运行 sandtable resume {1} 继续。",
        "transcript.writerClosed": "记录「{0}」已经关闭。",
        "transcript.outOfOrder": "记录「{0}」无法记下这一步：{1}。",
        "transcript.keyFileUnreadable": "无法读取密钥文件「{0}」。",
        "transcript.keyEmpty": "来自 {0} 的 HMAC 密钥为空。",
        "transcript.fileMissing": "「{0}」处没有记录。",
        "transcript.cannotRead": "无法读取记录「{0}」（{1}）。",
        "transcript.notATranscript": "「{0}」不是 Sandtable 记录（{1}）。",
        "transcript.unsupportedFormat": "记录「{0}」使用格式版本 {1}，本版本的 Sandtable 不认识。请使用更新版本的 Sandtable。",
        "transcript.corrupt": "记录「{0}」第 {1} 行已损坏：{2}。",
        "transcript.tampered": "记录「{0}」写入后被改动过：第 {1} 行 {2}。",
        "transcript.keyRequired": "记录「{0}」带有导调员密钥的签名。请用 --key-file 或环境变量 {1} 提供密钥。",
        "transcript.scoringChanged":
            "记录「{0}」中的会话按第 {1} 版计分规则记录，本版本的 Sandtable 按第 {2} 版计分，重放得不出记录中的分数。"
            + "请使用记录它的 Sandtable 版本；仍可用 sandtable verify 核验它的哈希链。",
        "transcript.scenarioChanged":
            "记录「{1}」中的会话之后，演练「{0}」已经修改（当时的指纹为 {2}…，现在为 {3}…）。继续演练可能以不同方式重放已记录的决定。"
            + "请恢复原来的演练，或使用 --force 按标识重放，并查看修改后的演练在哪些地方不再对得上。",
        "transcript.unknownID": "第 {0} 行提到了{1}「{2}」，但演练中没有它。",
        "transcript.malformed": "第 {0} 行不是有效的记录：{1}。",
        "transcript.inputRejected": "重放时，第 {0} 行的输入已不再适用：{1}。",
        "transcript.replayMismatch": "重放会话无法重现第 {0} 行：应为 {1}，实际为 {2}。",
        "transcript.inUse": "另一个 Sandtable 会话正在写入记录「{0}」。请先关闭那个会话。",
        "transcript.alreadyEnded": "记录「{0}」中的会话已经结束，没有可继续的内容。请运行 sandtable debrief {1} 查看结果。",
        "transcript.facilitatorRequired":
            "记录「{0}」中的会话由导调员主持，只有导调员可以继续：sandtable resume {1} --facilitator（会话已签名时还需提供导调员密钥）。",
        "transcript.notFacilitated": "记录「{0}」中的会话没有导调员，不能用 --facilitator 继续。请去掉这个选项再继续。",
        "resume.discarded": "记录末尾不完整：崩溃时写下的 {0} 字节从未显示过，已经删除。",
        "resume.replayedByIDs": "记录这场会话之后，演练已经修改；会话已按标识重放，一切仍然对得上。",
        "resume.mismatches": "记录这场会话之后，演练已经修改；会话已按标识重放，有 {0} 处对不上：",
        "resume.anonymousRestarts": "匿名互评从第一位评价人重新开始：评分要到最后一份给出时才会记录。",
        "transcript.line.tampered": "第 {0} 行 {1}。",
        "transcript.line.corrupt": "第 {0} 行已损坏：{1}。",
    ]
}

extension Catalog {
    /// The transcript errors' catalogue.
    public static let transcripts = Catalog(name: "transcripts", zh: TranscriptCatalog.zh, en: TranscriptCatalog.en)
}
