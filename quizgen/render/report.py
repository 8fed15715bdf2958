"""The grading report: summary figures, a score histogram and difficulty against discrimination, drawn with
reportlab's own graphics, then the flagged items."""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.lineplots import ScatterPlot
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.lib import colors
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from ..grade import GradeResult
from .pdf import FAMILY, Styles, _document, _t


def histogram(percents: list[float], width: float = 440, height: float = 190) -> Drawing:
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
            "Scores (% of points): number of students",
            fontName=FAMILY,
            fontSize=9,
            textAnchor="middle",
        )
    )
    return d


def scatter(points: list[tuple[float, float]], width: float = 440, height: float = 220) -> Drawing:
    d = Drawing(width, height)
    plot = ScatterPlot()
    plot.x, plot.y, plot.width, plot.height = 45, 35, width - 70, height - 60
    plot.data = [points or [(0.5, 0.0)]]
    plot.xValueAxis.valueMin, plot.xValueAxis.valueMax = 0, 1
    plot.yValueAxis.valueMin, plot.yValueAxis.valueMax = -1, 1
    plot.xValueAxis.labels.fontName = plot.yValueAxis.labels.fontName = FAMILY
    plot.xValueAxis.labels.fontSize = plot.yValueAxis.labels.fontSize = 7
    plot.xLabel, plot.yLabel = "difficulty p (share correct)", "discrimination D"
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
            "Items: difficulty against discrimination",
            fontName=FAMILY,
            fontSize=9,
            textAnchor="middle",
        )
    )
    return d


def report_pdf(result: GradeResult) -> bytes:
    st = Styles(10)
    n = len(result.students)
    percents = [100 * s["score"] / s["max"] if s["max"] else 0 for s in result.students]
    mean = sum(percents) / n if n else 0
    rel = f"{result.reliability:.2f}" if result.reliability is not None else "n/a (items differ between students)"
    story = [
        Paragraph(_t(f"Results: {result.record.title}"), st.title),
        Paragraph(f"{n} students · mean {mean:.1f} % · KR-20 / α = {rel} · {len(result.items)} items", st.body),
        Spacer(0, 8),
        histogram(percents),
        Spacer(0, 6),
        scatter([(s.p, s.discrimination) for s in result.items]),
        Spacer(0, 8),
    ]
    flagged = [s for s in result.items if s.flags]
    story.append(Paragraph(f"Flagged items ({len(flagged)})", st.heading))
    rows = [[Paragraph(f"<b>{h}</b>", st.small) for h in ("Item", "p", "D", "r<sub>pb</sub>", "Flags")]]
    for s in flagged:
        flags = "; ".join(s.flags)
        if s.non_functioning:
            flags += ": " + ", ".join(s.non_functioning)
        rows.append(
            [
                Paragraph(_t(f"{s.type}: {s.topic}"), st.small),
                Paragraph(f"{s.p:.2f}", st.small),
                Paragraph(f"{s.discrimination:.2f}", st.small),
                Paragraph(f"{s.point_biserial:.2f}", st.small),
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
    return _document(story, f"Results: {result.record.title}", "a4", "grading report")
