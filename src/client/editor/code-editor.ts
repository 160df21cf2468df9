/**
 * What the editor element needs from an editor, whether monaco (lazy chunk)
 * or the plain textarea used when monaco cannot load.
 */
import type { Problem } from './problems';

export interface CodeEditorOptions {
  container: HTMLElement;
  value: string;
  language: 'json' | 'plaintext';
  /** Names the model; unique per editor on the page. */
  uri: string;
  /** The accessible name, e.g. "/etc/docker/daemon.json on node1". */
  label: string;
  /** A JSON schema for completion, hover and key warnings. */
  schema?: object;
  onChange(text: string): void;
  onSave(): void;
  /** Problems as the student types (JSON syntax, schema warnings). */
  onProblems(problems: Problem[]): void;
}

export interface CodeEditor {
  getValue(): string;
  setValue(text: string): void;
  focus(): void;
  dispose(): void;
}
