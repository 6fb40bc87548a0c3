/**
 * The frame every panel shares: a labelled region with its heading, how fresh the SAP data is,
 * a busy indicator while it loads, and the refresh command.
 */

import { ActionButton, mergeStyles, Spinner, SpinnerSize, Stack, Text } from '@fluentui/react';
import * as React from 'react';
import { fill } from '../pcf/strings';
import type { Formatter } from '../format/formatter';
import type { CommonStrings } from './commonStrings';

export interface PanelFrameProps {
  title: string;
  /** What the panel is about, e.g. the SAP customer number. */
  subtitle?: string;
  strings: CommonStrings;
  formatter: Formatter;
  freshness?: { retrievedAt: string; fromCache: boolean } | undefined;
  /** Data is loading while older data stays on screen. */
  refreshing?: boolean;
  onRefresh?: (() => void) | undefined;
  children: React.ReactNode;
}

const frameTokens = { childrenGap: 8, padding: 4 };
// The host page's own styles (e.g. centred text) stay outside the panel.
const frameClass = mergeStyles({ textAlign: 'start' });

export function PanelFrame(props: PanelFrameProps): React.ReactElement {
  const { strings, freshness } = props;
  return (
    <section className={`ecc365-panel ${frameClass}`} aria-label={props.title} aria-busy={props.refreshing === true}>
      <Stack tokens={frameTokens}>
        <Stack horizontal wrap verticalAlign="center" horizontalAlign="space-between" tokens={{ childrenGap: 8 }}>
          <Stack>
            <Text as="h2" variant="large" block>
              {props.title}
            </Text>
            {props.subtitle ? <Text variant="small">{props.subtitle}</Text> : null}
          </Stack>
          <Stack horizontal verticalAlign="center" tokens={{ childrenGap: 8 }}>
            {props.refreshing ? <Spinner size={SpinnerSize.xSmall} label={strings.refreshing} labelPosition="right" ariaLive="polite" /> : null}
            {freshness ? (
              <Text variant="small">
                {fill(strings.asOf, props.formatter.dateTime(freshness.retrievedAt))}
                {freshness.fromCache ? ` ${strings.fromCache}` : ''}
              </Text>
            ) : null}
            {props.onRefresh ? (
              <ActionButton iconProps={{ iconName: 'Refresh' }} onClick={props.onRefresh} disabled={props.refreshing === true}>
                {strings.refresh}
              </ActionButton>
            ) : null}
          </Stack>
        </Stack>
        {props.children}
      </Stack>
    </section>
  );
}
