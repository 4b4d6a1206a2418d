#!/bin/sh
# postinst of the throughline package: the system user the server runs as,
# its data directory, the configuration file's group, and the service.
set -e

user=throughline
data=/var/lib/throughline
conf=/etc/throughline/throughline.conf
unit=throughline.service

# add_user makes the system user and its group, once. It has no shell
# and no home of its own beyond the data directory.
add_user() {
	if ! getent group "$user" >/dev/null; then
		addgroup --system --quiet "$user"
	fi
	if ! getent passwd "$user" >/dev/null; then
		adduser --system --quiet --ingroup "$user" --home "$data" \
			--no-create-home "$user"
	fi
}

# own_files gives the server its data directory, readable by it alone,
# and lets it read, but not change, its configuration, which may hold a
# database password.
own_files() {
	mkdir -p "$data"
	chown "$user:$user" "$data"
	chmod 0750 "$data"
	if [ -f "$conf" ]; then
		chown "root:$user" "$conf"
		chmod 0640 "$conf"
	fi
}

# start_service enables and starts the server on a first install. On an
# upgrade it restarts a server that is enabled or running, and leaves
# one the admin disabled and stopped alone. A server that fails to start
# (its port taken, say) does not fail the install: the admin fixes the
# configuration and starts it. Without systemd (a container, a chroot)
# the admin starts the server some other way.
start_service() {
	[ -d /run/systemd/system ] || return 0
	systemctl daemon-reload
	if [ -z "$1" ]; then
		systemctl enable "$unit"
		systemctl start "$unit" || not_started
	elif systemctl is-enabled --quiet "$unit"; then
		systemctl restart "$unit" || not_started
	else
		systemctl try-restart "$unit" || not_started
	fi
}

not_started() {
	echo "throughline: the service did not start; see journalctl -u $unit" >&2
}

if [ "$1" = configure ]; then
	add_user
	own_files
	start_service "$2"
fi
