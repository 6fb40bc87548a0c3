/**
 * The form's tabs, following the WAI-ARIA tabs pattern: click or Enter/Space selects a tab; the
 * arrow keys, Home and End move between tabs (selecting them, as Dynamics 365 does); only the
 * selected tab is in the Tab order.
 */

export function setUpTabs(tablist: HTMLElement, onShow: (panel: HTMLElement) => void): void {
  const tabs = [...tablist.querySelectorAll<HTMLElement>('[role="tab"]')];
  const panelOf = (tab: HTMLElement) => document.getElementById(tab.getAttribute('aria-controls') ?? '');

  function select(tab: HTMLElement, focus: boolean): void {
    for (const candidate of tabs) {
      const selected = candidate === tab;
      candidate.setAttribute('aria-selected', String(selected));
      candidate.tabIndex = selected ? 0 : -1;
      const panel = panelOf(candidate);
      if (panel) panel.hidden = !selected;
    }
    if (focus) tab.focus();
    const panel = panelOf(tab);
    if (panel) onShow(panel);
  }

  for (const tab of tabs) {
    tab.addEventListener('click', () => select(tab, false));
    tab.addEventListener('keydown', (event) => {
      const index = tabs.indexOf(tab);
      const target =
        event.key === 'ArrowRight' ? tabs[(index + 1) % tabs.length]
        : event.key === 'ArrowLeft' ? tabs[(index - 1 + tabs.length) % tabs.length]
        : event.key === 'Home' ? tabs[0]
        : event.key === 'End' ? tabs[tabs.length - 1]
        : undefined;
      if (!target) return;
      event.preventDefault();
      select(target, true);
    });
  }
}
