module github.com/isnad/isnad

go 1.26.8
