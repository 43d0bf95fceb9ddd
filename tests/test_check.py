"""selfeval check: the seed is consistent; each error planted into a copy of it is found."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

import selfeval
from selfeval.check import check
from selfeval.template import NATIONAL
from selfeval.model import Form, FundRow, Indicator, Total

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "songjiang-2024.txt"

# (line of the seed's first form as printed, the line with the error planted, the finding)
PLANTED = {
    "score-changed": ("数量指标 =21.00(人) 21.00(人) 10.00 10.00",
                      "数量指标 =21.00(人) 21.00(人) 10.00 9.00", "scores-sum"),
    "weight-changed": ("符合 达成指标 5.00 5.00", "符合 达成指标 6.00 5.00", "weights-sum"),
    "grade-changed": ("评分等级 优", "评分等级 良", "grade"),
    "deviation-removed": ("人工成本总额 人员额度严格按照上级要求执行", "人工成本总额", "deviation-missing"),
    "execution-rate-changed": ("319.93 100.00", "319.93 99.00", "execution-rate"),
    "score-over-weight": ("及时 达成指标 5.00 5.00", "及时 达成指标 5.00 6.00", "score-over-weight"),
}


def selfeval_cli(*args, input=None):
    return subprocess.run([sys.executable, "-m", "selfeval", *args], input=input,
                          capture_output=True, text=True, cwd=ROOT)


def planted_copy(tmp_path, before, after):
    text = SEED.read_text(encoding="utf-8")
    assert text.count(before + "\n") >= 1
    path = tmp_path / "planted.txt"
    path.write_text(text.replace(before + "\n", after + "\n", 1), encoding="utf-8")
    return path


def test_seed_is_consistent_and_check_exits_0():
    r = selfeval_cli("check", str(SEED))
    assert (r.returncode, r.stdout, r.stderr) == (0, "", "")


@pytest.mark.parametrize("case", PLANTED, ids=list(PLANTED))
def test_planted_error_is_reported_and_check_exits_1(tmp_path, case):
    before, after, code = PLANTED[case]
    path = planted_copy(tmp_path, before, after)
    r = selfeval_cli("check", str(path))
    assert r.returncode == 1
    lines = r.stdout.splitlines()
    hits = [x for x in lines if f": error {code}: " in x]
    assert hits, r.stdout
    # FILE:LINE: form N ROW: level code: message — LINE the first line of the planted form
    first = selfeval.parse_file(path)[0].source.first_line
    assert hits[0].startswith(f"{path}:{first}: form 0 ")


def test_check_json_lists_the_findings(tmp_path):
    before, after, code = PLANTED["grade-changed"]
    r = selfeval_cli("check", "--format", "json", str(planted_copy(tmp_path, before, after)))
    findings = json.loads(r.stdout)
    assert r.returncode == 1
    assert [(f["code"], f["row"], f["form_index"]) for f in findings] == [("grade", "grade", 0)]


def test_unreadable_file_exits_2_even_when_the_others_are_consistent():
    r = selfeval_cli("check", "no-such-file.txt", str(SEED))
    assert r.returncode == 2 and r.stderr.startswith("selfeval: no-such-file.txt: ")


def form(indicators=(), funds=(), total=(None, None), grade=None):
    return Form(title="t", funds=list(funds), indicators=list(indicators), total=Total(*total), grade=grade)


def row(weight, score, deviation=None):
    return Indicator("产出指标", "数量指标", "某项工作完成数", "=1.00(次)", "1.00(次)",
                     None, None, weight, score, deviation)


def codes(f):
    return [x.code for x in check(f)]


def test_grade_bands_at_their_edges():
    assert [NATIONAL.grade_of(s) for s in (100, 90, 89.99, 80, 79.99, 60, 59.99, 0)] == \
        ["优", "优", "良", "良", "中", "中", "差", "差"]


def test_weights_and_scores_include_the_fund_row():
    funds = [FundRow("年度资金总额", 100, 100, 100, 10, 100, 10)]
    assert codes(form([row(45, 45), row(45, 45)], funds, (100, 100), "优")) == []
    assert codes(form([row(45, 45), row(45, 45)], [], (100, 100), "优")) == ["weights-sum", "scores-sum"]


def test_sums_allow_the_rounding_of_two_decimal_figures():
    rows = [row(33.33, 33.33), row(33.33, 33.33), row(33.33, 33.33)]
    assert codes(form(rows, [], (100, 100), "优")) == []


def test_fund_rows_add_up_to_the_total_row_in_each_money_column():
    funds = [FundRow("年度资金总额", 100, 100, 90, 10, 90, 10),
             FundRow("当年财政拨款", 80, 80, 70, None, 87.5, None),
             FundRow("上年结转资金", 10, 20, 20, None, 100, None)]
    found = check(form([row(90, 90)], funds, (100, 100), "优"))
    assert [(x.code, x.row) for x in found] == [("funds-sum", "funds[0]")]
    assert "initial_budget" in found[0].message


def test_a_zero_budget_is_not_checked_for_its_rate():
    funds = [FundRow("年度资金总额", 0, 0, 0, 10, 100, 10)]
    assert codes(form([row(90, 90)], funds, (100, 100), "优")) == []


def test_row_that_lost_points_with_a_deviation_is_fine():
    assert codes(form([row(90, 80, "未完成全部任务。")], [], (90, 80), "良")) == []
    assert codes(form([row(90, 80)], [], (90, 80), "良")) == ["deviation-missing"]


def test_missing_figures_are_warnings_not_errors():
    found = check(form([Indicator("产出指标", "数量指标", "某项工作完成数", "x", "y")], [], (None, None), None))
    assert [(x.level, x.code) for x in found] == [("warning", "total-missing")]


def test_parser_errors_are_findings():
    f = form([row(90, 90)], [], (90, 90), "优")
    f.diagnostics.append(selfeval.Diagnostic("error", "fund-rows-missing", "no fund rows", [3]))
    assert [(x.level, x.code) for x in check(f)] == [("error", "parse-fund-rows-missing")]
