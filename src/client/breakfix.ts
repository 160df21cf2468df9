/**
 * `<dnho-breakfix>`: the browser half of `<BreakFix>`. Shows one variant's
 * template (terminal, fix exercise, diagnosis) and swaps it when the student
 * picks another variant; the choice is kept per lab in localStorage.
 */
import { chooseVariant, variantStorageKey } from './breakfix-variant';
// The variants' terminals, exercises and quizzes live in <template>s: their
// components' own <script>s may be rendered inside one (Astro renders a
// component's script where it is first used) and would never run. The
// custom elements are defined here instead; each module defines its element once.
import './exercise';
import './quiz';
import '../terminal/terminal-element';

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined; // storage disabled: the choice is simply not kept
  }
}

class BreakFixElement extends HTMLElement {
  private started = false;

  connectedCallback(): void {
    if (this.started) return;
    this.started = true;
    const select = this.querySelector<HTMLSelectElement>('select[data-part="variant"]');
    const key = variantStorageKey(this.dataset.lesson ?? location.pathname, this.dataset.breakfix ?? this.id);
    const count = Number(this.dataset.variants ?? '1');
    const n = chooseVariant(location.search, storage()?.getItem(key) ?? null, count);
    if (select) {
      select.value = String(n);
      select.addEventListener('change', () => {
        storage()?.setItem(key, select.value);
        this.show(Number(select.value));
      });
    }
    this.show(n);
  }

  /** Replaces the shown variant; the old terminal's element disposes itself when removed. */
  private show(n: number): void {
    const slot = this.querySelector<HTMLElement>('[data-part="shown"]');
    const template = this.querySelector<HTMLTemplateElement>(`template[data-variant="${n}"]`);
    if (!slot || !template) return;
    slot.replaceChildren(template.content.cloneNode(true));
    this.dataset.variant = String(n);
  }
}

if (!customElements.get('dnho-breakfix')) customElements.define('dnho-breakfix', BreakFixElement);
