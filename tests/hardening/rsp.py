# A minimal GDB remote-protocol client for the hardening tests: raw
# sockets, no GDB, so that it can send what GDB never would.
import socket
import time

def checksum(body):
    return b"%02x" % (sum(body) & 0xff)

def frame(payload):
    """$payload#cs with '$', '#', '}' and '*' escaped."""
    body = bytearray()
    for b in payload:
        if b in b"$#}*":
            body += bytes([0x7d, b ^ 0x20])
        else:
            body.append(b)
    return b"$" + bytes(body) + b"#" + checksum(body)


class ProtocolError(Exception):
    pass


class Client:
    def __init__(self, port, host="127.0.0.1", timeout=10.0, retries=50):
        for i in range(retries):
            try:
                self.sock = socket.create_connection((host, port), timeout)
                break
            except OSError:
                if i == retries - 1:
                    raise
                time.sleep(0.2)
        self.sock.settimeout(timeout)
        self.buf = b""

    def close(self, reset=False):
        if reset:
            # RST, as when the client process is killed mid-session.
            self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                 b"\x01\x00\x00\x00\x00\x00\x00\x00")
        self.sock.close()

    def send(self, data):
        self.sock.sendall(data)

    def _byte(self):
        while not self.buf:
            data = self.sock.recv(65536)
            if not data:
                raise ProtocolError("the stub closed the connection")
            self.buf += data
        b, self.buf = self.buf[:1], self.buf[1:]
        return b

    def drain(self, wait=0.3):
        """Throw away whatever arrives within WAIT seconds."""
        self.sock.settimeout(wait)
        try:
            while self.sock.recv(65536):
                pass
        except socket.timeout:
            pass
        finally:
            self.sock.settimeout(10.0)
        self.buf = b""

    def read_ack(self):
        b = self._byte()
        if b not in b"+-":
            raise ProtocolError("expected an ack, got %r" % b)
        return b

    def read_packet(self, ack=True):
        """The next packet's decoded payload (acks before it skipped)."""
        while self._byte() != b"$":
            pass
        raw = bytearray()
        while True:
            b = self._byte()
            if b == b"#":
                break
            raw += b
        cs = self._byte() + self._byte()
        if checksum(raw) != cs:
            raise ProtocolError("bad checksum from the stub")
        if ack:
            self.send(b"+")
        out, i = bytearray(), 0
        while i < len(raw):
            c = raw[i]
            if c == 0x7d:
                i += 1
                out.append(raw[i] ^ 0x20)
            elif c == 0x2a:
                i += 1
                out += bytes([out[-1]]) * (raw[i] - 29)
            else:
                out.append(c)
            i += 1
        return bytes(out)

    def cmd(self, payload):
        """Send PAYLOAD framed; return the reply's payload."""
        if isinstance(payload, str):
            payload = payload.encode()
        self.send(frame(payload))
        if self.read_ack() != b"+":
            raise ProtocolError("the stub NAKed a well-formed packet")
        return self.read_packet()

    def handshake(self):
        self.cmd("qSupported:multiprocess+;swbreak+;hwbreak+;vContSupported+")
        return self.cmd("!")


def hexs(s):
    return s.encode().hex() if isinstance(s, str) else s.hex()


def stop_pid(reply):
    """The process id in a T stop reply ('thread:pPID.TID;')."""
    s = reply.decode("latin-1")
    i = s.index("thread:p") + 8
    return int(s[i:s.index(".", i)], 16)
