/// The commented starter exercise that `sandtable new` writes: it passes `check` with no diagnostics and shows each
/// construct of the language once.
public enum StarterExercise {
    /// The languages the starter is written in.
    public enum Language: String, Sendable, CaseIterable {
        /// Simplified Chinese (the default).
        case zh
        /// English.
        case en
    }

    /// An exercise id made from a name: letters, digits and `_`, not starting with a digit, not a reserved word.
    public static func identifier(from name: String) -> String {
        var id = String(
            String.UnicodeScalarView(
                name.unicodeScalars.map { Lexer.continuesIdentifier($0) ? $0 : "_" }))
        if id.isEmpty { id = "exercise" }
        if let first = id.unicodeScalars.first, !Lexer.startsIdentifier(first) { id = "exercise_" + id }
        if Compiler.reservedWords.contains(id) { id += "_exercise" }
        return id
    }

    /// The starter's text, with `name` made into the exercise's id.
    public static func text(name: String, language: Language) -> String {
        let template = language == .zh ? chinese : english
        return template.replacingOccurrences(of: "{{ID}}", with: identifier(from: name))
            .replacingOccurrences(of: "{{NAME}}", with: name)
    }

    private static let chinese = #"""
        # {{NAME}}：新演练（由 sandtable new 生成）
        #
        # 这是一个可以直接运行的起步演练，语言里的每种写法都用到了一次。改写它，然后运行：
        #   sandtable check {{NAME}}.ttx                 检查错误和警告
        #   sandtable simulate {{NAME}}.ttx -n 1000      随机通关 1000 次，看结局和得分的分布
        #   sandtable play {{NAME}}.ttx                  开始演练
        # 语言参考：docs/language.md；编写指南：docs/authoring.md。
        #
        # 规则只有几条：“#” 之后到行末是注释；一行写一件事；缩进表示层级，缩进的行属于上面那一行；
        # 每个元素都有一个标识（id），用字母、数字和下划线，可以用中文；文字写在引号里。
        # 把演练拆成多个文件时写：include "roles.ttx"（路径相对于本文件，不能离开本文件夹）。

        # ── 演练头：每个演练一个 ─────────────────────────────
        exercise {{ID}} "新演练：暴雨预警联动"
          language zh-Hans
          version "0.1"
          authors "你的名字"
          summary "气象局与应急管理局在暴雨来临前共享预报、发布预警。"
          clock 06:00             # 情景时间从几点开始
          duration 3h             # 时钟走满 3 小时，演练结束
          start warning           # 第一个场景（不写则为文件中的第一个场景）
          scores totals           # 学员在演练中看到的得分：hidden、totals 或 full
          sharing open            # open：学员可以用 share 命令主动共享信息；scripted：只有效果能共享
          peer named              # 结束后互评：named 实名、anonymous 匿名、off 不评

        # ── 角色（部门）───────────────────────────────────────
        role weather "气象局"
          brief "负责雷达监测和降雨预报。"
          knows forecast          # 开始时就掌握的信息
          auto default            # 无人扮演时选默认选项（也可写 random）

        role ema "应急管理局"
          brief "牵头单位：统筹会商、发布预警、调度救援力量。"
          lead                    # 牵头单位，最多一个
          weight 2                # 加权表决时的票数
          knows hotline

        # ── 信息 ─────────────────────────────────────────────
        info forecast "未来三小时降雨预报"
          owner weather
          sensitivity internal    # public、internal 或 secret
          text "预计 07:00 至 09:00 小时雨强 60 毫米，低洼路段将出现积水。"

        info hotline "居民求助热线记录"
          owner ema
          sensitivity secret      # 含个人信息：只有所有者和 cleared 列出的部门可以持有
          text "三位独居老人的姓名、住址和电话。"
          on breach               # 泄露给无权持有的部门时的后果
            trust -= 10

        info hotline_counts "求助热线统计（不含个人信息）"
          derived from hotline    # hotline 的脱敏版本，有自己的密级；掌握 hotline 的部门都能共享它
          sensitivity public
          text "低洼片区有三户独居老人，已登记待转移。"

        party press "媒体"          # 演练之外的一方：内部或涉密信息交给它即为泄露，公开信息则是发布

        # ── 计分维度与状态 ────────────────────────────────────
        measure sharing "信息共享" weight 2 range 0..20
        measure response "响应时效" weight 1 range -5..10

        state water = 1 range 0..5        # 数字（积水等级），可以限定范围
        state trust = 60 range 0..100     # 公众信任度
        state warned = false              # 真假：是否已发布预警

        # ── 目标（HSEEP：P 顺利完成、S 有些困难、M 困难较大、U 未能完成）────
        objective early_warning "一小时内共享预报并发布预警"
          capability "公共信息与预警"
          owner ema
          P when shared(forecast, all) and shared_at(forecast) <= 1h and warned
          S when warned
          M when shared(forecast, ema)
          else U
          recommend "建立预报自动推送与预警联动发布机制。"

        # ── 结局 ─────────────────────────────────────────────
        ending safe "平安度过"
          """
          雨停了，城市平安度过了这场暴雨。
          """

        ending flooded "局部受淹"
          """
          低洼路段积水严重。复盘时请找出每一条晚到的信息。
          """

        # ── 注入（主事件清单）────────────────────────────────
        inject heavy_rain "暴雨来袭"
          at 07:00                # 时钟时间；也可以写 at +1h，或 when 条件
          to all
          """
          07:00 雨势骤然加强，低洼路段开始积水。
          """
          expect warn_public "半小时内向公众发布预警" by ema within 30m
            do publish_warning    # 预期的应对：一个行动、一个选项、一次共享或一个条件
          water += 1              # 注入触发时的效果

        inject rumor "网络谣言"
          when trust < 50
          to ema
          """
          网上开始流传“水库要泄洪”的谣言。
          """
          trust -= 5

        inject reporter "记者追问"  # 没有 at 或 when：由 trigger 触发
          to ema
          """
          记者来电追问：预警为什么没有早一点发布？
          """

        # ── 行动：条件成立时随时可做 ───────────────────────────
        action publish_warning "发布暴雨预警" by ema cost 10m once
          when not warned
          set warned = true
          share hotline_counts with press
          trust += 10
          response += 3

        # ── 协作请求：有时限的协作义务 ──────────────────────────
        request radar_data "请提供最新雷达数据" from ema to weather within 30m points 3
          accept "马上提供"
            share forecast with ema
            sharing += 2
          refuse "暂不提供"
            response -= 2
          auto accept

        duty public_safety "公共安全协作" within 1h points 2   # 学员用 request 命令发出的请求按它的法定时限答复

        # ── 场景 ─────────────────────────────────────────────
        scene warning "清晨的预报"
          """
          清晨六点，雷达显示强降雨云团正在逼近城区。
          """
          facilitator "提醒学员：随时可以输入 info 查看本部门掌握的信息。"
          ask weather "最新预报怎么处理？" timeout 30m
            choice push "立即推送给应急管理局" expected
              share forecast with ema
              sharing += 5
              award 2 "主动共享预报"
            choice call "先电话通知应急管理局" if not warned once
              sharing += 1
            choice wait "等雷达再确认一次" default cost 30m
              water += 1
          send radar_data
          checkpoint early_warning
          goto meeting

        scene meeting "联合会商"
          if water >= 3
            say "积水已经很深。"
          elif water == 2
            say "积水正在上涨。"
          else
            say "积水暂时可控。"
          # 联合决策：规则 unanimous、majority、weighted、lead 或 arbitrate；不成时依次尝试 fallback
          decide plan "是否启动应急响应？" by weather, ema rule unanimous
            fallback negotiate 15m, lead
            option respond "立即启动应急响应" expected
              response += 3
              clear weather for hotline   # 授权气象局知悉求助名单，便于定点预报
            option watch "继续观察" default
              water += 1
          discuss lessons "哪条信息本应更早共享？" to all
          chance 30%
            trust -= 5
            response -= 1 for ema
            say "有市民在网上抱怨预警太晚。"
          else
            trust += 2
          advance 1h
          if decided(plan, respond) and water <= 2
            debrief "应急响应及时启动。"
            revoke weather for hotline    # 处置结束，收回授权
            end safe
          else
            trigger reporter
            debrief "应急响应偏晚，低洼路段受淹。"
            end flooded

        """#

    private static let english = #"""
        # {{NAME}}: a new exercise (written by sandtable new)
        #
        # A starter exercise that runs as it is and uses every construct of the language once. Rewrite it, then run:
        #   sandtable check {{NAME}}.ttx                 look for errors and warnings
        #   sandtable simulate {{NAME}}.ttx -n 1000      play it 1000 times at random: endings and scores
        #   sandtable play {{NAME}}.ttx                  run the exercise
        # Language reference: docs/language.md; authoring guide: docs/authoring.md.
        #
        # A few rules: "#" starts a comment that runs to the end of the line; one thing per line; indentation makes
        # blocks, an indented line belongs to the line above it; every element has an id (letters, digits and _);
        # text goes in quotes. To split an exercise over files, write: include "roles.ttx" (a path relative to this
        # file, inside its folder).

        # ── The header: one per exercise ─────────────────────────────
        exercise {{ID}} "New exercise: heavy rain warning"
          language en
          version "0.1"
          authors "Your name"
          summary "The weather service and emergency management share the forecast and warn the public before a storm."
          clock 06:00             # when the scenario clock starts
          duration 3h             # the exercise ends when the clock has run 3 hours
          start warning           # the first scene (default: the first scene in the file)
          scores totals           # what trainees see of the scores: hidden, totals or full
          sharing open            # open: players may share items with the share command; scripted: only effects share
          peer named              # peer evaluation at the end: named, anonymous or off

        # ── Roles (departments) ──────────────────────────────────────
        role weather "Weather Service"
          brief "Runs the radar and issues rainfall forecasts."
          knows forecast          # items it starts with
          auto default            # when nobody plays it, it takes the default choice (or: random)

        role ema "Emergency Management"
          brief "The lead unit: coordinates, warns the public, dispatches rescue teams."
          lead                    # the lead unit; at most one
          weight 2                # its votes in weighted decisions
          knows hotline

        # ── Information ──────────────────────────────────────────────
        info forecast "Rainfall forecast for the next three hours"
          owner weather
          sensitivity internal    # public, internal or secret
          text "60 mm an hour expected from 07:00 to 09:00; low-lying roads will flood."

        info hotline "Hotline log of residents asking for help"
          owner ema
          sensitivity secret      # personal data: only the owner and the roles it is cleared for may hold it
          text "Names, addresses and phone numbers of three elderly people living alone."
          on breach               # what happens when it reaches a role not cleared for it
            trust -= 10

        info hotline_counts "Hotline figures (no personal data)"
          derived from hotline    # a de-identified version with its own sensitivity; who holds hotline can share it
          sensitivity public
          text "Three elderly people living alone in low-lying streets are registered for evacuation."

        party press "The press"     # outside the exercise: an internal or secret item given to it leaks

        # ── Measures and state ───────────────────────────────────────
        measure sharing "Information sharing" weight 2 range 0..20
        measure response "Responsiveness" weight 1 range -5..10

        state water = 1 range 0..5        # a number (flood level), with bounds
        state trust = 60 range 0..100     # public trust
        state warned = false              # a flag: has the public been warned?

        # ── Objectives (HSEEP: P performed, S some challenges, M major challenges, U unable) ──
        objective early_warning "Share the forecast and warn the public within an hour"
          capability "Public Information and Warning"
          owner ema
          P when shared(forecast, all) and shared_at(forecast) <= 1h and warned
          S when warned
          M when shared(forecast, ema)
          else U
          recommend "Push forecasts automatically and tie them to the public warning process."

        # ── Endings ──────────────────────────────────────────────────
        ending safe "Safe through the storm"
          """
          The rain stops; the city came through the storm safely.
          """

        ending flooded "Flooding in low-lying areas"
          """
          Low-lying roads flooded badly. In the debrief, find every piece of information that arrived late.
          """

        # ── Injects (the master scenario events list) ────────────────
        inject heavy_rain "Heavy rain arrives"
          at 07:00                # a clock time; or at +1h, or when CONDITION
          to all
          """
          07:00 The rain suddenly intensifies and low-lying roads start to flood.
          """
          expect warn_public "Warn the public within 30 minutes" by ema within 30m
            do publish_warning    # the expected response: an action, a choice, a share or a condition
          water += 1              # effects when the inject fires

        inject rumor "A rumour spreads online"
          when trust < 50
          to ema
          """
          A rumour spreads online that the reservoir is about to release water.
          """
          trust -= 5

        inject reporter "A reporter calls"  # no at or when: fired by trigger
          to ema
          """
          A reporter asks why the warning did not go out earlier.
          """

        # ── Actions: a role may take them whenever their condition holds ──
        action publish_warning "Issue a heavy rain warning" by ema cost 10m once
          when not warned
          set warned = true
          share hotline_counts with press
          trust += 10
          response += 3

        # ── Cooperation requests: a duty to cooperate, with a deadline ──
        request radar_data "Please send the latest radar data" from ema to weather within 30m points 3
          accept "Sending it now"
            share forecast with ema
            sharing += 2
          refuse "Not yet"
            response -= 2
          auto accept

        duty public_safety "Public safety cooperation" within 1h points 2   # requests players type fall due in 1h

        # ── Scenes ───────────────────────────────────────────────────
        scene warning "The early forecast"
          """
          Six in the morning: the radar shows a band of heavy rain closing in on the city.
          """
          facilitator "Remind trainees that info shows what their department knows."
          ask weather "What do you do with the latest forecast?" timeout 30m
            choice push "Push it to Emergency Management now" expected
              share forecast with ema
              sharing += 5
              award 2 "Shared the forecast unprompted"
            choice call "Phone Emergency Management first" if not warned once
              sharing += 1
            choice wait "Wait for the radar to confirm it" default cost 30m
              water += 1
          send radar_data
          checkpoint early_warning
          goto meeting

        scene meeting "Joint meeting"
          if water >= 3
            say "The water is already deep."
          elif water == 2
            say "The water is rising."
          else
            say "The water is under control for now."
          # A joint decision: rule unanimous, majority, weighted, lead or arbitrate; fallback steps when it fails
          decide plan "Start the emergency response?" by weather, ema rule unanimous
            fallback negotiate 15m, lead
            option respond "Start the emergency response now" expected
              response += 3
              clear weather for hotline   # clear the weather service for the hotline log (targeted forecasts)
            option watch "Keep watching" default
              water += 1
          discuss lessons "Which piece of information should have been shared earlier?" to all
          chance 30%
            trust -= 5
            response -= 1 for ema
            say "Residents complain online that the warning came late."
          else
            trust += 2
          advance 1h
          if decided(plan, respond) and water <= 2
            debrief "The emergency response started in time."
            revoke weather for hotline    # the emergency is over: withdraw the clearance
            end safe
          else
            trigger reporter
            debrief "The response came late and low-lying roads flooded."
            end flooded

        """#
}
