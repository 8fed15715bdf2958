"""The grading report: summary figures, a score histogram and difficulty against discrimination, drawn with
reportlab's own graphics, then the flagged items."""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.lineplots import ScatterPlot
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.lib import colors
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from ..grade import GradeResult
from ..i18n import Labels, labels_for
from ..labels import FLAGS, HEADINGS
from .pdf import FAMILY, Styles, _document, _t


def histogram(percents: list[float], lab: Labels, width: float = 440, height: float = 190) -> Drawing:
    bins = [0] * 10
    for p in percents:
        bins[max(0, min(int(p // 10), 9))] += 1  # negative marking can push a score below 0
    d = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 40, 30, width - 60, height - 55
    chart.data = [bins]
    chart.categoryAxis.categoryNames = [f"{10 * i}–{10 * i + 10}" for i in range(10)]
    chart.categoryAxis.labels.fontName = chart.valueAxis.labels.fontName = FAMILY
    chart.categoryAxis.labels.fontSize = chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.bars[0].fillColor = colors.HexColor("#4a78b5")
    d.add(chart)
    d.add(
        String(
            width / 2,
            height - 12,
            lab("report-histogram"),
            fontName=FAMILY,
            fontSize=9,
            textAnchor="middle",
        )
    )
    return d


def scatter(points: list[tuple[float, float]], lab: Labels, width: float = 440, height: float = 220) -> Drawing:
    d = Drawing(width, height)
    plot = ScatterPlot()
    plot.x, plot.y, plot.width, plot.height = 45, 35, width - 70, height - 60
    plot.data = [points or [(0.5, 0.0)]]
    plot.xValueAxis.valueMin, plot.xValueAxis.valueMax = 0, 1
    plot.yValueAxis.valueMin, plot.yValueAxis.valueMax = -1, 1
    plot.xValueAxis.labels.fontName = plot.yValueAxis.labels.fontName = FAMILY
    plot.xValueAxis.labels.fontSize = plot.yValueAxis.labels.fontSize = 7
    plot.xLabel, plot.yLabel = lab("report-difficulty"), lab("report-discrimination")
    plot.lines[0].strokeColor = None
    plot.lineLabelFormat = None
    plot.lines[0].symbol.fillColor = colors.HexColor("#b54a4a")
    d.add(plot)
    zero = plot.y + plot.height / 2
    d.add(Line(plot.x, zero, plot.x + plot.width, zero, strokeColor=colors.grey, strokeDashArray=[2, 2]))
    d.add(
        String(
            width / 2,
            height - 12,
            lab("report-scatter"),
            fontName=FAMILY,
            fontSize=9,
            textAnchor="middle",
        )
    )
    return d


def report_pdf(result: GradeResult) -> bytes:
    from ..spec import recorded_spec

    spec = recorded_spec(result.record)
    lab = labels_for(spec)
    st = Styles(10, lab, spec.font)
    n = len(result.students)
    percents = [100 * s["score"] / s["max"] if s["max"] else 0 for s in result.students]
    mean = sum(percents) / n if n else 0
    rel = lab.number(result.reliability, 2) if result.reliability is not None else lab("report-reliability-none")
    title = lab("report-title", title=result.record.title)
    summary = (
        f"{lab.count('students', n)} · {lab('report-mean', mean=lab.number(mean, 1))} · KR-20 / α = {rel} · "
        f"{lab.count('items', len(result.items))}"
    )
    story = [
        Paragraph(_t(title), st.title),
        Paragraph(_t(summary), st.body),
        Spacer(0, 8),
        histogram(percents, lab),
        Spacer(0, 6),
        scatter([(s.p, s.discrimination) for s in result.items], lab),
        Spacer(0, 8),
    ]
    flagged = [s for s in result.items if s.flags]
    story.append(Paragraph(_t(lab("report-flagged", n=len(flagged))), st.heading))
    heads = (_t(lab("report-item")), "p", "D", "r<sub>pb</sub>", _t(lab("report-flags")))
    rows = [[Paragraph(f"<b>{h}</b>", st.small) for h in heads]]
    for s in flagged:
        flags = "; ".join(lab(FLAGS[f]) if f in FLAGS else f for f in s.flags)
        if s.non_functioning:
            flags += ": " + ", ".join(s.non_functioning)
        rows.append(
            [
                Paragraph(_t(f"{lab(HEADINGS[s.type]) if s.type in HEADINGS else s.type}: {s.topic}"), st.small),
                Paragraph(lab.number(s.p, 2), st.small),
                Paragraph(lab.number(s.discrimination, 2), st.small),
                Paragraph(lab.number(s.point_biserial, 2), st.small),
                Paragraph(_t(flags), st.small),
            ]
        )
    table = Table(rows, colWidths=["34%", "7%", "8%", "8%", "43%"], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FAMILY, 8),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black),
            ]
        )
    )
    story.append(table)
    return _document(story, title, "a4", "grading report", lab)
