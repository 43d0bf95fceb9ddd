"""The alignment searches stay polynomial: a 40-row form whose 三级 column arrives in 10
chunks parses well under 50 ms."""
import time

import selfeval

SUBJECTS = ["河道保洁", "路灯维护", "绿地养护", "公厕管理", "垃圾清运", "井盖巡查", "桥梁检测", "广场保洁",
            "道路清扫", "护栏维修"]
# (二级, target unit or word, name suffix): the suffix carries the cue a real name would
KINDS = [
    ("数量指标", "次", "巡查次数"), ("数量指标", "人", "服务人数"), ("数量指标", "户", "覆盖户数"),
    ("质量指标", "%", "合格率"), ("时效指标", "及时", "完成及时性"),
    ("社会效益指标", "提升", "服务水平提升"), ("可持续影响指标", "健全", "管理制度健全性"),
    ("服务对象满意度指标", "满意", "群众满意度"),
]


def forty_row_form():
    rows, names = [], []
    order = sorted(range(40), key=lambda i: [k[0] for k in KINDS].index(KINDS[i % len(KINDS)][0]))
    for n, i in enumerate(order):
        l2, unit, suffix = KINDS[i % len(KINDS)]
        name = SUBJECTS[i % 10] + suffix
        if unit in ("次", "人", "户", "%"):
            target, actual = f"≥{10 + n}.00({unit})", f"{10 + n}.00({unit})"
        else:
            target, actual = unit, "达成指标"
        rows.append((l2, target, actual))
        names.append(name)
    lines = ["财政项目支出绩效自评表", "（2024年度）", "", "项目名称 市政设施维护", "",
             "年初预算数 全年预算数 分数 得分", "", "年度资金总额 100.00 100.00 10.00 10.00", "",
             "一级指标 二级指标 年度指标值 实际完成值 分值 得分", ""]
    seen = set()
    for l2, target, actual in rows:
        label = "" if l2 in seen else l2 + " "
        seen.add(l2)
        lines.append(f"{label}{target} {actual} 2.25 2.25")
    lines += ["", "100.00 100.00", ""]
    # ten chunks of four, bands bottom-up: rows 33–40, 25–32, …, header on top of rows 1–4
    bands = [list(range(b, min(b + 8, 40))) for b in range(0, 40, 8)][::-1]
    for band in bands:
        for start in range(band[0], band[-1] + 1, 4):
            if start == 0:
                lines.append("三级指标 偏差原因分析及改进措施")
            lines += names[start:start + 4] + [""]
    return "\n".join(lines) + "\n", names


def test_forty_rows_in_ten_chunks_parse_fast_and_in_order():
    text, names = forty_row_form()
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        forms = selfeval.parse(text)
        best = min(best, time.perf_counter() - t0)
    assert [i.name for i in forms[0].indicators] == names
    assert best < 0.050, f"{best * 1000:.1f} ms"


def test_more_chunks_than_any_form_keeps_reading_order_with_a_warning():
    """Past Params.max_chunks the order of the 三级 chunks is not searched: the names keep
    their reading order, and the record says so, instead of the parse taking minutes."""
    rows = 250
    lines = ["财政项目支出绩效自评表", "（2024年度）", "", "年初预算数 全年预算数 分数 得分", "",
             "年度资金总额 100.00 100.00 10.00 10.00", "", "一级指标 二级指标 年度指标值 实际完成值 分值 得分", ""]
    lines += [f"={k}.00(次) {k}.00(次) 0.30 0.30" for k in range(1, rows + 1)]
    lines += ["", "三级指标 偏差原因分析及改进措施"]
    for k in range(1, rows + 1, 2):     # chunks of two names
        lines += [f"第{k}号站点巡查次数", f"第{k + 1}号站点巡查次数", ""]
    t0 = time.perf_counter()
    form, = selfeval.parse("\n".join(lines) + "\n")
    assert time.perf_counter() - t0 < 5.0
    assert [i.name for i in form.indicators] == [f"第{k}号站点巡查次数" for k in range(1, rows + 1)]
    assert "name-order-unsearched" in {d.code for d in form.diagnostics}
