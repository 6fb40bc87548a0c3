/** Key figures as a description list: screen readers read each label with its value. */

import { mergeStyleSets, useTheme } from '@fluentui/react';
import * as React from 'react';

export interface KeyFigure {
  label: string;
  value: React.ReactNode;
  /** Draws attention, e.g. an overdue amount or an exceeded limit. */
  warning?: boolean;
}

export function KeyFigures({ figures, label }: { figures: readonly KeyFigure[]; label: string }): React.ReactElement {
  const theme = useTheme();
  const classes = React.useMemo(
    () =>
      mergeStyleSets({
        list: { display: 'flex', flexWrap: 'wrap', gap: '8px 24px', margin: 0 },
        figure: { display: 'flex', flexDirection: 'column', minWidth: 140 },
        label: { fontSize: theme.fonts.small.fontSize, color: theme.palette.neutralSecondary },
        value: { margin: 0, fontSize: theme.fonts.mediumPlus.fontSize, fontWeight: 600 },
        warning: { color: theme.semanticColors.errorText },
      }),
    [theme],
  );
  return (
    <dl className={classes.list} aria-label={label}>
      {figures.map((figure) => (
        <div key={figure.label} className={classes.figure}>
          <dt className={classes.label}>{figure.label}</dt>
          <dd className={figure.warning ? `${classes.value} ${classes.warning}` : classes.value}>{figure.value}</dd>
        </div>
      ))}
    </dl>
  );
}
