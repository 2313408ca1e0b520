module github.com/firehose-playground/firehose-playground

go 1.26.0

require (
	github.com/andybalholm/brotli v1.3.0
	github.com/aws/aws-lambda-go v1.55.1
	github.com/stretchr/testify v1.12.1
	github.com/tidwall/pretty v1.3.0
)

require go.yaml.in/yaml/v3 v3.0.5 // indirect
