#!/bin/sh
# postrm of the throughline package. Removing keeps the data, the
# configuration and the user, so that installing again picks up where the
# server left off; purging deletes them all, the database included.
set -e

user=throughline

# reload_systemd makes systemd forget the unit file that is gone.
reload_systemd() {
	if [ -d /run/systemd/system ]; then
		systemctl daemon-reload || true
	fi
}

# delete_user removes the system user and its group. userdel, unlike
# deluser, is there even when adduser has gone before the purge.
delete_user() {
	if getent passwd "$user" >/dev/null; then
		userdel "$user"
	fi
	if getent group "$user" >/dev/null; then
		groupdel "$user"
	fi
}

# purge deletes the database and every setting, among them the unit's
# enablement and any drop-ins made with `systemctl edit throughline`.
purge() {
	rm -rf /var/lib/throughline /etc/throughline
	rm -rf /etc/systemd/system/throughline.service.d
	rm -f /etc/systemd/system/multi-user.target.wants/throughline.service
	delete_user
}

case "$1" in
remove)
	reload_systemd
	;;
purge)
	purge
	reload_systemd
	;;
esac
