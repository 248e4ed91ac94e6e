"""Rewrite a frozen bundle's ICU data library with only the parts Qt can reach (~32 MB -> ~12 MB).

    python packaging/slim_icu.py BUNDLE/_internal/PySide6/Qt/lib/libicudata.so.NN

Why this is safe: Qt is the only user of ICU in the bundle, and of ICU it calls only converters
(ucnv_*), collation (ucol_*), case mapping (u_strToUpper/Lower) and time-zone names (ucal_*);
QtGui and every other library import no ICU symbol (``nm -D --undefined-only``). So the data trees
for break iteration, units, currencies, language and region names, transliteration and spelled-out
numbers (brkitr/ unit/ curr/ lang/ region/ translit/ rbnf/) can never be read, and the multi-byte
CJK converter tables (the .cnv files over 64 KB) are read only when someone asks Qt, not Python,
for such an encoding, which NewsGold never does (imports are decoded by Python). Collation, time-zone
and locale bundles, the alias table and the small converter tables all stay. ICU reports missing
data as an error code, never a crash; ``newsgold self-test`` checks that collation still works.

The data library holds one symbol, ``icudtNN_dat``: an ICU "common data" package (a header, then a
table of contents of item names and offsets, then the items). This keeps the header, drops items
from the table, and assembles a new library with the same soname and symbol using binutils'
``as`` and ``ld`` (which the build already needs for ``strip``).
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

DROPPED_TREES = ("brkitr/", "unit/", "curr/", "lang/", "region/", "translit/", "rbnf/")
BIG_CONVERTER = 64 * 1024


def _sections(elf: bytes) -> list[tuple[str, int, int, int, int, int]]:
    """(name, type, addr, offset, size, link) of each section of a little-endian ELF64 file."""
    if elf[:4] != b"\x7fELF" or elf[4] != 2 or elf[5] != 1:
        raise SystemExit("slim_icu: not a little-endian ELF64 library")
    shoff, = struct.unpack_from("<Q", elf, 0x28)
    shentsize, shnum, shstrndx = struct.unpack_from("<HHH", elf, 0x3A)
    raw = [struct.unpack_from("<IIQQQQII", elf, shoff + i * shentsize) for i in range(shnum)]
    strtab_off = raw[shstrndx][4]

    def name(off: int) -> str:
        end = elf.index(b"\0", strtab_off + off)
        return elf[strtab_off + off:end].decode()

    return [(name(s[0]), s[1], s[3], s[4], s[5], s[6]) for s in raw]


def find_data(elf: bytes) -> tuple[str, bytes]:
    """The icudtNN_dat symbol's name and bytes."""
    secs = _sections(elf)
    dynsym = next(s for s in secs if s[0] == ".dynsym")
    strtab = secs[dynsym[5]]
    for i in range(dynsym[4] // 24):
        st_name, _info, _other, shndx, value, size = struct.unpack_from("<IBBHQQ", elf, dynsym[3] + i * 24)
        end = elf.index(b"\0", strtab[3] + st_name)
        sym = elf[strtab[3] + st_name:end].decode()
        if re.fullmatch(r"icudt\d+_dat", sym):
            sec = secs[shndx]
            start = value - sec[2] + sec[3]
            return sym, elf[start:start + size]
    raise SystemExit("slim_icu: no icudtNN_dat symbol: not an ICU data library")


def read_package(data: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """The package header and its (name, bytes) items, in table order."""
    header_size, magic1, magic2 = struct.unpack_from("<HBB", data, 0)
    if (magic1, magic2) != (0xDA, 0x27) or data[12:16] != b"CmnD":
        raise SystemExit("slim_icu: the symbol holds no ICU common data package")
    count, = struct.unpack_from("<I", data, header_size)
    entries = [struct.unpack_from("<II", data, header_size + 4 + 8 * i) for i in range(count)]
    items = []
    for i, (name_off, data_off) in enumerate(entries):
        name_end = data.index(b"\0", header_size + name_off)
        end = entries[i + 1][1] if i + 1 < count else len(data) - header_size
        items.append((data[header_size + name_off:name_end].decode(), data[header_size + data_off:header_size + end]))
    return data[:header_size], items


def keep(name: str, blob: bytes) -> bool:
    local = name.split("/", 1)[1] if "/" in name else name
    if local.startswith(DROPPED_TREES):
        return False
    return not (local.endswith(".cnv") and len(blob) > BIG_CONVERTER)


def write_package(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    """A package in ICU's layout: names after the table, each item 16-byte aligned."""
    table_len = 4 + 8 * len(items)
    names = b""
    name_offs = []
    for name, _ in items:
        name_offs.append(table_len + len(names))
        names += name.encode() + b"\0"
    body = bytearray(names)
    data_offs = []
    for _, blob in items:
        while (len(header) + table_len + len(body)) % 16:
            body += b"\xaa"  # ICU's own padding byte
        data_offs.append(table_len + len(body))
        body += blob
    table = struct.pack("<I", len(items)) + b"".join(struct.pack("<II", n, d) for n, d in zip(name_offs, data_offs, strict=True))
    return header + table + bytes(body)


def build_library(symbol: str, soname: str, package: bytes, out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        blob = Path(tmp) / "icu.dat"
        blob.write_bytes(package)
        asm = Path(tmp) / "icu.s"
        asm.write_text(
            f'\t.section .rodata\n\t.globl {symbol}\n\t.type {symbol}, @object\n\t.balign 16\n'
            f'{symbol}:\n\t.incbin "{blob}"\n\t.size {symbol}, .-{symbol}\n'
            '\t.section .note.GNU-stack,"",@progbits\n')
        obj = Path(tmp) / "icu.o"
        subprocess.run(["as", "--64", "-o", str(obj), str(asm)], check=True)
        subprocess.run(["ld", "-shared", f"-soname={soname}", "-z", "noexecstack", "-o", str(out), str(obj)],
                       check=True)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    lib = Path(argv[0])
    if shutil.which("as") is None or shutil.which("ld") is None:
        print("slim_icu: binutils' as/ld not found; ICU data left whole", file=sys.stderr)
        return 0
    symbol, data = find_data(lib.read_bytes())
    header, items = read_package(data)
    kept = [(n, b) for n, b in items if keep(n, b)]
    package = write_package(header, kept)
    if read_package(package)[1] != kept:
        raise SystemExit("slim_icu: the rewritten package does not read back")
    new = lib.with_name(lib.name + ".slim")
    build_library(symbol, lib.name, package, new)
    if find_data(new.read_bytes()) != (symbol, package):
        raise SystemExit("slim_icu: the new library does not hold the package")
    before = lib.stat().st_size
    new.replace(lib)
    print(f"slim_icu: {lib.name}: kept {len(kept)} of {len(items)} items, "
          f"{before / 1e6:.1f} MB -> {lib.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
