#!/usr/bin/env python3
"""Writes a large, valid .ttx exercise for benchmarking `sandtable check`.

Usage: gen-exercise.py [LINES] > big.ttx

The exercise looks like a real one, scaled up: Chinese titles and narrative, roles, information items, measures,
state, objectives, injects with expected actions, actions, requests, and a long chain of scenes with asks, joint
decisions, conditions and chance branches. It checks without errors. The output is deterministic.
"""

import sys

target = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
ROLES, ITEMS, MEASURES, STATES = 24, 240, 12, 60
INJECTS, ACTIONS, REQUESTS, OBJECTIVES = 300, 120, 60, 30

out = []
w = out.append
FLAGS = [v for v in range(STATES) if v % 3 == 0]
LEVELS = [v for v in range(STATES) if v % 3 != 0]

w("# 基准演练：由 Benchmarks/gen-exercise.py 生成，用于测量 sandtable check 的速度与内存。")
w('exercise benchmark_big "超大规模城市内涝联动演练（基准）"')
w("  language zh-Hans")
w('  version "1.0"')
w('  authors "Sandtable 基准"')
w('  summary "用于性能测量的生成演练。"')
w("  clock 04:00")
w("  duration 300d")
w("  start s0")
w("  scores totals")
w("  sharing open")
w("  peer anonymous")
w("")
for r in range(ROLES):
    w(f'role r{r} "第{r}号部门（交通、卫健、气象、应急……）"')
    w(f'  brief "负责第{r}号片区的监测、处置与信息报送；掌握本片区的关键数据。"')
    if r == 0:
        w("  lead")
    w(f"  knows item{r}, item{r + ROLES}")
    w(f"  weight {1 + r % 3}")
    w("")
for i in range(ITEMS):
    w(f'info item{i} "第{i}号信息：片区积水与道路封闭实时数据"')
    w(f"  owner r{i % ROLES}")
    w(f"  sensitivity {['public', 'internal', 'secret'][i % 3]}")
    if i % 3 == 2:
        w(f"  cleared r{(i + 1) % ROLES}")
    w(f'  text "第{i}号片区：积水{i % 50}厘米，{i % 7}条道路封闭，可用绕行通道若干。"')
    if i % 3 == 2:
        w("  on breach")
        w("    trust -= 1")
for m in range(MEASURES):
    w(f'measure m{m} "第{m}项计分维度" weight {m + 1} range -50..200')
for v in range(STATES):
    if v % 3 == 0:
        w(f"state flag{v} = false")
    else:
        w(f"state level{v} = {v % 5} range 0..1000")
w("state water = 1 range 0..100000")
w("state trust = 60 range 0..100")
w("")
for o in range(OBJECTIVES):
    w(f'objective obj{o} "第{o}号目标：信息按时送达全部相关部门"')
    w('  capability "情报与信息共享"')
    w(f"  owner r{o % ROLES}")
    w(f"  P when shared(item{o}, all) and shared_at(item{o}) <= 2h and level{1 + o % 2 * 3} >= 2")
    w(f"  S when shared(item{o}, all) or did(act{o % ACTIONS})")
    w(f"  M when knows(r{(o + 1) % ROLES}, item{o}) or trust >= 50")
    w("  else U")
    w('  recommend "建立数据自动推送机制，明确首接责任和响应时限。"')
w('ending done "演练结束"')
w("  \"\"\"")
w("  基准演练结束。")
w("  \"\"\"")
w('ending partial "部分完成"')
w("")
for j in range(INJECTS):
    w(f'inject inj{j} "第{j}号注入：片区告急"')
    if j % 3 == 0:
        w(f"  at +{j % 20 + 1}h")
    elif j % 3 == 1:
        w(f"  when water >= {j % 40 + 2} and not flag{(j % (STATES // 3)) * 3}")
    else:
        w(f"  at {j % 24:02d}:{j % 60:02d}")
        w("  chance 40%")
    w(f"  to r{j % ROLES}, r{(j + 1) % ROLES}")
    w("  \"\"\"")
    w(f"  第{j}号片区报告：积水持续上涨，请相关部门立即处置并共享信息。")
    w("  \"\"\"")
    w(f'  expect exp{j} "一小时内处置第{j}号注入" by r{j % ROLES} within 1h')
    if j % 2 == 0:
        w(f"    do act{j % ACTIONS}")
    else:
        w(f"    share item{j % ITEMS} with all")
    w("  water += 1")
    w(f"  m{j % MEASURES} -= 1 for r{j % ROLES}")
for a in range(ACTIONS):
    w(f'action act{a} "第{a}号行动：调派排涝力量" by r{a % ROLES}, r{(a + 5) % ROLES} cost 15m once')
    w(f"  when level{1 + a % 2 * 3} < 900 and trust > 10")
    w(f"  set level{1 + a % 2 * 3} = min(level{1 + a % 2 * 3} + 1, 1000)")
    w(f"  m{a % MEASURES} += 2")
for q in range(REQUESTS):
    w(f'request req{q} "第{q}号协作请求：请提供实时数据" from r{q % ROLES} to r{(q + 1) % ROLES} within 1h points 3')
    w(f'  accept "立即提供"')
    w(f"    share item{q % ITEMS} with r{q % ROLES}")
    w(f'  refuse "暂不提供"')
    w(f"    m{q % MEASURES} -= 2")
    w("  auto accept")
w("")

# Scenes fill the rest, each about 40 lines.
scene = 0
footer = 7
while len(out) < target - footer - 45:
    s = scene
    w(f'scene s{s} "第{s}幕：片区{s % 97}积水上涨"')
    w("  \"\"\"")
    w(f"  凌晨，第{s % 97}号片区的积水持续上涨。雷达显示强回波带正在移动，")
    w("  各部门需要尽快共享数据、商量处置方案。")
    w("  \"\"\"")
    w(f'  facilitator "第{s}幕：关注信息是否及时共享，协作请求是否按时答复。"')
    w(f'  ask r{s % ROLES}, r{(s + 7) % ROLES} "第{s % 97}号片区的积水怎么处置？" timeout 30m')
    w(f'    choice c{s}a "立即封闭道路，并把封闭信息推送到共享平台" expected cost 10m')
    w(f"      share item{s % ITEMS} with all")
    w(f"      m{s % MEASURES} += 2")
    w('      award 1 "及时共享封闭信息"')
    w(f'    choice c{s}b "先派人到现场核实" cost 20m if trust > 20 once')
    w(f"      set level{1 + s % 2 * 3} = level{1 + s % 2 * 3} + 1")
    w(f'    choice c{s}c "继续观察" default')
    w("      water += 1")
    w(f"      m{(s + 1) % MEASURES} -= 1")
    w(f"  if water >= {s % 50 + 2} and shared(item{s % ITEMS}, all) and level{LEVELS[s % len(LEVELS)]} < 999")
    w('    say "积水已经很深，但信息及时共享，各部门按同一张图行动。"')
    w(f"    set flag{FLAGS[s % len(FLAGS)]} = not flag{FLAGS[(s + 1) % len(FLAGS)]}")
    w(f"  elif time > {s % 12 + 1}h or chose(c{s}c)")
    w('    say "积水仍在上涨。"')
    w(f"    trigger inj{s % INJECTS}")
    w("  else")
    w(f"    level{LEVELS[s % len(LEVELS)]} += 1")
    w(f"  send req{s % REQUESTS}")
    if s % 5 == 0:
        w(f'  decide d{s} "是否提升应急响应级别？" by r{s % ROLES}, r{(s + 1) % ROLES}, r0 rule weighted')
        w(f"    weights r0 3")
        w("    fallback negotiate 30m, lead, arbitrate")
        w(f'    option d{s}up "提升响应级别" expected')
        w(f"      m{s % MEASURES} += 3")
        w(f'    option d{s}keep "维持现状" default')
        w("      trust -= 1")
        w(f'  discuss q{s} "这一幕哪条信息本应更早共享？" to all')
        w(f"  checkpoint obj{s % OBJECTIVES}")
    w("  chance 30%")
    w("    trust -= 1")
    w(f"    m{s % MEASURES} -= 1 for r{s % ROLES}")
    w("  else")
    w("    trust += 1")
    w("  advance 5m")
    w(f'  debrief "第{s}幕结束。"')
    w(f"  goto s{s + 1}")
    w("")
    scene += 1
w(f'scene s{scene} "尾声"')
w('  say "演练进入尾声。"')
w("  if trust >= 50")
w("    end done")
w("  else")
w("    end partial")
while len(out) < target:
    w("# 填充")
sys.stdout.write("\n".join(out) + "\n")
