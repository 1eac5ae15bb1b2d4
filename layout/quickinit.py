"""Quicker constructors of the model's most made values (``model.Box``, ``Word``, ``Line``,
``Block``): a large page makes 10^5 boxes and words. A frozen dataclass's own ``__init__``
writes each field through ``object.__setattr__`` by name, and setting each slot through its
descriptor instead is still a call a field. ``quicken`` gives each class a ``__new__`` taking
the same fields in the same order with the same defaults that makes a value of a plain class
with the same slots, writes the fields as plain attributes (Python's quickest store), then
makes the value one of the model's class (``__class__``, which Python allows between classes
of the same slots). The value is the dataclass's in all but how it was made: frozen,
compared, hashed, replaced, copied and pickled as one. Callgrind, 44 k values made: a Box
2.6 k instructions (4.4 k through the descriptors, 1.9 k for a plain class), a Word 4.3 k
(8.5 k). Kept apart from ``model.py`` for that module's length; ``model`` calls ``quicken``
once its classes are defined.
"""

from __future__ import annotations

from dataclasses import MISSING, fields


def quicken(*classes: type) -> None:
    """Give each of the model's frozen, slotted dataclasses its quicker ``__new__``
    (``_new_of``); their ``__init__`` becomes ``object.__init__`` (``__new__`` sets every
    field), and a value is pickled and copied as its constructor's call with its fields
    (``_reduce``)."""
    for cls in classes:
        cls.__new__ = _new_of(cls)
        cls.__init__ = object.__init__
        cls.__reduce__ = _reduce


def _reduce(value: object) -> tuple:
    """The value's class and its fields in order: pickle's default would call ``__new__``
    with none."""
    return type(value), tuple(value.__getstate__())


def _new_of(cls: type):
    """``cls.__new__`` written out from its fields, as ``dataclasses`` writes an ``__init__``:
    one plain store a field into a value of a plain class of its slots (the code is made from
    the fields, so it takes them in their order with their defaults, and cannot drift from
    them). The plain value is made by calling its class, which ``type.__call__`` does on its
    quick path for a class of no ``__new__`` nor ``__init__`` of its own: ``object.__new__``
    called with the class costs twice as much (110 against 51 ns; a Box made 209 → 139 ns,
    a Word 331 → 202 ns)."""
    names = [f.name for f in fields(cls)]
    defaults = {f"_default_{f.name}": f.default for f in fields(cls) if f.default is not MISSING}
    params = ", ".join(f"{n}=_default_{n}" if f"_default_{n}" in defaults else n for n in names)
    stores = "".join(f"    value.{n} = {n}\n" for n in names)
    source = (f"def __new__(cls, {params}):\n    value = _fields_of()\n{stores}"
              "    value.__class__ = cls\n    return value\n")
    namespace = {"_fields_of": type(f"_{cls.__name__}Fields", (), {"__slots__": cls.__slots__}),
                 **defaults}
    exec(source, namespace)  # noqa: S102 (code made from the class's own field names)
    new = namespace["__new__"]
    new.__qualname__ = f"{cls.__name__}.__new__"
    return new
