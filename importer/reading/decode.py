"""Bytes of a page file -> text, refusing files that are not UTF-8 text pages."""

from .errors import PageError

MAX_PAGE_BYTES = 2 * 1024 * 1024


def decode_page(filename: str, data: bytes) -> str:
    """Decode a page file as UTF-8 with Unix line endings.

    A page is a few tens of kilobytes of text; anything empty, huge or binary is a wrong file
    handed to the importer, and saying so beats importing garbage.
    """
    if not data:
        raise PageError(filename, "文件为空（0 字节）")
    if len(data) > MAX_PAGE_BYTES:
        raise PageError(filename, f"文件过大：{len(data)} 字节，上限 2 MB")
    if b"\x00" in data:
        raise PageError(filename, "文件含 NUL 字节，不是文本文件（可能是二进制文件）")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise PageError(filename, f"不是 UTF-8 编码的文本（第 {error.start} 字节处无法解码）") from error
    return text.replace("\r\n", "\n").replace("\r", "\n")
