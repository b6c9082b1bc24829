// The shared test support (Tests/TestSupport: repository paths, project builders, the CLI
// runner), visible in every file of this test target.
@_exported import TestSupport
