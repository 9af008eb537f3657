#!/usr/bin/env bash
# compare.sh times isnad against Hugo on the same generated corpus, in one
# run, alternating the two tools, and prints medians, min-max, the ratio and
# peak memory.
#
#   bench/compare.sh [-n ARTICLES] [-r RUNS] [-s SEED]
#
# It needs hugo (apt-get install hugo) and /usr/bin/time. Work files go to
# $BENCH_DIR (default /tmp/isnad-bench).
set -euo pipefail
cd "$(dirname "$0")/.."

n=10000 runs=5 seed=1
while getopts "n:r:s:" opt; do
	case $opt in
	n) n=$OPTARG ;;
	r) runs=$OPTARG ;;
	s) seed=$OPTARG ;;
	*) echo "usage: $0 [-n ARTICLES] [-r RUNS] [-s SEED]" >&2; exit 2 ;;
	esac
done
dir=${BENCH_DIR:-/tmp/isnad-bench}/n$n-s$seed

command -v hugo >/dev/null || { echo "compare.sh: hugo not found (apt-get install hugo)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "compare.sh: /usr/bin/time not found (apt-get install time)" >&2; exit 1; }

go build -o "$dir/bin/isnad" ./cmd/isnad
if [ ! -f "$dir/.done" ]; then
	rm -rf "$dir/isnad" "$dir/hugo"
	go run ./bench/gencorpus -n "$n" -seed "$seed" -out "$dir/isnad/content"
	mkdir -p "$dir/hugo"
	cp -r bench/hugo/. "$dir/hugo/"
	cp -r "$dir/isnad/content" "$dir/hugo/content"
	touch "$dir/.done"
fi

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"
echo "hugo:    $(hugo version)"
echo "isnad:   $(git rev-parse --short HEAD 2>/dev/null || echo unknown), $(go version | cut -d' ' -f3)"
echo "corpus:  $n articles, seed $seed, $(du -sh "$dir/isnad/content" | cut -f1)"

# one TOOL: runs a full build from scratch; prints "seconds peak_kib".
one() {
	local tool=$1 log
	log=$(mktemp)
	case $tool in
	isnad)
		rm -rf "$dir/isnad/site" "$dir/isnad/.isnad-cache"
		/usr/bin/time -v -o "$log" "$dir/bin/isnad" build --src "$dir/isnad" --out "$dir/isnad/site" >/dev/null
		;;
	hugo)
		rm -rf "$dir/hugo/public" "$dir/hugo/resources"
		/usr/bin/time -v -o "$log" hugo --quiet --source "$dir/hugo" --destination "$dir/hugo/public" >/dev/null
		;;
	esac
	awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=(n==3)?t[1]*3600+t[2]*60+t[3]:t[1]*60+t[2]}
		/Maximum resident set size/ {m=$2} END {printf "%.3f %d\n", s, m}' "$log"
	rm -f "$log"
}

declare -a ti th mi mh
one isnad >/dev/null; one hugo >/dev/null # warm the page cache
for ((i = 0; i < runs; i++)); do
	read -r t m < <(one isnad); ti+=("$t"); mi+=("$m")
	read -r t m < <(one hugo); th+=("$t"); mh+=("$m")
done

stats() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.3f %.3f %.3f", m, a[1], a[NR]}'; }
read -r mdi lo_i hi_i < <(stats "${ti[@]}")
read -r mdh lo_h hi_h < <(stats "${th[@]}")
read -r memi _ _ < <(stats "${mi[@]}")
read -r memh _ _ < <(stats "${mh[@]}")
printf '\n%-6s %9s %19s %12s\n' tool median "min-max (s)" "peak RSS"
printf '%-6s %8.3fs %9.3f-%-9.3f %9.0f MiB\n' isnad "$mdi" "$lo_i" "$hi_i" "$(echo "$memi/1024" | bc -l)"
printf '%-6s %8.3fs %9.3f-%-9.3f %9.0f MiB\n' hugo "$mdh" "$lo_h" "$hi_h" "$(echo "$memh/1024" | bc -l)"
printf '\nisnad is %.2fx faster than hugo (median over %d alternating runs each); noise: isnad spread %.0f%%, hugo spread %.0f%% of median\n' \
	"$(echo "$mdh/$mdi" | bc -l)" "$runs" "$(echo "($hi_i-$lo_i)*100/$mdi" | bc -l)" "$(echo "($hi_h-$lo_h)*100/$mdh" | bc -l)"
