/** A command that throws, registered only in tests, to prove the lab rolls back. */
import { registerCommand } from '../../src/emulator/commands/registry';
import { HOST_TOOLS } from '../../src/emulator/session/host-tools';

export function registerTestCommand(): void {
  registerCommand({
    name: 'explode',
    usage: 'explode',
    summary: 'throws after changing the lab',
    run(ctx) {
      ctx.scope.fs.write('/root/partial', 'half-done');
      throw new Error('boom');
    },
  });
  (HOST_TOOLS as Set<string>).add('explode');
}
