import { Children, type ReactElement, type ReactNode, cloneElement, isValidElement } from "react";

/**
 * Gives each cell of each row the name of its column (`data-label`), which the card layout shows above the value,
 * and explicit table roles: Chromium drops a table's semantics once CSS changes its `display` (the card layout).
 */
export function labelCells(children: ReactNode, columns: readonly string[]): ReactNode {
  return Children.map(children, (row) => {
    if (!isValidElement<{ children?: ReactNode }>(row)) return row;
    let column = 0;
    const cells = Children.map(row.props.children, (cell) => {
      if (!isValidElement(cell)) return cell;
      const label = columns[column++];
      return label === undefined ? cell : cloneElement(cell as ReactElement<Record<string, unknown>>, { "data-label": label, role: "cell" });
    });
    return cloneElement(row as ReactElement<Record<string, unknown>>, { role: "row" }, cells);
  });
}

/**
 * A list page's table (audit, targets, members): a bordered table with a labelled header row on a wide screen;
 * on a narrow one (under 640 px) each row becomes a card whose values are headed by their column's name, so no
 * column hides off-screen and no word is broken to fit. The rows are the caller's `<tr>` elements.
 * The wide layout's scroll box is focusable and labelled, so a keyboard can scroll it.
 */
export function DataTable({ label, columns, children }: { label: string; columns: readonly string[]; children: ReactNode }) {
  return (
    <div className="data-table overflow-x-auto rounded-lg border border-slate-200 bg-white max-sm:border-0 max-sm:bg-transparent" tabIndex={0} role="region" aria-label={`${label} (scrollable)`}>
      <table className="w-full text-left text-sm" aria-label={label} role="table">
        <thead className="bg-slate-50 text-slate-700" role="rowgroup">
          <tr role="row">
            {columns.map((column) => (
              <th key={column} scope="col" role="columnheader" className="px-3 py-2 font-medium">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup">{labelCells(children, columns)}</tbody>
      </table>
    </div>
  );
}
