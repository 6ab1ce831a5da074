#!/usr/bin/env bash
# Installs the Debian packages the tests need, only those missing; silent when all are present.
# Callable from .ci/run and from test/lab/install-prerequisites.ts (one list, here).
set -euo pipefail

# The single-machine lab: tmux, gpg, apt-ftparchive, ZooKeeper. The lab of several machines
# (test/lab/nodes): ip, unshare/nsenter, Debian's OpenSSH server and client in every node, sudo for the
# non-root user, systemd for a node that boots it, curl to ask the cluster from the control namespace.
# libsasl2-modules and libcurl4: what the lab's mesos packages depend on, as the real ones do.
# The Debian package's test (test/package): strip and dpkg-shlibdeps build the package, man and
# bash-completion are what it is read with. acl: setfacl, for a node's write under a folder whose
# default ACL would set the mode a umask gives (test/cluster/node-scripts.test.ts).
packages=(tmux gnupg dirmngr apt-utils zookeeperd iproute2 util-linux openssh-server openssh-client sudo systemd curl
	libsasl2-modules libcurl4 binutils dpkg-dev man-db groff-base bash-completion acl)

missing=()
for package in "${packages[@]}"; do
	status="$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)"
	[[ "$status" == "install ok installed" ]] || missing+=("$package")
done

((${#missing[@]} == 0)) && exit 0

if [[ "$(id -u)" != 0 ]]; then
	echo "lab prerequisites missing (${missing[*]}) and not root: cannot apt-get install them" >&2
	exit 1
fi

# Package scripts must start nothing on this machine (openssh-server would start an sshd on the
# host's network): where no policy-rc.d forbids it, one does for the length of the install.
policy=/usr/sbin/policy-rc.d
if [[ ! -e "$policy" ]]; then
	printf '#!/bin/sh\n# mesos-setup lab: no service starts during the install of its prerequisites\nexit 101\n' >"$policy"
	chmod 755 "$policy"
	trap 'rm -f "$policy"' EXIT
fi

echo "lab: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
