#!/usr/bin/env bash
# System packages the tests need: Debian's Chromium and ChromeDriver (browser
# tests) and a CJK font (so screenshots show Chinese). Java 17 and Maven, for
# the Neo4j launcher, come with the machine. Installs only what is missing.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
fc-list 2>/dev/null | grep -qi "noto sans cjk" || need+=(fonts-noto-cjk)
if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "缺少系统软件包 / missing system packages: ${need[*]} (install them with your package manager)" >&2
  exit 0
fi
echo "安装系统软件包 / installing system packages: ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
