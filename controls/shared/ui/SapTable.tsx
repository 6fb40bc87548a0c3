/**
 * A list of SAP documents: a Fluent DetailsList with sortable column headers (click or Enter;
 * aria-sort tells screen readers the order), optional single selection (click, arrow keys,
 * space), and every row rendered so that the whole list is in the accessibility tree.
 */

import { CheckboxVisibility, DetailsList, DetailsListLayoutMode, Selection, SelectionMode, type IColumn } from '@fluentui/react';
import * as React from 'react';
import { sortRows, type SortOrder, type SortValue } from '../list/rows';

export interface TableColumn<T> {
  key: string;
  name: string;
  minWidth: number;
  maxWidth?: number;
  /** Right-align amounts and quantities. */
  numeric?: boolean;
  /** Wrap long text (messages) instead of cutting it. */
  isMultiline?: boolean;
  /** The value the column sorts by; a column without one is not sortable. */
  sortValue?: (row: T) => SortValue;
  render: (row: T) => React.ReactNode;
}

export interface SapTableProps<T> {
  rows: readonly T[];
  columns: readonly TableColumn<T>[];
  rowKey: (row: T) => string;
  ariaLabel: string;
  locale: string;
  initialSort?: SortOrder;
  /** Makes rows selectable; called with the selected row, or undefined when none is. */
  onSelect?: (row: T | undefined) => void;
}

const renderNothing = (): null => null;

export function SapTable<T>(props: SapTableProps<T>): React.ReactElement {
  const { columns, locale, onSelect } = props;
  const [sort, setSort] = React.useState<SortOrder | undefined>(props.initialSort);
  const onSelectRef = React.useRef(onSelect);
  onSelectRef.current = onSelect;

  // One selection for the table's life; rowKey is stable per table.
  const selection = React.useMemo((): Selection => {
    const created: Selection = new Selection({
      onSelectionChanged: (): void => onSelectRef.current?.(created.getSelection()[0] as T | undefined),
      getKey: (item) => props.rowKey(item as T),
    });
    return created;
  }, []);

  const sortedRows = React.useMemo(() => {
    const column = columns.find((candidate) => candidate.key === sort?.columnKey);
    return column?.sortValue && sort ? sortRows(props.rows, column.sortValue, sort.descending, locale) : [...props.rows];
  }, [props.rows, columns, sort, locale]);

  const fluentColumns = React.useMemo<IColumn[]>(
    () =>
      columns.map((column) => ({
        key: column.key,
        name: column.name,
        minWidth: column.minWidth,
        maxWidth: column.maxWidth,
        isResizable: true,
        isMultiline: column.isMultiline,
        isSorted: sort?.columnKey === column.key,
        isSortedDescending: sort?.columnKey === column.key && sort.descending,
        className: column.numeric ? 'ecc365-numeric' : undefined,
        styles: column.numeric ? { cellTitle: { justifyContent: 'flex-end' } } : undefined,
        onRender: (row: T) => (column.numeric ? <div style={{ textAlign: 'right' }}>{column.render(row)}</div> : column.render(row)),
        onColumnClick: column.sortValue
          ? () => setSort((current) => ({ columnKey: column.key, descending: current?.columnKey === column.key ? !current.descending : false }))
          : undefined,
      })),
    [columns, sort],
  );

  return (
    <DetailsList
      items={sortedRows}
      columns={fluentColumns}
      getKey={(row: T) => props.rowKey(row)}
      setKey="rows"
      ariaLabelForGrid={props.ariaLabel}
      layoutMode={DetailsListLayoutMode.justified}
      selectionMode={onSelect ? SelectionMode.single : SelectionMode.none}
      selection={selection}
      selectionPreservedOnEmptyClick
      checkboxVisibility={CheckboxVisibility.hidden}
      onShouldVirtualize={() => false}
      onRenderDetailsFooter={renderNothing}
    />
  );
}
