"""Makes the DEFLATE and ZIP fixtures of SpreadsheetTests with Python's zlib and zipfile.

Run from this folder: python3 make-fixtures.py. Outputs are committed; the tests compare
ThiDua's inflate with zlib's output byte for byte.
"""
import base64, hashlib, json, random, zipfile, zlib

rng = random.Random(14)
text = ("Phong trào thi đua \"Dân vận khéo\" năm 2026 — phường Minh Xuân. " * 40).encode()
noise = bytes(rng.randrange(256) for _ in range(1500))
mixed = b"".join(bytes(rng.choice(b"abcdefgh ") for _ in range(rng.randrange(1, 200))) + text[: rng.randrange(300)] for _ in range(25))
samples = {"text": text, "noise": noise, "mixed": mixed, "short": b"abc", "empty": b"", "run": b"a" * 70000}

raw = {}
for name, data in samples.items():
    for label, level, strategy in [("l1", 1, zlib.Z_DEFAULT_STRATEGY), ("l9", 9, zlib.Z_DEFAULT_STRATEGY),
                                   ("fixed", 6, zlib.Z_FIXED), ("huffman", 6, zlib.Z_HUFFMAN_ONLY), ("rle", 6, zlib.Z_RLE)]:
        c = zlib.compressobj(level, zlib.DEFLATED, -15, 8, strategy)
        raw[f"{name}-{label}"] = c.compress(data) + c.flush()
    if len(data) < 10000:
        c = zlib.compressobj(0, zlib.DEFLATED, -15)
        raw[f"{name}-stored"] = c.compress(data) + c.flush()

with open("deflate-streams.json", "w") as f:
    json.dump({k: {"deflate": base64.b64encode(v).decode(), "sha256": hashlib.sha256(samples[k.split("-")[0]]).hexdigest(),
                   "size": len(samples[k.split("-")[0]])} for k, v in sorted(raw.items())}, f, indent=1, sort_keys=True)

with zipfile.ZipFile("python.zip", "w") as z:
    z.writestr(zipfile.ZipInfo("stored.txt"), text, compress_type=zipfile.ZIP_STORED)
    z.writestr("thư mục/văn bản.txt", text, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    z.writestr("noise.bin", noise, compress_type=zipfile.ZIP_DEFLATED)
    z.writestr("empty.txt", b"", compress_type=zipfile.ZIP_DEFLATED)

# A small "zip bomb": 4 MiB of zeros in about 4 KiB (ratio about 1000:1).
with zipfile.ZipFile("bomb.zip", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("xl/worksheets/sheet1.xml", b"\0" * (4 << 20))

# Names that would climb out of a folder or start at the root.
with zipfile.ZipFile("climb.zip", "w") as z:
    z.writestr(zipfile.ZipInfo("../../etc/evil.txt"), b"x")
with zipfile.ZipFile("absolute.zip", "w") as z:
    z.writestr(zipfile.ZipInfo("/etc/evil.txt"), b"x")

# A workbook written by hand: what LibreOffice does not write (inline strings, rich text runs
# with a phonetic hint, t="str" and t="b" cells, cells without r, the 1904 date system, a
# second sheet, parts outside the usual folders, prefixed element names).
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
parts = {
    "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/></Types>',
    "_rels/.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="book/main.xml"/></Relationships>',
    "book/main.xml": f'<?xml version="1.0"?><workbook {NS}><workbookPr date1904="1"/><sheets>'
    '<sheet name="Ghi chú" sheetId="1" r:id="rA"/><sheet name="Đơn vị &amp; số liệu" sheetId="2" r:id="rB"/></sheets></workbook>',
    "book/_rels/main.xml.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rA" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/sheets/first.xml"/>'
    '<Relationship Id="rB" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="../sheets/second.xml"/>'
    '<Relationship Id="rC" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="strings.xml"/>'
    '<Relationship Id="rD" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
    '</Relationships>',
    "book/strings.xml": f'<?xml version="1.0"?><sst {NS}><si><t>Đơn vị</t></si>'
    '<si><r><rPr><b/></rPr><t>Tổ dân </t></r><r><t>phố 1</t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh></si>'
    '<si><t xml:space="preserve">  Số &lt;hồ sơ&gt; &amp; &#7853;  </t></si></sst>',
    "book/styles.xml": f'<?xml version="1.0"?><styleSheet {NS}><numFmts count="1"><numFmt numFmtId="200" formatCode="[$-42A]dd/mm/yyyy;@"/></numFmts>'
    '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="200"/><xf numFmtId="10"/></cellXfs></styleSheet>',
    "sheets/first.xml": f'<?xml version="1.0"?><worksheet {NS}><sheetData/></worksheet>',
    "sheets/second.xml": f'<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>'
    '<x:row r="2"><x:c r="B2" t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>2</x:v></x:c><x:c t="inlineStr"><x:is><x:t>Ngày</x:t></x:is></x:c>'
    '<x:c t="inlineStr"><x:is><x:t>Tỷ lệ</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>Đạt</x:t></x:is></x:c></x:row>'
    '<x:row><x:c r="B3" t="s"><x:v>1</x:v></x:c><x:c r="C3"><x:v>1250</x:v></x:c><x:c r="D3" s="1"><x:v>44970</x:v></x:c>'
    '<x:c r="E3" s="2"><x:v>0.994</x:v></x:c><x:c r="F3" t="b"><x:v>1</x:v></x:c></x:row>'
    '<x:row r="5"><x:c r="B5" t="str"><x:f>A1</x:f><x:v>Tổ 2</x:v></x:c><x:c r="C5"><x:v>2.5</x:v></x:c><x:c r="D5" t="d"><x:v>2026-02-15T00:00:00</x:v></x:c></x:row>'
    '</x:sheetData></x:worksheet>',
}
with zipfile.ZipFile("handmade.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
    for name, text in parts.items():
        z.writestr(name, text.encode())

# Workbooks broken inside, one fault each, built on the handmade parts.
def variant(name, **changes):
    with zipfile.ZipFile(name, "w", zipfile.ZIP_DEFLATED) as z:
        for part, text in {**parts, **changes}.items():
            z.writestr(part, text.encode())

def second(rows):
    return f'<?xml version="1.0"?><worksheet {NS}><sheetData>{rows}</sheetData></worksheet>'

variant("bad-shared-index.xlsx", **{"sheets/second.xml": second('<row r="1"><c r="A1" t="s"><v>7</v></c></row>')})
variant("bad-reference.xlsx", **{"sheets/second.xml": second('<row r="1"><c r="A0"><v>1</v></c></row>')})
variant("formula-error.xlsx", **{"sheets/second.xml": second(
    '<row r="1"><c r="A1" t="inlineStr"><is><t>Số</t></is></c></row><row r="2"><c r="A2" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>')})
variant("broken-xml.xlsx", **{"sheets/second.xml": second('<row r="1"><c r="A1"><v>1</v></row>')})
variant("entity.xlsx", **{"book/strings.xml": '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaa">]><sst><si><t>&a;</t></si></sst>'})
variant("outside-header.xlsx", **{"sheets/second.xml": second(
    '<row r="1"><c r="A1" t="inlineStr"><is><t>Số</t></is></c></row><row r="2"><c r="A2"><v>1</v></c><c r="C2"><v>2</v></c></row>')})
