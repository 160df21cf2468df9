import { describe, expect, it } from 'vitest';
import { commandsFromBlock } from './code-block-commands';

describe('commandsFromBlock', () => {
  it('takes the prompted lines of a console transcript', () => {
    const block = ['$ docker network ls', 'NETWORK ID     NAME      DRIVER    SCOPE', 'abc123         bridge    bridge    local', 'root@node1:~# ip -br addr'].join('\n');
    expect(commandsFromBlock(block, 'console')).toEqual(['docker network ls', 'ip -br addr']);
  });

  it('joins backslash continuations, with or without PS2', () => {
    const block = '$ docker run -d \\\n>   --name web \\\n    nginx\nabc';
    expect(commandsFromBlock(block, 'console')).toEqual(['docker run -d --name web nginx']);
  });

  it('reads every non-comment line of an sh block', () => {
    expect(commandsFromBlock('# make a network\ndocker network create a\n\ndocker network ls\n', 'sh')).toEqual([
      'docker network create a',
      'docker network ls',
    ]);
  });

  it('treats an unprompted console block as commands and ignores other languages', () => {
    expect(commandsFromBlock('docker ps', 'console')).toEqual(['docker ps']);
    expect(commandsFromBlock('{"a": 1}', 'json')).toEqual([]);
  });
});
