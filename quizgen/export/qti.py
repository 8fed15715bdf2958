"""QTI 1.2 for Canvas (the package text2qti makes): imsmanifest.xml plus one assessment, in a zip with fixed
timestamps. Multiple choice, true/false, matching and fill-in-multiple-blanks."""

from __future__ import annotations

import hashlib
import html
import io
import xml.etree.ElementTree as ET
import zipfile

from ..text.mask import BLANK
from . import ExportItem

QTI_NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"


def ident(*parts: str) -> str:
    return "g" + hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()[:24]


def _mattext(parent: ET.Element, text: str) -> None:
    material = ET.SubElement(parent, "material")
    ET.SubElement(material, "mattext", {"texttype": "text/html"}).text = html.escape(text, quote=False)


def _meta(item: ET.Element, qtype: str, points: float) -> None:
    qti = ET.SubElement(ET.SubElement(item, "itemmetadata"), "qtimetadata")
    for label, entry in (("question_type", qtype), ("points_possible", f"{points:g}")):
        field = ET.SubElement(qti, "qtimetadatafield")
        ET.SubElement(field, "fieldlabel").text = label
        ET.SubElement(field, "fieldentry").text = entry


def _choice(presentation: ET.Element, rid: str, labels: list[tuple[str, str]], material: str | None = None):
    lid = ET.SubElement(presentation, "response_lid", {"ident": rid, "rcardinality": "Single"})
    if material is not None:
        _mattext(lid, material)
    render = ET.SubElement(lid, "render_choice")
    for label_id, text in labels:
        _mattext(ET.SubElement(render, "response_label", {"ident": label_id}), text)


def _scoring(item: ET.Element, correct: list[tuple[str, str]]) -> None:
    """Full marks split evenly over (response id, correct label) pairs."""
    proc = ET.SubElement(item, "resprocessing")
    ET.SubElement(
        ET.SubElement(proc, "outcomes"),
        "decvar",
        {"maxvalue": "100", "minvalue": "0", "varname": "SCORE", "vartype": "Decimal"},
    )
    base, extra = divmod(100, len(correct))
    shares = [base + (1 if i < extra else 0) for i in range(len(correct))]  # whole numbers summing to 100
    for (rid, label), share in zip(correct, shares):
        cond = ET.SubElement(proc, "respcondition", {"continue": "Yes" if len(correct) > 1 else "No"})
        ET.SubElement(ET.SubElement(cond, "conditionvar"), "varequal", {"respident": rid}).text = label
        ET.SubElement(
            cond, "setvar", {"action": "Add" if len(correct) > 1 else "Set", "varname": "SCORE"}
        ).text = f"{share:.4g}"


def _item(section: ET.Element, e: ExportItem) -> None:
    it = e.item
    item = ET.SubElement(section, "item", {"ident": ident(it["id"], e.name), "title": e.name})
    kind = it["type"]
    qtype = {
        "mcq": "multiple_choice_question",
        "truefalse": "true_false_question",
        "matching": "matching_question",
        "cloze": "fill_in_multiple_blanks_question",
    }[kind]
    _meta(item, qtype, e.points)
    presentation = ET.SubElement(item, "presentation")
    if kind == "mcq":
        _mattext(presentation, it["stem"])
        labels = [(ident(it["id"], str(i)), o) for i, o in enumerate(it["options"])]
        _choice(presentation, "response1", labels)
        _scoring(item, [("response1", labels[it["answer"]][0])])
    elif kind == "truefalse":
        _mattext(presentation, it["statement"])
        labels = [(ident(it["id"], "true"), "True"), (ident(it["id"], "false"), "False")]
        _choice(presentation, "response1", labels)
        _scoring(item, [("response1", labels[0 if it["answer"] else 1][0])])
    elif kind == "matching":
        _mattext(presentation, "Match each term with its definition.")
        labels = [(ident(it["id"], "r", str(j)), r) for j, r in enumerate(it["responses"])]
        correct = []
        for i, (premise, a) in enumerate(zip(it["premises"], it["answer"])):
            rid = f"response_{ident(it['id'], 'p', str(i))}"
            _choice(presentation, rid, labels, material=premise)
            correct.append((rid, labels[a][0]))
        _scoring(item, correct)
    elif kind == "cloze":
        text = it["text"]
        for n in range(1, len(it["answer"]) + 1):
            text = text.replace(BLANK, f"[blank{n}]", 1)
        _mattext(presentation, text)
        correct = []
        for n, accepted in enumerate(it["answer"], 1):
            rid = f"response_blank{n}"
            labels = [(ident(it["id"], str(n), a), a) for a in accepted]
            _choice(presentation, rid, labels, material=f"blank{n}")
            correct.append((rid, labels[0][0]))
        _scoring(item, correct)


def assessment_xml(items: list[ExportItem], title: str) -> bytes:
    root = ET.Element("questestinterop", {"xmlns": QTI_NS})
    assessment = ET.SubElement(root, "assessment", {"ident": ident("assessment", title), "title": title})
    qti = ET.SubElement(ET.SubElement(assessment, "qtimetadata"), "qtimetadatafield")
    ET.SubElement(qti, "fieldlabel").text = "cc_maxattempts"
    ET.SubElement(qti, "fieldentry").text = "1"
    section = ET.SubElement(assessment, "section", {"ident": "root_section"})
    for e in items:
        _item(section, e)
    ET.indent(root)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8") + b"\n"


def manifest_xml(assessment_id: str, href: str) -> bytes:
    ns = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
    root = ET.Element("manifest", {"identifier": ident("manifest", assessment_id), "xmlns": ns})
    meta = ET.SubElement(root, "metadata")
    ET.SubElement(meta, "schema").text = "IMS Content"
    ET.SubElement(meta, "schemaversion").text = "1.1.3"
    ET.SubElement(root, "organizations")
    resources = ET.SubElement(root, "resources")
    res = ET.SubElement(resources, "resource", {"identifier": assessment_id, "type": "imsqti_xmlv1p2"})
    ET.SubElement(res, "file", {"href": href})
    ET.indent(root)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8") + b"\n"


def qti_zip(items: list[ExportItem], title: str) -> bytes:
    aid = ident("assessment", title)
    href = f"{aid}/{aid}.xml"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in (("imsmanifest.xml", manifest_xml(aid, href)), (href, assessment_xml(items, title))):
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))  # fixed: same input, same bytes
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    return buf.getvalue()
