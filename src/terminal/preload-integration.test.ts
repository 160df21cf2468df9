import { describe, expect, it } from 'vitest';
import { preloadClosure, terminalScriptChunk, withAsyncScript, withPreloads } from './preload-integration';

const chunks = [
  { fileName: '_astro/Terminal.js', imports: ['_astro/preload-helper.js'], moduleIds: ['/r/src/components/Terminal.astro?astro&type=script'] },
  { fileName: '_astro/emulator.js', imports: ['_astro/shared.js'], moduleIds: ['/r/src/emulator/index.ts', '/r/src/emulator/lab.ts'] },
  { fileName: '_astro/terminal-element.js', imports: ['_astro/shared.js', '_astro/lab-bus.js'], moduleIds: ['/r/node_modules/@xterm/xterm/lib/xterm.mjs', '/r/src/terminal/terminal-element.ts'] },
  { fileName: '_astro/shared.js', imports: [], moduleIds: ['/r/src/shared.ts'] },
  { fileName: '_astro/lab-bus.js', imports: [], moduleIds: ['/r/src/terminal/lab-bus.ts'] },
  { fileName: '_astro/monaco.js', imports: ['_astro/shared.js'], moduleIds: ['/r/node_modules/monaco-editor/esm/vs/editor/editor.api.js'] },
];

describe('preloadClosure', () => {
  it('takes the emulator and terminal chunks with their static imports, and nothing else', () => {
    expect(preloadClosure(chunks)).toEqual(['_astro/emulator.js', '_astro/lab-bus.js', '_astro/shared.js', '_astro/terminal-element.js']);
  });

  it('finds nothing in a bundle without them', () => {
    expect(preloadClosure(chunks.filter((c) => !c.fileName.includes('e')))).toEqual([]);
  });
});

describe('withPreloads', () => {
  const page = '<html><head><title>x</title></head><body><dnho-terminal></dnho-terminal></body></html>';

  it('links each chunk before </head>, under the base path', () => {
    expect(withPreloads(page, ['_astro/a.js', '_astro/b.js'], '/courses/docker')).toBe(
      '<html><head><title>x</title><link rel="modulepreload" href="/courses/docker/_astro/a.js"><link rel="modulepreload" href="/courses/docker/_astro/b.js"></head><body><dnho-terminal></dnho-terminal></body></html>',
    );
  });

  it('leaves a page without a terminal as it is', () => {
    const home = '<html><head></head><body><p>Lessons</p></body></html>';
    expect(withPreloads(home, ['_astro/a.js'], '/')).toBe(home);
  });
});

describe('the terminal script, async', () => {
  it("is found by Terminal.astro's script module", () => {
    expect(terminalScriptChunk(chunks)).toBe('_astro/Terminal.js');
    expect(terminalScriptChunk(chunks.slice(1))).toBeUndefined();
  });

  it('gets async on its tag, under the base path; other scripts and pages without it are left alone', () => {
    const page = '<body><dnho-terminal></dnho-terminal><script type="module" src="/d/_astro/Terminal.js"></script><script type="module" src="/d/_astro/Quiz.js"></script></body>';
    expect(withAsyncScript(page, '_astro/Terminal.js', '/d')).toBe(
      '<body><dnho-terminal></dnho-terminal><script type="module" async src="/d/_astro/Terminal.js"></script><script type="module" src="/d/_astro/Quiz.js"></script></body>',
    );
    expect(withAsyncScript(page, '_astro/Other.js', '/d')).toBe(page);
    expect(withAsyncScript(page, undefined, '/d')).toBe(page);
  });
});
