# Shared by the bin/ commands: install what a fresh Debian machine lacks, or say how.

apt_install() {
	if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
		echo "Installing Debian packages: $*"
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
	else
		echo "Missing: $*. Install with: sudo apt-get install -y $*" >&2
		exit 1
	fi
}

# A JDK (javac too, not only a runtime) of version 17 or newer.
require_java() {
	if ! command -v javac >/dev/null 2>&1 || ! javac -version 2>&1 | grep -qE 'javac (1[7-9]|[2-9][0-9])'; then
		apt_install openjdk-17-jdk-headless
	fi
}

# The Maven wrapper downloads Maven itself with curl or wget.
require_downloader() {
	if ! command -v curl >/dev/null 2>&1 && ! command -v wget >/dev/null 2>&1; then
		apt_install curl ca-certificates
	fi
}

# Real peers the tests start themselves: each argument is "file-that-proves-it:debian-package".
# Missing ones are installed in one apt-get run (or named, when not root).
require_files() {
	local missing=()
	for pair in "$@"; do
		[ -e "${pair%%:*}" ] || missing+=("${pair##*:}")
	done
	if [ ${#missing[@]} -gt 0 ]; then apt_install "${missing[@]}"; fi
}
