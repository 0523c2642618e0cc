"""Embed the Korean font in a DOCX (Word's obfuscated-font format, a subset of the glyphs the
document uses), so Korean renders in Word and LibreOffice on machines without NanumGothic."""

from __future__ import annotations

import io
import re
import uuid
import zipfile

from assistant.export.fonts import FAMILY, font_files

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_FONT_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font"
_OBFUSCATED = "application/vnd.openxmlformats-officedocument.obfuscatedFont"


def _subset(path: str, text: str) -> bytes:
    import logging

    from fontTools import subset

    logging.getLogger("fontTools.subset").setLevel(logging.ERROR)
    options = subset.Options()
    options.drop_tables += ["TSI0", "TSI1", "TSI2", "TSI3", "TSI5"]
    font = subset.load_font(path, options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text + " 0123456789,.%()-:;/·")
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def _obfuscate(data: bytes, key: uuid.UUID) -> bytes:
    """ECMA-376 font obfuscation: the first 32 bytes XOR the key's bytes in reverse order."""
    k = bytes.fromhex(key.hex)[::-1]
    head = bytes(b ^ k[i % 16] for i, b in enumerate(data[:32]))
    return head + data[32:]


def embed_korean_font(docx: bytes) -> bytes:
    """The same DOCX with NanumGothic (regular and bold, subset to the text) embedded."""
    files = font_files()
    src = zipfile.ZipFile(io.BytesIO(docx))
    parts = {name: src.read(name) for name in src.namelist()}
    text = "".join(
        re.sub(r"<[^>]+>", "", parts[n].decode("utf-8"))
        for n in parts
        if n.startswith("word/") and n.endswith(".xml")
    )
    embeds = []
    for n, (path, tag) in enumerate(
        ((files.regular, "embedRegular"), (files.bold, "embedBold")), 1
    ):
        key = uuid.uuid4()
        parts[f"word/fonts/font{n}.odttf"] = _obfuscate(_subset(str(path), text), key)
        embeds.append((f"rIdFont{n}", f"fonts/font{n}.odttf", tag, key))
    rels = "".join(
        f'<Relationship Id="{rid}" Type="{_FONT_REL}" Target="{target}"/>'
        for rid, target, _, _ in embeds
    )
    parts["word/_rels/fontTable.xml.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>'
    ).encode()
    font_xml = "".join(
        f'<w:{tag} r:id="{rid}" w:fontKey="{{{str(key).upper()}}}" w:subsetted="1"/>'
        for rid, _, tag, key in embeds
    )
    table = parts["word/fontTable.xml"].decode("utf-8")
    table = table.replace(
        "</w:fonts>",
        f'<w:font w:name="{FAMILY}"><w:charset w:val="81"/>{font_xml}</w:font></w:fonts>',
    )
    parts["word/fontTable.xml"] = table.encode("utf-8")
    types = parts["[Content_Types].xml"].decode("utf-8")
    if 'Extension="odttf"' not in types:
        types = types.replace(
            "<Default ", f'<Default Extension="odttf" ContentType="{_OBFUSCATED}"/><Default ', 1
        )
    parts["[Content_Types].xml"] = types.encode("utf-8")
    settings = parts["word/settings.xml"].decode("utf-8")
    settings = re.sub(
        r"(<w:settings[^>]*>)", r"\1<w:embedTrueTypeFonts/><w:saveSubsetFonts/>", settings, count=1
    )
    parts["word/settings.xml"] = settings.encode("utf-8")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name in ["[Content_Types].xml", *[n for n in parts if n != "[Content_Types].xml"]]:
            z.writestr(name, parts[name])
    return out.getvalue()
