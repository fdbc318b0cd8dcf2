#!/usr/bin/env bash
# Installs the Debian 12 packages the project needs, only those that are missing.
# QGIS and its Python bindings come from Debian (not PyPI): they are built for /usr/bin/python3.
set -euo pipefail
PACKAGES=(
  qgis python3-qgis qgis-providers python3-pyqt5   # QGIS 3.22 and PyQGIS
  xvfb xauth                                       # a virtual display for the demo and GUI tests
  gdal-bin                                         # ogrinfo/ogr2ogr, used by tests as a reference reader
  postgresql-15 postgresql-15-postgis-3            # the central database engine
  pyqt5-dev-tools qttools5-dev-tools               # pyrcc5, pylupdate5, lrelease
  python3-venv poppler-utils sqlite3
)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing missing Debian packages: ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "error: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
  SUDO=sudo
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
