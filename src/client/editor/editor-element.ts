/**
 * `<dnho-editor>`: edits a file of a lab (e.g. /etc/docker/daemon.json on
 * node1). Small on purpose: monaco is imported only when the element comes
 * near the viewport, so it downloads only on pages that have an editor.
 * Reads through `lab.query.readFile`, saves with `lab.writeFile` (button or
 * Ctrl-S), reports JSON problems as the student types.
 */
import type { Lab, Vantage } from '../../emulator/api';
import { onCommand, whenLab } from '../../terminal/lab-bus';
import { LAB_CHANGED } from '../lab-events';
import type { CodeEditor, CodeEditorOptions } from './code-editor';
import { schemaFor } from './daemon-json-schema';
import { createPlainEditor } from './plain-editor';
import { jsonSyntaxProblem, summarizeProblems, type Problem } from './problems';

let instances = 0;

class EditorElement extends HTMLElement {
  private lab: Lab | undefined;
  private editor: CodeEditor | undefined;
  /** The file's content in the lab as last read or saved. */
  private saved = '';
  private text = '';
  private exists = false;
  private readonly stops: (() => void)[] = [];

  private get path(): string { return this.dataset.path ?? ''; }
  private get host(): string { return this.dataset.host ?? 'node1'; }
  private get labKey(): string { return this.dataset.lab ?? 'main'; }
  private get language(): 'json' | 'plaintext' { return this.dataset.language === 'json' ? 'json' : 'plaintext'; }
  private get where(): Vantage { return { host: this.host }; }
  private get dirty(): boolean { return this.text !== this.saved; }

  connectedCallback(): void {
    if (this.stops.length) return;
    this.querySelector('[data-action="save"]')?.addEventListener('click', () => this.save());
    this.querySelector('[data-action="reload"]')?.addEventListener('click', () => this.load(true));
    this.stops.push(
      whenLab(this.labKey, (handle) => {
        this.lab = handle.lab;
        this.load(!this.dirty);
      }),
      // The student may change the file from the terminal too (echo > …, a reset).
      onCommand(this.labKey, () => this.load(false)),
    );
    this.whenNear(() => void this.mount());
  }

  disconnectedCallback(): void {
    for (const stop of this.stops.splice(0)) stop();
    this.editor?.dispose();
    this.editor = undefined;
  }

  private whenNear(cb: () => void): void {
    if (!('IntersectionObserver' in window)) return cb();
    const io = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      io.disconnect();
      cb();
    }, { rootMargin: '400px' });
    io.observe(this);
    this.stops.push(() => io.disconnect());
  }

  private status(text: string): void {
    const el = this.querySelector('[data-part="status"]');
    if (el) el.textContent = text;
  }

  private problems(list: Problem[]): void {
    const el = this.querySelector('[data-part="problems"]');
    if (el) el.textContent = this.language === 'json' ? summarizeProblems(list) : '';
  }

  private async mount(): Promise<void> {
    const surface = this.querySelector<HTMLElement>('[data-part="surface"]')!;
    const options: CodeEditorOptions = {
      container: surface,
      value: this.text,
      language: this.language,
      uri: `lab://editor-${++instances}/${this.host}${this.path}`,
      label: `${this.path} on ${this.host}`,
      schema: schemaFor(this.path),
      onChange: (text) => { this.text = text; this.markDirty(); },
      onSave: () => this.save(),
      onProblems: (list) => this.problems(list),
    };
    try {
      const { createCodeEditor } = await import('./monaco-editor');
      this.editor = createCodeEditor(options);
    } catch (err) {
      console.error('[editor] monaco could not load; using a plain text box', err);
      this.editor = createPlainEditor(options);
    }
    this.dataset.state = 'ready';
    if (!this.lab) this.status('Waiting for the lab…');
  }

  /** Reads the file from the lab; replaces the editor's text only if asked and nothing unsaved would be lost. */
  private load(replace: boolean): void {
    if (!this.lab) return;
    const content = this.lab.query.readFile(this.where, this.path);
    const changed = (content ?? '') !== this.saved || (content !== undefined) !== this.exists;
    this.exists = content !== undefined;
    if (!replace && !changed) return;
    if (!replace && this.dirty) {
      this.status(`${this.path} changed in the lab. “Reload from lab” shows it (your unsaved edits would be lost).`);
      return;
    }
    this.saved = content ?? '';
    this.text = this.saved;
    this.editor?.setValue(this.text);
    this.markDirty();
    this.status(this.exists ? `Showing ${this.path} on ${this.host}.` : `${this.path} does not exist on ${this.host} yet; Save creates it.`);
  }

  private markDirty(): void {
    this.dataset.dirty = String(this.dirty);
  }

  private save(): void {
    if (!this.lab) {
      this.status('The lab is still starting; save again in a moment.');
      return;
    }
    const text = this.editor?.getValue() ?? this.text;
    const error = this.lab.writeFile(this.where, this.path, text);
    if (error) {
      this.status(`Not saved: ${error}`);
      return;
    }
    this.text = this.saved = text;
    this.exists = true;
    this.markDirty();
    this.status(this.savedMessage(text));
    // Not a terminal command, so the lab bus is silent: tell exercises to re-check (file-contains …).
    this.dispatchEvent(new CustomEvent(LAB_CHANGED, { bubbles: true, detail: { lab: this.labKey } }));
  }

  private savedMessage(text: string): string {
    const saved = `Saved ${this.path} on ${this.host}.`;
    const bad = this.language === 'json' ? jsonSyntaxProblem(text) : undefined;
    if (bad) return `${saved} It is not valid JSON (line ${bad.line}, column ${bad.column}): programs that read it will reject it.`;
    // dockerd reads daemon.json only when it starts (docs: "restart the daemon for changes to take effect").
    if (this.path === '/etc/docker/daemon.json') return `${saved} dockerd reads it when it starts: run systemctl restart docker.`;
    return saved;
  }
}

if (!customElements.get('dnho-editor')) customElements.define('dnho-editor', EditorElement);
