#!/usr/bin/env bash
# Installs the Debian packages the lab needs, only those missing; silent when all are present.
# Callable from .ci/run and from test/lab/install-prerequisites.ts (one list, here).
set -euo pipefail

# libsasl2-modules and libcurl4: what the lab's mesos packages depend on, as the real ones do (Debian's packages).
packages=(tmux gnupg dirmngr apt-utils zookeeperd libsasl2-modules libcurl4)

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

echo "lab: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
