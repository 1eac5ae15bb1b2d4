"""Many files: a folder tree of inputs to a mirrored tree of outputs, resumable, nothing lost.

``newslayout batch IN OUT`` (``run_batch``) converts every PDF under IN, or the files that
``--glob`` names, to ``OUT/<same folders>/<stem>.<ext>`` per format. XML inputs (ALTO pages,
METS issues) are named with ``--glob`` rather than found by default, since an issue's METS file
and the ALTO pages it references would otherwise both be converted.

The package, one concern a module:

- ``convert``: one input into an output folder, page by page (``convert_file``: what a
  worker runs, and what a Dask, Spark or Airflow job can map over paths);
- ``outputs`` and ``atomic``: every output file written atomically, never over an input
  (also what ``newslayout convert`` and ``view`` write through);
- ``isolate``: one file in its own process, killed at its time limit, crashing alone;
- ``report``: the JSON-lines report and resuming from it;
- ``run``: finding the inputs and running them over local worker processes;
- ``progress``: the progress bar; ``on_dask``: the same tasks on a Dask cluster;
- ``many``: ``reconstruct_many``, the library's call for many files without writing any.

How it holds up at archive scale: a file's pages stream through the writers one at a time, so
a 1,000-page PDF costs the memory of a page; each file runs in a process of its own, so a hang
or a crash costs that file only; each output appears complete or not at all; and the report
gets one synced line per input, so a killed batch resumes where it stopped.

Its names are imported on first use: ``convert`` and ``view`` write through ``atomic`` and
``outputs`` alone, and the process pools, threads and logging that ``run`` and ``many`` bring
cost a one-page conversion more start-up time than its analysis.
"""

from importlib import import_module

# Each public name and the module of the package that defines it.
_HOMES = {"REPORT_NAME": "report", "convert_file": "convert", "find_inputs": "run",
          "reconstruct_many": "many", "run_batch": "run"}

__all__ = ["REPORT_NAME", "convert_file", "find_inputs", "reconstruct_many", "run_batch"]


def __getattr__(name: str):
    if name in _HOMES:
        return getattr(import_module(f"{__name__}.{_HOMES[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
