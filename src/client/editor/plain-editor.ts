/**
 * The fallback editor: a labelled <textarea>. Used when monaco cannot load
 * (very old browser, blocked workers); same contract, JSON problems from
 * JSON.parse, Ctrl-S saves.
 */
import type { CodeEditor, CodeEditorOptions } from './code-editor';
import { jsonSyntaxProblem } from './problems';

export function createPlainEditor(options: CodeEditorOptions): CodeEditor {
  const area = document.createElement('textarea');
  area.className = 'dnho-editor__plain';
  area.spellcheck = false;
  area.setAttribute('aria-label', options.label);
  area.value = options.value;
  const check = () => {
    if (options.language !== 'json') return;
    const p = jsonSyntaxProblem(area.value);
    options.onProblems(p ? [p] : []);
  };
  area.addEventListener('input', () => {
    options.onChange(area.value);
    check();
  });
  area.addEventListener('keydown', (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      options.onSave();
    }
  });
  options.container.replaceChildren(area);
  check();
  return {
    getValue: () => area.value,
    setValue: (text) => {
      area.value = text;
      check();
    },
    focus: () => area.focus(),
    dispose: () => area.remove(),
  };
}
