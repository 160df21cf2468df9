/// <reference types="vite/client" />
/**
 * The lazy chunk: monaco-editor 0.57 with only what a JSON/config editor
 * needs. `editor.api` has no features of its own (0.56 split them out), so
 * each is registered by its own module. Loaded by editor-element.ts with a
 * dynamic import, so pages without an editor never download it. monaco's CSS
 * imports are turned into injected <style> by ./vite-plugin.ts, keeping
 * them out of the CSS Astro links on every page.
 */
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/suggest/register';
// In 0.57 the `suggest` feature registers only inline suggestions; the completion
// widget (Ctrl+Space, schema keys of daemon.json) is its SuggestController.
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/format/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/wordOperations/register';
import 'monaco-editor/features/cursorUndo/register';
// Ctrl+M switches Tab between "insert a tab" and "move focus", so keyboard users can leave the editor.
import 'monaco-editor/features/toggleTabFocusMode/register';
import { jsonDefaults } from 'monaco-editor/languages/features/json/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/languages/features/json/json.worker?worker';
import type { CodeEditor, CodeEditorOptions } from './code-editor';

// Workers come from our own origin (Vite `?worker`), never a CDN: the course runs offline.
globalThis.MonacoEnvironment = {
  getWorker: (_id: string, label: string) => (label === 'json' ? new JsonWorker() : new EditorWorker()),
};

const schemas: { uri: string; fileMatch: string[]; schema: object }[] = [];

/** daemon.json is Go's encoding/json: comments and trailing commas make dockerd fail to start. */
function configureJson(uri: string, schema: object | undefined): void {
  if (schema) schemas.push({ uri: `${uri}.schema.json`, fileMatch: [uri], schema });
  jsonDefaults.setDiagnosticsOptions({
    validate: true,
    allowComments: false,
    comments: 'error',
    trailingCommas: 'error',
    schemaValidation: 'warning',
    enableSchemaRequest: false,
    schemas: [...schemas],
  });
}

function currentTheme(): string {
  const theme = document.documentElement.dataset.theme;
  const dark = theme ? theme === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches;
  return dark ? 'vs-dark' : 'vs';
}

/** Starlight switches themes with data-theme on <html>; follow it. */
function followTheme(): () => void {
  const observer = new MutationObserver(() => monaco.editor.setTheme(currentTheme()));
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}

function toProblems(model: monaco.editor.ITextModel) {
  return monaco.editor.getModelMarkers({ resource: model.uri }).map((m) => ({
    line: m.startLineNumber, column: m.startColumn, message: m.message, severity: m.severity,
  }));
}

export function createCodeEditor(options: CodeEditorOptions): CodeEditor {
  const model = monaco.editor.createModel(options.value, options.language, monaco.Uri.parse(options.uri));
  // fileMatch is compared with the model's normalized URI (`?a=1` becomes `?a%3D1`).
  if (options.language === 'json') configureJson(model.uri.toString(), options.schema);
  const editor = monaco.editor.create(options.container, {
    model,
    theme: currentTheme(),
    ariaLabel: `${options.label}. Ctrl+S saves. Ctrl+M switches Tab between indenting and moving focus.`,
    automaticLayout: true,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    fontSize: 14,
    tabSize: 2,
    accessibilitySupport: 'auto',
  });
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => options.onSave());
  const subs = [
    model.onDidChangeContent(() => options.onChange(model.getValue())),
    monaco.editor.onDidChangeMarkers((uris) => {
      if (uris.some((u) => u.toString() === model.uri.toString())) options.onProblems(toProblems(model));
    }),
  ];
  const stopTheme = followTheme();
  return {
    getValue: () => model.getValue(),
    setValue: (text) => {
      if (text !== model.getValue()) model.setValue(text);
    },
    focus: () => editor.focus(),
    dispose: () => {
      stopTheme();
      for (const s of subs) s.dispose();
      editor.dispose();
      model.dispose();
    },
  };
}
