#!/usr/bin/env bash
# serve-latency.sh measures, for isnad serve and hugo server on the same
# generated corpus, the time from saving an article to the preview serving
# its new page. Both servers run at once, and bench/servelatency edits one
# article in each in turn, so both see the same load; it prints each time,
# then the median, p10, p90 and the slowest.
#
#   bench/serve-latency.sh [-n ARTICLES] [-r EDITS] [-s SEED] [-w SETTLE]
#
# SETTLE (default 700ms) is the pause after each edit before the next
# server's: at 10,000 articles hugo is still busy for a while after it
# serves its page, so give it 2s there.
#
# It needs hugo (apt-get install hugo). Work files go to $BENCH_DIR
# (default /tmp/isnad-serve-bench: not bench/compare.sh's, whose timings
# these edits would disturb). The first build of 10,000 articles takes
# minutes for each server; the script waits.
set -euo pipefail
cd "$(dirname "$0")/.."

n=10000 runs=20 seed=1 settle=700ms
while getopts "n:r:s:w:" opt; do
	case $opt in
	n) n=$OPTARG ;;
	r) runs=$OPTARG ;;
	s) seed=$OPTARG ;;
	w) settle=$OPTARG ;;
	*) echo "usage: $0 [-n ARTICLES] [-r EDITS] [-s SEED] [-w SETTLE]" >&2; exit 2 ;;
	esac
done
dir=${BENCH_DIR:-/tmp/isnad-serve-bench}/n$n-s$seed
command -v hugo >/dev/null || { echo "serve-latency.sh: hugo not found (apt-get install hugo)" >&2; exit 1; }

mkdir -p "$dir/bin"
go build -o "$dir/bin/isnad" ./cmd/isnad
go build -o "$dir/bin/gencorpus" ./bench/gencorpus
go build -o "$dir/bin/servelatency" ./bench/servelatency
# The same corpus as bench/compare.sh makes, made again when the generator
# changed.
stamp=$(sha256sum "$dir/bin/gencorpus" bench/hugo/hugo.toml bench/hugo/layouts/*.html bench/hugo/layouts/*/*.html | sha256sum | cut -c1-16)
if [ "$(cat "$dir/.done" 2>/dev/null)" != "$stamp" ]; then
	rm -rf "$dir/isnad" "$dir/hugo" "$dir/.done"
	"$dir/bin/gencorpus" -n "$n" -seed "$seed" -out "$dir/isnad/content"
	mkdir -p "$dir/hugo"
	cp -r bench/hugo/. "$dir/hugo/"
	cp -r "$dir/isnad/content" "$dir/hugo/content"
	echo "$stamp" >"$dir/.done"
fi

# A free port: ask the kernel for one.
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
pi=$(port) ph=$(port)

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

echo "machine: $(nproc) cores, $(uname -sr), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "hugo:    $(hugo version)"
echo "isnad:   $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD 2>/dev/null || echo +changes), $(go version | cut -d' ' -f3)"
echo "corpus:  $n articles, seed $seed; $settle between edits"

"$dir/bin/isnad" serve --src "$dir/isnad" --port "$pi" >"$dir/isnad-serve.log" 2>&1 &
pids+=($!)
hugo server --source "$dir/hugo" --bind 127.0.0.1 --port "$ph" --baseURL "http://127.0.0.1:$ph/" \
	--disableFastRender=false >"$dir/hugo-server.log" 2>&1 &
pids+=($!)

# The article edited: one in the middle of the corpus, and its page.
rel=$(cd "$dir/isnad" && find content -name '*.md' | sort | sed -n "$((n / 2 + 1))p")
page=${rel#content/}
page=${page%.md}/

wait_up() { # NAME URL LOG
	local start=$SECONDS
	until curl -sf -o /dev/null "$2"; do
		if ((SECONDS - start > 1800)); then echo "$1 did not come up; see $3" >&2; exit 1; fi
		sleep 1
	done
	echo "$1 up after $((SECONDS - start))s"
}
wait_up "isnad serve" "http://127.0.0.1:$pi/$page" "$dir/isnad-serve.log"
wait_up "hugo server" "http://127.0.0.1:$ph/$page" "$dir/hugo-server.log"
echo "article: $rel"
echo

"$dir/bin/servelatency" -runs "$runs" -settle "$settle" \
	-target "isnad=http://127.0.0.1:$pi/$page,$dir/isnad/$rel" \
	-target "hugo=http://127.0.0.1:$ph/$page,$dir/hugo/$rel"

# isnad serve logs when it sent each reload event: the time from the save
# to the event, which the browser acts on.
awk '/reload sent/ {for (i = 1; i <= NF; i++) if ($i ~ /ms$/ && $(i+1) == "after") {sub("ms", "", $i); print $i}}' "$dir/isnad-serve.log" |
	tail -n "$runs" | sort -g | awk '{a[NR]=$1} END {if (NR) printf "\nisnad: save to reload event, median %d ms, p90 %d ms (%d edits; from its log)\n", a[int((NR+1)/2)], a[int((NR-1)*9/10)+1], NR}'
