"""Put a submission's nbgrader structure back as the source notebook had it, before session."""

from __future__ import annotations

from typing import Any


def _preprocessor_base() -> type:
    from nbgrader.preprocessors import NbGraderPreprocessor  # noqa: PLC0415

    return NbGraderPreprocessor


class RepairCells(_preprocessor_base()):  # type: ignore[misc]
    """Undo a submission's edits to the nbgrader structure before nbgrader reads it.

    Runs first when a submission is sanitized:

    * every cell whose ``grade_id`` is in the gradebook gets its nbgrader metadata back (grade,
      solution, locked, task, points, schema): a test cell turned into an answer cell, an
      ungraded cell or a cell of another schema version is a test cell again (stock nbgrader
      either keeps the change or stops grading the notebook with "Inconsistent checksums");
    * nbgrader metadata with an unknown or missing ``grade_id`` is removed (a plain cell);
    * deleted test cells are put back after the cell that precedes them in the source
      notebook: nbgrader scores a test from its cell, so deleting one must not remove it.

    Deleted given cells (imports, given functions) are not put back: the tests run in the
    trusted process (:mod:`mml.grading.trusted`) with the gradebook's given code, and never take
    a name that given code binds from the student's kernel, so deleting one can only break the
    student's own answers. nbgrader's own ``OverwriteCells`` then restores the source of every
    locked cell.
    """

    def preprocess(self, nb: Any, resources: Any) -> Any:
        from nbformat.v4 import new_code_cell, new_markdown_cell  # noqa: PLC0415
        from nbgrader.api import Gradebook  # noqa: PLC0415

        meta = resources["nbgrader"]
        with Gradebook(meta["db_url"]) as gb:
            source_nb = gb.find_notebook(meta["notebook"], meta["assignment"])
            source = [
                (c.name, c.cell_type, c.source, bool(c.locked), c.checksum)
                for c in source_nb.source_cells
            ]
            points = {c.name: float(c.max_score) for c in source_nb.grade_cells}
            solutions = {c.name for c in source_nb.solution_cells}
            tasks = {c.name for c in source_nb.task_cells}
        known = {name: (cell_type, locked) for name, cell_type, _, locked, _ in source}

        def truth(name: str, locked: bool) -> dict:
            data = {
                "grade": name in points, "solution": name in solutions, "locked": locked,
                "task": name in tasks, "grade_id": name, "schema_version": 3,
            }
            if name in points:
                data["points"] = points[name]
            return data

        for cell in nb.cells:
            nbg = cell.get("metadata", {}).get("nbgrader")
            if nbg is None:
                continue
            name = nbg.get("grade_id") if isinstance(nbg, dict) else None
            if not isinstance(name, str) or name not in known:
                del cell.metadata["nbgrader"]
                continue
            checksum = nbg.get("checksum")
            cell.metadata["nbgrader"] = truth(name, known[name][1])
            if checksum is not None:
                cell.metadata["nbgrader"]["checksum"] = checksum

        def positions() -> dict[str, int]:
            found: dict[str, int] = {}
            for index, cell in enumerate(nb.cells):
                gid = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
                if gid:
                    found.setdefault(gid, index)
            return found

        present = positions()
        order = [name for name, *_ in source]
        for position, (name, cell_type, text, locked, checksum) in enumerate(source):
            if name in present or name not in points:
                continue
            maker = new_code_cell if cell_type == "code" else new_markdown_cell
            cell = maker(text)
            cell.metadata["nbgrader"] = {**truth(name, locked), "checksum": checksum}
            cell.metadata["editable"] = False
            cell.metadata["deletable"] = False
            insert_at = 0
            for previous in reversed(order[:position]):
                if previous in present:
                    insert_at = present[previous] + 1
                    break
            nb.cells.insert(insert_at, cell)
            self.log.warning("Restored deleted cell %s", name)
            present = positions()
        return nb, resources
