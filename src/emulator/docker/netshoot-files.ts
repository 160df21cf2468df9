/**
 * What nicolaka/netshoot keeps in /root besides its tools: the banner its
 * zshrc prints (`cat motd`, relative to WORKDIR /root). Copied from the
 * image's `motd` file: 68-column art, the welcome line, and a last line of
 * 64 spaces with no newline after it.
 */

export const NETSHOOT_REPOSITORY = 'nicolaka/netshoot';

const MOTD_LINES = [
  '                    dP            dP                           dP   ',
  '                    88            88                           88   ',
  '88d888b. .d8888b. d8888P .d8888b. 88d888b. .d8888b. .d8888b. d8888P ',
  '88\'  `88 88ooood8   88   Y8ooooo. 88\'  `88 88\'  `88 88\'  `88   88   ',
  '88    88 88.  ...   88         88 88    88 88.  .88 88.  .88   88   ',
  'dP    dP `88888P\'   dP   `88888P\' dP    dP `88888P\' `88888P\'   dP   ',
  '                                                                    ',
  'Welcome to Netshoot! (github.com/nicolaka/netshoot)',
  '                                                                ',
];

export const NETSHOOT_MOTD = MOTD_LINES.join('\n');

/** The image's files a student might `cat` or `ls` (the zshrc itself is oh-my-zsh boilerplate, left out). */
export function netshootFiles(): Record<string, string> {
  return { '/root/motd': NETSHOOT_MOTD };
}
