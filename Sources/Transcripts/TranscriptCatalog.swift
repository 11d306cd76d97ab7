import Localization

/// The texts of ``TranscriptError`` in Chinese and English, with the reasons inside them (``SystemReason``,
/// ``TranscriptReason``) under `reason.`.
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
        "reason.actionUnavailable": "the action '{0}' was not available at that point",
        "reason.afterClose": "comes after the closing record",
        "reason.alreadyAnswered": "'{0}' had already answered",
        "reason.beforeStart": "an input before the session's start",
        "reason.chain": "does not follow line {0} (a line was changed, removed or inserted before it)",
        "reason.checksum": "does not match its checksum",
        "reason.choiceNotOffered": "the choice '{0}' was not offered at that point",
        "reason.closeIncomplete": "the closing record is incomplete",
        "reason.doesNotKnow": "the role did not know '{0}' at that point",
        "reason.empty": "the file is empty",
        "reason.emptyText": "the text was empty",
        "reason.ended": "the session had already ended",
        "reason.facilitatorOnly": "a facilitator command in a session without a facilitator",
        "reason.field.bool": "the field '{0}' must be true or false",
        "reason.field.int": "the field '{0}' must be a whole number",
        "reason.field.missing": "the field '{0}' is missing",
        "reason.firstLineCut": "its first line is incomplete (the file was cut off while it was being created)",
        "reason.firstLineNotHeader": "its first line is not a transcript header",
        "reason.firstNotHeader": "the first line is not a header",
        "reason.header.field": "the header's field '{0}' is missing or wrong",
        "reason.headerMissing": "the header is missing",
        "reason.headerPrev": "should not point to a line before it",
        "reason.hmacLost": "has lost its HMAC",
        "reason.hmacMismatch": "does not match its HMAC (the key is wrong, or the line was changed)",
        "reason.hmacUnexpected": "carries an HMAC although the header says the transcript is unsigned",
        "reason.invalidDuration": "the duration was not positive",
        "reason.kind": "'{0}' is not a kind of input",
        "reason.noAnonymousReview": "no anonymous peer evaluation was under way",
        "reason.noChecksum": "has no valid checksum at its end",
        "reason.noEventCount": "the input does not say how many events follow",
        "reason.noHeader": "it has no header",
        "reason.noKind": "the record lacks its kind, role or data",
        "reason.noRole": "the input has no role",
        "reason.noSeq": "the record has no sequence number",
        "reason.noStamp": "the record lacks its wall time, clock or time",
        "reason.noSuchRequest": "the request '{0}' was not waiting for an answer",
        "reason.noDeadline": "the request had no deadline: no within and no duty",
        "reason.noDerivedItem": "nothing derived from '{0}' could be shared by that role",
        "reason.noOpenRequest": "the request {0} was not waiting for that role's answer",
        "reason.noType": "the line has no known record type",
        "reason.notAFile": "it is not a file",
        "reason.notEnded": "the session has not ended",
        "reason.notJSON": "the line is not valid JSON ({0})",
        "reason.notObject": "the line is not a JSON object",
        "reason.notYourTurn": "it was not the turn of '{0}'",
        "reason.nothingAsked": "nothing was being asked at that point",
        "reason.cannotAbstain": "a role may abstain only in a vote (majority or weighted)",
        "reason.optionNotOffered": "the option '{0}' was not offered at that point",
        "reason.orphanEvent": "an event that belongs to no input",
        "reason.other": "{0}",
        "reason.paused": "the session was paused",
        "reason.rating": "the rating must be P, S, M or U",
        "reason.ratingOutOfRange": "the rating is outside {0}–{1}",
        "reason.resumeIncomplete": "the resume record is incomplete",
        "reason.secondHeader": "is a second header",
        "reason.seq": "has sequence number {0}, expected {1}",
        "reason.sharingScripted": "sharing by command is off in this exercise",
        "reason.startAgain": "the session's start is already recorded",
        "reason.startFirst": "the session's start must be recorded first",
        "reason.startedTwice": "the session was started twice",
        "reason.stepIncomplete": "the step at line {0} is missing {1} of its events",
        "reason.tornLine": "the last line (line {0}) is incomplete: it has no line end",
        "reason.tornStep": "the last step (from line {0}) is missing {1} of its events",
        "reason.unexpected": "it did not fit what the session was waiting for",
        "reason.unsignedWithKey":
            "carries no HMAC although a key was given: it was written without a key, or its HMACs were removed",
        "reason.wall": "its wall time '{0}' is not an ISO 8601 time",
        "reason.withAll": "the field 'with' must be \"all\" or a list of role ids",
        "reason.withList": "the field 'with' must list role ids",
        "transcript.tornEnd":
            "The end is torn: {0}. A crash interrupted writing it, so it was never shown; sandtable resume removes it "
            + "and goes on.",
        "transcript.closedEarly": "The closing record at line {0} comes before the session ended.",
        "transcript.scoresDiffer":
            "The final scores at line {0} do not match the replayed session: expected {1}, found {2}.",
        "transcript.moreProblems": "… and {0} more problem|… and {0} more problems",
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
        "reason.actionUnavailable": "当时不能采取行动「{0}」",
        "reason.afterClose": "出现在结束记录之后",
        "reason.alreadyAnswered": "「{0}」已经回答过了",
        "reason.beforeStart": "这是会话开始之前的输入",
        "reason.chain": "接不上第 {0} 行（它之前有一行被改动、删除或插入）",
        "reason.checksum": "与其校验和不符",
        "reason.choiceNotOffered": "当时没有提供选项「{0}」",
        "reason.closeIncomplete": "结束记录不完整",
        "reason.doesNotKnow": "当时该角色并不掌握「{0}」",
        "reason.empty": "文件是空的",
        "reason.emptyText": "文本为空",
        "reason.ended": "会话已经结束",
        "reason.facilitatorOnly": "没有导调员的会话中出现了导调员命令",
        "reason.field.bool": "字段「{0}」必须是 true 或 false",
        "reason.field.int": "字段「{0}」必须是整数",
        "reason.field.missing": "缺少字段「{0}」",
        "reason.firstLineCut": "它的第一行不完整（文件在创建时被截断了）",
        "reason.firstLineNotHeader": "它的第一行不是记录的文件头",
        "reason.firstNotHeader": "第一行不是文件头",
        "reason.header.field": "文件头的字段「{0}」缺失或有误",
        "reason.headerMissing": "缺少文件头",
        "reason.headerPrev": "不应指向它前面的行",
        "reason.hmacLost": "丢失了 HMAC",
        "reason.hmacMismatch": "与其 HMAC 不符（密钥不对，或这一行被改过）",
        "reason.hmacUnexpected": "带有 HMAC，但文件头说这份记录未签名",
        "reason.invalidDuration": "时长不是正数",
        "reason.kind": "「{0}」不是一种输入",
        "reason.noAnonymousReview": "当时没有进行中的匿名互评",
        "reason.noChecksum": "末尾没有有效的校验和",
        "reason.noEventCount": "这条输入没有说明后面跟着几个事件",
        "reason.noHeader": "它没有文件头",
        "reason.noKind": "这条记录缺少类型、角色或数据",
        "reason.noRole": "这条输入没有角色",
        "reason.noSeq": "这条记录没有序号",
        "reason.noStamp": "这条记录缺少实际时间、时钟或情景时间",
        "reason.noSuchRequest": "请求「{0}」当时并未在等待答复",
        "reason.noDeadline": "该请求没有时限：既无 within，也无协作义务",
        "reason.noDerivedItem": "该角色当时无法共享「{0}」的任何派生版本",
        "reason.noOpenRequest": "请求 {0} 当时并未在等待该角色答复",
        "reason.noType": "这一行没有可识别的记录类型",
        "reason.notAFile": "它不是普通文件",
        "reason.notEnded": "会话还没有结束",
        "reason.notJSON": "这一行不是有效的 JSON（{0}）",
        "reason.notObject": "这一行不是 JSON 对象",
        "reason.notYourTurn": "当时不轮到「{0}」",
        "reason.nothingAsked": "当时没有在提问",
        "reason.cannotAbstain": "只有在表决（majority 或 weighted）中才能弃权",
        "reason.optionNotOffered": "当时没有提供方案「{0}」",
        "reason.orphanEvent": "这个事件不属于任何输入",
        "reason.other": "{0}",
        "reason.paused": "会话已暂停",
        "reason.rating": "评级必须是 P、S、M 或 U",
        "reason.ratingOutOfRange": "评分超出了 {0}–{1}",
        "reason.resumeIncomplete": "继续记录不完整",
        "reason.secondHeader": "是第二个文件头",
        "reason.seq": "序号为 {0}，应为 {1}",
        "reason.sharingScripted": "本演练不允许用命令共享信息",
        "reason.startAgain": "会话的开始已经记下了",
        "reason.startFirst": "必须先记下会话的开始",
        "reason.startedTwice": "会话开始了两次",
        "reason.stepIncomplete": "从第 {0} 行开始的一步缺少 {1} 个事件",
        "reason.tornLine": "最后一行（第 {0} 行）不完整：没有换行符",
        "reason.tornStep": "最后一步（从第 {0} 行起）缺少 {1} 个事件",
        "reason.unexpected": "与会话当时等待的输入不符",
        "reason.unsignedWithKey": "提供了密钥，它却没有 HMAC：要么写入时没有用密钥，要么 HMAC 被删掉了",
        "reason.wall": "其实际时间「{0}」不是 ISO 8601 时间",
        "reason.withAll": "字段「with」必须是 \"all\" 或角色标识的列表",
        "reason.withList": "字段「with」必须列出角色标识",
        "transcript.tornEnd": "末尾残缺：{0}。崩溃打断了写入，这部分从未显示过；运行 sandtable resume 会删掉它并继续。",
        "transcript.closedEarly": "第 {0} 行的结束记录出现在会话结束之前。",
        "transcript.scoresDiffer": "第 {0} 行的最终得分与重放的会话不符：应为 {1}，实际为 {2}。",
        "transcript.moreProblems": "……另有 {0} 个问题",
        "transcript.line.tampered": "第 {0} 行 {1}。",
        "transcript.line.corrupt": "第 {0} 行已损坏：{1}。",
    ]
}

extension Catalog {
    /// The transcript errors' catalogue.
    public static let transcripts = Catalog(name: "transcripts", zh: TranscriptCatalog.zh, en: TranscriptCatalog.en)
}
