# Sourced by test.sh and bench.sh: installs what this kind of machine (Debian 12, .NET 10 SDK) may lack.
# Each step says what it does; nothing is installed when it is already there.

signups_install() {
  # Installs Debian packages, with sudo when not root.
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      echo "signups: need root (or sudo) to install: $*" >&2; return 1
    fi
  fi
  echo "signups: installing $* (apt-get)" >&2
  $sudo apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

signups_require_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "signups: the .NET 10 SDK is required (https://dotnet.microsoft.com/download)" >&2
    return 1
  fi
}

signups_require_chromium() {
  # The dashboard's browser test drives Debian's headless Chromium.
  if ! command -v chromium >/dev/null 2>&1; then
    signups_install chromium
  fi
}

signups_build() {
  echo "signups: building ($1)" >&2
  dotnet build "$(dirname "${BASH_SOURCE[0]}")/../Signups.sln" -c "$1" --nologo -v quiet -clp:ErrorsOnly
}
