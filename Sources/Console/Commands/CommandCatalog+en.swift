extension CommandCatalog {
    /// English texts of the commands. Keep the keys and placeholders identical to ``zh``.
    static let en: [String: String] = [
        // Shared by every command
        "command.error": "error: ",
        "command.note": "note: ",
        "command.cannotWrite": "cannot write '{0}': {1}",
        "command.notATranscript": "it is missing or not a Sandtable transcript",
        "play.isTranscript": "'{0}' is a session transcript, not an exercise; to go on with it: sandtable resume {0}",
        "play.notAnExercise": """
        '{1}' is not a Sandtable exercise ({0} error; an exercise starts with exercise ID "TITLE"; \
        sandtable new writes one)|'{1}' is not a Sandtable exercise ({0} errors; an exercise starts with \
        exercise ID "TITLE"; sandtable new writes one)
        """,
        "play.moreErrors":
            "… and {0} more error: sandtable check {1} lists them all|… and {0} more errors: sandtable check {1} lists them all",
        "play.cannotRead": "cannot start: '{0}' cannot be read as an exercise",
        "resume.isExercise": "it is an exercise, not a transcript; to play it: sandtable play {0}",
        "command.progressHint": "Ctrl-C stops and reports",
        "command.seconds": "{0} s",

        // Finding and compiling the exercise a transcript names
        "exercise.notFound": "The exercise '{0}' named in the transcript was not found; give it with --exercise.",
        "exercise.broken": "The exercise '{0}' could not be compiled ({1}).",
        "exercise.errors": "{0} error|{0} errors",
        "exercise.firstError": "{0}; the first: {1}: {2}",
        "exercise.unnamed": "the transcript '{0}' does not name its exercise; give it with --exercise",

        // verify
        "verify.valid": "✓ valid",
        "verify.tampered": "✗ tampered",
        "verify.torn": "! torn",
        "verify.unreadable": "✗ unreadable",
        "verify.unverified": "? unverified",
        "verify.uncheckedFrom":
            "From line {0} on, replay could not check what the transcript says happened, so it is not valid: "
            + "anyone could have written it. {1}",
        "verify.uncheckedFrom.noExercise": "Give the exercise with --exercise.",
        "verify.uncheckedFrom.edited":
            "If the exercise was deliberately edited and resumed with --force, --allow-edited accepts it.",
        "verify.allowedEdited":
            "From line {0} on, the content was recorded with an edited exercise and was not checked by replay; "
            + "--allow-edited accepted it.",
        "verify.statusLine": "{0}: {1}",
        "verify.exercise": "exercise",
        "verify.exerciseValue": "{0} \"{1}\"",
        "verify.version": " (version {0})",
        "verify.session": "session",
        "verify.sessionValue": "started {0}, seed {1}, played by {2}",
        "verify.facilitated": ", facilitated",
        "verify.nobody": "none",
        "verify.lines": "lines",
        "verify.hmac": "HMAC",
        "verify.hmac.unsigned": "not signed",
        "verify.hmac.checked": "every line checked with the key",
        "verify.hmac.unchecked": "signed, not checked (no key given)",
        "verify.replay": "replay",
        "verify.replay.checked": "{0} events reproduced",
        "verify.replay.unchecked": "not checked",
        "verify.closed": "closed",
        "verify.yes": "yes",
        "verify.no": "no",

        "verify.note.signedButNoKey":
            "The transcript is signed with the facilitator's key, but no key was given: its HMACs were not checked "
            + "(use --key-file or {0}).",
        "verify.note.unsigned":
            "The transcript is not signed: its checksums and chain show accidental damage, but anyone could rewrite "
            + "them. Sign transcripts with a facilitator's key to detect deliberate edits.",
        "verify.note.damaged": "Replay was not checked because the file is damaged or changed.",
        "verify.note.noExercise": "Replay was not checked: the exercise was not found (give it with --exercise).",
        "verify.note.exerciseChanged":
            "Replay was not checked: the exercise has changed since the session was recorded (its fingerprint "
            + "differs).",
        "verify.note.scoringChanged":
            "Replay was not checked: the session was recorded under scoring rules version {0}, and this Sandtable "
            + "scores by version {1} (the checksums and chain were checked).",
        "verify.note.forced":
            "The session was resumed with a changed exercise (--force) at line {0}; events after it were not "
            + "compared.",
        "verify.note.anonymous":
            "The anonymous peer ratings are deliberately not recorded as inputs, so replay cannot reproduce them; "
            + "they are covered by the checksums and chain.",
        "verify.note.anonymousSigned":
            "The anonymous peer ratings are deliberately not recorded as inputs, so replay cannot reproduce them; "
            + "they are covered by the checksums and chain and HMACs.",
        "verify.note.closingMissing":
            "The session ended but its closing record is missing; sandtable resume completes it.",
        "verify.note.unfinished":
            "The session has no closing record: it is unfinished (sandtable resume continues it).",

        // simulate
        "simulate.unit": "playthroughs",
        "simulate.hangs": "(the playthrough with seed {0} hangs the engine; it is not shown)",
        "simulate.title": "simulate {0} \"{1}\": {2}",
        "simulate.playthroughs": "{0} playthrough|{0} playthroughs",
        "simulate.rate": " ({0} per second)",
        "simulate.interrupted": "interrupted: the report covers {0} of {1} playthroughs",
        "simulate.hung": "stopped early (a playthrough hung): the report covers {0} of {1} playthroughs",
        "simulate.seeds":
            "seeds {0}…{1} (playthrough i uses seed {0} + i); inputs per playthrough: min {2}, mean {3}, max {4}",
        "simulate.errors.none": "runtime errors: none",
        "simulate.errors": "runtime errors: {0}",
        "simulate.errorSeen":
            "in {0} playthrough; first with seed {1}: {2}|in {0} playthroughs; first with seed {1}: {2}",
        "simulate.endings": "endings",
        "simulate.column.ending": "ending",
        "simulate.column.title": "title",
        "simulate.column.runs": "runs",
        "simulate.scores": "scores, 0–100 (histogram: ten bins from 0 to 100)",
        "simulate.bounds.explored":
            "normalised per role between the worst and best each role can reach: explored (exact)",
        "simulate.bounds.searched":
            "normalised per role between the worst and best each role can reach: searched (best "
            + "found; exploring did not finish)",
        "simulate.teamTotal": "team total",
        "simulate.role": "role {0}",
        "simulate.measure": "measure {0}",
        "simulate.column.min": "min",
        "simulate.column.mean": "mean",
        "simulate.column.max": "max",
        "simulate.objectives": "objectives (share of playthroughs rated P, S, M, U)",
        "simulate.column.objective": "objective",
        "simulate.expectations":
            "expected actions (playthroughs in which each was met in time, late, missed, not offered)",
        "simulate.column.expectation": "expected action",
        "simulate.column.hit": "hit",
        "simulate.column.late": "late",
        "simulate.column.missed": "missed",
        "simulate.column.notOffered": "not offered",
        "simulate.column.fired": "fired",
        "simulate.notOffered":
            "{0}: '{1}' could not be met in time in {2} of {3} playthroughs (the role was asked only after the "
            + "deadline, or had no way to act): a defect of the scenario, never charged to a player.",

        // Coverage, shared by simulate and explore
        "coverage.title": "coverage",
        "coverage.all": "all reached",
        "coverage.some": "{0} never reached",
        "coverage.never": "never reached:",
        "coverage.scenes": "scenes",
        "coverage.choices": "choices",
        "coverage.options": "options",
        "coverage.injects": "injects",
        "coverage.actions": "actions",
        "coverage.requests": "requests",
        "coverage.endings": "endings",
        "coverage.scene": "scene",
        "coverage.choice": "choice",
        "coverage.option": "option",
        "coverage.inject": "inject",
        "coverage.action": "action",
        "coverage.request": "request",
        "coverage.ending": "ending",

        // explore
        "explore.unit": "states",
        "explore.title": "explore {0} \"{1}\": {2}; actions and requests {3}; shares by command {4}",
        "explore.seed": "seed {0}",
        "explore.seeds": "seeds {0}",
        "explore.explored": "explored",
        "explore.notExplored": "not explored",
        "explore.counts": "{0} distinct states, {1} inputs, {2} end states",
        "explore.complete": "complete: {0}",
        "explore.incomplete": "INCOMPLETE: {0} after {1}.",
        "explore.stopped": "stopped",
        "explore.bound": "The space may be far larger: at most about {0} input sequences ({1}).",
        "explore.partial":
            "What follows covers only the explored part: content listed as unreachable may be reachable, and the "
            + "true best and worst scores may lie beyond these. A larger --limit, or --no-actions, may let it finish.",
        "explore.chance":
            "chance is drawn from each seed's generator, so content that only other luck reaches can be listed as "
            + "unreachable; explore more seeds with --seeds N.",
        "explore.errors.none": "runtime errors: none reachable",
        "explore.errorPath": "seed {0}, inputs: {1}",
        "explore.atStart": "(at the start)",
        "explore.bounds":
            "best and worst team total (0–100, each measure against its range; the scorecard "
            + "normalises each role against the per-role bounds below)",
        "explore.best": "best",
        "explore.worst": "worst",
        "explore.noEnding": "{0}: no ending reached",
        "explore.path": "{0} {1} (ending {2}, seed {3})",
        "explore.measures": "measures: lowest and highest raw value per role in any reachable state",
        "explore.column.measure": "measure",
        "explore.column.declared": "declared",
        "explore.column.perRole": "per role",
        "explore.column.suggested": "suggested",
        "explore.range": "range {0}",
        "explore.computed": "(computed)",

        // new
        "new.invalidName":
            "'{0}' is not a name for an exercise; give a plain name and the folder with -o, like: "
            + "sandtable new flood -o exercises",
        "new.exists": "{0} exists already; sandtable new never overwrites a file",
        "new.unwritable": "cannot write {0}: {1}",
        "new.noFolder": "the folder '{0}' does not exist",
        "new.folderReadOnly": "the folder '{0}' is not writable",
        "new.created": "Created {0}. Next:",
        "new.next.check": "look for errors and warnings",
        "new.next.simulate": "play it 1000 times at random",
        "new.next.play": "run the exercise",

        // resume
        "resume.cannot": "cannot resume '{0}': {1}",

        // debrief and replay
        "debrief.prefix": "sandtable debrief: ",
        "debrief.summaryUnreadable": "cannot read the summary notes file '{0}' (it must be UTF-8 text)",
        "debrief.noFiles": "give at least one transcript",
        "debrief.mixed":
            "these transcripts are of different exercises; a cohort report compares sessions of one exercise only:",
        "debrief.cannot": "cannot debrief '{0}': {1}",
        "debrief.skippedFile": "skipped '{0}': {1}",
        "debrief.skipped": "skipped: {0}",
        "debrief.nothing": "no transcript could be debriefed",
        "replay.prefix": "sandtable replay: ",
        "replay.cannot": "cannot replay '{0}': {1}",
        "export.prefix": "sandtable export: ",
        "export.noFiles": "give at least one transcript",
        "export.skipped": "skipped '{0}': {1}",
        "export.nothing": "no transcript could be exported; nothing was written",
        "export.notAFolder": "'{0}' is a file; --format csv writes a folder of CSV files",
        "export.isAFolder": "'{0}' is a folder; --format sqlite writes one database file",
        "export.database": "cannot write the database '{0}': {1}",
        "export.exerciseBroken": "the exercise '{0}' could not be compiled (see the first transcript that named it)",
        "export.done": "Exported {0} session as {1} to {2}|Exported {0} sessions as {1} to {2}",
        "export.doneSkipped":
            "; {0} transcript skipped (listed in the skipped table)|; {0} transcripts skipped (listed in the skipped table)",
    ]
}
