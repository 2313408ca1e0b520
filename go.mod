module github.com/firehose-playground/firehose-playground

go 1.26.0

require (
	github.com/stretchr/testify v1.12.1 // indirect
	github.com/tidwall/pretty v1.3.0 // indirect
)
