package e2e_test

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"throughline.dev/server/internal/testserver"
)

// With a certificate and key the server speaks HTTPS only, and a client
// that trusts the certificate reaches it.
func TestServeHTTPS(t *testing.T) {
	bin := buildServer(t)
	dir := t.TempDir()
	certFile, keyFile, pool := selfSigned(t, dir)
	logPath := filepath.Join(dir, "server.log")
	logFile, err := os.Create(logPath)
	if err != nil {
		t.Fatal(err)
	}
	defer logFile.Close()
	cmd := exec.Command(bin, on(testserver.NewPlace(t), "serve", "--no-seed", "--listen", "127.0.0.1:0",
		"--tls-cert", certFile, "--tls-key", keyFile)...)
	cmd.Stdout, cmd.Stderr = logFile, logFile
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }()

	client := &http.Client{Timeout: time.Second, Transport: &http.Transport{
		TLSClientConfig: &tls.Config{RootCAs: pool},
	}}
	url := waitForURL(logPath)
	if !strings.HasPrefix(url, "https://") || !eventuallyOK(client, url+"/healthz") {
		log, _ := os.ReadFile(logPath)
		t.Fatalf("no HTTPS answer at %q:\n%s", url, log)
	}
	addr := strings.TrimPrefix(url, "https://")
	if res, err := (&http.Client{Timeout: time.Second}).Get("http://" + addr + "/healthz"); err == nil {
		res.Body.Close()
		if res.StatusCode == http.StatusOK {
			t.Errorf("plain HTTP was served beside HTTPS")
		}
	}
}

// Half a TLS configuration is refused at start with a clear message.
func TestServeRefusesHalfATLSConfiguration(t *testing.T) {
	bin := buildServer(t)
	dir := t.TempDir()
	certFile, _, _ := selfSigned(t, dir)
	out, err := exec.Command(bin, on(testserver.NewPlace(t), "serve", "--no-seed",
		"--listen", "127.0.0.1:0", "--tls-cert", certFile)...).CombinedOutput()
	if err == nil || !strings.Contains(string(out), "--tls-cert and --tls-key go together") {
		t.Errorf("serve with a certificate and no key: %v\n%s", err, out)
	}
}

// waitForURL waits a bounded time for the server to log its address.
func waitForURL(logPath string) string {
	for range 100 {
		if url := listenURL(logPath); url != "" {
			return url
		}
		time.Sleep(50 * time.Millisecond)
	}
	return ""
}

func eventuallyOK(client *http.Client, url string) bool {
	for range 100 {
		res, err := client.Get(url)
		if err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return true
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	return false
}

// selfSigned writes a certificate for 127.0.0.1 and its key, and returns
// a pool that trusts it.
func selfSigned(t *testing.T, dir string) (certFile, keyFile string, pool *x509.CertPool) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "throughline test"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")},
		KeyUsage:    x509.KeyUsageDigitalSignature,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	keyDER, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	certFile, keyFile = filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	writePEM(t, certFile, "CERTIFICATE", der)
	writePEM(t, keyFile, "EC PRIVATE KEY", keyDER)
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	pool = x509.NewCertPool()
	pool.AddCert(cert)
	return certFile, keyFile, pool
}

func writePEM(t *testing.T, path, kind string, der []byte) {
	t.Helper()
	b := pem.EncodeToMemory(&pem.Block{Type: kind, Bytes: der})
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}
