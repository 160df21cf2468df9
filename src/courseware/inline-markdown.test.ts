import { describe, expect, it } from 'vitest';
import { renderInline } from './inline-markdown';

describe('renderInline', () => {
  it('renders code spans, emphasis, strong and links', () => {
    expect(renderInline('Run `docker network ls` and **look** at *bridge* or _host_.'))
      .toBe('Run <code>docker network ls</code> and <strong>look</strong> at <em>bridge</em> or <em>host</em>.');
    expect(renderInline('See [the docs](https://docs.docker.com/network/).')).toBe('See <a href="https://docs.docker.com/network/">the docs</a>.');
  });
  it('escapes HTML everywhere and keeps code literal', () => {
    expect(renderInline('<script>alert(1)</script> `a <b> *c*`')).toBe('&lt;script&gt;alert(1)&lt;/script&gt; <code>a &lt;b&gt; *c*</code>');
  });
  it('refuses javascript: links and leaves snake_case alone', () => {
    expect(renderInline('[x](javascript:alert(1))')).not.toContain('<a');
    expect(renderInline('set DB_HOST_NAME now')).toBe('set DB_HOST_NAME now');
  });
});
