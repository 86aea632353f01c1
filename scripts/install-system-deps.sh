#!/usr/bin/env bash
# Installs the system packages the tests use, when they are missing: Debian's chromium (end-to-end
# tests; Playwright cannot download its own browser here), nginx, apache2 and openssl (proxy and
# config tests), and Python's venv module (reality tests). Needs root for apt-get; does nothing if all are there.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
# The reality tests run Debian's /usr/sbin/nginx by path, not whatever nginx is on PATH.
[ -x /usr/sbin/nginx ] || missing+=(nginx)
# apache2 likewise; the tests run /usr/sbin/apache2 on their own ServerRoot, never the system service.
[ -x /usr/sbin/apache2 ] || missing+=(apache2)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
/usr/bin/python3 -c 'import venv, ensurepip' >/dev/null 2>&1 || missing+=(python3-venv)
/usr/bin/python3 -m pip --version >/dev/null 2>&1 || command -v pip >/dev/null 2>&1 || missing+=(python3-pip)
# xmllint validates the SCORM package's imsmanifest.xml against the SCORM 1.2 schemas (tests/scorm/).
command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)

if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: all present"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "missing system packages: ${missing[*]}" >&2
  echo "install them as root: apt-get update && apt-get install -y ${missing[*]}" >&2
  exit 1
fi

echo "installing system packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends "${missing[@]}"
# Debian starts apache2 (and nginx) on install where an init system runs: the tests start their own.
if [[ " ${missing[*]} " == *" apache2 "* ]] && command -v service >/dev/null 2>&1; then
  service apache2 stop >/dev/null 2>&1 || true
fi
