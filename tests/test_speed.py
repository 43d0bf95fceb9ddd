"""The placement stays polynomial: a form whose 三级 column arrives in many chunks costs a
small multiple of a seed form. Timings are CPU time, as ratios to the seed measured in the
same test (the machines are shared: no wall-clock bound)."""
from pathlib import Path

from timing import least_cpu

SEED = Path(__file__).resolve().parent.parent / "samples" / "songjiang-2024.txt"


def cpu_per_form(text: str, runs: int = 3) -> tuple[float, list]:
    """The least CPU time of ``runs`` parses of ``text``, per form, and the forms."""
    best, forms = least_cpu(text, runs)
    return best / max(1, len(forms)), forms


def seed_form_cpu() -> float:
    return cpu_per_form(SEED.read_text(encoding="utf-8"))[0]

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


def test_forty_rows_in_ten_chunks_parse_in_order_at_a_few_seed_forms_cost():
    text, names = forty_row_form()
    took, forms = cpu_per_form(text)
    assert [i.name for i in forms[0].indicators] == names
    assert took <= 6 * seed_form_cpu(), f"{took * 1000:.1f} ms"


def test_more_chunks_than_any_form_are_read_in_order_at_a_bounded_cost():
    """125 chunks of the 三级 column, each name's cue as good as any other's: the names keep
    their reading order, without a search whose cost grows with the chunks."""
    rows = 250
    lines = ["财政项目支出绩效自评表", "（2024年度）", "", "年初预算数 全年预算数 分数 得分", "",
             "年度资金总额 100.00 100.00 10.00 10.00", "", "一级指标 二级指标 年度指标值 实际完成值 分值 得分", ""]
    lines += [f"={k}.00(次) {k}.00(次) 0.30 0.30" for k in range(1, rows + 1)]
    lines += ["", "三级指标 偏差原因分析及改进措施"]
    for k in range(1, rows + 1, 2):     # chunks of two names
        lines += [f"第{k}号站点巡查次数", f"第{k + 1}号站点巡查次数", ""]
    took, (form,) = cpu_per_form("\n".join(lines) + "\n", runs=1)
    assert [i.name for i in form.indicators] == [f"第{k}号站点巡查次数" for k in range(1, rows + 1)]
    assert took <= 40 * seed_form_cpu(), f"{took * 1000:.1f} ms"
