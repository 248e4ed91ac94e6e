"""Property-based fuzzing of every importer: no crash, a clear InputError per bad file, good text kept exactly."""

from __future__ import annotations

import csv
import io
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.core.model import Article
from desktop_app.errors import E, InputError
from desktop_app.io.importers import READERS, read_inputs

from .texts import tricky_text

FORMATS = ("txt", "jsonl", "csv")


def _read(path: Path) -> list[Article | InputError]:
    items = list(read_inputs([path]))
    for item in items:
        assert isinstance(item, Article | InputError), item
        if isinstance(item, InputError):
            assert item.code.name.startswith("E0")  # an input-file error from the catalogue
            assert str(path) in str(item)  # names the file
    return items


@given(data=st.binary(max_size=3000), suffix=st.sampled_from(FORMATS))
def test_random_bytes_never_crash(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"random.{suffix}"
        path.write_bytes(data)
        items = _read(path)
        for item in items:
            if isinstance(item, Article):
                assert item.text.strip()
                assert item.text in data.decode("utf-8", errors="replace") or suffix != "txt"


ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-32")


@given(text=tricky_text, encoding=st.sampled_from(ENCODINGS))
def test_txt_keeps_text_exactly(text: str, encoding: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "a.txt"
        path.write_bytes(text.encode(encoding))
        items = _read(path)
        expected = text[1:] if text.startswith("\ufeff") and encoding == "utf-8" else text
        if not expected.strip():  # only a byte-order mark: nothing to import
            assert [i.code for i in items if isinstance(i, InputError)] == [E.E001]
            return
        assert len(items) == 1 and isinstance(items[0], Article), items
        assert items[0].text == expected


@given(text=tricky_text.filter(lambda t: any(ord(c) > 255 for c in t)),
       encoding=st.sampled_from(["cp1252", "latin-1", "koi8-r", "shift_jis", "gb18030"]))
def test_legacy_encodings_are_an_error_or_exact(text: str, encoding: str) -> None:
    """Never mojibake: text in a legacy 8-bit encoding is either valid UTF-8 by chance or refused with E003."""
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode(encoding, errors="replace")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "legacy.txt"
        path.write_bytes(data)
        items = _read(path)
        assert len(items) == 1
        if isinstance(items[0], Article):
            assert items[0].text.encode("utf-8") == data.removeprefix(b"\xef\xbb\xbf")
        else:
            assert items[0].code in (E.E001, E.E002, E.E003)


@given(texts=st.lists(tricky_text, min_size=1, max_size=8), crlf=st.booleans(), bom=st.booleans())
def test_jsonl_keeps_every_text_exactly(texts: list[str], crlf: bool, bom: bool) -> None:
    end = "\r\n" if crlf else "\n"
    body = end.join(json.dumps({"text": t, "title": "T"}, ensure_ascii=False) for t in texts) + end
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "a.jsonl"
        path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + body.encode("utf-8"))
        items = _read(path)
        assert [i.text for i in items if isinstance(i, Article)] == [t for t in texts], items


@given(rows=st.lists(st.tuples(tricky_text, tricky_text), min_size=1, max_size=6),
       delimiter=st.sampled_from([",", ";", "\t"]))
def test_csv_keeps_every_text_exactly(rows: list[tuple[str, str]], delimiter: str) -> None:
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, delimiter=delimiter, quoting=csv.QUOTE_MINIMAL)
    writer.writerow(["title", "text"])
    writer.writerows(rows)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "a.csv"
        path.write_bytes(buf.getvalue().encode("utf-8"))
        items = _read(path)
        assert [i.text for i in items if isinstance(i, Article)] == [t for _, t in rows], items


@given(files=st.lists(st.tuples(st.sampled_from(FORMATS), st.one_of(tricky_text, st.binary(max_size=200))),
                      min_size=1, max_size=6))
def test_folder_gives_one_result_per_file(files: list[tuple[str, str | bytes]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        (folder / "sub").mkdir(parents=True)
        for i, (fmt, content) in enumerate(files):
            target = folder / ("sub" if i % 2 else "") / f"f{i}.{fmt}"
            if isinstance(content, str):
                if fmt == "jsonl":
                    content = json.dumps({"text": content}, ensure_ascii=False) + "\n"
                elif fmt == "csv":
                    buf = io.StringIO(newline="")
                    csv.writer(buf).writerows([["text"], [content]])
                    content = buf.getvalue()
                target.write_bytes(content.encode("utf-8"))
            else:
                target.write_bytes(content)
        items = list(read_inputs([folder]))
        assert all(isinstance(i, Article | InputError) for i in items)
        sources = {i.meta.get("source") for i in items if isinstance(i, Article)}
        failed = {Path(str(i.where).split(":")[0]).name for i in items if isinstance(i, InputError)}
        for i, (fmt, content) in enumerate(files):
            name = f"f{i}.{fmt}"
            if isinstance(content, str):
                assert name in sources, (name, items)
            else:
                assert name in sources or name in failed, (name, items)


@pytest.mark.parametrize("fmt", FORMATS)
def test_empty_file_is_e001(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"empty.{fmt}"
    path.write_bytes(b"")
    items = _read(path)
    assert [i.code for i in items if isinstance(i, InputError)] == [E.E001]
    assert not [i for i in items if isinstance(i, Article)]




def _big_text() -> str:
    para = "The minister said \u201cwe will act\u201d \u2014 \u05e9\u05dc\u05d5\u05dd \U0001f44d\U0001f3fd caf\u00e9. "
    text = para * (10_000_000 // len(para.encode("utf-8")) + 1)
    return text


@pytest.mark.parametrize("fmt", FORMATS)
def test_ten_megabyte_single_article(tmp_path: Path, fmt: str) -> None:
    text = _big_text()
    path = tmp_path / f"big.{fmt}"
    if fmt == "txt":
        path.write_text(text, encoding="utf-8", newline="")
    elif fmt == "jsonl":
        path.write_text(json.dumps({"text": text}, ensure_ascii=False) + "\n", encoding="utf-8")
    else:
        with path.open("w", encoding="utf-8", newline="") as fh:
            csv.writer(fh).writerows([["text"], [text]])
    assert len(path.read_bytes()) >= 10_000_000
    items = _read(path)
    assert len(items) == 1 and isinstance(items[0], Article), [str(i) for i in items if isinstance(i, InputError)]
    assert items[0].text == text


ALL_READERS = sorted(READERS)
SUFFIX = {"txt": ".txt", "jsonl": ".jsonl", "csv": ".csv", "prodigy": ".jsonl", "doccano": ".jsonl",
          "brat": ".txt", "spacy": ".spacy"}


@given(data=st.binary(max_size=2000), fmt=st.sampled_from(ALL_READERS),
       prefix=st.sampled_from([b"", b"{\"text\": \"x\"}\n", b"\xef\xbb\xbf", b"T1\tPERSON 0 3\tabc\n", b"\x83\xa5"]))
def test_every_registered_reader_survives_random_bytes(data: bytes, fmt: str, prefix: bytes) -> None:
    """Each reader, forced with --format, on junk: only Articles and catalogued InputErrors come out."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"junk{SUFFIX.get(fmt, '.dat')}"
        path.write_bytes(prefix + data)
        if fmt == "brat":
            path.with_suffix(".ann").write_bytes(data[::-1])
        items = list(read_inputs([path], fmt))
        for item in items:
            assert isinstance(item, Article | InputError), item
            if isinstance(item, Article):
                assert item.text
                for e in item.entities:
                    assert 0 <= e.start < e.end <= len(item.text)
