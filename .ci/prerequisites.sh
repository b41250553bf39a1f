#!/usr/bin/env bash
# 테스트가 쓰는 시스템 준비물을 하나씩 따로 확인하고, 없는 것만 Debian 패키지로 설치한다.
#
#   준비물              확인                                   없으면 설치할 패키지
#   글꼴 목록 도구       fc-list 가 있는가                        fontconfig
#   한국어 글꼴          fc-list :lang=ko 가 글꼴을 하나라도 내는가   fonts-noto-cjk
#   브라우저            $CHROMIUM_PATH(기본 /usr/bin/chromium)    chromium
#
# 한 준비물이 있다고 다른 것도 있다고 보지 않는다: 브라우저는 있고 한국어 글꼴은 없는 기계가 흔하다.
#
# 사용법: .ci/prerequisites.sh          없는 것을 설치하고 한 줄로 무엇을 설치했는지 말한다
#         .ci/prerequisites.sh --plan   설치할 패키지 이름만 한 줄에 하나씩 찍는다(아무것도 바꾸지 않는다)
# 테스트는 CHROMIUM_PATH, FC_LIST, APT_GET 을 바꿔 가짜 명령으로 판단 논리를 확인한다.
set -euo pipefail

chromium_path=${CHROMIUM_PATH:-/usr/bin/chromium}
fc_list=${FC_LIST:-fc-list}
apt_get=${APT_GET:-apt-get}

missing=()
if ! command -v "$fc_list" >/dev/null 2>&1; then
  # 글꼴 목록 도구가 없으면 한국어 글꼴이 있는지도 알 수 없다: 둘 다 설치한다.
  missing+=(fontconfig fonts-noto-cjk)
elif [ -z "$("$fc_list" :lang=ko family 2>/dev/null)" ]; then
  missing+=(fonts-noto-cjk)
fi
if [ ! -x "$chromium_path" ]; then
  missing+=(chromium)
fi

if [ "${1:-}" = "--plan" ]; then
  [ ${#missing[@]} -eq 0 ] || printf '%s\n' "${missing[@]}"
  exit 0
fi

if [ ${#missing[@]} -eq 0 ]; then
  echo "준비물: 모두 있다(한국어 글꼴, Chromium)"
  exit 0
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo=(sudo)
  else
    echo "준비물이 없다: ${missing[*]} — root 로 'apt-get install ${missing[*]}' 을 실행하세요" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" "$apt_get" update -qq >/dev/null
"${sudo[@]}" "$apt_get" install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "준비물 설치함: ${missing[*]}"
