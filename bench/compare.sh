#!/usr/bin/env bash
# compare.sh times isnad against Hugo on the same generated corpus, in one
# run, alternating the two tools, and prints medians, min-max, the ratio,
# peak memory and how noisy the machine was.
#
#   bench/compare.sh [-n ARTICLES] [-r RUNS] [-w WARMUPS] [-s SEED] [-t TEMPLATES] [-i]
#
#   -n  articles in the corpus (default 10000)
#   -r  timed runs of each tool (default 5), after the untimed warm-ups
#   -w  untimed warm-up runs of each tool first (default 1; 0 for long
#       corpora, where the first timed run then also warms the page cache)
#   -s  corpus seed (default 1)
#   -t  isnad's page templates: "minimal" (default), bench/isnad/templates,
#       which do per page what the Hugo twin's do; or "default", isnad's own,
#       which do much more (cards, sourcing strip, sources section, JSON-LD)
#   -i  also time isnad's incremental builds: a second build with nothing
#       changed, and a build after one article changed
#
# Both tools build the same Markdown files (bench/gencorpus, package
# internal/corpus) from scratch, into an empty output folder, with no cache:
#
#   both   every article parsed (goldmark, typographer, linkify, tables,
#          footnotes), fenced code highlighted by chroma with CSS classes, one
#          page per article through a template; the home list and one list per
#          tag, 25 articles to a page, with title, date, tags and summary;
#          the page of every tag; a 404 page.
#   isnad  beyond Hugo: annotation (every attributed claim found and tied to
#          its source in the outlet registry), claims wrapped and chipped in
#          the article HTML, outlet pages, claims JSON, bidi isolation of
#          other-direction runs, heading ids in Arabic, localized dates and
#          numbers, reading time, translations linked, richer templates
#          (cards, meta, pager), assets copied, and whatever else the default
#          build makes (feeds, sitemap, search index) when it makes them.
#   hugo   beyond isnad: 51 page/1/ alias redirects, Hugo's page bundles and
#          section model (its own bookkeeping; section pages are disabled).
#
# Hugo's templates (bench/hugo/layouts) are minimal, and so are isnad's with
# -t minimal; with -t default isnad runs its own, richer ones. Times are wall
# clock and CPU (user + system) from /usr/bin/time, peak memory its maximum
# resident set size. The machine's load average is printed before and after:
# other work on the machine shows up in the spread, and in wall time more
# than in CPU time.
#
# It needs hugo (apt-get install hugo) and /usr/bin/time. Work files go to
# $BENCH_DIR (default /tmp/isnad-bench).
set -euo pipefail
cd "$(dirname "$0")/.."

n=10000 runs=5 warm=1 seed=1 incr=0 tmpl=minimal
while getopts "n:r:w:s:t:i" opt; do
	case $opt in
	n) n=$OPTARG ;;
	r) runs=$OPTARG ;;
	w) warm=$OPTARG ;;
	s) seed=$OPTARG ;;
	t) tmpl=$OPTARG ;;
	i) incr=1 ;;
	*) echo "usage: $0 [-n ARTICLES] [-r RUNS] [-w WARMUPS] [-s SEED] [-t minimal|default] [-i]" >&2; exit 2 ;;
	esac
done
case $tmpl in minimal | default) ;; *) echo "compare.sh: -t is minimal or default" >&2; exit 2 ;; esac
dir=${BENCH_DIR:-/tmp/isnad-bench}/n$n-s$seed

command -v hugo >/dev/null || { echo "compare.sh: hugo not found (apt-get install hugo)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "compare.sh: /usr/bin/time not found (apt-get install time)" >&2; exit 1; }

mkdir -p "$dir/bin"
go build -o "$dir/bin/isnad" ./cmd/isnad
go build -o "$dir/bin/gencorpus" ./bench/gencorpus
# The corpus is made again when the generator changed.
stamp=$(sha256sum "$dir/bin/gencorpus" bench/hugo/hugo.toml bench/hugo/layouts/*.html bench/hugo/layouts/*/*.html bench/isnad/templates/* | sha256sum | cut -c1-16)
if [ "$(cat "$dir/.done" 2>/dev/null)" != "$stamp" ]; then
	rm -rf "$dir/isnad" "$dir/minimal" "$dir/hugo" "$dir/.done"
	"$dir/bin/gencorpus" -n "$n" -seed "$seed" -out "$dir/isnad/content"
	mkdir -p "$dir/minimal"
	cp -r "$dir/isnad/content" "$dir/minimal/content"
	cp -r bench/isnad/templates "$dir/minimal/templates"
	rm "$dir/minimal/templates/README.md"
	mkdir -p "$dir/hugo"
	cp -r bench/hugo/. "$dir/hugo/"
	cp -r "$dir/isnad/content" "$dir/hugo/content"
	echo "$stamp" >"$dir/.done"
fi

load() { cut -d' ' -f1-3 /proc/loadavg; }
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr), load $(load)"
echo "hugo:    $(hugo version)"
echo "isnad:   $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD 2>/dev/null || echo +changes), $(go version | cut -d' ' -f3)"
echo "corpus:  $n articles, seed $seed, $(du -sh --apparent-size "$dir/isnad/content" | cut -f1)"
echo "isnad templates: $tmpl"
src=$dir/isnad
[ "$tmpl" = minimal ] && src=$dir/minimal

# measure LOG: prints "seconds peak_kib cpu_seconds" from a /usr/bin/time -v
# log.
measure() {
	awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=(n==3)?t[1]*3600+t[2]*60+t[3]:t[1]*60+t[2]}
		/User time/ {u=$2} /System time/ {y=$2}
		/Maximum resident set size/ {m=$2} END {printf "%.3f %d %.3f\n", s, m, u+y}' "$1"
}

# one TOOL [keep]: runs a build and prints "seconds peak_kib cpu_seconds".
# Without keep, from scratch: no output folder, no cache.
one() {
	local tool=$1 keep=${2:-} log
	log=$(mktemp)
	case $tool in
	isnad)
		[ -n "$keep" ] || rm -rf "$src/site" "$src/.isnad-cache"
		/usr/bin/time -v -o "$log" "$dir/bin/isnad" build --src "$src" --out "$src/site" >/dev/null
		;;
	hugo)
		[ -n "$keep" ] || rm -rf "$dir/hugo/public" "$dir/hugo/resources"
		/usr/bin/time -v -o "$log" hugo --quiet --source "$dir/hugo" --destination "$dir/hugo/public" >/dev/null
		;;
	esac
	measure "$log"
	rm -f "$log"
}

stats() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.3f %.3f %.3f\n", m, a[1], a[NR]}'; }
mib() { awk -v k="$1" 'BEGIN {printf "%.0f", k/1024}'; }

declare -a ti th mi mh ci ch
for ((i = 0; i < warm; i++)); do
	one isnad >/dev/null
	one hugo >/dev/null # warm the page cache
done
for ((i = 0; i < runs; i++)); do
	read -r t m c < <(one isnad); ti+=("$t"); mi+=("$m"); ci+=("$c")
	read -r t m c < <(one hugo); th+=("$t"); mh+=("$m"); ch+=("$c")
done
echo "isnad runs: ${ti[*]} (CPU ${ci[*]}; peak RSS KiB ${mi[*]})"
echo "hugo runs:  ${th[*]} (CPU ${ch[*]}; peak RSS KiB ${mh[*]})"
echo "output:     isnad $(du -sh --apparent-size "$src/site" | cut -f1) in $(find "$src/site" -type f | wc -l) files, hugo $(du -sh --apparent-size "$dir/hugo/public" | cut -f1) in $(find "$dir/hugo/public" -type f | wc -l) files"

read -r mdi lo_i hi_i < <(stats "${ti[@]}")
read -r mdh lo_h hi_h < <(stats "${th[@]}")
read -r memi _ hmemi < <(stats "${mi[@]}")
read -r memh _ hmemh < <(stats "${mh[@]}")
read -r cpi lo_ci hi_ci < <(stats "${ci[@]}")
read -r cph lo_ch hi_ch < <(stats "${ch[@]}")
printf '\n%-6s %9s %19s %10s %19s %16s\n' tool "wall" "min-max (s)" "CPU" "min-max (s)" "peak RSS (max)"
printf '%-6s %8.3fs %9.3f-%-9.3f %9.3fs %9.3f-%-9.3f %6s MiB (%s)\n' isnad "$mdi" "$lo_i" "$hi_i" "$cpi" "$lo_ci" "$hi_ci" "$(mib "$memi")" "$(mib "$hmemi")"
printf '%-6s %8.3fs %9.3f-%-9.3f %9.3fs %9.3f-%-9.3f %6s MiB (%s)\n' hugo "$mdh" "$lo_h" "$hi_h" "$cph" "$lo_ch" "$hi_ch" "$(mib "$memh")" "$(mib "$hmemh")"
awk -v i="$mdi" -v h="$mdh" -v ci="$cpi" -v ch="$cph" -v r="$runs" -v li="$lo_i" -v hi="$hi_i" -v lh="$lo_h" -v hh="$hi_h" -v mi="$memi" -v mh="$memh" 'BEGIN {
	printf "\nisnad is %.2fx faster than hugo in wall time, %.2fx in CPU time (medians of %d alternating runs each), using %.2fx its memory\n", h/i, ch/ci, r, mi/mh
	printf "noise: wall spread (max-min) is %.0f%% of the median for isnad, %.0f%% for hugo\n", (hi-li)*100/i, (hh-lh)*100/h }'

if [ "$incr" = 1 ]; then
	# Incremental: a full build, then alternately a build with nothing
	# changed and a build after one article changed (its last line edited,
	# then restored, so every run changes exactly one file).
	one isnad >/dev/null
	victim=$(find "$src/content" -name '*.md' | sort | sed -n "$((n / 2 + 1))p")
	cp "$victim" "$dir/victim.orig"
	declare -a tn t1
	for ((i = 0; i < runs; i++)); do
		read -r t _ _ < <(one isnad keep); tn+=("$t")
		if ((i % 2 == 0)); then
			printf '\nOne more paragraph, edited at run %d, said Reuters.\n' "$i" >>"$victim"
		else
			cp "$dir/victim.orig" "$victim"
		fi
		read -r t _ _ < <(one isnad keep); t1+=("$t")
	done
	cp "$dir/victim.orig" "$victim"
	read -r mdn lo_n hi_n < <(stats "${tn[@]}")
	read -r md1 lo_1 hi_1 < <(stats "${t1[@]}")
	echo
	echo "isnad incremental (${victim#"$src/"} edited):"
	awk -v f="$mdi" -v n="$mdn" -v ln="$lo_n" -v hn="$hi_n" -v o="$md1" -v lo="$lo_1" -v ho="$hi_1" 'BEGIN {
	printf "  nothing changed: %.3fs (%.3f-%.3f), %.3f of a full build\n", n, ln, hn, n/f
	printf "  one article:     %.3fs (%.3f-%.3f), %.3f of a full build\n", o, lo, ho, o/f }'
fi
echo
echo "load after: $(load)"
