module throughline.dev/desktop

go 1.26.8
