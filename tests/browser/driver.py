"""Drive one notebook in JupyterLab through ``window.jupyterapp``, as a learner's clicks would.

:func:`run_notebook` clears the notebook's outputs, runs every cell with JupyterLab's own *Run
Selected Cell and All Below* (after a cell fails, it carries on from the next cell not run yet, as
a learner would who has not done that exercise yet) and reports each cell's outputs.
:func:`kernel_print` runs code in the notebook's kernel and returns what it printed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

_OPEN = """
async (path) => {
  const app = window.jupyterapp;
  const panel = await app.commands.execute('docmanager:open', {path, factory: 'Notebook'});
  await panel.context.ready;
  await panel.sessionContext.ready;
  while (!panel.sessionContext.session || !panel.sessionContext.session.kernel) {
    await new Promise(r => setTimeout(r, 200));
  }
  return panel.content.widgets.length;
}
"""

_RUN = """
async () => {
  const app = window.jupyterapp;
  const panel = app.shell.currentWidget;
  const nb = panel.content;
  await app.commands.execute('notebook:clear-all-cell-outputs');  // and execution counts
  const pending = (from) => nb.widgets.findIndex((c, j) => j >= from && c.model.type === 'code'
    && c.model.sharedModel.getSource().trim() && c.model.executionCount === null);
  // JupyterLab stops at a failing cell: carry on from the first cell that has not run yet. A
  // request sent right after an error may be aborted by the kernel too: that cell is tried again.
  for (let i = pending(0), tries = 0; i >= 0 && tries < 3;) {
    nb.activeCellIndex = i;
    await app.commands.execute('notebook:run-all-below');
    const next = pending(i);
    tries = next === i ? tries + 1 : 0;
    if (tries) await new Promise(r => setTimeout(r, 500));
    i = next;
  }
  return nb.widgets.map((c, index) => ({
    index,
    type: c.model.type,
    source: c.model.sharedModel.getSource(),
    count: c.model.type === 'code' ? c.model.executionCount : null,
    outputs: c.model.type === 'code' ? c.model.outputs.toJSON().map(o => ({
      type: o.output_type,
      ename: o.ename || null,
      evalue: o.evalue || null,
      mimes: Object.keys(o.data || {}),
    })) : [],
    text: c.node.querySelector('.jp-Cell-outputArea') ?
      c.node.querySelector('.jp-Cell-outputArea').textContent : '',
  }));
}
"""

_KERNEL = """
async (code) => {
  const panel = window.jupyterapp.shell.currentWidget;
  const kernel = panel.sessionContext.session.kernel;
  const future = kernel.requestExecute({code, silent: false, store_history: false});
  let out = '';
  future.onIOPub = (msg) => {
    if (msg.header.msg_type === 'stream') out += msg.content.text;
    if (msg.header.msg_type === 'error') {
      out += 'ERROR ' + msg.content.ename + ': ' + msg.content.evalue;
    }
  };
  await future.done;
  return out;
}
"""

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"


@dataclass
class Cell:
    """One cell after the run: its source, execution count, outputs and the text shown."""

    index: int
    type: str
    source: str
    count: int | None
    outputs: list[dict] = field(default_factory=list)
    text: str = ""

    @property
    def errors(self) -> list[dict]:
        return [o for o in self.outputs if o["type"] == "error"]

    @property
    def pictures(self) -> int:
        """Figures and widgets this cell displays."""
        return sum(1 for o in self.outputs
                   if "image/png" in o["mimes"] or WIDGET_MIME in o["mimes"])


def open_notebook(page, lab, path: str, timeout: float = 120_000) -> int:
    """Open JupyterLab (if needed) and the notebook at ``path``; return its number of cells."""
    if not page.url.startswith(lab.url):
        page.goto(lab.page_url("/lab"))
        page.wait_for_function("window.jupyterapp && window.jupyterapp.started !== undefined",
                               timeout=timeout)
        page.evaluate("window.jupyterapp.started")
        page.wait_for_selector(".jp-LabShell", timeout=timeout)
    page.set_default_timeout(timeout)
    return page.evaluate(_OPEN, path)


def run_notebook(page) -> list[Cell]:
    """Run every cell of the current notebook (carrying on after a failing cell)."""
    return [Cell(**c) for c in page.evaluate(_RUN)]


def kernel_print(page, code: str) -> str:
    """Run ``code`` in the current notebook's kernel and return what it printed."""
    return page.evaluate(_KERNEL, code)


def unexpected_errors(cells: list[Cell]) -> list[str]:
    """Errors other than an unfinished exercise (``NotImplementedError``, directly or as the
    cause a check reports)."""
    found = []
    for cell in cells:
        for error in cell.errors:
            said = f"{error['ename']}: {error['evalue']}"
            if "NotImplementedError" not in said:
                found.append(f"cell {cell.index}: {said[:300]}")
    return found


_CANVAS_BOX = """
(label) => {
  const panel = window.jupyterapp.shell.currentWidget;
  const figure = Array.from(panel.content.node.querySelectorAll('.jupyter-matplotlib'))
    .find(f => f.querySelector('.jupyter-matplotlib-header').textContent === label);
  const el = figure.querySelector('.jupyter-matplotlib-canvas-div');
  el.scrollIntoView({block: 'center'});
  const r = el.getBoundingClientRect();
  return {x: r.x, y: r.y, width: r.width, height: r.height};
}
"""


def figure_box(page, label: str) -> dict:
    """Bounding box (CSS pixels) of the live matplotlib figure labelled ``label`` ("Figure 3",
    ipympl's hidden header) in the current notebook."""
    return page.evaluate(_CANVAS_BOX, label)


def click_data_point(page, fig: str, ax: str, x: float, y: float) -> None:
    """Click the live figure ``fig`` (a name in the kernel) where its axes ``ax`` show (x, y)."""
    where = kernel_print(page, (
        "import json\n"
        f"_p = {ax}.transData.transform(({x}, {y}))\n"
        f"_w, _h = {fig}.canvas.get_width_height()\n"
        f"print(json.dumps([float(_p[0]), float(_p[1]), _w, _h, {fig}.canvas._figure_label]))\n"
    ))
    px, py, width, height, label = json.loads(where.strip().splitlines()[-1])
    box = figure_box(page, label)
    page.mouse.click(box["x"] + px * box["width"] / width,
                     box["y"] + (height - py) * box["height"] / height)
