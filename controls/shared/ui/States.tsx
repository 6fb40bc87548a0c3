/** The states a panel shows instead of its data: loading, a notice (empty, not linked, not saved) and errors. */

import { MessageBar, MessageBarButton, MessageBarType, Shimmer, Stack, Text } from '@fluentui/react';
import * as React from 'react';
import type { SapMessage } from '../api/panelApi';
import type { GatewayError } from '../gateway/gatewayError';
import { fill } from '../pcf/strings';
import type { CommonStrings } from './commonStrings';

export function LoadingState({ label }: { label: string }): React.ReactElement {
  return (
    <div role="status" aria-live="polite" aria-label={label}>
      <Stack tokens={{ childrenGap: 8 }}>
        <Shimmer width="60%" />
        <Shimmer />
        <Shimmer width="80%" />
      </Stack>
    </div>
  );
}

/** A plain message where data would be: no documents, not linked to SAP, record not saved. */
export function NoticeState({ message, type = MessageBarType.info }: { message: string; type?: MessageBarType }): React.ReactElement {
  return (
    <MessageBar messageBarType={type} isMultiline>
      {message}
    </MessageBar>
  );
}

export interface GatewayErrorViewProps {
  error: GatewayError;
  strings: CommonStrings;
  onRetry?: (() => void) | undefined;
  onSignIn?: (() => void) | undefined;
}

/** An error of the gateway or of its configuration, with what the user can do about it. */
export function GatewayErrorView({ error, strings, onRetry, onSignIn }: GatewayErrorViewProps): React.ReactElement {
  const reference = <ErrorReference error={error} strings={strings} />;
  switch (error.kind) {
    case 'notAuthorized':
      return (
        <MessageBar messageBarType={MessageBarType.blocked} isMultiline>
          <Text block styles={{ root: { fontWeight: 600 } }}>
            {strings.notAuthorized}
          </Text>
          <Text block>{error.message}</Text>
          {reference}
        </MessageBar>
      );
    case 'notConfigured':
      return (
        <MessageBar
          messageBarType={MessageBarType.warning}
          isMultiline
          actions={onRetry ? <MessageBarButton onClick={onRetry}>{strings.retry}</MessageBarButton> : undefined}
        >
          <Text block styles={{ root: { fontWeight: 600 } }}>
            {strings.notConfigured}
          </Text>
          <Text block>{error.message}</Text>
        </MessageBar>
      );
    case 'signInRequired':
      return (
        <MessageBar
          messageBarType={MessageBarType.info}
          isMultiline
          actions={onSignIn ? <MessageBarButton onClick={onSignIn}>{strings.signIn}</MessageBarButton> : undefined}
        >
          <Text block styles={{ root: { fontWeight: 600 } }}>
            {strings.signInRequired}
          </Text>
          <Text block>{error.message}</Text>
        </MessageBar>
      );
    default:
      return (
        <MessageBar
          messageBarType={MessageBarType.error}
          isMultiline
          actions={onRetry ? <MessageBarButton onClick={onRetry}>{strings.retry}</MessageBarButton> : undefined}
        >
          <Text block>{error.message}</Text>
          {reference}
          <SapMessageList messages={error.sapMessages} label={strings.sapMessages} />
        </MessageBar>
      );
  }
}

function ErrorReference({ error, strings }: { error: GatewayError; strings: CommonStrings }): React.ReactElement {
  return (
    <Text block variant="small">
      {fill(strings.errorCode, error.code)}
      {error.correlationId ? ` · ${fill(strings.errorCorrelationId, error.correlationId)}` : ''}
    </Text>
  );
}

const MESSAGE_TYPES: Record<SapMessage['type'], MessageBarType> = {
  E: MessageBarType.error,
  A: MessageBarType.error,
  W: MessageBarType.warning,
  S: MessageBarType.success,
  I: MessageBarType.info,
  '': MessageBarType.info,
};

/** SAP's messages as SAP sent them, with their message class and number for SAP support. */
export function SapMessageList({ messages, label }: { messages: readonly SapMessage[]; label: string }): React.ReactElement | null {
  if (messages.length === 0) return null;
  return (
    <ul aria-label={label} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {messages.map((message, index) => (
        <li key={`${message.id}-${message.number}-${index}`}>
          <MessageBar messageBarType={MESSAGE_TYPES[message.type]} isMultiline>
            {message.message}
            {message.id !== '' ? <Text variant="small">{` (${message.id} ${message.number})`}</Text> : null}
          </MessageBar>
        </li>
      ))}
    </ul>
  );
}
