#!/usr/bin/env python3
"""Turn a stub packet log (a64stub --debug on the guest console) into the
fuzz seed corpus:
  CORPUS/packet/   one decoded payload per file (fuzz_packet's input)
  CORPUS/session/  the client's side of each session, framed as on the
                   wire, SESSION_CHUNK packets a file (fuzz_session's and
                   fuzz_framing's input)
Files are named by the hash of their content, so reruns add, never
duplicate.  Usage: corpus.py LOG CORPUS"""
import hashlib
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "tests", "hardening"))
import rsp  # noqa: E402  (the framing the hardening client uses)

MAX_PACKET = 4096       # keep inputs short: libFuzzer runs them often
SESSION_CHUNK = 40

def frame(payload):
    """The packet as a client sends it, followed by its ack."""
    return rsp.frame(payload) + b"+"

def save(folder, data):
    os.makedirs(folder, exist_ok=True)
    name = hashlib.sha1(data).hexdigest()[:16]
    path = os.path.join(folder, name)
    if not os.path.exists(path):
        with open(path, "wb") as f:
            f.write(data)
        return 1
    return 0

def main():
    log, corpus = sys.argv[1], sys.argv[2]
    sessions, cur = [], []
    rx = re.compile(rb"a64stub: <- (.*?)\r?$")
    with open(log, "rb") as f:
        for line in f:
            if b"Remote debugging from host" in line:
                if cur:
                    sessions.append(cur)
                cur = []
                continue
            m = rx.search(line)
            if m:
                cur.append(m.group(1))
    if cur:
        sessions.append(cur)
    npkt = nsess = 0
    for s in sessions:
        for p in s:
            if len(p) <= MAX_PACKET:
                npkt += save(os.path.join(corpus, "packet"), p)
        for i in range(0, len(s), SESSION_CHUNK):
            chunk = b"+" + b"".join(frame(p) for p in s[i:i + SESSION_CHUNK]
                                    if len(p) <= MAX_PACKET)
            nsess += save(os.path.join(corpus, "session"), chunk)
    print("corpus: %d sessions, %d new packet files, %d new session files"
          % (len(sessions), npkt, nsess))

if __name__ == "__main__":
    main()
