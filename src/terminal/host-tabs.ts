/**
 * The tab strip above a multi-host terminal: one tab per Docker host, the
 * WAI-ARIA tabs pattern (roving tabindex, arrow keys, Home/End, automatic
 * activation). Knows nothing about xterm.
 */
export interface HostTab {
  host: string;
  button: HTMLButtonElement;
  panel: HTMLElement;
}

export class HostTabs {
  readonly tabs: HostTab[] = [];
  private selected = 0;

  constructor(
    private readonly list: HTMLElement,
    private readonly panels: HTMLElement,
    private readonly idPrefix: string,
    private readonly onSelect: (tab: HostTab) => void,
  ) {
    list.addEventListener('keydown', (event) => this.onKey(event));
  }

  /** Builds one tab and panel per host; with one host the strip stays hidden. */
  build(hosts: string[]): HostTab[] {
    this.list.hidden = hosts.length < 2;
    hosts.forEach((host, index) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.role = 'tab';
      button.id = `${this.idPrefix}-tab-${host}`;
      button.textContent = host;
      button.dataset.host = host;
      const panel = document.createElement('div');
      panel.className = 'dnho-terminal__screen';
      panel.id = `${this.idPrefix}-panel-${host}`;
      if (hosts.length > 1) {
        panel.role = 'tabpanel';
        panel.setAttribute('aria-labelledby', button.id);
        button.setAttribute('aria-controls', panel.id);
      }
      button.addEventListener('click', () => this.select(index));
      this.list.append(button);
      this.panels.append(panel);
      this.tabs.push({ host, button, panel });
    });
    this.mark(0);
    return this.tabs;
  }

  current(): HostTab {
    return this.tabs[this.selected]!;
  }

  select(index: number, focus = false): void {
    const tab = this.tabs[index];
    if (!tab) return;
    this.mark(index);
    if (focus) tab.button.focus();
    this.onSelect(tab);
  }

  private mark(index: number): void {
    this.selected = index;
    this.tabs.forEach((tab, i) => {
      const on = i === index;
      tab.button.setAttribute('aria-selected', String(on));
      tab.button.tabIndex = on ? 0 : -1;
      tab.panel.hidden = !on;
    });
  }

  private onKey(event: KeyboardEvent): void {
    const last = this.tabs.length - 1;
    const moves: Record<string, number> = {
      ArrowRight: this.selected === last ? 0 : this.selected + 1,
      ArrowLeft: this.selected === 0 ? last : this.selected - 1,
      Home: 0,
      End: last,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    this.select(target, true);
  }
}
