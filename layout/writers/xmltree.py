"""Small builders for XML trees in one namespace, shared by the archive writers."""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree


def namespaced(namespace: str) -> tuple[Callable[[str], str], Callable[..., etree._Element],
                                        Callable[..., etree._Element]]:
    """``(q, el, sub)`` for ``namespace``: the qualified tag name, a new element, a new child."""
    def q(tag: str) -> str:
        return f"{{{namespace}}}{tag}"

    def el(tag: str, **attrs: str) -> etree._Element:
        return etree.Element(q(tag), attrs)

    def sub(parent: etree._Element, tag: str, **attrs: str) -> etree._Element:
        return etree.SubElement(parent, q(tag), attrs)

    return q, el, sub
