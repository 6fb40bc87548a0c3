/** The form's notification bar (a polite live region): one message at a time, as Dynamics 365's form notifications. */

export type NotificationKind = 'error' | 'warning' | 'success';

export function notify(kind: NotificationKind, text: string, link?: { href: string; label: string }): void {
  const region = document.getElementById('form-notifications');
  if (!region) return;
  const notification = document.createElement('div');
  notification.className = `notification ${kind}`;
  notification.textContent = text;
  if (link) {
    const anchor = document.createElement('a');
    anchor.href = link.href;
    anchor.textContent = link.label;
    notification.append(' ', anchor);
  }
  region.replaceChildren(notification);
}

export function clearNotifications(): void {
  document.getElementById('form-notifications')?.replaceChildren();
}
