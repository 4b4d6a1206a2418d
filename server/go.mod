module throughline.dev/server

go 1.26.8
