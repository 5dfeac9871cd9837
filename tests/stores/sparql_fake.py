#!/usr/bin/env python3
"""A stand-in SPARQL endpoint for the failure cases of sparql_endpoint.sh, on 127.0.0.1 only.
Usage: sparql_fake.py MODE PORTFILE. It listens on a free port, writes the port to PORTFILE,
and serves until killed. MODE: html (200, an HTML page: not RDF), badnt (200, N-Triples with
a syntax error on line 3), hang (accepts connections and never answers)."""
import http.server
import socket
import sys
import time

mode, portfile = sys.argv[1], sys.argv[2]

if mode == "hang":
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    s.listen(8)
    with open(portfile, "w") as f:
        f.write(str(s.getsockname()[1]))
    held = []
    while True:
        conn, _ = s.accept()
        held.append(conn)  # kept open, never read from nor answered

BODIES = {
    "html": ("text/html; charset=utf-8", b"<!DOCTYPE html>\n<html><body><h1>Welcome</h1></body></html>\n"),
    "badnt": ("application/n-triples",
              b"<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n"
              b"<http://example.org/a> <http://example.org/b> \"x\" .\n"
              b"<http://example.org/d> <http://example.org/e> \"y\"@ .\n"),
}


class Handler(http.server.BaseHTTPRequestHandler):
    def answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        ctype, body = BODIES[mode]
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_POST = answer
    do_GET = answer

    def log_message(self, *args):
        pass


server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
with open(portfile, "w") as f:
    f.write(str(server.server_address[1]))
server.serve_forever()
