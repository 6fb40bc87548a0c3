/**
 * What the account panels (orders, deliveries, invoices, credit) share: the states before any
 * SAP call (record not saved, account not linked to an SAP customer) and the list query the
 * user sets (status, how many, text filter).
 */

import { MessageBarType } from '@fluentui/react';
import * as React from 'react';
import type { ListQuery, ListStatus } from '../api/panelApi';
import type { Formatter } from '../format/formatter';
import { PAGE_SIZE, nextTop } from '../list/rows';
import { fill } from '../pcf/strings';
import type { CommonStrings } from './commonStrings';
import { PanelFrame } from './PanelFrame';
import { NoticeState } from './States';

export interface AccountPanelStrings extends CommonStrings {
  title: string;
  customer: string;
  notLinked: string;
}

export interface AccountPanelProps<Gateway, S extends AccountPanelStrings> {
  gateway: Gateway;
  /** The account's Dataverse id; undefined on a new, unsaved account. */
  accountId: string | undefined;
  /** The account's SAP customer number (the bound column); '' when not linked to SAP. */
  customerNumber: string;
  /**
   * False when CRM does not let the user read the bound column (its security says so): the
   * panel then asks the gateway anyway, which decides — and answers 403 when the user may not
   * read the account — instead of claiming the account is not linked to SAP.
   */
  customerNumberReadable?: boolean;
  formatter: Formatter;
  locale: string;
  strings: S;
}

/** Renders the panel when the account is saved and linked to SAP, else the notice that says why not. */
export function AccountPanelGate<Gateway, S extends AccountPanelStrings>({
  props,
  render,
}: {
  props: AccountPanelProps<Gateway, S>;
  render: (accountId: string) => React.ReactElement;
}): React.ReactElement {
  const { strings } = props;
  const notLinked = props.customerNumber === '' && props.customerNumberReadable !== false;
  if (props.accountId === undefined || notLinked) {
    return (
      <PanelFrame title={strings.title} strings={strings} formatter={props.formatter}>
        {props.accountId === undefined ? <NoticeState message={strings.notSaved} /> : <NoticeState message={strings.notLinked} type={MessageBarType.warning} />}
      </PanelFrame>
    );
  }
  return render(props.accountId);
}

export function customerSubtitle(strings: AccountPanelStrings, customerNumber: string): string {
  return fill(strings.customer, customerNumber);
}

export interface ListQueryState {
  query: ListQuery;
  setStatus: (status: ListStatus) => void;
  showMore: () => void;
  text: string;
  setText: (text: string) => void;
}

export function useListQuery(): ListQueryState {
  const [status, setStatusState] = React.useState<ListStatus>('all');
  const [top, setTop] = React.useState(PAGE_SIZE);
  const [text, setText] = React.useState('');
  const query = React.useMemo(() => ({ status, top }), [status, top]);
  const setStatus = React.useCallback((next: ListStatus) => {
    setStatusState(next);
    setTop(PAGE_SIZE);
  }, []);
  const showMore = React.useCallback(() => setTop((current) => nextTop(current)), []);
  return { query, setStatus, showMore, text, setText };
}

export function statusOptions(strings: CommonStrings): { key: ListStatus; text: string }[] {
  return [
    { key: 'all', text: strings.statusAll },
    { key: 'open', text: strings.statusOpen },
  ];
}
