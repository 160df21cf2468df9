/**
 * nicolaka/netshoot's interactive shell: `CMD ["zsh"]` with oh-my-zsh and
 * the powerlevel10k theme (its Dockerfile and zshrc).
 *
 * Start-up: the zshrc runs `cat motd` (the banner, with no final newline),
 * then three `echo -e "\033]6;1;bg;<colour>;brightness;N\a"` that colour an
 * iTerm2 tab. Those OSC 6 sequences are invisible in xterm, so only their
 * three newlines are kept here.
 *
 * Prompt: `POWERLEVEL9K_LEFT_PROMPT_ELEMENTS=(host dir rbenv)` draws the
 * host name (%m: the kernel's, so the joined container's with
 * `--net container:x`, the host's with `--net host`) and the directory (~
 * for $HOME) as coloured segments joined by Powerline arrows (U+E0B0). The
 * course's terminal fonts have no Powerline glyphs and a prompt must stay on
 * one line, so the plausible plain form is kept: `3e6788464faa ~ > `, the
 * arrow as `>`, without the colours and without the empty line that
 * POWERLEVEL9K_PROMPT_ADD_NEWLINE puts above each prompt.
 */
import type { ContainerState } from '../docker/state';
import { findImage } from '../docker/images';
import { NETSHOOT_MOTD, NETSHOOT_REPOSITORY } from '../docker/netshoot-files';

function isNetshootZsh(c: ContainerState, argv0: string): boolean {
  const prog = argv0.slice(argv0.lastIndexOf('/') + 1);
  return prog === 'zsh' && findImage(c.image)?.repository === NETSHOOT_REPOSITORY;
}

/** What the shell prints as it starts (`docker run -it`, `docker exec -it x zsh`): '' for other shells. */
export function interactiveStartup(c: ContainerState, argv0: string): string {
  return isNetshootZsh(c, argv0) ? `${NETSHOOT_MOTD}\n\n\n` : '';
}

/** The powerlevel10k prompt in plain text, or undefined when this is not netshoot's zsh. */
export function netshootPrompt(c: ContainerState, argv0: string, hostname: string, cwd: string, home = '/root'): string | undefined {
  if (!isNetshootZsh(c, argv0)) return undefined;
  const dir = cwd === home ? '~' : cwd.startsWith(home + '/') ? '~' + cwd.slice(home.length) : cwd;
  return `${hostname} ${dir} > `;
}
