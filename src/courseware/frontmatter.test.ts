import { describe, expect, it } from 'vitest';
import { extractFrontmatter, loadYaml, parseYamlSubset } from './frontmatter';

const mdx = `---
title: "User-defined networks: names that resolve"
summary: Containers find each other by name.
order: 3
minutes: 20
objectives:
  - Create a network
  - "Connect containers: by name"
prerequisites: [bridge-basics, 'ports']
labs:
  main:
    seed: 42
    hosts: 1
    setup:
      - docker run -d --name web nginx   # a comment
      - 'docker run -d --name db -e POSTGRES_PASSWORD=x postgres'
  second:
    setup: []
note: |
  two
  lines
---
import { Exercise } from '../../../src/components/Exercise.astro';

# Body
`;

const expected = {
  title: 'User-defined networks: names that resolve',
  summary: 'Containers find each other by name.',
  order: 3,
  minutes: 20,
  objectives: ['Create a network', 'Connect containers: by name'],
  prerequisites: ['bridge-basics', 'ports'],
  labs: {
    main: { seed: 42, hosts: 1, setup: ['docker run -d --name web nginx', 'docker run -d --name db -e POSTGRES_PASSWORD=x postgres'] },
    second: { setup: [] },
  },
  note: 'two\nlines\n',
};

describe('frontmatter', () => {
  it('extracts the YAML block', () => {
    expect(extractFrontmatter(mdx)?.startsWith('title:')).toBe(true);
    expect(extractFrontmatter('# no frontmatter')).toBeUndefined();
  });
  it('parses the lesson subset the same way a real YAML parser does', async () => {
    const yaml = extractFrontmatter(mdx) ?? '';
    expect(parseYamlSubset(yaml)).toEqual(expected);
    expect(await loadYaml(yaml)).toEqual(expected);
  });
  it('names the line it cannot parse', () => {
    expect(() => parseYamlSubset('labs:\n  - seed: 1\n')).toThrow('frontmatter line 2: mappings inside lists are not supported');
    expect(() => parseYamlSubset('just text')).toThrow('frontmatter line 1: expected "key: value"');
  });
});
