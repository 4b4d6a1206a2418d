package packaging

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Where the package puts things, as nfpm.yaml and postinstall.sh say.
const (
	packageName = "throughline"
	serviceUser = "throughline"
	binaryPath  = "/usr/bin/throughline"
	unitPath    = "/lib/systemd/system/throughline.service"
	configDir   = "/etc/throughline"
	configPath  = "/etc/throughline/throughline.conf"
	dataDir     = "/var/lib/throughline"
)

// TestInstallAndUpgrade installs the server's Debian package with dpkg,
// runs the server as its systemd unit would (where systemd runs the
// machine, it first checks the service postinst started), fills it with
// data, upgrades
// to a package of a higher version built from the same tree, and checks
// that every row is still there and the schema is current. Then it
// removes the package, which must keep the data, and purges it, which
// must delete the data, the configuration and the user.
//
// The test changes the machine it runs on: it installs and purges the
// package throughline, and with it the system user throughline,
// /etc/throughline and /var/lib/throughline. So it runs only when
// THROUGHLINE_PACKAGE_TEST=1, and then must run as root (CI does both);
// it refuses to touch a machine where Throughline is installed already,
// and it purges what it installed when it ends, passed or failed.
func TestInstallAndUpgrade(t *testing.T) {
	requireMachine(t)
	refuseInstalled(t)
	work := t.TempDir()
	v1 := buildPackage(t, work, "0.0.1~test1")
	v2 := buildPackage(t, work, "0.0.2~test2")
	t.Cleanup(func() { purgeAll(t) })

	envPort, filePort := freePort(t), freePort(t)
	sd := useSystemd(t, envPort)
	dpkg(t, "--install", v1.path)
	checkInstalled(t, v1)
	sd.checkServing(t, v1.version)
	unit := readUnit(t, unitPath)
	checkUnitVerifies(t)
	setConfig(t, "listen", "127.0.0.1:"+filePort)
	want := fillV1(t, unit, v1, work, envPort, filePort)
	rowsV1 := countRows(t, work)

	dpkg(t, "--install", v2.path)
	checkInstalled(t, v2)
	sd.checkServing(t, v2.version)
	checkConfig(t, "listen", "127.0.0.1:"+filePort)
	unit = readUnit(t, unitPath)
	checkV2(t, unit, v2, work, envPort, want)
	checkSameRows(t, rowsV1, countRows(t, work))
	checkSchemaCurrent(t, work)

	dpkg(t, "--remove", packageName)
	checkRemoved(t)
	dpkg(t, "--purge", packageName)
	checkPurged(t)
}

// fillV1 starts version 1 as the unit would and fills it: the first
// start, with no data; then people and OKRs imported with the command
// line, and a cycle and a manager's token made through the API. It
// returns what the API then answers, for version 2 to answer the same.
func fillV1(t *testing.T, unit *unit, v1 builtPackage, work, envPort, filePort string) apiState {
	t.Helper()
	checkConfigCheck(t, unit, envPort)
	srv := unit.start(t, work, envPort)
	checkEnvBeatsFile(t, srv, filePort)
	checkMonitoring(t, srv)
	admin := readAdminToken(t)
	checkServerVersion(t, srv, admin, v1.version)
	if n := srv.peopleCount(t, admin); n != 0 {
		t.Fatalf("the package's configuration has no-seed, yet the first start made %d people", n)
	}
	srv.stop(t)

	people := importTestData(t, unit)
	srv = unit.start(t, work, envPort)
	if n := srv.peopleCount(t, admin); n != people {
		t.Fatalf("after importing %d people the API shows %d", people, n)
	}
	manager := srv.addThroughAPI(t, admin)
	state := srv.state(t, admin, manager)
	srv.stop(t)
	return state
}

// checkV2 starts the upgraded server and checks that it is version 2 and
// answers what version 1 did, to the same tokens.
func checkV2(t *testing.T, unit *unit, v2 builtPackage, work, envPort string, want apiState) {
	t.Helper()
	srv := unit.start(t, work, envPort)
	admin := readAdminToken(t)
	checkServerVersion(t, srv, admin, v2.version)
	got := srv.state(t, admin, want.managerToken)
	if got.data != want.data {
		t.Errorf("after the upgrade the API answers\n%s\nbut before it answered\n%s", got.data, want.data)
	}
	srv.stop(t)
}

// checkInstalled checks what dpkg and postinst left: the binary, the
// unit, the configuration as a conffile the server's group may read, the
// system user, and the data directory only it may enter.
func checkInstalled(t *testing.T, p builtPackage) {
	t.Helper()
	if got := dpkgQuery(t, "${Version} ${db:Status-Status}"); got != p.version+" installed" {
		t.Fatalf("dpkg says the package is %q, want %q", got, p.version+" installed")
	}
	if conffiles := dpkgQuery(t, "${Conffiles}"); !strings.Contains(conffiles, configPath) {
		t.Errorf("%s is not a conffile: an upgrade would overwrite the admin's edits (conffiles: %q)",
			configPath, conffiles)
	}
	checkFile(t, binaryPath, "root", "root", 0o755)
	checkFile(t, unitPath, "root", "root", 0o644)
	checkFile(t, configPath, "root", serviceUser, 0o640)
	checkFile(t, dataDir, serviceUser, serviceUser, 0o750|os.ModeDir)
	checkSystemUser(t)
	checkCommandVersion(t, readUnit(t, unitPath), p.version)
}

// checkRemoved checks that removing the package took the program and
// left the data, the configuration and the user for a reinstall.
func checkRemoved(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(binaryPath); !os.IsNotExist(err) {
		t.Errorf("%s is still there after dpkg --remove (stat: %v)", binaryPath, err)
	}
	for _, kept := range []string{filepath.Join(dataDir, "throughline.db"), configPath} {
		if _, err := os.Stat(kept); err != nil {
			t.Errorf("dpkg --remove must keep %s: %v", kept, err)
		}
	}
	if !userExists(t) {
		t.Errorf("dpkg --remove deleted the user %s; only a purge may", serviceUser)
	}
}

// checkPurged checks that purging left nothing of the server behind.
func checkPurged(t *testing.T) {
	t.Helper()
	if got := dpkgQuery(t, "${db:Status-Status}"); got != "" && got != "not-installed" {
		t.Errorf("after dpkg --purge the package is %q", got)
	}
	for _, gone := range []string{dataDir, configDir, dropInDir,
		"/etc/systemd/system/multi-user.target.wants/throughline.service"} {
		if _, err := os.Stat(gone); !os.IsNotExist(err) {
			t.Errorf("%s is still there after dpkg --purge (stat: %v)", gone, err)
		}
	}
	if userExists(t) || groupExists(t) {
		t.Errorf("the user or group %s is still there after dpkg --purge", serviceUser)
	}
}
