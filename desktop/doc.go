// Throughline's desktop app for managers and employees: a Wails window
// around the TypeScript frontend, which is built into dist/ from
// ../frontend and embedded here.
//
// The Go side keeps the connection (the server's address and the
// person's token, in the user's configuration folder, readable by the
// user only) and forwards the frontend's /query requests to that server
// with the token added, so the token never reaches JavaScript. It binds
// one small App with what a webview cannot do itself: keep the
// connection, save a file through the system's dialog, set the window's
// title.
//
// It is a module of its own so that the server builds and tests without
// GTK or WebKit. Build it from the repository's root, after building the
// frontend (cd frontend && npm run build):
//
//	go build -tags desktop,production,webkit2_40 -o bin/throughline-desktop ./desktop
//
// The tags select Wails's desktop runtime; webkit2_40 makes the asset
// server pass request bodies and answer statuses other than 200, which
// forwarding GraphQL POSTs needs.
package main
