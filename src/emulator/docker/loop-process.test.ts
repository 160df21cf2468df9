import { describe, expect, it } from 'vitest';
import { shellLoopOf } from './loop-process';

describe('shellLoopOf', () => {
  it('recognises the usual traffic loops', () => {
    expect(shellLoopOf(['sh', '-c', 'while true; do wget -qO- http://web; sleep 1; done'])).toEqual({ body: 'wget -qO- http://web', periodMs: 1000, sleepsFirst: false });
    expect(shellLoopOf(['/bin/sh', '-c', 'while :; do curl -s web >/dev/null; sleep 0.5; done'])).toEqual({ body: 'curl -s web >/dev/null', periodMs: 500, sleepsFirst: false });
    expect(shellLoopOf(['bash', '-c', 'while sleep 2; do ping -c1 db; done'])).toEqual({ body: 'ping -c1 db', periodMs: 2000, sleepsFirst: true });
  });

  it('leaves other commands alone', () => {
    expect(shellLoopOf(['sh', '-c', 'echo hi'])).toBeUndefined();
    expect(shellLoopOf(['sleep', '1d'])).toBeUndefined();
    expect(shellLoopOf(['sh', '-c', 'while true; do echo x; sleep 0; done'])).toBeUndefined();
    expect(shellLoopOf(['python', '-c', 'while true; do x; sleep 1; done'])).toBeUndefined();
  });
});
