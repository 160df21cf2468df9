import { expect, it } from 'vitest';
import { parse } from './parser';

it('parses a typical line in microseconds', () => {
  const line = `docker run -d --name web --network mynet -p 8080:80 -e "A=$HOME" nginx:alpine && curl -s localhost:8080 | grep -i "welcome" | wc -l > /tmp/out 2>&1`;
  for (let i = 0; i < 200; i++) parse(line); // warm up the JIT
  const runs = 2000;
  const start = performance.now();
  for (let i = 0; i < runs; i++) parse(line);
  const perLineMs = (performance.now() - start) / runs;
  expect(parse(line).ok).toBe(true);
  expect(perLineMs).toBeLessThan(0.1); // 100 µs, a generous bound for a slow CI machine
});
