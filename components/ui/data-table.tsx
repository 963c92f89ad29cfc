import { Children, type ReactElement, type ReactNode, cloneElement, isValidElement } from "react";

/** Gives each cell of each row the name of its column (`data-label`), which the card layout shows above the value. */
export function labelCells(children: ReactNode, columns: readonly string[]): ReactNode {
  return Children.map(children, (row) => {
    if (!isValidElement<{ children?: ReactNode }>(row)) return row;
    let column = 0;
    const cells = Children.map(row.props.children, (cell) => {
      if (!isValidElement(cell)) return cell;
      const label = columns[column++];
      return label === undefined ? cell : cloneElement(cell as ReactElement<Record<string, unknown>>, { "data-label": label });
    });
    return cloneElement(row, {}, cells);
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
      <table className="w-full text-left text-sm" aria-label={label}>
        <thead className="bg-slate-50 text-slate-700">
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col" className="px-3 py-2 font-medium">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{labelCells(children, columns)}</tbody>
      </table>
    </div>
  );
}
