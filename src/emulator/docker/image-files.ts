/** The few files of an image that lessons look at. */
import type { ImageSpec } from './images';
import { NETSHOOT_REPOSITORY, netshootFiles } from './netshoot-files';

const OS_RELEASE: Record<string, string> = {
  busybox: '',
  alpine: 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.22.0\nPRETTY_NAME="Alpine Linux v3.22"\nHOME_URL="https://alpinelinux.org/"\n',
  ubuntu: 'PRETTY_NAME="Ubuntu 24.04.2 LTS"\nNAME="Ubuntu"\nVERSION_ID="24.04"\nVERSION="24.04.2 LTS (Noble Numbat)"\nID=ubuntu\nID_LIKE=debian\n',
  debian: 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION="12 (bookworm)"\nID=debian\n',
};

export function imageFiles(image: ImageSpec): Record<string, string> {
  // netshoot is built FROM alpine:3.22 with GNU tools added (its Dockerfile), so its userland is 'gnu' but its release is Alpine's.
  if (image.repository === NETSHOOT_REPOSITORY) {
    return { '/etc/os-release': OS_RELEASE.alpine, '/etc/passwd': 'root:x:0:0:root:/root:/bin/sh\n', ...netshootFiles() };
  }
  const base = image.userland === 'busybox' ? (image.repository === 'alpine' ? 'alpine' : 'busybox') : image.repository === 'ubuntu' ? 'ubuntu' : 'debian';
  const files: Record<string, string> = {};
  if (OS_RELEASE[base]) files['/etc/os-release'] = OS_RELEASE[base];
  files['/etc/passwd'] = 'root:x:0:0:root:/root:/bin/' + (image.userland === 'busybox' ? 'sh' : 'bash') + '\n';
  return files;
}
