// Package desktop will hold Throughline's desktop app for managers and
// employees: a Wails shell around the TypeScript frontend in ../frontend,
// whose Go side forwards the frontend's GraphQL requests to the configured
// server. It is a module of its own so that the server builds and tests
// without GTK or WebKit.
package desktop
