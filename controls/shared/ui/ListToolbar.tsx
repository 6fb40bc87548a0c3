/** The filters above a list: a status filter and a text filter, both labelled for screen readers. */

import { Dropdown, SearchBox, Stack, type IDropdownOption } from '@fluentui/react';
import * as React from 'react';

export interface StatusOption<Status extends string> {
  key: Status;
  text: string;
}

export interface ListToolbarProps<Status extends string> {
  statusLabel: string;
  statusOptions: readonly StatusOption<Status>[];
  status: Status;
  onStatusChange: (status: Status) => void;
  textLabel: string;
  text: string;
  onTextChange: (text: string) => void;
}

export function ListToolbar<Status extends string>(props: ListToolbarProps<Status>): React.ReactElement {
  const options = React.useMemo<IDropdownOption[]>(() => props.statusOptions.map((option) => ({ key: option.key, text: option.text })), [props.statusOptions]);
  return (
    <Stack horizontal wrap verticalAlign="end" tokens={{ childrenGap: 12 }}>
      <Dropdown
        label={props.statusLabel}
        options={options}
        selectedKey={props.status}
        onChange={(_event, option) => {
          if (option) props.onStatusChange(option.key as Status);
        }}
        styles={{ root: { minWidth: 160 } }}
      />
      <SearchBox
        ariaLabel={props.textLabel}
        placeholder={props.textLabel}
        value={props.text}
        onChange={(_event, value) => props.onTextChange(value ?? '')}
        styles={{ root: { minWidth: 200 } }}
      />
    </Stack>
  );
}
