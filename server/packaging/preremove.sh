#!/bin/sh
# prerm of the throughline package: stop the server before its binary
# goes. An upgrade leaves it running; postinst restarts it on the new one.
set -e

if [ "$1" = remove ] && [ -d /run/systemd/system ]; then
	systemctl stop throughline.service || true
fi
