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

require_java() {
	if ! command -v java >/dev/null 2>&1 || ! java -version 2>&1 | grep -qE 'version "(1[7-9]|2[0-9])'; then
		apt_install openjdk-17-jdk-headless
	fi
}
