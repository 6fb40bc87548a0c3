/**
 * Paging for the account lists: the API returns the newest `top` documents and says whether more
 * match; "show more" asks for the next page up to the API's maximum, past which the user narrows
 * the filter instead.
 */

import { DefaultButton, Stack, Text } from '@fluentui/react';
import * as React from 'react';
import { MAX_TOP } from '../list/rows';
import { fill } from '../pcf/strings';
import type { CommonStrings } from './commonStrings';

export interface MoreRowsProps {
  returned: number;
  hasMore: boolean;
  top: number;
  strings: CommonStrings;
  disabled: boolean;
  onShowMore: () => void;
}

export function MoreRows({ returned, hasMore, top, strings, disabled, onShowMore }: MoreRowsProps): React.ReactElement | null {
  if (!hasMore) return null;
  if (top >= MAX_TOP) return <Text role="note">{fill(strings.narrowFilter, returned)}</Text>;
  return (
    <Stack horizontal verticalAlign="center" tokens={{ childrenGap: 12 }}>
      <Text>{fill(strings.moreAvailable, returned)}</Text>
      <DefaultButton onClick={onShowMore} disabled={disabled}>
        {strings.showMore}
      </DefaultButton>
    </Stack>
  );
}
