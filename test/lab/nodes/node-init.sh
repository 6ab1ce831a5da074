#!/bin/bash
# The first process of a lab node, run by lab-node.ts as
#   nsenter --net=/run/netns/mslab-<name> unshare --pid --fork --mount --uts --cgroup --propagation private \
#     --kill-child -- bash node-init.sh NAME BASE sysv|systemd [PATH...]
# so it is PID 1 of a new PID namespace, in a private mount, UTS and cgroup namespace, on the node's network.
# It builds the node's root, an overlay of the host's / whose writes land in a tmpfs at BASE (its own
# /etc, /var and package database; the host's / is never written), with private /run, /tmp, /var/tmp and
# /dev, pivots into it and becomes the node's init: a shell that reaps orphans (sysv) or systemd.
# Each PATH is bind-mounted at the same place (the control machine sees the repository and the lab's files).
# Every mount lives in this mount namespace only: when PID 1 dies they all go with it.
set -euo pipefail
name=$1 base=$2 init=$3
shift 3

mount -t tmpfs -o mode=755 mslab-node "$base"
mkdir "$base/upper" "$base/work" "$base/root"
mount -t overlay "mslab-$name" -o "lowerdir=/,upperdir=$base/upper,workdir=$base/work" "$base/root"
root=$base/root
mount -t proc proc "$root/proc"
# A sysfs mounted here shows this node's network devices; read-only, as in a container.
mount -t sysfs -o ro sysfs "$root/sys"
mount -t tmpfs -o mode=755 tmpfs "$root/run"
mount -t tmpfs -o mode=1777 tmpfs "$root/tmp"
mount -t tmpfs -o mode=1777 tmpfs "$root/var/tmp"
mount -t tmpfs -o mode=755 tmpfs "$root/dev"
for device in null zero full random urandom tty; do
	touch "$root/dev/$device"
	mount --bind "/dev/$device" "$root/dev/$device"
done
mkdir "$root/dev/pts" "$root/dev/shm"
mount -t devpts -o newinstance,ptmxmode=0666,mode=620 devpts "$root/dev/pts"
mount -t tmpfs -o mode=1777 tmpfs "$root/dev/shm"
ln -s pts/ptmx "$root/dev/ptmx"
ln -s /proc/self/fd "$root/dev/fd"
for stream in 0:stdin 1:stdout 2:stderr; do ln -s "/proc/self/fd/${stream%%:*}" "$root/dev/${stream#*:}"; done
for shared in "$@"; do
	mkdir -p "$root$shared"
	mount --rbind "$shared" "$root$shared"
done
if [ "$init" = systemd ]; then
	# The cgroup namespace makes the node's own cgroup (made by lab-node.ts) the root systemd manages.
	mount -t cgroup2 cgroup2 "$root/sys/fs/cgroup"
fi

hostname "$name"
cd "$root"
pivot_root . .
umount -l .
cd /
echo "$name" >/etc/hostname
mkdir -p /run/mesos-setup-lab
# Read by the stand-ins: inside a lab node every interface is the lab's (see standins/lab-node.ts).
echo "$name" >/run/mesos-setup-lab/node

if [ "$init" = sysv ]; then
	echo "node $name: ready (sysv)"
	# PID 1 of the namespace: reaps the orphans that start-stop-daemon's daemons leave, stops on TERM.
	exec bash -c 'trap "exit 0" TERM; while :; do sleep 3600 & wait $!; done'
fi

# systemd, as ../shared/lab/boot-systemd.sh boots it, and safer still: /run, /tmp and /var/tmp are
# private tmpfs (systemd-tmpfiles' `D /tmp` would only empty the node's), and every unit that
# sysinit, local-fs, basic, sockets and timers pull in is masked, except journald, which this lab
# reads (`journalctl -u X`): it writes under the node's private /run.
mkdir -p /run/systemd/system
keep=' systemd-journald.service systemd-journald.socket systemd-journald-dev-log.socket '
for directory in /usr/lib/systemd/system /lib/systemd/system /etc/systemd/system; do
	for wanted in "$directory"/{sysinit,local-fs,basic,sockets,timers}.target.wants/*; do
		[ -e "$wanted" ] || [ -L "$wanted" ] || continue
		unit=$(basename "$wanted")
		case "$keep" in *" $unit "*) continue ;; esac
		ln -sf /dev/null "/run/systemd/system/$unit"
	done
done
for unit in systemd-tmpfiles-setup.service systemd-tmpfiles-setup-dev.service systemd-tmpfiles-clean.timer \
	systemd-udevd.service systemd-udev-trigger.service systemd-remount-fs.service systemd-journald-audit.socket; do
	ln -sf /dev/null "/run/systemd/system/$unit"
done
cat >/run/systemd/system/lab.target <<'UNIT'
[Unit]
Description=mesos-setup lab node
DefaultDependencies=no
Wants=systemd-journald.socket systemd-journald-dev-log.socket systemd-journald.service
UNIT
echo "node $name: ready (systemd)"
export container=mesos-setup-lab
exec /usr/lib/systemd/systemd --system --unit=lab.target
