# The server's peak RSS, read after every workload has run.
bench-connect
bench-rss
bench-end
