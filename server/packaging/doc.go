// Package packaging holds what turns the server into a Debian package:
// nfpm.yaml, the systemd unit, the maintainer scripts and the commented
// configuration file the package installs (`make dist` builds it). Its
// test installs the package on the machine it runs on, upgrades and
// purges it; it runs only when asked to, as root (see install_test.go).
package packaging
