"""Nothing is lost: every non-blank input line lands in a field or in an ``unassigned``
diagnostic with its line number."""
import random
from pathlib import Path

import pytest

import selfeval
import handmade as H
from accounting import lost_lines
from handmade import project

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@pytest.mark.parametrize("txt", sorted(SAMPLES.glob("*.txt")), ids=lambda p: p.stem)
def test_every_line_of_a_sample_is_accounted_for(txt):
    text = txt.read_text(encoding="utf-8")
    assert lost_lines(text, selfeval.parse(text)) == []


def test_every_line_of_the_hand_made_form_is_accounted_for():
    text = H.default_page()
    assert lost_lines(text, selfeval.parse(text)) == []


def test_stray_lines_inside_a_form_are_reported_with_their_numbers():
    text = H.default_page().replace("总分\n", "总分\n\n第 1 页\n\n12345 67890 abc\n\n填报日期：2024年3月15日\n")
    form = selfeval.parse(text)[0]
    unassigned = [d for d in form.diagnostics if d.code == "unassigned"]
    numbers = text.split("\n")
    reported = {numbers[no - 1] for d in unassigned for no in d.lines}
    assert reported == {"第 1 页", "12345 67890 abc", "填报日期：2024年3月15日"}
    assert project(form.to_dict(), H.EXPECTED) == H.EXPECTED
    assert lost_lines(text, [form]) == []


def test_extra_name_like_line_is_kept_and_flagged():
    """A Chinese line that reads like a name but has no row: it lands somewhere (nothing is
    lost) and the record says its names were forced."""
    text = H.default_page().replace("总分\n", "总分\n\n这一行不属于任何栏目\n")
    form = selfeval.parse(text)[0]
    assert lost_lines(text, [form]) == []
    assert "names-forced" in [d.code for d in form.diagnostics]


def test_lines_before_the_first_form_are_reported_on_it():
    text = "封面说明文字\n\n\n\n" + H.default_page()
    form = selfeval.parse(text)[0]
    assert any(d.code == "unassigned" and d.lines == [1] for d in form.diagnostics)


@pytest.mark.parametrize("seed", range(20))
def test_damaged_dump_still_accounts_for_every_line(seed):
    """Lines dropped, duplicated and swapped: the records may be wrong, but no line vanishes
    and nothing raises."""
    rng = random.Random(seed)
    lines = (SAMPLES / "songjiang-2024.txt").read_text(encoding="utf-8").split("\n")
    for _ in range(15):
        i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
        op = rng.choice(["drop", "dup", "swap"])
        if op == "drop":
            del lines[i]
        elif op == "dup":
            lines.insert(j, lines[i])
        else:
            lines[i], lines[j] = lines[j], lines[i]
    text = "\n".join(lines)
    forms = selfeval.parse(text)
    assert forms
    assert lost_lines(text, forms) == []


def test_a_cell_in_no_field_is_reported_though_its_line_filled_another():
    """A line cut into cells, one placed and one not: the other is ``unassigned``, not dropped
    because its line counts as used."""
    text = "财政项目支出绩效自评表\n319.93(万\n\n林地巡护总长 护林员巡护记录完整规范\n"
    form, = selfeval.parse(text)
    assert lost_lines(text, [form]) == []
    assert 4 in {no for d in form.diagnostics if d.code == "unassigned" for no in d.lines}


@pytest.mark.parametrize("mode", ["default", "raw", "layout", "cells"])
def test_a_second_grade_line_is_reported_not_dropped(mode):
    record = selfeval.parse(H.default_page())[0]
    text = selfeval.render([record], mode)
    at = text.index(record.grade, text.index("评分等级"))
    other = "良" if record.grade != "良" else "中"
    doubled = text[:at] + record.grade + "\n\n评分等级 " + other + text[at + len(record.grade):]
    form, = selfeval.parse(doubled)
    assert lost_lines(doubled, [form]) == []
