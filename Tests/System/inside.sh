#!/bin/sh
# Runs inside the container booted by systemd_units.sh, as root under systemd (PID 1): the README's service steps,
# then what must hold for them. Prints "ok - …" / "not ok - …" lines and a closing "N passed, N failed".
set -u
pass=0
fail=0
log=/partyd-test/details.log

check() {
    what=$1
    shift
    echo "== $what: $*" >>"$log"
    if "$@" >>"$log" 2>&1; then
        pass=$((pass + 1))
        echo "ok - $what"
    else
        fail=$((fail + 1))
        echo "not ok - $what"
    fi
}

# `systemctl show` of one property, as a value.
prop() { systemctl show -p "$2" --value "$1"; }

equals() { [ "$1" = "$2" ] || { echo "expected '$2', got '$1'"; return 1; }; }

# The README's steps, as root.
check "systemd-sysusers creates partyd and partyadm" systemd-sysusers
check "user partyd exists" getent passwd partyd
check "group partyadm exists" getent group partyadm
check "units are found" systemctl daemon-reload
check "only the socket enabled and started" systemctl enable --now partyd.socket
check "the service waits for its first client" equals "$(prop partyd.service ActiveState)" inactive
check "socket activation: partyadmin status answers" partyadmin status
check "the service runs after the first request" equals "$(prop partyd.service ActiveState)" active
check "partyd told systemd it is ready (Type=notify)" equals "$(prop partyd.service Type)" notify
check "the service enabled too" systemctl enable --now partyd.service
check "the data directory belongs to partyd" equals "$(stat -c %U:%a /var/lib/partyd)" partyd:750
check "the socket still belongs to group partyadm" equals "$(stat -c %G:%a /run/partyd/partyd.sock)" partyadm:660
check "org add (parent)" partyadmin org add --code 330200 --name 中共宁波市委组织部机关委员会 --kind 党委
check "org add (branch)" partyadmin org add --code 330200001 --name 第一党支部 --kind 党支部 --parent 330200
check "a Unix user for the branch secretary" useradd --create-home zhangwei
check "user add --org" partyadmin user add --unix-user zhangwei --role org-admin --org 330200001
check "usermod -aG partyadm" usermod -aG partyadm zhangwei
check "the secretary uses the console" runuser -u zhangwei -- partyadmin org show 330200001
check "a user outside partyadm cannot connect" sh -c 'useradd guest && runuser -u guest -- partyadmin status; [ $? -eq 2 ]'

# Stop, start through the socket, restart: the data stays.
check "systemctl stop partyd" systemctl stop partyd.service
check "the stop was clean" equals "$(prop partyd.service Result):$(prop partyd.service ExecMainStatus)" success:0
check "the journal says partyd stopped" sh -c 'journalctl -u partyd.service -o cat | grep -q "partyd stopped"'
check "the socket stays while the service is stopped" equals "$(prop partyd.socket ActiveState)" active
check "data survives a stop (socket activation again)" partyadmin org show 330200001
check "systemctl restart partyd" systemctl restart partyd.service
check "data survives a restart" partyadmin org show 330200
check "after restarts the socket is still partyadm's" equals "$(stat -c %G /run/partyd/partyd.sock)" partyadm
check "after restarts the secretary still connects" runuser -u zhangwei -- partyadmin status

# Backup while running, restore after a stop (README).
check "sqlite3 .backup while running" sqlite3 /var/lib/partyd/partyd.sqlite ".backup '/root/partyd-backup.sqlite'"
check "the backup is sound" equals "$(sqlite3 /root/partyd-backup.sqlite 'PRAGMA integrity_check')" ok
check "a change after the backup" partyadmin org add --code 330200002 --name 第二党支部 --kind 党支部 --parent 330200
check "stop for the restore" systemctl stop partyd.socket partyd.service
check "restore the database" sh -c 'rm -f /var/lib/partyd/partyd.sqlite-wal /var/lib/partyd/partyd.sqlite-shm &&
    install -o partyd -g partyd -m 0600 /root/partyd-backup.sqlite /var/lib/partyd/partyd.sqlite'
check "start after the restore" systemctl start partyd.socket partyd.service
check "the restored data is there" partyadmin org show 330200001
check "the later change is gone" sh -c '! partyadmin org show 330200002'

# The HTTP listener under the shipped unit, and refused under the local-only drop-in.
mkdir -p /etc/systemd/system/partyd.service.d
printf '[Service]\nEnvironment=PARTYD_HTTP_ADDRESS=127.0.0.1:18080\n' >/etc/systemd/system/partyd.service.d/http.conf
systemctl daemon-reload >>"$log" 2>&1
check "the HTTP listener starts under the shipped unit" systemctl restart partyd.service
# 127.0.0.1:18080 listening (state 0A) in the container's own network namespace. partyd reports ready before the
# HTTP listener binds, so the listener may come a moment after `systemctl restart` returns.
check "the listener listens on 127.0.0.1:18080" sh -c 'for i in $(seq 50); do
    grep -q "0100007F:46A0 00000000:0000 0A" /proc/net/tcp && exit 0; sleep 0.1; done; exit 1'
cp /partyd-test/local-only.conf /etc/systemd/system/partyd.service.d/local-only.conf
systemctl daemon-reload >>"$log" 2>&1
check "local-only.conf: only AF_UNIX" equals "$(prop partyd.service RestrictAddressFamilies)" AF_UNIX
# For the same reason the refusal shows as the daemon exiting right after it reported ready.
systemctl restart partyd.service >>"$log" 2>&1
check "local-only.conf: the HTTP listener is refused" sh -c 'for i in $(seq 50); do
    journalctl -u partyd.service -o cat | grep -q "Address family not supported" && exit 0; sleep 0.1; done; exit 1'
systemctl stop partyd.service >>"$log" 2>&1
rm /etc/systemd/system/partyd.service.d/http.conf
systemctl daemon-reload >>"$log" 2>&1
systemctl reset-failed partyd.service >>"$log" 2>&1
check "local-only.conf: partyd runs without the listener" systemctl restart partyd.service
check "local-only.conf: partyadmin status answers" partyadmin status

check "no failed units" equals "$(systemctl list-units --failed --plain --no-legend | wc -l)" 0
echo "$pass passed, $fail failed"
