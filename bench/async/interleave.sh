#!/bin/sh
# interleave.sh [rounds] measures BenchmarkOverflow in interleaved rounds:
# the test binary is built once, and each round runs every benchmark once,
# in an order that turns from round to round, so that a machine that slows
# down or speeds up for a while weighs on both sides of a comparison alike.
# Within each round it divides the generated cursor's ns/msg by the channel
# adapter's, per policy, and prints the median of those ratios (with their
# range), and the medians of ns/msg, allocs/op and recv/op. BENCHTIME
# sets -test.benchtime (1s by default).
set -eu
rounds=${1:-9}
cd "$(dirname "$0")"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
go test -c -o "$dir/async.test" .
set -- Block/Pull Block/Channel DropOldest/Pull DropOldest/Channel DropNewest/Pull DropNewest/Channel
r=1
while [ "$r" -le "$rounds" ]; do
	shift_by=$(((r - 1) % $#))
	i=0
	for b in "$@" "$@"; do
		i=$((i + 1))
		[ "$i" -gt "$shift_by" ] && [ "$i" -le $((shift_by + $#)) ] || continue
		"$dir/async.test" -test.run '^$' -test.bench "^BenchmarkOverflow\$/^${b%/*}\$/^${b#*/}\$" \
			-test.count 1 -test.benchmem -test.benchtime "${BENCHTIME:-1s}" | sed -n "s|^BenchmarkOverflow/|$r |p"
	done
	r=$((r + 1))
done | awk '
function median(list,   n, a, i, j, t) {
	n = split(list, a, " ")
	for (i = 2; i <= n; i++)
		for (j = i; j > 1 && a[j-1] + 0 > a[j] + 0; j--) { t = a[j]; a[j] = a[j-1]; a[j-1] = t }
	return n % 2 ? a[(n+1)/2] : (a[n/2] + a[n/2+1]) / 2
}
function lo(list,   n, a, i, m) { n = split(list, a, " "); m = a[1]; for (i = 2; i <= n; i++) if (a[i] + 0 < m + 0) m = a[i]; return m }
function hi(list,   n, a, i, m) { n = split(list, a, " "); m = a[1]; for (i = 2; i <= n; i++) if (a[i] + 0 > m + 0) m = a[i]; return m }
{
	round = $1; name = $2; sub(/-[0-9]+$/, "", name)
	split(name, part, "/"); policy = part[1]; form = part[2]
	for (i = 4; i < NF; i += 2) v[$(i+1)] = $i
	ns[round, policy, form] = v["ns/msg"]
	nslist[policy, form] = nslist[policy, form] " " v["ns/msg"]
	allocs[policy, form] = allocs[policy, form] " " v["allocs/op"]
	recv[policy, form] = recv[policy, form] " " v["recv/op"]
	rounds[round] = 1; policies[policy] = 1
}
END {
	print "| policy | generated ÷ channel, median (range) | generated ns/msg | channel ns/msg | generated allocs/op | channel allocs/op | generated recv/op | channel recv/op |"
	print "| --- | --- | --- | --- | --- | --- | --- | --- |"
	split("Block DropOldest DropNewest", order, " ")
	for (k = 1; k <= 3; k++) {
		p = order[k]
		if (!(p in policies)) continue
		ratios = ""
		for (r in rounds)
			if ((r, p, "Pull") in ns && (r, p, "Channel") in ns)
				ratios = ratios " " ns[r, p, "Pull"] / ns[r, p, "Channel"]
		printf "| %s | %.2f (%.2f–%.2f) | %.1f | %.1f | %d | %d | %.0f | %.0f |\n", p,
			median(ratios), lo(ratios), hi(ratios),
			median(nslist[p, "Pull"]), median(nslist[p, "Channel"]),
			median(allocs[p, "Pull"]), median(allocs[p, "Channel"]),
			median(recv[p, "Pull"]), median(recv[p, "Channel"])
	}
}'
