#!/usr/bin/env bash
# The unit files under a real systemd as PID 1: `make install DESTDIR=` into a copy of a minimal Debian tree, boot it
# with systemd-nspawn, and run Tests/System/inside.sh there as a service (the README's steps: sysusers, socket
# activation, the console for a member of partyadm, clean stop, data across restarts, backup and restore, the HTTP
# listener and the local-only drop-in). Needs root. `make test-systemd` runs it after `make release`.
#
# The base tree (debootstrap --variant=minbase of this machine's Debian release, from its default mirror) is kept in
# .build/nspawn/base and made once, which takes a minute or two; each run works on a copy in a temporary directory.
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
base=${PARTYD_NSPAWN_BASE:-$repo/.build/nspawn/base}
release_bin=${RELEASE_BIN:-$repo/.build/release}

if [ "$(id -u)" != 0 ]; then
    echo "systemd_units.sh: needs root (debootstrap, systemd-nspawn)" >&2
    exit 1
fi
for tool in systemd-nspawn debootstrap; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "正在安装 systemd-container debootstrap"
        DEBIAN_FRONTEND=noninteractive apt-get -qq -o=Dpkg::Use-Pty=0 install -y systemd-container debootstrap \
            >/dev/null
        break
    fi
done

if [ ! -x "$base/lib/systemd/systemd" ]; then
    codename=$(. /etc/os-release && echo "$VERSION_CODENAME")
    echo "debootstrap $codename → $base (once)"
    rm -rf "$base.tmp"
    mkdir -p "$(dirname "$base")"
    debootstrap --variant=minbase --include=systemd,systemd-sysv,dbus,libsqlite3-0,libcurl4,sqlite3 \
        "$codename" "$base.tmp" >"$(dirname "$base")/debootstrap.log" 2>&1 \
        || { tail -20 "$(dirname "$base")/debootstrap.log"; exit 1; }
    mv "$base.tmp" "$base"
fi

work=$(mktemp -d /tmp/partyd-systemd.XXXXXX)
trap 'rm -rf "$work"' EXIT
cp -a "$base" "$work/root"

# Install exactly as a user would, only into the tree.
make -C "$repo" --no-print-directory install DESTDIR="$work/root" RELEASE_BIN="$release_bin" >"$work/install.log"

# The checks run as a service once the system is up, then power the container off.
mkdir -p "$work/root/partyd-test"
install -m 0755 "$repo/Tests/System/inside.sh" "$work/root/partyd-test/inside.sh"
install -m 0644 "$repo/systemd/local-only.conf" "$work/root/partyd-test/local-only.conf"
cat >"$work/root/etc/systemd/system/partyd-test.service" <<'UNIT'
[Unit]
Description=partyd unit checks
After=multi-user.target

[Service]
Type=oneshot
ExecStart=/bin/sh -c '/partyd-test/inside.sh >/partyd-test/result.log 2>&1'
ExecStopPost=/bin/systemctl poweroff --no-block
StandardOutput=journal

[Install]
WantedBy=multi-user.target
UNIT
ln -s /etc/systemd/system/partyd-test.service "$work/root/etc/systemd/system/multi-user.target.wants/"

# No machined on the host: neither register nor ask for a scope. A private network: only the container's loopback.
status=0
timeout 300 systemd-nspawn --quiet --directory="$work/root" --register=no --keep-unit --private-network \
    --boot --console=pipe >"$work/boot.log" 2>&1 || status=$?

if [ ! -s "$work/root/partyd-test/result.log" ]; then
    echo "the container produced no result (systemd-nspawn exited $status):" >&2
    tail -40 "$work/boot.log" >&2
    exit 1
fi
cat "$work/root/partyd-test/result.log"
if grep -q '^not ok' "$work/root/partyd-test/result.log" || ! grep -q ' 0 failed$' "$work/root/partyd-test/result.log"
then
    echo "--- details" >&2
    cat "$work/root/partyd-test/details.log" >&2
    echo "--- journal of partyd" >&2
    journalctl --directory="$work/root/var/log/journal" -u partyd.service -u partyd.socket -o short-monotonic \
        --no-pager 2>/dev/null | tail -60 >&2 || true
    exit 1
fi
