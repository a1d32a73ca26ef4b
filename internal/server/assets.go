package server

import _ "embed"

// reloadJS is the script every page loads in serve mode.
//
//go:embed reload.js
var reloadJS string

// overlayCSS styles the build error overlay.
//
//go:embed overlay.css
var overlayCSS string
