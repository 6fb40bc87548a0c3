/** Asks before an action that changes data in SAP or CRM; focus starts on the dialog and returns when it closes. */

import { DefaultButton, Dialog, DialogFooter, DialogType, PrimaryButton } from '@fluentui/react';
import * as React from 'react';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  message: string;
  confirmText: string;
  cancelText: string;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDialog(props: ConfirmDialogProps): React.ReactElement {
  return (
    <Dialog
      hidden={!props.open}
      onDismiss={props.onCancel}
      dialogContentProps={{ type: DialogType.normal, title: props.title, subText: props.message }}
      modalProps={{ isBlocking: true }}
    >
      <DialogFooter>
        <PrimaryButton onClick={props.onConfirm}>{props.confirmText}</PrimaryButton>
        <DefaultButton onClick={props.onCancel}>{props.cancelText}</DefaultButton>
      </DialogFooter>
    </Dialog>
  );
}
