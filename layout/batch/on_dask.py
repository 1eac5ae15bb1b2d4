"""A batch on a Dask cluster: the same per-file tasks, time limits, report and resume.

Workers must see the input and output folders at the same paths, and be non-daemonic
processes to start one process per file (``--dask local`` makes them so; elsewhere start them
with ``DASK_DISTRIBUTED__WORKER__DAEMON=False``).
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
from collections.abc import Callable
from itertools import islice

from ..errors import UsageError
from .isolate import Task, record_of, run_isolated, warm_up
from .progress import ProgressBar


def run_dask(address: str, tasks: list[Task], workers: int, timeout: float | None,
             bar: ProgressBar, finish: Callable[[Task, dict], None]) -> None:
    """The same per-file tasks on a Dask cluster, at most two per worker thread in flight."""
    try:
        from dask.distributed import as_completed
    except ImportError:
        raise UsageError("--dask needs Dask: pip install 'newslayout[dask]'") from None
    with _dask_client(address, workers) as client:
        if any(client.run(_is_daemon).values()):
            raise UsageError(f"the Dask workers of {address} are daemonic processes, which "
                             "cannot start a process per file: start them with "
                             "DASK_DISTRIBUTED__WORKER__DAEMON=False")
        client.run(warm_up)
        bar.restart()
        queue = iter(tasks)
        by_key: dict[str, Task] = {}

        def submit(task: Task):
            future = client.submit(run_isolated, task, timeout, pure=False)
            by_key[future.key] = task
            return future

        width = 2 * sum(client.nthreads().values())
        running = as_completed([submit(t) for t in islice(queue, width)])
        for future in running:
            task = by_key.pop(future.key)
            if future.status == "finished":
                finish(task, future.result())
            else:  # the task itself failed on the cluster (a lost worker, an error in Dask)
                e = future.exception()
                finish(task, record_of(task, "failed", f"{type(e).__name__}: {e}"))
            future.release()
            for nxt in islice(queue, 1):
                running.add(submit(nxt))


@contextlib.contextmanager
def _dask_client(address: str, workers: int):
    """A client of the scheduler at ``address``, or of a new local cluster for "local"."""
    import dask
    from dask.distributed import Client, LocalCluster

    with contextlib.ExitStack() as stack:
        if address == "local":
            with dask.config.set({"distributed.worker.daemon": False}):
                cluster = stack.enter_context(LocalCluster(
                    n_workers=workers, threads_per_worker=1, processes=True,
                    dashboard_address=":0", silence_logs=40))
            client = stack.enter_context(Client(cluster))
        else:
            try:
                client = stack.enter_context(Client(address, timeout=30))
            except OSError as e:
                raise UsageError(f"cannot reach the Dask scheduler at {address}: {e}") from e
        yield client


def _is_daemon() -> bool:
    return mp.current_process().daemon
